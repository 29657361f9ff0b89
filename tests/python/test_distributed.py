"""Sweeps and Monte Carlo on a Dask cluster (libtco.distributed) give the local run's numbers, bit for bit.

The cluster is a LocalCluster of two single-threaded workers in this process (threads: about 1 s to
start here, against 6 s for worker processes on this busy 2-core machine); that the batches survive
the pickling a cluster of processes does is checked on its own.
"""

from __future__ import annotations

import itertools
import math
import pickle

import numpy as np
import pytest

import libtco
from libtco import distributed as dtco

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def default():
    return libtco.default_scenario()


@pytest.fixture(scope="module")
def seeded(default):
    """The default with the seed's staff rule given explicitly, so that it has ops shares to sweep (the effort model has none)."""
    return default.replace(eks={"operations": {"share": "0.15"}}, ecs={"operations": {"share": "0.035"}})


def tasks_run(client, run):
    """The result of run() and how many tasks of each function the workers ran for it."""
    with distributed.get_task_stream(client) as stream:
        result = run()
    counts: dict[str, int] = {}
    for task in stream.data:
        name = task["key"].split("-")[0] if isinstance(task["key"], str) else str(task["key"])
        counts[name] = counts.get(name, 0) + 1
    return result, counts


def assert_same_sweep(got: libtco.Sweep, want: libtco.Sweep) -> None:
    assert got.axes == want.axes
    assert got.closed_form == want.closed_form
    assert got.eks_cents.dtype == want.eks_cents.dtype == np.int64
    assert np.array_equal(got.eks_cents, want.eks_cents)
    assert np.array_equal(got.ecs_cents, want.ecs_cents)
    assert got == want and repr(got) == repr(want)  # the repr is the local call that computes it


def assert_same_monte_carlo(got: libtco.MonteCarlo, want: libtco.MonteCarlo) -> None:
    assert got.spec == want.spec
    assert got.closed_form == want.closed_form
    assert got.summary == want.summary  # exact Decimal means and percentiles, and the float stdev bit for bit
    assert got.probability_eks_cheaper == want.probability_eks_cheaper
    assert np.array_equal(got.eks_cents, want.eks_cents)
    assert np.array_equal(got.ecs_cents, want.ecs_cents)
    assert list(got.draws) == list(want.draws)
    for name in want.draws:
        assert np.array_equal(got.draws[name], want.draws[name])
    assert got == want and repr(got) == repr(want)


# --- how a grid is cut -----------------------------------------------------------------------------


@pytest.mark.parametrize("sizes", [[7], [40, 3, 2], [3, 1, 5], [2, 2, 2, 2], [1]])
@pytest.mark.parametrize("batch_points", [1, 2, 3, 5, 6, 7, 50, 1000])
def test_grid_slices_cover_the_grid_in_order(sizes, batch_points):
    slices = dtco._grid_slices(sizes, batch_points)
    flat = list(itertools.product(*[range(n) for n in sizes]))
    covered = [point for ranges in slices for point in itertools.product(*ranges)]
    assert covered == flat  # every point once, in the grid's order (the last axis fastest)
    assert all(math.prod(len(r) for r in ranges) <= batch_points for ranges in slices)
    # As few batches as slices of the axes allow: [40, 3, 2] at 50 points is runs of 8 x 3 x 2.
    if sizes == [40, 3, 2] and batch_points == 50:
        assert len(slices) == 5


# --- what travels to a worker and back --------------------------------------------------------------


def test_batches_and_their_results_pickle(default):
    # What a cluster of processes ships: the task function (by reference), its arguments (JSON text,
    # the grid or spec), its result (numpy arrays) and a libtco error, each through pickle.
    scenario = default.to_json()
    for function, args in ((dtco._sweep_batch, (scenario, None, [("/team/engineers", ["1", "2"])], 1)),
                           (dtco._monte_carlo_batch, (scenario, None, '{"seed": 3, "samples": 4, "first_sample": 8}', 1))):
        shipped_function, shipped_args = pickle.loads(pickle.dumps((function, args)))
        assert shipped_function is function
        result = shipped_function(*shipped_args)
        back = pickle.loads(pickle.dumps(result))
        assert np.array_equal(back["eks_cents"], result["eks_cents"])
    with pytest.raises(libtco.NotFoundError) as e:
        dtco._sweep_batch(scenario, None, [("/team/engineerz", ["1"])], 1)
    back = pickle.loads(pickle.dumps(e.value))
    assert (type(back), back.code, back.path, str(back)) == (type(e.value), e.value.code, e.value.path, str(e.value))


