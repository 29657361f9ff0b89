"""Decisions, not just totals: sweeps, break-even, sensitivity (tornado) and Monte Carlo.

Every function takes a scenario (a :class:`~libtco.Scenario` or anything :func:`~libtco.load_scenario`
accepts) and an optional catalog, names parameters by the JSON pointer of their value in the scenario
(``/team/engineers``, ``/eks/operations/on_call_hours_per_month``, ``/workloads/chat-llm/replicas``: a workload by name or index)
and runs in C++ without the GIL, on every core unless ``threads`` says otherwise.

Parameters that only reach the staff lines or the EKS cluster fee (team, effort figures, shares, clusters) are
evaluated in closed form (millions of points a second); any other re-runs the engine, placement
included. Money comes back exact: totals are int64 numpy arrays of cents, summaries ``Decimal``.
A ``progress`` callable gets ``(done, total)`` about ten times a second and may return ``False``
to stop the run, which then raises :class:`libtco.errors.Cancelled`.
"""

from __future__ import annotations

import html
import itertools
import json
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Optional, Sequence, Union

from . import _core, plots, spreadsheet
from ._internal import tables, text
from ._internal.result import Reproducible, call_text
from ._internal.tables import Cell, Sheet, about, cents, version_field
from .catalog import Catalog, load_catalog
from .scenario import Scenario, load_scenario
from .spreadsheet import Target

if TYPE_CHECKING:
    import numpy
    import pandas
    from matplotlib.axes import Axes

    from ._internal.source import Source

__all__ = ["BreakEven", "Crossing", "MonteCarlo", "Reason", "Recommendation", "Sweep", "Tornado", "TornadoBar", "break_even",
           "default_uncertainty", "monte_carlo", "recommend", "sensitivity", "sweep"]

Number = Union[Decimal, int, float, str]
Progress = Callable[[int, int], Optional[bool]]

_CENT = Decimal("0.01")
#: The smallest step of a scenario value (libtco::Decimal::places decimal places).
_PLACES = Decimal(1).scaleb(-_core.decimal_places)


def _float_text(value: float) -> str:
    """A float as decimal text: its shortest repr (0.1 is 0.1), rounded half-even to libtco's 12
    places when it has more (np.linspace(0.1, 0.2, 7) gives 17-digit floats)."""
    text = repr(float(value))  # float(): numpy scalars print as np.float64(...)
    exact = Decimal(text)
    if exact.is_finite() and exact.as_tuple().exponent < -_core.decimal_places:  # type: ignore[operator]
        return str(exact.quantize(_PLACES, rounding=ROUND_HALF_EVEN).normalize())
    return text


def _text(value: Number) -> str:
    """A parameter value as exact decimal text: Decimal, int and str as given, floats by :func:`_float_text`."""
    if isinstance(value, bool):
        raise TypeError("a parameter value must be a number, not a bool")
    if isinstance(value, (Decimal, int, str)):
        return str(value)
    if isinstance(value, float):
        return _float_text(value)
    try:
        return _float_text(float(value))  # numpy scalars
    except (TypeError, ValueError):
        raise TypeError(f"a parameter value must be a number, got {type(value).__name__}") from None


def _inputs(scenario: Source | Scenario, catalog: Optional[Source | Catalog]) -> tuple[str, Optional[str]]:
    c = _catalog_or_none(catalog)
    return load_scenario(scenario).to_json(), None if c is None else c._core_json


def _sweep_call(scenario: Source | Scenario, axes: Sequence[tuple[str, Sequence[str]]], catalog: Optional[Source | Catalog]) -> str:
    """The local call that computes a sweep of ``axes`` (what a Sweep's repr shows, wherever it ran)."""
    return call_text("sweep", load_scenario(scenario), {name: list(values) for name, values in axes}, catalog=_catalog_or_none(catalog))


def _catalog_or_none(catalog: Optional[Source | Catalog]) -> Optional[Catalog]:
    return None if catalog is None else load_catalog(catalog)


def _exact_text(value: Decimal) -> str:
    """A decimal as positional text, every digit kept (``str()`` would write 3E-12)."""
    return format(value, "f")


def _dollars(cents: int) -> Decimal:
    return Decimal(cents) * _CENT


def _evaluation(closed_form: bool, unit: str = "point") -> str:
    """How the points or samples were evaluated, for an About sheet."""
    return "closed form (placement unchanged)" if closed_form else f"each {unit} re-placed"


