#!/usr/bin/env bash
# Installs the C libraries disclose links (cmark-gfm, libxml2) from Debian's packages.
# Run as root, or with sudo available. Safe to run again.
set -euo pipefail
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev)
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "setup: installed ${packages[*]}"
