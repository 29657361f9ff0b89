#!/usr/bin/env python3
"""Build the committed AWS us-east-1 pricing catalogs from the shared reference data.

Dev-time only: this script reads ../shared (the TSV of EC2 instance types, the NVIDIA
MIG geometry) and writes two catalogs into pricing/:

  aws-us-east-1-2026-07-20.json  us-east-1 on 2026-07-20 (the date of the shared EC2 price table),
                                 with fees, shares, spot and commitment figures from
                                 ../shared/reference/pricing-facts.md (transcribed below);
  aws-us-east-1-2025-04-01.json  derived from it: p4d/p4de/p5/p5en at their prices before AWS's
                                 June 2025 cut, without the types launched after April 2025,
                                 without the 2026 spot quotes and the reported 2026-07 Auto Mode cut.

The generated JSON is committed; nothing in the build, the tests or the library reads ../shared.

    python3 scripts/build_catalog.py [--shared DIR] [--out-dir DIR] [--check]

Output is deterministic and reproducible byte-for-byte: 2-space indent, trailing newline;
mappings keyed by free identifiers (sources, spot.families, gpu_models, instance_types) are
sorted; keys from the format's fixed vocabulary (record fields, fee and share ids, commitment
plans/terms/payments) follow the order of pricing/README.md.  All arithmetic uses
decimal.Decimal with Inexact/Rounded trapped, so every derived figure (GiB = MiB / 1024,
vCPU = millicores / 1000, 0.12 x 0.65, ...) is exact; the few figures that are rounded on
purpose (Compute Savings Plan = RI x 66/72 to 4 places, half-even; p5en spot savings rounded
down to 2 places) are rounded from exact fractions and checked against the values
pricing/README.md documents.  A catalog lists exactly the sources it cites.  Stdlib only.
"""

from __future__ import annotations

