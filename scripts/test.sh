#!/usr/bin/env bash
# Every test: the Swift suites (unit and end-to-end, including the kill loop), then the
# browser suite, which builds the sample site with the debug binary the Swift suites
# just built and opens it in headless Chromium from disk.
set -euo pipefail
cd "$(dirname "$0")/.."
swift test
python3 -m pytest -q Tests/Browser
