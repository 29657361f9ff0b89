"""Importing AWS's own files (tests/data/import: a small Price List offer file and a small Spot
Instance Advisor data file, in the formats AWS publishes). Expected figures are the files' own, or
worked out by hand in a comment."""

from __future__ import annotations

import copy
import json
import pathlib
from decimal import Decimal

import pytest
from conftest import compute_total, make_scenario

import libtco
from libtco import _core
from libtco.catalog_import import ImportResult, import_offer_file, import_spot_advisor

D = Decimal

DATA = pathlib.Path(__file__).resolve().parent.parent / "data" / "import"
OFFER = DATA / "offer-small.json"
ADVISOR = DATA / "spot-advisor-small.json"

M5_SKU = "S8T5WZQ5ZPJ6C3AT"
M5_ON_DEMAND_TERM = f"/terms/OnDemand/{M5_SKU}/{M5_SKU}.JRTCKXETXF"
M5_ON_DEMAND_USD = f"{M5_ON_DEMAND_TERM}/priceDimensions/{M5_SKU}.JRTCKXETXF.6YS6EN2CT7/pricePerUnit/USD"
SOURCE_ID = "aws-price-list-2026-07-20"


def offer_dict() -> dict:
    return json.loads(OFFER.read_text(encoding="utf-8"))


def advisor_dict() -> dict:
    return json.loads(ADVISOR.read_text(encoding="utf-8"))


def m5_on_demand_usd(doc: dict) -> dict:
    """The pricePerUnit object of m5.large's on-demand price in an offer dict."""
    term = doc["terms"]["OnDemand"][M5_SKU][f"{M5_SKU}.JRTCKXETXF"]
    return term["priceDimensions"][f"{M5_SKU}.JRTCKXETXF.6YS6EN2CT7"]["pricePerUnit"]


def commitments(catalog: libtco.Catalog, instance_type: str) -> dict[tuple[str, str], dict]:
    """A type's reserved-instance entries by (term, payment)."""
    entries = catalog.to_dict()["instance_types"][instance_type].get("commitments", [])
    return {(c["term"], c["payment"]): c for c in entries if c["plan"] == "reserved_instance"}


@pytest.fixture(scope="module")
def offer_result() -> ImportResult:
    return import_offer_file(OFFER)


# --- the offer file -------------------------------------------------------------------------------


def test_on_demand_prices_reproduce_the_file_exactly(offer_result):
    types = offer_result.catalog.instance_types
    assert types["m5.large"].on_demand_usd_per_hour == D("0.096")  # "0.0960000000" (not Windows' 0.188)
    assert types["m5.large"].price_source == SOURCE_ID
    assert types["p5.48xlarge"].on_demand_usd_per_hour == D("55.04")
    assert types["t3.medium"].on_demand_usd_per_hour == D("0.0416")
    base = libtco.embedded_catalog().instance_types["m5.large"]
    assert types["m5.large"].allocatable_vcpu == base.allocatable_vcpu  # specs stay the base's
    assert types["m5.large"].spec_source == base.spec_source


def test_reserved_instance_prices_reproduce_the_file_exactly(offer_result):
    ri = commitments(offer_result.catalog, "m5.large")
    assert set(ri) == {("1y", "no_upfront"), ("1y", "partial_upfront"), ("3y", "all_upfront")}  # convertible ignored
    assert ri[("1y", "no_upfront")]["usd_per_hour"] == "0.06"
    assert "upfront_usd" not in ri[("1y", "no_upfront")]
    assert (ri[("1y", "partial_upfront")]["usd_per_hour"], ri[("1y", "partial_upfront")]["upfront_usd"]) == ("0.029", "251")
    assert (ri[("3y", "all_upfront")]["usd_per_hour"], ri[("3y", "all_upfront")]["upfront_usd"]) == ("0", "1006")
    assert all(entry["source"] == SOURCE_ID for entry in ri.values())
    # The 1-year no-upfront price replaces the base's 37 % discount for t3.medium; its 3-year entry stays.
    t3 = commitments(offer_result.catalog, "t3.medium")
    assert t3[("1y", "no_upfront")]["usd_per_hour"] == "0.026"
    assert "discount" not in t3[("1y", "no_upfront")]
    assert t3[("3y", "no_upfront")]["discount"] == commitments(libtco.embedded_catalog(), "t3.medium")[("3y", "no_upfront")]["discount"]


