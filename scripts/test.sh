#!/usr/bin/env bash
# Runs every test: installs what is missing; builds and runs the fuzzing short run (clang, libFuzzer
# with ASan + UBSan: each harness replays its regressions and seeds, then fuzzes 15 s); builds the C++
# tests and runs ctest (doctest units, the compile-fail test, the installed-package planner); then
# pytest (Python API, CLI, catalog data, the notebooks through nbmake).
# Ends with the runners' summary lines, pytest's last.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh || exit 1

jobs=$(nproc 2>/dev/null || echo 2)
log_dir=$(mktemp -d)

fuzz_status=0
if command -v clang++ >/dev/null; then
    CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DLIBTCO_BUILD_TESTS=OFF -DLIBTCO_FUZZ=ON >/dev/null &&
        cmake --build build/fuzz -j"$jobs" &&
        (cd build/fuzz && ctest -j"$jobs" --output-on-failure) 2>&1 | tee "$log_dir/fuzz.log"
    fuzz_status=${PIPESTATUS[0]}
else
    echo "fuzz: clang++ not found, the fuzzing short run is skipped (scripts/install.sh installs clang)" | tee "$log_dir/fuzz.log"
fi

build=build/cpp
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null || exit 1
cmake --build "$build" -j"$jobs" || exit 1

(cd "$build" && ctest -j"$jobs" --output-on-failure) 2>&1 | tee "$log_dir/ctest.log"
ctest_status=${PIPESTATUS[0]}

export LIBTCO_CONSUMER_BIN="$PWD/$build/consumer-test/build/libtco_planner"
python3 -m pytest -p no:cacheprovider 2>&1 | tee "$log_dir/pytest.log"
pytest_status=${PIPESTATUS[0]}

echo
echo "== summary =="
fuzz_summary=$(grep -E "tests passed|tests failed|skipped" "$log_dir/fuzz.log" | tail -n 1)
echo "fuzzing: ${fuzz_summary:-the harnesses did not build (status $fuzz_status)}"
grep -E "tests passed|tests failed" "$log_dir/ctest.log" | tail -n 1
tail -n 1 "$log_dir/pytest.log"
rm -rf "$log_dir"
[ "$fuzz_status" -eq 0 ] && [ "$ctest_status" -eq 0 ] && [ "$pytest_status" -eq 0 ]
