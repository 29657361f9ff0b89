"""The ``tco`` command line, run as a separate process (``python -m libtco`` and the ``tco`` script)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import gpu_workload, make_scenario

import libtco

D = Decimal
DATA = Path(__file__).resolve().parents[1] / "data" / "import"

RUNNERS = [pytest.param([sys.executable, "-m", "libtco"], id="python -m libtco")]
if shutil.which("tco"):
    RUNNERS.append(pytest.param([shutil.which("tco")], id="tco"))


@pytest.fixture(params=RUNNERS)
def tco(request, tmp_path):
    """Runs the command line with arguments; returns the CompletedProcess (stdout/stderr as text)."""

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*request.param, *map(str, args)],
            input=stdin if stdin is not None else "",
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=tmp_path,
            env={**os.environ, "PYTHONWARNINGS": "error"},
            timeout=120,
        )

    return run


def ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return proc.stdout


def failed(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert proc.stdout == ""
    assert proc.stderr.startswith("tco: ")
    return proc.stderr


# --- compare --------------------------------------------------------------------------------------


def test_compare_default_table_shows_both_platforms_and_totals(tco):
    out = ok(tco("compare"))
    header = out.splitlines()[0]
    assert header.startswith("libtco: ai-team-default, 2026-09 (730 h, aws-730)")
    assert "EKS (USD)" in out and "ECS (USD)" in out
    expected = libtco.compare(libtco.default_scenario())
    (total,) = [r for r in out.splitlines() if r.startswith("total")]
    assert total.split()[1:] == [f"{expected.eks.total:,}", f"{expected.ecs.total:,}"]
    (fee,) = [r for r in out.splitlines() if "control plane fee" in r]
    assert fee.split()[-2:] == ["73.00", "0.00"]  # 730 h x $0.10/h; ECS has no fee
    # Staff time by the effort model, one row per item: cluster care 16 h (eks-karpenter) and 4 h (ecs-asg)
    # x $200,000 / 1,840 h = 1,739.13 and 434.78.
    (care,) = [r for r in out.splitlines() if "cluster care (staff time)" in r]
    assert care.split()[-2:] == ["1,739.13", "434.78"]
    assert out == expected.to_table() + "\n" + libtco.recommend(libtco.default_scenario()).to_text()
    # The seed's infrastructure (EKS 6,207.22, ECS 6,500.52) plus 84 h and 42 h of staff time (9,130.43 and 4,565.22):
    # 15,337.65 - 11,065.74 = 4,271.91 (test_costs.py works these out).
    assert "Recommendation: " in out and "With staff time, ECS is cheaper by $4,271.91 a month in total" in out


def test_compare_json_equals_the_library_report(tco, scenario_file):
    out = ok(tco("compare", "--format", "json"))
    assert json.loads(out) == json.loads(libtco.compare(libtco.default_scenario()).to_json())
    assert out == libtco.compare(libtco.default_scenario()).to_json() + "\n"

    doc = make_scenario([gpu_workload(replicas=8)], eks={"node_types": ["g5.xlarge"]}, ecs={"node_types": ["g5.xlarge"]})
    path = scenario_file(doc)
    out = ok(tco("compare", path, "--format", "json"))
    report = json.loads(out, parse_float=D)
    assert report == json.loads(libtco.compare(doc).to_json(), parse_float=D)
    assert report["ecs"]["total_usd"] == "5875.04"  # 8 x 1.006 x 730


def test_compare_csv_rows_add_up_to_the_totals(tco):
    out = ok(tco("compare", "--format", "csv"))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["month", "platform", "category", "item", "detail", "usd", "confidence"]
    totals, infrastructure = {}, {}
    for platform in ("eks", "ecs"):
        parts = [r for r in rows if r["platform"] == platform and r["category"] not in ("total", "infrastructure")]
        (total,) = [D(r["usd"]) for r in rows if r["platform"] == platform and r["category"] == "total"]
        assert sum(D(r["usd"]) for r in parts) == total
        # The infrastructure row is every line but staff time.
        (infra,) = [D(r["usd"]) for r in rows if r["platform"] == platform and r["category"] == "infrastructure"]
        assert infra == sum(D(r["usd"]) for r in parts if r["category"] != "operations")
        totals[platform], infrastructure[platform] = total, infra
    (difference,) = [D(r["usd"]) for r in rows if r["category"] == "difference"]
    assert difference == totals["eks"] - totals["ecs"]
    (infrastructure_difference,) = [D(r["usd"]) for r in rows if r["category"] == "infrastructure_difference"]
    assert infrastructure_difference == infrastructure["eks"] - infrastructure["ecs"]
    assert all(r["month"] == "2026-09" for r in rows)
    # Details with commas are quoted, so every row has the seven fields.
    assert all(None not in r and len(r) == 7 for r in rows)
    assert {r["confidence"] for r in rows if r["category"] == "operations"} == {"low"}


def test_compare_reads_standard_input(tco):
    doc = make_scenario(eks={"clusters": 2})
    out = ok(tco("compare", "-", "--format", "json", stdin=json.dumps(doc)))
    assert D(json.loads(out)["eks"]["total_usd"]) == D("146.00")  # 2 x 730 x 0.10


def test_compare_writes_an_output_file(tco, tmp_path):
    target = tmp_path / "report.csv"
    assert ok(tco("compare", "--format", "csv", "--output", target)) == ""
    assert target.read_text(encoding="utf-8") == libtco.compare(libtco.default_scenario()).to_csv()


def test_compare_with_a_catalog_file(tco, tmp_path):
    doc = libtco.embedded_catalog().to_dict()
    doc["name"] = "half-price-eks"
    doc["fees"]["eks_cluster_standard"]["usd"] = "0.05"
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps(make_scenario()), encoding="utf-8")
    report = json.loads(ok(tco("compare", scenario, "--catalog", path, "--format", "json")))
    assert report["catalog"]["name"] == "half-price-eks"
    assert report["eks"]["total_usd"] == "36.50"  # 730 h x $0.05/h


def test_bad_input_exits_2_with_the_code_and_path_on_stderr(tco, scenario_file):
    path = scenario_file(make_scenario([{"name": "a", "replicas": -1, "vcpu": 1, "memory_gib": 1}]))
    err = failed(tco("compare", path))
    assert "[libtco.validation.113] /workloads/0/replicas:" in err
    assert str(path) in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_lookup_and_placement_errors_print_nothing_on_stdout(tco, scenario_file, fmt):
    path = scenario_file(make_scenario([gpu_workload()], eks={"node_types": ["g9.huge"]}))
    err = failed(tco("compare", path, "--format", fmt))
    assert "[libtco.lookup.200] /eks/node_types/0:" in err
    path = scenario_file(make_scenario([gpu_workload(gpus=16, vcpu=8, memory_gib=64)]), "placement.json")
    err = failed(tco("compare", path, "--format", fmt))
    assert "[libtco.placement.300] /workloads/0:" in err


def test_invalid_json_exits_2(tco, scenario_file):
    err = failed(tco("compare", scenario_file("{not json")))
    assert "[libtco.parse.100]" in err


def test_a_missing_file_exits_2_with_a_clear_message(tco):
    err = failed(tco("compare", "no-such-scenario.json"))
    assert "no-such-scenario.json" in err
    assert "No such file" in err
    assert "Traceback" not in err


def test_a_bad_catalog_exits_2_naming_the_catalog(tco, tmp_path):
    path = tmp_path / "catalog.json"
    path.write_text('{"schema_version": 1}', encoding="utf-8")
    err = failed(tco("compare", "--catalog", path))
    assert f"{path}: [libtco.validation.111]" in err


def test_an_output_file_is_not_written_when_the_comparison_fails(tco, scenario_file, tmp_path):
    target = tmp_path / "out.json"
    failed(tco("compare", scenario_file("{"), "--format", "json", "--output", target))
    assert not target.exists()


def test_usage_errors_exit_2(tco):
    proc = tco("compare", "--format", "xml")
    assert proc.returncode == 2 and proc.stdout == "" and "invalid choice" in proc.stderr
    proc = tco()
    assert proc.returncode == 2 and proc.stdout == ""


# --- validate -------------------------------------------------------------------------------------


def test_validate_ok(tco, scenario_file):
    path = scenario_file(make_scenario([gpu_workload(replicas=8)], eks={"node_types": ["g5.xlarge"]}, ecs={"node_types": ["g5.xlarge"]}))
    out = ok(tco("validate", path))
    assert out.startswith("ok: ")
    assert out.count("\n") == 1
    assert '"test"' in out and "2026-09" in out and "1 workload(s), 8 replica(s)" in out
    assert "EKS $5,948.04 vs ECS $5,875.04" in out  # 73 + 8 x 1.006 x 730, and without the fee


def test_validate_catches_lookup_and_placement_errors(tco, scenario_file):
    # Valid as a document, but the instance type does not exist: only the comparison finds out.
    path = scenario_file(make_scenario([gpu_workload()], ecs={"node_types": ["g9.huge"]}))
    err = failed(tco("validate", path))
    assert "[libtco.lookup.200] /ecs/node_types/0:" in err
    path = scenario_file(make_scenario([{"name": "a", "replicas": 1, "vcpu": 1, "memory_gib": 1, "bogus": 1}]), "b.json")
    err = failed(tco("validate", path))
    assert "[libtco.validation.112] /workloads/0/bogus:" in err


def test_validate_requires_a_file(tco):
    proc = tco("validate")
    assert proc.returncode == 2 and proc.stdout == ""


# --- catalog and scenario -------------------------------------------------------------------------


def test_catalog_lists_instance_types(tco):
    out = ok(tco("catalog", "list"))
    lines = out.splitlines()
    assert lines[0].startswith("catalog aws-us-east-1-2026-07-20 (us-east-1, effective 2026-07-20)")
    assert lines[2].split() == ["type", "vCPU", "memory", "GiB", "GPUs", "GPU", "model", "GPU", "memory", "GiB", "on-demand", "$/h"]
    (g5,) = [r for r in lines if r.startswith("g5.xlarge ")]
    assert g5.split() == ["g5.xlarge", "4", "16", "1", "A10G", "22.3515625", "1.006"]
    (m5,) = [r for r in lines if r.startswith("m5.xlarge ")]
    assert m5.split() == ["m5.xlarge", "4", "16", "0", "-", "-", "0.192"]
    (p5e,) = [r for r in lines if r.startswith("p5e.48xlarge ")]
    assert p5e.split()[-1] == "-"  # no on-demand price


def test_catalog_gpu_only(tco):
    out = ok(tco("catalog", "list", "--gpu"))
    assert "g5.xlarge" in out and "m5.xlarge" not in out


def test_catalog_json_and_csv(tco):
    data = json.loads(ok(tco("catalog", "list", "--format", "json", "--gpu")))
    assert data["catalog"] == "aws-us-east-1-2026-07-20"
    by_type = {t["instance_type"]: t for t in data["instance_types"]}
    assert by_type["g5.xlarge"] == {
        "instance_type": "g5.xlarge",
        "vcpu": "4",
        "memory_gib": "16",
        "gpus": "1",
        "gpu_model": "A10G",
        "gpu_memory_gib": "22.3515625",
        "on_demand_usd_per_hour": "1.006",
    }
    rows = list(csv.DictReader(io.StringIO(ok(tco("catalog", "list", "--format", "csv")))))
    by_type = {r["instance_type"]: r for r in rows}
    assert by_type["m5.xlarge"]["on_demand_usd_per_hour"] == "0.192"
    assert by_type["m5.xlarge"]["gpu_model"] == ""
    assert len(rows) == len(libtco.embedded_catalog().instance_types)


def test_scenario_prints_the_default_scenario(tco):
    out = ok(tco("scenario"))
    assert libtco.load_scenario(out) == libtco.default_scenario()
    assert json.loads(out)["name"] == "ai-team-default"


def test_the_printed_scenario_is_a_starting_point(tco, tmp_path):
    path = tmp_path / "mine.json"
    ok(tco("scenario", "--output", path))
    assert ok(tco("compare", path, "--format", "json")) == ok(tco("compare", "--format", "json"))


def test_version(tco):
    assert ok(tco("--version")).strip() == f"tco (libtco) {libtco.__version__}"


# --- in-process entry point -----------------------------------------------------------------------


def test_main_returns_the_exit_status(capsys, scenario_file):
    from libtco.cli import main

    assert main(["compare", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["scenario"] == "ai-team-default" and err == ""
    assert main(["validate", str(scenario_file("[]"))]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "[libtco.validation.110] (document):" in err


def test_standard_input_is_read_as_utf8():
    doc = make_scenario(name="café ☕")
    proc = subprocess.run(
        [sys.executable, "-m", "libtco", "compare", "-", "--format", "json"],
        input=json.dumps(doc, ensure_ascii=False).encode("utf-8"),
        capture_output=True,
        env={**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "ascii"},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.decode("utf-8"))["scenario"] == "café ☕"
    bad = subprocess.run(
        [sys.executable, "-m", "libtco", "compare", "-"], input=b'{"name": "caf\xe9"}', capture_output=True, timeout=120
    )
    assert bad.returncode == 2 and bad.stdout == b""
    assert b"[libtco.parse.100]" in bad.stderr and b"standard input" in bad.stderr


# --- catalogs: names, show, several side by side, overlays ----------------------------------------


def test_catalog_names(tco):
    out = ok(tco("catalog", "names"))
    assert "aws-us-east-1-2025-04-01  us-east-1  2025-04-01" in out
    assert "aws-us-east-1-2026-07-20  us-east-1  2026-07-20" in out
    assert out.count("(default)") == 1
    rows = json.loads(ok(tco("catalog", "names", "--format", "json")))
    assert [r["name"] for r in rows] == ["aws-us-east-1-2025-04-01", "aws-us-east-1-2026-07-20"]


def test_catalog_show_p5_48xlarge(tco):
    out = ok(tco("catalog", "show", "p5.48xlarge"))
    assert "8 × H100, 80 GiB each" in out
    assert "$55.04/h" in out and "[karpenter-pricing, high]" in out
    assert "1g.10gb ×7" in out and "7g.80gb ×1" in out and "MIG (up to 7 instances)" in out
    # Spot: 57% off (Spot Instance Advisor, low confidence): 55.04 x 0.43 = 23.6672.
    assert "$23.6672/h (57% off), interruption <5%; type figure" in out
    assert "[spot-advisor-2026-09, low]" in out
    # Generic 3-year no-upfront RI: 57% off -> 23.6672; Compute SP 1y no upfront 33.92% off -> 36.370432.
    assert any(l.split()[:5] == ["reserved_instance", "3y", "no_upfront", "23.6672", "57%"] for l in out.splitlines())
    assert any(l.split()[:5] == ["compute_savings_plan", "1y", "no_upfront", "36.370432", "33.92%"] for l in out.splitlines())
    # Auto Mode: 12% of 55.04 = 6.6048; the reported P cut: 4.8% -> 2.64192.
    assert "$6.6048/h" in out and "$2.64192/h" in out
    assert "spot-advisor-2026-09 (low): AWS Spot Instance Advisor" in out


def test_catalog_show_json_and_an_old_catalog(tco):
    data = json.loads(ok(tco("catalog", "show", "p5.48xlarge", "--format", "json", "--catalog", "aws-us-east-1-2025-04-01")))
    assert data["on_demand"] == {"usd_per_hour": "98.32", "source": "aws-ec2-price-cut-2025-06", "confidence": "high"}
    # No 2026 spot quotes in 2025: the generic 50% -> 49.16.
    assert data["spot"]["usd_per_hour"] == "49.16" and data["spot"]["basis"] == "generic"


def test_catalog_show_unknown_type_and_region(tco):
    err = failed(tco("catalog", "show", "p9.96xlarge"))
    assert "[libtco.lookup.200]" in err and "p9.96xlarge" in err
    err = failed(tco("catalog", "show", "p5.48xlarge", "--region", "eu-west-1"))
    assert "no embedded catalog for region" in err


def test_catalog_list_by_region(tco):
    out = ok(tco("catalog", "list", "--gpu", "--region", "us-east-1"))
    assert out.startswith("catalog aws-us-east-1-2026-07-20 (us-east-1")


def test_compare_on_two_catalogs_side_by_side(tco, tmp_path):
    doc = make_scenario(
        [{"name": "train", "replicas": 1, "gpus": 8, "vcpu": 96, "memory_gib": 1024, "gpu_models": ["H100"]}],
        eks={"node_types": ["p5.48xlarge"]},
        ecs={"node_types": ["p5.48xlarge"]},
    )
    path = tmp_path / "s.json"
    path.write_text(json.dumps(doc))
    args = ("compare", path, "--catalog", "aws-us-east-1-2025-04-01", "--catalog", "aws-us-east-1-2026-07-20")
    out = ok(tco(*args))
    # EKS: 73.00 fee + 730 x 98.32 = 71,846.60 before the cut; 73.00 + 730 x 55.04 = 40,252.20 after.
    assert "71,846.60" in out and "40,252.20" in out
    assert "warning (stale_catalog)" in out
    reports = json.loads(ok(tco(*args, "--format", "json")))
    assert [r["catalog"]["name"] for r in reports] == ["aws-us-east-1-2025-04-01", "aws-us-east-1-2026-07-20"]
    rows = list(csv.DictReader(io.StringIO(ok(tco(*args, "--format", "csv")))))
    assert {r["catalog"] for r in rows} == {"aws-us-east-1-2025-04-01", "aws-us-east-1-2026-07-20"}


def test_compare_with_an_overlay_file(tco, tmp_path):
    overlay = tmp_path / "edp.json"
    overlay.write_text(json.dumps({"schema_version": 1, "name": "edp", "discount": "0.1"}))
    report = json.loads(ok(tco("compare", "--format", "json", "--overlay", overlay)))
    assert report["catalog"]["overlay"] == {"name": "edp", "discount": "0.1"}
    # The default scenario's EKS control plane: 730 h x $0.10 x 0.9 = 65.70.
    assert report["eks"]["line_items"][0]["usd"] == "65.70"
    table = ok(tco("compare", "--overlay", overlay))
    assert "price overlay edp (10% off catalog prices)" in table


def test_a_bad_overlay_file_names_itself_and_the_path(tco, tmp_path):
    overlay = tmp_path / "bad.json"
    overlay.write_text(json.dumps({"discount": "-0.1"}))
    err = failed(tco("compare", "--overlay", overlay))
    assert str(overlay) in err and "/discount" in err


def test_catalog_import_offer_file(tco, tmp_path):
    out = tmp_path / "imported.json"
    proc = tco("catalog", "import", "--offer-file", DATA / "offer-small.json", "--name", "refreshed", "--output", out)
    assert proc.returncode == 0, proc.stderr
    assert "into catalog refreshed" in proc.stderr and "skipped" in proc.stderr
    catalog = libtco.load_catalog(out)
    assert catalog.name == "refreshed"
    # The offer file prices m5.large at "0.0960000000" USD per Hrs.
    assert catalog.instance_types["m5.large"].on_demand_usd_per_hour == D("0.096")
    shown = ok(tco("catalog", "show", "m5.large", "--catalog", out))
    assert "[aws-price-list-" in shown


def test_catalog_import_a_malformed_file_fails_with_the_path(tco, tmp_path):
    bad = json.loads((DATA / "offer-small.json").read_text())
    bad["offerCode"] = "AmazonS3"
    path = tmp_path / "bad-offer.json"
    path.write_text(json.dumps(bad))
    err = failed(tco("catalog", "import", "--offer-file", path))
    assert str(path) in err and "/offerCode" in err


def test_validate_the_default_scenario_with_a_demand_profile(tco, tmp_path):
    path = tmp_path / "default.json"
    path.write_text(ok(tco("scenario")))
    out = ok(tco("validate", path))
    # chat-llm peaks at 4 replicas; embeddings 3, reranker 2, fine-tuning 1, api-gateway 6, feature-pipeline 4.
    assert "6 workload(s), 20 replica(s)" in out
