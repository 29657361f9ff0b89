"""The ``tco`` command line (also ``python -m libtco``).

::

    tco compare [SCENARIO.json] [--format table|json|csv|xlsx] [--catalog NAME|FILE ...] [--overlay FILE] [--output FILE]
    tco validate SCENARIO.json [--catalog NAME|FILE] [--overlay FILE]
    tco project [SCENARIO.json] [--spec FILE] [--start YYYY-MM] [--months N] [--upgrade-policy P]
                [--discount-rate R] [--catalog NAME|FILE] [--format table|json|csv|xlsx] [--output FILE]
    tco catalog names [--format table|json]
    tco catalog list [--gpu] [--region R] [--catalog NAME|FILE] [--format table|json|csv]
    tco catalog show TYPE [--region R] [--catalog NAME|FILE] [--format table|json]
    tco catalog import (--offer-file FILE | --spot-advisor FILE) [--base NAME|FILE] [--region R]
                       [--name NAME] [--date YYYY-MM-DD] [--output FILE]
    tco scenario [--output FILE]
    tco --version

``compare`` with no file uses the embedded default scenario; ``-`` reads the scenario from standard
input. Without ``--catalog`` the scenario's own ``catalog`` is used, else the newest embedded catalog
for its region dated no later than its month; ``--catalog`` names an embedded catalog or a file, and
may be repeated to compare the same scenario on several catalogs side by side. Reports are rendered
by the C++ core, so ``tco compare --format json`` with one catalog prints the same bytes as a C++
program printing ``libtco::to_json(comparison).dump(2)`` and a newline.

``--format xlsx`` writes a workbook (see :mod:`libtco.spreadsheet`) and needs ``--output FILE``: a
binary file never goes to standard output.

Exit status: 0 on success; 2 on any error (bad input, a file that cannot be read, bad usage), with
the message (``[code] path: detail``) on standard error and nothing on standard output. A result
is written only once it is complete.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Callable, Optional, TypeVar

from . import _core
from ._internal import text as _text
from ._internal.source import decode_text, read_text
from .catalog import Catalog, InstanceType
from . import _cli_analysis
from .catalog_import import import_offer_file, import_spot_advisor
from .comparison import Comparison
from .projection import Projection
from .errors import Error, InputError
from .scenario import Scenario, load_scenario

__all__ = ["main"]

PROG = "tco"
EXIT_OK = 0
EXIT_ERROR = 2
FORMATS = ("table", "json", "csv")
XLSX = "xlsx"
STDIN = "-"

T = TypeVar("T")


class _Failure(Exception):
    """An error already worded for the user: print it and exit 2."""


def _read_document(path: str, *, what: str) -> str:
    if path == STDIN:
        stdin = getattr(sys.stdin, "buffer", None)
        return sys.stdin.read() if stdin is None else decode_text(stdin.read(), what=f"{what} on standard input")
    return read_text(path, what=what)


def _label(path: Optional[str]) -> Optional[str]:
    return "<stdin>" if path == STDIN else path


def _checked(path: Optional[str], run: Callable[[], T]) -> T:
    """Runs ``run``; a libtco error becomes a _Failure naming the file it came from."""
    try:
        return run()
    except InputError as e:  # its message names the file already
        raise _Failure(str(e)) from e
    except Error as e:
        where = getattr(e, "filename", None) or _label(path)
        raise _Failure(f"{where}: {e}" if where else str(e)) from e


def _catalog_text(name_or_path: Optional[str]) -> Optional[str]:
    """The validated text of --catalog NAME|FILE (an embedded catalog's name wins), or None if not given."""
    if name_or_path is None:
        return None
    if name_or_path in _core.embedded_catalog_names():
        return _core.embedded_catalog_json(name_or_path)
    text = _checked(name_or_path, lambda: _read_document(name_or_path, what="catalog"))
    _checked(name_or_path, lambda: _core.check_catalog(text))
    return text


def _region_catalog_text(region: str) -> str:
    """The newest embedded catalog of a region."""
    names = [n for n in _core.embedded_catalog_names() if json.loads(_core.embedded_catalog_json(n))["region"] == region]
    if not names:
        raise _Failure(f"no embedded catalog for region \"{region}\" (available: {', '.join(_core.embedded_catalog_names())})")
    return _core.embedded_catalog_json(names[-1])


def _chosen_catalog(args: argparse.Namespace) -> Catalog:
    """The catalog of a `tco catalog` subcommand: --catalog, else the newest for --region, else the default."""
    if args.catalog is not None:
        text = _catalog_text(args.catalog)
        assert text is not None
        if args.catalog in _core.embedded_catalog_names():
            catalog = Catalog.embedded(args.catalog)
        else:
            catalog = _checked(args.catalog, lambda: Catalog._from_text(text))
        if args.region is not None and catalog.region != args.region:
            raise _Failure(f"catalog {catalog.name} is for region {catalog.region}, not {args.region}")
        return catalog
    if args.region is not None:
        return Catalog.embedded(json.loads(_region_catalog_text(args.region))["name"])
    return Catalog.embedded()


def _scenario_text(path: Optional[str], overlay: Optional[str] = None) -> str:
    text = _core.default_scenario_json() if path is None else _checked(path, lambda: _read_document(path, what="scenario"))
    if overlay is None:
        return text
    _checked(path, lambda: _core.normalize_scenario(text))  # report scenario errors against the scenario
    overlay_text = _checked(overlay, lambda: _read_document(overlay, what="price overlay"))
    return _checked(overlay, lambda: _core.with_price_overlay(text, overlay_text))


def _emit(text: str | bytes, output: Optional[str]) -> None:
    """Writes the complete result to --output FILE or standard output, as UTF-8; bytes (a workbook) only to a file."""
    if isinstance(text, bytes):
        assert output is not None and output != STDIN, "main() refuses --format xlsx without --output FILE"
    if output is not None and output != STDIN:
        try:
            if isinstance(text, bytes):
                with open(output, "wb") as f:
                    f.write(text)
            else:
                with open(output, "w", encoding="utf-8", newline="") as f:
                    f.write(text)
        except OSError as e:
            raise _Failure(f"cannot write output file \"{output}\": {e.strerror or e}") from e
        return
    data = text.encode("utf-8")
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        sys.stdout.flush()
        buffer.write(data)
        buffer.flush()
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _with_newline(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def _workbook(result: Any) -> bytes:
    """A result as XLSX bytes; a missing openpyxl (or a result too large for a sheet) is a _Failure."""
    from . import spreadsheet

    try:
        return spreadsheet.workbook_bytes(result)
    except (ModuleNotFoundError, ValueError) as e:
        raise _Failure(str(e)) from e


def _catalog_of(text: Optional[str]) -> Optional[Catalog]:
    return None if text is None else Catalog._from_text(text)


# --- subcommands -----------------------------------------------------------------------------


def _cmd_compare(args: argparse.Namespace) -> str | bytes:
    catalogs = [_catalog_text(c) for c in args.catalog] if args.catalog else [None]
    scenario = _scenario_text(args.scenario, args.overlay)
    if args.format == XLSX:
        if len(catalogs) > 1:
            raise _Failure("--format xlsx writes one comparison: give one --catalog (csv and json put several side by side)")
        report = _checked(args.scenario, lambda: _core.compare_json(scenario, catalogs[0]))
        return _workbook(Comparison(report, load_scenario(scenario), _catalog_of(catalogs[0])))
    if len(catalogs) == 1:
        report = _with_newline(_checked(args.scenario, lambda: _core.render(scenario, catalogs[0], args.format)))
        if args.format != "table":
            return report
        return report + "\n" + _checked(args.scenario, lambda: _core.recommend(scenario, catalogs[0], "table"))
    return _side_by_side(scenario, catalogs, args)


def _side_by_side(scenario: str, catalogs: list[Optional[str]], args: argparse.Namespace) -> str:
    """The same scenario on several catalogs: a summary table, a JSON array of reports, or CSV with a catalog column."""
    reports = [json.loads(_checked(args.scenario, lambda: _core.compare_json(scenario, c))) for c in catalogs]
    if args.format == "json":
        return json.dumps(reports, indent=2, ensure_ascii=False) + "\n"
    if args.format == "csv":
        lines: list[str] = []
        for c, report in zip(catalogs, reports):
            rows = _checked(args.scenario, lambda: _core.render(scenario, c, "csv")).splitlines()
            if not lines:
                lines.append("catalog," + rows[0])
            lines += [f"{report['catalog']['name']},{row}" for row in rows[1:]]
        return "\n".join(lines) + "\n"
    header = ("catalog", "effective", "EKS (USD)", "ECS (USD)", "EKS - ECS", "cheaper")
    cells = [list(header)] + [
        [
            r["catalog"]["name"],
            r["catalog"]["effective_date"],
            _text.amount(Decimal(r['eks']['total_usd'])),
            _text.amount(Decimal(r['ecs']['total_usd'])),
            _text.amount(Decimal(r['difference_usd'])),
            r["cheaper"],
        ]
        for r in reports
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: list[str]) -> str:
        return "  ".join(c.ljust(w) if i in (0, 1, 5) else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    first = reports[0]
    out = [f"libtco: {first['scenario']}, {first['month']} ({first['hours']} h, {first['hours_basis']}) on {len(reports)} catalogs", ""]
    out += [line(cells[0]), "-" * len(line(cells[0]))] + [line(row) for row in cells[1:]]
    warnings = [f"warning ({w['code']}): {w['message']}" for r in reports for w in r["warnings"]]
    return "\n".join(out + ([""] + warnings if warnings else [])) + "\n"


def _cmd_validate(args: argparse.Namespace) -> str:
    catalog = _catalog_text(args.catalog)
    scenario = _scenario_text(args.scenario, args.overlay)
    report = json.loads(_checked(args.scenario, lambda: _core.compare_json(scenario, catalog)))
    normalized = json.loads(_core.normalize_scenario(scenario))
    workloads = normalized["workloads"]
    # A workload with a demand profile has no fixed count: count its busiest hour.
    replicas = sum(int(w["replicas"]) if "replicas" in w else max(max(w["demand"]["weekday"]), max(w["demand"]["weekend"]))
                   for w in workloads)
    return (
        f"ok: {_label(args.scenario)}: scenario \"{report['scenario']}\", {report['month']} ({report['hours']} h, {report['hours_basis']}), "
        f"{len(workloads)} workload(s), {replicas} replica(s); catalog {report['catalog']['name']}; "
        f"EKS {_text.dollars(Decimal(report['eks']['total_usd']))} vs ECS {_text.dollars(Decimal(report['ecs']['total_usd']))} a month, "
        f"cheaper: {report['cheaper']}\n"
    ) + "".join(f"warning ({w['code']}): {w['message']}\n" for w in report["warnings"])


_CATALOG_COLUMNS = (
    ("instance_type", "type"),
    ("vcpu", "vCPU"),
    ("memory_gib", "memory GiB"),
    ("gpus", "GPUs"),
    ("gpu_model", "GPU model"),
    ("gpu_memory_gib", "GPU memory GiB"),
    ("on_demand_usd_per_hour", "on-demand $/h"),
)


def _catalog_row(t: InstanceType) -> dict[str, Optional[str]]:
    def text(d: Optional[Decimal]) -> Optional[str]:
        return None if d is None else str(d)

    return {
        "instance_type": t.name,
        "vcpu": text(t.vcpu),
        "memory_gib": text(t.memory_gib),
        "gpus": text(t.gpus),
        "gpu_model": t.gpu_model if t.has_gpus else None,
        "gpu_memory_gib": text(t.gpu_memory_gib) if t.has_gpus else None,
        "on_demand_usd_per_hour": text(t.on_demand_usd_per_hour),
    }


def _cmd_catalog_names(args: argparse.Namespace) -> str:
    rows = []
    for name in _core.embedded_catalog_names():
        c = json.loads(_core.embedded_catalog_json(name))
        rows.append({"name": name, "region": c["region"], "effective_date": c["effective_date"],
                     "instance_types": len(c["instance_types"]), "default": name == _core.default_catalog_name()})
    if args.format == "json":
        return json.dumps(rows, indent=2) + "\n"
    width = max(len(r["name"]) for r in rows)
    lines = [f"{'catalog'.ljust(width)}  region     effective   types", "-" * (width + 32)]
    lines += [f"{r['name'].ljust(width)}  {r['region']:<9}  {r['effective_date']}  {r['instance_types']:>5}"
              f"{'  (default)' if r['default'] else ''}" for r in rows]
    return "\n".join(lines) + "\n"


def _cmd_catalog_list(args: argparse.Namespace) -> str:
    catalog = _chosen_catalog(args)
    rows = [_catalog_row(t) for t in catalog.instance_types.values() if t.has_gpus or not args.gpu]
    if args.format == "json":
        document = {
            "catalog": catalog.name,
            "region": catalog.region,
            "effective_date": catalog.effective_date,
            "instance_types": rows,
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if args.format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([key for key, _ in _CATALOG_COLUMNS])
        for row in rows:
            writer.writerow(["" if row[key] is None else row[key] for key, _ in _CATALOG_COLUMNS])
        return out.getvalue()
    cells = [[header for _, header in _CATALOG_COLUMNS]]
    cells += [["-" if row[key] is None else str(row[key]) for key, _ in _CATALOG_COLUMNS] for row in rows]
    title = (
        f"catalog {catalog.name} ({catalog.region}, effective {catalog.effective_date}): "
        f"{len(rows)} {'GPU ' if args.gpu else ''}instance type(s)"
    )
    return "\n".join([title, "", *_aligned(cells, left={0, 4})]) + "\n"


def _aligned(cells: list[list[str]], *, left: set[int]) -> list[str]:
    """Rows of a text table: a header, a rule, then the rows; columns in ``left`` are left-aligned."""
    widths = [max(len(r[i]) for r in cells) for i in range(len(cells[0]))]

    def line(r: list[str]) -> str:
        return "  ".join(c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()

    return [line(cells[0]), "-" * len(line(cells[0]))] + [line(r) for r in cells[1:]]


def _cited(figure: dict) -> str:
    return f"[{figure['source']}, {figure['confidence']}]"


def _percent(share: Decimal) -> str:
    """A share as a percentage for reading, to at most 2 places (the JSON output stays exact)."""
    return f"{(share * 100).quantize(Decimal('0.01')).normalize():f}%"


def _cmd_catalog_show(args: argparse.Namespace) -> str:
    catalog = _chosen_catalog(args)
    described = _checked(args.catalog, lambda: catalog.describe(args.instance_type))
    if args.format == "json":
        return _core.describe_instance_type(catalog._core_json, args.instance_type) + "\n"
    return _show_text(catalog, described)


def _show_text(catalog: Catalog, d: dict) -> str:
    specs = d["specs"]
    out = [f"{d['instance_type']}: catalog {catalog.name} ({catalog.region}, effective {catalog.effective_date})", ""]
    rows: list[tuple[str, str, str]] = []
    node = f"{specs['vcpu']} vCPU, {specs['memory_gib']} GiB, {specs['arch']}"
    if "allocatable_vcpu" in specs:
        node += f"; EKS allocatable {specs['allocatable_vcpu']} vCPU, {specs['allocatable_memory_gib']} GiB"
    if "max_pods" in specs:
        node += f", {specs['max_pods']} pods"
    rows.append(("specs", node, _cited(specs)))
    if d.get("gpu_model"):
        g = d["gpu_model"]
        rows.append(("GPUs", f"{specs['gpus']} \u00d7 {g['id']}, {specs['gpu_memory_gib']} GiB each", _cited(specs)))
        sharing = [f"MIG (up to {g['mig']['max_instances']} instances)"] if g["mig"] else []
        sharing += [name for name, ok in (("time-slicing", g["time_slicing"]), ("MPS", g["mps"])) if ok]
        rows.append(("GPU sharing", ", ".join(sharing) or "none", _cited(g)))
        if g["mig"] and g["mig"]["profiles"]:
            profiles = ", ".join(f"{p['name']} \u00d7{p['max_per_gpu']}" for p in g["mig"]["profiles"])
            rows.append(("MIG profiles", profiles, _cited(g)))
    rows.append(("", "", ""))
    on_demand = d["on_demand"]
    rows.append(("on-demand", "none (not sold on demand here)" if on_demand is None else f"${on_demand['usd_per_hour']}/h",
                 "" if on_demand is None else _cited(on_demand)))
    spot = d["spot"]
    if spot is None:
        rows.append(("spot", "no figure", ""))
    else:
        text = f"${spot['usd_per_hour']}/h ({_percent(spot['savings'])} off)"
        if "savings_low" in spot and "savings_high" in spot:
            text += f", range {_percent(spot['savings_low'])}-{_percent(spot['savings_high'])} off"
        text += f", interruption {spot['interruption'] or 'unknown'}; {spot['basis']} figure"
        rows.append(("spot", text, _cited(spot)))
    for i, fee in enumerate(d["eks_auto_mode"]):
        rows.append(("EKS Auto Mode" if i == 0 else "", f"${fee['usd_per_hour']}/h ({fee['basis']})", _cited(fee)))
    width = max(len(r[0]) for r in rows) + 2
    text_width = max(len(r[1]) for r in rows) + 2
    out += [(label.ljust(width) + value.ljust(text_width) + cite).rstrip() for label, value, cite in rows]
    if d["commitments"]:
        out += ["", "commitments (effective $/h over the term, upfront included)"]
        cells = [["plan", "term", "payment", "$/h", "off on-demand", "basis", "source"]]
        cells += [
            [c["plan"], c["term"], c["payment"], str(c["effective_usd_per_hour"]), _percent(c["discount"]), c["basis"],
             f"{c['source']} ({c['confidence']})"]
            for c in d["commitments"]
        ]
        out += _aligned(cells, left={0, 1, 2, 5, 6})
    cited = sorted({f["source"] for f in _figures(d)})
    out += ["", "sources"]
    for source_id in cited:
        src = catalog.sources.get(source_id, {})
        url = f" <{src['url']}>" if src.get("url") else ""
        out.append(f"  {source_id} ({src.get('confidence', '?')}): {src.get('title', '')}{url}")
    return "\n".join(out) + "\n"


def _figures(d: dict) -> list[dict]:
    figures = [d["specs"]] + [f for f in (d.get("gpu_model"), d["on_demand"], d["spot"]) if f]
    return figures + list(d["eks_auto_mode"]) + list(d["commitments"])


def _cmd_catalog_import(args: argparse.Namespace) -> str:
    path = args.offer_file or args.spot_advisor
    run = import_offer_file if args.offer_file else import_spot_advisor
    base_text = _catalog_text(args.base)
    base = None if base_text is None else (Catalog.embedded(args.base) if args.base in _core.embedded_catalog_names()
                                          else _checked(args.base, lambda: Catalog._from_text(base_text)))
    document = _checked(path, lambda: _read_document(path, what="import file"))
    result = _checked(path, lambda: run(document, base=base, region=args.region, name=args.name, effective_date=args.date))
    summary = (
        f"imported {_label(path)} into catalog {result.catalog.name} ({result.catalog.region}, effective "
        f"{result.catalog.effective_date}): {len(result.updated)} type(s) updated, {len(result.added)} added, "
        f"{len(result.skipped)} skipped"
    )
    print(summary, file=sys.stderr)
    for type_name, reason in result.skipped:
        print(f"  skipped {type_name}: {reason}", file=sys.stderr)
    return result.catalog.to_json() + "\n"


def _cmd_scenario(args: argparse.Namespace) -> str:
    return _with_newline(_core.default_scenario_json())


#: Top-level keys of a projection spec: an error at one of them is the spec's, not the scenario's.
_SPEC_KEYS = ("/start", "/months", "/discount_rate", "/growth", "/price_changes", "/one_time_costs", "/eks_lifecycle")


def _projection_spec_text(args: argparse.Namespace) -> str:
    """The spec of `tco project`: --spec FILE (validated on its own), then the options over it."""
    document: dict[str, Any] = {}
    if args.spec is not None:
        text = _checked(args.spec, lambda: _read_document(args.spec, what="projection spec"))
        document = json.loads(_checked(args.spec, lambda: _core.normalize_projection_spec(text)))
    if args.start is not None:
        document["start"] = args.start
    if args.months is not None:
        document["months"] = args.months
    if args.discount_rate is not None:
        document["discount_rate"] = args.discount_rate  # text: read exactly by the C++ core
    if args.upgrade_policy is not None:
        document["eks_lifecycle"] = {**document.get("eks_lifecycle", {}), "upgrade_policy": args.upgrade_policy}
    merged = json.dumps(document)
    _checked(None, lambda: _core.normalize_projection_spec(merged))  # an error here comes from an option: no file to name
    return merged


def _cmd_project(args: argparse.Namespace) -> str | bytes:
    scenario = _scenario_text(args.scenario)
    spec = _projection_spec_text(args)
    catalog = _catalog_text(args.catalog)
    try:
        if args.format == XLSX:
            projection = Projection(_core.project_json(scenario, spec, catalog), load_scenario(scenario), spec, _catalog_of(catalog))
            return _workbook(projection)
        return _with_newline(_core.render_projection(scenario, spec, catalog, args.format))
    except InputError as e:
        raise _Failure(str(e)) from e
    except Error as e:
        in_spec = any(e.path == key or e.path.startswith(key + "/") for key in _SPEC_KEYS)
        where = (args.spec if in_spec else _label(args.scenario)) or getattr(e, "filename", None)
        raise _Failure(f"{where}: {e}" if where else str(e)) from e


class _AnalysisContext:
    """What the analysis subcommands need from this module: inputs read as `compare` reads them, errors worded alike."""

    failure = _Failure

    @staticmethod
    def inputs(args: argparse.Namespace) -> tuple[Scenario, Optional[Catalog]]:
        text = _scenario_text(args.scenario)
        scenario = _checked(args.scenario, lambda: load_scenario(json.loads(_core.normalize_scenario(text))))
        catalog_text = _catalog_text(args.catalog)
        catalog = None if catalog_text is None else _checked(args.catalog, lambda: Catalog._from_text(catalog_text))
        return scenario, catalog

    @staticmethod
    def checked(args: argparse.Namespace, run: Callable[[], T]) -> T:
        return _checked(args.scenario, run)

    @staticmethod
    def checked_file(path: str, run: Callable[[], T]) -> T:
        return _checked(path, run)

    @staticmethod
    def read(path: str, what: str) -> str:
        return _checked(path, lambda: _read_document(path, what=what))


# --- the parser ------------------------------------------------------------------------------


def _catalog_option(p: argparse.ArgumentParser, *, repeatable: bool = False) -> None:
    help_text = "an embedded catalog by name (see `tco catalog names`) or a catalog JSON file"
    if repeatable:
        p.add_argument("--catalog", metavar="NAME|FILE", action="append",
                       help=help_text + "; repeat to compare on several catalogs side by side "
                            "(default: the scenario's catalog, else the newest for its region and month)")
    else:
        p.add_argument("--catalog", metavar="NAME|FILE", help=help_text)


def _overlay_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--overlay", metavar="FILE",
                   help="a price overlay JSON file (discount, fees, instance_types) replacing the scenario's price_overlay")


def _add_compare_commands(commands: argparse._SubParsersAction) -> None:
    """compare and validate."""
    p = commands.add_parser("compare", help="compare EKS and ECS for a scenario", description="Compare EKS and ECS for a scenario.")
    p.add_argument("scenario", nargs="?", metavar="SCENARIO.json",
                   help="scenario file; '-' reads standard input (default: the embedded default scenario)")
    p.add_argument("--format", choices=FORMATS + (XLSX,), default="table",
                   help="output format (default: table); xlsx needs --output FILE")
    _catalog_option(p, repeatable=True)
    _overlay_option(p)
    p.add_argument("--output", "-o", metavar="FILE", help="write the result to FILE instead of standard output")
    p.set_defaults(run=_cmd_compare)

    p = commands.add_parser("validate", help="check a scenario by running the full comparison",
                            description="Check a scenario: parse it and run the full comparison (catches lookup and placement errors).")
    p.add_argument("scenario", metavar="SCENARIO.json", help="scenario file; '-' reads standard input")
    _catalog_option(p)
    _overlay_option(p)
    p.set_defaults(run=_cmd_validate)


def _add_catalog_commands(commands: argparse._SubParsersAction) -> None:
    """catalog names, list, show and import."""
    catalog = commands.add_parser("catalog", help="list, show and import pricing catalogs",
                                  description="List, show and import pricing catalogs.")
    actions = catalog.add_subparsers(dest="action", metavar="ACTION", required=True)

    def region_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--region", metavar="R", help="the newest embedded catalog for region R (default: the default catalog)")

    p = actions.add_parser("names", help="the catalogs embedded in libtco", description="List the catalogs embedded in libtco.")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.set_defaults(run=_cmd_catalog_names)

    p = actions.add_parser("list", help="the instance types of a catalog", description="List the instance types of a catalog.")
    p.add_argument("--gpu", action="store_true", help="only instance types with GPUs")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    region_option(p)
    _catalog_option(p)
    p.set_defaults(run=_cmd_catalog_list)

    p = actions.add_parser("show", help="everything a catalog says about one instance type",
                           description="Show one instance type: specs, GPU model and MIG profiles, on-demand, spot, "
                                       "commitment and Auto Mode figures, each with its source and confidence.")
    p.add_argument("instance_type", metavar="TYPE", help="an instance type, e.g. p5.48xlarge")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    region_option(p)
    _catalog_option(p)
    p.set_defaults(run=_cmd_catalog_show)

    p = actions.add_parser("import", help="refresh a catalog from AWS's own price files",
                           description="Build a catalog from a base catalog (default: the default embedded one) and an AWS "
                                       "Price List bulk offer file for EC2 (on-demand and standard RI prices) or the Spot "
                                       "Instance Advisor data file (spot savings and interruption buckets). The catalog "
                                       "(JSON) goes to standard output or --output; a summary to standard error.")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--offer-file", metavar="FILE", help="the AmazonEC2 offer file (index.json) of one region")
    source.add_argument("--spot-advisor", metavar="FILE", help="spot-advisor-data.json")
    p.add_argument("--base", metavar="NAME|FILE", help="the catalog to start from (default: the default embedded one)")
    p.add_argument("--region", metavar="R", help="the region to import (default: the base catalog's)")
    p.add_argument("--name", help="the new catalog's name (default: the base catalog's)")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="the new catalog's effective date (default: the offer file's publication date, or the base's)")
    p.add_argument("--output", "-o", metavar="FILE", help="write the catalog to FILE instead of standard output")
    p.set_defaults(run=_cmd_catalog_import)


def _add_project_command(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("project", help="project EKS and ECS month by month over a horizon",
                            description="Project EKS and ECS month by month: workload growth, price changes, one-time costs "
                                        "and the EKS version lifecycle (extended-support fees, upgrade staff time), with "
                                        "cumulative totals and net present values. The options override the spec file's "
                                        "keys; each month's EKS support comes from the upgrade policy (the scenario's "
                                        "eks.support is ignored).")
    p.add_argument("scenario", nargs="?", metavar="SCENARIO.json",
                   help="scenario file; '-' reads standard input (default: the embedded default scenario)")
    p.add_argument("--spec", metavar="FILE", help="a projection spec JSON file (growth, price_changes, one_time_costs, eks_lifecycle, ...)")
    p.add_argument("--start", metavar="YYYY-MM", help="the first month (default: the spec's, else the scenario's month)")
    p.add_argument("--months", metavar="N", type=int, help="how many months, 1 to 120 (default: the spec's, else 36)")
    p.add_argument("--upgrade-policy", choices=("none", "before-end-of-standard", "every-release"),
                   help="when the EKS cluster is upgraded (default: the spec's, else before-end-of-standard)")
    p.add_argument("--discount-rate", metavar="R", help="annual discount rate for the NPV, e.g. 0.08 (default: the spec's, else 0.08)")
    _catalog_option(p)
    p.add_argument("--format", choices=FORMATS + (XLSX,), default="table",
                   help="output format (default: table); xlsx needs --output FILE")
    p.add_argument("--output", "-o", metavar="FILE", help="write the result to FILE instead of standard output")
    p.set_defaults(run=_cmd_project)


def _add_scenario_command(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("scenario", help="print the default scenario as a starting point",
                            description="Print the embedded default scenario (JSON) as a starting point for your own.")
    p.add_argument("--output", "-o", metavar="FILE", help="write it to FILE instead of standard output")
    p.set_defaults(run=_cmd_scenario)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``tco``."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Monthly total cost of ownership of AI/GPU workloads on AWS: EKS vs ECS, in exact decimal money.",
        epilog="Exit status: 0 on success, 2 on any error (the message goes to standard error).",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} (libtco) {_core.version}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_compare_commands(commands)
    _add_catalog_commands(commands)
    _add_project_command(commands)
    _cli_analysis.add_commands(commands, _AnalysisContext, lambda p: _catalog_option(p))

    _add_scenario_command(commands)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs ``tco`` with ``argv`` (default: ``sys.argv[1:]``) and returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "format", None) == XLSX and getattr(args, "output", None) in (None, STDIN):
        print(f"{PROG} {args.command}: error: --format xlsx writes a binary workbook: give --output FILE.xlsx "
              "(it is never written to standard output)", file=sys.stderr)
        return EXIT_ERROR
    try:
        text = args.run(args)
        _emit(text, getattr(args, "output", None))
    except _Failure as e:
        print(f"{PROG}: {e}", file=sys.stderr)
        return EXIT_ERROR
    except Error as e:  # a libtco error not tied to one file
        print(f"{PROG}: {e}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`tco compare | head`): stop quietly, as other command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
