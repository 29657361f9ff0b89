"""Every front end prints the same report: the C++ consumer, the CLI and the Python API.

``LIBTCO_CONSUMER_BIN`` names the example C++ planner that ctest builds against the installed package
(tests/consumer: it prints the comparison of the default scenario, or of the scenario file it is
given, and the sweep, break-even, sensitivity and Monte Carlo `tco` runs, as a table, JSON or CSV).
Without it the tests that need it are skipped.
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
    consumer = run([CONSUMER, "--format", "json"])
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
    assert run([CONSUMER, str(path), "--format", "json"]) == cli_json(str(path))


def test_cli_and_api_print_the_same_bytes(tmp_path):
    # Needs no consumer: the CLI and the Python API share the C++ serializer.
    doc = make_scenario([gpu_workload(replicas=2)], name="ünïcode")
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert cli_json(str(path)) == (libtco.compare(doc).to_json() + "\n").encode("utf-8")


@needs_consumer
def test_the_example_planner_prints_what_tco_compare_prints(tmp_path):
    assert CONSUMER is not None
    assert run([CONSUMER]) == run([sys.executable, "-m", "libtco", "compare"])
    assert run([CONSUMER, "--format", "csv"]) == run([sys.executable, "-m", "libtco", "compare", "--format", "csv"])
    catalog = tmp_path / "catalog.json"
    catalog.write_text(libtco.embedded_catalog("aws-us-east-1-2025-04-01").to_json(), encoding="utf-8")
    with_catalog = run([CONSUMER, "--catalog", str(catalog), "--format", "json"])
    assert with_catalog == cli_json("--catalog", str(catalog))


@needs_consumer
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.json"], "[libtco.io.500]"),
        (["--format", "xml"], "--format must be table, json or csv"),
        (["--catalog"], "--catalog needs a value"),
        (["a.json", "b.json"], "one scenario file at most"),
    ],
)
def test_the_example_planner_refuses_bad_input_cleanly(tmp_path, args, message):
    assert CONSUMER is not None
    proc = subprocess.run([CONSUMER, *args], capture_output=True, timeout=120, check=False, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert message in proc.stderr.decode()


# --- determinism: the same inputs give the same bytes ---------------------------------------------

#: A scenario that exercises what has an order to get wrong: several workloads of every kind, MIG and
#: MPS layouts, spot, a commitment, a demand profile, names outside ASCII.
RICH = make_scenario(
    [
        {"name": "llm", "replicas": 5, "gpus": "0.25", "gpu_memory_gib": 10, "vcpu": 2, "memory_gib": 8, "gpu_models": ["A100-40GB", "H100"]},
        {"name": "trainer", "replicas": 2, "gpus": 1, "vcpu": 8, "memory_gib": 64, "gpu_models": ["H100"], "spot_tolerant": True, "hours": 200},
        {"name": "api-ß", "replicas": 7, "vcpu": "1.5", "memory_gib": 3},
        {"name": "batch", "replicas": 3, "vcpu": 2, "memory_gib": 4, "spot_tolerant": True},
        {"name": "office", "demand": {"base": 1, "peaks": [{"days": "weekdays", "from": "08:00", "to": "18:00", "replicas": 4}]},
         "vcpu": 2, "memory_gib": 4},
    ],
    team={"engineers": "4.5", "loaded_cost_per_engineer_year": "210000"},
    eks={"gpu_sharing": "mig", "spot": {"share": "0.6"},
         "commitments": [{"plan": "compute_savings_plan", "term": "1y", "payment": "no_upfront", "coverage": "0.5"}]},
    ecs={"gpu_sharing": "mps", "spot": {"share": "0.4"}},
)


def test_the_same_inputs_give_the_same_report_run_after_run():
    first = libtco.compare(RICH)
    for _ in range(3):
        again = libtco.compare(libtco.load_scenario(RICH))
        assert again.to_json() == first.to_json()
        assert again.to_csv() == first.to_csv()
        assert again.to_table() == first.to_table()


@pytest.mark.parametrize("hash_seed", ["1", "4242"])
def test_cli_processes_print_the_same_bytes_whatever_the_hash_seed(tmp_path, hash_seed):
    # Python's string hashing differs per process unless PYTHONHASHSEED fixes it; nothing the report
    # prints may depend on a set's or dict's hash order.
    path = tmp_path / "rich.json"
    path.write_text(json.dumps(RICH, ensure_ascii=False), encoding="utf-8")
    reference = run_with_hash_seed("0", "compare", str(path), "--format", "json")
    assert run_with_hash_seed(hash_seed, "compare", str(path), "--format", "json") == reference
    assert reference == (libtco.compare(RICH).to_json() + "\n").encode("utf-8")
    montecarlo = ("montecarlo", str(path), "--samples", "64", "--seed", "3", "--param", "/team/engineers=triangular:2:4.5:9", "--format", "json")
    assert run_with_hash_seed(hash_seed, *montecarlo) == run_with_hash_seed("0", *montecarlo)


def run_with_hash_seed(hash_seed: str, *args: str) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=hash_seed)
    proc = subprocess.run([sys.executable, "-m", "libtco", *args], capture_output=True, timeout=120, check=False, env=env)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return proc.stdout


def analysis_json(result: object) -> str:
    return json.dumps(result.to_dict(), indent=2)  # type: ignore[attr-defined]


def test_analyses_give_the_same_json_on_any_thread_count():
    # Sweeps, break-even scans, sensitivity and Monte Carlo split their points between threads; the
    # results are put back in order, so every thread count gives the same bytes.
    scenario = libtco.load_scenario(RICH)
    runs = {
        "sweep": lambda threads: libtco.sweep(scenario, {"/team/engineers": [1, 3, 7], "/workloads/api-ß/replicas": [1, 9, 20]}, threads=threads),
        "break_even": lambda threads: libtco.break_even(scenario, "/workloads/batch/replicas", 1, 60, threads=threads),
        "sensitivity": lambda threads: libtco.sensitivity(scenario, threads=threads),
        "monte_carlo": lambda threads: libtco.monte_carlo(
            scenario, {"/team/engineers": {"distribution": "normal", "mean": 4.5, "sd": 1, "low": 1, "high": 9},
                       "/ecs/reserved_memory_gib": {"distribution": "uniform", "low": 0, "high": 1}},
            samples=48, seed=11, threads=threads),
    }
    for name, run_on in runs.items():
        one = analysis_json(run_on(1))
        for threads in (2, 5):
            assert analysis_json(run_on(threads)) == one, f"{name} on {threads} threads"


def test_the_cli_prints_the_same_analysis_on_any_thread_count(tmp_path):
    path = tmp_path / "rich.json"
    path.write_text(json.dumps(RICH, ensure_ascii=False), encoding="utf-8")
    for command in (("montecarlo", "--samples", "40", "--seed", "5", "--param", "/ecs/reserved_memory_gib=uniform:0:1"),
                    ("breakeven", "--param", "/workloads/batch/replicas", "--range", "1:60"),
                    ("sweep", "--param", "/workloads/llm/replicas=1:9:3"),
                    ("sensitivity",)):
        outputs = {run_with_hash_seed("0", command[0], str(path), *command[1:], "--format", "json", "--threads", str(t)) for t in (1, 5)}
        assert len(outputs) == 1, command[0]


@needs_consumer
def test_consumer_cli_and_api_print_the_same_bytes_for_a_rich_scenario(tmp_path):
    # MIG layouts, MPS, spot, commitments, a demand profile and non-ASCII names, through each front end.
    assert CONSUMER is not None
    path = tmp_path / "rich.json"
    path.write_text(json.dumps(RICH, ensure_ascii=False), encoding="utf-8")
    consumer = run([CONSUMER, str(path), "--format", "json"])
    assert consumer == cli_json(str(path))
    assert consumer == (libtco.compare(RICH).to_json() + "\n").encode("utf-8")


# --- the analyses: the planner (C++ writers called directly), the CLI and the Python API -----------

#: The default scenario with the seed's staff rule given explicitly (engineers x loaded cost x share, EKS 0.15 and
#: ECS 0.035), so that /team/engineers moves the difference (a break-even crossing to print) and /eks/operations/share
#: exists: the default's effort model has neither. replace merges the objects: everything else is the default's.
SEEDED = libtco.default_scenario().replace(eks={"operations": {"share": "0.15"}}, ecs={"operations": {"share": "0.035"}})


@pytest.fixture(scope="module")
def seeded_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("seeded") / "seeded-default.json"
    path.write_text(SEEDED.to_json(), encoding="utf-8")
    return str(path)


#: Each analysis with the arguments `tco` and the planner both take (after the SEEDED scenario's file).
ANALYSES = {
    "sweep": ["--param", "/team/engineers=1:9:5", "--param", "/ecs/reserved_memory_gib=0:1:3"],
    "breakeven": ["--param", "/team/engineers", "--range", "0:40"],
    "sensitivity": ["--param", "/eks/operations/share=0.1:0.2", "--param", "/ecs/reserved_memory_gib=0:1"],
    "montecarlo": ["--samples", "300", "--seed", "11", "--param", "/eks/operations/share=triangular:0.1:0.15:0.2",
                   "--param", "/ecs/reserved_memory_gib=uniform:0:1", "--param", "/team/engineers=choice:4,6,9"],
}


def cli(*args: str) -> bytes:
    return run([sys.executable, "-m", "libtco", *args])


@needs_consumer
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
@pytest.mark.parametrize("command", sorted(ANALYSES))
def test_the_example_planner_prints_what_tco_prints_for_each_analysis(command, fmt, seeded_path):
    assert CONSUMER is not None
    args = [command, seeded_path, *ANALYSES[command], "--format", fmt]
    assert run([CONSUMER, *args]) == cli(*args)


@needs_consumer
@pytest.mark.parametrize("command", sorted(ANALYSES))
def test_the_planner_and_tco_agree_on_each_analysis_of_a_rich_scenario(tmp_path, command):
    # Spot, commitments, MIG and MPS, a demand profile, names outside ASCII; the default sensitivity.
    assert CONSUMER is not None
    path = tmp_path / "rich.json"
    path.write_text(json.dumps(RICH, ensure_ascii=False), encoding="utf-8")
    extra = {"sweep": ["--param", "/workloads/api-ß/replicas=1,7,20"], "breakeven": ["--param", "/workloads/batch/replicas", "--range", "1:60"],
             "sensitivity": [], "montecarlo": ["--samples", "40", "--seed", "5", "--param", "/ecs/reserved_memory_gib=uniform:0:1"]}[command]
    for fmt in ("table", "json", "csv"):
        args = [command, str(path), *extra, "--format", fmt]
        assert run([CONSUMER, *args]) == cli(*args), fmt


def api_results() -> dict[str, object]:
    """Each analysis of ANALYSES through the Python API, on the SEEDED default scenario."""
    scenario = SEEDED
    return {
        "sweep": libtco.sweep(scenario, {"/team/engineers": [1, 3, 5, 7, 9], "/ecs/reserved_memory_gib": ["0", "0.5", "1"]}),
        "breakeven": libtco.break_even(scenario, "/team/engineers", 0, 40),
        "sensitivity": libtco.sensitivity(scenario, {"/eks/operations/share": ("0.1", "0.2"), "/ecs/reserved_memory_gib": (0, 1)}),
        "montecarlo": libtco.monte_carlo(scenario, {"/eks/operations/share": {"distribution": "triangular", "low": "0.1", "mode": "0.15", "high": "0.2"},
                                                    "/ecs/reserved_memory_gib": {"distribution": "uniform", "low": 0, "high": 1},
                                                    "/team/engineers": {"distribution": "choice", "values": [4, 6, 9]}},
                                         samples=300, seed=11),
    }


@pytest.mark.parametrize("command", sorted(ANALYSES))
def test_the_python_api_gives_what_tco_prints_for_each_analysis(command, seeded_path):
    # Needs no consumer: the data behind `tco <analysis> --format json` is the API's to_dict().
    result = api_results()[command]
    printed = cli(command, seeded_path, *ANALYSES[command], "--format", "json")
    assert json.loads(printed) == result.to_dict()  # type: ignore[attr-defined]
    assert printed == (json.dumps(result.to_dict(), indent=2) + "\n").encode("utf-8")  # type: ignore[attr-defined]


def test_the_python_api_gives_what_tco_prints_for_the_default_effort_figures():
    # The default scenario itself (no file): its staff parameters are the effort model's figures and the team's hours.
    args = ["--param", "/eks/operations/on_call_hours_per_month=4:24", "--param", "/team/working_hours_per_year=1700:2000"]
    result = libtco.sensitivity(libtco.default_scenario(), {"/eks/operations/on_call_hours_per_month": (4, 24),
                                                            "/team/working_hours_per_year": (1700, 2000)})
    printed = cli("sensitivity", *args, "--format", "json")
    assert printed == (json.dumps(result.to_dict(), indent=2) + "\n").encode("utf-8")


def test_the_python_api_gives_the_csv_and_summary_tco_prints(seeded_path):
    results = api_results()
    assert cli("sweep", seeded_path, *ANALYSES["sweep"], "--format", "csv") == results["sweep"].to_csv().encode("utf-8")  # type: ignore[attr-defined]
    table = cli("breakeven", seeded_path, *ANALYSES["breakeven"], "--format", "table").decode("utf-8")
    assert table.startswith(results["breakeven"].summary() + ".\n")  # type: ignore[attr-defined]
