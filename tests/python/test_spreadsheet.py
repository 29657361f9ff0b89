"""XLSX workbooks of results (libtco.spreadsheet, `to_excel`, `tco ... --format xlsx`), read back with openpyxl.

Figures worked out by hand from the catalog (pricing/aws-us-east-1-2026-07-20.json) and the default
scenario (6 engineers at $200,000 a year, 1,840 working hours: $108.6956522 an hour; one cluster a
platform; six workloads on two kinds of node, an x86 CPU and an x86 GPU pool):

* EKS control plane: 730 h x $0.10 = $73.00; from 2028-03 with upgrades off, extended support
  730 h x $0.60 = $438.00 (the cluster's version leaves standard support after 14 months).
* Staff time, the effort model (DEFAULT_HOURS below): hours a month x 200,000 / 1,840.
* g4dn.xlarge: 5 x 730 h x $0.526 = $1,919.90.
* The tornado's EKS on-call swing: (24 - 4) h x 200,000 / 1,840 = $2,173.91; the upgrades' (120 - 16) h
  x 3 / 12 = 26 h = $2,826.09.
* Infrastructure alone, EKS is cheaper by $293.30 (a cent either way; test_costs.py: the seed's totals less
  its staff time), so with ECS's 42 h fewer a month the loaded cost at which the platforms cost the same
  is 293.30 x 1,840 / 42 = $12,849.52 a year (give or take 0.44 for the cent).

The sweep uses SEEDED, the default with the seed's staff rule given explicitly (engineers x loaded cost x
share, EKS 0.15 and ECS 0.035), so that it has a share to sweep and each engineer moves EKS's total.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import subprocess
import sys
from decimal import Decimal
from itertools import product

import pytest

import libtco
from libtco import spreadsheet

openpyxl = pytest.importorskip("openpyxl")

D = Decimal


def money(cell) -> Decimal:
    """A money cell's value as the decimal it shows (cells store the double nearest the cents)."""
    assert cell.number_format == spreadsheet.MONEY_FORMAT, (cell.coordinate, cell.number_format)
    return D(repr(cell.value)).quantize(D("0.01"))


def number(value) -> Decimal:
    return D(repr(value))


def records(sheet) -> list[dict[str, object]]:
    """The sheet's rows as dicts keyed by the header, cells (not values) as values."""
    rows = list(sheet.iter_rows())
    header = [c.value for c in rows[0]]
    return [dict(zip(header, row)) for row in rows[1:]]


def check_clean(workbook) -> None:
    """What makes a sheet open cleanly: short names, bold frozen header, sized columns, no formulas."""
    for sheet in workbook:
        assert len(sheet.title) <= 31
        assert sheet.freeze_panes == "A2"
        header = list(sheet.iter_rows(max_row=1))[0]
        for cell in header:
            assert cell.font.bold, (sheet.title, cell.value)
            width = sheet.column_dimensions[cell.column_letter].width
            assert min(len(str(cell.value)), 58) < width <= 62, (sheet.title, cell.value, width)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)


#: The default's staff hours a month by the effort model (eks-karpenter and ecs-asg): cluster care 16 / 4;
#: upgrades 40 x 3 / 12 = 10 / none; node rotation 4 x 2 pools = 8 / 8; add-ons 2 x 7 = 14 / 2 x 1 = 2; on-call 12 / 4;
#: service work 4 x 6 workloads = 24 on both.
DEFAULT_HOURS = {
    ("EKS", "EKS cluster care (staff time)"): 16, ("EKS", "EKS version upgrades (staff time)"): 10,
    ("EKS", "EKS node and AMI rotation (staff time)"): 8, ("EKS", "EKS add-ons (staff time)"): 14,
    ("EKS", "EKS on-call and incidents (staff time)"): 12, ("EKS", "EKS service work (staff time)"): 24,
    ("ECS", "ECS cluster care (staff time)"): 4, ("ECS", "ECS node and AMI rotation (staff time)"): 8, ("ECS", "ECS add-ons (staff time)"): 2,
    ("ECS", "ECS on-call and incidents (staff time)"): 4, ("ECS", "ECS service work (staff time)"): 24,
}


