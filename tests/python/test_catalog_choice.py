"""Which catalog a comparison uses, what it warns about, price overlays, and the confidence of the
figures a report rests on. Expected figures are worked out by hand from pricing-facts.md."""

from __future__ import annotations

import copy
from decimal import Decimal as D

import pytest
from conftest import gpu_workload, line, make_scenario

import libtco
from libtco import NotFoundError, ValidationError

NEW = "aws-us-east-1-2026-07-20"
OLD = "aws-us-east-1-2025-04-01"
TEAM = {"engineers": 4, "loaded_cost_per_engineer_year": 180000}


def h100_training(**extra):
    """One replica of 8 GPUs: exactly one p5.48xlarge."""
    platforms = {"eks": {"node_types": ["p5.48xlarge"]}, "ecs": {"node_types": ["p5.48xlarge"]}}
    platforms.update({k: extra.pop(k) for k in ("eks", "ecs") if k in extra})
    return make_scenario(
        [{"name": "train", "replicas": 1, "gpus": 8, "vcpu": 96, "memory_gib": 1024, "gpu_models": ["H100"]}],
        **platforms,
        **extra,
    )


def test_embedded_catalogs_are_listed_by_date():
    assert libtco.embedded_catalog_names() == [OLD, NEW]
    assert libtco.embedded_catalog().name == NEW
    assert libtco.embedded_catalog(OLD).effective_date == "2025-04-01"
    assert repr(libtco.embedded_catalog(OLD)) == f"Catalog.embedded({OLD!r})"
    with pytest.raises(NotFoundError) as info:
        libtco.embedded_catalog("aws-us-east-1-1999-01-01")
    assert OLD in str(info.value)


@pytest.mark.parametrize(
    ("month", "catalog", "usd_per_hour"),
    [
        ("2025-04", OLD, "98.32"),  # before the June 2025 cut
        ("2025-05", OLD, "98.32"),  # the old prices held until 2025-05-31
        ("2025-06", NEW, "55.04"),  # the June 2025 cut: the nearest catalog in effect is the newer one
        ("2026-06", NEW, "55.04"),
        ("2026-07", NEW, "55.04"),  # 2026-07-20 falls in July
        ("2026-09", NEW, "55.04"),
    ],
)
def test_the_catalog_follows_the_billed_month(month, catalog, usd_per_hour):
    result = libtco.compare(h100_training(month=month))
    assert result.catalog_name == catalog
    assert result.catalog.name == catalog
    compute = line(result.eks, "compute")
    assert compute.detail == f"1 x 730 h x ${usd_per_hour}/h"
    assert compute.usd == D(usd_per_hour) * 730


def test_the_same_scenario_on_old_and_new_prices():
    scenario = h100_training(month="2026-09")
    old = libtco.compare(scenario, catalog=libtco.embedded_catalog(OLD))
    new = libtco.compare(scenario, catalog=libtco.embedded_catalog(NEW))
    # 730 h x $98.32 = 71,773.60 before the cut; 730 h x $55.04 = 40,179.20 after.
    assert line(old.eks, "compute").usd == D("71773.60")
    assert line(new.eks, "compute").usd == D("40179.20")
    assert old.eks.total - new.eks.total == D("31594.40")
    # An old catalog for a later month is flagged.
    assert [w.code for w in old.warnings] == ["stale_catalog", "superseded_catalog"]
    assert new.warnings == []


def test_a_scenario_can_name_its_catalog():
    result = libtco.compare(h100_training(month="2026-09", catalog=OLD))
    assert result.catalog_name == OLD
    assert line(result.eks, "compute").usd == D("71773.60")
    assert libtco.load_scenario(h100_training(catalog=OLD)).to_dict()["catalog"] == OLD


def test_an_unknown_catalog_name_is_an_error_at_its_path():
    with pytest.raises(NotFoundError) as info:
        libtco.compare(h100_training(catalog="aws-us-east-1-2030-01-01"))
    assert info.value.code == "libtco.lookup.206"
    assert info.value.path == "/catalog"


