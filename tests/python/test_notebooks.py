"""The notebooks in notebooks/ are committed clean and CI-ready; pytest runs them with nbmake
(notebooks/ is a test path and ``--nbmake`` is in pyproject.toml's addopts), each in a Jupyter
kernel, and each one's own asserts check the figures its text states."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# The notebooks' CI size (fewer points and samples) and strictness (warnings are errors). Their kernels
# inherit this process's environment; collection ends before any test runs, so setting it here, at
# import, holds for the notebooks of the same run. `pytest notebooks` alone needs it set by hand.
os.environ.setdefault("LIBTCO_NOTEBOOK_CI", "1")

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_three_stories_are_there():
    assert [p.name for p in NOTEBOOKS] == ["eks_vs_ecs.ipynb", "gpu_sharing.ipynb", "what_if.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    for number, cell in enumerate(load(path)["cells"]):
        assert "id" in cell, f"cell {number} has no id (nbformat 4.5)"
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, f"cell {number} has stored output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_starts_with_its_question_and_reads_the_ci_switch(path):
    cells = load(path)["cells"]
    assert cells[0]["cell_type"] == "markdown" and "".join(cells[0]["source"]).startswith("# ")
    first_code = next("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert 'os.environ.get("LIBTCO_NOTEBOOK_CI"' in first_code
    assert 'OUTPUT = Path("output")' in first_code


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_saves_its_figures_and_checks_them(path):
    cells = load(path)["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "save(ax" in code
    last = "".join(cells[-1]["source"])
    assert cells[-1]["cell_type"] == "code" and "OUTPUT.glob(" in last and "assert" in last


def test_nbmake_runs_the_notebooks(pytestconfig):
    assert "notebooks" in pytestconfig.getini("testpaths") and pytestconfig.getoption("nbmake")
    assert os.environ["LIBTCO_NOTEBOOK_CI"] in ("0", "1")
