"""GPU sharing from Python: the placement as a DataFrame, utilization, the saving and showback.
Figures worked by hand: g5.xlarge has one A10G (22.3515625 GiB) at $1.006/h; 730 h a month."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from conftest import make_scenario

import libtco
from libtco import PlacementError, ValidationError

FRACTIONAL = [{"name": "w", "replicas": 8, "gpus": 0.4, "gpu_memory_gib": 8, "vcpu": 1, "memory_gib": 4}]


def shared(**eks):
    return make_scenario(
        FRACTIONAL,
        eks={"node_types": ["g5.xlarge"], "gpu_sharing": "time-slicing", **eks},
        ecs={"node_types": ["g5.xlarge"]},
    )


def test_time_slicing_halves_the_fleet():
    result = libtco.compare(shared())
    assert sum(g.count for g in result.eks.instances) == 4  # two 0.4-GPU pods per A10G (a third needs 24 GiB)
    assert sum(g.count for g in result.ecs.instances) == 8  # whole GPUs per task
    u = result.eks.utilization
    assert u["gpus"] == D(4)
    assert u["gpu_hours_requested"] == D(2336)  # 8 x 0.4 x 730
    assert u["gpu_hours_paid"] == D(2920)  # 4 x 730
    assert u["gpu_utilization"] == D("0.8")
    assert u["without_sharing"] == {"gpus": D(8), "compute_usd": D("5875.04"), "saving_usd": D("2937.52")}
    assert result.ecs.utilization["gpu_utilization"] == D("0.4")
    assert "without_sharing" not in result.ecs.utilization


def test_the_report_says_which_view_each_platform_takes():
    result = libtco.compare(shared())
    assert result.eks.gpu_sharing["strategy"] == "time-slicing"
    assert result.eks.gpu_sharing["replicas_per_gpu"] == 4
    assert result.eks.gpu_sharing["time_slicing_efficiency"] == D("0.9")
    assert result.ecs.gpu_sharing["strategy"] == "none"
    assert "the seed's view" in result.ecs.gpu_sharing["description"]
    mps = libtco.compare(make_scenario(FRACTIONAL, ecs={"node_types": ["g5.xlarge"], "gpu_sharing": "mps"}))
    assert "nvidiaMps" in mps.ecs.gpu_sharing["description"]
    assert sum(g.count for g in mps.ecs.instances) == 4  # 22.35 GiB / 8 GiB = 2 tasks per GPU


def test_placement_frame_shows_who_shares_each_gpu():
    frame = libtco.compare(shared()).eks.placement_frame()
    assert list(frame.columns) == list(libtco.comparison.PLACEMENT_COLUMNS)
    assert len(frame) == 4  # one row per (node, GPU, workload)
    assert set(frame["instance_type"]) == {"g5.xlarge"}
    assert list(frame["replicas"]) == [2, 2, 2, 2]
    assert list(frame["requested"]) == [D("0.8")] * 4
    assert list(frame["memory_gib"]) == [D(16)] * 4
    both = libtco.compare(shared()).placement_frame()
    assert list(both.groupby("platform")["replicas"].sum()) == [8, 8]


def test_mig_layout_in_the_frame():
    doc = make_scenario(
        [{"name": "slice", "replicas": 7, "gpus": 0.1, "gpu_memory_gib": 10, "vcpu": 1, "memory_gib": 4}],
        eks={"node_types": ["p4de.24xlarge"], "gpu_sharing": "mig"},
        ecs={"node_types": ["p4de.24xlarge"]},
    )
    frame = libtco.compare(doc).eks.placement_frame()
    used = frame[frame["replicas"] > 0]
    assert len(used) == 1  # all seven on one A100-80GB
    assert used.iloc[0]["mig_profiles"] == ", ".join(f"1g.10gb@{i}" for i in range(7))


def test_showback_adds_up_to_the_compute_total():
    result = libtco.compare(shared())
    for report in (result.eks, result.ecs):
        assert set(report.showback) == {"w", "(idle)"}
        assert sum(report.showback.values()) == sum(g.usd_exact for g in report.instances).quantize(D("0.01"))
    # Unshared, 0.6 of every GPU is idle: more idle cost on ECS than on EKS.
    assert result.ecs.showback["(idle)"] > result.eks.showback["(idle)"]
    frame = result.showback_frame()
    assert list(frame.columns) == ["platform", "workload", "usd"]
    assert len(frame) == 4


def test_fractional_instances_on_either_platform():
    doc = make_scenario(
        [{"name": "t", "replicas": 3, "gpus": 0.1, "gpu_memory_gib": 2, "vcpu": 1, "memory_gib": 2}],
        eks={"node_types": ["g6f.large"]},
        ecs={"node_types": ["g6f.large"]},
    )
    result = libtco.compare(doc)
    assert result.ecs.subtotal("compute") == D("442.38")  # 3 x 730 x 0.202
    assert result.ecs.utilization["gpus"] == D("0.375")  # 3 x 1/8 of an L4


@pytest.mark.parametrize(
    ("workloads", "eks", "ecs", "error", "path"),
    [
        ([{"name": "x", "replicas": 1, "gpus": 1.5, "vcpu": 1, "memory_gib": 1}], {}, {}, ValidationError, "/workloads/0/gpus"),
        ([{"name": "x", "replicas": 1, "gpus": 0.25, "vcpu": 1, "memory_gib": 1, "gpu_models": ["A10G"]}],
         {"gpu_sharing": "mig"}, {}, ValidationError, "/workloads/0/gpu_models"),
        (FRACTIONAL, {"gpu_sharing": "mps", "replicas_per_gpu": 49}, {}, ValidationError, "/eks/replicas_per_gpu"),
        (FRACTIONAL, {}, {"gpu_sharing": "mig"}, ValidationError, "/ecs/gpu_sharing"),
        ([{"name": "x", "replicas": 1, "gpus": 0.5, "gpu_memory_gib": 500, "vcpu": 1, "memory_gib": 1}],
         {"gpu_sharing": "time-slicing"}, {}, PlacementError, "/workloads/0"),
    ],
)
def test_bad_sharing_requests(workloads, eks, ecs, error, path):
    with pytest.raises(error) as info:
        libtco.compare(make_scenario(workloads, eks=eks, ecs=ecs))
    assert info.value.path == path


def test_sharing_settings_round_trip():
    doc = shared(replicas_per_gpu=6, time_slicing_efficiency="0.85")
    again = libtco.load_scenario(libtco.load_scenario(doc).to_json()).to_dict()
    assert again["eks"]["gpu_sharing"] == "time-slicing"
    assert again["eks"]["replicas_per_gpu"] == 6
    assert again["eks"]["time_slicing_efficiency"] == "0.85"
    assert again["ecs"]["gpu_sharing"] == "none"
