"""Pricing catalogs: instance types, GPU models and orchestration fees, with where each figure came from.

A :class:`Catalog` is always valid: it is read by the C++ core and kept in normal form. Several
catalogs are embedded in libtco (:func:`embedded_catalog_names`, :func:`embedded_catalog`); others
are loaded from files, dicts or JSON text (:func:`load_catalog`) or imported from AWS's own files
(:mod:`libtco.catalog_import`). :meth:`Catalog.describe` resolves every figure of one instance type
(spot, commitments, Auto Mode) with its source and confidence.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Mapping, Optional

from . import _core
from ._internal.document import PICKLE_VERSION, NormalizedDocument, check_pickle_version, normalized_text
from ._internal.source import Source, to_json_text

if TYPE_CHECKING:
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


def _decimal(text: Any) -> Decimal:
    return Decimal(str(text))


def _optional_decimal(text: Any) -> Optional[Decimal]:
    return None if text is None else Decimal(str(text))


@dataclass(frozen=True)
class Fee:
    """A price per unit-hour of something other than an instance, e.g. an EKS cluster-hour."""

    id: str
    usd_per_hour: Decimal
    per: str
    source: str
    note: str = ""


@dataclass(frozen=True)
class Share:
    """A figure that is a share rather than a price, e.g. the EKS Auto Mode fee as a share of on-demand."""

    id: str
    value: Decimal
    low: Optional[Decimal]
    high: Optional[Decimal]
    source: str
    note: str = ""


@dataclass(frozen=True)
class GpuModel:
    """A GPU model and the sharing it supports."""

    id: str
    vendor: str
    memory_gib: Decimal
    time_slicing: bool
    mps: bool
    mig: Optional[Mapping[str, Any]]
    source: str


@dataclass(frozen=True)
class InstanceType:
    """An EC2 instance type as the catalog describes it. Quantities and prices are exact ``Decimal``.

    ``gpu_model`` and ``gpu_memory_gib`` are None for types without GPUs; ``allocatable_*`` is
    what a Kubernetes node offers to pods (None: the nominal figure); ``on_demand_usd_per_hour``
    is None for types the catalog has no price for.
    """

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

    @classmethod
    def _from_json(cls, name: str, j: Mapping[str, Any]) -> InstanceType:
        gpus = _decimal(j.get("gpus", "0"))
        return cls(
            name=name,
            family=j["family"],
            arch=j["arch"],
            vcpu=_decimal(j["vcpu"]),
            memory_gib=_decimal(j["memory_gib"]),
            gpus=gpus,
            gpu_model=j.get("gpu_model"),
            gpu_memory_gib=_optional_decimal(j.get("gpu_memory_gib")),
            allocatable_vcpu=_optional_decimal(j.get("allocatable_vcpu")),
            allocatable_memory_gib=_optional_decimal(j.get("allocatable_memory_gib")),
            max_pods=j.get("max_pods"),
            on_demand_usd_per_hour=_optional_decimal(j.get("on_demand_usd_per_hour")),
            spec_source=j["spec_source"],
            price_source=j.get("price_source"),
        )

    @property
    def has_gpus(self) -> bool:
        """True if the type has (whole or fractional) GPUs."""
        return self.gpus > 0


def _natural_order(t: InstanceType) -> tuple[Any, ...]:
    return (t.family, t.vcpu, t.memory_gib, t.gpus, t.name)


#: The columns of :meth:`Catalog.to_frame`, after the ``instance_type`` index.
FRAME_COLUMNS = (
    "family",
    "arch",
    "vcpu",
    "memory_gib",
    "gpus",
    "gpu_model",
    "gpu_memory_gib",
    "allocatable_vcpu",
    "allocatable_memory_gib",
    "max_pods",
    "on_demand_usd_per_hour",
    "spec_source",
    "price_source",
)


class Catalog(NormalizedDocument):
    """A validated pricing catalog.

    Build one with :func:`load_catalog` or :func:`embedded_catalog`. Catalogs are immutable,
    compare equal when their normal forms are equal, and can be pickled.
    """

    __slots__ = ("_embedded_name", "_source", "_types")

    _source: Optional[str]
    _embedded_name: Optional[str]
    _types: Optional[Mapping[str, InstanceType]]

    def __init__(self, source: Source | Catalog) -> None:
        """Reads and validates ``source``: a path, a dict or JSON text (see :func:`load_catalog`)."""
        if isinstance(source, Catalog):
            self._set(source._text, source._source, embedded_name=source._embedded_name)
            return
        text, filename = to_json_text(source, what="catalog")
        self._set_text(text, filename)

    def _set_text(self, text: str, filename: Optional[str]) -> None:
        self._set(normalized_text(_core.normalize_catalog, text, filename), text, embedded_name=None)

    @classmethod
    def _from_text(cls, text: str, filename: Optional[str] = None) -> Catalog:
        """A catalog from JSON text (whatever its first character), ``filename`` naming it in errors."""
        catalog = cls.__new__(cls)
        catalog._set_text(text, filename)
        return catalog

    def _set(self, normalized: str, source: Optional[str], *, embedded_name: Optional[str]) -> None:
        self._set_normalized(normalized)
        self._source = source
        self._embedded_name = embedded_name
        self._types = None

    @classmethod
    def embedded(cls, name: Optional[str] = None) -> Catalog:
        """A catalog compiled into libtco by name (None: the default; same as :func:`embedded_catalog`).

        Raises:
            NotFoundError: no embedded catalog has that name.
        """
        text = _core.embedded_catalog_json(name)
        catalog = cls.__new__(cls)
        catalog._set(_core.normalize_catalog(text), text, embedded_name=name or _core.default_catalog_name())
        return catalog

    @property
    def _core_json(self) -> str:
        """The validated text to hand the C++ core."""
        assert self._source is not None
        return self._source

    @property
    def name(self) -> str:
        """The catalog's name, e.g. ``"aws-us-east-1-2026-07-20"``."""
        return str(self._data["name"])

    @property
    def region(self) -> str:
        """The AWS region its prices are for, e.g. ``"us-east-1"``."""
        return str(self._data["region"])

    @property
    def currency(self) -> str:
        """Always ``"USD"``."""
        return str(self._data["currency"])

    @property
    def effective_date(self) -> str:
        """The date the prices were taken, ``"YYYY-MM-DD"``."""
        return str(self._data["effective_date"])

    @property
    def description(self) -> str:
        """The free-text description (``""`` if none)."""
        return str(self._data.get("description", ""))

    @property
    def is_embedded(self) -> bool:
        """True for a catalog compiled into libtco."""
        return self._embedded_name is not None

    @property
    def sources(self) -> Mapping[str, Mapping[str, str]]:
        """Every source the catalog cites, by id: ``title``, ``url``, ``retrieved`` and ``confidence``."""
        return types.MappingProxyType({k: types.MappingProxyType(dict(v)) for k, v in self._data["sources"].items()})

    @property
    def shares(self) -> Mapping[str, Share]:
        """Figures that are shares by id: ``eks_auto_mode_fee``, ``fargate_spot_discount``, ..."""
        return types.MappingProxyType(
            {
                share_id: Share(
                    share_id,
                    _decimal(v["value"]),
                    _optional_decimal(v.get("low")),
                    _optional_decimal(v.get("high")),
                    v["source"],
                    v.get("note", ""),
                )
                for share_id, v in self._data.get("shares", {}).items()
            }
        )

    def describe(self, instance_type: str) -> dict[str, Any]:
        """Everything the catalog says about one instance type, every figure resolved and cited.

        Keys: ``specs``, ``gpu_model`` (with MIG profiles), ``on_demand``, ``spot`` (price, savings,
        interruption bucket, and whether the figure is the type's own, its family's or the generic
        default), ``commitments`` (the 18 plan x term x payment rates), ``eks_auto_mode`` (the fee,
        and the lower-confidence variants). Each figure carries ``source`` and ``confidence``.
        Decimal figures are exact ``decimal.Decimal``.

        Raises:
            NotFoundError: the catalog has no such instance type.
        """
        import json

        return json.loads(_core.describe_instance_type(self._core_json, instance_type), parse_float=Decimal, object_hook=_decimals)

    @property
    def fees(self) -> Mapping[str, Fee]:
        """Orchestration fees by id: ``eks_cluster_standard``, ``eks_cluster_extended``, ``ecs_cluster``, ..."""
        return types.MappingProxyType(
            {
                fee_id: Fee(fee_id, _decimal(f["usd"]), f["per"], f["source"], f.get("note", ""))
                for fee_id, f in self._data["fees"].items()
            }
        )

    @property
    def gpu_models(self) -> Mapping[str, GpuModel]:
        """GPU models by id, e.g. ``"A10G"``."""
        return types.MappingProxyType(
            {
                model_id: GpuModel(
                    model_id, g["vendor"], _decimal(g["memory_gib"]), g["time_slicing"], g["mps"], g["mig"], g["source"]
                )
                for model_id, g in self._data["gpu_models"].items()
            }
        )

    @property
    def instance_types(self) -> Mapping[str, InstanceType]:
        """Instance types by name, in natural order (family, then size). See also :meth:`to_frame`."""
        if self._types is None:
            parsed = [InstanceType._from_json(name, j) for name, j in self._data["instance_types"].items()]
            self._types = types.MappingProxyType({t.name: t for t in sorted(parsed, key=_natural_order)})
        return self._types

    def to_frame(self, *, gpu_only: bool = False) -> pandas.DataFrame:
        """The instance types as a pandas DataFrame indexed by ``instance_type``.

        Columns: see ``FRAME_COLUMNS``. Quantities (vCPU, memory, GPUs) are ``float64`` for analysis
        and plotting; ``on_demand_usd_per_hour`` holds exact ``decimal.Decimal`` (None where the
        catalog has no price); ``max_pods`` is a nullable integer.

        Args:
            gpu_only: Keep only the types with GPUs.
        """
        import pandas as pd

        rows = [t for t in self.instance_types.values() if t.has_gpus or not gpu_only]

        def floats(get: Any) -> list[float]:
            return [float("nan") if get(t) is None else float(get(t)) for t in rows]

        frame = pd.DataFrame(
            {
                "family": [t.family for t in rows],
                "arch": [t.arch for t in rows],
                "vcpu": floats(lambda t: t.vcpu),
                "memory_gib": floats(lambda t: t.memory_gib),
                "gpus": floats(lambda t: t.gpus),
                "gpu_model": [t.gpu_model for t in rows],
                "gpu_memory_gib": floats(lambda t: t.gpu_memory_gib),
                "allocatable_vcpu": floats(lambda t: t.allocatable_vcpu),
                "allocatable_memory_gib": floats(lambda t: t.allocatable_memory_gib),
                "max_pods": pd.array([t.max_pods for t in rows], dtype="Int64"),
                "on_demand_usd_per_hour": pd.array([t.on_demand_usd_per_hour for t in rows], dtype=object),
                "spec_source": [t.spec_source for t in rows],
                "price_source": [t.price_source for t in rows],
            },
            index=pd.Index([t.name for t in rows], name="instance_type"),
        )
        return frame[list(FRAME_COLUMNS)]

    def __repr__(self) -> str:
        if self._embedded_name is not None:
            if self._embedded_name == _core.default_catalog_name():
                return f"{type(self).__name__}.embedded()"
            return f"{type(self).__name__}.embedded({self._embedded_name!r})"
        return f"{type(self).__name__}({self.to_dict()!r})"

    def __getstate__(self) -> dict[str, Any]:
        return {"version": PICKLE_VERSION, "json": self._text, "embedded": self._embedded_name}

    def __setstate__(self, state: dict[str, Any]) -> None:
        check_pickle_version(state, "Catalog")
        normalized = _core.normalize_catalog(state["json"])
        # Still an embedded catalog only if this libtco embeds the very same one under that name.
        name = state.get("embedded") or None
        if name is not None and (
            name not in _core.embedded_catalog_names() or normalized != _core.normalize_catalog(_core.embedded_catalog_json(name))
        ):
            name = None
        self._set(normalized, normalized, embedded_name=name)


