"""libtco.plots draws what the results say: bar heights, line points, histogram counts, marked values.

The plots are checked against the comparison they draw (EKS_TOTAL, ECS_TOTAL, from libtco.compare)
and against staff figures worked by hand. Most use SEEDED: the default scenario with the seed's staff
rule given explicitly (`operations: {share: ...}`; the default is now the effort model, which the team
size does not move), so that the curves have a slope to check: six engineers at $200,000 a year cost
$100,000 a month, so EKS's operations share of 0.15 is $15,000.00 and ECS's 0.035 is $3,500.00; one
EKS cluster is 730 h x $0.10 = $73.00. Each engineer adds (0.15 - 0.035) x $200,000 / 12 = $1,916.67
to EKS minus ECS; without a team the difference is NO_TEAM = (EKS_TOTAL - 15,000) - (ECS_TOTAL - 3,500).
SEEDED's totals are the seed's: EKS $21,207.22, ECS $10,000.52, ECS cheaper by $11,206.70.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import libtco  # noqa: E402
from libtco import plots  # noqa: E402

ENGINEER_DOLLARS_PER_MONTH = 200_000 / 12
#: What each engineer adds to EKS minus ECS: (0.15 - 0.035) x $200,000 / 12 = $1,916.67.
SLOPE = (0.15 - 0.035) * ENGINEER_DOLLARS_PER_MONTH
SEEDED = libtco.default_scenario().replace(eks={"operations": {"share": "0.15"}}, ecs={"operations": {"share": "0.035"}})
_BASE = libtco.compare(SEEDED)
EKS_TOTAL = float(_BASE.eks.total)
ECS_TOTAL = float(_BASE.ecs.total)
NO_TEAM = (EKS_TOTAL - 15_000.00) - (ECS_TOTAL - 3_500.00)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def scenario():
    return SEEDED


@pytest.fixture(scope="module")
def comparison(scenario):
    return libtco.compare(scenario)


def labelled_containers(ax):
    return {c.get_label(): c for c in ax.containers}


def heights(container):
    return [patch.get_height() for patch in container.patches]


# --- cost bars --------------------------------------------------------------------------------------


def test_cost_bars_stack_to_each_platform_total(comparison):
    ax = plots.cost_bars(comparison)
    containers = labelled_containers(ax)
    for position, total in enumerate((EKS_TOTAL, ECS_TOTAL)):
        assert sum(c.patches[position].get_height() for c in ax.containers) == pytest.approx(total, abs=1e-6)
    assert heights(containers["operations"]) == pytest.approx([0.15 * 100_000, 0.035 * 100_000])
    assert heights(containers["control plane"]) == pytest.approx([730 * 0.10, 0.0])
    assert [t.get_text() for t in ax.texts] == [f"${EKS_TOTAL:,.2f}", f"${ECS_TOTAL:,.2f}"]
    assert [label.get_text() for label in ax.get_xticklabels()] == ["EKS", "ECS"]
    assert "ECS is cheaper by $11,206.70 a month" in ax.get_title()


def test_cost_bars_of_the_default_scenario_show_the_effort_models_staff_time():
    # The default's staff time by the effort model: 84 h (eks-karpenter) and 42 h (ecs-asg) of platform work
    # at $200,000 / 1,840 h = 9,130.43 and 4,565.22 (test_costs.py itemizes the hours), a cent either way by rounding.
    default = libtco.compare(libtco.default_scenario())
    ax = plots.cost_bars(default)
    assert heights(labelled_containers(ax)["operations"]) == pytest.approx([84 * 200_000 / 1840, 42 * 200_000 / 1840], abs=0.011)
    # The seed's infrastructure (SEEDED's totals less its staff: 6,207.22 and 6,500.52) plus that staff time:
    # 15,337.65 - 11,065.74 = 4,271.91.
    assert "ECS is cheaper by $4,271.91 a month" in ax.get_title()


def test_cost_bars_stack_credits_below_zero(comparison):
    containers = labelled_containers(plots.cost_bars(comparison))
    # The Savings Plan's covered on-demand use is a credit larger than its recurring fee on both platforms.
    for position, report in enumerate((comparison.eks, comparison.ecs)):
        bar = containers["commitment"].patches[position]
        assert bar.get_y() == 0 and bar.get_height() == pytest.approx(float(report.subtotal("commitment")))
        assert bar.get_height() < 0
    assert "fargate" not in containers  # zero on both platforms: left out


def test_cost_bars_draw_on_a_given_axes(comparison):
    _, ax = plt.subplots()
    assert plots.cost_bars(comparison, ax=ax) is ax
    assert comparison.plot(ax=ax) is ax


# --- break-even curve -------------------------------------------------------------------------------------


def test_break_even_curve_follows_the_sweep_and_marks_the_crossing(scenario):
    sweep = libtco.sweep(scenario, {"/team/engineers": range(0, 11)})
    found = libtco.break_even(scenario, "/team/engineers", 0, 10)
    ax = plots.break_even_curve(sweep, found)
    curve = ax.get_lines()[0]
    assert list(curve.get_xdata()) == list(range(0, 11))
    y = list(curve.get_ydata())
    assert y[0] == pytest.approx(NO_TEAM)
    assert y[3] == pytest.approx(7500.00 - 1750.00 + NO_TEAM)  # EKS 0.15 x 3 x 16,666.67, ECS 0.035 x 3 x 16,666.67
    assert y[6] == pytest.approx(11206.70)
    crossing = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert len(crossing) == 1
    x = crossing[0].get_xdata()[0]
    assert x == float(found.value)
    assert x == pytest.approx(-NO_TEAM / SLOPE, abs=1e-5)
    assert "ECS cheaper above" in crossing[0].get_label()
    assert ax.get_xlabel() == "/team/engineers"


def test_break_even_curve_draws_one_line_per_value_of_a_second_parameter(scenario):
    sweep = libtco.sweep(scenario, {"/team/engineers": [2, 4], "/eks/operations/share": ["0.035", "0.15"]})
    ax = sweep.plot()
    lines = {line.get_label(): list(line.get_ydata()) for line in ax.get_lines() if line.get_label().startswith("/eks")}
    # With EKS's ops share equal to ECS's, staff time cancels: only NO_TEAM remains (give or take the cent
    # that rounding each platform's total on its own can make).
    assert lines["/eks/operations/share = 0.035"] == pytest.approx([NO_TEAM, NO_TEAM], abs=0.011)
    assert lines["/eks/operations/share = 0.15"] == pytest.approx([NO_TEAM + 2 * SLOPE, NO_TEAM + 4 * SLOPE], abs=0.011)


def test_break_even_plot_without_a_sweep_draws_the_range_ends(scenario):
    found = libtco.break_even(scenario, "/team/engineers", 0, 10)
    ax = found.plot()
    ends = next(line for line in ax.get_lines() if line.get_label() == "ends of the range")
    assert list(ends.get_xdata()) == [0.0, 10.0]
    assert list(ends.get_ydata()) == pytest.approx([NO_TEAM, NO_TEAM + 10 * SLOPE], abs=0.011)  # exact, not rounded


def test_break_even_curve_marks_a_step_as_a_band_and_says_when_there_is_no_crossing():
    step = libtco.Crossing(Decimal("4"), Decimal("4"), Decimal("5"), "step", "eks")
    jump = libtco.BreakEven("/workloads/0/replicas", Decimal("4"), Decimal("1"), Decimal("8"), Decimal("120.00"), Decimal("-80.00"), (step,), 9)
    ax = plots.break_even_curve(break_even=jump)
    band = next(p for p in ax.patches if p.get_label().startswith("break-even step"))
    corners = band.get_path().transformed(band.get_patch_transform()).vertices
    assert (corners[:, 0].min(), corners[:, 0].max()) == (4.0, 5.0)
    assert "EKS cheaper above" in band.get_label()
    none = libtco.BreakEven("/team/engineers", Decimal("6"), Decimal("1"), Decimal("10"), Decimal("1623.37"), Decimal("18873.37"), (), 65)
    labels = [t.get_text() for t in plots.break_even_curve(break_even=none).get_legend().get_texts()]
    assert "no crossing in [1, 10]" in labels


def test_break_even_curve_rejects_mismatched_or_missing_inputs(scenario):
    sweep = libtco.sweep(scenario, {"/eks/operations/share": [0.1, 0.2]})
    found = libtco.break_even(scenario, "/team/engineers", 0, 10)
    with pytest.raises(ValueError, match="not the break-even's"):
        plots.break_even_curve(sweep, found)
    with pytest.raises(TypeError):
        plots.break_even_curve()
    grid = libtco.sweep(scenario, {"/team/engineers": [1], "/eks/operations/share": [0.1], "/ecs/operations/share": [0.03]})
    with pytest.raises(ValueError, match="one or two parameters"):
        plots.break_even_curve(grid)


# --- tornado ------------------------------------------------------------------------------------------------


def test_tornado_bars_span_the_low_and_high_differences(scenario):
    result = libtco.sensitivity(scenario, {"/eks/operations/share": ("0.10", "0.20"), "/ecs/operations/share": ("0.02", "0.05")})
    ax = result.plot()
    containers = labelled_containers(ax)
    low, high = containers["parameter at its low value"], containers["parameter at its high value"]
    base = 11206.70
    for bar, low_patch, high_patch in zip(result.bars, low.patches, high.patches):
        assert low_patch.get_x() == pytest.approx(base) and high_patch.get_x() == pytest.approx(base)
        assert low_patch.get_x() + low_patch.get_width() == pytest.approx(float(bar.difference_at_low))
        assert high_patch.get_x() + high_patch.get_width() == pytest.approx(float(bar.difference_at_high))
    # By hand: EKS's share at 0.10 / 0.20 moves the difference by -/+ 0.05 x $100,000; ECS's at 0.02 / 0.05 by
    # +0.015 / -0.015 x $100,000. The widest is drawn on top.
    eks = low.patches[0]
    assert eks.get_x() + eks.get_width() == pytest.approx(base - 5000)
    assert high.patches[0].get_x() + high.patches[0].get_width() == pytest.approx(base + 5000)
    assert low.patches[1].get_x() + low.patches[1].get_width() == pytest.approx(base + 1500)
    assert eks.get_y() > low.patches[1].get_y()
    labels = sorted(ax.get_yticklabels(), key=lambda t: t.get_position()[1])
    assert [t.get_text() for t in labels] == ["/ecs/operations/share\n0.02 .. 0.05", "/eks/operations/share\n0.1 .. 0.2"]  # bottom to top


# --- Monte Carlo ----------------------------------------------------------------------------------------------


def test_monte_carlo_histograms_count_every_sample_and_mark_percentiles(scenario):
    # EKS is cheaper when NO_TEAM + (share - 0.035) x 100,000 < 0, i.e. share < 0.037933: P = 0.379 for uniform(0, 0.1).
    result = libtco.monte_carlo(scenario, {"/eks/operations/share": {"distribution": "uniform", "low": 0, "high": "0.1"}}, samples=2000, seed=5)
    assert float(result.probability_eks_cheaper) == pytest.approx(0.37933, abs=0.05)
    costs, difference = result.plot(bins=25)
    for container in costs.containers:
        assert sum(heights(container)) == 2000 and len(container.patches) == 25
    assert len(costs.containers) == 2
    assert sum(heights(difference.containers[0])) == 2000
    marked = {line.get_label(): line.get_xdata()[0] for line in difference.get_lines() if line.get_label().startswith("P")}
    assert sorted(marked) == sorted(f"P{p} {plots._money(result.summary['difference']['percentiles'][p])}" for p in (5, 50, 95))
    assert sorted(marked.values()) == [float(result.summary["difference"]["percentiles"][p]) for p in (5, 50, 95)]
    assert f"P(EKS cheaper) = {float(result.probability_eks_cheaper):.1%}" in difference.get_title()
    # ECS's cost does not move: its histogram is one spike at $10,000.52.
    ecs = next(c for c in costs.containers if c.patches[0].get_label().startswith("ECS"))
    assert max(heights(ecs)) == 2000


def test_monte_carlo_title_never_rounds_a_possibility_to_zero():
    assert [plots._share(Decimal(p)) for p in ("0", "0.0004", "0.049", "0.9995", "1")] == ["0.0%", "<0.1%", "4.9%", ">99.9%", "100.0%"]


def test_monte_carlo_histograms_draw_on_given_axes(scenario):
    result = libtco.monte_carlo(scenario, samples=200, seed=1)
    _, pair = plt.subplots(1, 2)
    assert plots.monte_carlo_histograms(result, ax=pair) == tuple(pair)


# --- GPU placement ----------------------------------------------------------------------------------------------

SHARED = [
    {"name": "embeddings", "replicas": 12, "gpus": 0.25, "gpu_memory_gib": 5, "vcpu": 1, "memory_gib": 4},
    {"name": "reranker", "replicas": 6, "gpus": 0.4, "gpu_memory_gib": 9, "vcpu": 2, "memory_gib": 8},
    {"name": "chat", "replicas": 2, "gpus": 1, "gpu_memory_gib": 20, "vcpu": 4, "memory_gib": 16},
]


def sharing(strategy):
    nodes = ["g5.xlarge", "g5.12xlarge"]
    return libtco.compare({"schema_version": 1, "name": "sharing", "month": "2026-09",
                           "team": {"engineers": 0, "loaded_cost_per_engineer_year": 0}, "workloads": SHARED,
                           "eks": {"node_types": nodes, "gpu_sharing": strategy}, "ecs": {"node_types": nodes}})


@pytest.mark.parametrize("strategy", ["none", "time-slicing"])
def test_gpu_placement_draws_every_replica_at_its_share(strategy):
    report = sharing(strategy).eks
    ax = report.plot()
    containers = labelled_containers(ax)
    for workload in SHARED:
        widths = [patch.get_width() for patch in containers[workload["name"]].patches]
        assert widths == pytest.approx([workload["gpus"]] * workload["replicas"])
    gpus = int(report.utilization["gpus"])
    assert len(ax.get_yticklabels()) == gpus
    # Requested: 12 x 0.25 + 6 x 0.4 + 2 x 1 = 7.4 GPUs; the rest of the GPUs paid for is unused.
    unused = [c for label, c in containers.items() if "unused" in label]
    assert sum(p.get_width() for c in unused for p in c.patches) == pytest.approx(gpus - 7.4)
    if strategy == "none":  # whole GPUs: every replica holds its own
        assert gpus == 20 and list(containers) == ["chat", "embeddings", "reranker", "held by one replica, unused"]
    else:
        assert gpus < 20 and "unused" in containers and "held by one replica, unused" not in containers


def test_gpu_placement_draws_at_most_max_gpus():
    ax = plots.gpu_placement(sharing("none").eks, max_gpus=5)
    assert len(ax.get_yticklabels()) == 5
    assert "20 GPUs paid for" in ax.get_title() and "first 5 drawn" in ax.get_title()


def test_gpu_placement_takes_requests_it_cannot_infer():
    gpus = [{"requested": Decimal("0.65"), "replicas": {"a": 1, "b": 1}}]
    with pytest.raises(ValueError, match="a, b"):
        plots._replica_requests(gpus, known={})
    assert plots._replica_requests(gpus, known={"a": Decimal("0.25")}) == {"a": Decimal("0.25"), "b": Decimal("0.40")}


# --- projection ------------------------------------------------------------------------------------------------------


def test_projection_lines_end_at_the_horizon_totals(scenario):
    result = libtco.project(scenario, "2027-01", 12, upgrade_policy="none")
    ax = result.plot()
    lines = {line.get_label(): line for line in ax.get_lines()}
    # Twelve unchanged months: 12 x each month's total.
    assert lines["EKS"].get_ydata()[-1] == pytest.approx(12 * EKS_TOTAL)
    assert lines["ECS"].get_ydata()[-1] == pytest.approx(12 * ECS_TOTAL)
    assert list(lines["ECS"].get_ydata()[:2]) == pytest.approx([ECS_TOTAL, 2 * ECS_TOTAL])
    assert f"ECS is cheaper by ${12 * (EKS_TOTAL - ECS_TOTAL):,.2f} over 12 months" in ax.get_title()


def test_projection_lines_mark_eks_upgrades(scenario):
    result = libtco.project(scenario, "2027-01", 36)
    ax = plots.projection_lines(result, cumulative=False)
    upgrades = next(line for line in ax.get_lines() if line.get_label() == "EKS version upgrade")
    frame = result.totals_frame()
    assert [frame["month"][int(x)] for x in upgrades.get_xdata()] == ["2028-02", "2029-02"]
    assert list(upgrades.get_ydata()) == [float(frame["eks"][13]), float(frame["eks"][25])]


# --- every result's plot() method, and life without matplotlib ------------------------------------------------------


def test_every_result_has_a_plot_method(scenario, comparison):
    # Each method draws its result's plot: a figure of each, checked against the figures above.
    assert "ECS is cheaper by $11,206.70 a month" in comparison.plot().get_title()
    assert len(comparison.eks.plot().get_yticklabels()) == int(comparison.eks.utilization["gpus"])
    curve = libtco.sweep(scenario, {"/team/engineers": [1, 2]}).plot().get_lines()[0]
    assert list(curve.get_ydata()) == pytest.approx([NO_TEAM + SLOPE, NO_TEAM + 2 * SLOPE], abs=0.011)
    found = libtco.break_even(scenario, "/team/engineers", 0, 10)
    crossing = [line for line in found.plot().get_lines() if line.get_linestyle() == "--"]
    assert [line.get_xdata()[0] for line in crossing] == [float(found.value)]
    tornado = libtco.sensitivity(scenario, {"/team/engineers": (5, 7)})
    low = labelled_containers(tornado.plot())["parameter at its low value"].patches[0]
    assert low.get_x() + low.get_width() == pytest.approx(11206.70 - SLOPE, abs=0.011)  # one engineer fewer
    lines = {line.get_label(): line for line in libtco.project(scenario, "2027-01", 3, upgrade_policy="none").plot().get_lines()}
    assert lines["EKS"].get_ydata()[-1] == pytest.approx(3 * EKS_TOTAL)
    costs, difference = libtco.monte_carlo(scenario, samples=50).plot()
    assert [sum(heights(c)) for c in costs.containers] == [50, 50] and sum(heights(difference.containers[0])) == 50


def test_without_matplotlib_plots_say_how_to_install_it(monkeypatch, comparison):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"pip install 'libtco\[plot\]'"):
        plots.cost_bars(comparison)
    with pytest.raises(ImportError, match=r"pip install 'libtco\[plot\]'"):
        comparison.plot()


def test_libtco_imports_without_matplotlib():
    code = ("import sys; sys.modules['matplotlib'] = None; import libtco, libtco.plots; "
            "c = libtco.compare(libtco.default_scenario().replace(eks={'operations': {'share': '0.15'}}, ecs={'operations': {'share': '0.035'}})); "
            "print(c.eks.total, c.ecs.total, sys.modules['matplotlib'])")
    run = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert run.stdout.split() == [f"{EKS_TOTAL:.2f}", f"{ECS_TOTAL:.2f}", "None"]  # SEEDED's totals
