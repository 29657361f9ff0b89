"""Sweeps and Monte Carlo on a Dask cluster (the optional extra ``libtco[dask]``).

:func:`sweep` and :func:`monte_carlo` take the arguments of :func:`libtco.sweep` and
:func:`libtco.monte_carlo` plus a ``dask.distributed.Client``. They split the run into batches, each
one C++ call over many points or samples (without the GIL), run the batches on the cluster's
workers and put the result together: the same numbers as the local run, bit for bit.

* A sweep's batches are slices of its grid in the grid's own order (the last parameter fastest):
  the leading parameters held at one value, a run of values of the next, every value of the rest.
  Concatenated, their totals are the grid's.
* A Monte Carlo batch computes samples ``[first, first + count)`` of the run (the spec's
  ``first_sample``): sample i draws parameter p from its own random stream (seed, i x P + p), so a
  sample does not depend on the batch it falls in. The statistics (exact means, nearest-rank
  percentiles, P(EKS cheaper)) are then computed from every sample by the C++ code the local run
  uses.

The scenario and catalog go to the workers once, as JSON text (``Client.scatter``); the workers
need the same libtco installed. Each batch runs on ``threads`` threads (default 1: the workers are
the parallelism). A ``progress`` callable gets ``(done, total)`` as batches finish and may return
``False`` to cancel the batches still queued (raising :class:`libtco.errors.Cancelled`).
"""

from __future__ import annotations

import itertools
import json
import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Sequence

from . import _core, analysis
from .analysis import MonteCarlo, Number, Progress, Sweep
from .errors import Cancelled

if TYPE_CHECKING:
    from distributed import Client

    from ._internal.source import Source
    from .catalog import Catalog
    from .scenario import Scenario

__all__ = ["monte_carlo", "sweep"]

#: libtco::limits::max_sweep_points and max_sweep_parameters: a grid beyond them is refused (by the C++ core, as locally).
_MAX_SWEEP_POINTS: int = _core.max_sweep_points
_MAX_SWEEP_PARAMETERS: int = _core.max_sweep_parameters
_CANCELLED: int = _core.error_codes["cancelled"]


def _sweep_batch(scenario_json: str, catalog_json: Optional[str], grid: list[tuple[str, list[str]]], threads: int) -> dict[str, Any]:
    """One batch on a worker: the C++ sweep of a slice of the grid."""
    return _core.sweep(scenario_json, catalog_json, grid, threads, None)  # type: ignore[no-any-return]


def _monte_carlo_batch(scenario_json: str, catalog_json: Optional[str], spec_json: str, threads: int) -> dict[str, Any]:
    """One batch on a worker: samples [first_sample, first_sample + samples) of the run."""
    return _core.monte_carlo(scenario_json, catalog_json, spec_json, threads, None)  # type: ignore[no-any-return]