def _table_html(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# --- sweeps ---------------------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class Sweep(Reproducible):
    """A scenario evaluated on a grid (the cartesian product of each parameter's values, the last fastest).

    Attributes:
        axes: ``(parameter, values)`` per swept parameter, workloads by index, values exact.
        closed_form: True when no point needed the engine to re-place the workloads.
        eks_cents, ecs_cents: The rounded monthly totals of each point, in cents (int64 arrays).
    """

    axes: tuple[tuple[str, tuple[Decimal, ...]], ...]
    closed_form: bool
    eks_cents: numpy.ndarray
    ecs_cents: numpy.ndarray
    _call: str = field(default="", compare=False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sweep):
            return NotImplemented
        return (self.axes == other.axes and self.closed_form == other.closed_form
                and bool((self.eks_cents == other.eks_cents).all()) and bool((self.ecs_cents == other.ecs_cents).all()))

    def __hash__(self) -> int:  # consistent with ==: equal sweeps have equal axes
        return hash(self.axes)

    @property
    def difference_cents(self) -> numpy.ndarray:
        """EKS minus ECS per point, in cents: positive where EKS costs more."""
        return self.eks_cents - self.ecs_cents

    def __len__(self) -> int:
        return int(self.eks_cents.shape[0])

    def grid(self) -> list[numpy.ndarray]:
        """The parameter values of every point, one float64 array per axis."""
        import numpy as np

        mesh = np.meshgrid(*[np.array([float(v) for v in values]) for _, values in self.axes], indexing="ij")
        return [m.reshape(-1) for m in mesh]

    def to_frame(self) -> pandas.DataFrame:
        """One row per point: the parameters (floats), then eks_usd, ecs_usd, difference_usd (floats of exact cents)."""
        import pandas as pd

        columns: dict[str, Any] = {name: values for (name, _), values in zip(self.axes, self.grid())}
        columns["eks_usd"] = self.eks_cents / 100
        columns["ecs_usd"] = self.ecs_cents / 100
        columns["difference_usd"] = self.difference_cents / 100
        return pd.DataFrame(columns)

    def to_dict(self) -> dict[str, Any]:
        """Plain data: axes with exact decimal strings and totals as exact dollar strings."""
        return json.loads(self._text("json"))  # type: ignore[no-any-return]

    def to_csv(self) -> str:
        """The points as CSV: parameter columns (exact), then eks_usd, ecs_usd, difference_usd."""
        return self._text("csv")

    def _text(self, format: str) -> str:
        """The sweep as "json", "csv" or "table" text, written by libtco's C++ writers (libtco/io)."""
        axes = [(name, [_exact_text(v) for v in values]) for name, values in self.axes]
        return _core.sweep_text(axes, self.closed_form, self.eks_cents, self.ecs_cents, format)

    def _summary(self) -> str:
        axes = ", ".join(f"{name}: {len(values)} values" for name, values in self.axes)
        return f"{len(self)} points ({axes}); {'closed form' if self.closed_form else 're-placed'}"

    def plot(self, ax: Optional[Axes] = None, **kw: Any) -> Axes:
        """EKS minus ECS against the first parameter (one curve per value of a second), with an optional
        ``break_even=`` marked; see :func:`libtco.plots.break_even_curve`. Needs matplotlib."""
        return plots.break_even_curve(self, ax=ax, **kw)

    def _series(self) -> dict[str, Any]:
        """What :func:`libtco.plots.break_even_curve` draws of a sweep: the axes and EKS minus ECS per point."""
        return {"axes": self.axes, "difference_cents": self.difference_cents}

    def to_excel(self, path: Target) -> None:
        """Writes the points (a column per parameter, then EKS, ECS, EKS - ECS) as an XLSX workbook to ``path`` (a file name or a binary file object): money
        as dollar-formatted numbers, a bold frozen header per sheet (see :mod:`libtco.spreadsheet`).
        Needs openpyxl (``pip install 'libtco[xlsx]'``)."""
        spreadsheet.to_excel(self, path)

    def _sheets(self) -> list[Sheet]:
        """Sweep (a column per parameter, then EKS, ECS, EKS - ECS) and About; a sweep larger than a sheet is a ValueError."""
        if len(self) > tables.MAX_ROWS:
            raise ValueError(f"a sweep of {len(self):,} points does not fit in a sheet (at most {tables.MAX_ROWS:,} rows): write CSV instead")
        names = [name for name, _ in self.axes]
        points = itertools.product(*[values for _, values in self.axes])
        rows = ([*point, cents(e), cents(c), cents(int(e) - int(c))] for point, e, c in zip(points, self.eks_cents.tolist(), self.ecs_cents.tolist()))
        fields: list[tuple[str, Any]] = [(f"parameter {i + 1}", f"{name}: {len(values)} values from {values[0]} to {values[-1]}")
                                         for i, (name, values) in enumerate(self.axes)]
        fields += [("points", Cell(len(self), "number")), ("evaluation", _evaluation(self.closed_form)), version_field()]
        return [Sheet("Sweep", names + ["EKS (USD)", "ECS (USD)", "EKS - ECS (USD)"], ["number"] * len(names) + ["money"] * 3, rows),
                about(fields)]

    def _repr_html_(self) -> str:
        frame = self.to_frame()
        return f"<p>Sweep of {html.escape(self._summary())}</p>" + frame.head(20).to_html(index=False)


def sweep(
    scenario: Source | Scenario,
    grid: Mapping[str, Iterable[Number]],
    *,
    catalog: Optional[Source | Catalog] = None,
    threads: int = 0,
    progress: Optional[Progress] = None,
) -> Sweep:
    """Evaluates the scenario on every combination of parameter values.

    Args:
        grid: ``{parameter: values}``, e.g. ``{"/team/engineers": range(1, 41), "/eks/operations/on_call_hours_per_month": [4, 12, 24]}``.
            The last parameter varies fastest.

    Raises:
        ValidationError: a value the scenario could not hold (its ``path`` is the parameter's).
        NotFoundError: a parameter that is not a numeric value of the scenario.
        Cancelled: ``progress`` returned False.
    """
    scenario, catalog = load_scenario(scenario), _catalog_or_none(catalog)  # read once: the call text reuses them
    scenario_json, catalog_json = _inputs(scenario, catalog)
    axes = [(str(name), [_text(v) for v in values]) for name, values in grid.items()]
    r = _core.sweep(scenario_json, catalog_json, axes, threads, progress)
    call = _sweep_call(scenario, axes, catalog)
    return Sweep(tuple((name, tuple(Decimal(v) for v in values)) for name, values in r["axes"]), bool(r["closed_form"]), r["eks_cents"],
                 r["ecs_cents"], call)


# --- break-even -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Crossing:
    """Where EKS and ECS cost the same.

    ``kind`` is ``"root"`` where the difference passes through zero, ``"step"`` where it jumps over
    zero (a whole-number parameter, or one more replica needing another node): then ``low`` and
    ``high`` are the last values on either side. ``cheaper_above`` is the platform cheaper above it.
    """

    value: Decimal
    low: Decimal
    high: Decimal
    kind: str
    cheaper_above: str


@dataclass(frozen=True, repr=False)
class BreakEven(Reproducible):
    """The crossings of EKS and ECS over a parameter's range; none is an answer ("no crossing in range")."""

    parameter: str
    base_value: Decimal
    low: Decimal
    high: Decimal
    difference_at_low: Decimal
    difference_at_high: Decimal
    crossings: tuple[Crossing, ...]
    evaluations: int
    _call: str = field(default="", compare=False)

    @property
    def value(self) -> Optional[Decimal]:
        """The first crossing's value, or None when there is no crossing in the range."""
        return self.crossings[0].value if self.crossings else None

    def summary(self) -> str:
        """The answer in one sentence: where EKS and ECS cost the same, or that they do not in the range."""
        return self._summary()

    def _summary(self) -> str:
        return self._text("summary")

    def to_dict(self) -> dict[str, Any]:
        return json.loads(self._text("json"))  # type: ignore[no-any-return]

    def _text(self, format: str) -> str:
        """The break-even as "json", "csv", "table" or "summary" text, written by libtco's C++ writers (libtco/io)."""
        crossings = [(_exact_text(c.value), _exact_text(c.low), _exact_text(c.high), c.kind, c.cheaper_above) for c in self.crossings]
        return _core.break_even_text(self.parameter, _exact_text(self.base_value), _exact_text(self.low), _exact_text(self.high),
                                     _exact_text(self.difference_at_low), _exact_text(self.difference_at_high), crossings, self.evaluations, format)

    def to_frame(self) -> pandas.DataFrame:
        """One row per crossing: value, low, high (floats), kind, cheaper_above."""
        import pandas as pd

        return pd.DataFrame([{"parameter": self.parameter, "value": float(c.value), "low": float(c.low), "high": float(c.high),
                              "kind": c.kind, "cheaper_above": c.cheaper_above} for c in self.crossings],
                            columns=["parameter", "value", "low", "high", "kind", "cheaper_above"])

    def plot(self, ax: Optional[Axes] = None, **kw: Any) -> Axes:
        """The crossings marked on EKS minus ECS (give ``sweep=`` a sweep of the parameter for the whole
        curve); see :func:`libtco.plots.break_even_curve`. Needs matplotlib."""
        return plots.break_even_curve(kw.pop("sweep", None), self, ax=ax, **kw)

    def _series(self) -> dict[str, Any]:
        """What :func:`libtco.plots.break_even_curve` draws of a break-even: the range, its ends and the crossings."""
        return {"parameter": self.parameter, "low": self.low, "high": self.high, "difference_at_low": self.difference_at_low,
                "difference_at_high": self.difference_at_high,
                "crossings": [{"value": c.value, "low": c.low, "high": c.high, "kind": c.kind, "cheaper_above": c.cheaper_above}
                              for c in self.crossings]}

    def to_excel(self, path: Target) -> None:
        """Writes the crossings as an XLSX workbook to ``path`` (a file name or a binary file object): money
        as dollar-formatted numbers, a bold frozen header per sheet (see :mod:`libtco.spreadsheet`).
        Needs openpyxl (``pip install 'libtco[xlsx]'``)."""
        spreadsheet.to_excel(self, path)

    def _sheets(self) -> list[Sheet]:
        """Crossings and About."""
        rows = [[c.value, c.low, c.high, c.kind, c.cheaper_above.upper()] for c in self.crossings]
        fields = [("parameter", self.parameter), ("scenario's value", Cell(self.base_value, "number")), ("range low", Cell(self.low, "number")),
                  ("range high", Cell(self.high, "number")), ("EKS - ECS at low", Cell(self.difference_at_low, "money")),
                  ("EKS - ECS at high", Cell(self.difference_at_high, "money")), ("evaluations", Cell(self.evaluations, "number")),
                  ("summary", self.summary()), version_field()]
        return [Sheet("Crossings", ("value", "low", "high", "kind", "cheaper above"), ("number", "number", "number", "text", "text"), rows),
                about(fields)]

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.summary())}</p>"


