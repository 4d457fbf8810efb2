#!/usr/bin/env python3
"""Replaces the README's rule table with the output of `disclose rules` (built by swift build)."""
import pathlib, subprocess
root = pathlib.Path(__file__).resolve().parent.parent
subprocess.run(["swift", "build"], cwd=root, check=True, capture_output=True)
table = subprocess.run([str(root / ".build/debug/disclose"), "rules"], check=True, capture_output=True, text=True).stdout
readme = root / "README.md"
text = readme.read_text(encoding="utf-8")
start = text.index("| rule | severity | checks | example message |")
end = text.index("\n\n", start)
readme.write_text(text[:start] + table.rstrip("\n") + text[end:], encoding="utf-8")
print("README rule table updated")
