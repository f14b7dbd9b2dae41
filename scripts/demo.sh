#!/usr/bin/env bash
# Sets up, builds the CLI and runs Parley on the example tenant conversation.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >&2
swift build -c release -Xswiftc -static-stdlib --product parley >&2
.build/release/parley process --config Examples/config.json Examples/conversation.jsonl
