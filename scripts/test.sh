#!/usr/bin/env bash
# Runs every test: installs what is missing, builds the C++ tests, runs ctest (doctest units, the
# compile-fail test, the installed-package consumer) and pytest (Python API, CLI, catalog data).
# Ends with both runners' summary lines.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh || exit 1

build=build/cpp
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null || exit 1
cmake --build "$build" -j"$jobs" || exit 1

log_dir=$(mktemp -d)
(cd "$build" && ctest -j"$jobs" --output-on-failure) 2>&1 | tee "$log_dir/ctest.log"
ctest_status=${PIPESTATUS[0]}

export LIBTCO_CONSUMER_BIN="$PWD/$build/consumer-test/build/libtco_planner"
python3 -m pytest -p no:cacheprovider 2>&1 | tee "$log_dir/pytest.log"
pytest_status=${PIPESTATUS[0]}

echo
echo "== summary =="
grep -E "tests passed|tests failed" "$log_dir/ctest.log" | tail -n 1
tail -n 1 "$log_dir/pytest.log"
rm -rf "$log_dir"
[ "$ctest_status" -eq 0 ] && [ "$pytest_status" -eq 0 ]
