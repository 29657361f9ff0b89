"""The analysis subcommands of ``tco``: sweep, breakeven, sensitivity, montecarlo, recommend.

::

    tco sweep [SCENARIO.json] --param P=LOW:HIGH:COUNT|V1,V2,... [--param ...] [--format table|json|csv|xlsx]
    tco breakeven [SCENARIO.json] --param P --range LOW:HIGH [--scan N] [--format table|json|csv|xlsx]
    tco sensitivity [SCENARIO.json] [--param P=LOW:HIGH ...] [--format table|json|csv|xlsx]
    tco montecarlo [SCENARIO.json] [--spec FILE] [--samples N] [--seed S] [--param P=KIND:ARGS ...]
                   [--format table|json|csv|xlsx]
    tco recommend [SCENARIO.json] [--format table|json]

Parameters are JSON pointers into the scenario (``/team/engineers``, ``/eks/operations/on_call_hours_per_month``,
``/workloads/chat-llm/replicas``). Long runs draw a progress bar on standard error when it is a
terminal, or with ``--progress``; every command also takes ``--catalog``, ``--threads`` and ``--output``
(required with ``--format xlsx``, a workbook: see :mod:`libtco.spreadsheet`).
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Optional, Union

from . import _core, analysis

__all__ = ["add_commands"]

# A distribution on the command line: KIND:ARG:ARG..., the arguments in this order.
_DISTRIBUTION_ARGS = {
    "fixed": ("value",),
    "uniform": ("low", "high"),
    "triangular": ("low", "mode", "high"),
    "normal": ("mean", "sd", "low", "high"),
}


class UsageError(Exception):
    """A malformed option value; the message says what was expected."""


def _decimal(text: str, what: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise UsageError(f"{what}: expected a decimal number, got \"{text}\"") from None
    if not value.is_finite():
        raise UsageError(f"{what}: expected a finite decimal number, got \"{text}\"")
    return value


def _split_assignment(option: str, text: str) -> tuple[str, str]:
    name, sep, spec = text.partition("=")
    if not sep or not name.startswith("/") or not spec:
        raise UsageError(f"{option} {text}: expected PARAMETER=VALUES with a JSON pointer such as /team/engineers")
    return name, spec


def _values(name: str, spec: str) -> list[Decimal]:
    """LOW:HIGH:COUNT (evenly spaced by libtco::linspace itself: the step rounded half-even to 12 places,
    both ends included) or V1,V2,..."""
    parts = spec.split(":")
    if len(parts) == 3:
        low, high = _decimal(parts[0], name), _decimal(parts[1], name)
        try:
            count = int(parts[2])
        except ValueError:
            raise UsageError(f"{name}: COUNT must be a whole number, got \"{parts[2]}\"") from None
        if not 1 <= count <= _core.max_sweep_points:
            raise UsageError(f"{name}: COUNT must be 1 to {_core.with_thousands(str(_core.max_sweep_points))}, got {count}")
        return [Decimal(v) for v in _core.linspace(format(low, "f"), format(high, "f"), count)]
    if len(parts) == 1:
        return [_decimal(v, name) for v in spec.split(",")]
    raise UsageError(f"{name}={spec}: expected LOW:HIGH:COUNT or a comma-separated list of values")


def _distribution(name: str, spec: str) -> dict[str, Any]:
    kind, _, rest = spec.partition(":")
    if kind == "choice":
        values = [str(_decimal(v, name)) for v in rest.split(",")] if rest else []
        return {"distribution": "choice", "values": values}
    if kind not in _DISTRIBUTION_ARGS:
        raise UsageError(f"{name}: unknown distribution \"{kind}\" (expected fixed, uniform, triangular, normal or choice)")
    args = rest.split(":") if rest else []
    keys = _DISTRIBUTION_ARGS[kind]
    if len(args) != len(keys):
        raise UsageError(f"{name}: {kind} takes {':'.join(k.upper() for k in keys)}, got \"{rest}\"")
    return {"distribution": kind, **{k: str(_decimal(v, name)) for k, v in zip(keys, args)}}


class ProgressBar:
    """A progress bar on standard error: `label [#####.....]  50%  500/1000`."""

    WIDTH = 30

    def __init__(self, label: str) -> None:
        self.label = label
        self.shown = False

    def __call__(self, done: int, total: int) -> bool:
        filled = self.WIDTH if total == 0 else self.WIDTH * done // total
        percent = 100 if total == 0 else 100 * done // total
        sys.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (self.WIDTH - filled)}] {percent:3d}%  {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()
        self.shown = True
        return True


def _progress(args: argparse.Namespace, label: str) -> Optional[ProgressBar]:
    return ProgressBar(label) if args.progress or sys.stderr.isatty() else None


# --- commands -------------------------------------------------------------------------------------

Runner = Callable[[argparse.Namespace], Union[str, bytes]]


def _written(context: Any, result: Any, format: str) -> str | bytes:
    """A result in the format asked: JSON, CSV and tables written by libtco's C++ writers (as every front end prints them),
    XLSX by :mod:`libtco.spreadsheet`."""
    if format == "xlsx":
        return _workbook(context, result)
    text: str = result._text(format)
    return text + "\n" if format == "json" else text


def _workbook(context: Any, result: Any) -> bytes:
    """A result as XLSX bytes; a missing openpyxl (or a sweep too large for a sheet) is the command's failure."""
    from . import spreadsheet

    try:
        return spreadsheet.workbook_bytes(result)
    except (ModuleNotFoundError, ValueError) as e:
        raise context.failure(str(e)) from e