def test_the_summary_lists_updated_added_and_skipped_types(offer_result):
    assert offer_result.updated == ("m5.large", "p5.48xlarge", "t3.medium")
    assert offer_result.added == ("m7g.large", "t4g.nano", "x1.32xlarge")
    assert offer_result.skipped == (
        ("g4ad.xlarge", "GPU type not in the base catalog: add its GPU model and specs with an overlay"),
    )
    assert "g4ad.xlarge" not in offer_result.catalog.instance_types
    frame = offer_result.to_frame()
    assert list(frame.itertuples(index=False, name=None))[:2] == [("g4ad.xlarge", "skipped", offer_result.skipped[0][1]), ("m5.large", "updated", "")]
    assert frame.outcome.value_counts().to_dict() == {"updated": 3, "added": 3, "skipped": 1}
    assert offer_result.to_dict()["added"] == ["m7g.large", "t4g.nano", "x1.32xlarge"]
    assert libtco.load_catalog(offer_result.to_dict()["catalog"]) == offer_result.catalog


def test_new_cpu_types_are_added_with_the_files_specs(offer_result):
    m7g = offer_result.catalog.instance_types["m7g.large"]
    assert (m7g.family, m7g.arch, m7g.vcpu, m7g.memory_gib, m7g.gpus) == ("m7g", "arm64", D(2), D(8), D(0))
    assert (m7g.allocatable_vcpu, m7g.allocatable_memory_gib, m7g.max_pods) == (None, None, None)
    assert m7g.on_demand_usd_per_hour == D("0.0816")
    assert (m7g.spec_source, m7g.price_source) == (SOURCE_ID, SOURCE_ID)
    assert offer_result.catalog.instance_types["t4g.nano"].memory_gib == D("0.5")  # "0.5 GiB"
    assert offer_result.catalog.instance_types["x1.32xlarge"].memory_gib == D(1952)  # "1,952 GiB"
    assert offer_result.catalog.instance_types["x1.32xlarge"].arch == "x86_64"


def test_the_new_source_cites_the_file(offer_result):
    catalog = offer_result.catalog
    source = catalog.to_dict()["sources"][SOURCE_ID]
    assert source == {
        "title": "AWS Price List bulk offer file AmazonEC2 version 20260720182241, published 2026-07-20T18:22:41Z, us-east-1",
        "url": "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/us-east-1/index.json",
        "retrieved": "2026-07-20",
        "confidence": "high",
    }
    assert catalog.name == libtco.embedded_catalog().name
    assert catalog.effective_date == "2026-07-20"


def test_the_imported_catalog_round_trips(offer_result):
    text = offer_result.catalog.to_json()
    assert _core.normalize_catalog(text) == text
    assert libtco.load_catalog(text) == offer_result.catalog
    assert libtco.load_catalog(offer_result.catalog.to_dict()) == offer_result.catalog


def test_every_kind_of_source_gives_the_same_result(offer_result):
    text = OFFER.read_text(encoding="utf-8")
    for source in (str(OFFER), OFFER, text, offer_dict()):
        assert import_offer_file(source) == offer_result


