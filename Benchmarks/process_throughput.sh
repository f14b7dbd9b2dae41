#!/usr/bin/env bash
# `parley process` throughput on N generated messages (default 10,000): median of 3 runs, for
# an in-memory store and a file store. Usage: Benchmarks/process_throughput.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
swift build -c release -Xswiftc -static-stdlib --product parley >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/generate_messages.py "$count" >"$work/messages.jsonl"

run() { # run LABEL CONFIG-JSON
    local rates=()
    for _ in 1 2 3; do
        rm -f "$work"/p.db*
        echo "$2" >"$work/config.json"
        local start end
        start=$(date +%s.%N)
        .build/release/parley process --config "$work/config.json" "$work/messages.jsonl" >/dev/null 2>&1
        end=$(date +%s.%N)
        rates+=("$(python3 -c "print(round($count / ($end - $start)))")")
    done
    local median
    median=$(printf '%s\n' "${rates[@]}" | sort -n | sed -n 2p)
    echo "$label: $median messages/s (runs: ${rates[*]})"
}
label="in-memory store"; run "$label" '{"region": "RW"}'
label="file store (WAL, synchronous=normal)"; run "$label" "{\"region\": \"RW\", \"store\": {\"path\": \"$work/p.db\"}}"