@pytest.fixture(scope="module")
def default():
    return libtco.default_scenario()


@pytest.fixture(scope="module")
def seeded(default):
    return default.replace(eks={"operations": {"share": "0.15"}}, ecs={"operations": {"share": "0.035"}})


@pytest.fixture(scope="module")
def comparison_book(default, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "compare.xlsx"
    libtco.compare(default).to_excel(path)
    return openpyxl.load_workbook(path)


# --- comparison -----------------------------------------------------------------------------------


def test_comparison_workbook_has_its_sheets_and_opens_cleanly(comparison_book):
    assert comparison_book.sheetnames == ["Summary", "Line items", "Showback", "About"]
    check_clean(comparison_book)


def test_comparison_line_items_carry_hand_worked_figures(comparison_book):
    items = records(comparison_book["Line items"])
    by_key = {(r["platform"].value, r["category"].value, r["item"].value): r for r in items}
    assert money(by_key[("EKS", "control_plane", "EKS cluster fee (standard support)")]["USD"]) == D("73.00")  # 730 h x $0.10
    assert money(by_key[("EKS", "compute", "g4dn.xlarge")]["USD"]) == D("1919.90")  # 5 x 730 h x $0.526
    # Staff time: a line per item of platform work, hours x 200,000 / 1,840 (a cent either way: the lines are rounded
    # by largest remainder), e.g. cluster care 16 h = 1,739.13 on EKS and 4 h = 434.78 on ECS.
    operations = {(r["platform"].value, r["item"].value): money(r["USD"]) for r in items if r["category"].value == "operations"}
    assert set(operations) == set(DEFAULT_HOURS)
    for key, hours in DEFAULT_HOURS.items():
        assert abs(operations[key] - D(hours) * 200000 / 1840) <= D("0.01"), key
    assert (operations[("EKS", "EKS cluster care (staff time)")], operations[("ECS", "ECS cluster care (staff time)")]) == (D("1739.13"), D("434.78"))


def test_comparison_totals_are_the_sums_of_their_line_item_cells(comparison_book):
    items = records(comparison_book["Line items"])
    summary = {r["platform"].value: r for r in records(comparison_book["Summary"])}
    for platform in ("EKS", "ECS"):
        cells = sum(money(r["USD"]) for r in items if r["platform"].value == platform)
        assert money(summary[platform]["total (USD)"]) == cells
        by_confidence = sum(money(summary[platform][f"{level} confidence (USD)"]) for level in ("high", "medium", "low"))
        assert by_confidence == cells
    assert money(summary["EKS - ECS"]["total (USD)"]) == money(summary["EKS"]["total (USD)"]) - money(summary["ECS"]["total (USD)"])


def test_comparison_showback_adds_up_to_the_compute_cost(default, comparison_book):
    # The showback splits the compute cost rounded once (its lines' exact sum, half-even); the
    # line items are rounded by largest remainder over the whole report, so theirs may differ by a cent.
    showback = records(comparison_book["Showback"])
    c = libtco.compare(default)
    for platform, report in (("EKS", c.eks), ("ECS", c.ecs)):
        exact = sum(li.usd_exact for li in report.line_items if li.category == "compute")
        cells = {r["workload"].value: money(r["compute (USD)"]) for r in showback if r["platform"].value == platform}
        assert sum(cells.values()) == exact.quantize(D("0.01"))
        assert cells == report.showback


def test_comparison_about_has_the_month_as_a_date(comparison_book):
    about = {r["field"].value: r["value"] for r in records(comparison_book["About"])}
    assert about["month"].value == datetime.datetime(2026, 9, 1)  # the scenario's 2026-09
    assert about["month"].number_format == "yyyy-mm"
    assert about["catalog"].value == "aws-us-east-1-2026-07-20"
    assert about["cheaper"].value == "ECS"


def test_comparison_csv_and_xlsx_agree(default, comparison_book):
    rows = list(csv.DictReader(io.StringIO(libtco.compare(default).to_csv())))
    # The CSV's summary rows (totals, the infrastructure bands and the differences) are the Summary sheet's, not line items.
    summary = ("total", "difference", "infrastructure", "infrastructure_difference")
    from_csv = [(r["platform"].upper(), r["category"], r["item"], D(r["usd"])) for r in rows if r["category"] not in summary]
    from_xlsx = [(r["platform"].value, r["category"].value, r["item"].value, money(r["USD"])) for r in records(comparison_book["Line items"])]
    assert from_xlsx == from_csv


# --- projection -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def projection(default):
    return libtco.project(default, "2027-01", 36, upgrade_policy="none")


@pytest.fixture(scope="module")
def projection_book(projection):
    buffer = io.BytesIO()
    projection.to_excel(buffer)  # a binary file object works as well as a path
    return openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))


