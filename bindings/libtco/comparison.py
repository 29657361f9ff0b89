"""The comparison of EKS and ECS for one scenario and catalog, and the report it produces.

:func:`compare` runs the C++ engine; the :class:`Comparison` it returns wraps the report the
C++ core wrote (``to_json()`` is that text, byte for byte) with money as ``decimal.Decimal``.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, Mapping, Optional

from . import _core, plots, spreadsheet
from ._internal import text
from ._internal.document import PICKLE_VERSION, check_pickle_version
from ._internal.result import call_text
from ._internal.tables import Cell, Sheet, about, day, month, platform_name, version_field
from .catalog import Catalog, load_catalog
from .scenario import Scenario, load_scenario
from .spreadsheet import Target

if TYPE_CHECKING:
    import pandas
    from matplotlib.axes import Axes

    from ._internal.source import Source

__all__ = ["Assumption", "Comparison", "InstanceGroup", "LineItem", "PlatformReport", "ReportWarning", "compare"]


#: Report keys whose values are exact decimal strings (money, rates, hours, assumption values).
_DECIMAL_KEYS = frozenset(
    {"hours", "total_usd", "usd", "usd_exact", "usd_per_hour", "difference_usd", "infrastructure_usd", "staff_usd", "hours_per_month",
     "infrastructure_difference_usd", "staff_difference_usd", "value", "default", "low", "high", "discount",
     "capacity", "requested", "memory_gib", "gpus", "gpu_hours_paid", "gpu_hours_requested", "gpu_utilization", "compute_usd",
     "saving_usd", "time_slicing_efficiency"}
)

#: Columns of PlatformReport.placement_frame(); Comparison.placement_frame() puts "platform" first.
PLACEMENT_COLUMNS = ("node", "instance_type", "hours", "origin", "gpu", "capacity", "requested", "memory_gib", "exclusive",
                     "mig_profiles", "workload", "replicas")

#: Categories of line items, in the order reports show them (libtco::category::all).
CATEGORIES: tuple[str, ...] = tuple(_core.categories)

#: Columns of PlatformReport.to_frame(); Comparison.to_frame() puts "platform" first.
FRAME_COLUMNS = ("category", "item", "detail", "usd", "usd_exact", "confidence")


def _decimals(value: Any, key: Optional[str] = None) -> Any:
    """The report data with its exact decimal strings turned into Decimal."""
    if isinstance(value, dict):
        return {k: _decimals(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_decimals(v) for v in value]
    if key in _DECIMAL_KEYS and isinstance(value, str):
        return Decimal(value)
    return value


@dataclass(frozen=True)
class LineItem:
    """One line of a platform's bill.

    Attributes:
        category: ``"control_plane"``, ``"compute"`` or ``"operations"``.
        item: What is charged, e.g. ``"g5.xlarge"`` or ``"EKS cluster fee (standard support)"``.
        detail: How the amount was worked out, e.g. ``"8 x 730 h x $1.006/h"``.
        usd: The amount in cents, rounded so that a platform's lines add up to its total.
        usd_exact: The exact amount.
        sources: The catalog source ids (or assumption names, which start with ``/``) it rests on.
        confidence: The weakest confidence among them: ``"high"``, ``"medium"`` or ``"low"``.
    """

    category: str
    item: str
    detail: str
    usd: Decimal
    usd_exact: Decimal
    sources: tuple[str, ...] = ()
    confidence: str = "low"


@dataclass(frozen=True)
class ReportWarning:
    """Something a reader should know about the numbers.

    Attributes:
        code: ``"stale_catalog"`` (the billed month is more than a year after the catalog's date),
            ``"superseded_catalog"`` (the catalog's prices are known to have changed before the month),
            ``"catalog_after_month"`` (the catalog is dated after the billed month) or
            ``"catalog_not_as_named"`` (the scenario names another catalog than the one used).
        message: The explanation.
    """

    code: str
    message: str


@dataclass(frozen=True)
class InstanceGroup:
    """Instances of one type running the same hours on one platform.

    Attributes:
        instance_type: The EC2 instance type.
        count: How many instances.
        hours: Hours each runs in the month.
        usd_per_hour: The on-demand price of one.
        usd_exact: ``count x hours x usd_per_hour``, exact.
        origin: ``"placed"`` (chosen by libtco) or ``"given"`` (explicit ``nodes`` in the scenario).
        purchase: ``"on-demand"`` or ``"spot"``.
        share: The share of these instances' hours bought this way (1 unless spot is in use).
        price_source: The catalog source of the price (``"scenario"`` for an override).
        replicas: Workload name -> replicas running on these instances.
    """

    instance_type: str
    count: int
    hours: Decimal
    usd_per_hour: Decimal
    usd_exact: Decimal
    origin: str
    price_source: str
    replicas: Mapping[str, int]
    purchase: str = "on-demand"
    share: Decimal = Decimal(1)


@dataclass(frozen=True)
class Assumption:
    """A modelling assumption the report used: its value, default, plausible range and source."""

    name: str
    value: Decimal
    default: Decimal
    unit: str
    confidence: str
    source: str
    low: Optional[Decimal] = None
    high: Optional[Decimal] = None


class PlatformReport:
    """What one platform (``"eks"`` or ``"ecs"``) costs for the month."""

    __slots__ = ("_by_confidence", "_data", "_instances", "_line_items", "_total", "platform")

    platform: str

    def __init__(self, platform: str, data: Mapping[str, Any]) -> None:
        """Wraps one platform's part of a report (the C++ core's JSON, decimals already Decimal)."""
        self.platform = platform
        self._data = data
        self._total: Decimal = data["total_usd"]
        self._line_items = [
            LineItem(li["category"], li["item"], li["detail"], li["usd"], li["usd_exact"], tuple(li["sources"]), li["confidence"])
            for li in data["line_items"]
        ]
        self._by_confidence = {level: Decimal(usd) for level, usd in data["usd_by_confidence"].items()}
        self._instances = [
            InstanceGroup(
                g["instance_type"],
                g["count"],
                g["hours"],
                g["usd_per_hour"],
                g["usd_exact"],
                g["origin"],
                g["price_source"],
                dict(g["replicas"]),
                g["purchase"],
                Decimal(g["share"]),
            )
            for g in data["instances"]
        ]

    @property
    def total(self) -> Decimal:
        """The month's total in cents (the sum of the rounded line items)."""
        return self._total

    @property
    def infrastructure(self) -> Decimal:
        """The total without staff time: everything AWS bills, and the team's own items (cents)."""
        return self._data["infrastructure_usd"]  # type: ignore[no-any-return]

    @property
    def staff(self) -> Decimal:
        """The staff time of the month (the operations lines, cents); ``infrastructure + staff == total``."""
        return self._data["staff_usd"]  # type: ignore[no-any-return]

    @property
    def staff_time(self) -> dict[str, Any]:
        """How staff time was worked out: ``basis`` (``effort``, ``hours`` or ``share``), the effort
        model's ``preset``, ``hours_per_month`` of platform work and the team's ``usd_per_hour``."""
        return dict(self._data["staff"])

    @property
    def line_items(self) -> list[LineItem]:
        """The bill: control plane, then compute (one line per instance group), then operations (a copy)."""
        return list(self._line_items)

    @property
    def instances(self) -> list[InstanceGroup]:
        """The instances the workloads run on (a copy)."""
        return list(self._instances)

    @property
    def gpu_sharing(self) -> dict[str, Any]:
        """How the platform shares GPUs: ``strategy`` (``none``, ``time-slicing``, ``mps``, ``mig``), its
        settings (``replicas_per_gpu``, ``time_slicing_efficiency``) and a ``description`` of the view it
        takes (e.g. ECS classic whole GPUs, the seed's view, or ECS nvidiaMps, today's)."""
        return dict(self._data["gpu_sharing"])

    @property
    def utilization(self) -> dict[str, Any]:
        """GPUs paid for, GPU-hours paid and requested, ``gpu_utilization`` (requested / paid, None
        without GPUs) and, when the platform shares GPUs, ``without_sharing``: the GPUs and compute the
        same workloads would need unshared, and ``saving_usd``."""
        return dict(self._data["utilization"])

    @property
    def showback(self) -> dict[str, Decimal]:
        """The compute cost allocated to each workload by what it requests, and ``"(idle)"`` for what
        no replica requests, in cents; the values add up exactly to the rounded compute total."""
        return {line["workload"]: line["usd"] for line in self._data["showback"]}

    def placement_frame(self) -> pandas.DataFrame:
        """The placement as a pandas DataFrame: one row per workload on each GPU of each node (and per
        workload of a node without GPUs, ``gpu`` then missing). Columns: see ``PLACEMENT_COLUMNS``;
        ``mig_profiles`` lists a GPU's MIG instances as ``profile@start``."""
        import pandas as pd

        rows = []
        for node_id, node in enumerate(self._data["placement"]):
            base = {"node": node_id, "instance_type": node["instance_type"], "hours": node["hours"], "origin": node["origin"]}
            on_gpus: dict[str, int] = {}
            for gpu in node["gpus"]:
                layout = ", ".join(f"{m['profile']}@{m['start']}" for m in gpu.get("mig", []))
                for workload, count in (gpu["replicas"] or {"": 0}).items():
                    rows.append({**base, "gpu": gpu["index"], "capacity": gpu["capacity"], "requested": gpu["requested"],
                                 "memory_gib": gpu.get("memory_gib", Decimal(0)), "exclusive": gpu["exclusive"],
                                 "mig_profiles": layout, "workload": workload or None, "replicas": count})
                    if workload:
                        on_gpus[workload] = on_gpus.get(workload, 0) + count
            for workload, count in node["replicas"].items():
                if workload not in on_gpus:
                    rows.append({**base, "gpu": None, "capacity": None, "requested": None, "memory_gib": None,
                                 "exclusive": None, "mig_profiles": "", "workload": workload, "replicas": count})
        frame = pd.DataFrame(rows, columns=list(PLACEMENT_COLUMNS))
        frame["gpu"] = frame["gpu"].astype("Int64")
        return frame

    @property
    def usd_by_confidence(self) -> dict[str, Decimal]:
        """The total split by the confidence of the figures each line rests on: ``high``, ``medium``, ``low``."""
        return dict(self._by_confidence)

    def subtotal(self, category: str) -> Decimal:
        """The sum of the rounded line items of one category (``"control_plane"``, ``"compute"``, ``"operations"``)."""
        if category not in CATEGORIES:
            raise ValueError(f"category must be one of {', '.join(CATEGORIES)}, got {category!r}")
        return sum((li.usd for li in self._line_items if li.category == category), Decimal("0.00"))

    def plot(self, ax: Optional[Axes] = None, **kw: Any) -> Axes:
        """One bar per GPU, a segment per replica on it; see :func:`libtco.plots.gpu_placement`. Needs matplotlib."""
        return plots.gpu_placement(self, ax=ax, **kw)

    def _series(self) -> dict[str, Any]:
        """What :func:`libtco.plots.gpu_placement` draws: the placement and what the title says of it."""
        return {"platform": self.platform, "placement": self.placement_frame(), "gpu_sharing": self.gpu_sharing.get("strategy", "none"),
                "gpu_utilization": self.utilization.get("gpu_utilization")}

    def to_frame(self) -> pandas.DataFrame:
        """The line items as a pandas DataFrame with columns category, item, detail, usd, usd_exact, confidence.

        Money columns hold exact ``decimal.Decimal`` values, so ``frame.usd.sum() == total``.
        """
        import pandas as pd

        return pd.DataFrame(
            {
                "category": [li.category for li in self._line_items],
                "item": [li.item for li in self._line_items],
                "detail": [li.detail for li in self._line_items],
                "usd": pd.array([li.usd for li in self._line_items], dtype=object),
                "usd_exact": pd.array([li.usd_exact for li in self._line_items], dtype=object),
                "confidence": [li.confidence for li in self._line_items],
            },
            columns=list(FRAME_COLUMNS),
        )

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} {self.platform}: {text.dollars(self._total)} a month, "
            f"{len(self._line_items)} line items, {sum(g.count for g in self._instances)} instances>"
        )