import argparse
import csv
import decimal
import json
import math
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CATALOG_NAME = "aws-us-east-1-2026-07-20"        # the current catalog (and the library's default)
OLD_CATALOG_NAME = "aws-us-east-1-2025-04-01"    # before the June 2025 GPU price cut
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
    # --- Figures from ../shared/reference/pricing-facts.md (gathered 2026-11). ---------------------
    "aws-eks-auto-mode-pricing": {
        "title": "Amazon EKS pricing, EKS Auto Mode section: a per-instance management fee on top of EC2, "
                 "about 12% of the instance's on-demand price (m5.large: $0.01152/h on $0.096/h)",
        "url": "https://aws.amazon.com/eks/pricing/",
        "retrieved": "2026-11-28",
        "confidence": "high",
    },
    "eks-auto-mode-gpu-cut-2026-07": {
        "title": "A single third-party report of a July 2026 cut of the EKS Auto Mode management fee for GPU "
                 "instance families (G about -35%, P about -60%); not confirmed by AWS",
        "retrieved": "2026-11-28",
        "confidence": "low",
    },
    "aws-ecs-anywhere-pricing": {
        "title": "Amazon ECS pricing, ECS Anywhere section: $0.01025 per managed (registered external) "
                 "instance-hour, as given consistently by secondary sources",
        "url": "https://aws.amazon.com/ecs/pricing/",
        "retrieved": "2026-11-28",
        "confidence": "medium",
    },
    "aws-fargate-pricing": {
        "title": "AWS Fargate pricing, us-east-1 Linux/x86 per vCPU-hour and per GB-hour; "
                 "Fargate Spot up to 70% off (ECS only, x86 only, 2-minute interruption warning)",
        "url": "https://aws.amazon.com/fargate/pricing/",
        "retrieved": "2026-11-28",
        "confidence": "high",
    },
    "aws-fargate-arm-pricing": {
        "title": "AWS Fargate Linux/ARM (Graviton) rates, us-east-1, per vCPU-hour and per GB-hour, "
                 "as given consistently by secondary sources",
        "url": "https://aws.amazon.com/fargate/pricing/",
        "retrieved": "2026-11-28",
        "confidence": "medium",
    },
    "spot-advisor-2026-09": {
        "title": "AWS Spot Instance Advisor, us-east-1 Linux (savings vs on-demand, interruption-frequency "
                 "bucket), as quoted in a single 2026-09 third-party write-up",
        "url": "https://aws.amazon.com/ec2/spot/instance-advisor/",
        "retrieved": "2026-11-28",
        "confidence": "low",
    },
    "p5en-spot-2026-08": {
        "title": "Observed spot price of p5en.48xlarge, us-east-1 Linux, August 2026 "
                 "($27.1988/h against $63.296/h on-demand)",
        "retrieved": "2026-11-28",
        "confidence": "medium",
    },
    "libtco-spot-defaults": {
        "title": "libtco's documented spot defaults (pricing/README.md): a family without a figure of its own "
                 "takes the lowest savings and the highest interruption bucket among its quoted sizes; "
                 "the generic default is the rounded midpoint of the quoted GPU savings and the middle "
                 "Advisor bucket",
        "retrieved": "2026-11-28",
        "confidence": "low",
    },
    "aws-ri-t3-medium": {
        "title": "AWS worked figure: t3.medium Standard Reserved Instance, no upfront: "
                 "37% off on-demand for 1 year, 57% off for 3 years",
        "url": "https://aws.amazon.com/ec2/pricing/reserved-instances/pricing/",
        "retrieved": "2026-11-28",
        "confidence": "high",
    },
    "libtco-commitment-defaults": {
        "title": "libtco's derived generic commitment discounts (pricing/README.md): AWS's t3.medium Standard RI "
                 "figures (37% / 57% off, 1y / 3y no upfront) for every type, +3 / +5 points for partial / all "
                 "upfront, EC2 Instance Savings Plans as the Standard RI (both up to 72% off), Compute Savings "
                 "Plans the RI figure x 66/72 (up to 66% vs up to 72%)",
        "retrieved": "2026-11-28",
        "confidence": "low",
    },
    "aws-ec2-price-cut-2025-06": {
        "title": "Pricing and usage model updates for Amazon EC2 instances accelerated by NVIDIA GPUs "
                 "(June 2025 on-demand price reduction for P4d, P4de, P5 and P5en)",
        "url": "https://aws.amazon.com/about-aws/whats-new/2025/06/pricing-usage-model-ec2-instances-nvidia-gpus/",
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
    "ecs_anywhere_instance": {
        "usd": Decimal("0.01025"), "per": "instance-hour", "source": "aws-ecs-anywhere-pricing",
        "note": "per managed instance-hour of each external (on-premises or other-cloud) instance registered "
                "with ECS Anywhere",
    },
    "fargate_x86_vcpu": {
        "usd": Decimal("0.04048"), "per": "vCPU-hour", "source": "aws-fargate-pricing",
        "note": "Fargate Linux/x86, per vCPU-hour of task size (Fargate offers no GPUs, on EKS or ECS)",
    },
    "fargate_x86_memory": {
        "usd": Decimal("0.004445"), "per": "GB-hour", "source": "aws-fargate-pricing",
        "note": "Fargate Linux/x86, per GB-hour of task memory",
    },
    "fargate_arm_vcpu": {
        "usd": Decimal("0.03238"), "per": "vCPU-hour", "source": "aws-fargate-arm-pricing",
        "note": "Fargate Linux/ARM (Graviton), per vCPU-hour of task size",
    },
    "fargate_arm_memory": {
        "usd": Decimal("0.00356"), "per": "GB-hour", "source": "aws-fargate-arm-pricing",
        "note": "Fargate Linux/ARM (Graviton), per GB-hour of task memory",
    },
}

# --- Shares (fractions in [0, 1]) -----------------------------------------------------------------
# EKS Auto Mode: a management fee per instance-hour, about 12% of the instance's on-demand price;
# AWS's own figure: m5.large $0.01152/h on $0.096/h (checked against the TSV's m5.large price).
EKS_AUTO_MODE_FEE = Decimal("0.12")
EKS_AUTO_MODE_EXAMPLE_TYPE = "m5.large"
EKS_AUTO_MODE_EXAMPLE_USD = Decimal("0.01152")
EKS_AUTO_MODE_EXAMPLE_ON_DEMAND = Decimal("0.096")
# Reported 2026-07 cut (low confidence): G families about -35%, P families about -60% of the fee.
EKS_AUTO_MODE_CUT_2026_07 = {"g": Decimal("0.35"), "p": Decimal("0.60")}
FARGATE_SPOT_DISCOUNT = Decimal("0.7")  # "up to 70% off Fargate"

