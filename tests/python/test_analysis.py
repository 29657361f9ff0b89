"""Sweeps, break-even, sensitivity, Monte Carlo and the recommendation, from Python and the CLI.

The "shared" scenario: 8 replicas of 0.4 GPU (8 GiB) on g5.xlarge ($1.006/h), 730 h. ECS gives each
replica a GPU: 8 x 730 x 1.006 = 5,875.04; EKS time-slices two per GPU: 4 x 734.38 = 2,937.52 plus
the $73.00 cluster fee. Staff by the seed's share rule, given explicitly (`operations: {share: ...}`, not
the default effort model) so that it moves with the team size: E engineers at $120,000; EKS 15%, ECS
3.5%: 1,500 E and 350 E a month.
So d(E) = EKS - ECS = 1,150 E - 2,864.52, zero at E* = 2.490886956...
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal

import numpy as np
import pytest

import libtco

D = Decimal

SHARED = {
    "schema_version": 1, "name": "shared", "month": "2026-09",
    "team": {"engineers": 1, "loaded_cost_per_engineer_year": "120000"},
    "workloads": [{"name": "w", "replicas": 8, "gpus": "0.4", "gpu_memory_gib": 8, "vcpu": 1, "memory_gib": 4}],
    "eks": {"node_types": ["g5.xlarge"], "gpu_sharing": "time-slicing", "operations": {"share": "0.15"}},
    "ecs": {"node_types": ["g5.xlarge"], "operations": {"share": "0.035"}},
}


def test_sweep_of_team_size_matches_the_hand_worked_totals():
    r = libtco.sweep(SHARED, {"/team/engineers": [0, 1, "2.5", 10]})
    assert r.closed_form
    assert r.eks_cents.dtype == np.int64
    # EKS 3,010.52 + 1,500 E; ECS 5,875.04 + 350 E.
    assert r.eks_cents.tolist() == [301052, 451052, 676052, 1801052]
    assert r.ecs_cents.tolist() == [587504, 622504, 675004, 937504]
    frame = r.to_frame()
    assert list(frame.columns) == ["/team/engineers", "eks_usd", "ecs_usd", "difference_usd"]
    assert frame["difference_usd"].tolist() == [-2864.52, -1714.52, 10.48, 8635.48]
    assert r.to_dict()["eks_usd"][2] == "6760.52"
    assert r.to_csv().splitlines()[3] == "2.5,6760.52,6750.04,10.48"


def test_a_two_parameter_grid_varies_the_last_fastest():
    r = libtco.sweep(SHARED, {"/team/engineers": [1, 2], "/eks/operations/share": ["0.1", "0.2"]})
    # EKS staff: E x 120,000 x share / 12 = 1,000 E (0.1) or 2,000 E (0.2).
    assert r.eks_cents.tolist() == [301052 + 100000, 301052 + 200000, 301052 + 200000, 301052 + 400000]
    assert [list(a) for a in r.grid()] == [[1, 1, 2, 2], [0.1, 0.2, 0.1, 0.2]]


def test_a_replicas_sweep_re_places_and_agrees_with_compare():
    r = libtco.sweep(SHARED, {"/workloads/w/replicas": range(1, 6)}, threads=2)
    assert not r.closed_form
    for n, eks, ecs in zip(range(1, 6), r.eks_cents, r.ecs_cents):
        doc = json.loads(json.dumps(SHARED))
        doc["workloads"][0]["replicas"] = n
        c = libtco.compare(doc)
        assert (int(eks), int(ecs)) == (int(c.eks.total * 100), int(c.ecs.total * 100))


def test_sweep_errors_carry_the_parameter_path():
    with pytest.raises(libtco.ValidationError) as e:
        libtco.sweep(SHARED, {"/eks/operations/share": ["0.1", "1.5"]})
    assert e.value.code == "libtco.validation.113"
    assert e.value.path == "/eks/operations/share"
    with pytest.raises(libtco.NotFoundError) as missing:
        libtco.sweep(SHARED, {"/team/size": [1]})
    assert missing.value.code == "libtco.lookup.205"


def test_break_even_team_size_is_the_closed_form():
    b = libtco.break_even(SHARED, "/team/engineers", 0, 20)
    assert len(b.crossings) == 1
    assert b.crossings[0].kind == "root"
    assert abs(b.value - D("2864.52") / D("1150")) < D("1e-9")
    assert b.difference_at_low == D("-2864.52")
    assert "ECS cheaper above" in b.summary()
    none = libtco.break_even(SHARED, "/team/engineers", 3, 5)
    assert none.value is None
    assert none.summary().startswith("no crossing of /team/engineers in [3, 5]: ECS is cheaper throughout")


def test_tornado_sorts_by_swing():
    t = libtco.sensitivity(dict(SHARED, team={"engineers": 2, "loaded_cost_per_engineer_year": "120000"}),
                           {"/ecs/operations/share": ("0.02", "0.05"), "/eks/operations/share": ("0.10", "0.20"), "/team/engineers": (1, 3)})
    assert t.base_difference == D("-564.52")  # 2,300 - 2,864.52
    assert [b.parameter for b in t.bars] == ["/team/engineers", "/eks/operations/share", "/ecs/operations/share"]
    assert [b.swing for b in t.bars] == [D("2300.00"), D("2000.00"), D("600.00")]
    assert t.to_frame()["swing_usd"].tolist() == [2300.0, 2000.0, 600.0]


def test_monte_carlo_is_reproducible_across_thread_counts():
    parameters = {"/team/engineers": {"distribution": "uniform", "low": 0, "high": 5},
                  "/eks/operations/share": {"distribution": "triangular", "low": "0.1", "mode": "0.15", "high": "0.2"}}
    one = libtco.monte_carlo(SHARED, parameters, samples=5000, seed=11, threads=1)
    two = libtco.monte_carlo(SHARED, parameters, samples=5000, seed=11, threads=2)
    assert np.array_equal(one.eks_cents, two.eks_cents) and np.array_equal(one.ecs_cents, two.ecs_cents)
    assert np.array_equal(one.draws["/team/engineers"], two.draws["/team/engineers"])
    assert one.to_dict() == two.to_dict()
    other = libtco.monte_carlo(SHARED, parameters, samples=5000, seed=12)
    assert not np.array_equal(one.eks_cents, other.eks_cents)
    frame = one.to_frame()
    assert list(frame.columns) == ["/team/engineers", "/eks/operations/share", "eks_usd", "ecs_usd", "difference_usd"]
    assert set(one.percentiles_frame().index) == {"eks", "ecs", "difference"}


def test_monte_carlo_probability_matches_the_closed_form():
    # E ~ U(0, 5): EKS cheaper where E < 2.490887, probability 0.498177 (3 standard errors: 0.0106).
    m = libtco.monte_carlo(SHARED, {"/team/engineers": {"distribution": "uniform", "low": 0, "high": 5}}, samples=20000, seed=1)
    assert abs(float(m.probability_eks_cheaper) - 0.498177) < 0.0106
    assert isinstance(m.summary["difference"]["mean"], Decimal)


def test_default_uncertainty_is_each_effort_figure_over_its_range():
    u = libtco.default_uncertainty(libtco.default_scenario())
    # eks-karpenter's on-call 12 h (4 to 24) and ecs-asg's 4 h (2 to 10): catalog/effort_presets.hpp.
    assert u["/eks/operations/on_call_hours_per_month"] == {"distribution": "triangular", "low": "4", "mode": "12", "high": "24"}
    assert u["/ecs/operations/on_call_hours_per_month"] == {"distribution": "triangular", "low": "2", "mode": "4", "high": "10"}
    # A count draws whole values: 5 to 12 add-ons, most likely 7 (weights 1, 2, 3, then 6 down to 1).
    add_ons = u["/eks/operations/add_ons"]
    assert add_ons["distribution"] == "choice" and [str(v) for v in add_ons["values"]] == [str(k) for k in range(5, 13)]
    assert "/eks/operations/share" not in u  # the seed's share is not the default model
    # ECS has no versions: no range, nothing to draw.
    assert "/ecs/operations/upgrade_hours_per_upgrade" not in u
    # With the seed's shares, their ranges as before.
    seeded = libtco.default_uncertainty(SHARED)
    assert seeded["/eks/operations/share"] == {"distribution": "triangular", "low": "0.1", "mode": "0.15", "high": "0.2"}


def test_progress_is_reported_and_false_cancels():
    seen = []
    libtco.sweep(SHARED, {"/team/engineers": range(3000)}, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3000, 3000)
    with pytest.raises(libtco.Cancelled) as e:
        libtco.sweep(SHARED, {"/workloads/w/replicas": range(1, 400)}, progress=lambda done, total: False, threads=1)
    assert e.value.code == "libtco.run.600"


def test_recommendation_cites_figures():
    r = libtco.recommend(SHARED)
    # Infrastructure first: ECS 8 x 730 x 1.006 = 5,875.04; EKS 4 x 730 x 1.006 + 73 = 3,010.52.
    assert r.reasons[0].text.startswith("On infrastructure (without staff time) EKS costs $2,864.52 a month less")
    # 46% of the dearer month (3) but under $5,000 (2): 2 points, on catalog prices (not low confidence).
    assert r.reasons[0].favours == "eks" and r.reasons[0].points == 2
    # Staff by the seed's shares: 120,000 x (0.15 - 0.035) / 12 = 1,150 a month more on EKS.
    assert r.reasons[1].text.startswith("Staff time: EKS takes $1,150.00 a month more")
    # 18% and over $1,000: 2, less one for the seed's low-confidence shares.
    assert r.reasons[1].favours == "ecs" and r.reasons[1].points == 1
    # +2 infrastructure to EKS, -1 staff to ECS, -1 to ECS for only one workload (up to 3): 0, "either".
    assert (r.score, r.platform) == (0, "either")
    assert "engineers" not in r.to_text()  # no team-size break-even any more
    no_k8s = libtco.recommend(dict(SHARED, criteria={"kubernetes_expertise": "none"}))
    assert no_k8s.score == r.score - 2


# --- the command line -----------------------------------------------------------------------------

RUNNERS = [pytest.param([sys.executable, "-m", "libtco"], id="python -m libtco")]
if shutil.which("tco"):
    RUNNERS.append(pytest.param([shutil.which("tco")], id="tco"))


@pytest.fixture(params=RUNNERS)
def tco(request, tmp_path):
    scenario = tmp_path / "shared.json"
    scenario.write_text(json.dumps(SHARED), encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*request.param, *args], capture_output=True, text=True, cwd=tmp_path, timeout=300,
                              env={**os.environ, "PYTHONWARNINGS": "error"})

    return run


def test_cli_sweep_csv(tco):
    p = tco("sweep", "shared.json", "--param", "/team/engineers=0:10:3", "--format", "csv")
    assert p.returncode == 0, p.stderr
    assert p.stderr == ""
    assert p.stdout.splitlines() == ["/team/engineers,eks_usd,ecs_usd,difference_usd", "0,3010.52,5875.04,-2864.52",
                                     "5,10510.52,7625.04,2885.48", "10,18010.52,9375.04,8635.48"]


def test_cli_breakeven_and_sensitivity(tco):
    p = tco("breakeven", "shared.json", "--param", "/team/engineers", "--range", "0:20", "--format", "json")
    assert p.returncode == 0, p.stderr
    assert D(json.loads(p.stdout)["crossings"][0]["value"]).quantize(D("0.000001")) == D("2.490887")
    p = tco("sensitivity", "shared.json", "--param", "/team/engineers=1:3")
    assert p.returncode == 0, p.stderr
    assert "2,300.00" in p.stdout


def test_cli_montecarlo_and_progress(tco):
    p = tco("montecarlo", "shared.json", "--param", "/team/engineers=uniform:0:5", "--samples", "2000", "--seed", "4", "--format", "json",
            "--progress")
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert d["samples"] == 2000 and d["spec"]["seed"] == 4
    assert "Monte Carlo [" in p.stderr and "100%" in p.stderr  # the bar goes to stderr, never into the result


def test_cli_recommend_and_compare_show_the_recommendation(tco):
    # The score worked out in test_recommendation_cites_figures: 2 - 1 - 1 = 0, within one point of zero.
    verdict = "Recommendation: Either platform: cost and needs are balanced (score 0, positive favours EKS)"
    p = tco("recommend", "shared.json")
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith(verdict)
    p = tco("compare", "shared.json")
    assert verdict in p.stdout


@pytest.mark.parametrize("args, message", [
    (["sweep", "--param", "team=1:2:2"], "expected PARAMETER=VALUES"),
    (["sweep", "--param", "/team/engineers=a,b"], "expected a decimal number"),
    (["breakeven", "--param", "/team/engineers", "--range", "5"], "expected LOW:HIGH"),
    (["montecarlo", "--param", "/team/engineers=gamma:1:2"], "unknown distribution"),
    # A share above 1, on a scenario that uses the seed's share (the default's staff time is the effort model).
    (["sweep", "shared.json", "--param", "/eks/operations/share=2"], "libtco.validation.113"),
    # The default scenario has no share to vary: the parameter does not exist there.
    (["sweep", "--param", "/eks/operations/share=0.2"], "libtco.lookup.205"),
    (["sweep", "--param", "/eks/operations/on_call_hours_per_month=-1"], "libtco.validation.113"),
])
def test_cli_bad_input_exits_2_with_nothing_on_stdout(tco, args, message):
    p = tco(*args)
    assert p.returncode == 2
    assert p.stdout == ""
    assert p.stderr.startswith("tco: ") and message in p.stderr


def test_every_category_the_engine_writes_has_a_subtotal():
    # The C++ categories (costing/report.hpp, projection/projection.hpp): a subtotal of each is allowed, 0.00 when absent.
    from libtco.comparison import CATEGORIES

    assert set(CATEGORIES) == {"control_plane", "compute", "fargate", "spot_interruptions", "autoscaling", "commitment",
                               "management", "other", "operations", "one_time"}
    c = libtco.compare(libtco.default_scenario())
    assert c.eks.subtotal("fargate") == D("0.00")
    assert c.eks.subtotal("autoscaling") == D("1.75")  # scale-up lag 1.17 + scale-down delay 0.58 (the README table)


def test_numpy_float_grids_are_accepted():
    r = libtco.sweep(SHARED, {"/eks/operations/share": np.linspace(0.1, 0.2, 7)})
    # 0.1 + k/60: the floats' 17 digits are rounded to 12 places; EKS staff = 120,000 x share / 12 = 10,000 x share.
    assert r.axes[0][1][1] == D("0.116666666667")
    assert int(r.eks_cents[1]) == 301052 + 116667  # 10,000 x 0.116666666667 = 1,166.66666667 -> 1,166.67


def test_cli_even_ranges_and_strict_monte_carlo_specs(tco, tmp_path):
    p = tco("sweep", "shared.json", "--param", "/eks/operations/share=0:1:4", "--format", "csv")
    assert p.returncode == 0, p.stderr
    assert [line.split(",")[0] for line in p.stdout.splitlines()[1:]] == ["0", "0.333333333333", "0.666666666666", "1"]
    (tmp_path / "mc.json").write_text('{"samples": "x"}', encoding="utf-8")
    p = tco("montecarlo", "shared.json", "--spec", "mc.json")
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr.startswith("tco: mc.json: [libtco.validation.110] /samples")
    (tmp_path / "mc.json").write_text('{"samples": 10, "paramters": []}', encoding="utf-8")
    p = tco("montecarlo", "shared.json", "--spec", "mc.json")
    assert p.returncode == 2 and "/paramters" in p.stderr
    p = tco("sweep", "shared.json", "--param", "/team/engineers=1,2", "--param", "/team/engineers=3")
    assert p.returncode == 2 and "given twice" in p.stderr
