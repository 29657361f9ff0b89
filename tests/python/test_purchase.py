"""Purchase options and demand over time from Python, on figures worked by hand (see
tests/cpp/unit-purchase.cpp and unit-autoscaling.cpp for the C++ side)."""

from __future__ import annotations

from decimal import Decimal as D

from conftest import make_scenario

import libtco


def items(report):
    return {li.item: li for li in report.line_items}


def test_spot_p5en_before_interruptions():
    doc = make_scenario(
        [{"name": "train", "replicas": 1, "gpus": 8, "vcpu": 96, "memory_gib": 1024, "gpu_models": ["H200"], "spot_tolerant": True}],
        eks={"node_types": ["p5en.48xlarge"], "spot": {"share": 1, "fallback_share": 0}},
    )
    eks = libtco.compare(doc).eks
    assert items(eks)["p5en.48xlarge (spot)"].usd == D("19855.12")  # 730 x 27.1988
    assert [g.purchase for g in eks.instances] == ["spot"]
    assert items(eks)["spot interruptions (lost work)"].category == "spot_interruptions"


def test_one_year_no_upfront_commitment_on_t3_medium():
    doc = make_scenario([{"name": "api", "replicas": 1, "vcpu": 1, "memory_gib": 2}],
                        ecs={"node_types": ["t3.medium"],
                             "commitments": [{"plan": "reserved_instance", "term": "1y", "payment": "no_upfront"}]})
    ecs = libtco.compare(doc).ecs
    net = ecs.subtotal("compute") + ecs.subtotal("commitment")
    assert net == D("19.13")  # 0.0416 x 0.63 x 730 = 19.132


def test_office_hours_profile_on_the_calendar():
    demand = {"base": 2, "peaks": [{"days": "weekdays", "from": "08:00", "to": "20:00", "replicas": 10}]}
    doc = make_scenario([{"name": "svc", "demand": demand, "vcpu": 1.5, "memory_gib": 5}],
                        hours_basis="calendar", eks={"node_types": ["m5.large"]}, ecs={"node_types": ["m5.large"]})
    result = libtco.compare(doc)
    # 22 weekdays x (12 x 10 + 12 x 2) + 8 weekend days x 48 = 3552 node-hours x 0.096 = 340.992.
    assert result.ecs.subtotal("compute") == D("340.99")
    assert {li.category for li in result.ecs.line_items} >= {"autoscaling"}
    assert libtco.load_scenario(doc).to_dict()["workloads"][0]["demand"]["weekday"][8] == 10


def test_fargate_and_a_gpu_on_fargate():
    doc = make_scenario([{"name": "api", "replicas": 4, "vcpu": 1, "memory_gib": 2, "fargate": True}])
    result = libtco.compare(doc)
    assert items(result.ecs)["Fargate: api"].usd == D("144.16")  # 4 x 730 x (0.04048 + 2 x 0.004445)
    assert items(result.eks)["Fargate: api"].usd == D("157.14")  # 3 GB with EKS's 256 MiB: 0.053815/h
    bad = make_scenario([{"name": "g", "replicas": 1, "gpus": 1, "vcpu": 1, "memory_gib": 2, "fargate": True}])
    try:
        libtco.compare(bad)
    except libtco.ValidationError as e:
        assert e.path == "/workloads/0/fargate"
    else:
        raise AssertionError("a GPU workload on Fargate must fail")


def test_the_default_table_shows_spot_commitment_and_idle_lines():
    table = libtco.compare(libtco.default_scenario()).to_table()
    for text in ("(spot)", "spot interruptions", "compute_savings_plan 1y no_upfront", "scale-up lag", "scale-down delay"):
        assert text in table