def _grid_slices(sizes: Sequence[int], batch_points: int) -> list[list[range]]:
    """The grid's batches in its order, each as one index range per axis.

    With ``inner`` the points of the axes after axis j, j is the first axis whose ``inner`` is at most
    ``batch_points``: the axes before it take one index, axis j a run of ``batch_points // inner``,
    the rest every index. Each batch is a contiguous run of the grid's points.
    """
    inner = [math.prod(sizes[j + 1:]) for j in range(len(sizes))]
    j = next(j for j, points in enumerate(inner) if points <= batch_points)
    run = max(1, batch_points // inner[j])
    slices = []
    for prefix in itertools.product(*[range(n) for n in sizes[:j]]):
        for start in range(0, sizes[j], run):
            slices.append([range(i, i + 1) for i in prefix] + [range(start, min(start + run, sizes[j]))] + [range(n) for n in sizes[j + 1:]])
    return slices


def _scatter(client: Client, text: Optional[str]) -> Any:
    """JSON text on the cluster once (a future the tasks take in its place); None stays None."""
    return None if text is None else client.scatter(text, hash=False)  # a key of its own, as with the tasks


def _gather(client: Client, futures: list[Any], sizes: list[int], progress: Optional[Progress]) -> list[Any]:
    """The batches' results in order; ``progress`` sees points or samples done as batches finish."""
    from distributed import as_completed

    try:
        if progress is not None:
            total, done = sum(sizes), 0
            size_of = {f.key: n for f, n in zip(futures, sizes)}
            for future in as_completed(futures):
                if future.status == "error":
                    break  # gather() below raises the batch's error
                done += size_of[future.key]
                if progress(done, total) is False:
                    raise Cancelled.from_code(_CANCELLED, "", f"stopped by the progress callback after {done} of {total}")
        return client.gather(futures)  # type: ignore[no-any-return]
    except BaseException:
        client.cancel(futures)
        raise


def sweep(
    scenario: Source | Scenario,
    grid: Mapping[str, Iterable[Number]],
    *,
    client: Client,
    catalog: Optional[Source | Catalog] = None,
    batch_points: int = 1_000_000,
    threads: int = 1,
    progress: Optional[Progress] = None,
) -> Sweep:
    """:func:`libtco.sweep` on a Dask cluster: the same :class:`~libtco.Sweep`, computed in batches.

    Args:
        client: A ``dask.distributed.Client`` connected to the cluster.
        batch_points: Points per batch, at most (a batch is at least one point); each batch is one task.
        threads: Threads each batch uses on its worker.

    Raises:
        The errors of :func:`libtco.sweep`, from the batch that met them.
    """
    if batch_points < 1:
        raise ValueError(f"batch_points must be at least 1, got {batch_points}")
    scenario, catalog = analysis.load_scenario(scenario), analysis._catalog_or_none(catalog)  # read once: the call text reuses them
    scenario_json, catalog_json = analysis._inputs(scenario, catalog)
    axes = [(str(name), [analysis._text(v) for v in values]) for name, values in grid.items()]
    sizes = [len(values) for _, values in axes]
    if not axes or len(axes) > _MAX_SWEEP_PARAMETERS or 0 in sizes or math.prod(sizes) > _MAX_SWEEP_POINTS:
        _core.sweep(scenario_json, catalog_json, axes, threads, None)  # raises the local run's error about the grid
    slices = _grid_slices(sizes, batch_points)
    scenario_ref, catalog_ref = _scatter(client, scenario_json), _scatter(client, catalog_json)
    # pure=False: every run's tasks get keys of their own. Dask would otherwise name a task by its
    # arguments, and a run could meet the same task of an earlier run while it is being released.
    futures = [client.submit(_sweep_batch, scenario_ref, catalog_ref,
                             [(name, [values[i] for i in r]) for (name, values), r in zip(axes, ranges)], threads, pure=False)
               for ranges in slices]
    results = _gather(client, futures, [math.prod(len(r) for r in ranges) for ranges in slices], progress)
    return _assembled_sweep(results, slices, sizes, analysis._sweep_call(scenario, axes, catalog))


def _assembled_sweep(results: list[dict[str, Any]], slices: list[list[range]], sizes: Sequence[int], call: str) -> Sweep:
    import numpy as np

    names = [name for name, _ in results[0]["axes"]]  # resolved: workloads by index
    values: list[list[str]] = [[""] * n for n in sizes]
    for result, ranges in zip(results, slices):
        for axis, ((_, texts), r) in enumerate(zip(result["axes"], ranges)):
            for i, text in zip(r, texts):
                values[axis][i] = text
    axes = tuple((name, tuple(Decimal(v) for v in texts)) for name, texts in zip(names, values))
    eks = np.concatenate([r["eks_cents"] for r in results])
    ecs = np.concatenate([r["ecs_cents"] for r in results])
    return Sweep(axes, all(bool(r["closed_form"]) for r in results), eks, ecs, call)


def monte_carlo(
    scenario: Source | Scenario,
    parameters: Optional[Mapping[str, Mapping[str, Any]]] = None,
    *,
    samples: int = 10000,
    seed: int = 1,
    client: Client,
    catalog: Optional[Source | Catalog] = None,
    batch_samples: int = 100_000,
    threads: int = 1,
    progress: Optional[Progress] = None,
) -> MonteCarlo:
    """:func:`libtco.monte_carlo` on a Dask cluster: the same :class:`~libtco.MonteCarlo`, bit for bit.

    Args:
        client: A ``dask.distributed.Client`` connected to the cluster.
        batch_samples: Samples per batch, at most; each batch is one task.
        threads: Threads each batch uses on its worker.

    Raises:
        The errors of :func:`libtco.monte_carlo`: the run's size and distributions are checked before
        any batch is submitted, the parameters by the batches.
    """
    import numpy as np

    if batch_samples < 1:
        raise ValueError(f"batch_samples must be at least 1, got {batch_samples}")
    scenario, catalog = analysis.load_scenario(scenario), analysis._catalog_or_none(catalog)  # read once: the call text reuses them
    scenario_json, catalog_json = analysis._inputs(scenario, catalog)
    spec = analysis._monte_carlo_spec(parameters, samples, seed)
    total = int(json.loads(_core.check_monte_carlo_spec(scenario_json, json.dumps(spec)))["samples"])
    firsts = list(range(0, total, batch_samples))
    counts = [min(batch_samples, total - first) for first in firsts]
    scenario_ref, catalog_ref = _scatter(client, scenario_json), _scatter(client, catalog_json)
    futures = [client.submit(_monte_carlo_batch, scenario_ref, catalog_ref, json.dumps({**spec, "samples": count, "first_sample": first}), threads,
                             pure=False)
               for first, count in zip(firsts, counts)]
    results = _gather(client, futures, counts, progress)

    eks = np.concatenate([r["eks_cents"] for r in results])
    ecs = np.concatenate([r["ecs_cents"] for r in results])
    statistics = json.loads(_core.monte_carlo_statistics(eks, ecs))
    first = json.loads(results[0]["summary_json"])  # samples [0, counts[0]): its spec is the run's but for the count
    run_spec = {**first["spec"], "samples": total}
    names = [p["parameter"] for p in run_spec["parameters"]]
    draws = {name: np.concatenate([r["draws"][p] for r in results]) for p, name in enumerate(names)}
    return MonteCarlo(run_spec, bool(first["closed_form"]), {k: analysis._summary(statistics[k]) for k in ("eks", "ecs", "difference")},
                      Decimal(statistics["probability_eks_cheaper"]), eks, ecs, draws, analysis._monte_carlo_call(scenario, spec, catalog))
