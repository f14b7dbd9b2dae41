#!/usr/bin/env bash
# Installs what building and testing Parley needs on Debian; does nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t packages < <(grep -v '^#' scripts/apt-packages.txt | grep .)
command -v node >/dev/null || packages+=(nodejs)
node_include=$(node -p "process.config.variables.node_prefix" 2>/dev/null || echo /usr)/include/node
[ -f "$node_include/node_api.h" ] || [ -f /usr/include/node/node_api.h ] || packages+=(libnode-dev)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    echo "setup: installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v swift >/dev/null || { echo "setup: Parley needs a Swift 6 toolchain on PATH (swift.org/install)" >&2; exit 1; }
python3 -m pytest --version >/dev/null 2>&1 || python3 -m pip install --quiet pytest
