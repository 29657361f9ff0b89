"""The ``tco`` command line (also ``python -m libtco``).

::

    tco compare [SCENARIO.json] [--format table|json|csv] [--catalog FILE] [--output FILE]
    tco validate SCENARIO.json [--catalog FILE]
    tco catalog [--gpu] [--catalog FILE] [--format table|json|csv]
    tco scenario [--output FILE]
    tco --version

``compare`` with no file uses the embedded default scenario; ``-`` reads the scenario from standard
input. Reports are rendered by the C++ core, so ``tco compare --format json`` prints the same bytes
as a C++ program printing ``libtco::to_json(comparison).dump(2)`` and a newline.

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
from typing import Callable, Optional, TypeVar

from . import _core
from ._source import decode_text, read_text
from .catalog import Catalog, InstanceType
from .errors import Error, InputError

__all__ = ["main"]

PROG = "tco"
EXIT_OK = 0
EXIT_ERROR = 2
FORMATS = ("table", "json", "csv")
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


def _catalog_text(path: Optional[str]) -> Optional[str]:
    """The validated text of --catalog FILE, or None for the embedded catalog."""
    if path is None:
        return None
    text = _checked(path, lambda: _read_document(path, what="catalog"))
    _checked(path, lambda: _core.check_catalog(text))
    return text


def _scenario_text(path: Optional[str]) -> str:
    if path is None:
        return _core.default_scenario_json()
    return _checked(path, lambda: _read_document(path, what="scenario"))


def _emit(text: str, output: Optional[str]) -> None:
    """Writes the complete result to --output FILE or standard output, as UTF-8."""
    if output is not None and output != STDIN:
        try:
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


# --- subcommands -----------------------------------------------------------------------------


def _cmd_compare(args: argparse.Namespace) -> str:
    catalog = _catalog_text(args.catalog)
    scenario = _scenario_text(args.scenario)
    text = _checked(args.scenario, lambda: _core.render(scenario, catalog, args.format))
    return _with_newline(text)


def _cmd_validate(args: argparse.Namespace) -> str:
    catalog = _catalog_text(args.catalog)
    scenario = _scenario_text(args.scenario)
    report = json.loads(_checked(args.scenario, lambda: _core.compare_json(scenario, catalog)))
    normalized = json.loads(_core.normalize_scenario(scenario))
    workloads = normalized["workloads"]
    replicas = sum(int(w["replicas"]) for w in workloads)
    return (
        f"ok: {_label(args.scenario)}: scenario \"{report['scenario']}\", {report['month']} ({report['hours']} h, {report['hours_basis']}), "
        f"{len(workloads)} workload(s), {replicas} replica(s); catalog {report['catalog']['name']}; "
        f"EKS ${Decimal(report['eks']['total_usd']):,} vs ECS ${Decimal(report['ecs']['total_usd']):,} a month, "
        f"cheaper: {report['cheaper']}\n"
    )


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


def _cmd_catalog(args: argparse.Namespace) -> str:
    text = _catalog_text(args.catalog)
    catalog = Catalog.embedded() if text is None else _checked(args.catalog, lambda: Catalog._from_text(text))
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
    widths = [max(len(r[i]) for r in cells) for i in range(len(_CATALOG_COLUMNS))]
    left = {0, 4}  # type and GPU model are text; the rest are numbers

    def line(r: list[str]) -> str:
        return "  ".join(c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()

    title = (
        f"catalog {catalog.name} ({catalog.region}, effective {catalog.effective_date}): "
        f"{len(rows)} {'GPU ' if args.gpu else ''}instance type(s)"
    )
    body = [line(cells[0]), "-" * len(line(cells[0]))] + [line(r) for r in cells[1:]]
    return "\n".join([title, "", *body]) + "\n"


def _cmd_scenario(args: argparse.Namespace) -> str:
    return _with_newline(_core.default_scenario_json())


# --- the parser ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``tco``."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Monthly total cost of ownership of AI/GPU workloads on AWS: EKS vs ECS, in exact decimal money.",
        epilog="Exit status: 0 on success, 2 on any error (the message goes to standard error).",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} (libtco) {_core.version}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def catalog_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--catalog", metavar="FILE", help="pricing catalog JSON (default: the catalog embedded in libtco)")

    p = commands.add_parser("compare", help="compare EKS and ECS for a scenario", description="Compare EKS and ECS for a scenario.")
    p.add_argument("scenario", nargs="?", metavar="SCENARIO.json",
                   help="scenario file; '-' reads standard input (default: the embedded default scenario)")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    catalog_option(p)
    p.add_argument("--output", "-o", metavar="FILE", help="write the result to FILE instead of standard output")
    p.set_defaults(run=_cmd_compare)

    p = commands.add_parser("validate", help="check a scenario by running the full comparison",
                            description="Check a scenario: parse it and run the full comparison (catches lookup and placement errors).")
    p.add_argument("scenario", metavar="SCENARIO.json", help="scenario file; '-' reads standard input")
    catalog_option(p)
    p.set_defaults(run=_cmd_validate)

    p = commands.add_parser("catalog", help="list the instance types of a catalog", description="List the instance types of a catalog.")
    p.add_argument("--gpu", action="store_true", help="only instance types with GPUs")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    catalog_option(p)
    p.set_defaults(run=_cmd_catalog)

    p = commands.add_parser("scenario", help="print the default scenario as a starting point",
                            description="Print the embedded default scenario (JSON) as a starting point for your own.")
    p.add_argument("--output", "-o", metavar="FILE", help="write it to FILE instead of standard output")
    p.set_defaults(run=_cmd_scenario)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs ``tco`` with ``argv`` (default: ``sys.argv[1:]``) and returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
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
