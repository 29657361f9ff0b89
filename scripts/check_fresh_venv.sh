#!/usr/bin/env bash
# Checks the documented installs in a fresh virtual environment, from a clean copy of the checkout:
#   pip install .            -> `import libtco` and `tco compare` work, without the optional extras
#   pip install '.[notebook]' -> plots, XLSX and the notebooks run (executed with Jupyter's nbconvert)
# Needs the apt headers scripts/install.sh installs and the package index; takes several minutes
# (an isolated build). Not part of scripts/test.sh for that reason.
#   bash scripts/check_fresh_venv.sh [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
mkdir -p "$work"
git archive --format=tar HEAD | (mkdir -p "$work/src" && tar -x -C "$work/src")
python3 -m venv "$work/venv"
py="$work/venv/bin/python"

echo "== pip install ." >&2
"$py" -m pip install -q "$work/src"
"$work/venv/bin/tco" compare | tail -n 8
"$py" - <<'EOF'
import importlib.util
import libtco

assert importlib.util.find_spec("matplotlib") is None, "matplotlib came with the plain install"
result = libtco.compare(libtco.default_scenario())
print("plain install:", str(result))
try:
    libtco.compare(libtco.default_scenario()).plot()
except ImportError as e:
    assert "libtco[plot]" in str(e), e
    print("without the extra, plotting says:", e)
else:
    raise AssertionError("plot() worked without matplotlib")
EOF

echo "== pip install '.[notebook]'" >&2
"$py" -m pip install -q "$work/src[notebook]"
for notebook in "$work"/src/notebooks/*.ipynb; do
    (cd "$work/src/notebooks" && PATH="$work/venv/bin:$PATH" LIBTCO_NOTEBOOK_CI=1 jupyter nbconvert --to notebook --execute \
        --ExecutePreprocessor.kernel_name=python3 --output "$work/executed-$(basename "$notebook")" "$notebook" >/dev/null)
    echo "executed $(basename "$notebook")"
done
ls "$work/src/notebooks/output"
echo "fresh virtual environment: both installs work ($work)"
