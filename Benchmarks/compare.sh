#!/usr/bin/env bash
# Times Hugo (Benchmarks/hugo), a tool under test and a `cp -r` floor building the same
# corpus (Benchmarks/corpus.py), and fails if any output shows a non-public record.
#
#   Benchmarks/compare.sh N [TOOL WORD...]
#
#   N      records in the corpus; generated once per N, seed, share and version of
#          corpus.py, then reused from $BENCH_CACHE
#   TOOL   the command under test; in each word {root} becomes the corpus root and {out}
#          an output directory that does not exist yet:
#            Benchmarks/compare.sh 1000 .build/release/disclose build --root {root} --output {out}
#          a single word holding spaces runs as a shell command line (bash -c)
#
# After one warm-up run each, the contenders run RUNS times in rounds (Hugo, tool, floor,
# Hugo, tool, floor, ...), so a change in the machine's state falls on all of them. Each
# run writes a new directory; outputs are removed only at the end (on ext4 without a
# journal, files created shortly after many were deleted are much slower to create).
# Per run: wall time, CPU time (user + system), peak RSS (GNU time) and the CPU time the
# rest of the machine used meanwhile (/proc/stat less the run's own). Printed: medians,
# the samples, and `tool / hugo: wall X.XXx, peak memory Y.YYx`, the shape
# Benchmarks/table.py reads. Every output, warm-up included, is searched for every canary
# of the corpus, case-insensitively, in file contents and in paths.
#
# Environment: SEED (1), WITHHELD_SHARE (0.10), RUNS (3), BENCH_CACHE (corpora;
# ${TMPDIR:-/tmp}/disclose-bench), HUGO (hugo; `none` leaves Hugo out), KEEP=1 (keep the
# outputs), TMPDIR (where outputs go; /dev/shm keeps the disk out of the figures).
# Exit status: 0 all built and nothing leaked; 1 a build failed or leaked; 2 usage.
set -euo pipefail

usage() { sed -n '2,/^set /{/^set /d;s/^# \{0,1\}//;p}' "$0" >&2; exit 2; }
fail() { echo "compare.sh: $*" >&2; exit 2; }

