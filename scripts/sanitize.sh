#!/usr/bin/env bash
# The C++ tests under sanitizers (gcc or clang, whichever CXX names):
#  address  ASan + UBSan, every ctest test but the installed-package consumer (a separate, plain
#           build), in build/sanitize-address;
#  thread   TSan, the units that run work on threads (Monte Carlo, sweeps, break-even, sensitivity,
#           parallel_for: any tests/cpp/unit-*.cpp that calls them), in build/sanitize-thread. They
#           run on 1, 2 and 5 threads and on every core (threads 0).
# A sanitizer report fails the test (-fno-sanitize-recover=all, halt_on_error). Ends with each
# build's ctest summary; exits non-zero if either failed.
#
#   scripts/sanitize.sh [address] [thread]      (default: both)
#   SANITIZE_JOBS=1 scripts/sanitize.sh         build and test jobs (default: every core)
set -uo pipefail
cd "$(dirname "$0")/.."

kinds=("$@")
[ ${#kinds[@]} -eq 0 ] && kinds=(address thread)
jobs=${SANITIZE_JOBS:-$(nproc 2>/dev/null || echo 2)}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}

# The units whose source runs work on threads.
threaded_units() {
    grep -lE 'monte_carlo\(|sweep\(|break_even\(|sensitivity\(|parallel_for\(' tests/cpp/unit-*.cpp |
        sed -E 's|tests/cpp/unit-(.*)\.cpp|\1|' | sort
}

summaries=()
status=0
for kind in "${kinds[@]}"; do
    build=build/sanitize-$kind
    case "$kind" in
        address) sanitizers=address,undefined; targets=(all); filter=(-E '^install: ') ;;
        thread)
            sanitizers=thread
            mapfile -t units < <(threaded_units)
            targets=("${units[@]/#/unit-}")
            filter=(-R "^($(IFS='|'; echo "${units[*]}")):")
            ;;
        *) echo "sanitize.sh: unknown kind '$kind' (address or thread)" >&2; exit 2 ;;
    esac
    echo "== $kind ($sanitizers): building ${targets[*]} in $build"
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLIBTCO_SANITIZE="$sanitizers" >/dev/null || exit 1
    if ! cmake --build "$build" -j"$jobs" --target "${targets[@]}"; then
        summaries+=("$kind: build failed"); status=1; continue
    fi
    log=$build/ctest.log
    (cd "$build" && ctest -j"$jobs" --output-on-failure "${filter[@]}") 2>&1 | tee "$log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
    summaries+=("$kind: $(grep -E 'tests passed|tests failed' "$log" | tail -n 1)")
done

echo
echo "== sanitizers =="
printf '%s\n' "${summaries[@]}"
exit $status
