"""Results as XLSX workbooks that open cleanly in a spreadsheet (the optional extra ``libtco[xlsx]``).

:func:`to_excel` (and each result's ``to_excel(path)`` method, and ``tco ... --format xlsx -o FILE``)
writes one sheet per table:

* :class:`~libtco.Comparison`: *Summary* (each platform's total, split by confidence, and EKS - ECS),
  *Line items* (platform, category, item, detail, USD, confidence, sources), *Showback* (compute
  per workload and idle) and *About* (scenario, month, catalog, warnings).
* :class:`~libtco.Projection`: *Summary* (horizon totals and NPVs), *Months* (each platform's total,
  the difference and the cumulative totals per month), *By item* (one row per month and platform,
  a column per line item, then the total) and *Line items* (long format, as the CSV).
* :class:`~libtco.Sweep`: *Sweep* (a column per parameter, then EKS, ECS, EKS - ECS) and *About*.
* :class:`~libtco.MonteCarlo`: *Summary* (mean, standard deviation, min, percentiles, max), *Samples*
  (every sample's draws and totals, when they fit in a sheet) and *About* (seed, distributions,
  P(EKS cheaper)).
* :class:`~libtco.Tornado` (*Tornado*, *About*) and :class:`~libtco.BreakEven` (*Crossings*, *About*).

Conventions: money is a number cell with a dollar format, written from the exact ``Decimal`` cents
(a spreadsheet stores doubles; an amount with at most 15 significant digits, every cent amount
below $10 trillion, is stored as the double nearest to it and shown exactly). Months are dates
(the 1st) shown ``yyyy-mm``, days ``yyyy-mm-dd``. Each sheet's header row is bold and frozen, its
columns sized to their contents; there are no formulas. A sheet holds at most 1,048,575 rows of
data (Excel's limit): a larger sweep is an error (write CSV instead), a larger Monte Carlo leaves
out its *Samples* sheet and says so in *About*.
"""

from __future__ import annotations

import datetime
import io
import itertools
import json
import os
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, BinaryIO, Iterable, Optional, Sequence, Union

from . import _core

if TYPE_CHECKING:
    from .analysis import BreakEven, MonteCarlo, Sweep, Tornado
    from .comparison import Comparison
    from .projection import Projection

__all__ = ["MAX_ROWS", "MONEY_FORMAT", "to_excel", "workbook_bytes"]

#: The number format of money cells: dollars and cents, negative amounts in red with a minus sign.
MONEY_FORMAT = '"$"#,##0.00;[Red]-"$"#,##0.00'
#: Rows of data a sheet can hold: Excel's 1,048,576 rows less the header.
MAX_ROWS = 1_048_575

_MONTH_FORMAT = "yyyy-mm"
_DATE_FORMAT = "yyyy-mm-dd"
_SHARE_FORMAT = "0.0000"
_INSTALL_HINT = "pip install 'libtco[xlsx]'"
_WIDTH_SAMPLE = 2000  # rows looked at to size a column
_MAX_WIDTH = 60

Target = Union[str, "os.PathLike[str]", BinaryIO]


@dataclass(frozen=True)
class _Cell:
    """A value with a kind of its own, in a column of mixed kinds (the About sheets)."""

    value: Any
    kind: str


@dataclass
class _Table:
    """One sheet: its name (at most 31 characters), column headers and kinds, and rows."""

    name: str
    headers: Sequence[str]
    kinds: Sequence[str]  # per column: "text", "number", "money", "month", "date", "share"
    rows: Iterable[Sequence[Any]] = field(default_factory=list)


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError as e:
        raise ModuleNotFoundError(f"writing XLSX needs openpyxl, an optional dependency of libtco: {_INSTALL_HINT}", name="openpyxl") from e
    return openpyxl


def _cents(cents: Any) -> Decimal:
    """int64 cents as exact dollars."""
    return Decimal(int(cents)).scaleb(-2)


def _month(text: Optional[str]) -> Optional[datetime.date]:
    """A ``YYYY-MM`` month as the date of its first day."""
    if text is None:
        return None
    year, month = text.split("-")
    return datetime.date(int(year), int(month), 1)


def _present(value: Any, kind: Any = None) -> Any:
    """A value of a frame, None where it is missing (None or pandas.NA: a month without an EKS cluster)."""
    import pandas as pd

    if value is None or pd.isna(value):
        return None
    return value if kind is None else kind(value)