def test_projection_workbook_opens_cleanly(projection_book):
    assert projection_book.sheetnames == ["Summary", "Months", "By item", "Line items", "About"]
    check_clean(projection_book)


def test_projection_months_are_dates_and_add_up_to_the_horizon(projection_book):
    months = records(projection_book["Months"])
    assert len(months) == 36
    assert [r["month"].value for r in months[:2]] == [datetime.datetime(2027, 1, 1), datetime.datetime(2027, 2, 1)]
    assert months[-1]["month"].value == datetime.datetime(2029, 12, 1)  # 36 months from 2027-01
    assert {r["month"].number_format for r in months} == {"yyyy-mm"}
    summary = {r["platform"].value: r for r in records(projection_book["Summary"])}
    for platform in ("EKS", "ECS"):
        assert sum(money(r[f"{platform} (USD)"]) for r in months) == money(summary[platform]["total (USD)"])
        assert money(months[-1][f"{platform} cumulative (USD)"]) == money(summary[platform]["total (USD)"])


def test_projection_control_plane_moves_to_extended_support(projection_book):
    fees = {(r["month"].value, r["item"].value): money(r["USD"]) for r in records(projection_book["Line items"])
            if r["platform"].value == "EKS" and r["category"].value == "control_plane"}
    assert fees[(datetime.datetime(2028, 2, 1), "EKS cluster fee (standard support)")] == D("73.00")   # 730 h x $0.10
    assert fees[(datetime.datetime(2028, 3, 1), "EKS cluster fee (extended support)")] == D("438.00")  # 730 h x $0.60


def test_projection_by_item_rows_add_up_to_their_totals(projection_book):
    rows = list(projection_book["By item"].iter_rows())
    header = [c.value for c in rows[0]]
    assert header[:2] == ["month", "platform"] and header[-1] == "total (USD)"
    assert len(rows) - 1 == 36 * 2  # one row per month and platform
    for row in rows[1:]:
        items = [money(c) for c in row[2:-1] if c.value is not None]
        assert sum(items) == money(row[-1]), row[0].value


def test_projection_csv_and_xlsx_agree(projection, projection_book):
    rows = list(csv.reader(io.StringIO(projection.to_csv())))
    assert rows[0] == ["month", "platform", "category", "item", "usd"]
    from_csv = [(r[0], r[1].upper(), r[2], r[3], D(r[4])) for r in rows[1:] if r[0] != "total" and r[2] not in ("total", "difference")]
    from_xlsx = [(r["month"].value.strftime("%Y-%m"), r["platform"].value, r["category"].value, r["item"].value, money(r["USD"]))
                 for r in records(projection_book["Line items"])]
    assert from_xlsx == from_csv


# --- sweeps and the other analyses -----------------------------------------------------------------