# --- Spot -------------------------------------------------------------------------------------------
INTERRUPTION_BUCKETS = ["<5%", "5-10%", "10-15%", "15-20%", ">20%"]  # the Advisor's, in order
# AWS Spot Instance Advisor, us-east-1 Linux, as quoted in a 2026-09 write-up: (savings, bucket).
SPOT_ADVISOR = {
    "p5.48xlarge": (Decimal("0.57"), "<5%"),
    "g5.2xlarge": (Decimal("0.62"), "15-20%"),
    "g6.2xlarge": (Decimal("0.46"), "10-15%"),
    "g6e.2xlarge": (Decimal("0.54"), "5-10%"),
    "g6e.4xlarge": (Decimal("0.62"), ">20%"),
    "g6e.8xlarge": (Decimal("0.62"), "15-20%"),
}
# Observed spot price, Aug 2026.
SPOT_PRICES = {"p5en.48xlarge": Decimal("27.1988")}
# Generic default: savings 50% (30-70%), the middle bucket.  Checked in build_spot() against the rule.
SPOT_GENERIC = {"savings": Decimal("0.5"), "low": Decimal("0.3"), "high": Decimal("0.7"), "interruption": "10-15%"}
# The family defaults pricing/README.md's rule gives for the quotes above (checked, not used as input).
SPOT_FAMILIES_EXPECTED = {
    "g5": (Decimal("0.62"), "15-20%"),
    "g6": (Decimal("0.46"), "10-15%"),
    "g6e": (Decimal("0.54"), ">20%"),
    "p5": (Decimal("0.57"), "<5%"),
    "p5en": (Decimal("0.57"), None),
}

# --- Commitments -------------------------------------------------------------------------------------
PLANS = ["compute_savings_plan", "ec2_instance_savings_plan", "reserved_instance"]
TERMS = ["1y", "3y"]
PAYMENTS = ["no_upfront", "partial_upfront", "all_upfront"]
# AWS worked figure: t3.medium Standard RI, no upfront (high confidence for t3.medium itself).
RI_T3_MEDIUM = {"1y": Decimal("0.37"), "3y": Decimal("0.57")}
# Typical steps from no upfront to partial / all upfront on AWS rate cards (low confidence).
PAYMENT_STEPS = {"no_upfront": Decimal("0"), "partial_upfront": Decimal("0.03"), "all_upfront": Decimal("0.05")}
# Compute Savings Plans "up to 66%" vs EC2 Instance Savings Plans / Standard RIs "up to 72%".
COMPUTE_SP_MAX = 66
RI_MAX = 72
# The Compute Savings Plan figures pricing/README.md documents (RI x 66/72, 4 places, half-even).
COMPUTE_SP_EXPECTED = {
    ("1y", "no_upfront"): Decimal("0.3392"), ("1y", "partial_upfront"): Decimal("0.3667"),
    ("1y", "all_upfront"): Decimal("0.385"), ("3y", "no_upfront"): Decimal("0.5225"),
    ("3y", "partial_upfront"): Decimal("0.55"), ("3y", "all_upfront"): Decimal("0.5683"),
}

# --- The 2025-04-01 catalog ----------------------------------------------------------------------------
# AWS June 2025 price cut: on-demand $/h before -> after (pricing-facts.md, H).
JUNE_2025_CUT = {
    "p5.48xlarge": (Decimal("98.32"), Decimal("55.04")),
    "p4d.24xlarge": (Decimal("32.7726"), Decimal("21.957642")),
    "p4de.24xlarge": (Decimal("40.96575"), Decimal("27.44705")),
    "p5en.48xlarge": (Decimal("84.80"), Decimal("63.296")),
}
# The last day of the pre-cut prices: AWS applied the cut to on-demand prices from June 2025.
JUNE_2025_CUT_EFFECTIVE_BEFORE = "2025-05-31"
# Launched after April 2025: the fractional-GPU families (aws-g6f: July 2025) and every type on
# these GPU models.
LATER_FAMILIES = {"g6f", "gr6f"}
LATER_GPU_MODELS = {"B200", "B300", "RTX-PRO-4500", "RTX-PRO-6000"}
# The single-GPU P5 size (AWS What's New, August 2025; not in pricing-facts.md, medium confidence).
LATER_TYPES = {"p5.4xlarge"}


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