def test_a_catalog_other_than_the_named_one_is_flagged():
    result = libtco.compare(h100_training(month="2026-09", catalog=OLD), catalog=libtco.embedded_catalog(NEW))
    assert result.catalog_name == NEW
    assert [w.code for w in result.warnings] == ["catalog_not_as_named"]


@pytest.mark.parametrize(
    ("month", "stale"),
    [("2027-07", False), ("2027-08", True), ("2028-01", True)],
)
def test_stale_catalog_warning_after_a_year(month, stale):
    # The catalog is dated 2026-07-20: July 2027 starts within a year of it, August 2027 does not.
    result = libtco.compare(h100_training(month=month), catalog=libtco.embedded_catalog(NEW))
    assert ("stale_catalog" in [w.code for w in result.warnings]) is stale
    if stale:
        assert "2026-07-20" in result.warnings[0].message


def test_a_month_between_catalogs_uses_the_later_one_and_says_so():
    result = libtco.compare(h100_training(month="2025-09"))
    assert result.catalog_name == NEW
    assert [w.code for w in result.warnings] == ["catalog_after_month"]


def test_a_catalog_dated_after_the_month_is_flagged():
    result = libtco.compare(h100_training(month="2025-12"), catalog=libtco.embedded_catalog(NEW))
    assert [w.code for w in result.warnings] == ["catalog_after_month"]


def test_the_report_names_its_catalog():
    data = libtco.compare(h100_training()).to_dict()
    assert data["catalog"] == {"name": NEW, "region": "us-east-1", "effective_date": "2026-07-20"}
    assert data["warnings"] == []


# --- overlays ---------------------------------------------------------------------------------


def test_a_blanket_discount_applies_to_every_catalog_price():
    doc = h100_training(team=TEAM, price_overlay={"name": "acme-edp", "discount": "0.1"})
    result = libtco.compare(doc)
    # 55.04 x 0.9 = 49.536 $/h; x 730 h = 36,161.28. EKS fee 0.10 x 0.9 = 0.09 $/h -> 65.70.
    assert line(result.eks, "compute").detail == "1 x 730 h x $49.536/h"
    assert line(result.eks, "compute").usd == D("36161.28")
    assert line(result.eks, "control_plane").usd == D("65.70")
    # Staff time is not an AWS price. The effort model (eks-karpenter) at 180,000 / 1,840 = $97.8260870/h: cluster care 16 h,
    # upgrades 40 x 3 / 12 = 10 h, node rotation 4 h x 1 pool (x86 GPU), add-ons 2 x 7 = 14 h, on-call 12 h, service work
    # 4 h x 1 workload = 60 h; 60 x 180,000 / 1,840 = 5,869.57, unchanged by the discount.
    assert result.eks.subtotal("operations") == D("5869.57")
    assert result.eks.staff == D("5869.57")
    assert result.overlay == {"name": "acme-edp", "discount": D("0.1")}


def test_overlay_prices_are_taken_as_paid():
    doc = h100_training(
        price_overlay={
            "discount": "0.1",
            "fees": {"eks_cluster_standard": "0.08"},
            "instance_types": {"p5.48xlarge": {"on_demand_usd_per_hour": "40"}},
        }
    )
    result = libtco.compare(doc)
    assert line(result.eks, "compute").usd == D("29200.00")  # 40 x 730, no further discount
    assert line(result.eks, "control_plane").usd == D("58.40")  # 0.08 x 730
    assert line(result.eks, "compute").sources == ("scenario",)


def test_overlay_errors_have_paths():
    with pytest.raises(ValidationError) as info:
        libtco.compare(h100_training(price_overlay={"discount": "1.5"}))
    assert info.value.path == "/price_overlay/discount"
    with pytest.raises(ValidationError) as info:
        libtco.compare(h100_training(price_overlay={"discount": "1"}))
    assert info.value.path == "/price_overlay/discount"
    with pytest.raises(NotFoundError) as info:
        libtco.compare(h100_training(price_overlay={"fees": {"eks_cluster_premium": "1"}}))
    assert info.value.path == "/price_overlay/fees/eks_cluster_premium"
    with pytest.raises(ValidationError) as info:
        libtco.compare(h100_training(price_overlay={"discont": "0.1"}))
    assert info.value.path == "/price_overlay/discont"


