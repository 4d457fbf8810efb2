#!/usr/bin/env python3
"""Writes whole-tree seeds for the fuzzer (Sources/disclose-fuzz/SiteTreeInput.swift):
the sample site as one tree, and small trees with the loader's odd files (links, pipes,
hard links, unreadable files, odd names) beside public and non-public records.

    scripts/fuzz-seeds.py OUT_DIR
"""
import os
import sys

MARKER, SEP = b"T", b"\x1e"
FILE, DIR, SYMLINK, FIFO, HARDLINK, UNREADABLE = range(6)


def entry(kind, path, data=b""):
    name = path if isinstance(path, bytes) else path.encode()
    return bytes([kind]) + name + b"\n" + data


def tree(entries):
    return MARKER + SEP.join(entries)


def record(title, disclosure, index, extra=""):
    return f"""---
title: {title}
index_number: 11450100MB0000001A/2024-{index:05d}
disclosure: {disclosure}
publisher: 测试区人民政府办公室
created: 2024-01-15
published: 2024-01-19
review: {{reviewer: 保密审查小组, date: 2024-01-17}}
document_number: 测政发〔2024〕{index}号
status: effective
{extra}---
正文第一段，关于{title}的说明。
""".encode()


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    sample = []
    for folder, _, files in sorted(os.walk("content")):
        for name in sorted(files):
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                sample.append(entry(FILE, os.path.relpath(path, "content"), f.read()))
    seeds = {"tree-sample": tree(sample)}
    secret = "关于内部审核事项的说明CANARY-7F3A"
    withheld = record(secret, "withheld", 2, "withheld_reason: 涉及国家秘密\n")
    public = record("测试区关于公开事项的通知", "proactive", 1)
    def with_index(data, n):
        return data.replace(b"2024-00001", b"2024-%05d" % n).replace(b"2024-00002", b"2024-%05d" % n)

    base = [entry(FILE, "policies/a.md", public), entry(FILE, "policies/a-附件.pdf", b"%PDF-1.4 public")]
    seeds["tree-hard-link"] = tree(base + [
        entry(FILE, "policies/b.md", withheld),
        entry(FILE, "policies/b-附件.pdf", b"%PDF-1.4 " + secret.encode()),
        entry(HARDLINK, "policies/a-copy.pdf", "policies/b-附件.pdf".encode()),
    ])
    seeds["tree-symlink"] = tree(base + [
        entry(FILE, "policies/b.md", withheld),
        entry(FILE, "policies/b-附件.pdf", b"%PDF-1.4 " + secret.encode()),
        entry(SYMLINK, "policies/a-link.pdf", "b-附件.pdf".encode()),
    ])
    seeds["tree-same-bytes"] = tree(base + [
        entry(FILE, "policies/b.md", withheld),
        entry(FILE, "policies/b-附件.pdf", b"%PDF-1.4 " + secret.encode()),
        entry(FILE, "policies/a-copy.pdf", b"%PDF-1.4 " + secret.encode()),
    ])
    seeds["tree-upper-case-md"] = tree(base + [entry(FILE, "policies/a-2.MD", with_index(withheld, 7))])
    seeds["tree-markdown-extension"] = tree(base + [entry(FILE, "policies/a-2.markdown", with_index(withheld, 8))])
    seeds["tree-fenced-text"] = tree(base + [entry(FILE, "policies/a-notes.txt", with_index(withheld, 9))])
    seeds["tree-template-text"] = tree(base + [
        entry(FILE, "policies/b.md", withheld),
        entry(FILE, "templates/assets/notes.txt", secret.encode()),
    ])
    seeds["tree-normalisation"] = tree(base + [
        entry(FILE, "policies/caf\u00e9.md", with_index(public, 4).replace(b"status:", b"slug: cafe-1\nstatus:")),
        entry(FILE, "policies/caf\u00e9-附件.pdf", b"%PDF-1.4 public"),
        entry(FILE, "policies/cafe\u0301.md", with_index(withheld, 5).replace(b"status:", b"slug: cafe-2\nstatus:")),
        entry(FILE, "policies/cafe\u0301-附件.pdf", b"%PDF-1.4 " + secret.encode()),
    ])
    seeds["tree-special-files"] = tree(base + [
        entry(SYMLINK, "policies/a-out.pdf", b"/etc/passwd"),
        entry(FIFO, "policies/a-pipe.pdf"),
        entry(UNREADABLE, "policies/a-locked.pdf", b"locked"),
        entry(DIR, "policies/a.html"),
        entry(FIFO, "templates/record.mustache"),
    ])
    seeds["tree-names"] = tree(base + [
        entry(FILE, "policies/a b.pdf", b"x"),
        entry(FILE, "policies/a#1.pdf", b"x"),
        entry(FILE, "policies/a%20b.pdf", b"x"),
        entry(FILE, "policies/a?.pdf", b"x"),
        entry(FILE, "policies/a\\x.pdf", b"x"),
        entry(FILE, "policies/a\n.pdf", b"x"),
        entry(FILE, b"policies/a-\xff.pdf", b"x"),
        entry(FILE, "policies/index.md", with_index(public, 6)),
    ])
    for name, data in seeds.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
