"""Projections from Python and the ``tco project`` command.

Expected figures are worked out by hand in the comments (EKS $0.10 / $0.60 per cluster-hour, a
730-hour month; p5.48xlarge $55.04/h in the 2026-07-20 catalog, $98.32/h in the 2025-04-01 one).
"""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import subprocess
import sys
from decimal import Decimal

import pytest
from conftest import NO_TEAM, make_scenario

import libtco
from libtco.projection import FRAME_COLUMNS, TOTALS_COLUMNS

D = Decimal


@pytest.fixture(scope="module")
def upgrades_off() -> libtco.Projection:
    return libtco.project(libtco.default_scenario(), "2027-01", 36, upgrade_policy="none",
                          eks_lifecycle={"version_released": "2027-01"})


def control_plane(frame, platform="eks"):
    rows = frame[(frame.platform == platform) & (frame.category == "control_plane")]
    return dict(zip(rows.month, rows.usd))


def test_extended_support_fee_starts_in_2028_03_when_upgrades_are_off(upgrades_off):
    # A version released 2027-01 has standard support 2027-01 .. 2028-02 (14 months): 0.10 x 730 = 73.00;
    # then extended: 0.60 x 730 = 438.00.
    fees = control_plane(upgrades_off.to_frame())
    assert len(fees) == 36
    assert {fees[m] for m in fees if m <= "2028-02"} == {D("73.00")}
    assert {fees[m] for m in fees if m >= "2028-03"} == {D("438.00")}
    totals = upgrades_off.totals_frame().set_index("month")
    assert totals.loc["2028-02", "eks_support"] == "standard"
    assert totals.loc["2028-03", "eks_support"] == "extended"
    assert totals.loc["2028-03", "eks_version_age_months"] == 14


def test_no_extended_support_fee_when_upgrades_are_on():
    p = libtco.project(libtco.default_scenario(), "2027-01", 36)  # before-end-of-standard by default
    assert set(control_plane(p.to_frame()).values()) == {D("73.00")}
    frame = p.to_frame()
    upgrades = frame[frame.item == "EKS version upgrade (staff time)"]
    # Versions come every 4 months: 2027-05, 2027-09, 2028-01. Upgraded in 2028-02 (the 2027-01 version's last standard
    # month of 14) to the 2028-01 version, and in 2029-02 to 2029-01's: 3 minor versions one at a time, each 40 h for the
    # cluster (eks-karpenter's upgrade hours): 3 x 40 x $200,000 / 1,840 h = 3 x 4,347.83 = 13,043.48.
    assert list(upgrades.month) == ["2028-02", "2029-02"]
    assert set(upgrades.usd) == {D("13043.48")}
    assert set(upgrades.detail.str.contains("40 h per upgrade x 3 minor version(s)", regex=False)) == {True}
    # The upgrade months carry the upgrade work: no month has the comparison's steady 40 x 3 / 12 = 10 h line as well.
    assert frame[frame.item == "EKS version upgrades (staff time)"].empty
    # The seed's share (given explicitly) already holds all platform work: no upgrade line of its own.
    seeded = libtco.default_scenario().replace(eks={"operations": {"share": "0.15"}}, ecs={"operations": {"share": "0.035"}})
    shared = libtco.project(seeded, "2027-01", 36).to_frame()
    assert shared[shared.item == "EKS version upgrade (staff time)"].empty
    assert set(shared[shared.category == "operations"].usd) == {D("15000.00"), D("3500.00")}  # 6 x 200,000 x 0.15 / 12, x 0.035 / 12
    assert p.spec["eks_lifecycle"]["version_released"] == "2027-01"  # the start, filled in


