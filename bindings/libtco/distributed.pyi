from typing import Any, Iterable, Mapping, Optional

from distributed import Client

from ._internal.source import Source
from .analysis import MonteCarlo, Number, Progress, Sweep
from .catalog import Catalog
from .scenario import Scenario

__all__ = ["monte_carlo", "sweep"]

def sweep(
    scenario: Source | Scenario,
    grid: Mapping[str, Iterable[Number]],
    *,
    client: Client,
    catalog: Optional[Source | Catalog] = None,
    batch_points: int = 1_000_000,
    threads: int = 1,
    progress: Optional[Progress] = None,
) -> Sweep: ...
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
) -> MonteCarlo: ...
