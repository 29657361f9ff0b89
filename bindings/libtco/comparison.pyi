import os
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, Mapping, Optional, Union

import pandas

from .catalog import Catalog
from .scenario import Scenario

__all__ = ["Assumption", "Comparison", "InstanceGroup", "LineItem", "PlatformReport", "ReportWarning", "compare"]

_Source = Union[str, os.PathLike[str], Mapping[str, Any]]

CATEGORIES: tuple[str, ...]
FRAME_COLUMNS: tuple[str, ...]

@dataclass(frozen=True)
class LineItem:
    category: str
    item: str
    detail: str
    usd: Decimal
    usd_exact: Decimal
    sources: tuple[str, ...] = ()
    confidence: str = "low"

@dataclass(frozen=True)
class ReportWarning:
    code: str
    message: str

@dataclass(frozen=True)
class InstanceGroup:
    instance_type: str
    count: int
    hours: Decimal
    usd_per_hour: Decimal
    usd_exact: Decimal
    origin: str
    price_source: str
    replicas: Mapping[str, int]

@dataclass(frozen=True)
class Assumption:
    name: str
    value: Decimal
    default: Decimal
    unit: str
    confidence: str
    source: str
    low: Optional[Decimal] = None
    high: Optional[Decimal] = None

class PlatformReport:
    platform: str
    def __init__(self, platform: str, data: Mapping[str, Any]) -> None: ...
    @property
    def total(self) -> Decimal: ...
    @property
    def line_items(self) -> list[LineItem]: ...
    @property
    def instances(self) -> list[InstanceGroup]: ...
    @property
    def usd_by_confidence(self) -> dict[str, Decimal]: ...
    def subtotal(self, category: str) -> Decimal: ...
    def to_frame(self) -> pandas.DataFrame: ...

class Comparison:
    eks: PlatformReport
    ecs: PlatformReport
    def __init__(self, report_json: str, scenario: Scenario, catalog: Optional[Catalog] = None) -> None: ...
    @property
    def scenario(self) -> Scenario: ...
    @property
    def catalog(self) -> Catalog: ...
    @property
    def schema_version(self) -> int: ...
    @property
    def month(self) -> str: ...
    @property
    def hours_basis(self) -> str: ...
    @property
    def hours(self) -> Decimal: ...
    @property
    def region(self) -> str: ...
    @property
    def catalog_name(self) -> str: ...
    @property
    def catalog_date(self) -> str: ...
    @property
    def overlay(self) -> Optional[Mapping[str, Any]]: ...
    @property
    def warnings(self) -> list[ReportWarning]: ...
    @property
    def sources(self) -> list[Mapping[str, str]]: ...
    @property
    def difference(self) -> Decimal: ...
    @property
    def cheaper(self) -> Literal["eks", "ecs", "tie"]: ...
    @property
    def assumptions(self) -> list[Assumption]: ...
    def platform(self, name: Literal["eks", "ecs"]) -> PlatformReport: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def to_table(self) -> str: ...
    def to_csv(self) -> str: ...
    def to_frame(self) -> pandas.DataFrame: ...
    def _repr_html_(self) -> str: ...

def compare(scenario: _Source | Scenario, catalog: Optional[_Source | Catalog] = None) -> Comparison: ...