def test_frames_have_one_row_per_line_item_and_per_month(upgrades_off):
    frame = upgrades_off.to_frame()
    assert tuple(frame.columns) == FRAME_COLUMNS
    assert set(frame.platform) == {"eks", "ecs"}
    assert all(isinstance(v, Decimal) for v in frame.usd)
    totals = upgrades_off.totals_frame()
    assert tuple(totals.columns) == TOTALS_COLUMNS
    assert totals.shape == (36, len(TOTALS_COLUMNS))
    assert list(totals.month) == upgrades_off.month_names
    # each month's rounded lines add up to its total, and the totals to the cumulative ones
    sums = frame.groupby(["month", "platform"]).usd.sum()
    for row in totals.itertuples():
        assert sums[(row.month, "eks")] == row.eks
        assert sums[(row.month, "ecs")] == row.ecs
        assert row.difference == row.eks - row.ecs
    assert totals.eks_cumulative.iloc[-1] == upgrades_off.totals["eks"] == sum(totals.eks)
    assert upgrades_off.difference == upgrades_off.totals["eks"] - upgrades_off.totals["ecs"]
    assert upgrades_off.cheaper == "ecs"
    assert upgrades_off.months == 36 and upgrades_off.start == "2027-01" and upgrades_off.end == "2029-12"


def test_growth_and_steps():
    s = make_scenario([{"name": "svc", "replicas": 10, "vcpu": 1, "memory_gib": 2}], month="2027-01")
    p = libtco.project(s, months=15, growth={"monthly_rate": "0.02",
                                             "steps": [{"month": "2027-04", "workload": "svc", "factor": 2},
                                                       {"month": "2028-01", "workload": "svc", "replicas": 6}]})
    replicas = [row["replicas"]["svc"] for row in p.to_dict()["by_month"]]
    # ceil(10 x 1.02^k): 10, 10.2 -> 11, 10.404 -> 11; x 2 from 2027-04: 21.22416 -> 22; reset to 6 in
    # 2028-01, then 6.12 -> 7 and 6.2424 -> 7
    assert replicas[:4] == [10, 11, 11, 22]
    assert replicas[12:] == [6, 7, 7]


def test_one_time_costs_amortized_with_the_remainder_last():
    s = make_scenario([], month="2027-01", team={"engineers": 0, "loaded_cost_per_engineer_year": "200000"})
    p = libtco.project(s, months=3, one_time_costs=[
        {"name": "migration", "platform": "eks", "month": "2027-01", "usd": "10000", "amortize_months": 3},
        {"name": "training", "platform": "both", "month": "2027-02", "engineer_months": "0.6", "amortize_months": 24}])
    frame = p.to_frame()
    migration = frame[frame.item == "migration"]
    # 10,000 / 3 in whole cents, the remainder on the last month
    assert list(migration.usd_exact) == [D("3333.33"), D("3333.33"), D("3333.34")]
    assert sum(migration.usd_exact) == D(10000)
    # training: 0.6 x 200,000 / 12 = 10,000 over 24 months = 416.67 (whole cents, half-even) a month; 2 months
    # fall in the horizon, the other 22 after it: 10,000 - 2 x 416.67 = 9,166.66
    assert p.unamortized_after_horizon == {"eks": D("9166.66"), "ecs": D("9166.66")}


def test_npv_of_a_flat_stream_matches_the_annuity_formula():
    # EKS pays 73.00 a month, nothing else; 12% a year is exactly 1% a month:
    # 73 x (1 - 1.01^-36) / 0.01 = 2,197.847867...
    p = libtco.project(make_scenario([], month="2027-01"), months=36, discount_rate="0.12")
    assert p.npv == {"eks": D("2197.85"), "ecs": D("0.00")}
    assert p.totals["eks"] == D("2628.00")  # 36 x 73
    assert p.npv_difference == D("2197.85")
    assert p.cheaper_npv == "ecs"


