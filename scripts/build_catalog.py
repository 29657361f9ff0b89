#!/usr/bin/env python3
"""Build the committed AWS us-east-1 pricing catalog from the shared reference data.

Dev-time only: this script reads ../shared (the TSV of EC2 instance types, the NVIDIA
MIG geometry) and writes pricing/aws-us-east-1-2026-07-20.json.  The generated JSON is
committed; nothing in the build, the tests or the library reads ../shared.

    python3 scripts/build_catalog.py [--shared DIR] [--out FILE] [--check]

Output is deterministic and reproducible byte-for-byte: mapping keys (sources,
gpu_models, instance_types) are sorted, 2-space indent, trailing newline.  All
arithmetic uses decimal.Decimal with Inexact/Rounded trapped, so every derived figure
(GiB = MiB / 1024, vCPU = millicores / 1000) is exact.  Stdlib only.
"""

from __future__ import annotations

import argparse
import csv
import decimal
import json
import sys
from decimal import Decimal
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CATALOG_NAME = "aws-us-east-1-2026-07-20"
TSV_NAME = "aws-ec2-instances-us-east-1-2026-07-20.tsv"
MIG_NAME = "nvidia-mig-profiles.json"

TSV_COLUMNS = [
    "instance_type", "family", "arch", "vcpu", "memory_mib", "gpu_name",
    "gpu_manufacturer", "gpu_count", "gpu_memory_mib", "allocatable_cpu_millicores",
    "allocatable_memory_mib", "max_pods", "on_demand_usd_per_hour_us_east_1",
]

# CPU-only families included in full (every size present in the TSV).
CPU_FAMILIES = {"m5", "m6i", "m7i", "c5", "c6i", "c7i", "r5", "r6i", "t3"}

# Fractional-GPU families: the EC2 API reports gpu_count 0 for these.
FRACTIONAL_FAMILIES = {"g6f", "gr6f"}

# Share of one L4 per fractional type (AWS G6f announcement; pricing-facts.md; data README).
FRACTIONAL_GPUS = {
    "g6f.large": Decimal("0.125"),
    "g6f.xlarge": Decimal("0.125"),
    "g6f.2xlarge": Decimal("0.25"),
    "g6f.4xlarge": Decimal("0.5"),
    "gr6f.4xlarge": Decimal("0.5"),
}

ARCH = {"amd64": "x86_64", "arm64": "arm64"}

# TSV gpu_name -> canonical GPU model id.  a100 is split by per-GPU memory (MiB).
GPU_MODEL_IDS = {
    "t4": "T4",
    "t4g": "T4G",
    "a10g": "A10G",
    "l4": "L4",
    "l40s": "L40S",
    "v100": "V100",
    "h100": "H100",
    "h200": "H200",
    "b200": "B200",
    "b300": "B300",
    "rtx-pro-4500": "RTX-PRO-4500",
    "rtx-pro-server-6000": "RTX-PRO-6000",
}
A100_BY_MEMORY_MIB = {40960: "A100-40GB", 81920: "A100-80GB"}

# Canonical model id -> key in nvidia-mig-profiles.json (full MIG geometry, 7 instances).
MIG_GEOMETRY_KEYS = {
    "A100-40GB": "A100-40GB",
    "A100-80GB": "A100-80GB",
    "H100": "H100-80GB",
    "H200": "H200-141GB",
}
MIG_MAX_INSTANCES = 7
# MIG-capable without geometry in the shared data (gpu-sharing-facts.md; MIG json notes).
MIG_NO_GEOMETRY = {"B200": 7, "RTX-PRO-6000": 4}

# Full-GPU memory of an L4 (the fractional types report only their slice).
L4_FULL_MEMORY_MIB = 22888

