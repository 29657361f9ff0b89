"""Every front end prints the same report: the C++ consumer, the CLI and the Python API.

``LIBTCO_CONSUMER_BIN`` names the C++ consumer that ctest builds (tests/consumer: it prints the JSON
report of the default scenario, or of the scenario file it is given, and a newline). Without it
these tests are skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import gpu_workload, make_scenario

import libtco

CONSUMER = os.environ.get("LIBTCO_CONSUMER_BIN")

needs_consumer = pytest.mark.skipif(
    not CONSUMER,
    reason="LIBTCO_CONSUMER_BIN is not set (point it at the C++ consumer built by ctest to compare front ends byte for byte)",
)


def run(args: list[str]) -> bytes:
    proc = subprocess.run(args, capture_output=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return proc.stdout


def cli_json(*args: str) -> bytes:
    return run([sys.executable, "-m", "libtco", "compare", *args, "--format", "json"])


@needs_consumer
def test_consumer_and_cli_print_the_same_bytes_for_the_default_scenario():
    assert CONSUMER is not None
    consumer = run([CONSUMER])
    assert consumer == cli_json()
    assert consumer == (libtco.compare(libtco.default_scenario()).to_json() + "\n").encode("utf-8")


@needs_consumer
def test_consumer_and_cli_print_the_same_bytes_for_a_scenario_file(tmp_path):
    assert CONSUMER is not None
    doc = make_scenario(
        [gpu_workload(replicas=3), {"name": "naïve-svc", "replicas": 2, "vcpu": "1.5", "memory_gib": 3}],
        name="café",
        team={"engineers": "2.5", "loaded_cost_per_engineer_year": "187500.5"},
        hours_basis="calendar",
        month="2028-02",
    )
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert run([CONSUMER, str(path)]) == cli_json(str(path))


def test_cli_and_api_print_the_same_bytes(tmp_path):
    # Needs no consumer: the CLI and the Python API share the C++ serializer.
    doc = make_scenario([gpu_workload(replicas=2)], name="ünïcode")
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert cli_json(str(path)) == (libtco.compare(doc).to_json() + "\n").encode("utf-8")
