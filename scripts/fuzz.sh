#!/usr/bin/env bash
# Fuzzes disclose with libFuzzer and AddressSanitizer for SECONDS (default 600), two ways
# (Sources/disclose-fuzz): one record's bytes through the record pipeline (split → YAML →
# decode → validate → render one page), and whole site trees (odd file names and kinds:
# links, hard links, pipes, unreadable files, case and Unicode variants of names) through
# check and a full build, with an oracle that no non-public title reaches the site.
#
#   scripts/fuzz.sh 1800
#
# Seeds are the sample site's records, whole-tree seeds from scripts/fuzz-seeds.py and
# Tests/FuzzRegressions/; new inputs go to
# .build-fuzz/corpus, crashes, hangs and memory blow-ups to fuzz-out/. Copy a finding into
# Tests/FuzzRegressions/ (the tests replay every file there) once it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
swift build -c release --scratch-path .build-fuzz --sanitize=fuzzer --sanitize=address \
    -Xswiftc -DFUZZING --product disclose-fuzz
corpus=.build-fuzz/corpus
mkdir -p "$corpus" fuzz-out
# The first byte of an input picks the record type: 0 policy, 1 budget, 2 guide, 3 report.
type_byte() {
    case "$1" in
        content/policies/*) printf '\000' ;; content/budgets/*) printf '\001' ;;
        content/guides/*) printf '\002' ;; *) printf '\003' ;;
    esac
}
n=0
while IFS= read -r -d '' file; do
    { type_byte "$file"; cat "$file"; } > "$corpus/seed-$n"
    n=$((n + 1))
done < <(find content -name '*.md' -print0)
scripts/fuzz-seeds.py "$corpus"
cp Tests/FuzzRegressions/* "$corpus/" 2>/dev/null || true
# Whole trees are written to TMPDIR: memory when /dev/shm is there.
if [ -d /dev/shm ] && [ -z "${TMPDIR:-}" ]; then export TMPDIR=/dev/shm; fi
# One worker per core, in fork mode: a finding is written to fuzz-out/ and the run goes on
# to the end of SECONDS instead of stopping there. -timeout catches hangs, -rss_limit_mb
# memory blow-ups.
jobs=${FUZZ_JOBS:-$(nproc)}
exec .build-fuzz/release/disclose-fuzz "$corpus" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=262144 -artifact_prefix=fuzz-out/ -print_final_stats=1 \
    -dict=scripts/fuzz.dict -fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1