def build_base(shared: Path) -> tuple[dict, dict]:
    """Instance types (sorted by name) and GPU models (sorted by id) from the shared data."""
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
    return {k: instance_types[k] for k in sorted(instance_types)}, gpu_models


# Key order inside an instance type (pricing/README.md).
INSTANCE_KEY_ORDER = [
    "family", "arch", "vcpu", "memory_gib", "gpus", "gpu_model", "gpu_memory_gib",
    "allocatable_vcpu", "allocatable_memory_gib", "max_pods", "on_demand_usd_per_hour",
    "spec_source", "price_source", "spot", "eks_auto_mode", "commitments",
]


def ordered_instance(it: str, v: dict) -> dict:
    unknown = v.keys() - set(INSTANCE_KEY_ORDER)
    if unknown:
        raise BuildError(f"{it}: unknown keys {sorted(unknown)}")
    return {k: v[k] for k in INSTANCE_KEY_ORDER if k in v}


def mul(a: Decimal, b: Decimal) -> Decimal:
    return EXACT.multiply(a, b)


def sub(a: Decimal, b: Decimal) -> Decimal:
    return EXACT.subtract(a, b)


def add(a: Decimal, b: Decimal) -> Decimal:
    return EXACT.add(a, b)


def from_fraction(f: Fraction) -> Decimal:
    """Exact Decimal of a fraction with a terminating expansion (raises otherwise)."""
    return EXACT.divide(Decimal(f.numerator), Decimal(f.denominator))


def check_fraction(d: Decimal, where: str) -> Decimal:
    if not (0 <= d <= 1):
        raise BuildError(f"{where}: {d} is not a fraction in [0, 1]")
    return d


def on_demand(instance_types: dict, it: str) -> Decimal:
    if it not in instance_types:
        raise BuildError(f"{it}: not in the catalog")
    if "on_demand_usd_per_hour" not in instance_types[it]:
        raise BuildError(f"{it}: has no on-demand price")
    return Decimal(instance_types[it]["on_demand_usd_per_hour"])


def build_fees() -> dict:
    fees = {}
    for k, v in FEES.items():
        fee = {"usd": canon(v["usd"]), "per": v["per"], "source": v["source"]}
        if "note" in v:
            fee["note"] = v["note"]
        fees[k] = fee
    return fees


def build_shares(with_2026_07_cut: bool) -> dict:
    shares = {
        "eks_auto_mode_fee": {
            "value": canon(check_fraction(EKS_AUTO_MODE_FEE, "eks_auto_mode_fee")),
            "source": "aws-eks-auto-mode-pricing",
            "note": "EKS Auto Mode management fee per instance-hour, billed on top of EC2, as a share of the "
                    "instance's on-demand price (m5.large: $0.01152/h on $0.096/h)",
        },
    }
    if with_2026_07_cut:
        for letter, cut in EKS_AUTO_MODE_CUT_2026_07.items():
            kept = sub(Decimal(1), cut)
            value = check_fraction(mul(EKS_AUTO_MODE_FEE, kept), f"eks_auto_mode_fee_{letter}_2026_07")
            shares[f"eks_auto_mode_fee_{letter}_2026_07"] = {
                "value": canon(value),
                "source": "eks-auto-mode-gpu-cut-2026-07",
                "note": f"Auto Mode fee share for {letter.upper()} instance families after the reported July 2026 "
                        f"cut of about {canon(mul(cut, Decimal(100)))}%: {canon(EKS_AUTO_MODE_FEE)} x {canon(kept)}",
            }
    shares["fargate_spot_discount"] = {
        "value": canon(check_fraction(FARGATE_SPOT_DISCOUNT, "fargate_spot_discount")),
        "source": "aws-fargate-pricing",
        "note": "up to 70% off Fargate; ECS only, x86 only; 2-minute warning",
    }
    return shares


def bucket_index(b: str, where: str) -> int:
    if b not in INTERRUPTION_BUCKETS:
        raise BuildError(f"{where}: unknown interruption bucket {b!r}")
    return INTERRUPTION_BUCKETS.index(b)