def _cmd_sweep(context: Any, args: argparse.Namespace) -> str | bytes:
    grid = {}
    for text in args.param:
        name, spec = _split_assignment("--param", text)
        if name in grid:
            raise UsageError(f"--param {name} is given twice")
        grid[name] = _values(name, spec)
    scenario, catalog = context.inputs(args)
    r = context.checked(args, lambda: analysis.sweep(scenario, grid, catalog=catalog, threads=args.threads, progress=_progress(args, "sweep")))
    return _written(context, r, args.format)


def _cmd_breakeven(context: Any, args: argparse.Namespace) -> str | bytes:
    low_text, sep, high_text = args.range.partition(":")
    if not sep:
        raise UsageError(f"--range {args.range}: expected LOW:HIGH")
    low, high = _decimal(low_text, "--range"), _decimal(high_text, "--range")
    scenario, catalog = context.inputs(args)
    b = context.checked(args, lambda: analysis.break_even(scenario, args.param, low, high, catalog=catalog, scan_points=args.scan,
                                                           threads=args.threads, progress=_progress(args, "break-even")))
    return _written(context, b, args.format)


def _cmd_sensitivity(context: Any, args: argparse.Namespace) -> str | bytes:
    ranges = {}
    for text in args.param or []:
        name, spec = _split_assignment("--param", text)
        if name in ranges:
            raise UsageError(f"--param {name} is given twice")
        low, sep, high = spec.partition(":")
        if not sep:
            raise UsageError(f"--param {text}: expected PARAMETER=LOW:HIGH")
        ranges[name] = (_decimal(low, name), _decimal(high, name))
    scenario, catalog = context.inputs(args)
    t = context.checked(args, lambda: analysis.sensitivity(scenario, ranges or None, catalog=catalog, threads=args.threads))
    return _written(context, t, args.format)


def _cmd_montecarlo(context: Any, args: argparse.Namespace) -> str | bytes:
    spec: dict[str, Any] = {}
    if args.spec is not None:
        text = context.read(args.spec, "Monte Carlo spec")
        spec = json.loads(context.checked_file(args.spec, lambda: _core.normalize_monte_carlo_spec(text)))  # strict, errors name the spec file
    parameters = {p["parameter"]: p["distribution"] for p in spec.get("parameters", [])}
    given: set[str] = set()
    for text in args.param or []:
        name, kind = _split_assignment("--param", text)
        if name in given:
            raise UsageError(f"--param {name} is given twice")
        given.add(name)
        parameters[name] = _distribution(name, kind)  # replaces the spec's distribution of that parameter
    samples = args.samples if args.samples is not None else int(spec.get("samples", 10000))
    seed = args.seed if args.seed is not None else int(spec.get("seed", 1))
    scenario, catalog = context.inputs(args)
    m = context.checked(args, lambda: analysis.monte_carlo(scenario, parameters or None, samples=samples, seed=seed, catalog=catalog,
                                                            threads=args.threads, progress=_progress(args, "Monte Carlo")))
    return _written(context, m, args.format)


def _cmd_recommend(context: Any, args: argparse.Namespace) -> str | bytes:
    scenario, catalog = context.inputs(args)
    r = context.checked(args, lambda: analysis.recommend(scenario, catalog=catalog))
    return _written(context, r, args.format)


