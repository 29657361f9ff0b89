"""Scenarios: the team, the workloads and how each platform would run them, for one billed month.

A :class:`Scenario` is always valid: it is read by the C++ core (strict: unknown keys are errors,
numbers exact) and kept in normal form, every default explicit.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Optional

from . import _core
from ._internal.document import PICKLE_VERSION, NormalizedDocument, check_pickle_version, normalized_text
from ._internal.edit import merge, plain, set_pointer
from ._internal.jsontext import dumps
from ._internal.source import Source, to_json_text
from .workload import Workload

if TYPE_CHECKING:
    import pandas

__all__ = ["Scenario", "default_scenario", "load_scenario"]

#: The scenario format this libtco writes (``schema_version``).
SCHEMA_VERSION = 1


class Scenario(NormalizedDocument):
    """A validated scenario for one billed month.

    Build one with :func:`load_scenario` (or ``Scenario(source)``, which accepts the same
    sources), from keyword arguments (``Scenario(month=..., team=..., workloads=[Workload(...)])``)
    or from another one with :meth:`replace`. It holds the scenario in normal form, as the C++
    core writes it back: every default explicit, decimals as exact strings (``"0.15"``), keys in
    a stable order.

    Scenarios are immutable, compare equal when their normal forms are equal, can be hashed
    and pickled, and ``repr()`` evaluates back to an equal scenario.
    """

    __slots__ = ()

    def __init__(self, source: Source | Scenario | None = None, /, **fields: Any) -> None:
        """Reads and validates ``source`` (a path, a dict or JSON text, see :func:`load_scenario`), or
        builds a scenario from keyword arguments, the scenario's top-level keys::

            Scenario(month="2026-09", team={"engineers": 6, "loaded_cost_per_engineer_year": 200000},
                     workloads=[Workload("chat", replicas=2, gpus=1, gpu_memory_gib=20, vcpu=3, memory_gib=12)],
                     eks={"gpu_sharing": "time-slicing"})

        With both, ``fields`` change ``source`` as :meth:`replace` does. ``schema_version`` defaults
        to the current one when building from keywords.
        """
        if source is None:
            if not fields:
                raise TypeError("Scenario() needs a source (a path, a dict or JSON text) or the scenario's keys as keyword arguments")
            document = {"schema_version": SCHEMA_VERSION, **plain(fields)}
            self._set_normalized(_core.normalize_scenario(dumps(document)))
            return
        if isinstance(source, Scenario):
            normalized = source._text
        else:
            text, filename = to_json_text(source, what="scenario")
            normalized = normalized_text(_core.normalize_scenario, text, filename)
        if fields:
            normalized = _edited(normalized, None, fields)
        self._set_normalized(normalized)

    @classmethod
    def _from_normalized(cls, normalized: str) -> Scenario:
        scenario = cls.__new__(cls)
        scenario._set_normalized(normalized)
        return scenario

    @property
    def name(self) -> str:
        """The scenario's name (``"scenario"`` if the document gives none)."""
        return str(self._data["name"])

    @property
    def description(self) -> str:
        """The free-text description (``""`` if none)."""
        return str(self._data.get("description", ""))

    @property
    def region(self) -> str:
        """The AWS region, e.g. ``"us-east-1"``; it must match the catalog's."""
        return str(self._data["region"])

    @property
    def month(self) -> str:
        """The billed month, ``"YYYY-MM"``."""
        return str(self._data["month"])

    @property
    def hours_basis(self) -> str:
        """``"aws-730"`` (AWS's 730-hour month) or ``"calendar"`` (the real month in UTC)."""
        return str(self._data["hours_basis"])

    @property
    def workloads(self) -> list[dict[str, Any]]:
        """The workloads in normal form (a copy)."""
        workloads: list[dict[str, Any]] = self.to_dict()["workloads"]
        return workloads

    def workload(self, name: str) -> Workload:
        """The workload named ``name`` as a :class:`Workload` (raises KeyError if there is none)."""
        for workload in self._data["workloads"]:
            if workload["name"] == name:
                return Workload(**workload)
        raise KeyError(f"the scenario has no workload named {name!r}")

    def replace(self, changes: Optional[Mapping[str, Any]] = None, /, **fields: Any) -> Scenario:
        """A what-if: a new scenario with some values changed (this one is left as it is).

        ``fields`` are top-level keys; an object merges key by key into the one it replaces,
        ``None`` removes a key so its default applies, and ``workloads`` given as a mapping changes
        the named workloads::

            s.replace(team={"engineers": 8}, eks={"gpu_sharing": "mig"})
            s.replace(workloads={"chat-llm": {"gpu_models": ["L4"]}})

        ``changes`` maps JSON pointers (a workload by name or index) to new values, applied after
        ``fields``::

            s.replace({"/team/engineers": 8, "/workloads/chat-llm/replicas": 4})

        Changing ``gpu_sharing``, ``autoscaler``, ``replicas`` or ``demand`` resets the settings whose
        defaults follow it (``replicas_per_gpu``, ...) unless the same edit gives them. The result is
        validated like a file: a bad value raises with its path.
        """
        return Scenario._from_normalized(_edited(self._text, changes, fields))

    def to_frame(self) -> pandas.DataFrame:
        """The workloads, one row each (columns as in the scenario; decimals as ``Decimal``)."""
        import pandas as pd

        rows = [{k: (v if k == "name" else _decimal(v)) for k, v in w.items()} for w in self._data["workloads"]]
        return pd.DataFrame(rows).set_index("name") if rows else pd.DataFrame()

    def __repr__(self) -> str:
        if self._text == _default_text():
            return "default_scenario()"
        return f"{type(self).__name__}({self._data!r})"

    def __getstate__(self) -> dict[str, Any]:
        return {"version": PICKLE_VERSION, "json": self._text}

    def __setstate__(self, state: dict[str, Any]) -> None:
        check_pickle_version(state, "Scenario")
        self._set_normalized(_core.normalize_scenario(state["json"]))