def load_catalog(source: Source | Catalog) -> Catalog:
    """Reads and validates a pricing catalog.

    Args:
        source: A path (``str`` or ``os.PathLike``) to a UTF-8 JSON file, a ``dict`` of JSON
            data (decimals exact as ``Decimal`` or ``str``), JSON text (a ``str`` whose first
            non-space character is ``{``), or a :class:`Catalog` (returned as is).

    Raises:
        ParseError, ValidationError, NotFoundError: the catalog is not valid; ``path`` is the JSON
            pointer of the offending value.
        InputError: the file cannot be read.
        TypeError: ``source`` is none of the above.
    """
    if isinstance(source, Catalog):
        return source
    return Catalog(source)


def embedded_catalog(name: Optional[str] = None) -> Catalog:
    """A catalog compiled into libtco (None: the default, the newest us-east-1 one).

    See :func:`embedded_catalog_names` for the others (e.g. ``"aws-us-east-1-2025-04-01"``, before
    the June 2025 GPU price cut).
    """
    return Catalog.embedded(name)


def embedded_catalog_names() -> list[str]:
    """The names of the catalogs compiled into libtco, ordered by region and effective date."""
    return list(_core.embedded_catalog_names())


def _decimals(obj: dict[str, Any]) -> dict[str, Any]:
    """Decimal strings of a described type become ``Decimal`` (names, ids and labels stay text)."""
    text_keys = {"instance_type", "name", "region", "effective_date", "family", "arch", "gpu_model", "id", "vendor",
                 "source", "confidence", "plan", "term", "payment", "basis", "interruption"}
    return {k: (Decimal(v) if isinstance(v, str) and k not in text_keys else v) for k, v in obj.items()}