def test_sweep_rows_are_the_sweeps_points(seeded, tmp_path):
    grid = {"/team/engineers": range(1, 11), "/eks/operations/share": ["0.10", "0.15", "0.20"]}
    s = libtco.sweep(seeded, grid)
    s.to_excel(tmp_path / "sweep.xlsx")
    book = openpyxl.load_workbook(tmp_path / "sweep.xlsx")
    check_clean(book)
    rows = records(book["Sweep"])
    assert len(rows) == len(s) == 30
    for row, (engineers, share), eks, ecs in zip(rows, product(range(1, 11), ["0.10", "0.15", "0.20"]), s.eks_cents, s.ecs_cents):
        assert number(row["/team/engineers"].value) == engineers
        assert number(row["/eks/operations/share"].value) == D(share)
        assert money(row["EKS (USD)"]) == D(int(eks)) / 100
        assert money(row["ECS (USD)"]) == D(int(ecs)) / 100
        assert money(row["EKS - ECS (USD)"]) == money(row["EKS (USD)"]) - money(row["ECS (USD)"])
    # Each extra engineer at a 0.15 share adds 200,000 x 0.15 / 12 = $2,500.00 of EKS staff time
    # (a cent either way from rounding the other lines by largest remainder).
    at_015 = [money(r["EKS (USD)"]) for r in rows if number(r["/eks/operations/share"].value) == D("0.15")]
    assert all(abs(b - a - D("2500.00")) <= D("0.01") for a, b in zip(at_015, at_015[1:]))
    # The CSV has the same numbers.
    from_csv = [[D(v) for v in line.split(",")] for line in s.to_csv().splitlines()[1:]]
    from_xlsx = [[number(r["/team/engineers"].value), number(r["/eks/operations/share"].value), money(r["EKS (USD)"]), money(r["ECS (USD)"]),
                  money(r["EKS - ECS (USD)"])] for r in rows]
    assert from_xlsx == from_csv


def test_a_sweep_too_large_for_a_sheet_is_refused(default, monkeypatch):
    monkeypatch.setattr(libtco._internal.tables, "MAX_ROWS", 29)  # where the results read the limit from
    with pytest.raises(ValueError, match="30 points does not fit in a sheet"):
        spreadsheet.workbook_bytes(libtco.sweep(default, {"/team/engineers": range(1, 31)}))


def test_monte_carlo_summary_and_samples(default, tmp_path):
    m = libtco.monte_carlo(default, samples=500, seed=3)
    m.to_excel(tmp_path / "mc.xlsx")
    book = openpyxl.load_workbook(tmp_path / "mc.xlsx")
    check_clean(book)
    summary = {r["statistic"].value: r for r in records(book["Summary"])}
    for column, key in (("EKS (USD)", "eks"), ("ECS (USD)", "ecs"), ("EKS - ECS (USD)", "difference")):
        assert money(summary["p50"][column]) == m.summary[key]["percentiles"][50]
        assert money(summary["min"][column]) == m.summary[key]["min"]
        assert money(summary["mean"][column]) == m.summary[key]["mean"].quantize(D("0.01"))
    samples = records(book["Samples"])
    assert len(samples) == 500
    assert sum(money(r["EKS (USD)"]) for r in samples) == D(int(m.eks_cents.sum())) / 100
    about = {r["field"].value: r["value"].value for r in records(book["About"])}
    assert number(about["P(EKS cheaper)"]) == m.probability_eks_cheaper


def test_tornado_and_break_even(default, tmp_path):
    libtco.sensitivity(default).to_excel(tmp_path / "tornado.xlsx")
    book = openpyxl.load_workbook(tmp_path / "tornado.xlsx")
    check_clean(book)
    bars = {r["parameter"].value: r for r in records(book["Tornado"])}
    # The default ranges are the effort figures': on-call 4 to 24 h, (24 - 4) x 200,000 / 1,840 = 2,173.91; upgrade
    # hours 16 to 120, (120 - 16) x 3 / 12 = 26 h = 2,826.09, the widest, on the first row.
    assert money(bars["/eks/operations/on_call_hours_per_month"]["swing (USD)"]) == D("2173.91")
    assert money(bars["/eks/operations/upgrade_hours_per_upgrade"]["swing (USD)"]) == D("2826.09")
    assert list(bars)[0] == "/eks/operations/upgrade_hours_per_upgrade"
    # The loaded cost where the platforms cost the same: 293.30 x 1,840 / 42 = 12,849.52 (the docstring).
    libtco.break_even(default, "/team/loaded_cost_per_engineer_year", 0, 200000).to_excel(tmp_path / "breakeven.xlsx")
    book = openpyxl.load_workbook(tmp_path / "breakeven.xlsx")
    check_clean(book)
    crossings = records(book["Crossings"])
    assert len(crossings) == 1
    assert abs(number(crossings[0]["value"].value) - D("12849.52")) < D("0.5")
    assert crossings[0]["cheaper above"].value == "ECS"


