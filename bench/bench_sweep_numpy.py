"""libtco's exact-decimal sweep against the same model in numpy float64, side by side in one run; each
side is timed as the best of seven runs.

The grid: 1,000 team sizes x 1,000 EKS shares of the default scenario with staff time by the seed's
rule (operations.share on both platforms; placement unchanged).
libtco evaluates every point in C++ (exact decimals, totals rounded half-even to cents) on one
thread and on all, into numpy arrays it fills in place. The numpy versions compute the same line items in float64: the lines the
parameters do not touch as constants taken from the comparison, the control-plane fee and both
platforms' staff lines per point, each total rounded to cents; once vectorised over the whole grid
(which needs the closed form worked out by hand), once as a function of one point's parameters.

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


def numpy_point_model(fixed_eks: np.ndarray, fixed_ecs: np.ndarray, loaded: float, ecs_share: float, hours: float,
                      engineers: float, eks_share: float) -> tuple[float, float]:
    """The same model written the way one writes a cost model: one scenario's line items as numpy arrays."""
    eks_lines = np.append(fixed_eks, [0.10 * hours * 1.0, loaded * engineers * eks_share / 12.0])
    ecs_lines = np.append(fixed_ecs, [loaded * engineers * ecs_share / 12.0])
    return float(np.round(eks_lines.sum(), 2)), float(np.round(ecs_lines.sum(), 2))


def rate(points: int, seconds: float) -> str:
    return f"{points / seconds:>14,.0f} points/s ({seconds:.3f} s)"


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    doc = libtco.default_scenario().to_dict()
    doc["eks"]["operations"] = {"share": "0.15"}
    doc["ecs"]["operations"] = {"share": "0.035"}
    scenario = libtco.load_scenario(doc)
    loaded = float(doc["team"]["loaded_cost_per_engineer_year"])
    ecs_share = float(doc["ecs"]["operations"]["share"])
    base = libtco.compare(scenario)
    # Exact decimal steps, so both models see the same values: 1, 1.049, ... engineers; 0.05, 0.0502, ... shares.
    engineer_values = [Decimal(1) + Decimal("0.049") * k for k in range(n)]
    share_values = [Decimal("0.05") + Decimal("0.0002") * k for k in range(n)]
    engineers = np.array([float(v) for v in engineer_values])
    shares = np.array([float(v) for v in share_values])
    grid = {"/team/engineers": engineer_values, "/eks/operations/share": share_values}
    points = n * n
    print(f"grid: {n} x {n} = {points:,} points, default scenario on the seed's shares, {os.cpu_count()} hardware threads")

    def best(run, repeats: int = 7):
        """The fastest of several runs (the first pays for page faults and cold caches, on both sides)."""
        times, result = [], None
        for _ in range(repeats):
            t = time.perf_counter()
            result = run()
            times.append(time.perf_counter() - t)
        return min(times), result

    libtco_one, one = best(lambda: libtco.sweep(scenario, grid, threads=1))
    libtco_all, every = best(lambda: libtco.sweep(scenario, grid, threads=0))
    numpy_s, (eks, ecs) = best(lambda: numpy_model(base, loaded, ecs_share, engineers, shares))

    fixed_eks = np.array([float(li.usd_exact) for li in base.eks.line_items if li.category not in ("operations", "control_plane")])
    fixed_ecs = np.array([float(li.usd_exact) for li in base.ecs.line_items if li.category != "operations"])
    sample = 20000  # per-point numpy is slow: time a slice of the grid and scale

    def per_point() -> None:
        for k in range(sample):
            numpy_point_model(fixed_eks, fixed_ecs, loaded, ecs_share, float(base.hours), float(engineers[k // n]), float(shares[k % n]))

    per_point_s, _ = best(per_point, repeats=3)

    print(f"libtco, exact decimal, 1 thread      {rate(points, libtco_one)}")
    print(f"libtco, exact decimal, all threads   {rate(points, libtco_all)}")
    print(f"numpy float64, vectorised over the grid {rate(points, numpy_s)}")
    print(f"numpy float64, one point at a time   {rate(sample, per_point_s)}")
    print(f"libtco / numpy vectorised over the grid: {numpy_s / libtco_one:.2f}x (1 thread), {numpy_s / libtco_all:.2f}x (all threads)")
    print(f"target (faster than numpy float64 on one core): {'met' if libtco_one < numpy_s else 'NOT met'}")
    print(f"libtco / numpy one point at a time:      {per_point_s / sample * points / libtco_one:.0f}x (1 thread), "
          f"{per_point_s / sample * points / libtco_all:.0f}x (all threads)")
    cents = np.round(eks * 100).astype(np.int64)
    print(f"points where float64 is off by a cent or more: {int(np.count_nonzero(cents != one.eks_cents)):,} of {points:,} (EKS)")
    assert np.array_equal(one.eks_cents, every.eks_cents)