def _day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _shown(value: Any, kind: str) -> str:
    """Roughly what a spreadsheet shows, to size the column."""
    if value is None:
        return ""
    if kind == "money" and isinstance(value, (Decimal, float, int)):
        return f"${value:,.2f}"
    if isinstance(value, datetime.date):
        return "0000-00" if kind == "month" else "0000-00-00"
    return str(value)


def _width(header: str, values: Iterable[Any], kind: str) -> float:
    longest = max([len(header)] + [len(_shown(v.value, v.kind) if isinstance(v, _Cell) else _shown(v, kind)) for v in values])
    return min(longest + 2, _MAX_WIDTH)


_FORMATS = {"money": MONEY_FORMAT, "month": _MONTH_FORMAT, "date": _DATE_FORMAT, "share": _SHARE_FORMAT}


def _write_table(workbook: Any, table: _Table) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    assert len(table.name) <= 31, table.name
    sheet = workbook.create_sheet(table.name)
    rows = iter(table.rows)
    head = list(itertools.islice(rows, _WIDTH_SAMPLE))
    for index, (header, kind) in enumerate(zip(table.headers, table.kinds)):
        sheet.column_dimensions[get_column_letter(index + 1)].width = _width(header, (r[index] for r in head), kind)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in table.headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    kinds = list(table.kinds)
    for row in itertools.chain(head, rows):
        out = []
        for value, kind in zip(row, kinds):
            if isinstance(value, _Cell):
                value, kind = value.value, value.kind
            number_format = _FORMATS.get(kind)
            if number_format is None or value is None:
                out.append(value)
            else:
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = number_format
                out.append(cell)
        sheet.append(out)


def _save(tables: Sequence[_Table], target: Target) -> None:
    openpyxl = _openpyxl()
    workbook = openpyxl.Workbook(write_only=True)
    for table in tables:
        _write_table(workbook, table)
    workbook.save(os.fspath(target) if isinstance(target, (str, os.PathLike)) else target)


def _about(fields: Iterable[tuple[str, Any]]) -> _Table:
    return _Table("About", ("field", "value"), ("text", "text"), [[name, value] for name, value in fields])


def _version() -> tuple[str, str]:
    return ("libtco version", str(_core.version))


# --- the tables of each result ----------------------------------------------------------------------


def _comparison_tables(c: Comparison) -> list[_Table]:
    reports = (("EKS", c.eks), ("ECS", c.ecs))
    levels = ("high", "medium", "low")
    summary = [[name, r.total] + [r.usd_by_confidence.get(level) for level in levels] for name, r in reports]
    summary.append(["EKS - ECS", c.difference, None, None, None])
    lines = [[name, li.category, li.item, li.detail, li.usd, li.confidence, "; ".join(li.sources)]
             for name, r in reports for li in r.line_items]
    showback = [[name, workload, usd] for name, r in reports for workload, usd in r.showback.items()]
    overlay = c.overlay
    about = [("scenario", c.scenario.name), ("month", _Cell(_month(c.month), "month")), ("hours", _Cell(c.hours, "number")),
             ("hours basis", c.hours_basis), ("region", c.region), ("catalog", c.catalog_name),
             ("catalog effective date", _Cell(_day(c.catalog_date), "date")),
             ("price overlay", None if overlay is None else overlay.get("name")), ("cheaper", c.cheaper.upper() if c.cheaper != "tie" else "tie"),
             _version()]
    about += [(f"warning: {w.code}", w.message) for w in c.warnings]
    return [
        _Table("Summary", ("platform", "total (USD)", "high confidence (USD)", "medium confidence (USD)", "low confidence (USD)"),
               ("text", "money", "money", "money", "money"), summary),
        _Table("Line items", ("platform", "category", "item", "detail", "USD", "confidence", "sources"),
               ("text", "text", "text", "text", "money", "text", "text"), lines),
        _Table("Showback", ("platform", "workload", "compute (USD)"), ("text", "text", "money"), showback),
        _about(about),
    ]


def _by_item(p: Projection) -> _Table:
    """One row per month and platform, a column per (category, item) in order of first appearance, then the total."""
    frame = p.to_frame()
    keys: dict[tuple[str, str], int] = {}
    cells: dict[tuple[str, str], dict[tuple[str, str], Decimal]] = {}
    for month, platform, category, item, usd in zip(frame["month"], frame["platform"], frame["category"], frame["item"], frame["usd"]):
        key = (category, item)
        keys.setdefault(key, len(keys))
        row = cells.setdefault((month, platform), {})
        row[key] = row.get(key, Decimal(0)) + usd  # an item twice in a month (not expected) still adds up
    totals = {(row.month, name): getattr(row, name) for row in p.totals_frame().itertuples() for name in ("eks", "ecs")}
    columns = sorted(keys, key=keys.__getitem__)
    rows = [[_month(month), platform.upper()] + [amounts.get(k) for k in columns] + [totals[(month, platform)]]
            for (month, platform), amounts in cells.items()]
    headers = ["month", "platform"] + [f"{item} ({category.replace('_', ' ')})" for category, item in columns] + ["total (USD)"]
    return _Table("By item", headers, ["month", "text"] + ["money"] * (len(columns) + 1), rows)