class Comparison:
    """EKS and ECS side by side for one scenario's month.

    Returned by :func:`compare`. Money is ``decimal.Decimal``: totals and line items in cents,
    ``usd_exact`` fields exact. ``to_json()`` is the C++ core's report text, byte for byte.
    """

    __slots__ = ("_catalog", "_data", "_rendered", "_scenario", "_text", "ecs", "eks")

    eks: PlatformReport
    ecs: PlatformReport

    def __init__(self, report_json: str, scenario: Scenario, catalog: Optional[Catalog] = None) -> None:
        """Wraps a report (JSON text from the C++ core) for ``scenario`` on ``catalog`` (None: the embedded one).

        Use :func:`compare` rather than building one by hand.
        """
        self._text = report_json
        self._scenario = scenario
        self._catalog = catalog
        self._rendered: dict[str, str] = {}
        self._data: dict[str, Any] = _decimals(json.loads(report_json, parse_float=Decimal))
        self.eks = PlatformReport("eks", self._data["eks"])
        self.ecs = PlatformReport("ecs", self._data["ecs"])

    @property
    def scenario(self) -> Scenario:
        """The scenario compared."""
        return self._scenario

    @property
    def catalog(self) -> Catalog:
        """The catalog the prices came from (for an embedded one chosen by region and month, that one)."""
        if self._catalog is None:
            self._catalog = Catalog.embedded(self._data["catalog"]["name"])
        return self._catalog

    @property
    def schema_version(self) -> int:
        """The report's schema version."""
        return int(self._data["schema_version"])

    @property
    def month(self) -> str:
        """The billed month, ``"YYYY-MM"``."""
        return str(self._data["month"])

    @property
    def hours_basis(self) -> str:
        """``"aws-730"`` or ``"calendar"``."""
        return str(self._data["hours_basis"])

    @property
    def hours(self) -> Decimal:
        """Hours in the billed month (730 on the AWS basis; 24 x days on the calendar basis)."""
        return self._data["hours"]  # type: ignore[no-any-return]

    @property
    def region(self) -> str:
        """The AWS region."""
        return str(self._data["region"])

    @property
    def catalog_name(self) -> str:
        """The name of the catalog the prices came from, e.g. ``"aws-us-east-1-2026-07-20"``."""
        return str(self._data["catalog"]["name"])

    @property
    def catalog_date(self) -> str:
        """The effective date of that catalog, ``"YYYY-MM-DD"``."""
        return str(self._data["catalog"]["effective_date"])

    @property
    def overlay(self) -> Optional[Mapping[str, Any]]:
        """The price overlay applied (``name`` and, if any, ``discount``), or None."""
        overlay = self._data["catalog"].get("overlay")
        return None if overlay is None else dict(overlay)

    @property
    def warnings(self) -> list[ReportWarning]:
        """What a reader should know about the numbers, e.g. a catalog more than a year older than the month."""
        return [ReportWarning(w["code"], w["message"]) for w in self._data["warnings"]]

    @property
    def sources(self) -> list[Mapping[str, str]]:
        """Every catalog source a line item cites: ``id``, ``title``, ``url``, ``retrieved``, ``confidence``."""
        return [dict(src) for src in self._data["sources"]]

    @property
    def difference(self) -> Decimal:
        """EKS minus ECS, on the rounded totals: positive means EKS costs more."""
        return self._data["difference_usd"]  # type: ignore[no-any-return]

    @property
    def cheaper(self) -> str:
        """``"eks"``, ``"ecs"`` or ``"tie"``."""
        return str(self._data["cheaper"])

    @property
    def infrastructure_difference(self) -> Decimal:
        """EKS minus ECS without staff time: what the bills differ by before any assumption about people."""
        return self._data["infrastructure_difference_usd"]  # type: ignore[no-any-return]

    @property
    def cheaper_on_infrastructure(self) -> str:
        """``"eks"``, ``"ecs"`` or ``"tie"``, on infrastructure alone."""
        return str(self._data["cheaper_on_infrastructure"])

    @property
    def assumptions(self) -> list[Assumption]:
        """The modelling assumptions the report used, with their sources."""
        return [
            Assumption(
                name=a["name"],
                value=a["value"],
                default=a["default"],
                unit=a["unit"],
                confidence=a["confidence"],
                source=a["source"],
                low=a.get("low"),
                high=a.get("high"),
            )
            for a in self._data["assumptions"]
        ]

    def platform(self, name: str) -> PlatformReport:
        """The report of one platform by name, ``"eks"`` or ``"ecs"``."""
        if name == "eks":
            return self.eks
        if name == "ecs":
            return self.ecs
        raise ValueError(f"platform must be \"eks\" or \"ecs\", got {name!r}")

    def to_dict(self) -> dict[str, Any]:
        """The report as Python data (a fresh copy) with money, rates and hours as ``decimal.Decimal``."""
        return _decimals(json.loads(self._text, parse_float=Decimal))  # type: ignore[no-any-return]

    def to_json(self) -> str:
        """The report as JSON text exactly as the C++ core writes it (2-space indent, no trailing newline)."""
        return self._text

    def _render(self, fmt: Literal["table", "json", "csv"]) -> str:
        if fmt not in self._rendered:
            catalog = None if self._catalog is None else self._catalog._core_json
            self._rendered[fmt] = _core.render(self._scenario.to_json(), catalog, fmt)
        return self._rendered[fmt]

    def to_table(self) -> str:
        """The side-by-side text table the C++ core renders (what ``tco compare`` prints)."""
        return self._render("table")

    def to_csv(self) -> str:
        """The report as CSV, as the C++ core renders it (what ``tco compare --format csv`` prints)."""
        return self._render("csv")

    def to_frame(self) -> pandas.DataFrame:
        """Both platforms' line items in long format: columns platform, category, item, detail, usd, usd_exact.

        Money columns hold exact ``decimal.Decimal``; ``frame.groupby("platform").usd.sum()``
        gives the totals.
        """
        import pandas as pd

        frames = []
        for report in (self.eks, self.ecs):
            frame = report.to_frame()
            frame.insert(0, "platform", report.platform)
            frames.append(frame)
        return pd.concat(frames, ignore_index=True)

    def placement_frame(self) -> pandas.DataFrame:
        """Both platforms' placements (see :meth:`PlatformReport.placement_frame`) with a ``platform`` column first."""
        import pandas as pd

        frames = []
        for report in (self.eks, self.ecs):
            frame = report.placement_frame()
            frame.insert(0, "platform", report.platform)
            frames.append(frame)
        return pd.concat(frames, ignore_index=True)

    def showback_frame(self) -> pandas.DataFrame:
        """Compute cost per workload and idle, one row per platform and workload (columns platform, workload, usd)."""
        import pandas as pd

        rows = [(r.platform, workload, usd) for r in (self.eks, self.ecs) for workload, usd in r.showback.items()]
        frame = pd.DataFrame(rows, columns=["platform", "workload", "usd"])
        frame["usd"] = frame["usd"].astype(object)
        return frame

    def _side_by_side(self) -> list[tuple[str, str, Optional[Decimal], Optional[Decimal]]]:
        """Rows (category, item, EKS usd, ECS usd), aligned by the C++ table's own rule (fees and staff time on one row each)."""
        def lines(report: PlatformReport) -> list[tuple[str, str, str]]:
            return [(li.category, li.item, str(li.usd)) for li in report._line_items]

        def amount(usd: str) -> Optional[Decimal]:
            return Decimal(usd) if usd else None

        return [(category, item, amount(eks), amount(ecs)) for category, item, eks, ecs in _core.side_by_side(lines(self.eks), lines(self.ecs))]

    def plot(self, ax: Optional[Axes] = None, **kw: Any) -> Axes:
        """Stacked bars of each platform's month by line category; see :func:`libtco.plots.cost_bars`.
        Needs matplotlib."""
        return plots.cost_bars(self, ax=ax, **kw)

    def _series(self) -> dict[str, Any]:
        """What :func:`libtco.plots.cost_bars` draws: each platform's total and subtotal per category, and the title."""
        reports = (self.eks, self.ecs)
        return {"platforms": tuple(r.platform.upper() for r in reports), "totals": tuple(r.total for r in reports),
                "subtotals": {c: tuple(r.subtotal(c) for r in reports) for c in CATEGORIES},
                "title": f"{self.scenario.name}, {self.month}: {text.verdict(self.difference, 'a month', '')}"}

    def to_excel(self, path: Target) -> None:
        """Writes the totals, line items and showback as an XLSX workbook to ``path`` (a file name or a binary file object): money
        as dollar-formatted numbers, a bold frozen header per sheet (see :mod:`libtco.spreadsheet`).
        Needs openpyxl (``pip install 'libtco[xlsx]'``)."""
        spreadsheet.to_excel(self, path)

    def _sheets(self) -> list[Sheet]:
        """Summary, Line items, Showback and About: what :func:`libtco.spreadsheet.to_excel` writes."""
        reports = (("EKS", self.eks), ("ECS", self.ecs))
        levels = ("high", "medium", "low")
        summary = [[name, r.total] + [r.usd_by_confidence.get(level) for level in levels] for name, r in reports]
        summary.append(["EKS - ECS", self.difference, None, None, None])
        lines = [[name, li.category, li.item, li.detail, li.usd, li.confidence, "; ".join(li.sources)]
                 for name, r in reports for li in r.line_items]
        showback = [[name, workload, usd] for name, r in reports for workload, usd in r.showback.items()]
        overlay = self.overlay
        fields = [("scenario", self.scenario.name), ("month", Cell(month(self.month), "month")), ("hours", Cell(self.hours, "number")),
                  ("hours basis", self.hours_basis), ("region", self.region), ("catalog", self.catalog_name),
                  ("catalog effective date", Cell(day(self.catalog_date), "date")),
                  ("price overlay", None if overlay is None else overlay.get("name")), ("cheaper", platform_name(self.cheaper)),
                  version_field()]
        fields += [(f"warning: {w.code}", w.message) for w in self.warnings]
        return [
            Sheet("Summary", ("platform", "total (USD)", "high confidence (USD)", "medium confidence (USD)", "low confidence (USD)"),
                  ("text", "money", "money", "money", "money"), summary),
            Sheet("Line items", ("platform", "category", "item", "detail", "USD", "confidence", "sources"),
                  ("text", "text", "text", "text", "money", "text", "text"), lines),
            Sheet("Showback", ("platform", "workload", "compute (USD)"), ("text", "text", "money"), showback),
            about(fields),
        ]

    def _repr_html_(self) -> str:
        """An HTML table of both platforms side by side (for Jupyter)."""

        def money(d: Optional[Decimal]) -> str:
            return "&ndash;" if d is None else html.escape(text.amount(d))

        e = html.escape
        out = [
            '<table class="libtco-comparison">',
            f"<caption>libtco: {e(self.scenario.name)}, {e(self.month)} ({e(str(self.hours))} h, {e(self.hours_basis)}), "
            f"catalog {e(str(self._data['catalog']['name']))} ({e(str(self._data['catalog']['effective_date']))})</caption>",
            "<thead><tr><th>category</th><th>item</th><th>EKS (USD)</th><th>ECS (USD)</th></tr></thead>",
            "<tbody>",
        ]
        for category, item, eks, ecs in self._side_by_side():
            out.append(
                f"<tr><td>{e(category.replace('_', ' '))}</td><td>{e(item)}</td>"
                f'<td style="text-align:right">{money(eks)}</td><td style="text-align:right">{money(ecs)}</td></tr>'
            )
        out.append("</tbody>")
        out.append(
            f'<tfoot><tr><th colspan="2">total</th><th style="text-align:right">{money(self.eks.total)}</th>'
            f'<th style="text-align:right">{money(self.ecs.total)}</th></tr>'
            f'<tr><td colspan="4">{e(self._verdict())}</td></tr></tfoot>'
        )
        out.append("</table>")
        return "\n".join(out)

    def _verdict(self) -> str:
        """The C++ table's last sentence: the verdict, then EKS minus ECS when they differ."""
        sentence = text.verdict(self.difference, "a month", "")
        if self.cheaper != "tie":
            sentence += f" (EKS minus ECS: {text.amount(self.difference)})"
        return sentence + "."

    def __repr__(self) -> str:
        """The call that makes this comparison: ``eval(repr(c), vars(libtco)) == c``."""
        return call_text("compare", self._scenario, catalog=self._catalog)

    def __str__(self) -> str:
        return f"{self.scenario.name!r} {self.month}: EKS {text.dollars(self.eks.total)}, ECS {text.dollars(self.ecs.total)}; {self._verdict()}"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Comparison):
            return NotImplemented
        # The report names its catalog and every figure taken from it: equal reports of the same
        # scenario are equal comparisons, however the catalog was given.
        return self._text == other._text and self._scenario == other._scenario

    def __hash__(self) -> int:
        return hash(self._text)

    def __getstate__(self) -> dict[str, Any]:
        return {"version": PICKLE_VERSION, "report": self._text, "scenario": self._scenario, "catalog": self._catalog}

    def __setstate__(self, state: dict[str, Any]) -> None:
        check_pickle_version(state, "Comparison")
        Comparison.__init__(self, state["report"], state["scenario"], state["catalog"])


def compare(scenario: Source | Scenario, catalog: Optional[Source | Catalog] = None) -> Comparison:
    """Compares the monthly cost of running a scenario on EKS and on ECS.

    Args:
        scenario: A :class:`Scenario` or anything :func:`load_scenario` accepts (a path, a dict,
            JSON text).
        catalog: A :class:`Catalog`, anything :func:`load_catalog` accepts, or None for the
            embedded catalog the scenario names (``catalog``) or, if it names none, the newest
            embedded one for its region dated no later than its month.

    Returns:
        The comparison: per platform the control-plane fee, the compute fleet and the staff time,
        in exact decimal money.

    Raises:
        ValidationError, ParseError, InputError: the scenario or catalog is not valid or readable.
        NotFoundError: a name does not resolve against the catalog (instance type, GPU model,
            region); ``path`` points into the scenario, e.g. ``/eks/node_types/0``.
        PlacementError: a replica fits none of the allowed instance types (``/workloads/N``).
        ArithmeticOverflowError: an amount exceeds the exact decimal range.
    """
    s = load_scenario(scenario)
    c = None if catalog is None else load_catalog(catalog)
    report = _core.compare_json(s.to_json(), None if c is None else c._core_json)
    return Comparison(report, s, c)
