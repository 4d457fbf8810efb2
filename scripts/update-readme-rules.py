#!/usr/bin/env python3
"""Replaces the README's two rule tables (Chinese, then English) with the output of
`disclose rules --lang zh` and `--lang en` (built by swift build); a test checks both."""
import pathlib, subprocess
root = pathlib.Path(__file__).resolve().parent.parent
subprocess.run(["swift", "build"], cwd=root, check=True, capture_output=True)
readme = root / "README.md"
text = readme.read_text(encoding="utf-8")
headers = {"zh": "| 规则 | 级别 | 检查什么 | 示例消息 |", "en": "| rule | severity | checks | example message |"}
tables = {lang: subprocess.run([str(root / ".build/debug/disclose"), "rules", "--lang", lang], check=True,
                               capture_output=True, text=True).stdout.rstrip("\n") for lang in headers}
if headers["zh"] not in text:
    # First run: the Chinese table goes before the English one.
    start = text.index(headers["en"])
    text = text[:start] + headers["zh"] + "\n\n" + text[start:]
for lang, header in headers.items():
    start = text.index(header)
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    text = text[:start] + tables[lang] + text[end:]
readme.write_text(text, encoding="utf-8")
print("README rule tables updated")