# --- sweeps ---------------------------------------------------------------------------------------


def test_a_closed_form_sweep_on_the_cluster_is_the_local_sweep(client, seeded):
    grid = {"/team/engineers": range(1, 41), "/eks/operations/share": [0.10, 0.15, 0.20], "/ecs/operations/share": ["0.02", "0.05"]}
    local = libtco.sweep(seeded, grid)
    assert local.closed_form
    remote, tasks = tasks_run(client, lambda: dtco.sweep(seeded, grid, client=client, batch_points=50))
    assert_same_sweep(remote, local)
    assert tasks.get("_sweep_batch") == 5  # 240 points in runs of 8 engineers x 3 x 2 shares


def test_a_re_placing_sweep_on_the_cluster_is_the_local_sweep(client, default):
    grid = {"/workloads/reranker/replicas": range(1, 7), "/team/engineers": [4, 6]}
    local = libtco.sweep(default, grid)
    assert not local.closed_form
    remote, tasks = tasks_run(client, lambda: dtco.sweep(default, grid, client=client, batch_points=3))
    assert_same_sweep(remote, local)
    assert remote.axes[0][0] == "/workloads/2/replicas"  # resolved by the workers as the local run resolves it
    assert tasks.get("_sweep_batch") == 6  # one replica count (2 points) per batch


def test_sweep_errors_are_the_local_errors(client, default):
    with pytest.raises(libtco.NotFoundError) as local:
        libtco.sweep(default, {"/team/engineerz": [1, 2]})
    with pytest.raises(libtco.NotFoundError) as remote:
        dtco.sweep(default, {"/team/engineerz": [1, 2]}, client=client)
    assert (remote.value.code, remote.value.path, str(remote.value)) == (local.value.code, local.value.path, str(local.value))
    with pytest.raises(libtco.ValidationError, match="no values to sweep"):
        dtco.sweep(default, {"/team/engineers": []}, client=client)
    with pytest.raises(ValueError, match="batch_points"):
        dtco.sweep(default, {"/team/engineers": [1]}, client=client, batch_points=0)


def test_sweep_progress_counts_points_and_can_cancel(client, default):
    seen = []
    dtco.sweep(default, {"/team/engineers": range(10)}, client=client, batch_points=4, progress=lambda done, total: seen.append((done, total)))
    # Batches of 4, 4 and 2 points, reported as they finish (in any order): running sums up to 10.
    assert len(seen) == 3 and {total for _, total in seen} == {10}
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[0] in (2, 4) and done[-1] == 10
    with pytest.raises(libtco.Cancelled):
        dtco.sweep(default, {"/team/engineers": range(10)}, client=client, batch_points=4, progress=lambda done, total: False)


# --- Monte Carlo ----------------------------------------------------------------------------------


def test_a_closed_form_monte_carlo_on_the_cluster_is_the_local_run(client, default):
    local = libtco.monte_carlo(default, samples=20000, seed=7)
    remote, tasks = tasks_run(client, lambda: dtco.monte_carlo(default, samples=20000, seed=7, client=client, batch_samples=6000))
    assert_same_monte_carlo(remote, local)
    assert tasks.get("_monte_carlo_batch") == 4  # 6,000 + 6,000 + 6,000 + 2,000 samples


def test_a_re_placing_monte_carlo_on_the_cluster_is_the_local_run(client, default):
    parameters = {"/workloads/reranker/replicas": {"distribution": "choice", "values": [2, 4, 6], "weights": [1, 2, 1]},
                  "/team/engineers": {"distribution": "triangular", "low": 4, "mode": 6, "high": 10}}
    local = libtco.monte_carlo(default, parameters, samples=300, seed=11)
    assert not local.closed_form
    remote, tasks = tasks_run(client, lambda: dtco.monte_carlo(default, parameters, samples=300, seed=11, client=client, batch_samples=128))
    assert_same_monte_carlo(remote, local)
    assert tasks.get("_monte_carlo_batch") == 3


def test_monte_carlo_limits_are_checked_before_anything_is_submitted(client, default):
    with pytest.raises(libtco.ValidationError) as local:
        libtco.monte_carlo(default, samples=10_000_001)
    submitted, tasks = tasks_run(client, lambda: pytest.raises(libtco.ValidationError, dtco.monte_carlo, default, samples=10_000_001, client=client))
    assert (submitted.value.code, submitted.value.path) == (local.value.code, local.value.path) == ("libtco.validation.113", "/samples")
    assert tasks == {}
