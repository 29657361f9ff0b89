import os
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping, Optional, Union

import pandas

__all__ = [
    "Catalog",
    "Fee",
    "GpuModel",
    "InstanceType",
    "Share",
    "embedded_catalog",
    "embedded_catalog_names",
    "load_catalog",
]

_Source = Union[str, os.PathLike[str], Mapping[str, Any]]

FRAME_COLUMNS: tuple[str, ...]

@dataclass(frozen=True)
class Fee:
    id: str
    usd_per_hour: Decimal
    per: str
    source: str
    note: str = ""

@dataclass(frozen=True)
class Share:
    id: str
    value: Decimal
    low: Optional[Decimal]
    high: Optional[Decimal]
    source: str
    note: str = ""

@dataclass(frozen=True)
class GpuModel:
    id: str
    vendor: str
    memory_gib: Decimal
    time_slicing: bool
    mps: bool
    mig: Optional[Mapping[str, Any]]
    source: str

@dataclass(frozen=True)
class InstanceType:
    name: str
    family: str
    arch: str
    vcpu: Decimal
    memory_gib: Decimal
    gpus: Decimal
    gpu_model: Optional[str]
    gpu_memory_gib: Optional[Decimal]
    allocatable_vcpu: Optional[Decimal]
    allocatable_memory_gib: Optional[Decimal]
    max_pods: Optional[int]
    on_demand_usd_per_hour: Optional[Decimal]
    spec_source: str
    price_source: Optional[str]
    @property
    def has_gpus(self) -> bool: ...

class Catalog:
    def __init__(self, source: _Source | Catalog) -> None: ...
    @classmethod
    def embedded(cls, name: Optional[str] = None) -> Catalog: ...
    @property
    def name(self) -> str: ...
    @property
    def region(self) -> str: ...
    @property
    def currency(self) -> str: ...
    @property
    def effective_date(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def is_embedded(self) -> bool: ...
    @property
    def sources(self) -> Mapping[str, Mapping[str, str]]: ...
    @property
    def shares(self) -> Mapping[str, Share]: ...
    def describe(self, instance_type: str) -> dict[str, Any]: ...
    @property
    def fees(self) -> Mapping[str, Fee]: ...
    @property
    def gpu_models(self) -> Mapping[str, GpuModel]: ...
    @property
    def instance_types(self) -> Mapping[str, InstanceType]: ...
    def to_frame(self, *, gpu_only: bool = False) -> pandas.DataFrame: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

def load_catalog(source: _Source | Catalog) -> Catalog: ...
def embedded_catalog(name: Optional[str] = None) -> Catalog: ...
def embedded_catalog_names() -> list[str]: ...
