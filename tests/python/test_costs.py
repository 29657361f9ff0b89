"""Monthly costs worked out by hand, checked against libtco.compare.

The arithmetic for each expected figure is in the comment next to it (catalog facts: conftest.py).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import compute_lines, compute_total, gpu_workload, line, make_scenario

import libtco

D = Decimal


# --- control plane ------------------------------------------------------------------------------


def test_one_eks_cluster_on_standard_support_costs_73_dollars_a_730_hour_month():
    result = libtco.compare(make_scenario(eks={"clusters": 1, "support": "standard"}))
    fee = line(result.eks, "control_plane")
    assert fee.usd == D("73.00")  # 1 cluster x 730 h x $0.10/h
    assert fee.usd_exact == D("73")
    assert fee.item == "EKS cluster fee (standard support)"
    assert result.eks.total == D("73.00")  # no workloads, no team
    assert result.ecs.total == D("0.00")  # ECS has no orchestration fee


def test_eks_extended_support_costs_438_dollars():
    result = libtco.compare(make_scenario(eks={"support": "extended"}))
    assert line(result.eks, "control_plane").usd == D("438.00")  # 1 x 730 h x $0.60/h


def test_two_eks_clusters_on_standard_support_cost_146_dollars():
    result = libtco.compare(make_scenario(eks={"clusters": 2}))
    assert line(result.eks, "control_plane").usd == D("146.00")  # 2 x 730 h x $0.10/h


def test_two_eks_clusters_on_extended_support():
    result = libtco.compare(make_scenario(eks={"clusters": 2, "support": "extended"}))
    assert line(result.eks, "control_plane").usd == D("876.00")  # 2 x 730 h x $0.60/h


def test_zero_eks_clusters_cost_nothing():
    result = libtco.compare(make_scenario(eks={"clusters": 0}))
    assert line(result.eks, "control_plane").usd == D("0.00")


def test_ecs_control_plane_is_free():
    result = libtco.compare(make_scenario())
    fee = line(result.ecs, "control_plane")
    assert fee.usd == D("0.00")
    assert fee.item == "ECS control plane"


# --- hours in the month ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "hours", "eks_fee"),
    [
        ("2028-02", D("696"), D("69.60")),  # leap February: 29 days x 24 h = 696 h; x $0.10/h
        ("2027-03", D("744"), D("74.40")),  # March: 31 x 24 = 744 h
        ("2027-02", D("672"), D("67.20")),  # February: 28 x 24 = 672 h
        ("2026-09", D("720"), D("72.00")),  # September: 30 x 24 = 720 h
    ],
)
def test_calendar_hours_basis_uses_the_real_month(month, hours, eks_fee):
    result = libtco.compare(make_scenario(month=month, hours_basis="calendar"))
    assert result.hours == hours
    assert result.hours_basis == "calendar"
    assert line(result.eks, "control_plane").usd == eks_fee


def test_aws_730_basis_ignores_the_length_of_the_month():
    for month in ("2028-02", "2027-03"):
        result = libtco.compare(make_scenario(month=month))
        assert result.hours == D("730")
        assert result.hours_basis == "aws-730"
        assert line(result.eks, "control_plane").usd == D("73.00")


def test_aws_hours_per_month_is_a_named_parameter():
    result = libtco.compare(make_scenario(assumptions={"aws_hours_per_month": 720}))
    assert result.hours == D("720")
    assert line(result.eks, "control_plane").usd == D("72.00")  # 720 h x $0.10/h
    used = {a.name: a for a in result.assumptions}
    assert used["/assumptions/aws_hours_per_month"].value == D("720")
    assert used["/assumptions/aws_hours_per_month"].default == D("730")


# --- compute --------------------------------------------------------------------------------------


def test_three_m5_xlarge_for_a_730_hour_month():
    # 3 vCPU / 12 GiB fits an m5.xlarge on EKS (3.92 vCPU, 13.83 GiB allocatable) and on ECS
    # (4 vCPU, 16 - 0.25 = 15.75 GiB); two never share one (6 vCPU > 4). So 3 nodes:
    # 3 x $0.192/h x 730 h = 3 x 140.16 = $420.48.
    doc = make_scenario(
        [{"name": "api", "replicas": 3, "vcpu": 3, "memory_gib": 12}],
        eks={"node_types": ["m5.xlarge"]},
        ecs={"node_types": ["m5.xlarge"]},
    )
    result = libtco.compare(doc)
    for report in (result.eks, result.ecs):
        (compute,) = compute_lines(report)
        assert compute.item == "m5.xlarge"
        assert compute.usd == D("420.48")
        (group,) = report.instances
        assert (group.instance_type, group.count, group.hours, group.usd_per_hour) == ("m5.xlarge", 3, D("730"), D("0.192"))
        assert group.origin == "placed"
        assert group.replicas == {"api": 3}
    assert result.eks.total == D("493.48")  # 73.00 + 420.48
    assert result.ecs.total == D("420.48")


def test_eight_one_gpu_replicas_on_g5_xlarge_cost_the_same_on_both_platforms():
    # One GPU per g5.xlarge, so 8 nodes: 8 x $1.006/h x 730 h = 8 x 734.38 = $5,875.04.
    doc = make_scenario([gpu_workload(replicas=8)], eks={"node_types": ["g5.xlarge"]}, ecs={"node_types": ["g5.xlarge"]})
    result = libtco.compare(doc)
    for report in (result.eks, result.ecs):
        assert compute_total(report) == D("5875.04")
        (group,) = report.instances
        assert group.count == 8
        assert group.usd_exact == D("5875.04")
    assert result.eks.total == D("5948.04")  # + 73.00 control plane
    assert result.ecs.total == D("5875.04")
    assert result.difference == D("73.00")
    assert result.cheaper == "ecs"


def test_a_workload_running_100_hours_pays_for_100_hours():
    # One g5.xlarge for 100 h: 100 x $1.006 = $100.60.
    doc = make_scenario([gpu_workload(hours=100)], eks={"node_types": ["g5.xlarge"]}, ecs={"node_types": ["g5.xlarge"]})
    result = libtco.compare(doc)
    for report in (result.eks, result.ecs):
        (compute,) = compute_lines(report)
        assert compute.usd == D("100.60")
        assert compute.item == "g5.xlarge @ 100 h"
        assert report.instances[0].hours == D("100")


def test_a_scenario_price_override_replaces_the_catalog_price():
    # g5.xlarge at a negotiated $0.90/h: 8 x 0.9 x 730 = $5,256.00.
    doc = make_scenario(
        [gpu_workload(replicas=8)],
        eks={"node_types": ["g5.xlarge"]},
        ecs={"node_types": ["g5.xlarge"]},
        instance_types={"g5.xlarge": {"on_demand_usd_per_hour": "0.9"}},
    )
    result = libtco.compare(doc)
    for report in (result.eks, result.ecs):
        assert compute_total(report) == D("5256.00")
        assert report.instances[0].usd_per_hour == D("0.9")
        assert report.instances[0].price_source == "scenario"


def test_a_custom_instance_type_added_in_the_scenario_is_usable():
    # x9.custom: 8 vCPU, 32 GiB, $0.25/h, no allocatable figures (so EKS uses the nominal ones).
    # Two replicas of 4 vCPU / 16 GiB:
    #   EKS: both fit one node (8 vCPU, 32 GiB)            -> 1 x 0.25 x 730 = $182.50
    #   ECS: 32 - 0.25 = 31.75 GiB < 2 x 16, one per node -> 2 x 0.25 x 730 = $365.00
    doc = make_scenario(
        [{"name": "svc", "replicas": 2, "vcpu": 4, "memory_gib": 16}],
        instance_types={"x9.custom": {"vcpu": 8, "memory_gib": 32, "on_demand_usd_per_hour": "0.25"}},
        eks={"node_types": ["x9.custom"]},
        ecs={"node_types": ["x9.custom"]},
    )
    result = libtco.compare(doc)
    assert compute_total(result.eks) == D("182.50")
    assert compute_total(result.ecs) == D("365.00")
    assert result.eks.instances[0].instance_type == "x9.custom"
    assert result.ecs.instances[0].count == 2


def test_ecs_reserved_memory_is_taken_off_each_instance():
    # Two replicas of 2 vCPU / 7.9 GiB on m5.xlarge (16 GiB):
    #   ECS, default 0.25 GiB reserved: 15.75 < 15.8 -> 2 nodes -> 2 x 140.16 = $280.32
    #   ECS, nothing reserved:          16 >= 15.8   -> 1 node  -> $140.16
    #   EKS: 13.830078125 GiB allocatable < 15.8     -> 2 nodes -> $280.32
    workloads = [{"name": "svc", "replicas": 2, "vcpu": 2, "memory_gib": "7.9"}]
    reserved = libtco.compare(make_scenario(workloads, eks={"node_types": ["m5.xlarge"]}, ecs={"node_types": ["m5.xlarge"]}))
    assert compute_total(reserved.ecs) == D("280.32")
    assert compute_total(reserved.eks) == D("280.32")
    none = libtco.compare(
        make_scenario(workloads, eks={"node_types": ["m5.xlarge"]}, ecs={"node_types": ["m5.xlarge"], "reserved_memory_gib": 0})
    )
    assert compute_total(none.ecs) == D("140.16")
    used = {a.name: a.value for a in none.assumptions}
    assert used["/ecs/reserved_memory_gib"] == D("0")


def test_explicit_nodes_are_charged_as_given():
    # EKS runs 2 m5.xlarge all month and 1 g5.xlarge for 200 h, with no workloads:
    #   2 x 0.192 x 730 = $280.32 and 1 x 1.006 x 200 = $201.20.
    doc = make_scenario(
        eks={"nodes": [{"instance_type": "m5.xlarge", "count": 2}, {"instance_type": "g5.xlarge", "count": 1, "hours": 200}]}
    )
    result = libtco.compare(doc)
    lines = {li.item: li for li in compute_lines(result.eks)}
    assert set(lines) == {"m5.xlarge (given)", "g5.xlarge @ 200 h (given)"}
    assert lines["m5.xlarge (given)"].usd == D("280.32")
    assert lines["g5.xlarge @ 200 h (given)"].usd == D("201.20")
    assert all(g.origin == "given" for g in result.eks.instances)
    assert result.eks.total == D("554.52")  # 73.00 + 280.32 + 201.20
    assert compute_lines(result.ecs) == []


def test_given_nodes_are_filled_before_new_ones_are_added():
    # Three 3 vCPU / 12 GiB replicas and 2 given m5.xlarge on EKS: two replicas go on the given
    # nodes, one more m5.xlarge is placed. Compute: 3 x 140.16 = $420.48, 2 given + 1 placed.
    doc = make_scenario(
        [{"name": "api", "replicas": 3, "vcpu": 3, "memory_gib": 12}],
        eks={"node_types": ["m5.xlarge"], "nodes": [{"instance_type": "m5.xlarge", "count": 2}]},
    )
    result = libtco.compare(doc)
    lines = {li.item: li.usd for li in compute_lines(result.eks)}
    assert lines == {"m5.xlarge (given)": D("280.32"), "m5.xlarge": D("140.16")}
    by_origin = {g.origin: g for g in result.eks.instances}
    assert by_origin["given"].replicas == {"api": 2}
    assert by_origin["placed"].replicas == {"api": 1}


# --- operations -----------------------------------------------------------------------------------


def test_staff_time_is_the_platform_share_of_the_team():
    # 6 engineers x $200,000/year = $1,200,000/year;
    #   EKS: x 0.15  / 12 = $15,000.00 a month;  ECS: x 0.035 / 12 = $3,500.00.
    doc = make_scenario(team={"engineers": 6, "loaded_cost_per_engineer_year": "200000"}, eks={"operations": {"share": "0.15"}}, ecs={"operations": {"share": "0.035"}})
    result = libtco.compare(doc)
    assert line(result.eks, "operations").usd == D("15000.00")
    assert line(result.ecs, "operations").usd == D("3500.00")
    assert result.eks.total == D("15073.00")  # + 73.00
    assert result.ecs.total == D("3500.00")
    assert result.difference == D("11573.00")


def test_staff_time_defaults_to_the_effort_model_and_not_to_the_team_size():
    # No workload, one EKS cluster, 1 engineer at $184,000 a year over 1,840 working hours: $100 an hour.
    #   eks-karpenter: care 16 + upgrades 40 x 3 / 12 = 10 + add-ons 2 x 7 = 14 + on-call 12 = 52 h = $5,200.00;
    #   ecs-asg: care 4 + add-ons 2 x 1 + on-call 4 = 10 h = $1,000.00. Ten engineers change nothing.
    for engineers in (1, 10):
        result = libtco.compare(make_scenario(team={"engineers": engineers, "loaded_cost_per_engineer_year": 184000}))
        assert result.eks.subtotal("operations") == D("5200.00")
        assert result.ecs.subtotal("operations") == D("1000.00")
        assert result.eks.staff_time == {"basis": "effort", "preset": "eks-karpenter", "hours_per_month": D("52"), "usd_per_hour": D("100")}
        assert line(result.eks, "operations", "EKS version upgrades (staff time)").usd == D("1000.00")
    used = {a.name: a for a in result.assumptions}
    assert used["/eks/operations/on_call_hours_per_month"].value == D("12")
    assert (used["/eks/operations/on_call_hours_per_month"].low, used["/eks/operations/on_call_hours_per_month"].high) == (D("4"), D("24"))
    assert used["/team/working_hours_per_year"].value == D("1840")


def test_the_infrastructure_band_and_staff_time_add_up_to_the_total():
    # EKS: the $73.00 cluster fee is all its infrastructure; staff $5,200.00 (above). ECS: nothing but staff.
    result = libtco.compare(make_scenario(team={"engineers": 1, "loaded_cost_per_engineer_year": 184000}))
    assert (result.eks.infrastructure, result.eks.staff, result.eks.total) == (D("73.00"), D("5200.00"), D("5273.00"))
    assert (result.ecs.infrastructure, result.ecs.staff) == (D("0.00"), D("1000.00"))
    assert result.infrastructure_difference == D("73.00") and result.cheaper_on_infrastructure == "ecs"
    assert result.difference == D("4273.00")


def test_the_seeds_share_is_an_explicit_alternative():
    # 1 engineer at $120,000: EKS 120,000 x 0.15 / 12 = $1,500.00; ECS x 0.035 / 12 = $350.00.
    result = libtco.compare(make_scenario(team={"engineers": 1, "loaded_cost_per_engineer_year": 120000},
                                          eks={"operations": {"share": "0.15"}}, ecs={"operations": {"share": "0.035"}}))
    assert line(result.eks, "operations").usd == D("1500.00")
    assert line(result.ecs, "operations").usd == D("350.00")
    used = {a.name: a for a in result.assumptions}
    assert used["/eks/operations/share"].value == D("0.15")
    assert (used["/eks/operations/share"].low, used["/eks/operations/share"].high) == (D("0.10"), D("0.20"))


def test_fractional_engineers_and_exact_thirds():
    # 2.5 engineers x $100,000 x 0.1 / 12 = 25,000 / 12 = 2,083.333... -> $2,083.33.
    result = libtco.compare(make_scenario(team={"engineers": "2.5", "loaded_cost_per_engineer_year": 100000}, eks={"operations": {"share": "0.1"}}))
    ops = line(result.eks, "operations")
    assert ops.usd == D("2083.33")
    assert ops.usd_exact == D("2083.333333333333")  # 12 decimal places, half-even


# --- rounding and totals --------------------------------------------------------------------------


def test_line_items_are_rounded_so_that_they_add_up_to_the_total():
    # Two given custom nodes of $0.001/h for 5 h: each line is exactly $0.005. The exact total is
    # 73 + 0.005 + 0.005 = $73.01. Rounding each line half-even would give 0.00 + 0.00 and a sum of
    # $73.00; largest remainder gives the missing cent to the first of the tied lines instead.
    doc = make_scenario(
        instance_types={
            "a1.tiny": {"vcpu": 1, "memory_gib": 1, "on_demand_usd_per_hour": "0.001"},
            "b1.tiny": {"vcpu": 1, "memory_gib": 1, "on_demand_usd_per_hour": "0.001"},
        },
        eks={"nodes": [{"instance_type": "a1.tiny", "count": 1, "hours": 5}, {"instance_type": "b1.tiny", "count": 1, "hours": 5}]},
    )
    result = libtco.compare(doc)
    lines = {li.item: li for li in compute_lines(result.eks)}
    assert lines["a1.tiny @ 5 h (given)"].usd_exact == D("0.005")
    assert lines["a1.tiny @ 5 h (given)"].usd == D("0.01")
    assert lines["b1.tiny @ 5 h (given)"].usd == D("0.00")
    assert result.eks.total == D("73.01")
    assert sum(li.usd for li in result.eks.line_items) == result.eks.total


def test_totals_difference_and_cheaper_are_consistent(default_comparison):
    result = default_comparison
    for report in (result.eks, result.ecs):
        assert sum(li.usd for li in report.line_items) == report.total
        exact = sum(li.usd_exact for li in report.line_items)
        assert report.total == exact.quantize(D("0.01"), rounding="ROUND_HALF_EVEN")
        for li in report.line_items:
            assert abs(li.usd - li.usd_exact) < D("0.01")
            assert li.usd == li.usd.quantize(D("0.01"))
        # Each instance group is one compute line.
        assert len(report.instances) == len(compute_lines(report))
        assert sorted(g.usd_exact for g in report.instances) == sorted(li.usd_exact for li in compute_lines(report))
        for g in report.instances:
            # Exact, except that products past 12 decimal places round there (autoscaled slot hours are such).
            assert abs(g.usd_exact - g.count * g.hours * g.share * g.usd_per_hour) <= D("1e-11")
    assert result.difference == result.eks.total - result.ecs.total
    expected = "eks" if result.difference < 0 else "ecs" if result.difference > 0 else "tie"
    assert result.cheaper == expected


def test_a_tie():
    # No EKS cluster and no team: both platforms cost nothing.
    result = libtco.compare(make_scenario(eks={"clusters": 0}))
    assert result.eks.total == result.ecs.total == D("0.00")
    assert result.difference == D("0.00")
    assert result.cheaper == "tie"


def test_eks_can_be_the_cheaper_platform():
    # No EKS cluster, EKS staff share 0.01, ECS 0.05, 1 engineer at $120,000:
    #   EKS 120000 x 0.01 / 12 = $100.00; ECS 120000 x 0.05 / 12 = $500.00.
    doc = make_scenario(team={"engineers": 1, "loaded_cost_per_engineer_year": 120000}, eks={"clusters": 0, "operations": {"share": "0.01"}}, ecs={"operations": {"share": "0.05"}})
    result = libtco.compare(doc)
    assert (result.eks.total, result.ecs.total) == (D("100.00"), D("500.00"))
    assert result.difference == D("-400.00")
    assert result.cheaper == "eks"


def test_money_is_decimal_everywhere(default_comparison):
    result = default_comparison
    assert isinstance(result.difference, Decimal)
    assert isinstance(result.hours, Decimal)
    for report in (result.eks, result.ecs):
        assert isinstance(report.total, Decimal)
        for li in report.line_items:
            assert isinstance(li.usd, Decimal) and isinstance(li.usd_exact, Decimal)
        for g in report.instances:
            assert isinstance(g.usd_per_hour, Decimal) and isinstance(g.usd_exact, Decimal) and isinstance(g.hours, Decimal)
            assert isinstance(g.count, int)
    for a in result.assumptions:
        assert isinstance(a.value, Decimal) and isinstance(a.default, Decimal)

    data = result.to_dict()
    assert isinstance(data["difference_usd"], Decimal)
    assert isinstance(data["eks"]["total_usd"], Decimal)
    assert isinstance(data["eks"]["line_items"][0]["usd"], Decimal)
    assert isinstance(data["eks"]["instances"][0]["usd_per_hour"], Decimal)
    assert isinstance(data["eks"]["instances"][0]["count"], int)


# --- the default scenario -------------------------------------------------------------------------

CENT = D("0.01")

# The default scenario's staff time by the effort model: six workloads, one cluster a platform, two kinds of node
# (an x86 CPU pool for t3/r5 and an x86 GPU pool for g4dn/g6/p5), at $200,000 / 1,840 h = $108.6956522/h.
#   eks-karpenter: care 16 + upgrades 40 x 3 / 12 = 10 + rotation 4 x 2 pools = 8 + add-ons 2 x 7 = 14 + on-call 12
#                  + service work 4 x 6 workloads = 24: 84 h, 84 x 200,000 / 1,840 = $9,130.43;
#   ecs-asg:       care 4 + no upgrades + rotation 4 x 2 = 8 + add-ons 2 x 1 = 2 + on-call 4 + service work 24: 42 h = $4,565.22.
DEFAULT_EKS_HOURS = {"EKS cluster care (staff time)": 16, "EKS version upgrades (staff time)": 10, "EKS node and AMI rotation (staff time)": 8,
                     "EKS add-ons (staff time)": 14, "EKS on-call and incidents (staff time)": 12, "EKS service work (staff time)": 24}
DEFAULT_ECS_HOURS = {"ECS cluster care (staff time)": 4, "ECS node and AMI rotation (staff time)": 8, "ECS add-ons (staff time)": 2,
                     "ECS on-call and incidents (staff time)": 4, "ECS service work (staff time)": 24}


def at_default_rate(hours: int) -> Decimal:
    """hours x $200,000 / 1,840 h, to the 12 places of an exact line."""
    return (D(hours) * 200000 / 1840).quantize(D("1e-12"))


# The infrastructure is what the effort model left alone: the seed's default report had EKS $21,207.22 and ECS
# $10,000.52 with staff time 6 x 200,000 x 0.15 / 12 = $15,000.00 and x 0.035 / 12 = $3,500.00, so infrastructure
# $6,207.22 and $6,500.52 (to a cent: each is a sum of rounded lines). With the effort model's staff time:
#   EKS 6,207.22 + 9,130.43 = $15,337.65; ECS 6,500.52 + 4,565.22 = $11,065.74; ECS cheaper by $4,271.91;
#   on infrastructure alone EKS is cheaper by 6,500.52 - 6,207.22 = $293.30 (a cent either way).
DEFAULT_EKS_INFRASTRUCTURE, DEFAULT_ECS_INFRASTRUCTURE = D("6207.22"), D("6500.52")


def test_default_scenario_runs_and_shows_the_seed_figures(default_comparison):
    result = default_comparison
    assert result.scenario.name == "ai-team-default"
    assert result.month == "2026-09"
    assert result.hours == D("730")
    # 1 cluster x 730 h x $0.10/h
    assert line(result.eks, "control_plane").usd == D("73.00")
    assert line(result.ecs, "control_plane").usd == D("0.00")
    # Staff time: one line per item of platform work, hours x $200,000 / 1,840 h (DEFAULT_EKS_HOURS above).
    for report, hours in ((result.eks, DEFAULT_EKS_HOURS), (result.ecs, DEFAULT_ECS_HOURS)):
        ops = {li.item: li.usd_exact for li in report.line_items if li.category == "operations"}
        assert ops == {item: at_default_rate(h) for item, h in hours.items()}
    assert result.eks.staff_time == {"basis": "effort", "preset": "eks-karpenter", "hours_per_month": D("84"), "usd_per_hour": D("108.70")}
    assert result.ecs.staff_time == {"basis": "effort", "preset": "ecs-asg", "hours_per_month": D("42"), "usd_per_hour": D("108.70")}
    # The totals and the two bands (the seed's infrastructure plus the effort model's staff time, above).
    assert (result.eks.total, result.ecs.total, result.difference, result.cheaper) == (D("15337.65"), D("11065.74"), D("4271.91"), "ecs")
    assert abs(result.eks.infrastructure - DEFAULT_EKS_INFRASTRUCTURE) <= CENT and abs(result.eks.staff - D("9130.43")) <= CENT
    assert abs(result.ecs.infrastructure - DEFAULT_ECS_INFRASTRUCTURE) <= CENT and abs(result.ecs.staff - D("4565.22")) <= CENT
    for report in (result.eks, result.ecs):
        assert report.infrastructure + report.staff == report.total
        assert report.staff == report.subtotal("operations")
    assert result.cheaper_on_infrastructure == "eks"
    assert abs(result.infrastructure_difference - D("-293.30")) <= CENT
    assert result.infrastructure_difference == result.eks.infrastructure - result.ecs.infrastructure
    # The fine-tuning job: 8 x H100 for 120 h, on spot at 57% off (55.04 x 0.43 = 23.6672 $/h), with
    # EKS's 5% on-demand fallback: 0.95 x 120 x 23.6672 = 2,698.0608 and 0.05 x 120 x 55.04 = 330.24.
    tuning = {g.purchase: g for g in result.eks.instances if "fine-tuning" in g.replicas}
    assert set(tuning) == {"spot", "on-demand"} and tuning["spot"].hours == D("120")
    assert tuning["spot"].usd_exact == D("2698.0608") and tuning["on-demand"].usd_exact == D("330.24")
    # Every replica of every steady workload is placed once, on both platforms; the office-hours chat
    # service runs 4 replicas in its busy slot and 2 in the other.
    wanted = {w["name"]: w["replicas"] for w in result.scenario.workloads if "replicas" in w}
    for report in (result.eks, result.ecs):
        steady: dict[str, int] = {}
        by_slot: dict[str, int] = {}
        for node in report._data["placement"]:
            target = by_slot if node["autoscaled"] else steady
            key_of = (lambda name, n=node: f"{name}@{n['hours']}") if node["autoscaled"] else (lambda name: name)
            for name, n in node["replicas"].items():
                target[key_of(name)] = target.get(key_of(name), 0) + n
        assert steady == wanted
        assert sorted(by_slot.values()) == [2, 4]


def test_the_default_scenario_with_the_seeds_shares_is_the_seeds_report():
    # The seed's rule, given explicitly, brings back the seed's totals (EKS $21,207.22, ECS $10,000.52): the
    # infrastructure the default report rests on is unchanged.
    seeded = libtco.default_scenario().replace(eks={"operations": {"share": "0.15"}}, ecs={"operations": {"share": "0.035"}})
    result = libtco.compare(seeded)
    assert line(result.eks, "operations").usd == D("15000.00")  # 6 x 200,000 x 0.15 / 12
    assert line(result.ecs, "operations").usd == D("3500.00")  # 6 x 200,000 x 0.035 / 12
    assert (result.eks.total, result.ecs.total) == (D("21207.22"), D("10000.52"))
    assert result.eks.staff_time["basis"] == "share"


def test_default_table_shows_the_control_plane_and_operations_rows(default_comparison):
    rows = default_comparison.to_table().splitlines()
    (fee,) = [r for r in rows if "control plane fee" in r]
    assert fee.split()[-2:] == ["73.00", "0.00"]
    # One row per item, keyed without the platform: 16 h and 4 h x 200,000 / 1,840 = 1,739.13 and 434.78.
    (care,) = [r for r in rows if "cluster care (staff time)" in r]
    assert care.split()[-2:] == ["1,739.13", "434.78"]
    assert not [r for r in rows if "EKS cluster care" in r or "ECS cluster care" in r]
    # 10 h x 108.6956522 = 1,086.96 on EKS; ECS has no versions to upgrade.
    (upgrades,) = [r for r in rows if "version upgrades (staff time)" in r]
    assert upgrades.split()[-2:] == ["1,086.96", "-"]
    # 24 h of service work on both: 2,608.70.
    (service,) = [r for r in rows if "service work (staff time)" in r]
    assert service.split()[-2:] == ["2,608.70", "2,608.70"]
    # Under the total: the two bands and the hours (84 and 42, DEFAULT_EKS_HOURS and DEFAULT_ECS_HOURS).
    (hours,) = [r for r in rows if r.startswith("  platform work a month")]
    assert hours.split()[-4:] == ["84", "h", "42", "h"]
    (infrastructure,) = [r for r in rows if r.startswith("  infrastructure (without staff time)")]
    (staff,) = [r for r in rows if r.startswith("  staff time")]
    eks_infrastructure, ecs_infrastructure = (D(v.replace(",", "")) for v in infrastructure.split()[-2:])
    assert abs(eks_infrastructure - DEFAULT_EKS_INFRASTRUCTURE) <= CENT and abs(ecs_infrastructure - DEFAULT_ECS_INFRASTRUCTURE) <= CENT
    eks_staff, ecs_staff = (D(v.replace(",", "")) for v in staff.split()[-2:])
    assert abs(eks_staff - D("9130.43")) <= CENT and abs(ecs_staff - D("4565.22")) <= CENT
    # After the verdict, the infrastructure alone: EKS cheaper by 6,500.52 - 6,207.22 = $293.30, to a cent.
    verdict = rows.index("ECS is cheaper by $4,271.91 a month (EKS minus ECS: 4,271.91).")
    gap = ecs_infrastructure - eks_infrastructure
    assert abs(gap - D("293.30")) <= CENT
    assert rows[verdict + 1] == f"On infrastructure alone (without staff time), EKS is cheaper by ${gap:,} a month."