def add_commands(commands: Any, context: Any, catalog_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Adds the analysis subcommands to `tco`'s subparsers; `context` reads inputs and words errors."""

    def common(p: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
        p.add_argument("scenario", nargs="?", metavar="SCENARIO.json",
                       help="scenario file; '-' reads standard input (default: the embedded default scenario)")
        catalog_option(p)
        p.add_argument("--format", choices=formats, default="table",
                       help="output format (default: table)" + ("; xlsx needs --output FILE" if "xlsx" in formats else ""))
        p.add_argument("--threads", type=int, default=0, metavar="N", help="worker threads (default: every core)")
        p.add_argument("--progress", action="store_true", help="draw a progress bar on standard error even when it is not a terminal")
        p.add_argument("--output", "-o", metavar="FILE", help="write the result to FILE instead of standard output")

    def runner(command: Callable[[Any, argparse.Namespace], Union[str, bytes]]) -> Runner:
        def run(args: argparse.Namespace) -> Union[str, bytes]:
            try:
                return command(context, args)
            except UsageError as e:
                raise context.failure(str(e)) from e

        return run

    p = commands.add_parser("sweep", help="evaluate a scenario over a grid of parameter values",
                            description="Evaluate EKS and ECS over a grid of parameter values (every combination; the last --param "
                                        "varies fastest). Staff-time parameters (team, effort figures, shares) and clusters are evaluated in closed form.")
    common(p, ("table", "json", "csv", "xlsx"))
    p.add_argument("--param", action="append", required=True, metavar="P=LOW:HIGH:COUNT|V1,V2,...",
                   help="a parameter (JSON pointer) and its values; repeat for a grid")
    p.set_defaults(run=runner(_cmd_sweep))

    p = commands.add_parser("breakeven", help="the parameter value at which EKS and ECS cost the same",
                            description="Find where EKS and ECS cost the same as one parameter moves over a range. "
                                        "No crossing in the range is an answer, not an error.")
    common(p, ("table", "json", "csv", "xlsx"))
    p.add_argument("--param", required=True, metavar="P", help="the parameter, e.g. /team/engineers")
    p.add_argument("--range", required=True, metavar="LOW:HIGH", help="the range to search")
    p.add_argument("--scan", type=int, default=64, metavar="N", help="intervals of the first scan (default: 64)")
    p.set_defaults(run=runner(_cmd_breakeven))

    p = commands.add_parser("sensitivity", help="a tornado: how far each parameter moves the difference",
                            description="Move each parameter alone to its low and high value and show how far the difference "
                                        "EKS - ECS moves, widest first. Default: the ranged assumptions the scenario uses.")
    common(p, ("table", "json", "csv", "xlsx"))
    p.add_argument("--param", action="append", metavar="P=LOW:HIGH", help="a parameter and its range; repeat")
    p.set_defaults(run=runner(_cmd_sensitivity))

    p = commands.add_parser("montecarlo", help="the distribution of each platform's cost under uncertain parameters",
                            description="Sample uncertain parameters and report percentiles of EKS, ECS and the difference, and "
                                        "the probability that EKS is cheaper. The same seed gives the same numbers everywhere. "
                                        "Default uncertainty: each figure of the staff-time effort model, triangular over its preset's range.")
    common(p, ("table", "json", "csv", "xlsx"))
    p.add_argument("--spec", metavar="FILE", help="a Monte Carlo spec JSON file: {seed, samples, parameters: [{parameter, distribution}]}")
    p.add_argument("--samples", type=int, metavar="N", help="samples (default: the spec's, else 10000)")
    p.add_argument("--seed", type=int, metavar="S", help="random seed (default: the spec's, else 1)")
    p.add_argument("--param", action="append", metavar="P=KIND:ARGS",
                   help="a distribution: uniform:LOW:HIGH, triangular:LOW:MODE:HIGH, normal:MEAN:SD:LOW:HIGH, choice:V1,V2,..., fixed:V")
    p.set_defaults(run=runner(_cmd_montecarlo))

    p = commands.add_parser("recommend", help="EKS, ECS or either, with the reasons and the figures behind them",
                            description="Recommend a platform from the computed figures and the scenario's criteria "
                                        "(needs_gpu_sharing, ml_platforms, multi_cloud, kubernetes_expertise, ai_core_business, "
                                        "sagemaker_for_most_ml).")
    common(p, ("table", "json"))
    p.set_defaults(run=runner(_cmd_recommend))
