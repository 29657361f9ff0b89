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


CATALOGS = catalog_paths()


def test_catalogs_present():
    names = [p.name for p in CATALOGS]
    assert f"{US_EAST_1}.json" in names


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


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_source_references_resolve(path):
    cat = load_json(path)
    sources = cat["sources"]
    refs = [(f"default_sources.{k}", v) for k, v in cat["default_sources"].items()]
    refs += [(f"fees.{k}.source", v["source"]) for k, v in cat["fees"].items()]
    refs += [(f"gpu_models.{k}.source", v["source"]) for k, v in cat["gpu_models"].items()]
    assert refs
    missing = [(where, ref) for where, ref in refs if ref not in sources]
    assert not missing


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
                    "allocatable_memory_gib", "on_demand_usd_per_hour")
    for where, value in walk(cat, "$"):
        assert not isinstance(value, float), f"{where}: float {value!r}; decimals must be strings"
        if where.rsplit(".", 1)[-1] in decimal_keys:
            assert isinstance(value, str) and CANONICAL_DECIMAL.match(value), f"{where}: {value!r}"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_mapping_keys_sorted(path):
    cat = load_json(path)
    for key in ("sources", "gpu_models", "instance_types"):
        assert list(cat[key]) == sorted(cat[key]), key


# --- Hand-known figures: AWS published prices and the reference TSV rows -------------------

def D(s: str) -> Decimal:
    return Decimal(s)


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
    for f in fees.values():
        assert f["per"] == "cluster-hour"
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