def break_even(
    scenario: Source | Scenario,
    parameter: str,
    low: Number,
    high: Number,
    *,
    catalog: Optional[Source | Catalog] = None,
    scan_points: int = 64,
    threads: int = 0,
    progress: Optional[Progress] = None,
) -> BreakEven:
    """The values of ``parameter`` in ``[low, high]`` at which EKS and ECS cost the same.

    The range is scanned at ``scan_points`` intervals and every change of sign refined (Illinois
    regula falsi; bisection on whole numbers). No crossing in the range is returned, not raised.
    """
    scenario, catalog = load_scenario(scenario), _catalog_or_none(catalog)  # read once: the call text reuses them
    scenario_json, catalog_json = _inputs(scenario, catalog)
    d = json.loads(_core.break_even_json(scenario_json, catalog_json, parameter, _text(low), _text(high), scan_points, threads, progress))
    crossings = tuple(Crossing(Decimal(c["value"]), Decimal(c["low"]), Decimal(c["high"]), c["kind"], c["cheaper_above"]) for c in d["crossings"])
    call = call_text("break_even", load_scenario(scenario), parameter, _text(low), _text(high), catalog=_catalog_or_none(catalog),
                     scan_points=scan_points)
    return BreakEven(d["parameter"], Decimal(d["base_value"]), Decimal(d["low"]), Decimal(d["high"]), Decimal(d["difference_at_low_usd"]),
                     Decimal(d["difference_at_high_usd"]), crossings, int(d["evaluations"]), call)


