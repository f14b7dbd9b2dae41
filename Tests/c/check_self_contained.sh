#!/usr/bin/env bash
# libParley.so runs where no Swift toolchain is installed: every dependency is a system
# library, none resolves into the toolchain or is missing, and no RUNPATH points into it.
set -euo pipefail
library=$1
deps=$(env -u LD_LIBRARY_PATH ldd "$library")
echo "$deps"
swift_root=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
if echo "$deps" | grep -E "not found|$swift_root|libswift|libFoundation|libdispatch"; then
    echo "libParley.so depends on the Swift toolchain or on a missing library"; exit 1
fi
if readelf -d "$library" | grep -E 'RUNPATH|RPATH' | grep -v '\$ORIGIN\]'; then
    echo "libParley.so carries a RUNPATH other than \$ORIGIN"; exit 1
fi
echo "self-contained: $(stat -c %s "$library") bytes"