SOURCES = {
    "karpenter-instance-types": {
        "title": "Karpenter AWS provider instance-type reference (EC2 API specs, allocatable capacity), "
                 "website/content/en/preview/reference/instance-types.md at commit 1d92708",
        "url": "https://github.com/aws/karpenter-provider-aws/blob/1d92708/website/content/en/preview/reference/instance-types.md",
        "retrieved": "2026-08-21",
        "confidence": "high",
    },
    "karpenter-pricing": {
        "title": "Karpenter AWS provider generated on-demand pricing table, us-east-1 Linux, "
                 "generated 2026-07-20T13:44:30Z",
        "url": "https://github.com/aws/karpenter-provider-aws/blob/main/pkg/providers/pricing/zz_generated.pricing_aws.go",
        "retrieved": "2026-07-20",
        "confidence": "high",
    },
    "aws-eks-pricing": {
        "title": "Amazon EKS pricing",
        "url": "https://aws.amazon.com/eks/pricing/",
        "retrieved": "2026-11-28",
        "confidence": "high",
    },
    "aws-eks-extended-support": {
        "title": "Amazon EKS extended support for Kubernetes versions pricing "
                 "(AWS Containers blog; effective from the April 2024 billing cycle)",
        "url": "https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/",
        "retrieved": "2026-11-28",
        "confidence": "high",
    },
    "aws-ecs-pricing": {
        "title": "Amazon ECS pricing",
        "url": "https://aws.amazon.com/ecs/pricing/",
        "retrieved": "2026-11-28",
        "confidence": "high",
    },
    "nvidia-mig": {
        "title": "NVIDIA Multi-Instance GPU user guide (supported GPUs, profiles, placements) and "
                 "NVIDIA/mig-parted deployments/systemd/config-default.yaml at commit bd7160f",
        "url": "https://docs.nvidia.com/datacenter/tesla/mig-user-guide/",
        "retrieved": "2026-11-28",
        "confidence": "high",
    },
    "aws-g6f": {
        "title": "Amazon EC2 G6f instances with fractional NVIDIA L4 GPUs "
                 "(1/8, 1/4 and 1/2 of an L4 per instance size)",
        "url": "https://aws.amazon.com/about-aws/whats-new/2025/07/amazon-ec2-g6f-instances-fractional-gpus/",
        "retrieved": "2026-11-28",
        "confidence": "medium",
    },
    "nvidia-gpu-sharing": {
        "title": "NVIDIA Kubernetes device plugin: time-slicing and MPS GPU sharing",
        "url": "https://github.com/NVIDIA/k8s-device-plugin",
        "retrieved": "2026-11-28",
        "confidence": "high",
    },
}

DEFAULT_SOURCES = {"specs": "karpenter-instance-types", "on_demand": "karpenter-pricing"}

FEES = {
    "eks_cluster_standard": {
        "usd": Decimal("0.10"), "per": "cluster-hour", "source": "aws-eks-pricing",
        "note": "per EKS cluster on a Kubernetes version in standard support ($73.00 per 730-hour month)",
    },
    "eks_cluster_extended": {
        "usd": Decimal("0.60"), "per": "cluster-hour", "source": "aws-eks-extended-support",
        "note": "total per cluster-hour on extended support",
    },
    "ecs_cluster": {
        "usd": Decimal("0"), "per": "cluster-hour", "source": "aws-ecs-pricing",
        "note": "ECS charges no orchestration fee on EC2 or Fargate",
    },
}


class BuildError(Exception):
    pass


EXACT = decimal.Context(prec=60, traps=[decimal.Inexact, decimal.Rounded,
                                         decimal.InvalidOperation, decimal.DivisionByZero])


