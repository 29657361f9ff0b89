"""Shared helpers for the Python tests: small scenarios built as dicts.

Every expected figure in these tests is worked out by hand in a comment next to the assertion,
from the catalog facts below (AWS us-east-1, pricing/aws-us-east-1-2026-07-20.json), never copied
from the program's output:

* EKS cluster fee: standard support $0.10 per cluster-hour, extended support $0.60.
* ECS: no orchestration fee.
* g5.xlarge: 4 vCPU, 16 GiB, 1 x A10G (22.3515625 GiB); EKS allocatable 3.92 vCPU and
  13.830078125 GiB; $1.006/h.
* m5.xlarge: 4 vCPU, 16 GiB, no GPU; EKS allocatable 3.92 vCPU and 13.830078125 GiB; $0.192/h.
* ECS packs on nominal vCPU and on memory minus ecs.reserved_memory_gib (default 0.25 GiB).
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any

import pytest

import libtco

#: A team that costs nothing, so that totals show only fees and compute.
NO_TEAM = {"engineers": 0, "loaded_cost_per_engineer_year": "0"}


def make_scenario(
    workloads: list[dict[str, Any]] | None = None,
    *,
    month: str = "2026-09",
    team: dict[str, Any] | None = None,
    eks: dict[str, Any] | None = None,
    ecs: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A minimal scenario dict; the arguments replace or add top-level keys."""
    doc: dict[str, Any] = {
        "schema_version": 1,
        "name": "test",
        "month": month,
        "team": copy.deepcopy(team if team is not None else NO_TEAM),
        "workloads": copy.deepcopy(workloads if workloads is not None else []),
    }
    if eks is not None:
        doc["eks"] = copy.deepcopy(eks)
    if ecs is not None:
        doc["ecs"] = copy.deepcopy(ecs)
    doc.update(copy.deepcopy(extra))
    return doc


def gpu_workload(name: str = "inference", replicas: int = 1, **extra: Any) -> dict[str, Any]:
    """Replicas of one GPU, 2 vCPU and 8 GiB: one per g5.xlarge (it has a single GPU)."""
    w: dict[str, Any] = {"name": name, "replicas": replicas, "gpus": 1, "vcpu": 2, "memory_gib": 8}
    w.update(extra)
    return w


def line(report: libtco.PlatformReport, category: str, item: str | None = None) -> libtco.LineItem:
    """The one line item of a category (and item name, if given)."""
    found = [li for li in report.line_items if li.category == category and (item is None or li.item == item)]
    assert len(found) == 1, f"expected one {category}/{item} line in {report.line_items}"
    return found[0]


def compute_lines(report: libtco.PlatformReport) -> list[libtco.LineItem]:
    return [li for li in report.line_items if li.category == "compute"]


def compute_total(report: libtco.PlatformReport) -> Decimal:
    return sum((li.usd for li in compute_lines(report)), Decimal(0))


@pytest.fixture(scope="session")
def default_comparison() -> libtco.Comparison:
    return libtco.compare(libtco.default_scenario())


@pytest.fixture()
def scenario_file(tmp_path):
    """Writes a scenario dict (or text) to a file and returns its path."""

    def write(doc: dict[str, Any] | str, name: str = "scenario.json"):
        path = tmp_path / name
        path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
        return path

    return write