def test_without_openpyxl_the_error_says_what_to_install(default, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now fails
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'libtco\[xlsx\]'"):
        libtco.compare(default).to_excel(io.BytesIO())


def test_to_excel_refuses_what_is_not_a_result():
    with pytest.raises(TypeError, match="expected a Comparison"):
        spreadsheet.to_excel("a string", io.BytesIO())


# --- the command line -----------------------------------------------------------------------------


def tco(*args: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "libtco", *args], capture_output=True, text=True, cwd=cwd, timeout=120,
                          env={**os.environ, "PYTHONWARNINGS": "error"})


@pytest.mark.parametrize("command", [
    ["compare"],
    ["project", "--start", "2027-01", "--months", "3"],
    ["sweep", "--param", "/team/engineers=1:4:4"],
    ["sensitivity"],
    ["breakeven", "--param", "/team/engineers", "--range", "0:100"],
    ["montecarlo", "--samples", "200"],
])
def test_cli_writes_xlsx_only_to_a_file(command, tmp_path):
    refused = tco(*command, "--format", "xlsx", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert "--output" in refused.stderr
    to_stdout = tco(*command, "--format", "xlsx", "-o", "-", cwd=tmp_path)
    assert (to_stdout.returncode, to_stdout.stdout) == (2, "")
    written = tco(*command, "--format", "xlsx", "-o", "out.xlsx", cwd=tmp_path)
    assert (written.returncode, written.stdout, written.stderr) == (0, "", "")
    check_clean(openpyxl.load_workbook(tmp_path / "out.xlsx"))


def test_cli_compare_xlsx_has_the_control_plane_fee(tmp_path):
    assert tco("compare", "--format", "xlsx", "--output", "c.xlsx", cwd=tmp_path).returncode == 0
    items = records(openpyxl.load_workbook(tmp_path / "c.xlsx")["Line items"])
    assert money(items[0]["USD"]) == D("73.00")  # 730 h x $0.10, the EKS cluster fee comes first


def test_cli_xlsx_of_several_catalogs_is_refused(tmp_path):
    proc = tco("compare", "--catalog", "aws-us-east-1-2025-04-01", "--catalog", "aws-us-east-1-2026-07-20", "--format", "xlsx", "-o", "x.xlsx",
               cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert "one --catalog" in proc.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_cli_without_openpyxl_exits_2_naming_the_extra(tmp_path, monkeypatch, capsys):
    from libtco import cli

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    assert cli.main(["compare", "--format", "xlsx", "-o", str(tmp_path / "c.xlsx")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "pip install 'libtco[xlsx]'" in err
    assert not (tmp_path / "c.xlsx").exists()


def test_cli_breakeven_csv(tmp_path):
    # The team size no longer moves the default's staff time (no crossing); its loaded cost does: 12,849.52 (the docstring).
    proc = tco("breakeven", "--param", "/team/loaded_cost_per_engineer_year", "--range", "0:200000", "--format", "csv", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(rows) == 1
    assert rows[0]["kind"] == "root" and rows[0]["cheaper_above"] == "ecs"
    assert abs(D(rows[0]["value"]) - D("12849.52")) < D("0.5")
    none = tco("breakeven", "--param", "/team/engineers", "--range", "0:100", "--format", "csv", cwd=tmp_path)
    assert none.returncode == 0, none.stderr
    assert list(csv.DictReader(io.StringIO(none.stdout))) == []
