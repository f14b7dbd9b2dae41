#!/usr/bin/env bash
# The 20-line C host enriches every line of the example conversation.
set -euo pipefail
host=$1
conversation=$2
expected=$(grep -c . "$conversation")
got=$("$host" "$conversation" | grep -c '"schema":1')
echo "$got of $expected messages enriched"
[ "$got" -eq "$expected" ]