# --- sensitivity ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TornadoBar:
    """One parameter moved alone to its low and high value; differences are EKS - ECS, rounded."""

    parameter: str
    base_value: Decimal
    low: Decimal
    high: Decimal
    difference_at_low: Decimal
    difference_at_high: Decimal
    swing: Decimal


@dataclass(frozen=True, repr=False)
class Tornado(Reproducible):
    """How far each parameter moves the difference, widest first."""

    base_difference: Decimal
    base_eks: Decimal
    base_ecs: Decimal
    bars: tuple[TornadoBar, ...]
    _call: str = field(default="", compare=False)

    def to_frame(self) -> pandas.DataFrame:
        import pandas as pd

        return pd.DataFrame(
            [{"parameter": b.parameter, "base_value": float(b.base_value), "low": float(b.low), "high": float(b.high),
              "difference_at_low_usd": float(b.difference_at_low), "difference_at_high_usd": float(b.difference_at_high),
              "swing_usd": float(b.swing)} for b in self.bars],
            columns=["parameter", "base_value", "low", "high", "difference_at_low_usd", "difference_at_high_usd", "swing_usd"])

    def to_dict(self) -> dict[str, Any]:
        return json.loads(self._text("json"))  # type: ignore[no-any-return]

    def _text(self, format: str) -> str:
        """The tornado as "json", "csv" or "table" text, written by libtco's C++ writers (libtco/io)."""
        bars = [(b.parameter, _exact_text(b.base_value), _exact_text(b.low), _exact_text(b.high), _exact_text(b.difference_at_low),
                 _exact_text(b.difference_at_high)) for b in self.bars]
        return _core.tornado_text(_exact_text(self.base_difference), _exact_text(self.base_eks), _exact_text(self.base_ecs), bars, format)

    def _summary(self) -> str:
        widest = f"; widest: {self.bars[0].parameter} ({text.dollars(self.bars[0].swing)})" if self.bars else ""
        return f"{len(self.bars)} parameters around EKS - ECS = {text.dollars(self.base_difference)}{widest}"

    def plot(self, ax: Optional[Axes] = None, **kw: Any) -> Axes:
        """The tornado chart; see :func:`libtco.plots.tornado`. Needs matplotlib."""
        return plots.tornado(self, ax=ax, **kw)

    def _series(self) -> dict[str, Any]:
        """What :func:`libtco.plots.tornado` draws: the scenario's difference and each bar's, widest first."""
        return {"base_difference": self.base_difference,
                "bars": [{"parameter": b.parameter, "low": b.low, "high": b.high, "difference_at_low": b.difference_at_low,
                          "difference_at_high": b.difference_at_high} for b in self.bars]}

    def to_excel(self, path: Target) -> None:
        """Writes the tornado as an XLSX workbook to ``path`` (a file name or a binary file object): money
        as dollar-formatted numbers, a bold frozen header per sheet (see :mod:`libtco.spreadsheet`).
        Needs openpyxl (``pip install 'libtco[xlsx]'``)."""
        spreadsheet.to_excel(self, path)

    def _sheets(self) -> list[Sheet]:
        """Tornado and About."""
        rows = [[b.parameter, b.base_value, b.low, b.high, b.difference_at_low, b.difference_at_high, b.swing] for b in self.bars]
        fields = [("EKS at the scenario's values", Cell(self.base_eks, "money")), ("ECS at the scenario's values", Cell(self.base_ecs, "money")),
                  ("EKS - ECS at the scenario's values", Cell(self.base_difference, "money")), version_field()]
        return [Sheet("Tornado", ("parameter", "base value", "low", "high", "EKS - ECS at low (USD)", "EKS - ECS at high (USD)", "swing (USD)"),
                      ("text", "number", "number", "number", "money", "money", "money"), rows),
                about(fields)]

    def _repr_html_(self) -> str:
        rows = [(b.parameter, b.low, b.high, text.amount(b.difference_at_low), text.amount(b.difference_at_high), text.amount(b.swing)) for b in self.bars]
        return f"<p>EKS - ECS at the scenario's values: {text.dollars(self.base_difference)}</p>" + _table_html(
            ["parameter", "low", "high", "EKS - ECS at low", "EKS - ECS at high", "swing"], rows)