def test_an_overlay_round_trips_through_the_scenario():
    doc = h100_training(price_overlay={"name": "edp", "discount": "0.05", "fees": {"ecs_cluster": "0"}})
    again = libtco.load_scenario(libtco.load_scenario(doc).to_json())
    assert again.to_dict()["price_overlay"] == {"name": "edp", "discount": "0.05", "fees": {"ecs_cluster": "0"}, "instance_types": {}}


# --- confidence ---------------------------------------------------------------------------------


def test_line_items_carry_their_sources_and_confidence():
    result = libtco.compare(h100_training(team=TEAM))
    eks = result.eks
    assert line(eks, "control_plane").sources == ("aws-eks-pricing",)
    assert line(eks, "control_plane").confidence == "high"
    assert line(eks, "compute").sources == ("karpenter-pricing",)
    assert line(eks, "compute").confidence == "high"
    # Staff time is the model's weakest assumption: each effort line names its figures and the working hours,
    # and the presets' hours are low-confidence planning defaults.
    on_call = line(eks, "operations", "EKS on-call and incidents (staff time)")
    assert on_call.sources == ("/eks/operations/on_call_hours_per_month", "/team/working_hours_per_year")
    upgrades = line(eks, "operations", "EKS version upgrades (staff time)")
    assert upgrades.sources == ("/eks/operations/upgrade_hours_per_upgrade", "/eks/operations/upgrades_per_year", "/team/working_hours_per_year")
    assert {li.confidence for li in eks.line_items if li.category == "operations"} == {"low"}
    # 73.00 + 40,179.20 rest on high-confidence prices; the staff time, 60 h x 180,000 / 1,840 = 5,869.57 (see the
    # overlay test above), on low-confidence hours.
    assert eks.usd_by_confidence == {"high": D("40252.20"), "medium": D("0.00"), "low": D("5869.57")}
    assert sum(eks.usd_by_confidence.values()) == eks.total
    assert [s["id"] for s in result.sources] == ["aws-ecs-pricing", "aws-eks-pricing", "karpenter-pricing"]
    assert all(s["confidence"] == "high" for s in result.sources)


def test_a_share_the_team_gives_is_its_own_figure():
    doc = h100_training(team=TEAM, eks={"node_types": ["p5.48xlarge"], "operations": {"share": "0.12"}})
    ops = line(libtco.compare(doc).eks, "operations")  # the seed's rule: one line
    assert ops.confidence == "high" and ops.sources == ("/eks/operations/share",)
    # The seed's own share, 0.15, is its low-confidence default.
    seed = line(libtco.compare(h100_training(team=TEAM, eks={"node_types": ["p5.48xlarge"], "operations": {"share": "0.15"}})).eks, "operations")
    assert seed.confidence == "low"
    # Hours the team gives are its own figures too, but the line is priced over the default 1,840 working hours a
    # year, a medium-confidence figure: medium, until the team gives its working hours as well.
    on_call = "EKS on-call and incidents (staff time)"
    hours = h100_training(team=TEAM, eks={"node_types": ["p5.48xlarge"], "operations": {"on_call_hours_per_month": "20"}})
    assert line(libtco.compare(hours).eks, "operations", on_call).confidence == "medium"
    hours["team"] = dict(TEAM, working_hours_per_year="1800")
    assert line(libtco.compare(hours).eks, "operations", on_call).confidence == "high"


def test_a_scenario_document_is_not_changed_by_comparing():
    doc = h100_training(price_overlay={"discount": "0.1"})
    before = copy.deepcopy(doc)
    libtco.compare(doc)
    assert doc == before