def build_spot(instance_types: dict) -> tuple[dict, dict, dict]:
    """(generic, families, per-type entries) from the quoted figures."""
    # Generic: midpoint of the quoted GPU savings, rounded to 10 points; the middle Advisor bucket.
    quoted = [sv for sv, _ in SPOT_ADVISOR.values()]
    lo, hi = min(quoted), max(quoted)
    midpoint = Fraction(lo + hi) / 2
    if from_fraction(round(midpoint, 1)) != SPOT_GENERIC["savings"]:
        raise BuildError(f"spot generic: rounded midpoint {round(midpoint, 1)} != {SPOT_GENERIC['savings']}")
    middle = INTERRUPTION_BUCKETS[len(INTERRUPTION_BUCKETS) // 2]
    if middle != SPOT_GENERIC["interruption"]:
        raise BuildError(f"spot generic: middle bucket {middle} != {SPOT_GENERIC['interruption']}")
    if not SPOT_GENERIC["low"] <= SPOT_GENERIC["savings"] <= SPOT_GENERIC["high"]:
        raise BuildError("spot generic: savings outside [low, high]")
    generic = {
        "savings": canon(check_fraction(SPOT_GENERIC["savings"], "spot.generic")),
        "low": canon(check_fraction(SPOT_GENERIC["low"], "spot.generic.low")),
        "high": canon(check_fraction(SPOT_GENERIC["high"], "spot.generic.high")),
        "interruption": middle,
        "source": "libtco-spot-defaults",
        "note": f"savings: the midpoint of the quoted GPU spot savings ({canon(lo * 100)}-{canon(hi * 100)}%, "
                f"midpoint {canon(from_fraction(midpoint * 100))}%) rounded to {canon(SPOT_GENERIC['savings'] * 100)}%, "
                f"with a wide {canon(SPOT_GENERIC['low'] * 100)}-{canon(SPOT_GENERIC['high'] * 100)}% range; "
                f"interruption: the middle of the Advisor's five buckets",
    }

    per_type: dict = {}
    by_family: dict = {}
    for it in sorted(SPOT_ADVISOR):
        savings, bucket = SPOT_ADVISOR[it]
        on_demand(instance_types, it)
        bucket_index(bucket, it)
        per_type[it] = {"savings": canon(check_fraction(savings, it)), "interruption": bucket,
                        "source": "spot-advisor-2026-09"}
        by_family.setdefault(instance_types[it]["family"], []).append(it)

    families: dict = {}
    for fam, its in by_family.items():
        savings = min(SPOT_ADVISOR[it][0] for it in its)
        bucket = max((SPOT_ADVISOR[it][1] for it in its), key=lambda b: bucket_index(b, fam))
        families[fam] = {
            "savings": canon(savings),
            "interruption": bucket,
            "source": "libtco-spot-defaults",
            "note": "the lowest savings and the highest interruption bucket among the family's quoted sizes "
                    f"({', '.join(sorted(its))})",
        }

    for it in sorted(SPOT_PRICES):
        usd = SPOT_PRICES[it]
        od = on_demand(instance_types, it)
        if not 0 < usd < od:
            raise BuildError(f"{it}: spot price {usd} not below on-demand {od}")
        fam = instance_types[it]["family"]
        if fam in families:
            raise BuildError(f"{it}: family {fam} has both Advisor quotes and an observed price")
        exact = 1 - Fraction(usd) / Fraction(od)
        savings = from_fraction(Fraction(math.floor(exact * 100), 100))  # rounded down to 2 places
        per_type[it] = {
            "usd_per_hour": canon(usd),
            "source": "p5en-spot-2026-08",
            "note": f"observed spot price, Aug 2026, against {canon(od)} on-demand "
                    f"(about {canon(mul(savings, Decimal(100)))}% off)",
        }
        families[fam] = {
            "savings": canon(savings),
            "source": "libtco-spot-defaults",
            "note": f"1 - {canon(usd)}/{canon(od)} (the observed {it} spot price over on-demand, Aug 2026), "
                    "rounded down to 2 places; no interruption bucket quoted",
        }

    families = {k: families[k] for k in sorted(families)}
    got = {k: (Decimal(v["savings"]), v.get("interruption")) for k, v in families.items()}
    if got != SPOT_FAMILIES_EXPECTED:
        raise BuildError(f"spot families {got} != documented {SPOT_FAMILIES_EXPECTED}")
    return generic, families, per_type


def build_commitments_generic() -> dict:
    ri: dict = {}
    for term in TERMS:
        base = RI_T3_MEDIUM[term]
        for payment in PAYMENTS:
            ri[term, payment] = check_fraction(add(base, PAYMENT_STEPS[payment]), f"reserved_instance {term} {payment}")
    years = {"1y": "1-year", "3y": "3-year"}
    words = {"partial_upfront": "partial upfront", "all_upfront": "all upfront"}
    generic: dict = {}
    for plan in PLANS:
        generic[plan] = {}
        for term in TERMS:
            generic[plan][term] = {}
            for payment in PAYMENTS:
                r = ri[term, payment]
                if plan == "reserved_instance":
                    value = r
                    if payment == "no_upfront":
                        note = (f"AWS's worked t3.medium figure ({years[term]} Standard RI, no upfront: "
                                f"{canon(r * 100)}% off), applied to every type")
                    else:
                        note = (f"the {term} no_upfront figure {canon(RI_T3_MEDIUM[term])} + "
                                f"{canon(PAYMENT_STEPS[payment])} (typical step from no upfront to "
                                f"{words[payment]} on AWS rate cards)")
                elif plan == "ec2_instance_savings_plan":
                    value = r
                    note = (f"as reserved_instance {term} {payment} ({canon(r)}): AWS gives up to {RI_MAX}% off "
                            "for both EC2 Instance Savings Plans and Standard Reserved Instances")
                else:
                    value = from_fraction(round(Fraction(r) * COMPUTE_SP_MAX / RI_MAX, 4))  # half-even
                    if value != COMPUTE_SP_EXPECTED[term, payment]:
                        raise BuildError(f"compute_savings_plan {term} {payment}: {value} != "
                                         f"documented {COMPUTE_SP_EXPECTED[term, payment]}")
                    note = (f"reserved_instance {term} {payment} {canon(r)} x {COMPUTE_SP_MAX}/{RI_MAX}, rounded "
                            f"half-even to 4 places (AWS: Compute Savings Plans up to {COMPUTE_SP_MAX}% off, "
                            f"EC2 Instance Savings Plans and Standard RIs up to {RI_MAX}%)")
                generic[plan][term][payment] = {
                    "discount": canon(check_fraction(value, f"{plan} {term} {payment}")),
                    "source": "libtco-commitment-defaults",
                    "note": note,
                }
    return generic


def t3_medium_commitments() -> list:
    return [{"plan": "reserved_instance", "term": term, "payment": "no_upfront",
             "discount": canon(RI_T3_MEDIUM[term]), "source": "aws-ri-t3-medium"} for term in TERMS]


def eks_auto_mode_example(instance_types: dict) -> dict:
    od = on_demand(instance_types, EKS_AUTO_MODE_EXAMPLE_TYPE)
    if od != EKS_AUTO_MODE_EXAMPLE_ON_DEMAND:
        raise BuildError(f"{EKS_AUTO_MODE_EXAMPLE_TYPE}: on-demand {od} != AWS's Auto Mode example "
                         f"{EKS_AUTO_MODE_EXAMPLE_ON_DEMAND}")
    if mul(EKS_AUTO_MODE_FEE, od) != EKS_AUTO_MODE_EXAMPLE_USD:
        raise BuildError(f"{EKS_AUTO_MODE_EXAMPLE_TYPE}: {EKS_AUTO_MODE_FEE} x {od} != {EKS_AUTO_MODE_EXAMPLE_USD}")
    return {"usd_per_hour": canon(EKS_AUTO_MODE_EXAMPLE_USD), "source": "aws-eks-auto-mode-pricing"}


def assemble(name: str, effective_date: str, description: str, fees: dict, shares: dict, spot: dict,
             commitments: dict, gpu_models: dict, instance_types: dict, valid_until: str | None = None) -> dict:
    catalog = {
        "schema_version": 1,
        "name": name,
        "region": "us-east-1",
        "currency": "USD",
        "effective_date": effective_date,
        **({"valid_until": valid_until} if valid_until else {}),
        "description": description,
        "sources": {},
        "default_sources": dict(DEFAULT_SOURCES),
        "fees": fees,
        "shares": shares,
        "spot": spot,
        "commitments": commitments,
        "gpu_models": gpu_models,
        "instance_types": {k: ordered_instance(k, instance_types[k]) for k in sorted(instance_types)},
    }
    # List exactly the sources the catalog cites.
    used = {ref for _, ref in references(catalog)}
    unknown = used - SOURCES.keys()
    if unknown:
        raise BuildError(f"{name}: cites unknown sources {sorted(unknown)}")
    catalog["sources"] = {k: dict(SOURCES[k]) for k in sorted(used)}
    check_references(catalog)
    return catalog


def build_current(instance_types: dict, gpu_models: dict) -> dict:
    its = {k: dict(v) for k, v in instance_types.items()}
    # The TSV's prices for the June-2025-cut types must be AWS's post-cut prices.
    for it, (_, after) in JUNE_2025_CUT.items():
        if on_demand(its, it) != after:
            raise BuildError(f"{it}: TSV price {on_demand(its, it)} != post-June-2025 price {after}")
    # The fractional share of one L4 comes from AWS's G6f announcement, not the EC2 API (gpu_count 0).
    for it in FRACTIONAL_GPUS:
        its[it]["spec_source"] = "aws-g6f"
    generic, families, per_type = build_spot(its)
    for it, entry in per_type.items():
        its[it]["spot"] = entry
    its[EKS_AUTO_MODE_EXAMPLE_TYPE]["eks_auto_mode"] = eks_auto_mode_example(its)
    its["t3.medium"]["commitments"] = t3_medium_commitments()
    return assemble(
        CATALOG_NAME, "2026-07-20",
        "AWS us-east-1 Linux on-demand prices (Karpenter's table generated 2026-07-20) and EC2 specs for NVIDIA "
        "GPU instance types and common CPU families, with EKS/ECS cluster fees, EKS Auto Mode, Fargate and ECS "
        "Anywhere fees and shares, spot savings and interruption buckets (generic, per family and per type), "
        "Savings Plan and Reserved Instance discounts (generic and per type), and NVIDIA GPU sharing capabilities.",
        build_fees(), build_shares(with_2026_07_cut=True),
        {"generic": generic, "families": families},
        {"generic": build_commitments_generic()},
        gpu_models, its,
    )


def build_2025_04(current: dict) -> dict:
    its = {}
    for it, v in current["instance_types"].items():
        if v["family"] in LATER_FAMILIES or v.get("gpu_model") in LATER_GPU_MODELS or it in LATER_TYPES:
            continue
        v = {k: x for k, x in json.loads(json.dumps(v)).items() if k != "spot"}
        if it in JUNE_2025_CUT:
            before, after = JUNE_2025_CUT[it]
            if Decimal(v["on_demand_usd_per_hour"]) != after or not before > after:
                raise BuildError(f"{it}: unexpected price {v['on_demand_usd_per_hour']}")
            v["on_demand_usd_per_hour"] = canon(before)
            v["price_source"] = "aws-ec2-price-cut-2025-06"
        its[it] = v
    if not JUNE_2025_CUT.keys() <= its.keys():
        raise BuildError("a June-2025-cut type is missing from the 2025-04-01 catalog")
    used_models = {v["gpu_model"] for v in its.values() if "gpu_model" in v}
    gpu_models = {k: v for k, v in current["gpu_models"].items() if k in used_models}
    shares = {k: v for k, v in current["shares"].items() if not k.endswith("_2026_07")}
    return assemble(
        OLD_CATALOG_NAME, "2025-04-01",
        f"Derived from {CATALOG_NAME} to approximate AWS us-east-1 before the June 2025 GPU price cut: the same "
        "EC2 specs, fees, shares, commitment discounts and on-demand prices (those of 2026-07-20, assumed "
        "unchanged), except p4d.24xlarge, p4de.24xlarge, p5.48xlarge and p5en.48xlarge at their pre-cut "
        "on-demand prices; without the types launched after April 2025 (the g6f and gr6f fractional-GPU families "
        "and every B200, B300, RTX PRO 4500 and RTX PRO 6000 type, and the single-GPU p5.4xlarge), without the 2026 spot quotes (generic spot "
        "default only) and without the reported 2026-07 Auto Mode fee cut for GPU families.",
        build_fees(), shares,
        {"generic": current["spot"]["generic"], "families": {}},
        json.loads(json.dumps(current["commitments"])),
        gpu_models, its,
        valid_until=JUNE_2025_CUT_EFFECTIVE_BEFORE,
    )


def build(shared: Path) -> dict:
    """Both catalogs, by name."""
    instance_types, gpu_models = build_base(shared)
    current = build_current(instance_types, gpu_models)
    old = build_2025_04(current)
    return {CATALOG_NAME: current, OLD_CATALOG_NAME: old}


def references(catalog: dict) -> list[tuple[str, str]]:
    """Every (where, source id) the catalog cites."""
    refs = [("default_sources." + k, v) for k, v in catalog["default_sources"].items()]
    refs += [(f"fees.{k}", v["source"]) for k, v in catalog["fees"].items()]
    refs += [(f"shares.{k}", v["source"]) for k, v in catalog.get("shares", {}).items()]
    spot = catalog.get("spot", {})
    if "generic" in spot:
        refs.append(("spot.generic", spot["generic"]["source"]))
    refs += [(f"spot.families.{k}", v["source"]) for k, v in spot.get("families", {}).items()]
    for plan, terms in catalog.get("commitments", {}).get("generic", {}).items():
        for term, payments in terms.items():
            for payment, v in payments.items():
                refs.append((f"commitments.generic.{plan}.{term}.{payment}", v["source"]))
    refs += [(f"gpu_models.{k}", v["source"]) for k, v in catalog["gpu_models"].items()]
    for it, v in catalog["instance_types"].items():
        for key in ("spec_source", "price_source"):
            if key in v:
                refs.append((f"instance_types.{it}.{key}", v[key]))
        for key in ("spot", "eks_auto_mode"):
            if key in v:
                refs.append((f"instance_types.{it}.{key}", v[key]["source"]))
        for i, c in enumerate(v.get("commitments", [])):
            refs.append((f"instance_types.{it}.commitments[{i}]", c["source"]))
    return refs


def check_references(catalog: dict) -> None:
    """Every cited source is listed and every listed source is cited; GPU models likewise."""
    srcs = catalog["sources"]
    refs = references(catalog)
    for where, ref in refs:
        if ref not in srcs:
            raise BuildError(f"{catalog['name']}: {where}: unknown source {ref!r}")
    unused = srcs.keys() - {ref for _, ref in refs}
    if unused:
        raise BuildError(f"{catalog['name']}: sources listed but not cited: {sorted(unused)}")
    used_models = set()
    for it, v in catalog["instance_types"].items():
        if "gpu_model" in v:
            if v["gpu_model"] not in catalog["gpu_models"]:
                raise BuildError(f"{catalog['name']}: {it}: unknown gpu_model {v['gpu_model']!r}")
            used_models.add(v["gpu_model"])
    unused_models = catalog["gpu_models"].keys() - used_models
    if unused_models:
        raise BuildError(f"{catalog['name']}: GPU models used by no instance type: {sorted(unused_models)}")


def render(catalog: dict) -> str:
    # Insertion order is already deterministic (see the module docstring).
    return json.dumps(catalog, indent=2, ensure_ascii=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared",
                    help="shared reference data directory (default: ../shared relative to the repo root)")
    ap.add_argument("--out-dir", type=Path, default=REPO_ROOT / "pricing",
                    help="directory of the catalog files (default: pricing/)")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if a catalog file differs from what would be generated")
    args = ap.parse_args(argv)
    try:
        texts = {name: render(cat) for name, cat in build(args.shared).items()}
    except (BuildError, OSError, KeyError, ValueError, ArithmeticError) as e:
        print(f"build_catalog: error: {e}", file=sys.stderr)
        return 2
    status = 0
    for name, text in texts.items():
        path = args.out_dir / f"{name}.json"
        if args.check:
            try:
                current = path.read_bytes().decode("utf-8")
            except OSError as e:
                print(f"build_catalog: {path}: {e}", file=sys.stderr)
                status = 1
                continue
            if current != text:
                print(f"build_catalog: {path} is out of date; rerun scripts/build_catalog.py", file=sys.stderr)
                status = 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    return status


if __name__ == "__main__":
    sys.exit(main())