def sensitivity(
    scenario: Source | Scenario,
    ranges: Optional[Mapping[str, tuple[Number, Number]]] = None,
    *,
    catalog: Optional[Source | Catalog] = None,
    threads: int = 0,
) -> Tornado:
    """A tornado: each parameter of ``ranges`` (``{parameter: (low, high)}``) moved alone.

    Without ``ranges``, the assumptions the scenario uses that have a plausible range (ops shares,
    spot fallback, checkpointing, reserved memory, ...) are moved over that range.
    """
    scenario, catalog = load_scenario(scenario), _catalog_or_none(catalog)  # read once: the call text reuses them
    scenario_json, catalog_json = _inputs(scenario, catalog)
    triples = [(p, _text(lo), _text(hi)) for p, (lo, hi) in (ranges or {}).items()]
    d = json.loads(_core.sensitivity_json(scenario_json, catalog_json, triples, threads))
    bars = tuple(TornadoBar(b["parameter"], Decimal(b["base_value"]), Decimal(b["low"]), Decimal(b["high"]), Decimal(b["difference_at_low"]),
                            Decimal(b["difference_at_high"]), Decimal(b["swing"])) for b in d["bars"])
    call = call_text("sensitivity", load_scenario(scenario), {p: (lo, hi) for p, lo, hi in triples} if ranges else None,
                     catalog=_catalog_or_none(catalog))
    return Tornado(Decimal(d["base_difference_usd"]), Decimal(d["base_eks_usd"]), Decimal(d["base_ecs_usd"]), bars, call)