def test_options_name_date_and_base(offer_result):
    base = libtco.embedded_catalog().to_dict()
    base["instance_types"]["m5.large"]["on_demand_usd_per_hour"] = "0.2"  # a stale price to be replaced
    result = import_offer_file(
        OFFER, base=base, region="us-east-1", name="refreshed", effective_date="2026-08-01", retrieved="2026-08-02"
    )
    assert result.catalog.name == "refreshed"
    assert result.catalog.effective_date == "2026-08-01"
    assert result.catalog.instance_types["m5.large"].on_demand_usd_per_hour == D("0.096")
    assert result.catalog.instance_types["m5.large"].price_source == "aws-price-list-2026-08-01"
    assert result.catalog.to_dict()["sources"]["aws-price-list-2026-08-01"]["retrieved"] == "2026-08-02"
    assert import_offer_file(OFFER, base=libtco.embedded_catalog()) == offer_result


def test_an_imported_catalog_prices_a_comparison(offer_result):
    # One arm64 replica of 1 vCPU / 4 GiB on the added m7g.large (Graviton: 2 vCPU, 8 GiB, no allocatable figures):
    # one node on each platform, 730 h x $0.0816/h = $59.568 -> $59.57.
    doc = make_scenario(
        [{"name": "svc", "replicas": 1, "vcpu": 1, "memory_gib": 4, "arch": "arm64"}],
        eks={"node_types": ["m7g.large"]},
        ecs={"node_types": ["m7g.large"]},
    )
    result = libtco.compare(doc, catalog=offer_result.catalog)
    assert compute_total(result.eks) == D("59.57")
    assert compute_total(result.ecs) == D("59.57")
    assert result.eks.instances[0].usd_per_hour == D("0.0816")
    assert result.catalog.name == offer_result.catalog.name


def _offer_error(doc: dict) -> libtco.Error:
    with pytest.raises(libtco.Error) as info:
        import_offer_file(doc)
    return info.value


def test_a_bad_price_fails_at_its_json_pointer():
    doc = offer_dict()
    m5_on_demand_usd(doc)["USD"] = "0.096O"
    e = _offer_error(doc)
    assert isinstance(e, libtco.ValidationError)
    assert (e.code, e.path) == ("libtco.validation.114", M5_ON_DEMAND_USD)
    assert str(e).startswith(f"[libtco.validation.114] {M5_ON_DEMAND_USD}: ")


def test_a_missing_price_dimensions_object_fails_at_its_json_pointer():
    doc = offer_dict()
    del doc["terms"]["OnDemand"][M5_SKU][f"{M5_SKU}.JRTCKXETXF"]["priceDimensions"]
    e = _offer_error(doc)
    assert (e.code, e.path) == ("libtco.validation.111", f"{M5_ON_DEMAND_TERM}/priceDimensions")


def test_another_offer_code_is_refused():
    doc = offer_dict()
    doc["offerCode"] = "AmazonRDS"
    e = _offer_error(doc)
    assert (e.code, e.path) == ("libtco.validation.114", "/offerCode")


def test_two_kept_products_for_one_type_fail_at_the_second():
    doc = offer_dict()
    doc["products"]["ZZ9XQ6WQ3M8RKEC7"] = dict(copy.deepcopy(doc["products"][M5_SKU]), sku="ZZ9XQ6WQ3M8RKEC7")
    e = _offer_error(doc)
    assert (e.code, e.path) == ("libtco.validation.118", "/products/ZZ9XQ6WQ3M8RKEC7")


def test_unparseable_memory_of_a_new_type_fails_at_its_json_pointer():
    doc = offer_dict()
    doc["products"]["G9PHZ5T4AJ7ERGBU"]["attributes"]["memory"] = "512 MiB"
    e = _offer_error(doc)
    assert (e.code, e.path) == ("libtco.validation.114", "/products/G9PHZ5T4AJ7ERGBU/attributes/memory")


def test_another_region_than_the_bases_is_refused():
    with pytest.raises(libtco.NotFoundError) as info:
        import_offer_file(OFFER, region="us-west-2")
    assert (info.value.code, info.value.path) == ("libtco.lookup.203", "")


def test_a_bad_option_date_is_refused():
    with pytest.raises(libtco.ValidationError) as info:
        import_offer_file(OFFER, effective_date="2026-8-1")
    assert (info.value.code, info.value.path) == ("libtco.validation.114", "")