[[ $# -ge 1 && $1 =~ ^[1-9][0-9]*$ ]] || usage
records=$1
shift
tool=("$@")

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
seed=${SEED:-1}
share=${WITHHELD_SHARE:-0.10}
runs=${RUNS:-3}
cache=${BENCH_CACHE:-${TMPDIR:-/tmp}/disclose-bench}
hugo=${HUGO:-hugo}
gnu_time=/usr/bin/time

[[ $runs =~ ^[1-9][0-9]*$ ]] || fail "RUNS must be a positive whole number"
command -v python3 >/dev/null || fail "python3 is needed (the corpus generator)"
"$gnu_time" -f %M true >/dev/null 2>&1 || fail "GNU time is needed at $gnu_time (apt-get install time)"
if [[ $hugo != none ]]; then
    command -v "$hugo" >/dev/null || fail "$hugo not found (apt-get install hugo, or HUGO=none)"
fi

# ---- the corpus ----------------------------------------------------------------------

version=$(sha256sum "$bench/corpus.py" | cut -c1-10)
root="$cache/corpus-n$records-s$seed-w$share-$version"
if [[ ! -s $root/corpus.json ]]; then
    mkdir -p "$cache"
    echo "compare.sh: writing $records records to $root" >&2
    rm -rf "$root.tmp.$$"
    python3 "$bench/corpus.py" --records "$records" --seed "$seed" --withheld-share "$share" --out "$root.tmp.$$"
    rm -rf "$root"
    mv "$root.tmp.$$" "$root"
fi
canaries=$root/canaries.txt

scratch=$(mktemp -d "${TMPDIR:-/tmp}/disclose-compare-XXXXXX")
tag=$(basename "$scratch")
finish() {
    if [[ ${KEEP:-0} == 1 ]]; then echo "compare.sh: outputs kept in $scratch" >&2; else rm -rf "$scratch"; fi
    # disclose keeps a cache per output in the root's .disclose/, named after the output;
    # each run here has a new output, so each is a full build, and its cache is dead weight.
    rm -f "$root/.disclose/$tag-"*
}
trap finish EXIT
trap 'exit 130' INT TERM
# Hugo keeps a resource folder in the site source unless told where else.
export HUGO_RESOURCEDIR=$scratch/hugo-resources

contenders=()
[[ $hugo == none ]] || contenders+=(hugo)
[[ ${#tool[@]} -eq 0 ]] || contenders+=(tool)
contenders+=(floor)

# The command line of contender $1 writing to $2, into the array `line`.
command_line() {
    local word
    case $1 in
        hugo) line=("$hugo" --source "$bench/hugo" --contentDir "$root/content" --destination "$2"
                    --cacheDir "$scratch/hugo-cache" --noBuildLock --quiet) ;;
        floor) line=(cp -r "$root/content" "$2") ;;
        tool)
            line=()
            for word in "${tool[@]}"; do
                word=${word//\{root\}/$root}
                line+=("${word//\{out\}/$2}")
            done
            # One word with spaces is a shell command line.
            if [[ ${#line[@]} -eq 1 && ${line[0]} == *" "* ]]; then line=(bash -c "${line[0]}"); fi ;;
    esac
}

# Machine-wide busy CPU time in clock ticks: user, nice, system, irq, softirq.
busy_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8; exit }' /proc/stat; }
hz=$(getconf CLK_TCK)

leaks=""
# Counts what output $2 of contender $1 holds and looks for canaries in it.
survey() {
    local who=$1 out=$2 in_files=0 in_paths=0
    if [[ -s $canaries ]]; then
        in_files=$(LC_ALL=C grep -r -l -i -F -f "$canaries" "$out" | wc -l || true)
        in_paths=$(find "$out" | LC_ALL=C grep -c -i -F -f "$canaries" || true)
    fi
    if (( in_files + in_paths > 0 )) && [[ $leaks != *"<$who>"* ]]; then
        leaks+="<$who>"
        echo "LEAK: $who wrote $in_files files holding a canary and $in_paths paths naming one, among them:" >&2
        { LC_ALL=C grep -r -l -i -F -f "$canaries" "$out" || true
          find "$out" | LC_ALL=C grep -i -F -f "$canaries" || true; } | head -n 5 | sed "s|^$out/|    |" >&2
    fi
    echo "$(find "$out" -type f -name '*.html' | wc -l) $(find "$out" -type f | wc -l) $(du -sb "$out" | cut -f1) $in_files $in_paths" \
        >"$scratch/$who.survey"
}

# One run of contender $1; with $2 = timed its figures are kept: "wall peak_kib cpu other".
count=0
run_once() {
    local who=$1 out t0 t1 b0 b1
    count=$((count + 1))
    out=$scratch/$tag-$count-$who
    command_line "$who" "$out"
    sync
    b0=$(busy_ticks)
    t0=$(date +%s%N)
    if ! "$gnu_time" -f '%M %U %S' -o "$scratch/time" "${line[@]}" >"$scratch/$who.log" 2>&1; then
        echo "compare.sh: $who failed ($(printf '%q ' "${line[@]}")):" >&2
        tail -n 20 "$scratch/$who.log" >&2
        exit 1
    fi
    t1=$(date +%s%N)
    b1=$(busy_ticks)
    [[ $who == floor ]] || survey "$who" "$out"
    if [[ $2 == timed ]]; then
        read -r peak user sys <"$scratch/time"
        awk -v ns=$((t1 - t0)) -v ticks=$((b1 - b0)) -v hz="$hz" -v peak="$peak" -v u="$user" -v s="$sys" 'BEGIN {
            other = ticks / hz - u - s; if (other < 0) other = 0
            printf "%.3f %d %.2f %.2f\n", ns / 1e9, peak, u + s, other }' >>"$scratch/$who.runs"
    fi
}

# ---- the runs ------------------------------------------------------------------------

read -r n_records n_public n_bytes < <(python3 -c 'import json, sys
m = json.load(open(sys.argv[1])); print(m["records"], m["public_records"], m["record_bytes"])' "$root/corpus.json")
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(uname -sr)"
if [[ $hugo == none ]]; then echo "hugo:    left out (HUGO=none)"; else echo "hugo:    $("$hugo" version | awk '{ print $2 }')"; fi
printf 'corpus:  %d records (%d public, %d canaries), %.1f MB in %d files, seed %s\n' "$n_records" "$n_public" \
    "$(grep -c . "$canaries" || true)" "$(awk -v b="$n_bytes" 'BEGIN { print b / 1e6 }')" \
    "$(find "$root/content" -type f | wc -l)" "$seed"
echo "         $root"
echo "runs:    1 warm-up + $runs timed per contender, interleaved; medians below"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) before"

for who in "${contenders[@]}"; do run_once "$who" warmup; done
room=$(df --output=avail -B1 "$scratch" | tail -n 1)
needed=$(( $(du -sb "$scratch" | cut -f1) * runs ))
(( needed < room * 9 / 10 )) || { echo "compare.sh: the timed runs need about $((needed / 1000000)) MB in $scratch; $((room / 1000000)) MB are free" >&2; exit 1; }
for ((round = 1; round <= runs; round++)); do
    for who in "${contenders[@]}"; do run_once "$who" timed; done
done
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) after (1, 5, 15-minute averages; above 0.1 before a run means something else is busy)"
echo

# ---- the figures ---------------------------------------------------------------------

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '%-8s %10s %9s %13s %14s %9s %10s\n' "" "wall s" "CPU s" "other CPU s" "peak RSS MiB" "pages" "output MB"
declare -A wall peak
for who in "${contenders[@]}"; do
    wall[$who]=$(cut -d' ' -f1 "$scratch/$who.runs" | median)
    peak[$who]=$(cut -d' ' -f2 "$scratch/$who.runs" | median)
    cpu=$(cut -d' ' -f3 "$scratch/$who.runs" | median)
    other=$(cut -d' ' -f4 "$scratch/$who.runs" | median)
    pages=- size=-
    if [[ -f $scratch/$who.survey ]]; then
        read -r pages _ bytes _ <"$scratch/$who.survey"
        size=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
    fi
    name=$who
    [[ $who != floor ]] || name="cp floor"
    printf '%-8s %10.3f %9.2f %13.2f %14.1f %9s %10s\n' "$name" "${wall[$who]}" "$cpu" "$other" \
        "$(awk -v k="${peak[$who]}" 'BEGIN { print k / 1024 }')" "$pages" "$size"
done
samples=()
for who in "${contenders[@]}"; do samples+=("$who $(cut -d' ' -f1 "$scratch/$who.runs" | paste -sd' ')"); done
echo "(wall s: median of $runs; all samples: $(IFS=';'; echo "${samples[*]}" | sed 's/;/; /g'))"

if [[ -n ${wall[tool]:-} && -n ${wall[hugo]:-} ]]; then
    echo
    awk -v tw="${wall[tool]}" -v hw="${wall[hugo]}" -v tp="${peak[tool]}" -v hp="${peak[hugo]}" 'BEGIN {
        printf "tool / hugo: wall %.2fx, peak memory %.2fx  (below 1 means the tool is faster / smaller)\n", tw / hw, tp / hp }'
fi
echo
for who in "${contenders[@]}"; do
    [[ $who != floor ]] || continue
    read -r pages files _ in_files in_paths <"$scratch/$who.survey"
    if [[ $leaks == *"<$who>"* ]]; then
        echo "$who: $pages HTML pages, $files files written; LEAK: a canary in $in_files files and $in_paths paths (last run)"
    else
        echo "$who: $pages HTML pages, $files files written; no canary in any output file or path"
    fi
done
[[ -z $leaks ]]
