"""The bad-input corpus (tests/data/bad) through Python and the tco command.

Each file of tests/data/bad/expected.json, and each case generate.py writes (too big for git), must
fail with its code and JSON path: from the Python API as the libtco.errors class of the code's family,
and from the CLI with exit status 2, the code and path on stderr and nothing on stdout. The C++
runner of the same corpus is tests/cpp/unit-bad-input.cpp.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import libtco
from libtco import _core
from libtco.cli import main
from libtco.errors import (
    ArithmeticOverflowError,
    Error,
    NotFoundError,
    ParseError,
    PlacementError,
    ValidationError,
)

CORPUS = Path(__file__).resolve().parents[1] / "data" / "bad"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))

CLASS_OF_FAMILY = {
    "parse": ParseError,
    "validation": ValidationError,
    "lookup": NotFoundError,
    "placement": PlacementError,
    "arithmetic": ArithmeticOverflowError,
}


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("bad_input_generate", CORPUS / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    directory = tmp_path_factory.mktemp("bad-generated")
    return directory, _generator().generate(str(directory))


def run_python(kind: str, stage: str, path: Path) -> None:
    """Reads (and for stage "compare", compares) one corpus file through the Python API."""
    if kind == "scenario":
        scenario = libtco.load_scenario(path)
        if stage == "compare":
            libtco.compare(scenario)
    elif kind == "catalog":
        catalog = libtco.load_catalog(path)
        if stage == "compare":
            libtco.compare(libtco.default_scenario(), catalog=catalog)
    elif kind == "projection":
        libtco.project(libtco.default_scenario(), spec=path)
    elif kind == "montecarlo":  # the Python API takes the spec as arguments; the core reads the file's text
        _core.normalize_monte_carlo_spec(path.read_text(encoding="utf-8"))
    elif kind == "overlay":
        _core.with_price_overlay(_core.default_scenario_json(), path.read_text(encoding="utf-8"))
    else:
        raise AssertionError(f"unknown kind {kind}")


def cli_arguments(kind: str, path: Path) -> list[str]:
    """The tco command line that reads `path` as its kind."""
    return {
        "scenario": ["compare", str(path)],
        "catalog": ["compare", "--catalog", str(path)],
        "projection": ["project", "--spec", str(path)],
        "montecarlo": ["montecarlo", "--spec", str(path)],
        "overlay": ["compare", "--overlay", str(path)],
    }[kind]


def check_python(path: Path, expected: dict[str, Any]) -> None:
    family = expected["code"].split(".")[1]
    with pytest.raises(Error) as info:
        run_python(expected["kind"], expected.get("stage", "read"), path)
    err = info.value
    assert type(err) is CLASS_OF_FAMILY[family], f"{path.name}: {type(err).__name__} {err}"
    assert (err.code, err.path) == (expected["code"], expected["path"]), f"{path.name}: {err}"
    assert err.code_number == int(expected["code"].rsplit(".", 1)[1])
    assert err.detail and str(err) == f"[{err.code}] {err.path or '(document)'}: {err.detail}"


def check_cli(path: Path, expected: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    status = main(cli_arguments(expected["kind"], path))
    out, err = capsys.readouterr()
    assert status == 2, f"{path.name}: exit {status}, stderr {err!r}"
    assert out == "", f"{path.name}: printed {out[:200]!r}"
    assert f"[{expected['code']}] {expected['path'] or '(document)'}: " in err, f"{path.name}: {err[:300]!r}"


def test_the_corpus_covers_what_the_issue_lists() -> None:
    files = {p.name for p in CORPUS.glob("*.json")} - {"expected.json"}
    assert files == set(EXPECTED), "every corpus file is in expected.json and every entry has its file"
    kinds = [e["kind"] for e in EXPECTED.values()]
    assert len(EXPECTED) >= 60 and kinds.count("catalog") >= 15
    codes = {e["code"] for e in EXPECTED.values()}
    for family_code in ("parse.100", "parse.101", "parse.102", "validation.110", "validation.111", "validation.112",
                        "validation.113", "validation.114", "validation.115", "validation.116", "validation.117",
                        "validation.118", "lookup.200", "lookup.201", "lookup.203", "lookup.206", "placement.300",
                        "arithmetic.400"):
        assert f"libtco.{family_code}" in codes
    for entry in EXPECTED.values():
        assert set(entry) <= {"kind", "code", "path", "why", "stage"} and entry["why"]
        assert entry["path"] == "" or entry["path"].startswith("/")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_python_raises_the_expected_class_code_and_path(name: str) -> None:
    check_python(CORPUS / name, EXPECTED[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_exits_2_with_the_code_and_path_on_stderr(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    check_cli(CORPUS / name, EXPECTED[name], capsys)


def test_generated_cases_fail_fast_in_python_and_the_cli(generated, capsys: pytest.CaptureFixture[str]) -> None:
    directory, expected = generated
    assert len(expected) >= 7
    for name, entry in sorted(expected.items()):
        start = time.perf_counter()
        check_python(directory / name, entry)
        took = time.perf_counter() - start
        assert took < 1.0, f"{name}: {took:.2f} s to refuse"
        check_cli(directory / name, entry, capsys)


def test_just_at_the_limits_still_reads() -> None:
    generate = _generator()
    workloads = ",".join(f'{{"name": "w{i}", "replicas": 1, "vcpu": 1, "memory_gib": 1}}' for i in range(generate.MAX_WORKLOADS))
    scenario = libtco.load_scenario('{"schema_version": 1, "month": "2026-09", "team": {"engineers": 1, '
                                    f'"loaded_cost_per_engineer_year": 1}}, "workloads": [{workloads}]}}')
    assert len(scenario.workloads) == 10_000
    catalog = libtco.load_catalog(generate._catalog(generate._types(generate.MAX_CATALOG_INSTANCE_TYPES)))
    assert len(catalog.to_dict()["instance_types"]) == 5_000


def test_the_command_itself_exits_2_with_stdout_empty() -> None:
    """One real process per kind of stream: the exit status and both streams as a shell sees them."""
    for name in ("scenario-json-truncated.json", "catalog-range-negative-price.json", "scenario-placement-too-many-gpus.json"):
        entry = EXPECTED[name]
        proc = subprocess.run([sys.executable, "-m", "libtco", *cli_arguments(entry["kind"], CORPUS / name)],
                              capture_output=True, text=True, env={**os.environ, "COLUMNS": "120"}, timeout=120)
        assert proc.returncode == 2, proc.stderr
        assert proc.stdout == ""
        assert f"[{entry['code']}] {entry['path'] or '(document)'}: " in proc.stderr


def test_the_seeds_ops_share_key_points_to_operations() -> None:
    # ops_share moved under operations ({"share": ...}, or the effort model's hours): the error says where.
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(CORPUS / "scenario-unknown-key-ops-share.json")
    assert (info.value.code, info.value.path) == ("libtco.validation.112", "/eks/ops_share")
    assert '"operations"' in info.value.detail
