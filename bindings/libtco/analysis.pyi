from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence, Union

import numpy
import pandas
from matplotlib.axes import Axes

from ._internal.source import Source
from .catalog import Catalog
from .scenario import Scenario
from .spreadsheet import Target

__all__ = ["BreakEven", "Crossing", "MonteCarlo", "Reason", "Recommendation", "Sweep", "Tornado", "TornadoBar", "break_even",
           "default_uncertainty", "monte_carlo", "recommend", "sensitivity", "sweep"]

Number = Union[Decimal, int, float, str]
Progress = Callable[[int, int], Optional[bool]]

@dataclass(frozen=True)
class Sweep:
    axes: tuple[tuple[str, tuple[Decimal, ...]], ...]
    closed_form: bool
    eks_cents: numpy.ndarray
    ecs_cents: numpy.ndarray
    _call: str = ""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    @property
    def difference_cents(self) -> numpy.ndarray: ...
    def __len__(self) -> int: ...
    def grid(self) -> list[numpy.ndarray]: ...
    def to_frame(self) -> pandas.DataFrame: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_csv(self) -> str: ...
    def plot(self, ax: Optional[Axes] = None, **kw: Any) -> Axes: ...
    def to_excel(self, path: Target) -> None: ...
    def _repr_html_(self) -> str: ...

def sweep(
    scenario: Source | Scenario,
    grid: Mapping[str, Iterable[Number]],
    *,
    catalog: Optional[Source | Catalog] = None,
    threads: int = 0,
    progress: Optional[Progress] = None,
) -> Sweep: ...

@dataclass(frozen=True)
class Crossing:
    value: Decimal
    low: Decimal
    high: Decimal
    kind: str
    cheaper_above: str

@dataclass(frozen=True)
class BreakEven:
    parameter: str
    base_value: Decimal
    low: Decimal
    high: Decimal
    difference_at_low: Decimal
    difference_at_high: Decimal
    crossings: tuple[Crossing, ...]
    evaluations: int
    _call: str = ""
    @property
    def value(self) -> Optional[Decimal]: ...
    def summary(self) -> str: ...
    def to_frame(self) -> pandas.DataFrame: ...
    def plot(self, ax: Optional[Axes] = None, **kw: Any) -> Axes: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_excel(self, path: Target) -> None: ...
    def _repr_html_(self) -> str: ...

def break_even(
    scenario: Source | Scenario,
    parameter: str,
    low: Number,
    high: Number,
    *,
    catalog: Optional[Source | Catalog] = None,
    scan_points: int = 64,
    threads: int = 0,
    progress: Optional[Progress] = None,
) -> BreakEven: ...

@dataclass(frozen=True)
class TornadoBar:
    parameter: str
    base_value: Decimal
    low: Decimal
    high: Decimal
    difference_at_low: Decimal
    difference_at_high: Decimal
    swing: Decimal

@dataclass(frozen=True)
class Tornado:
    base_difference: Decimal
    base_eks: Decimal
    base_ecs: Decimal
    bars: tuple[TornadoBar, ...]
    _call: str = ""
    def to_frame(self) -> pandas.DataFrame: ...
    def plot(self, ax: Optional[Axes] = None, **kw: Any) -> Axes: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_excel(self, path: Target) -> None: ...
    def _repr_html_(self) -> str: ...

def sensitivity(
    scenario: Source | Scenario,
    ranges: Optional[Mapping[str, tuple[Number, Number]]] = None,
    *,
    catalog: Optional[Source | Catalog] = None,
    threads: int = 0,
) -> Tornado: ...

@dataclass(frozen=True)
class MonteCarlo:
    spec: dict[str, Any]
    closed_form: bool
    summary: dict[str, dict[str, Any]]
    probability_eks_cheaper: Decimal
    eks_cents: numpy.ndarray
    ecs_cents: numpy.ndarray
    draws: dict[str, numpy.ndarray]
    _call: str = ""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    @property
    def samples(self) -> int: ...
    @property
    def difference_cents(self) -> numpy.ndarray: ...
    def to_frame(self) -> pandas.DataFrame: ...
    def percentiles_frame(self) -> pandas.DataFrame: ...
    def plot(self, ax: Optional[Sequence[Axes]] = None, **kw: Any) -> tuple[Axes, Axes]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_excel(self, path: Target) -> None: ...
    def _repr_html_(self) -> str: ...

def default_uncertainty(scenario: Source | Scenario) -> dict[str, dict[str, Any]]: ...
def monte_carlo(
    scenario: Source | Scenario,
    parameters: Optional[Mapping[str, Mapping[str, Any]]] = None,
    *,
    samples: int = 10000,
    seed: int = 1,
    catalog: Optional[Source | Catalog] = None,
    threads: int = 0,
    progress: Optional[Progress] = None,
) -> MonteCarlo: ...

@dataclass(frozen=True)
class Reason:
    favours: str
    points: int
    text: str

@dataclass(frozen=True)
class Recommendation:
    platform: str
    score: int
    headline: str
    reasons: tuple[Reason, ...]
    text: str
    _call: str = ""
    def to_dict(self) -> dict[str, Any]: ...
    def to_frame(self) -> pandas.DataFrame: ...
    def to_text(self) -> str: ...
    def _repr_html_(self) -> str: ...

def recommend(scenario: Source | Scenario, *, catalog: Optional[Source | Catalog] = None) -> Recommendation: ...
