"""Every command's output on the default scenario and the examples stays byte-identical to the committed
goldens (tests/golden/outputs): a refactor changes no figure. A change that alters a figure on purpose
updates the goldens in the same commit (python3 tests/golden/cases.py --update) and says why."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "golden"))
import cases  # noqa: E402

CASES = list(cases.cases())


def test_every_golden_file_has_a_case():
    committed = {p.name for p in cases.OUTPUTS.iterdir()}
    assert committed == {name for name, _ in CASES}


@pytest.mark.parametrize("name,argv", CASES, ids=[name for name, _ in CASES])
def test_output_matches_golden(name, argv):
    expected = (cases.OUTPUTS / name).read_text(encoding="utf-8")
    assert cases.run(argv) == expected