def test_price_change_to_the_2025_catalog_in_its_month():
    workload = {"name": "train", "replicas": 1, "gpus": 8, "vcpu": 96, "memory_gib": 1024, "hours": 10, "gpu_models": ["H100"]}
    s = make_scenario([workload], month="2027-01", eks={"node_types": ["p5.48xlarge"]}, ecs={"node_types": ["p5.48xlarge"]})
    p = libtco.project(s, months=2, price_changes=[{"month": "2027-02", "catalog": "aws-us-east-1-2025-04-01"}])
    frame = p.to_frame()
    compute = frame[(frame.category == "compute") & (frame.platform == "ecs")]
    assert list(compute.usd) == [D("550.40"), D("983.20")]  # 10 h x 55.04, then 10 h x 98.32
    assert list(p.totals_frame().catalog) == ["aws-us-east-1-2026-07-20", "aws-us-east-1-2025-04-01"]
    # the same on a catalog given for every month
    old = libtco.project(s, months=1, catalog=libtco.embedded_catalog("aws-us-east-1-2025-04-01"))
    assert old.totals_frame().catalog.iloc[0] == "aws-us-east-1-2025-04-01"


def test_spec_sources_and_overrides(tmp_path):
    spec = {"start": "2027-01", "months": 24, "eks_lifecycle": {"upgrade_policy": "every-release", "release_interval_months": 3}}
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    from_file = libtco.project(libtco.default_scenario(), spec=path)
    assert from_file.months == 24
    assert from_file.spec["eks_lifecycle"]["upgrade_policy"] == "every-release"
    # arguments override the spec's keys; upgrade_policy keeps the rest of eks_lifecycle
    p = libtco.project(libtco.default_scenario(), "2027-03", 6, spec=spec, upgrade_policy="none")
    assert (p.start, p.months) == ("2027-03", 6)
    assert p.spec["eks_lifecycle"]["upgrade_policy"] == "none"
    assert p.spec["eks_lifecycle"]["release_interval_months"] == 3


def test_errors_carry_code_and_path():
    scenario = libtco.default_scenario()
    with pytest.raises(libtco.ValidationError) as e:
        libtco.project(scenario, months=0)
    assert (e.value.code, e.value.path) == ("libtco.validation.113", "/months")
    with pytest.raises(libtco.ValidationError) as e:
        libtco.project(scenario, bogus=1)
    assert (e.value.code, e.value.path) == ("libtco.validation.112", "/bogus")
    with pytest.raises(libtco.NotFoundError) as e:
        libtco.project(scenario, growth={"steps": [{"month": "2027-01", "workload": "nope", "factor": 2}]})
    assert e.value.path == "/growth/steps/0/workload"
    assert isinstance(e.value, KeyError)
    with pytest.raises(libtco.ValidationError) as e:
        libtco.project(scenario, spec={"growth": {"monthly_rate": "-2"}})
    assert e.value.path == "/growth/monthly_rate"
    with pytest.raises(libtco.ValidationError) as e:
        libtco.project(scenario, upgrade_policy="sometimes")
    assert e.value.path == "/eks_lifecycle/upgrade_policy"


def test_json_csv_pickle_and_reprs(upgrades_off):
    data = json.loads(upgrades_off.to_json())
    assert data["schema_version"] == 1
    assert data["by_month"][14]["eks"]["line_items"][0]["usd"] == "438.00"
    assert upgrades_off.to_dict()["totals"]["eks"]["npv_usd"] == upgrades_off.npv["eks"]
    rows = list(csv.reader(io.StringIO(upgrades_off.to_csv())))
    assert rows[0] == ["month", "platform", "category", "item", "usd"]
    assert all(len(r) == 5 for r in rows)
    assert ["2028-03", "eks", "control_plane", "EKS cluster fee (extended support)", "438.00"] in rows
    assert ["total", "eks", "total", "36 months", str(upgrades_off.totals["eks"])] in rows
    assert "net present value at 8% a year" in upgrades_off.to_table()
    again = pickle.loads(pickle.dumps(upgrades_off))
    assert again.to_json() == upgrades_off.to_json()
    assert str(upgrades_off).startswith("'ai-team-default' 2027-01..2029-12 (36 months): EKS $")
    assert "NPV at 8%" in str(upgrades_off)
    assert repr(upgrades_off).startswith("project(default_scenario(), spec='{")
    assert eval(repr(upgrades_off), vars(libtco)) == upgrades_off
    assert upgrades_off._repr_html_().startswith('<table class="libtco-projection">')
    assert [w.code for w in upgrades_off.warnings] == ["stale_catalog"]
    assert upgrades_off.warnings[0].months[0] == "2027-08"
    names = [a.name for a in upgrades_off.assumptions]
    assert "projection:/discount_rate" in names and "projection:/eks_lifecycle/release_interval_months" in names
    assert "/eks/operations/upgrade_hours_per_upgrade" in names  # an upgrade's staff time: the scenario's effort model


