#!/usr/bin/env bash
# Times incremental builds against full builds of the same generated corpus, in one run:
#   full        a build into a fresh output (no cache), RUNS times
#   no change   a rebuild of the same content into the same output, RUNS times
#   one edit    `corpus.py --mutate 1` (one public record edited), then a rebuild, RUNS times
# and prints medians, spreads and the ratios to the full build's median.
#
#   Benchmarks/incremental.sh [N]        # default 10000 records
#
# The corpus is Benchmarks/corpus.py's, cached under the name compare.sh gives it.
# Environment: RUNS (default 5), BENCH_CACHE (corpora, default /tmp/disclose-bench),
# TMPDIR (scratch copy and outputs, default /dev/shm: the disk is not measured).
set -euo pipefail
# This script reads the build's English line "nothing changed": messages are Chinese by default.
export DISCLOSE_LANG=en
cd "$(dirname "$0")/.."
n=${1:-10000}
runs=${RUNS:-5}
cache=${BENCH_CACHE:-/tmp/disclose-bench}
scratch=$(mktemp -d "${TMPDIR:-/dev/shm}/disclose-incremental.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
swift build -c release --product disclose >/dev/null
binary=$PWD/.build/release/disclose

gen_hash=$(sha256sum Benchmarks/corpus.py | cut -c1-10)
corpus="$cache/corpus-n$n-s1-w0.10-$gen_hash"
if [[ ! -f $corpus/corpus.json ]]; then
    mkdir -p "$cache"
    python3 Benchmarks/corpus.py --records "$n" --seed 1 --withheld-share 0.10 --out "$corpus.partial.$$" >&2
    mv "$corpus.partial.$$" "$corpus"
fi
cp -a "$corpus" "$scratch/root"

# One timed build: prints "wall_seconds peak_kib".
timed() {
    /usr/bin/time -f "%e %M" -o "$scratch/time" "$binary" build --root "$scratch/root" --output "$1" --quiet 2>"$scratch/log" \
        || { cat "$scratch/log" >&2; exit 1; }
    cat "$scratch/time"
}

declare -a full nochange oneedit
"$binary" build --root "$scratch/root" --output "$scratch/warm" --quiet 2>/dev/null   # warm-up
for run in $(seq "$runs"); do
    rm -rf "$scratch/full" "$scratch/root/.disclose"   # the output and every cache of the root (build and record caches)
    full+=("$(timed "$scratch/full")")
done
for run in $(seq "$runs"); do
    nochange+=("$(timed "$scratch/full")")
done
grep -q "nothing changed" "$scratch/log" || { echo "the no-change rebuild did not find the site up to date" >&2; exit 1; }
for run in $(seq "$runs"); do
    python3 Benchmarks/corpus.py --out "$scratch/root" --mutate 1 >/dev/null
    oneedit+=("$(timed "$scratch/full")")
done
tail -3 "$scratch/log" | head -1

# Median and range of the first field of each sample.
stats() { printf '%s\n' "$@" | awk '{print $1}' | sort -n | awk '{v[NR]=$1} END {printf "%.2f %.2f %.2f", v[int((NR+1)/2)], v[1], v[NR]}'; }
peak() { printf '%s\n' "$@" | awk '{print $2}' | sort -n | awk '{v[NR]=$1} END {printf "%.0f", v[int((NR+1)/2)]/1024}'; }
read -r fm flo fhi <<<"$(stats "${full[@]}")"
read -r nm nlo nhi <<<"$(stats "${nochange[@]}")"
read -r om olo ohi <<<"$(stats "${oneedit[@]}")"
echo "corpus: $n records ($corpus), $runs runs each, outputs in ${TMPDIR:-/dev/shm}"
printf '%-22s %8s %14s %10s %10s\n' "build" "median s" "range s" "peak MiB" "of full"
printf '%-22s %8s %14s %10s %10s\n' "full" "$fm" "$flo–$fhi" "$(peak "${full[@]}")" "100 %"
printf '%-22s %8s %14s %10s %10s\n' "no change" "$nm" "$nlo–$nhi" "$(peak "${nochange[@]}")" "$(awk -v a="$nm" -v b="$fm" 'BEGIN {printf "%.1f %%", 100*a/b}')"
printf '%-22s %8s %14s %10s %10s\n' "one record edited" "$om" "$olo–$ohi" "$(peak "${oneedit[@]}")" "$(awk -v a="$om" -v b="$fm" 'BEGIN {printf "%.1f %%", 100*a/b}')"
