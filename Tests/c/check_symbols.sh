#!/usr/bin/env bash
# The header and the library agree: every function declared in include/parley.h is exported,
# and the library exports nothing else (no parley_ symbol the header lacks, no Swift symbols).
set -euo pipefail
library=$1
header=$2
declared=$(grep -oE '\bparley_[a-z0-9_]+\(' "$header" | tr -d '(' | sort -u)
exported=$(nm -D --defined-only "$library" | awk '$2 ~ /^[A-Z]$/ {print $3}' | sort -u)
status=0
missing=$(comm -23 <(echo "$declared") <(echo "$exported"))
extra=$(comm -13 <(echo "$declared") <(echo "$exported"))
[ -z "$missing" ] || { echo "declared in the header but not exported:"; echo "$missing"; status=1; }
[ -z "$extra" ] || { echo "exported but not declared in the header:"; echo "$extra"; status=1; }
# Sources/CForkSafety resets this thread-local of the Swift runtime in forked children: a
# toolchain that renames it must make this fail, not let forked hosts hang again.
nm "$library" | grep '_ZZN5swift14threading_impl5linux13ulock_get_tidEvE3tid' >/dev/null \
    || { echo "the Swift runtime's cached thread id (ulock_get_tid()::tid) is gone: update Sources/CForkSafety"; status=1; }
echo "$(echo "$declared" | wc -l) functions declared, $(echo "$exported" | wc -l) symbols exported"
exit $status
