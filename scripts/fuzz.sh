#!/usr/bin/env bash
# Fuzzes the whole record pipeline (split → YAML → decode → validate → render one page)
# with libFuzzer and AddressSanitizer for SECONDS (default 600).
#
#   scripts/fuzz.sh 1800
#
# Seeds are the sample site's records and Tests/FuzzRegressions/; new inputs go to
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
cp Tests/FuzzRegressions/* "$corpus/" 2>/dev/null || true
# One job per core; -timeout catches hangs, -rss_limit_mb memory blow-ups.
exec .build-fuzz/release/disclose-fuzz "$corpus" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=262144 -artifact_prefix=fuzz-out/ -print_final_stats=1 \
    -dict=scripts/fuzz.dict