# --- Monte Carlo ----------------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class MonteCarlo(Reproducible):
    """The distribution of each platform's monthly cost and of the difference under uncertain parameters.

    Attributes:
        spec: The run as JSON data (seed, samples, each parameter's distribution): run it again to
            get the same numbers, on any machine and thread count.
        summary: Per ``"eks"``, ``"ecs"``, ``"difference"``: ``mean`` (exact Decimal), ``stdev`` (float),
            ``min``, ``max`` and ``percentiles`` ({5: Decimal, ..., 95: Decimal}, nearest rank).
        probability_eks_cheaper: The share of samples in which EKS costs less (exact).
        eks_cents, ecs_cents: Every sample's rounded totals in cents (int64 arrays).
        draws: Every sample's value of each parameter (float64 arrays, by parameter).
    """

    spec: dict[str, Any]
    closed_form: bool
    summary: dict[str, dict[str, Any]]
    probability_eks_cheaper: Decimal
    eks_cents: numpy.ndarray
    ecs_cents: numpy.ndarray
    draws: dict[str, numpy.ndarray]
    _call: str = field(default="", compare=False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MonteCarlo):
            return NotImplemented
        return (self.spec == other.spec and self.closed_form == other.closed_form and self.summary == other.summary
                and self.probability_eks_cheaper == other.probability_eks_cheaper
                and bool((self.eks_cents == other.eks_cents).all()) and bool((self.ecs_cents == other.ecs_cents).all())
                and self.draws.keys() == other.draws.keys() and all(bool((v == other.draws[k]).all()) for k, v in self.draws.items()))

    def __hash__(self) -> int:  # consistent with ==: equal runs have equal specs and probabilities
        return hash((json.dumps(self.spec, sort_keys=True), self.probability_eks_cheaper))

    @property
    def samples(self) -> int:
        return int(self.eks_cents.shape[0])

    @property
    def difference_cents(self) -> numpy.ndarray:
        return self.eks_cents - self.ecs_cents

    def to_frame(self) -> pandas.DataFrame:
        """One row per sample: each parameter's draw, then eks_usd, ecs_usd, difference_usd (floats)."""
        import pandas as pd

        columns: dict[str, Any] = dict(self.draws)
        columns["eks_usd"] = self.eks_cents / 100
        columns["ecs_usd"] = self.ecs_cents / 100
        columns["difference_usd"] = self.difference_cents / 100
        return pd.DataFrame(columns)

    def percentiles_frame(self) -> pandas.DataFrame:
        """Mean, standard deviation and percentiles of EKS, ECS and the difference (rows), in dollars."""
        import pandas as pd

        rows = {}
        for name in ("eks", "ecs", "difference"):
            s = self.summary[name]
            row = {"mean": float(s["mean"]), "stdev": s["stdev"], "min": float(s["min"])}
            row.update({f"p{p}": float(v) for p, v in s["percentiles"].items()})
            row["max"] = float(s["max"])
            rows[name] = row
        return pd.DataFrame.from_dict(rows, orient="index")

    def to_dict(self) -> dict[str, Any]:
        return json.loads(self._text("json"))  # type: ignore[no-any-return]

    def _text(self, format: str) -> str:
        """The run as "json", "csv" (every sample) or "table" text, written by libtco's C++ writers (libtco/io); the
        statistics are those of the samples' cents."""
        draws = [self.draws[p["parameter"]] for p in self.spec["parameters"]]
        return _core.monte_carlo_text(json.dumps(self.spec), self.closed_form, self.eks_cents, self.ecs_cents, draws, format)

    def _summary(self) -> str:
        d = self.summary["difference"]
        return (f"{self.samples} samples, seed {self.spec['seed']}: P(EKS cheaper) = {float(self.probability_eks_cheaper):.3f}; "
                f"EKS - ECS median {text.dollars(d['percentiles'][50])} (90% in {text.dollars(d['percentiles'][5])} .. {text.dollars(d['percentiles'][95])})")

    def plot(self, ax: Optional[Sequence[Axes]] = None, **kw: Any) -> tuple[Axes, Axes]:
        """Histograms of each platform's cost and of EKS minus ECS (two Axes); see
        :func:`libtco.plots.monte_carlo_histograms`. Needs matplotlib."""
        return plots.monte_carlo_histograms(self, ax=ax, **kw)

    def _series(self) -> dict[str, Any]:
        """What :func:`libtco.plots.monte_carlo_histograms` draws: every sample's totals, the summaries and P(EKS cheaper)."""
        return {"eks_cents": self.eks_cents, "ecs_cents": self.ecs_cents, "difference_cents": self.difference_cents,
                "summary": self.summary, "samples": self.samples, "probability_eks_cheaper": self.probability_eks_cheaper}

    def to_excel(self, path: Target) -> None:
        """Writes the summary and every sample as an XLSX workbook to ``path`` (a file name or a binary file object): money
        as dollar-formatted numbers, a bold frozen header per sheet (see :mod:`libtco.spreadsheet`).
        Needs openpyxl (``pip install 'libtco[xlsx]'``)."""
        spreadsheet.to_excel(self, path)

    def _sheets(self) -> list[Sheet]:
        """Summary, Samples (when they fit in a sheet) and About."""
        statistics: list[tuple[str, Any]] = [("mean", "mean"), ("standard deviation", "stdev"), ("min", "min")]
        percentiles = list(self.summary["eks"]["percentiles"])
        columns = ("eks", "ecs", "difference")
        summary = [[label] + [self.summary[c][key] for c in columns] for label, key in statistics]
        summary += [[f"p{p}"] + [self.summary[c]["percentiles"][p] for c in columns] for p in percentiles]
        summary.append(["max"] + [self.summary[c]["max"] for c in columns])
        sheets = [Sheet("Summary", ("statistic", "EKS (USD)", "ECS (USD)", "EKS - ECS (USD)"), ("text", "money", "money", "money"), summary)]
        fields = [("samples", Cell(self.samples, "number")), ("seed", Cell(self.spec["seed"], "number")),
                  ("P(EKS cheaper)", Cell(self.probability_eks_cheaper, "share")), ("evaluation", _evaluation(self.closed_form, "sample"))]
        fields += [(p["parameter"], json.dumps(p["distribution"])) for p in self.spec["parameters"]]
        names = list(self.draws)
        if self.samples <= tables.MAX_ROWS:
            draws = [self.draws[n].tolist() for n in names]
            rows = ([i] + [d[i] for d in draws] + [cents(e), cents(c), cents(e - c)]
                    for i, (e, c) in enumerate(zip(self.eks_cents.tolist(), self.ecs_cents.tolist())))
            sheets.append(Sheet("Samples", ["sample"] + names + ["EKS (USD)", "ECS (USD)", "EKS - ECS (USD)"],
                                ["number"] * (len(names) + 1) + ["money"] * 3, rows))
        else:
            fields.append(("Samples", f"{self.samples:,} samples do not fit in a sheet (at most {tables.MAX_ROWS:,} rows): write CSV for every sample"))
        sheets.append(about(fields + [version_field()]))
        return sheets

    def _repr_html_(self) -> str:
        return f"<p>Monte Carlo: {html.escape(self._summary())}</p>" + self.percentiles_frame().to_html(float_format=lambda v: text.amount(Decimal(v).quantize(_CENT)))