def _projection_tables(p: Projection) -> list[_Table]:
    totals, npv, unamortized = p.totals, p.npv, p.unamortized_after_horizon
    summary = [[name.upper(), totals[name], npv[name], unamortized[name]] for name in ("eks", "ecs")]
    summary.append(["EKS - ECS", p.difference, p.npv_difference, None])
    months = [[_month(str(r.month)), r.eks, r.ecs, r.difference, r.eks_cumulative, r.ecs_cumulative, r.catalog, _present(r.eks_support),
               _month(_present(r.eks_version_released)), _present(r.eks_version_age_months, int), _present(r.eks_upgraded, bool)]
              for r in p.totals_frame().itertuples()]
    frame = p.to_frame()
    lines = [[_month(m), platform.upper(), category, item, detail, usd, confidence]
             for m, platform, category, item, detail, usd, confidence in zip(frame["month"], frame["platform"], frame["category"], frame["item"],
                                                                             frame["detail"], frame["usd"], frame["confidence"])]
    about = [("scenario", p.scenario.name), ("start", _Cell(_month(p.start), "month")), ("end", _Cell(_month(p.end), "month")),
             ("months", _Cell(p.months, "number")), ("hours basis", p.hours_basis), ("discount rate (a year)", _Cell(p.discount_rate, "share")),
             ("EKS upgrade policy", p.spec["eks_lifecycle"]["upgrade_policy"]), ("cheaper over the horizon", p.cheaper.upper() if p.cheaper != "tie" else "tie"),
             ("cheaper in NPV", p.cheaper_npv.upper() if p.cheaper_npv != "tie" else "tie"), _version()]
    about += [(f"warning: {w.code}", f"{w.message} (months: {', '.join(w.months)})") for w in p.warnings]
    return [
        _Table("Summary", ("platform", "total (USD)", "NPV (USD)", "unamortized after horizon (USD)"), ("text", "money", "money", "money"), summary),
        _Table("Months", ("month", "EKS (USD)", "ECS (USD)", "EKS - ECS (USD)", "EKS cumulative (USD)", "ECS cumulative (USD)", "catalog",
                          "EKS support", "EKS version released", "EKS version age (months)", "EKS upgraded"),
               ("month", "money", "money", "money", "money", "money", "text", "text", "month", "number", "text"), months),
        _by_item(p),
        _Table("Line items", ("month", "platform", "category", "item", "detail", "USD", "confidence"),
               ("month", "text", "text", "text", "text", "money", "text"), lines),
        _about(about),
    ]


def _sweep_tables(s: Sweep) -> list[_Table]:
    if len(s) > MAX_ROWS:
        raise ValueError(f"a sweep of {len(s):,} points does not fit in a sheet (at most {MAX_ROWS:,} rows): write CSV instead")
    names = [name for name, _ in s.axes]
    points = itertools.product(*[values for _, values in s.axes])
    rows = ([*point, _cents(e), _cents(c), _cents(int(e) - int(c))] for point, e, c in zip(points, s.eks_cents.tolist(), s.ecs_cents.tolist()))
    about: list[tuple[str, Any]] = [(f"parameter {i + 1}", f"{name}: {len(values)} values from {values[0]} to {values[-1]}") for i, (name, values) in enumerate(s.axes)]
    about += [("points", _Cell(len(s), "number")), ("evaluation", "closed form (placement unchanged)" if s.closed_form else "each point re-placed"),
              _version()]
    return [
        _Table("Sweep", names + ["EKS (USD)", "ECS (USD)", "EKS - ECS (USD)"], ["number"] * len(names) + ["money"] * 3, rows),
        _about(about),
    ]


