#!/usr/bin/env bash
# The long fuzzing run. Builds the libFuzzer harnesses (clang, ASan + UBSan) in build/fuzz and runs
# each for SECONDS (default 600) on a corpus kept between runs in build/fuzz-corpus/<harness>
# (outside git), seeded from tests/fuzz/corpus, pricing/ and tests/data/bad. Ends with a line per
# harness: executions, coverage (cov: edges), features (ft), corpus (inputs/size), and whether it found
# anything; exits non-zero if one did. Findings are written to build/fuzz-artifacts/<harness>/.
#
#   scripts/fuzz.sh [SECONDS] [HARNESS...]     harnesses: scenario catalog compare (default: all)
#   FUZZ_PARALLEL=2 scripts/fuzz.sh 600        runs two harnesses at a time
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=(scenario catalog compare)
parallel=${FUZZ_PARALLEL:-1}

if ! command -v clang++ >/dev/null; then
    echo "fuzz.sh: clang++ is missing (apt-get install clang libclang-rt-dev)" >&2
    exit 1
fi
build=build/fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLIBTCO_BUILD_TESTS=OFF -DLIBTCO_FUZZ=ON >/dev/null || exit 1
cmake --build "$build" -j"$(nproc 2>/dev/null || echo 2)" || exit 1

seeds_of() {
    local seeds=()
    case "$1" in
        catalog) seeds+=(tests/fuzz/corpus/catalog pricing) ;;
        *) seeds+=(tests/fuzz/corpus/scenario) ;;
    esac
    [ -d tests/data/bad ] && seeds+=(tests/data/bad)
    echo "${seeds[@]}"
}

run_one() {
    local harness=$1
    local corpus=build/fuzz-corpus/$harness artifacts=build/fuzz-artifacts/$harness/
    mkdir -p "$corpus" "$artifacts"
    # shellcheck disable=SC2046
    "$build/tests/fuzz/fuzz_$harness" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -print_final_stats=1 \
        -dict=tests/fuzz/json.dict -artifact_prefix="$artifacts" "$corpus" $(seeds_of "$harness") \
        >"build/fuzz-$harness.log" 2>&1
    echo $? >"build/fuzz-$harness.status"
}

echo "fuzzing ${harnesses[*]} for $seconds s each, $parallel at a time; logs in build/fuzz-<harness>.log"
for harness in "${harnesses[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n; done
    run_one "$harness" &
done
wait

status=0
echo
printf '%-9s %12s %8s %8s %14s  %s\n' harness executions cov ft corpus result
for harness in "${harnesses[@]}"; do
    log=build/fuzz-$harness.log
    last=$(grep -aE '^#[0-9]+.*cov: ' "$log" | tail -n 1)
    execs=$(grep -aoE 'stat::number_of_executed_units: [0-9]+' "$log" | awk '{print $2}')
    cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$last")
    ft=$(sed -nE 's/.*ft: ([0-9]+).*/\1/p' <<<"$last")
    corpus=$(sed -nE 's/.*corp: ([0-9]+\/[0-9]+[a-zA-Z]*).*/\1/p' <<<"$last")
    if [ "$(cat "build/fuzz-$harness.status")" -eq 0 ]; then
        result="nothing found"
    else
        result="FOUND: see $log and build/fuzz-artifacts/$harness/ (keep the input in tests/fuzz/regressions/$harness/)"
        status=1
    fi
    printf '%-9s %12s %8s %8s %14s  %s\n' "$harness" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$corpus" "$result"
done
exit $status
