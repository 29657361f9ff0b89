"""Checks on the committed pricing catalogs under pricing/.

These tests read only files in pricing/; they never run scripts/build_catalog.py and never
touch ../shared (the catalog JSON is a committed artifact).
"""

from __future__ import annotations

import builtins
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PRICING_DIR = REPO_ROOT / "pricing"
SCHEMA_PATH = PRICING_DIR / "catalog.schema.json"
US_EAST_1 = "aws-us-east-1-2026-07-20"
US_EAST_1_2025_04 = "aws-us-east-1-2025-04-01"

CANONICAL_DECIMAL = re.compile(r"^(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$")


def catalog_paths() -> list[Path]:
    return sorted(p for p in PRICING_DIR.glob("*.json") if p != SCHEMA_PATH)


def load_json(path: Path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def schema():
    return load_json(SCHEMA_PATH)


@pytest.fixture(scope="module")
def us_east_1():
    return load_json(PRICING_DIR / f"{US_EAST_1}.json")


@pytest.fixture(scope="module")
def us_east_1_2025():
    return load_json(PRICING_DIR / f"{US_EAST_1_2025_04}.json")


CATALOGS = catalog_paths()


def D(s: str) -> Decimal:
    return Decimal(s)


def test_catalogs_present():
    names = [p.name for p in CATALOGS]
    assert f"{US_EAST_1}.json" in names
    assert f"{US_EAST_1_2025_04}.json" in names
    assert "catalog.schema.json" not in names


def test_schema_is_valid_draft_2020_12(schema):
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_catalog_matches_schema(path, schema):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(load_json(path)), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{e.json_path}: {e.message}" for e in errors[:20])


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_catalog_name_matches_file(path):
    assert load_json(path)["name"] == path.stem


def source_references(cat: dict) -> list[tuple[str, str]]:
    """Every (where, source id) a catalog cites, found by walking it: each "source",
    "spec_source" and "price_source" value, plus default_sources."""
    refs = [(f"default_sources.{k}", v) for k, v in cat["default_sources"].items()]

    def walk(node, where):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("source", "spec_source", "price_source") and isinstance(v, str):
                    refs.append((f"{where}.{k}", v))
                else:
                    walk(v, f"{where}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}[{i}]")

    for key, value in cat.items():
        if key not in ("sources", "default_sources"):
            walk(value, key)
    return refs


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_source_references_resolve(path):
    cat = load_json(path)
    sources = cat["sources"]
    refs = source_references(cat)
    assert refs
    missing = [(where, ref) for where, ref in refs if ref not in sources]
    assert not missing


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_every_listed_source_is_used(path):
    cat = load_json(path)
    unused = set(cat["sources"]) - {ref for _, ref in source_references(cat)}
    assert not unused


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_every_gpu_model_is_used(path):
    cat = load_json(path)
    used = {it["gpu_model"] for it in cat["instance_types"].values() if "gpu_model" in it}
    assert set(cat["gpu_models"]) == used


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_instance_gpu_models_exist(path):
    cat = load_json(path)
    missing = {name: it["gpu_model"] for name, it in cat["instance_types"].items()
               if "gpu_model" in it and it["gpu_model"] not in cat["gpu_models"]}
    assert not missing


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_formatting_is_canonical(path):
    """2-space indent, trailing newline, canonical decimal strings (independent of the schema)."""
    text = path.read_text(encoding="utf-8")
    cat = json.loads(text)
    assert text == json.dumps(cat, indent=2, ensure_ascii=True) + "\n"

    def walk(node, where):
        if isinstance(node, dict):
            for k, v in node.items():
                yield from walk(v, f"{where}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from walk(v, f"{where}[{i}]")
        else:
            yield where, node

    decimal_keys = ("usd", "memory_gib", "gpu_memory_gib", "allocatable_vcpu",
                    "allocatable_memory_gib", "on_demand_usd_per_hour", "value", "low", "high",
                    "savings", "discount", "usd_per_hour", "upfront_usd")
    for where, value in walk(cat, "$"):
        assert not isinstance(value, float), f"{where}: float {value!r}; decimals must be strings"
        if where.rsplit(".", 1)[-1] in decimal_keys:
            assert isinstance(value, str) and CANONICAL_DECIMAL.match(value), f"{where}: {value!r}"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_mapping_keys_sorted(path):
    cat = load_json(path)
    for key in ("sources", "gpu_models", "instance_types"):
        assert list(cat[key]) == sorted(cat[key]), key
    if "spot" in cat:
        assert list(cat["spot"]["families"]) == sorted(cat["spot"]["families"])


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_ranges_and_commitment_entries(path):
    """What the schema cannot say: low <= figure <= high, one entry per (plan, term, payment)."""
    cat = load_json(path)
    ranged = list(cat.get("shares", {}).items())
    if "spot" in cat:
        ranged += [("spot.generic", cat["spot"]["generic"])]
        ranged += [(f"spot.families.{k}", v) for k, v in cat["spot"]["families"].items()]
    for where, v in ranged:
        figure = D(v.get("value", v.get("savings")))
        assert D(v.get("low", figure)) <= figure <= D(v.get("high", figure)), where
    for name, it in cat["instance_types"].items():
        keys = [(c["plan"], c["term"], c["payment"]) for c in it.get("commitments", [])]
        assert len(keys) == len(set(keys)), name


# --- Hand-known figures: AWS published prices and the reference TSV rows -------------------



def test_header(us_east_1):
    c = us_east_1
    assert c["schema_version"] == 1
    assert c["region"] == "us-east-1"
    assert c["currency"] == "USD"
    assert c["effective_date"] == "2026-07-20"
    assert c["default_sources"] == {"specs": "karpenter-instance-types", "on_demand": "karpenter-pricing"}


def test_p5_48xlarge(us_east_1):
    it = us_east_1["instance_types"]["p5.48xlarge"]
    assert it["gpus"] == 8 and it["gpu_model"] == "H100"
    assert it["on_demand_usd_per_hour"] == "55.04"
    assert it["memory_gib"] == "2048"
    assert it["vcpu"] == 192
    assert it["gpu_memory_gib"] == "80"


def test_g5_xlarge(us_east_1):
    it = us_east_1["instance_types"]["g5.xlarge"]
    assert it == {
        "family": "g5", "arch": "x86_64", "vcpu": 4, "memory_gib": "16", "gpus": 1,
        "gpu_model": "A10G", "gpu_memory_gib": "22.3515625", "allocatable_vcpu": "3.92",
        "allocatable_memory_gib": "13.830078125", "max_pods": 58, "on_demand_usd_per_hour": "1.006",
    }


def test_m5_xlarge(us_east_1):
    it = us_east_1["instance_types"]["m5.xlarge"]
    assert it["on_demand_usd_per_hour"] == "0.192"
    assert it["vcpu"] == 4 and it["memory_gib"] == "16"
    assert not {"gpus", "gpu_model", "gpu_memory_gib"} & it.keys()


def test_t3_medium(us_east_1):
    it = us_east_1["instance_types"]["t3.medium"]
    assert it["on_demand_usd_per_hour"] == "0.0416"
    assert it["vcpu"] == 2 and it["memory_gib"] == "4"


def test_june_2025_price_cuts(us_east_1):
    its = us_east_1["instance_types"]
    assert its["p4d.24xlarge"]["on_demand_usd_per_hour"] == "21.957642"
    assert its["p4d.24xlarge"]["gpu_model"] == "A100-40GB"
    assert its["p4de.24xlarge"]["on_demand_usd_per_hour"] == "27.44705"
    assert its["p4de.24xlarge"]["gpu_model"] == "A100-80GB"
    assert its["p5en.48xlarge"]["on_demand_usd_per_hour"] == "63.296"
    assert its["p5en.48xlarge"]["gpu_model"] == "H200"


def test_fractional_g6f(us_east_1):
    its = us_east_1["instance_types"]
    g = its["g6f.large"]
    assert g["gpus"] == "0.125" and g["gpu_model"] == "L4"
    assert g["on_demand_usd_per_hour"] == "0.202"
    expected = {"g6f.large": ("0.125", "0.202"), "g6f.xlarge": ("0.125", "0.2375"),
                "g6f.2xlarge": ("0.25", "0.475"), "g6f.4xlarge": ("0.5", "0.95"),
                "gr6f.4xlarge": ("0.5", None)}
    l4 = D(us_east_1["gpu_models"]["L4"]["memory_gib"])
    for name, (share, price) in expected.items():
        it = its[name]
        assert it["gpus"] == share, name
        assert it["gpu_model"] == "L4", name
        # The fraction's memory is that share of a whole L4.
        assert D(it["gpu_memory_gib"]) == D(share) * l4, name
        if price is not None:
            assert it["on_demand_usd_per_hour"] == price, name


def test_p5e_has_no_on_demand_price(us_east_1):
    it = us_east_1["instance_types"]["p5e.48xlarge"]
    assert "on_demand_usd_per_hour" not in it
    assert it["gpus"] == 8 and it["gpu_model"] == "H200"


def test_eks_and_ecs_fees(us_east_1):
    fees = us_east_1["fees"]
    assert D(fees["eks_cluster_standard"]["usd"]) == D("0.10")
    assert D(fees["eks_cluster_extended"]["usd"]) == D("0.60")
    assert D(fees["ecs_cluster"]["usd"]) == 0
    for k in ("eks_cluster_standard", "eks_cluster_extended", "ecs_cluster"):
        assert fees[k]["per"] == "cluster-hour"
    # 730-hour month: $73.00 standard, $438.00 extended.
    assert D(fees["eks_cluster_standard"]["usd"]) * 730 == D("73.00")
    assert D(fees["eks_cluster_extended"]["usd"]) * 730 == D("438.00")


def test_families_present(us_east_1):
    families = {it["family"] for it in us_east_1["instance_types"].values()}
    required = set("g4dn g5 g6 g6e g6f p4d p4de p5 p5en m5 c5 t3 m6i m7i c6i c7i r5 r6i".split())
    assert required <= families, required - families


def test_no_amd_gpus(us_east_1):
    assert not any(it["family"] == "g4ad" for it in us_east_1["instance_types"].values())
    assert all(m["vendor"] == "nvidia" for m in us_east_1["gpu_models"].values())


def test_gpu_models(us_east_1):
    models = us_east_1["gpu_models"]
    assert set(models) == {"T4", "T4G", "A10G", "L4", "L40S", "V100", "A100-40GB", "A100-80GB",
                           "H100", "H200", "B200", "B300", "RTX-PRO-4500", "RTX-PRO-6000"}
    assert models["L4"]["memory_gib"] == "22.3515625"  # whole L4, not a g6f fraction
    assert models["A100-40GB"]["memory_gib"] == "40"
    assert models["H200"]["memory_gib"] == "141"
    for mid in ("A100-40GB", "A100-80GB", "H100", "H200"):
        mig = models[mid]["mig"]
        assert mig["max_instances"] == 7 and len(mig["profiles"]) == 6, mid
    assert models["H100"]["mig"]["profiles"][0] == {
        "name": "1g.10gb", "compute_slices": 1, "memory_gib": "10", "max_per_gpu": 7,
        "size": 1, "starts": [0, 1, 2, 3, 4, 5, 6]}
    assert models["B200"]["mig"] == {"max_instances": 7, "profiles": []}
    assert models["RTX-PRO-6000"]["mig"] == {"max_instances": 4, "profiles": []}
    for mid in ("T4", "T4G", "A10G", "L4", "L40S", "V100", "B300", "RTX-PRO-4500"):
        assert models[mid]["mig"] is None, mid
    assert all(m["time_slicing"] and m["mps"] for m in models.values())


def test_instance_gpu_memory_matches_model(us_east_1):
    models = us_east_1["gpu_models"]
    for name, it in us_east_1["instance_types"].items():
        if isinstance(it.get("gpus"), int):
            assert it["gpu_memory_gib"] == models[it["gpu_model"]]["memory_gib"], name


def test_mig_profiles_fit_their_gpu(us_east_1):
    for mid, m in us_east_1["gpu_models"].items():
        if not m["mig"]:
            continue
        for p in m["mig"]["profiles"]:
            assert D(p["memory_gib"]) <= D(m["memory_gib"]), (mid, p["name"])
            assert p["compute_slices"] <= m["mig"]["max_instances"], (mid, p["name"])
            assert all(s + p["size"] <= 8 for s in p["starts"]), (mid, p["name"])


def test_reading_catalogs_needs_only_pricing_dir(monkeypatch):
    """The catalogs are committed artifacts: loading them opens nothing outside pricing/,
    and the generator script is neither imported nor run by these tests."""
    opened: list[Path] = []
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        if isinstance(file, (str, Path)):
            opened.append(Path(file).resolve())
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    for path in catalog_paths():
        load_json(path)
    load_json(SCHEMA_PATH)
    assert opened
    assert all(p.parent == PRICING_DIR.resolve() for p in opened), opened
    assert "build_catalog" not in sys.modules
    source = Path(__file__).read_text(encoding="utf-8")
    assert "import " + "subprocess" not in source
    assert "build_" + "catalog.py" not in source.replace("scripts/build_catalog.py", "")


# --- Hand-known figures from ../shared/reference/pricing-facts.md (typed in here, not copied) ----

# Spot Instance Advisor, us-east-1 Linux, as quoted in a 2026-09 write-up.
ADVISOR = {
    "p5.48xlarge": ("0.57", "<5%"),
    "g5.2xlarge": ("0.62", "15-20%"),
    "g6.2xlarge": ("0.46", "10-15%"),
    "g6e.2xlarge": ("0.54", "5-10%"),
    "g6e.4xlarge": ("0.62", ">20%"),
    "g6e.8xlarge": ("0.62", "15-20%"),
}


def confidence(cat, source_id):
    return cat["sources"][source_id]["confidence"]


def test_source_confidences(us_east_1, us_east_1_2025):
    expected = {
        "aws-eks-auto-mode-pricing": "high", "eks-auto-mode-gpu-cut-2026-07": "low",
        "aws-ecs-anywhere-pricing": "medium", "aws-fargate-pricing": "high",
        "aws-fargate-arm-pricing": "medium", "spot-advisor-2026-09": "low",
        "p5en-spot-2026-08": "medium", "libtco-spot-defaults": "low", "aws-ri-t3-medium": "high",
        "libtco-commitment-defaults": "low", "aws-ec2-price-cut-2025-06": "high",
    }
    for cat in (us_east_1, us_east_1_2025):
        for sid, conf in expected.items():
            if sid in cat["sources"]:
                assert confidence(cat, sid) == conf, (cat["name"], sid)
    # The single third-party report has no address.
    assert "url" not in us_east_1["sources"]["eks-auto-mode-gpu-cut-2026-07"]


def test_spot_advisor_types(us_east_1):
    its = us_east_1["instance_types"]
    for name, (savings, bucket) in ADVISOR.items():
        spot = its[name]["spot"]
        assert spot["savings"] == savings and spot["interruption"] == bucket, name
        assert "usd_per_hour" not in spot
        assert spot["source"] == "spot-advisor-2026-09"
    assert its["p5.48xlarge"]["spot"] == {"savings": "0.57", "interruption": "<5%", "source": "spot-advisor-2026-09"}
    assert confidence(us_east_1, "spot-advisor-2026-09") == "low"


def test_p5en_spot_price(us_east_1):
    it = us_east_1["instance_types"]["p5en.48xlarge"]
    assert it["spot"]["usd_per_hour"] == "27.1988"
    assert "savings" not in it["spot"] and it["spot"]["source"] == "p5en-spot-2026-08"
    assert confidence(us_east_1, "p5en-spot-2026-08") == "medium"
    # About 57 % off the 63.296 on-demand price.
    off = 1 - D("27.1988") / D(it["on_demand_usd_per_hour"])
    assert D("0.57") <= off < D("0.58")


def test_spot_family_defaults(us_east_1):
    # Lowest savings and highest interruption bucket among each family's quoted sizes.
    families = us_east_1["spot"]["families"]
    assert {k: (v["savings"], v.get("interruption")) for k, v in families.items()} == {
        "g5": ("0.62", "15-20%"), "g6": ("0.46", "10-15%"), "g6e": ("0.54", ">20%"),
        "p5": ("0.57", "<5%"), "p5en": ("0.57", None),
    }
    assert all(v["source"] == "libtco-spot-defaults" for v in families.values())
    assert confidence(us_east_1, "libtco-spot-defaults") == "low"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_spot_generic(path):
    g = load_json(path)["spot"]["generic"]
    assert (g["savings"], g["low"], g["high"], g["interruption"]) == ("0.5", "0.3", "0.7", "10-15%")
    assert g["source"] == "libtco-spot-defaults"


GENERIC_COMMITMENTS = {
    # plan: {term: (no_upfront, partial_upfront, all_upfront)}
    "reserved_instance": {"1y": ("0.37", "0.4", "0.42"), "3y": ("0.57", "0.6", "0.62")},
    "ec2_instance_savings_plan": {"1y": ("0.37", "0.4", "0.42"), "3y": ("0.57", "0.6", "0.62")},
    "compute_savings_plan": {"1y": ("0.3392", "0.3667", "0.385"), "3y": ("0.5225", "0.55", "0.5683")},
}


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_generic_commitments(path):
    generic = load_json(path)["commitments"]["generic"]
    payments = ("no_upfront", "partial_upfront", "all_upfront")
    got = {plan: {term: tuple(generic[plan][term][p]["discount"] for p in payments) for term in generic[plan]}
           for plan in generic}
    assert got == GENERIC_COMMITMENTS
    for plan, terms in generic.items():
        for term, entries in terms.items():
            for payment, e in entries.items():
                assert e["source"] == "libtco-commitment-defaults", (plan, term, payment)
                assert e.get("note"), (plan, term, payment)
    # Compute Savings Plan = the RI figure x 66/72, to 4 places.
    for term in ("1y", "3y"):
        for p in payments:
            ri = D(generic["reserved_instance"][term][p]["discount"])
            csp = D(generic["compute_savings_plan"][term][p]["discount"])
            assert abs(csp - ri * 66 / 72) <= D("0.00005"), (term, p)


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_t3_medium_commitments(path):
    cat = load_json(path)
    assert cat["instance_types"]["t3.medium"]["commitments"] == [
        {"plan": "reserved_instance", "term": "1y", "payment": "no_upfront", "discount": "0.37",
         "source": "aws-ri-t3-medium"},
        {"plan": "reserved_instance", "term": "3y", "payment": "no_upfront", "discount": "0.57",
         "source": "aws-ri-t3-medium"},
    ]
    assert confidence(cat, "aws-ri-t3-medium") == "high"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_eks_auto_mode(path):
    cat = load_json(path)
    share = cat["shares"]["eks_auto_mode_fee"]
    assert share["value"] == "0.12" and share["source"] == "aws-eks-auto-mode-pricing"
    m5 = cat["instance_types"]["m5.large"]
    assert m5["on_demand_usd_per_hour"] == "0.096"
    assert m5["eks_auto_mode"] == {"usd_per_hour": "0.01152", "source": "aws-eks-auto-mode-pricing"}
    assert D("0.12") * D("0.096") == D("0.01152")
    assert D(share["value"]) * D(m5["on_demand_usd_per_hour"]) == D(m5["eks_auto_mode"]["usd_per_hour"])


def test_eks_auto_mode_2026_07_cut(us_east_1):
    shares = us_east_1["shares"]
    g, p = shares["eks_auto_mode_fee_g_2026_07"], shares["eks_auto_mode_fee_p_2026_07"]
    assert D(g["value"]) == D("0.12") * D("0.65") == D("0.078")
    assert D(p["value"]) == D("0.12") * D("0.40") == D("0.048")
    assert g["source"] == p["source"] == "eks-auto-mode-gpu-cut-2026-07"
    assert confidence(us_east_1, "eks-auto-mode-gpu-cut-2026-07") == "low"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_fargate_and_ecs_anywhere_fees(path):
    cat = load_json(path)
    fees = cat["fees"]
    expected = {
        "ecs_anywhere_instance": ("0.01025", "instance-hour", "aws-ecs-anywhere-pricing"),
        "fargate_x86_vcpu": ("0.04048", "vCPU-hour", "aws-fargate-pricing"),
        "fargate_x86_memory": ("0.004445", "GB-hour", "aws-fargate-pricing"),
        "fargate_arm_vcpu": ("0.03238", "vCPU-hour", "aws-fargate-arm-pricing"),
        "fargate_arm_memory": ("0.00356", "GB-hour", "aws-fargate-arm-pricing"),
    }
    for k, (usd, per, source) in expected.items():
        assert (fees[k]["usd"], fees[k]["per"], fees[k]["source"]) == (usd, per, source), k
    assert D(fees["eks_cluster_standard"]["usd"]) == D("0.10")
    assert D(fees["eks_cluster_extended"]["usd"]) == D("0.60")
    spot = cat["shares"]["fargate_spot_discount"]
    assert spot["value"] == "0.7" and spot["source"] == "aws-fargate-pricing"
    assert "ECS only" in spot["note"] and "x86 only" in spot["note"] and "2-minute" in spot["note"]


# --- The 2025-04-01 catalog: before the June 2025 GPU price cut ---------------------------------

def test_2025_header(us_east_1_2025):
    c = us_east_1_2025
    assert c["name"] == US_EAST_1_2025_04
    assert c["effective_date"] == "2025-04-01"
    assert c["region"] == "us-east-1" and c["currency"] == "USD"
    assert US_EAST_1 in c["description"]


def test_2025_pre_cut_prices(us_east_1_2025):
    its = us_east_1_2025["instance_types"]
    pre_cut = {"p5.48xlarge": "98.32", "p4d.24xlarge": "32.7726", "p4de.24xlarge": "40.96575",
               "p5en.48xlarge": "84.80"}
    for name, price in pre_cut.items():
        assert D(its[name]["on_demand_usd_per_hour"]) == D(price), name
        assert its[name]["price_source"] == "aws-ec2-price-cut-2025-06", name
    assert confidence(us_east_1_2025, "aws-ec2-price-cut-2025-06") == "high"
    assert sum("price_source" in it for it in its.values()) == 4


def test_2025_other_types_as_2026(us_east_1, us_east_1_2025):
    new, old = us_east_1["instance_types"], us_east_1_2025["instance_types"]
    assert old["g5.xlarge"] == new["g5.xlarge"]
    assert old["g5.xlarge"]["on_demand_usd_per_hour"] == "1.006"
    assert old["t3.medium"]["on_demand_usd_per_hour"] == "0.0416"
    assert set(old) < set(new)
    for name, it in old.items():
        strip = lambda d: {k: v for k, v in d.items() if k not in ("spot", "on_demand_usd_per_hour", "price_source")}
        assert strip(it) == strip(new[name]), name


def test_2025_no_later_types(us_east_1_2025):
    its = us_east_1_2025["instance_types"]
    for name in ("p5.4xlarge", "g6f.large", "g6f.4xlarge", "gr6f.4xlarge", "p6-b200.48xlarge", "p6-b300.48xlarge",
                 "g7.2xlarge", "g7e.2xlarge"):
        assert name not in its, name
    families = {it["family"] for it in its.values()}
    assert not families & {"g6f", "gr6f", "p6-b200", "p6-b300"}
    assert set(us_east_1_2025["gpu_models"]) == {"T4", "T4G", "A10G", "L4", "L40S", "V100", "A100-40GB",
                                                  "A100-80GB", "H100", "H200"}
    assert {"g4dn", "g5", "g6", "g6e", "p4d", "p4de", "p5", "p5en", "m5", "t3"} <= families


def test_2025_no_2026_spot_or_auto_mode_cut(us_east_1_2025):
    c = us_east_1_2025
    assert c["spot"]["families"] == {}
    assert not any("spot" in it for it in c["instance_types"].values())
    assert set(c["shares"]) == {"eks_auto_mode_fee", "fargate_spot_discount"}
    for sid in ("spot-advisor-2026-09", "p5en-spot-2026-08", "eks-auto-mode-gpu-cut-2026-07", "aws-g6f"):
        assert sid not in c["sources"], sid


def test_2026_has_no_price_source_overrides(us_east_1):
    assert not any("price_source" in it for it in us_east_1["instance_types"].values())
    assert "aws-ec2-price-cut-2025-06" not in us_east_1["sources"]


# --- The schema rejects what pricing/README.md forbids ----------------------------------------

def _errors(schema, doc):
    jsonschema = pytest.importorskip("jsonschema")
    return list(jsonschema.Draft202012Validator(schema).iter_errors(doc))


def test_schema_optional_sections(schema, us_east_1):
    doc = json.loads(json.dumps(us_east_1))
    for key in ("shares", "spot", "commitments"):
        del doc[key]
    for it in doc["instance_types"].values():
        for key in ("spot", "eks_auto_mode", "commitments"):
            it.pop(key, None)
    assert not _errors(schema, doc)


@pytest.mark.parametrize("mutate", [
    pytest.param(lambda c: c["instance_types"]["p5.48xlarge"]["spot"].update(usd_per_hour="20"), id="spot-both"),
    pytest.param(lambda c: c["instance_types"]["p5.48xlarge"]["spot"].pop("savings"), id="spot-neither"),
    pytest.param(lambda c: c["instance_types"]["p5.48xlarge"]["spot"].update(interruption="<10%"), id="bucket"),
    pytest.param(lambda c: c["spot"]["generic"].update(savings="1.2"), id="fraction-above-1"),
    pytest.param(lambda c: c["spot"]["generic"].update(savings="0.50"), id="fraction-not-canonical"),
    pytest.param(lambda c: c["shares"].update(other={"value": "0.1", "source": "aws-fargate-pricing"}), id="unknown-share"),
    pytest.param(lambda c: c["fees"]["fargate_x86_vcpu"].update(per="cluster-hour"), id="fee-unit"),
    pytest.param(lambda c: c["commitments"]["generic"]["reserved_instance"]["3y"].pop("all_upfront"), id="generic-incomplete"),
    pytest.param(lambda c: c["instance_types"]["t3.medium"]["commitments"][0].update(upfront_usd="100"), id="upfront-with-discount"),
    pytest.param(lambda c: c["instance_types"]["t3.medium"]["commitments"][0].update(usd_per_hour="0.02"), id="discount-and-price"),
    pytest.param(lambda c: c["instance_types"]["t3.medium"]["commitments"][0].update(plan="savings_plan"), id="plan"),
    pytest.param(lambda c: c["instance_types"]["t3.medium"]["commitments"][0].update(term="2y"), id="term"),
    pytest.param(lambda c: c["instance_types"]["m5.large"]["eks_auto_mode"].update(share="0.12"), id="auto-mode-key"),
])
def test_schema_rejects(schema, us_east_1, mutate):
    doc = json.loads(json.dumps(us_east_1))
    mutate(doc)
    assert _errors(schema, doc)


def test_schema_accepts_priced_commitment(schema, us_east_1):
    doc = json.loads(json.dumps(us_east_1))
    doc["instance_types"]["t3.medium"]["commitments"].append(
        {"plan": "compute_savings_plan", "term": "1y", "payment": "all_upfront", "usd_per_hour": "0",
         "upfront_usd": "240", "source": "aws-ri-t3-medium"})
    assert not _errors(schema, doc)