def test_errors_from_a_file_name_the_file(tmp_path):
    doc = offer_dict()
    m5_on_demand_usd(doc)["USD"] = "free"
    path = tmp_path / "index.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(libtco.ValidationError) as info:
        import_offer_file(path)
    assert info.value.path == M5_ON_DEMAND_USD
    assert info.value.filename == str(path)
    with pytest.raises(libtco.InputError):
        import_offer_file(tmp_path / "missing.json")


def test_arguments_are_keyword_only():
    with pytest.raises(TypeError):
        import_offer_file(OFFER, libtco.embedded_catalog())  # type: ignore[misc]


# --- the Spot Instance Advisor --------------------------------------------------------------------


def test_spot_savings_and_interruption_reproduce_the_file_exactly():
    base = libtco.embedded_catalog()
    result = import_spot_advisor(ADVISOR)
    source_id = f"aws-spot-advisor-{base.effective_date}"
    types = result.catalog.to_dict()["instance_types"]
    # "s": 57 -> 0.57 off; "r": 1 -> ranges[1] "5-10%" (the Windows figure, 40, is ignored).
    assert types["m5.large"]["spot"] == {"savings": "0.57", "interruption": "5-10%", "source": source_id}
    assert types["p5.48xlarge"]["spot"] == {"savings": "0.62", "interruption": "<5%", "source": source_id}
    assert types["t3.medium"]["spot"] == {"savings": "0.68", "interruption": ">20%", "source": source_id}
    assert result.updated == ("m5.large", "p5.48xlarge", "t3.medium")
    assert result.added == ()
    assert result.skipped == (("g4ad.xlarge", "not in the base catalog"),)
    assert result.catalog.to_dict()["sources"][source_id] == {
        "title": "AWS Spot Instance Advisor data, us-east-1 Linux",
        "url": "https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json",
        "retrieved": base.effective_date,
        "confidence": "high",
    }
    assert libtco.load_catalog(result.catalog.to_json()) == result.catalog


def test_both_imports_chain(offer_result):
    result = import_spot_advisor(ADVISOR, base=offer_result.catalog, effective_date="2026-09-15")
    m5 = result.catalog.to_dict()["instance_types"]["m5.large"]
    assert m5["on_demand_usd_per_hour"] == "0.096"
    assert m5["spot"]["source"] == "aws-spot-advisor-2026-09-15"
    assert result.catalog.effective_date == "2026-09-15"


def _advisor_error(doc: dict) -> libtco.Error:
    with pytest.raises(libtco.Error) as info:
        import_spot_advisor(doc)
    return info.value


def test_an_unknown_range_label_fails_at_its_json_pointer():
    doc = advisor_dict()
    doc["ranges"][2]["label"] = "10-16%"
    e = _advisor_error(doc)
    assert (e.code, e.path) == ("libtco.validation.114", "/ranges/2/label")


def test_an_unknown_range_index_fails_at_its_json_pointer():
    doc = advisor_dict()
    doc["spot_advisor"]["us-east-1"]["Linux"]["m5.large"]["r"] = 9
    e = _advisor_error(doc)
    assert (e.code, e.path) == ("libtco.validation.113", "/spot_advisor/us-east-1/Linux/m5.large/r")


def test_savings_out_of_range_fail_at_their_json_pointer():
    doc = advisor_dict()
    doc["spot_advisor"]["us-east-1"]["Linux"]["m5.large"]["s"] = 120
    e = _advisor_error(doc)
    assert (e.code, e.path) == ("libtco.validation.113", "/spot_advisor/us-east-1/Linux/m5.large/s")


def test_a_region_missing_from_the_advisor_file_is_an_error():
    doc = advisor_dict()
    del doc["spot_advisor"]["us-east-1"]
    e = _advisor_error(doc)
    assert isinstance(e, libtco.NotFoundError)
    assert (e.code, e.path) == ("libtco.lookup.203", "/spot_advisor")
    assert '"us-east-1"' in e.detail
