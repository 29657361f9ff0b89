"""Scenarios: the team, the workloads and how each platform would run them, for one billed month.

A :class:`Scenario` is always valid: it is read by the C++ core (strict: unknown keys are errors,
numbers exact) and kept in normal form, every default explicit.
"""

from __future__ import annotations

from typing import Any

from . import _core
from ._document import PICKLE_VERSION, NormalizedDocument, check_pickle_version, normalized_text
from ._source import Source, to_json_text

__all__ = ["Scenario", "default_scenario", "load_scenario"]


class Scenario(NormalizedDocument):
    """A validated scenario for one billed month.

    Build one with :func:`load_scenario` (or ``Scenario(source)``, which accepts the same
    sources). It holds the scenario in normal form, as the C++ core writes it back: every
    default explicit, decimals as exact strings (``"0.15"``), keys in a stable order.

    Scenarios are immutable, compare equal when their normal forms are equal, can be hashed
    and pickled, and ``repr()`` evaluates back to an equal scenario.
    """

    __slots__ = ()

    def __init__(self, source: Source | Scenario) -> None:
        """Reads and validates ``source``: a path, a dict or JSON text (see :func:`load_scenario`)."""
        if isinstance(source, Scenario):
            self._set_normalized(source._text)
            return
        text, filename = to_json_text(source, what="scenario")
        self._set_normalized(normalized_text(_core.normalize_scenario, text, filename))

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

    def __repr__(self) -> str:
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
