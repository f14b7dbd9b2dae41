#!/usr/bin/env bash
# Sets up and runs every test: Swift unit tests, then through the real shared library the C
# ABI test, the symbol check, the C example and the CLI (ctest), Python, Node, and a bounded
# libFuzzer run over every entry point that takes host bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

echo "== Swift (ParleyCoreTests)"
# A throwaway PostgreSQL on loopback for PostgresTests (unless PARLEY_PG_URL names one), stopped at exit.
if [[ -z "${PARLEY_PG_URL:-}" ]]; then export PARLEY_PG_URL="$(scripts/pg-test-server.sh start)"; trap 'scripts/pg-test-server.sh stop' EXIT; fi
swift test

echo "== C and CLI through libParley.so (ctest)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure

echo "== Python"
python3 -m venv --system-site-packages build/venv
build/venv/bin/pip install --quiet --force-reinstall ./bindings/python
(cd build && venv/bin/python -m pytest -q ../bindings/python/tests)

echo "== Node"
node --test bindings/node/test/

echo "== Fuzzing (libFuzzer, 20 s per target)"
scripts/fuzz.sh 20
