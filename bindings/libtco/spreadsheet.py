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
import os
from decimal import Decimal
from typing import Any, BinaryIO, Iterable, Sequence, Union

from ._internal import text
from ._internal.tables import MAX_ROWS, Cell, Sheet

__all__ = ["MAX_ROWS", "MONEY_FORMAT", "to_excel", "workbook_bytes"]

#: The number format of money cells: dollars and cents, negative amounts in red with a minus sign.
MONEY_FORMAT = '"$"#,##0.00;[Red]-"$"#,##0.00'
_MONTH_FORMAT = "yyyy-mm"
_DATE_FORMAT = "yyyy-mm-dd"
_SHARE_FORMAT = "0.0000"
_INSTALL_HINT = "pip install 'libtco[xlsx]'"
_WIDTH_SAMPLE = 2000  # rows looked at to size a column
_MAX_WIDTH = 60
_CENT = Decimal("0.01")

Target = Union[str, "os.PathLike[str]", BinaryIO]


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError as e:
        raise ModuleNotFoundError(f"writing XLSX needs openpyxl, an optional dependency of libtco: {_INSTALL_HINT}", name="openpyxl") from e
    return openpyxl


def _shown(value: Any, kind: str) -> str:
    """Roughly what a spreadsheet shows, to size the column."""
    if value is None:
        return ""
    if kind == "money" and isinstance(value, (Decimal, float, int)):
        return text.dollars(Decimal(value).quantize(_CENT))
    if isinstance(value, datetime.date):
        return "0000-00" if kind == "month" else "0000-00-00"
    return str(value)


def _width(header: str, values: Iterable[Any], kind: str) -> float:
    longest = max([len(header)] + [len(_shown(v.value, v.kind) if isinstance(v, Cell) else _shown(v, kind)) for v in values])
    return min(longest + 2, _MAX_WIDTH)


_FORMATS = {"money": MONEY_FORMAT, "month": _MONTH_FORMAT, "date": _DATE_FORMAT, "share": _SHARE_FORMAT}


def _write_sheet(workbook: Any, table: Sheet) -> None:
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
            if isinstance(value, Cell):
                value, kind = value.value, value.kind
            number_format = _FORMATS.get(kind)
            if number_format is None or value is None:
                out.append(value)
            else:
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = number_format
                out.append(cell)
        sheet.append(out)


def _save(tables: Sequence[Sheet], target: Target) -> None:
    openpyxl = _openpyxl()
    workbook = openpyxl.Workbook(write_only=True)
    for table in tables:
        _write_sheet(workbook, table)
    workbook.save(os.fspath(target) if isinstance(target, (str, os.PathLike)) else target)


def to_excel(result: Any, path: Target) -> None:
    """Writes a result as an XLSX workbook to ``path`` (a file name or a binary file object).

    Raises:
        ModuleNotFoundError: openpyxl is not installed (``pip install 'libtco[xlsx]'``).
        ValueError: a sweep with more points than a sheet has rows.
        TypeError: not a libtco result.
    """
    sheets = getattr(result, "_sheets", None)
    if not callable(sheets):
        raise TypeError(f"expected a Comparison, Projection, Sweep, MonteCarlo, Tornado or BreakEven, got {type(result).__name__}")
    _save(sheets(), path)


def workbook_bytes(result: Any) -> bytes:
    """The XLSX workbook of a result (see :func:`to_excel`) as bytes."""
    buffer = io.BytesIO()
    to_excel(result, buffer)
    return buffer.getvalue()
