#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (Swift, -sanitize=fuzzer,address, release) and runs
# each for a bounded time from its seed corpus Fuzz/Corpus/<target>. Fails if any target
# crashes, traps, leaks, times out (10 s per input) or runs out of memory (2 GB).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default: 20 s, every target
#
# Targets: json message webhook config intentdata intentmodel media hostcalls export (see Fuzz/Sources/*).
# New inputs libFuzzer finds go to Fuzz/.build/fuzz-work/<target> (kept between runs, not
# committed); a failing input is written to Fuzz/.build/artifacts/<target>-crash-* (or
# -leak-, -timeout-, -oom-). Reproduce one with
#   Fuzz/.build/release/Fuzz<Target> Fuzz/.build/artifacts/<file>
# and, once fixed, keep it as Fuzz/Corpus/<target>/regression-<what>.
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"

seconds=${1:-20}
[[ $# -gt 0 ]] && shift
all=(json message webhook config intentdata intentmodel media hostcalls export)
targets=("${@:-${all[@]}}")
for target in "${targets[@]}"; do
    [[ " ${all[*]} " == *" $target "* ]] || { echo "fuzz.sh: unknown target $target (${all[*]})" >&2; exit 2; }
done

# The root package as a path dependency whose identity ("parley-root") is fixed, whatever
# the checkout's directory is called (Fuzz/Package.swift).
mkdir -p .build/artifacts .build/logs
ln -sfn ../.. .build/parley-root

echo "== building fuzz targets (release, -sanitize=fuzzer,address)"
started=$SECONDS
# --sanitize fuzzer makes SwiftPM link the executables with libFuzzer's main; the -Xswiftc
# flag comes last and instruments every module, ParleyCore included (the driver keeps only
# the last -sanitize= option, so `--sanitize fuzzer --sanitize address` would lose one).
swift build -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address 2>&1 \
    | { grep -v "Cannot export local symbol '__asan_extra_spill_area'" || true; }
[[ ${PIPESTATUS[0]} -eq 0 ]] || { echo "fuzz.sh: build failed" >&2; exit 1; }
echo "   built in $((SECONDS - started)) s"

# libFuzzer handles crashes itself: no Swift backtracer (slow, and it would catch the signal first).
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:symbolize=1}

failed=()
for target in "${targets[@]}"; do
    case $target in
        json) binary=FuzzJSON ;; message) binary=FuzzMessage ;; webhook) binary=FuzzWebhook ;;
        config) binary=FuzzConfig ;; intentdata) binary=FuzzIntentData ;; intentmodel) binary=FuzzIntentModel ;;
        media) binary=FuzzMedia ;; hostcalls) binary=FuzzHostCalls ;; export) binary=FuzzExport ;;
    esac
    dict=()
    case $target in json|message|webhook|config|hostcalls) dict=(-dict=json.dict) ;; esac
    work=.build/fuzz-work/$target
    log=.build/logs/$target.log
    mkdir -p "$work"
    status=0
    ".build/release/$binary" "$work" "Corpus/$target" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -print_final_stats=1 -artifact_prefix=".build/artifacts/$target-" >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+' || true)
    if [[ $status -eq 0 ]]; then
        printf '%-12s ok    %9s runs %7s/s  %s\n' "$target" "${runs:-?}" "${rate:-?}" "$last"
    else
        printf '%-12s FAIL  (exit %d) %s\n' "$target" "$status" "$last"
        grep -E 'ERROR|Fatal error|SUMMARY|Test unit written|artifact' "$log" | head -20 || true
        echo "   full log: Fuzz/$log"
        failed+=("$target")
    fi
done

echo "   total $((SECONDS - started)) s"
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzz.sh: failing targets: ${failed[*]}" >&2
    exit 1
fi