def _monte_carlo_tables(m: MonteCarlo) -> list[_Table]:
    statistics: list[tuple[str, Any]] = [("mean", "mean"), ("standard deviation", "stdev"), ("min", "min")]
    percentiles = list(m.summary["eks"]["percentiles"])
    columns = ("eks", "ecs", "difference")
    summary = [[label] + [m.summary[c][key] for c in columns] for label, key in statistics]
    summary += [[f"p{p}"] + [m.summary[c]["percentiles"][p] for c in columns] for p in percentiles]
    summary.append(["max"] + [m.summary[c]["max"] for c in columns])
    tables = [_Table("Summary", ("statistic", "EKS (USD)", "ECS (USD)", "EKS - ECS (USD)"), ("text", "money", "money", "money"), summary)]
    about = [("samples", _Cell(m.samples, "number")), ("seed", _Cell(m.spec["seed"], "number")),
             ("P(EKS cheaper)", _Cell(m.probability_eks_cheaper, "share")),
             ("evaluation", "closed form (placement unchanged)" if m.closed_form else "each sample re-placed")]
    about += [(p["parameter"], json.dumps(p["distribution"])) for p in m.spec["parameters"]]
    names = list(m.draws)
    if m.samples <= MAX_ROWS:
        draws = [m.draws[n].tolist() for n in names]
        rows = ([i] + [d[i] for d in draws] + [_cents(e), _cents(c), _cents(e - c)]
                for i, (e, c) in enumerate(zip(m.eks_cents.tolist(), m.ecs_cents.tolist())))
        tables.append(_Table("Samples", ["sample"] + names + ["EKS (USD)", "ECS (USD)", "EKS - ECS (USD)"],
                             ["number"] * (len(names) + 1) + ["money"] * 3, rows))
    else:
        about.append(("Samples", f"{m.samples:,} samples do not fit in a sheet (at most {MAX_ROWS:,} rows): write CSV for every sample"))
    tables.append(_about(about + [_version()]))
    return tables


def _tornado_tables(t: Tornado) -> list[_Table]:
    rows = [[b.parameter, b.base_value, b.low, b.high, b.difference_at_low, b.difference_at_high, b.swing] for b in t.bars]
    about = [("EKS at the scenario's values", _Cell(t.base_eks, "money")), ("ECS at the scenario's values", _Cell(t.base_ecs, "money")),
             ("EKS - ECS at the scenario's values", _Cell(t.base_difference, "money")), _version()]
    return [
        _Table("Tornado", ("parameter", "base value", "low", "high", "EKS - ECS at low (USD)", "EKS - ECS at high (USD)", "swing (USD)"),
               ("text", "number", "number", "number", "money", "money", "money"), rows),
        _about(about),
    ]


def _break_even_tables(b: BreakEven) -> list[_Table]:
    rows = [[c.value, c.low, c.high, c.kind, c.cheaper_above.upper()] for c in b.crossings]
    about = [("parameter", b.parameter), ("scenario's value", _Cell(b.base_value, "number")), ("range low", _Cell(b.low, "number")),
             ("range high", _Cell(b.high, "number")), ("EKS - ECS at low", _Cell(b.difference_at_low, "money")),
             ("EKS - ECS at high", _Cell(b.difference_at_high, "money")), ("evaluations", _Cell(b.evaluations, "number")),
             ("summary", b.summary()), _version()]
    return [
        _Table("Crossings", ("value", "low", "high", "kind", "cheaper above"), ("number", "number", "number", "text", "text"), rows),
        _about(about),
    ]


def _tables(result: Any) -> list[_Table]:
    from .analysis import BreakEven, MonteCarlo, Sweep, Tornado
    from .comparison import Comparison
    from .projection import Projection

    if isinstance(result, Comparison):
        return _comparison_tables(result)
    if isinstance(result, Projection):
        return _projection_tables(result)
    if isinstance(result, Sweep):
        return _sweep_tables(result)
    if isinstance(result, MonteCarlo):
        return _monte_carlo_tables(result)
    if isinstance(result, Tornado):
        return _tornado_tables(result)
    if isinstance(result, BreakEven):
        return _break_even_tables(result)
    raise TypeError(f"expected a Comparison, Projection, Sweep, MonteCarlo, Tornado or BreakEven, got {type(result).__name__}")


def to_excel(result: Comparison | Projection | Sweep | MonteCarlo | Tornado | BreakEven, path: Target) -> None:
    """Writes a result as an XLSX workbook to ``path`` (a file name or a binary file object).

    Raises:
        ModuleNotFoundError: openpyxl is not installed (``pip install 'libtco[xlsx]'``).
        ValueError: a sweep with more points than a sheet has rows.
        TypeError: not a libtco result.
    """
    tables = _tables(result)
    _save(tables, path)


def workbook_bytes(result: Comparison | Projection | Sweep | MonteCarlo | Tornado | BreakEven) -> bytes:
    """The XLSX workbook of a result (see :func:`to_excel`) as bytes."""
    buffer = io.BytesIO()
    to_excel(result, buffer)
    return buffer.getvalue()
