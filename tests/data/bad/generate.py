"""The bad inputs too big to keep in git, written on demand: python3 generate.py DIRECTORY.

Each is just over a limit of libtco/core/limits.hpp (or far beyond the nesting limit). ``generate(directory)``
writes the files and returns their expectations in the form of expected.json; the Python and CLI runners
(tests/python/test_bad_input.py) use it, and tests/cpp/unit-bad-input.cpp builds the same inputs itself.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

MAX_JSON_DEPTH = 64
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
MAX_DOCUMENT_VALUES = 500_000
MAX_WORKLOADS = 10_000
MAX_CATALOG_INSTANCE_TYPES = 5_000

SCENARIO_HEAD = ('{"schema_version": 1, "month": "2026-09", "team": {"engineers": 1, "loaded_cost_per_engineer_year": 1}, '
                 '"workloads": [{"name": "api", "replicas": 1, "vcpu": 1, "memory_gib": 1}]')


def _catalog(instance_types: str) -> str:
    fee = '{"usd": "%s", "per": "cluster-hour", "source": "s"}'
    return ('{"schema_version": 1, "name": "generated", "region": "us-east-1", "effective_date": "2026-07-20", '
            '"sources": {"s": {"title": "generated", "retrieved": "2026-07-20", "confidence": "high"}}, '
            '"default_sources": {"specs": "s", "on_demand": "s"}, '
            f'"fees": {{"eks_cluster_standard": {fee % "0.1"}, "eks_cluster_extended": {fee % "0.6"}, "ecs_cluster": {fee % "0"}}}, '
            f'"gpu_models": {{}}, "instance_types": {instance_types}}}')


def _types(count: int) -> str:
    return "{" + ",".join(f'"c9.x{i}": {{"vcpu": "4", "memory_gib": "16", "on_demand_usd_per_hour": "0.2"}}' for i in range(count)) + "}"


def cases() -> dict[str, tuple[str, dict[str, Any]]]:
    """File name -> (text, expectation)."""
    v, p = "libtco.validation.", "libtco.parse."
    workloads = ",".join(f'{{"name": "w{i}", "replicas": 1, "vcpu": 1, "memory_gib": 1}}' for i in range(MAX_WORKLOADS + 1))
    deep = 100_000
    return {
        "scenario-limit-workloads.json": (
            '{"schema_version": 1, "month": "2026-09", "team": {"engineers": 1, "loaded_cost_per_engineer_year": 1}, '
            f'"workloads": [{workloads}]}}',
            {"kind": "scenario", "code": v + "113", "path": "/workloads", "why": "10,001 workloads, one more than the limit"}),
        "scenario-limit-instance-type-overrides.json": (
            SCENARIO_HEAD + f', "instance_types": {_types(MAX_CATALOG_INSTANCE_TYPES + 1)}}}',
            {"kind": "scenario", "code": v + "113", "path": "/instance_types", "why": "5,001 instance type overrides"}),
        "scenario-nesting-100000.json": (
            SCENARIO_HEAD + ', "description": ' + "[" * deep + "]" * deep + "}",
            {"kind": "scenario", "code": p + "102", "path": "/description" + "/0" * (MAX_JSON_DEPTH - 1),
             "why": "100,000 nested arrays: refused at the 65th level, no stack overflow"}),
        "scenario-limit-document-values.json": (
            SCENARIO_HEAD + ', "description": [' + ",".join(["0"] * MAX_DOCUMENT_VALUES) + "]}",
            {"kind": "scenario", "code": p + "103", "path": "", "why": "a huge array: more than 500,000 values in the document"}),
        "scenario-limit-document-bytes.json": (
            SCENARIO_HEAD + ', "description": "' + "x" * MAX_DOCUMENT_BYTES + '"}',
            {"kind": "scenario", "code": p + "103", "path": "", "why": "more than 64 MiB of text"}),
        "catalog-limit-instance-types.json": (
            _catalog(_types(MAX_CATALOG_INSTANCE_TYPES + 1)),
            {"kind": "catalog", "code": v + "113", "path": "/instance_types", "why": "5,001 instance types"}),
        "catalog-limit-document-values.json": (
            _catalog("{}").replace('"gpu_models": {}', '"gpu_models": {}, "description": [' + ",".join(["true"] * MAX_DOCUMENT_VALUES) + "]"),
            {"kind": "catalog", "code": p + "103", "path": "", "why": "a huge array in a catalog"}),
    }


def generate(directory: str) -> dict[str, dict[str, Any]]:
    """Writes every generated case into `directory`; returns file name -> expectation."""
    os.makedirs(directory, exist_ok=True)
    expected = {}
    for name, (text, expectation) in cases().items():
        with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
            f.write(text)
        expected[name] = expectation
    return expected


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 generate.py DIRECTORY")
    json.dump(generate(sys.argv[1]), sys.stdout, indent=2)
    sys.stdout.write("\n")
