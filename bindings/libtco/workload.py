"""One workload of a scenario, built in Python with keyword arguments."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from . import _core
from ._internal.edit import merge, plain
from ._internal.jsontext import dumps
from .errors import Error

__all__ = ["Workload"]

# Just enough of a scenario around one workload for the C++ reader to check it: a calendar month of
# 31 days, the widest range of hours any scenario allows (its own month and basis check it again).
_PROBE = {"schema_version": 1, "month": "2026-01", "hours_basis": "calendar",
          "team": {"engineers": 0, "loaded_cost_per_engineer_year": 0}}
_PROBE_PATH = "/workloads/0"


class Workload(Mapping[str, Any]):
    """A workload: ``Workload(name="chat", replicas=2, gpus="0.5", gpu_memory_gib=10, vcpu=2, memory_gib=8)``.

    The keyword arguments are the keys of a scenario's ``workloads[]`` entry (``replicas`` or
    ``demand``, ``gpus``, ``gpu_memory_gib``, ``vcpu``, ``memory_gib``, ``hours``, ``gpu_models``,
    ``arch``, ``spot_tolerant``, ``fargate``, ...; see the README). They are checked at once by the
    C++ reader, so a bad value raises :class:`~libtco.errors.ValidationError` with the path of the
    key (``/gpus``). Give decimals as ``str`` or ``Decimal`` to keep them exact.

    A Workload is an immutable mapping of its normal form (every default explicit); ``repr()``
    shows the arguments it was built with and evaluates back to an equal workload.
    """

    __slots__ = ("_fields", "_normal")

    _fields: dict[str, Any]
    _normal: dict[str, Any]

    def __init__(self, name: str, **fields: Any) -> None:
        """Builds and checks a workload named ``name`` from the keys of a scenario workload."""
        given = {"name": name, **{k: _exact(v) for k, v in plain(fields).items()}}
        self._fields = given
        self._normal = _normal_form(given)

    @property
    def name(self) -> str:
        """The workload's name (unique within a scenario)."""
        return str(self._normal["name"])

    def replace(self, **fields: Any) -> Workload:
        """A copy with ``fields`` changed (objects merge; ``None`` restores a default)."""
        given = copy.deepcopy(self._fields)
        merge(given, fields)
        return Workload(**given)

    def to_dict(self) -> dict[str, Any]:
        """The workload in normal form, as a scenario's ``to_dict()`` shows it (a fresh copy)."""
        data: dict[str, Any] = json.loads(json.dumps(self._normal))
        return data

    def __getitem__(self, key: str) -> Any:
        return copy.deepcopy(self._normal[key])  # a copy: a workload is immutable (and hashed)

    def __iter__(self) -> Iterator[str]:
        return iter(self._normal)

    def __len__(self) -> int:
        return len(self._normal)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Workload):
            return NotImplemented
        return self._normal == other._normal

    def __hash__(self) -> int:
        return hash(json.dumps(self._normal, sort_keys=True))

    def __repr__(self) -> str:
        arguments = ", ".join(f"{key}={value!r}" for key, value in self._fields.items())
        return f"{type(self).__name__}({arguments})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._fields,))


def _rebuild(fields: dict[str, Any]) -> Workload:
    return Workload(**fields)


def _exact(value: Any) -> Any:
    """Decimals are kept as whole numbers or as their exact text (so ``repr()`` needs no import to
    evaluate back, and whole-number keys such as ``replicas`` still read as whole numbers)."""
    if isinstance(value, Decimal):
        return int(value) if value.is_finite() and value == value.to_integral_value() else str(value)
    if isinstance(value, list):
        return [_exact(v) for v in value]
    if isinstance(value, dict):
        return {k: _exact(v) for k, v in value.items()}
    return value


def _normal_form(fields: dict[str, Any]) -> dict[str, Any]:
    try:
        text = _core.normalize_scenario(dumps({**_PROBE, "workloads": [fields]}))
    except Error as e:
        if e.path == _PROBE_PATH or e.path.startswith(_PROBE_PATH + "/"):
            raise type(e).from_code(e.code_number, e.path[len(_PROBE_PATH):], e.detail) from None
        raise
    workload: dict[str, Any] = json.loads(text)["workloads"][0]
    return workload