def _summary(d: dict[str, Any]) -> dict[str, Any]:
    return {"mean": Decimal(d["mean_usd"]), "stdev": float(d["stdev_usd"]), "min": _dollars(d["min_cents"]), "max": _dollars(d["max_cents"]),
            "percentiles": {int(k[1:]): _dollars(v) for k, v in d["percentile_cents"].items()}}


def default_uncertainty(scenario: Source | Scenario) -> dict[str, dict[str, Any]]:
    """The distributions Monte Carlo uses when given none: each figure of the staff-time effort model
    over its preset's range (triangular, most likely at the scenario's value; counts over whole
    values), or the seed's shares where a scenario uses them."""
    s = load_scenario(scenario)
    return {p["parameter"]: p["distribution"] for p in json.loads(_core.default_uncertainty_json(s.to_json()))}


def _monte_carlo_call(scenario: Source | Scenario, spec: Mapping[str, Any], catalog: Optional[Source | Catalog]) -> str:
    """The local call that computes a run of ``spec`` (what a MonteCarlo's repr shows, wherever it ran)."""
    parameters = {p["parameter"]: p["distribution"] for p in spec.get("parameters", [])} or None
    return call_text("monte_carlo", load_scenario(scenario), parameters, samples=spec["samples"], seed=spec["seed"],
                     catalog=_catalog_or_none(catalog))


def _monte_carlo_spec(parameters: Optional[Mapping[str, Mapping[str, Any]]], samples: int, seed: int) -> dict[str, Any]:
    """The spec ``_core.monte_carlo`` reads: seed, samples and each distribution with its numbers as exact text."""
    spec: dict[str, Any] = {"seed": seed, "samples": samples}
    if parameters:
        spec["parameters"] = [{"parameter": p, "distribution": {k: _text(v) if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool)
                                                                   else ([_text(x) for x in v] if isinstance(v, (list, tuple)) else v)
                                                                   for k, v in dict(d).items()}}
                              for p, d in parameters.items()]
    return spec