# --- tco project ------------------------------------------------------------------------------------


def tco(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "libtco", *map(str, args)], input="", capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, env={**os.environ, "PYTHONWARNINGS": "error"}, timeout=120)


def test_cli_project_table_json_csv(tmp_path):
    proc = tco("project", "--start", "2027-01", "--months", "16", "--upgrade-policy", "none")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("libtco projection: ai-team-default, 16 months from 2027-01 to 2028-04")
    (march,) = [line for line in lines if line.startswith("2028-03")]
    assert "extended, 2027-01 release (14 mo)" in march
    assert "net present value at 8% a year" in proc.stdout

    out = tmp_path / "p.json"
    proc = tco("project", "--start", "2027-01", "--months", "3", "--discount-rate", "0.12", "--format", "json", "-o", out)
    assert proc.returncode == 0 and proc.stdout == "", proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["monthly_discount_rate"] == "0.01" and data["months"] == 3

    proc = tco("project", "--months", "2", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    assert rows[0] == ["month", "platform", "category", "item", "usd"]
    assert rows[-1][:3] == ["total", "eks-ecs", "npv"]


def test_cli_project_spec_file_and_errors(tmp_path):
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"start": "2027-01", "months": 3, "one_time_costs": [
        {"name": "migration", "platform": "eks", "month": "2027-02", "usd": "1000"}]}), encoding="utf-8")
    proc = tco("project", "--spec", spec, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    assert "2027-02,eks,one_time,migration,1000.00" in proc.stdout.splitlines()

    def failed(*args: str) -> str:
        proc = tco(*args)
        assert proc.returncode == 2, (proc.stdout, proc.stderr)
        assert proc.stdout == ""
        assert proc.stderr.startswith("tco: ")
        return proc.stderr

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"growth": {"monthly_rat": "0.02"}}), encoding="utf-8")
    assert f"{bad}: [libtco.validation.112] /growth/monthly_rat" in failed("project", "--spec", bad)
    unknown = tmp_path / "unknown.json"
    unknown.write_text(json.dumps({"growth": {"steps": [{"month": "2027-01", "workload": "nope", "factor": 2}]}}), encoding="utf-8")
    assert f"{unknown}: [libtco.lookup.205] /growth/steps/0/workload" in failed("project", "--spec", unknown)
    assert "[libtco.validation.113] /months" in failed("project", "--months", "0")
    assert "[libtco.validation.114] /start" in failed("project", "--start", "2027-13")
    assert "/discount_rate" in failed("project", "--discount-rate", "-1")
    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps(make_scenario([], team=NO_TEAM, eks={"clusters": -1})), encoding="utf-8")
    assert f"{scenario}: [libtco.validation.113] /eks/clusters" in failed("project", scenario)


def test_cli_option_errors_do_not_blame_the_spec_file(tmp_path):
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"months": 3}), encoding="utf-8")
    proc = tco("project", "--spec", spec, "--months", "0")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == "tco: [libtco.validation.113] /months: must be in [1, 120], got 0\n"
