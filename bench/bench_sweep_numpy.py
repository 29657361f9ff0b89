"""libtco's exact-decimal sweep against the same model in numpy float64, side by side in one run.

The grid: 1,000 team sizes x 1,000 EKS ops shares of the default scenario (placement unchanged).
libtco evaluates every point in C++ (exact decimals, totals rounded half-even to cents) on one
thread and on all; the numpy version computes the same line items in float64, vectorised over the
whole grid: the lines the parameters do not touch as constants taken from the comparison, the
control-plane fee and both platforms' staff lines per point, each total rounded to cents.

    python3 bench/bench_sweep_numpy.py [POINTS_PER_AXIS]
"""

from __future__ import annotations

import os
import sys
import time
from decimal import Decimal

import numpy as np

import libtco


def numpy_model(base: libtco.Comparison, loaded: float, ecs_share: float, engineers: np.ndarray,
                eks_share: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The default scenario's totals on the grid, line by line in float64."""
    hours = float(base.hours)
    fee, clusters = 0.10, 1.0  # the catalog's standard-support fee, the scenario's one cluster
    fixed_eks = sum(float(li.usd_exact) for li in base.eks.line_items if li.category not in ("operations", "control_plane"))
    fixed_ecs = sum(float(li.usd_exact) for li in base.ecs.line_items if li.category != "operations")
    e, s = np.meshgrid(engineers, eks_share, indexing="ij")
    control_plane = fee * hours * clusters
    eks_ops = loaded * e * s / 12.0
    ecs_ops = loaded * e * ecs_share / 12.0
    eks = np.round(fixed_eks + control_plane + eks_ops, 2)
    ecs = np.round(fixed_ecs + ecs_ops, 2)
    return eks.reshape(-1), ecs.reshape(-1)


def rate(points: int, seconds: float) -> str:
    return f"{points / seconds:>14,.0f} points/s ({seconds:.3f} s)"


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    scenario = libtco.default_scenario()
    doc = scenario.to_dict()
    loaded = float(doc["team"]["loaded_cost_per_engineer_year"])
    ecs_share = float(doc["ecs"]["ops_share"])
    base = libtco.compare(scenario)
    # Exact decimal steps, so both models see the same values: 1, 1.049, ... engineers; 0.05, 0.0502, ... shares.
    engineer_values = [Decimal(1) + Decimal("0.049") * k for k in range(n)]
    share_values = [Decimal("0.05") + Decimal("0.0002") * k for k in range(n)]
    engineers = np.array([float(v) for v in engineer_values])
    shares = np.array([float(v) for v in share_values])
    grid = {"/team/engineers": engineer_values, "/eks/ops_share": share_values}
    points = n * n
    print(f"grid: {n} x {n} = {points:,} points, default scenario, {os.cpu_count()} hardware threads")

    t = time.perf_counter()
    one = libtco.sweep(scenario, grid, threads=1)
    libtco_one = time.perf_counter() - t
    t = time.perf_counter()
    every = libtco.sweep(scenario, grid, threads=0)
    libtco_all = time.perf_counter() - t
    t = time.perf_counter()
    eks, ecs = numpy_model(base, loaded, ecs_share, engineers, shares)
    numpy_s = time.perf_counter() - t

    print(f"libtco, exact decimal, 1 thread      {rate(points, libtco_one)}")
    print(f"libtco, exact decimal, all threads   {rate(points, libtco_all)}")
    print(f"numpy float64, vectorised            {rate(points, numpy_s)}")
    print(f"libtco (1 thread) / numpy: {numpy_s / libtco_one:.2f}x; libtco (all threads) / numpy: {numpy_s / libtco_all:.2f}x")
    cents = np.round(eks * 100).astype(np.int64)
    print(f"points where float64 is off by a cent or more: {int(np.count_nonzero(cents != one.eks_cents)):,} of {points:,} (EKS)")
    assert np.array_equal(one.eks_cents, every.eks_cents)