def monte_carlo(
    scenario: Source | Scenario,
    parameters: Optional[Mapping[str, Mapping[str, Any]]] = None,
    *,
    samples: int = 10000,
    seed: int = 1,
    catalog: Optional[Source | Catalog] = None,
    threads: int = 0,
    progress: Optional[Progress] = None,
) -> MonteCarlo:
    """Samples uncertain parameters and returns the distribution of each platform's cost.

    Args:
        parameters: ``{parameter: distribution}``, a distribution being e.g.
            ``{"distribution": "triangular", "low": 0.1, "mode": 0.15, "high": 0.2}``, ``"uniform"``
            (low, high), ``"normal"`` (mean, sd, low, high: truncated), ``"choice"`` (values,
            weights) or ``"fixed"`` (value). None: :func:`default_uncertainty`.
        samples, seed: The same seed gives the same numbers on every machine and thread count.
    """
    scenario, catalog = load_scenario(scenario), _catalog_or_none(catalog)  # read once: the call text reuses them
    scenario_json, catalog_json = _inputs(scenario, catalog)
    spec = _monte_carlo_spec(parameters, samples, seed)
    r = _core.monte_carlo(scenario_json, catalog_json, json.dumps(spec), threads, progress)
    summary = json.loads(r["summary_json"])
    names = [p["parameter"] for p in summary["spec"]["parameters"]]
    call = _monte_carlo_call(scenario, spec, catalog)
    return MonteCarlo(summary["spec"], bool(summary["closed_form"]), {k: _summary(summary[k]) for k in ("eks", "ecs", "difference")},
                      Decimal(summary["probability_eks_cheaper"]), r["eks_cents"], r["ecs_cents"], dict(zip(names, r["draws"])), call)


# --- recommendation -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """One reason: the platform it favours (``"eks"``, ``"ecs"`` or ``"neither"``), its points, its text with the figure."""

    favours: str
    points: int
    text: str


@dataclass(frozen=True, repr=False)
class Recommendation(Reproducible):
    """EKS, ECS or either, from the computed figures and the scenario's ``criteria``.

    ``score`` is the sum of the reasons' points (positive favours EKS); within one point of zero
    the verdict is ``"either"``. The points per criterion are documented in ``libtco/analysis/recommendation.hpp``.
    """

    platform: str
    score: int
    headline: str
    reasons: tuple[Reason, ...]
    text: str
    _call: str = field(default="", compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"platform": self.platform, "score": self.score, "headline": self.headline,
                "reasons": [{"favours": r.favours, "points": r.points, "text": r.text} for r in self.reasons]}

    def to_text(self) -> str:
        return self.text

    def _text(self, format: str) -> str:
        """The recommendation as "json" or "table" text, written by libtco's C++ writers (libtco/io)."""
        reasons = [(r.favours, r.points, r.text) for r in self.reasons]
        return _core.recommendation_text(self.platform, self.score, self.headline, reasons, format)

    def to_frame(self) -> pandas.DataFrame:
        """One row per reason: favours, points, text."""
        import pandas as pd

        return pd.DataFrame([{"favours": r.favours, "points": r.points, "text": r.text} for r in self.reasons],
                            columns=["favours", "points", "text"])

    def _summary(self) -> str:
        return f"{self.platform}: {self.headline}"

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(('+' + str(r.points) + ' ' + r.favours.upper() + ': ') if r.points else '')}{html.escape(r.text)}</li>"
                        for r in self.reasons)
        return f"<p><b>{html.escape(self.headline)}</b></p><ul>{items}</ul>"


def recommend(scenario: Source | Scenario, *, catalog: Optional[Source | Catalog] = None) -> Recommendation:
    """Recommends EKS, ECS or either, each reason citing its figure: the infrastructure gap first, then
    staff time with its break-even in hours a month, the total, GPU sharing and the team's criteria."""
    scenario, catalog = load_scenario(scenario), _catalog_or_none(catalog)  # read once: the call text reuses them
    scenario_json, catalog_json = _inputs(scenario, catalog)
    d = json.loads(_core.recommend(scenario_json, catalog_json, "json"))
    text = _core.recommend(scenario_json, catalog_json, "table")
    call = call_text("recommend", load_scenario(scenario), catalog=_catalog_or_none(catalog))
    return Recommendation(d["platform"], int(d["score"]), d["headline"], tuple(Reason(r["favours"], int(r["points"]), r["text"]) for r in d["reasons"]),
                          text, call)