def load_scenario(source: Source | Scenario) -> Scenario:
    """Reads and validates a scenario.

    Args:
        source: One of
            - a path (``str`` or ``os.PathLike``) to a UTF-8 JSON file;
            - a ``dict`` of JSON data. Money and other decimals are exact when given as
              ``decimal.Decimal`` or ``str`` (``"0.9"``); a ``float`` is written with
              ``repr()``, the shortest text that reads back as the same float, so ``0.9``
              means 0.9 but the result of float arithmetic keeps its binary error;
            - JSON text: a ``str`` whose first non-space character is ``{``;
            - a :class:`Scenario`, returned as is.

    Returns:
        The scenario in normal form.

    Raises:
        ParseError: the text is not JSON (``libtco.parse.*``).
        ValidationError: a value has the wrong type, range or format, or a key is unknown or
            missing; ``path`` is its JSON pointer, e.g. ``/workloads/0/replicas``.
        InputError: the file cannot be read.
        TypeError: ``source`` is none of the above.
    """
    if isinstance(source, Scenario):
        return source
    return Scenario(source)


def default_scenario() -> Scenario:
    """The scenario embedded in libtco: six engineers running LLM inference, CPU services and a
    monthly fine-tuning job (what ``tco compare`` uses when given no file)."""
    return Scenario(_core.default_scenario_json())


@functools.lru_cache(maxsize=1)
def _default_text() -> str:
    return str(_core.normalize_scenario(_core.default_scenario_json()))


def _edited(normalized: str, changes: Optional[Mapping[str, Any]], fields: Mapping[str, Any]) -> str:
    """The normal form of a scenario with ``fields`` merged and ``changes`` (pointer -> value) set."""
    document: dict[str, Any] = json.loads(normalized)
    merge(document, fields)
    for pointer, value in (changes or {}).items():
        set_pointer(document, pointer, value)
    return str(_core.normalize_scenario(dumps(document)))


def _decimal(value: Any) -> Any:
    """Decimal text of the normal form as ``Decimal``; other values as they are."""
    if isinstance(value, str):
        try:
            number = Decimal(value)
        except ArithmeticError:
            return value
        return number if number.is_finite() else value
    return value
