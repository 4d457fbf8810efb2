#!/usr/bin/env bash
# Builds disclose in release mode and runs Benchmarks/compare.sh (Hugo, disclose and
# the cp floor on the same generated corpus, interleaved) at the given sizes; 100,000
# records run without Hugo (it needs over 8 GB there). Then times `check` at each size,
# runs Benchmarks/incremental.sh at 10,000 records (full, no-change and one-edit builds)
# and prints the table of issue 6's targets (Benchmarks/table.py).
#
#   Benchmarks/run.sh               # 1000 10000 100000
#   Benchmarks/run.sh 10000         # one size
#
# Needs hugo and GNU time (apt-get install hugo time) and python3; nothing outside the
# repository. Outputs go to /dev/shm (the disk is not measured); corpora
# (Benchmarks/corpus.py) are cached in $BENCH_CACHE (default /tmp/disclose-bench).
# Raw compare.sh output: Benchmarks/results/.
set -euo pipefail
# The scripts read the build's English lines ("nothing changed"): messages are Chinese by default.
export DISCLOSE_LANG=en
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
export BENCH_CACHE=${BENCH_CACHE:-/tmp/disclose-bench} TMPDIR=${TMPDIR:-/dev/shm}
swift build -c release --product disclose >/dev/null
mkdir -p Benchmarks/results
for n in "${sizes[@]}"; do
    log=Benchmarks/results/compare-$n.txt
    if [ "$n" -ge 50000 ]; then hugo=none; else hugo=${HUGO:-hugo}; fi
    HUGO=$hugo Benchmarks/compare.sh "$n" "$PWD/.build/release/disclose" build --root {root} --output {out} | tee "$log"
    corpus=$(grep -o "$BENCH_CACHE/corpus-n$n-[^ ]*" "$log" | head -1)
    for run in 1 2 3; do
        /usr/bin/time -f "check $n records: %e s wall, %M KB peak" .build/release/disclose check --root "$corpus" 2>&1 | tail -1
    done | tee -a "$log"
done
if [[ " ${sizes[*]} " == *" 10000 "* ]]; then
    Benchmarks/incremental.sh 10000 | tee Benchmarks/results/incremental-10000.txt
fi
python3 Benchmarks/table.py
