#!/usr/bin/env bash
# Installs what libtco needs on a fresh Debian machine: C++ headers through apt, Python build tools
# and the libtco package (with the `tco` command) through pip. Safe to run again: it skips what is there.
#   bash scripts/install.sh            # the package and its test extras
set -euo pipefail
cd "$(dirname "$0")/.."

# clang and its runtime (libFuzzer, sanitizers) build the fuzzing harnesses of the test suite.
apt_packages=(g++ pkg-config libboost-dev nlohmann-json3-dev libhowardhinnant-date-dev doctest-dev clang libclang-rt-14-dev)
missing=()
for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "libtco: installing ${missing[*]} with apt-get" >&2
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python3 -m pip --version >/dev/null
py_missing=()
python3 -c "import scikit_build_core" 2>/dev/null || py_missing+=("scikit-build-core>=0.10")
python3 -c "import pybind11" 2>/dev/null || py_missing+=("pybind11>=2.12")
command -v cmake >/dev/null || py_missing+=("cmake>=3.20")
command -v ninja >/dev/null || py_missing+=("ninja")
if [ ${#py_missing[@]} -gt 0 ]; then
    python3 -m pip install -q "${py_missing[@]}"
fi

# --no-build-isolation reuses the tools above and the incremental build tree in build/.
python3 -m pip install -q --no-build-isolation ".[test]"
command -v pyenv >/dev/null && pyenv rehash || true
