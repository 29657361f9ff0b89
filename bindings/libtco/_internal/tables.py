"""The tables a result hands its spreadsheet writer: sheets of typed columns, built by each result
(``result._sheets()``) so that the writer (:mod:`libtco.spreadsheet`) knows no result type."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable, Optional, Sequence

from .. import _core

#: Rows of data a sheet can hold: Excel's 1,048,576 rows less the header.
MAX_ROWS = 1_048_575


@dataclass(frozen=True)
class Cell:
    """A value with a kind of its own, in a column of mixed kinds (the About sheets)."""

    value: Any
    kind: str


@dataclass
class Sheet:
    """One sheet: its name (at most 31 characters), column headers and kinds, and rows."""

    name: str
    headers: Sequence[str]
    kinds: Sequence[str]  # per column: "text", "number", "money", "month", "date", "share"
    rows: Iterable[Sequence[Any]] = field(default_factory=list)


def cents(value: Any) -> Decimal:
    """int64 cents as exact dollars."""
    return Decimal(int(value)).scaleb(-2)


def month(text: Optional[str]) -> Optional[datetime.date]:
    """A ``YYYY-MM`` month as the date of its first day."""
    if text is None:
        return None
    year, number = text.split("-")
    return datetime.date(int(year), int(number), 1)


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def present(value: Any, kind: Any = None) -> Any:
    """A value of a frame, None where it is missing (None or pandas.NA: a month without an EKS cluster)."""
    import pandas as pd

    if value is None or pd.isna(value):
        return None
    return value if kind is None else kind(value)


def platform_name(cheaper: str) -> str:
    """``"EKS"``, ``"ECS"`` or ``"tie"``."""
    return cheaper if cheaper == "tie" else cheaper.upper()


def version_field() -> tuple[str, str]:
    return ("libtco version", str(_core.version))


def about(fields: Iterable[tuple[str, Any]]) -> Sheet:
    """The About sheet: one row per field."""
    return Sheet("About", ("field", "value"), ("text", "text"), [[name, value] for name, value in fields])