def canon(d: Decimal) -> str:
    """Canonical decimal string: no exponent, no trailing zeros, no '-0'."""
    if not d.is_finite():
        raise BuildError(f"non-finite decimal {d!r}")
    if d == 0:
        return "0"
    s = format(d.normalize(EXACT), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def div(a: Decimal, b: int) -> Decimal:
    return EXACT.divide(a, Decimal(b))


def parse_int(row: dict, col: str) -> int:
    v = row[col]
    if not v.isdigit():
        raise BuildError(f"{row['instance_type']}: column {col} is not a non-negative integer: {v!r}")
    return int(v)


def parse_dec(row: dict, col: str) -> Decimal:
    try:
        d = Decimal(row[col])
    except decimal.InvalidOperation:
        raise BuildError(f"{row['instance_type']}: column {col} is not a decimal: {row[col]!r}") from None
    if not d.is_finite() or d < 0:
        raise BuildError(f"{row['instance_type']}: column {col} out of range: {row[col]!r}")
    return d


def read_tsv(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != TSV_COLUMNS:
            raise BuildError(f"{path}: unexpected header {header}")
        rows = []
        for n, fields in enumerate(reader, start=2):
            if len(fields) != len(TSV_COLUMNS):
                raise BuildError(f"{path}:{n}: {len(fields)} fields, expected {len(TSV_COLUMNS)}")
            rows.append(dict(zip(TSV_COLUMNS, fields)))
    seen = set()
    for r in rows:
        if r["instance_type"] in seen:
            raise BuildError(f"duplicate instance type {r['instance_type']}")
        seen.add(r["instance_type"])
    return rows


def gpu_model_id(row: dict) -> str:
    name = row["gpu_name"]
    if name == "a100":
        mib = parse_int(row, "gpu_memory_mib")
        if mib not in A100_BY_MEMORY_MIB:
            raise BuildError(f"{row['instance_type']}: A100 with unknown memory {mib} MiB")
        return A100_BY_MEMORY_MIB[mib]
    if name not in GPU_MODEL_IDS:
        raise BuildError(f"{row['instance_type']}: unknown NVIDIA gpu_name {name!r}; add it to GPU_MODEL_IDS")
    return GPU_MODEL_IDS[name]


def selected(row: dict) -> bool:
    if row["family"] in CPU_FAMILIES:
        return True
    if row["gpu_manufacturer"] == "nvidia" or row["family"] in FRACTIONAL_FAMILIES:
        return True
    return False


def build_instance(row: dict, model_memory_mib: dict) -> dict:
    it = row["instance_type"]
    if row["arch"] not in ARCH:
        raise BuildError(f"{it}: unknown arch {row['arch']!r}")
    out = {
        "family": row["family"],
        "arch": ARCH[row["arch"]],
        "vcpu": parse_int(row, "vcpu"),
        "memory_gib": canon(div(Decimal(parse_int(row, "memory_mib")), 1024)),
    }
    if row["family"] in CPU_FAMILIES:
        if row["gpu_name"] or row["gpu_manufacturer"] or row["gpu_count"] or row["gpu_memory_mib"]:
            raise BuildError(f"{it}: CPU family row carries GPU data")
    else:
        if row["gpu_manufacturer"] != "nvidia":
            raise BuildError(f"{it}: expected an NVIDIA GPU, got {row['gpu_manufacturer']!r}")
        model = gpu_model_id(row)
        gpu_mib = parse_int(row, "gpu_memory_mib")
        count = parse_int(row, "gpu_count")
        if row["family"] in FRACTIONAL_FAMILIES:
            if count != 0:
                raise BuildError(f"{it}: fractional family with gpu_count {count}")
            if it not in FRACTIONAL_GPUS:
                raise BuildError(f"{it}: fractional type without a known GPU share; add it to FRACTIONAL_GPUS")
            if model != "L4":
                raise BuildError(f"{it}: fractional type on {model}, expected L4")
            share = FRACTIONAL_GPUS[it]
            # Cross-check the published share against the slice memory the EC2 API reports.
            if EXACT.multiply(share, Decimal(L4_FULL_MEMORY_MIB)) != gpu_mib:
                raise BuildError(f"{it}: share {share} of {L4_FULL_MEMORY_MIB} MiB != reported {gpu_mib} MiB")
            gpus: int | str = canon(share)
        else:
            if count < 1:
                raise BuildError(f"{it}: NVIDIA row with gpu_count {count}")
            if model_memory_mib.setdefault(model, gpu_mib) != gpu_mib:
                raise BuildError(f"{it}: {model} memory {gpu_mib} MiB disagrees with "
                                 f"{model_memory_mib[model]} MiB on another type")
            gpus = count
        out["gpus"] = gpus
        out["gpu_model"] = model
        out["gpu_memory_gib"] = canon(div(Decimal(gpu_mib), 1024))
    out["allocatable_vcpu"] = canon(div(Decimal(parse_int(row, "allocatable_cpu_millicores")), 1000))
    out["allocatable_memory_gib"] = canon(div(Decimal(parse_int(row, "allocatable_memory_mib")), 1024))
    out["max_pods"] = parse_int(row, "max_pods")
    if row["on_demand_usd_per_hour_us_east_1"] != "":
        out["on_demand_usd_per_hour"] = canon(parse_dec(row, "on_demand_usd_per_hour_us_east_1"))
    return out


def build_mig(model: str, mig_data: dict, memory_mib: int) -> dict | None:
    if model in MIG_GEOMETRY_KEYS:
        key = MIG_GEOMETRY_KEYS[model]
        g = mig_data["gpus"].get(key)
        if g is None:
            raise BuildError(f"{model}: no entry {key!r} in {MIG_NAME}")
        if g["memory_mib"] != memory_mib:
            raise BuildError(f"{model}: MIG data says {g['memory_mib']} MiB, TSV says {memory_mib} MiB")
        profiles = []
        for p in g["profiles"]:
            for k in ("compute_slices", "max_per_gpu", "size"):
                if not isinstance(p[k], int) or isinstance(p[k], bool) or p[k] < 1:
                    raise BuildError(f"{model} {p.get('name')}: bad {k} {p[k]!r}")
            if not (1 <= p["compute_slices"] <= MIG_MAX_INSTANCES and 1 <= p["max_per_gpu"] <= MIG_MAX_INSTANCES):
                raise BuildError(f"{model} {p['name']}: slices/max_per_gpu out of range")
            if not p["starts"] or any(not isinstance(s, int) or s < 0 or s + p["size"] > 8 for s in p["starts"]):
                raise BuildError(f"{model} {p['name']}: bad starts {p['starts']!r}")
            profiles.append({
                "name": p["name"],
                "compute_slices": p["compute_slices"],
                "memory_gib": canon(Decimal(str(p["memory_gib"]))),
                "max_per_gpu": p["max_per_gpu"],
                "size": p["size"],
                "starts": sorted(p["starts"]),
            })
        return {"max_instances": MIG_MAX_INSTANCES, "profiles": profiles}
    if model in MIG_NO_GEOMETRY:
        return {"max_instances": MIG_NO_GEOMETRY[model], "profiles": []}
    return None


def build(shared: Path) -> dict:
    rows = read_tsv(shared / "data" / TSV_NAME)
    with (shared / "data" / MIG_NAME).open(encoding="utf-8") as f:
        mig_data = json.load(f, parse_float=Decimal)

    instance_types: dict = {}
    model_memory_mib: dict = {}
    for row in rows:
        if selected(row):
            instance_types[row["instance_type"]] = build_instance(row, model_memory_mib)

    for fam in sorted(CPU_FAMILIES | FRACTIONAL_FAMILIES):
        if not any(v["family"] == fam for v in instance_types.values()):
            raise BuildError(f"family {fam} missing from {TSV_NAME}")
    for it in FRACTIONAL_GPUS:
        if it not in instance_types:
            raise BuildError(f"fractional type {it} missing from {TSV_NAME}")

    used_models = {v["gpu_model"] for v in instance_types.values() if "gpu_model" in v}
    # L4 is used only fractionally if g6/gr6 vanish; its full memory is known regardless.
    model_memory_mib.setdefault("L4", L4_FULL_MEMORY_MIB)
    if model_memory_mib["L4"] != L4_FULL_MEMORY_MIB:
        raise BuildError(f"L4 full memory {model_memory_mib['L4']} MiB != {L4_FULL_MEMORY_MIB}")
    for m in MIG_GEOMETRY_KEYS.keys() | MIG_NO_GEOMETRY.keys():
        if m not in used_models:
            raise BuildError(f"MIG model {m} has no instance type in the TSV")

    gpu_models = {}
    for model in sorted(used_models):
        mig = build_mig(model, mig_data, model_memory_mib[model])
        gpu_models[model] = {
            "vendor": "nvidia",
            "memory_gib": canon(div(Decimal(model_memory_mib[model]), 1024)),
            "mig": mig,
            "time_slicing": True,
            "mps": True,
            "source": "nvidia-mig" if mig is not None else "nvidia-gpu-sharing",
        }

    fees = {}
    for k, v in FEES.items():
        fee = {"usd": canon(v["usd"]), "per": v["per"], "source": v["source"]}
        if "note" in v:
            fee["note"] = v["note"]
        fees[k] = fee

    catalog = {
        "schema_version": 1,
        "name": CATALOG_NAME,
        "region": "us-east-1",
        "currency": "USD",
        "effective_date": "2026-07-20",
        "description": ("AWS us-east-1 Linux on-demand prices (Karpenter's table generated 2026-07-20) and EC2 specs "
                        "for NVIDIA GPU instance types and common CPU families, with EKS/ECS orchestration fees "
                        "and NVIDIA GPU sharing capabilities."),
        "sources": {k: dict(SOURCES[k]) for k in sorted(SOURCES)},
        "default_sources": dict(DEFAULT_SOURCES),
        "fees": fees,
        "gpu_models": gpu_models,
        "instance_types": {k: instance_types[k] for k in sorted(instance_types)},
    }
    check_references(catalog)
    return catalog


def check_references(catalog: dict) -> None:
    srcs = catalog["sources"]
    refs = [("default_sources." + k, v) for k, v in catalog["default_sources"].items()]
    refs += [(f"fees.{k}", v["source"]) for k, v in catalog["fees"].items()]
    refs += [(f"gpu_models.{k}", v["source"]) for k, v in catalog["gpu_models"].items()]
    for where, ref in refs:
        if ref not in srcs:
            raise BuildError(f"{where}: unknown source {ref!r}")
    for it, v in catalog["instance_types"].items():
        if "gpu_model" in v and v["gpu_model"] not in catalog["gpu_models"]:
            raise BuildError(f"{it}: unknown gpu_model {v['gpu_model']!r}")


def render(catalog: dict) -> str:
    # Insertion order is already deterministic (mapping keys sorted in build()).
    return json.dumps(catalog, indent=2, ensure_ascii=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared",
                    help="shared reference data directory (default: ../shared relative to the repo root)")
    ap.add_argument("--out", type=Path, default=REPO_ROOT / "pricing" / f"{CATALOG_NAME}.json",
                    help=f"output catalog file (default: pricing/{CATALOG_NAME}.json)")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if --out differs from what would be generated")
    args = ap.parse_args(argv)
    try:
        text = render(build(args.shared))
    except (BuildError, OSError, KeyError, ValueError) as e:
        print(f"build_catalog: error: {e}", file=sys.stderr)
        return 2
    if args.check:
        try:
            current = args.out.read_bytes().decode("utf-8")
        except OSError as e:
            print(f"build_catalog: {args.out}: {e}", file=sys.stderr)
            return 1
        if current != text:
            print(f"build_catalog: {args.out} is out of date; rerun scripts/build_catalog.py", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
