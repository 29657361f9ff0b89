"""The golden cases: every `tco` command on the embedded default scenario and on each example in
scenarios/, in every text format. Their outputs are committed under outputs/; a change that alters a
figure must update them in the same commit and say why (python3 tests/golden/cases.py --update)."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path
from typing import Iterator, List, Tuple

HERE = Path(__file__).resolve().parent
SCENARIOS = HERE / "scenarios"
OUTPUTS = HERE / "outputs"

FORMATS = ("table", "json", "csv")

# command -> its arguments after the scenario (the same for every scenario)
COMMANDS = {
    "compare": [],
    "project": ["--months", "14"],
    "sweep": ["--param", "/team/loaded_cost_per_engineer_year=100000:250000:4", "--param", "/ecs/reserved_memory_gib=0:1:3"],
    "breakeven": ["--param", "/team/loaded_cost_per_engineer_year", "--range", "0:400000"],
    "sensitivity": [],
    "montecarlo": ["--samples", "400", "--seed", "11", "--param", "/team/working_hours_per_year=triangular:1700:1840:2000",
                   "--param", "/ecs/reserved_memory_gib=uniform:0:1"],
    "recommend": [],
}
TEXT_ONLY = {"recommend": ("table", "json")}
ANALYSES = {"sweep", "breakeven", "sensitivity", "montecarlo"}


def scenario_names() -> List[str]:
    return ["default"] + sorted(p.stem for p in SCENARIOS.glob("*.json"))


def cases() -> Iterator[Tuple[str, List[str]]]:
    """(golden file name, tco arguments) for every case."""
    for name in scenario_names():
        scenario = [] if name == "default" else [str(SCENARIOS / f"{name}.json")]
        for command, extra in COMMANDS.items():
            for fmt in TEXT_ONLY.get(command, FORMATS):
                threads = ["--threads", "2"] if command in ANALYSES else []
                yield f"{name}.{command}.{fmt}", [command, *scenario, *extra, "--format", fmt, *threads]


def run(argv: List[str]) -> str:
    """What `tco ARGV` prints on standard output (in this process); raises on a non-zero status."""
    from libtco.cli import main

    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(argv)
    except SystemExit as exit_:
        status = exit_.code
    if status != 0:
        raise RuntimeError(f"tco {' '.join(argv)} exited {status}: {err.getvalue()}")
    return out.getvalue()


def update() -> None:
    OUTPUTS.mkdir(exist_ok=True)
    for old in OUTPUTS.glob("*"):
        old.unlink()
    for name, argv in cases():
        (OUTPUTS / name).write_text(run(argv), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python3 tests/golden/cases.py --update   (rewrites tests/golden/outputs/)")
    update()
