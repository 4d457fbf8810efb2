#!/usr/bin/env python3
"""Prints the README's performance table from the raw outputs in Benchmarks/results/:
compare-N.txt (Benchmarks/compare.sh, plus `check` timings) and incremental-N.txt
(Benchmarks/incremental.sh). Each figure is a median with its min-max spread; each target
of issue 17 is marked met or not (rows marked "issue 6" keep that issue's targets, which
issue 17 does not restate)."""
import re
import statistics
import sys
from pathlib import Path

results = Path(__file__).resolve().parent / "results"


def compare(n):
    path = results / f"compare-{n}.txt"
    if not path.exists():
        return None
    text = path.read_text()
    out = {}
    for name in ("hugo", "tool", "cp floor"):
        m = re.search(rf"^{name}\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", text, re.M)
        if m:
            out[name] = {"wall": float(m.group(1)), "cpu": float(m.group(2)), "peak": float(m.group(4))}
    m = re.search(r"all samples: (.*)\)", text)
    if m:
        for part in re.finditer(r"(hugo|tool|floor) ([\d. ]+?)(?=;|$)", m.group(1)):
            key = "cp floor" if part.group(1) == "floor" else part.group(1)
            samples = [float(x) for x in part.group(2).split()]
            if key in out:
                out[key]["range"] = (min(samples), max(samples))
    checks = [(float(a), float(b) / 1024) for a, b in re.findall(r"^check \d+ records: ([\d.]+) s wall, (\d+) KB peak", text, re.M)]
    if checks:
        walls = [c[0] for c in checks]
        out["check"] = {"wall": statistics.median(walls), "range": (min(walls), max(walls)),
                        "peak": statistics.median(c[1] for c in checks)}
    return out


def incremental(n):
    path = results / f"incremental-{n}.txt"
    if not path.exists():
        return None
    out = {}
    for key, label in (("full", "full"), ("none", "no change"), ("one", "one record edited")):
        m = re.search(rf"^{label}\s+([\d.]+)\s+([\d.]+)–([\d.]+)\s+(\d+)", path.read_text(), re.M)
        if m:
            out[key] = {"wall": float(m.group(1)), "range": (float(m.group(2)), float(m.group(3))), "peak": int(m.group(4))}
    return out


def spread(figure):
    low, high = figure.get("range", (figure["wall"], figure["wall"]))
    return f"{figure['wall']:.2f} s ({low:.2f}–{high:.2f})"


def mark(ok):
    return "met" if ok else "**not met**"


rows = []
c10, c100, i10 = compare(10000), compare(100000), incremental(10000)
if c10 and "tool" in c10 and "hugo" in c10:
    tool, hugo, floor = c10["tool"], c10["hugo"], c10["cp floor"]
    ratio, floor_ratio = tool["wall"] / hugo["wall"], tool["wall"] / floor["wall"]
    rows.append(("full build, 10,000 records, wall", "≤ 0.5 × Hugo (the audit included)",
                 f"{spread(tool)}; Hugo {spread(hugo)}; floor {floor['wall']:.2f} s",
                 f"{ratio:.2f} × Hugo, {floor_ratio:.0f} × floor", mark(ratio <= 0.5)))
    rows.append(("full build, 10,000 records, peak memory", "≤ 0.1 × Hugo",
                 f"{tool['peak']:.0f} MiB; Hugo {hugo['peak']:.0f} MiB", f"{tool['peak'] / hugo['peak']:.2f} × Hugo",
                 mark(tool["peak"] / hugo["peak"] <= 0.1)))
if i10 and "full" in i10:
    for key, label, limit, source in (("one", "one record edited, 10,000 records", 0.10, ""),
                                      ("none", "no-change rebuild, 10,000 records", 0.10, " (issue 6)")):
        if key in i10:
            share = i10[key]["wall"] / i10["full"]["wall"]
            rows.append((label, f"≤ {limit:.0%} of the full build{source}", f"{spread(i10[key])}; full {i10['full']['wall']:.2f} s",
                         f"{share:.1%}", mark(share <= limit)))
if c100 and c10 and "tool" in c100 and "tool" in c10:
    growth = c100["tool"]["wall"] / c10["tool"]["wall"]
    rows.append(("full build, 100,000 records", "≤ 10.5 × the 10,000 build; peak < 1 GiB",
                 f"{spread(c100['tool'])}, {c100['tool']['peak']:.0f} MiB", f"{growth:.1f} × the 10,000 build",
                 mark(growth <= 10.5 and c100["tool"]["peak"] < 1024)))
if c10 and "check" in c10 and "hugo" in c10:
    share = c10["check"]["wall"] / c10["hugo"]["wall"]
    rows.append(("`check`, 10,000 records", "≤ 0.15 × Hugo's full build", f"{spread(c10['check'])}, {c10['check']['peak']:.0f} MiB",
                 f"{share:.2f} × Hugo", mark(share <= 0.15)))
if c100 and "check" in c100 and "tool" in c100:
    share = c100["check"]["wall"] / c100["tool"]["wall"]
    rows.append(("`check`, 100,000 records", "< 25 % of the full build (issue 6)", f"{spread(c100['check'])}, {c100['check']['peak']:.0f} MiB",
                 f"{share:.1%} of the build", mark(share < 0.25)))

print("| figure | target | measured (median, min–max) | ratio | |")
print("|---|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
if not rows:
    sys.exit("no results yet: run Benchmarks/run.sh")
