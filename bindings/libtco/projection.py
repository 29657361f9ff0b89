"""Projections: the monthly comparison over a horizon of calendar months.

:func:`project` runs the C++ projection (``libtco/projection/projection.hpp``): one comparison per month with
workload growth, price changes, one-time costs and the EKS version lifecycle, summed into
cumulative totals and a net present value per platform. The :class:`Projection` it returns wraps
the JSON the C++ core wrote (``to_json()`` is that text, byte for byte) with money as
``decimal.Decimal``.

The spec (a dict, a path or JSON text; every key optional)::

    {"start": "2027-01", "months": 36, "discount_rate": "0.08",
     "growth": {"monthly_rate": "0.02", "workloads": ["chat-llm"],
                "steps": [{"month": "2027-07", "workload": "chat-llm", "factor": "2"},
                          {"month": "2028-01", "workload": "embeddings", "replicas": 6}]},
     "price_changes": [{"month": "2027-07", "catalog": "aws-us-east-1-2026-07-20"},
                       {"month": "2028-01", "price_overlay": {"discount": "0.1"}}],
     "one_time_costs": [{"name": "migrate to EKS", "platform": "eks", "month": "2027-01",
                         "engineer_months": "3", "amortize_months": 12}],
     "eks_lifecycle": {"version_released": "2027-01", "upgrade_policy": "before-end-of-standard",
                       "release_interval_months": 4}}

Each month's ``eks.support`` comes from the cluster's version under the upgrade policy, so the
scenario's own ``eks.support`` is ignored.
"""

from __future__ import annotations

import datetime
import html
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, Mapping, Optional, Union

from . import _core, plots, spreadsheet
from ._internal import jsontext, text
from ._internal.document import PICKLE_VERSION, check_pickle_version, normalized_text
from ._internal.result import call_text
from ._internal.source import to_json_text
from ._internal.tables import Cell, Sheet, about, month, platform_name, present, version_field
from .catalog import Catalog, load_catalog
from .comparison import Assumption
from .scenario import Scenario, load_scenario
from .spreadsheet import Target

if TYPE_CHECKING:
    import pandas
    from matplotlib.axes import Axes

    from ._internal.source import Source

__all__ = ["Projection", "ProjectionWarning", "project"]

#: Columns of Projection.to_frame().
FRAME_COLUMNS = ("month", "platform", "category", "item", "detail", "usd", "usd_exact", "confidence")

#: Columns of Projection.totals_frame().
TOTALS_COLUMNS = ("month", "eks", "ecs", "difference", "eks_cumulative", "ecs_cumulative", "catalog", "eks_support",
                  "eks_version_released", "eks_version_age_months", "eks_upgraded")

#: The EKS upgrade policies.
UPGRADE_POLICIES = ("none", "before-end-of-standard", "every-release")

#: Keys of the projection JSON whose values are exact decimal strings (outside its "spec").
_DECIMAL_KEYS = frozenset(
    {"usd", "usd_exact", "total_usd", "total_usd_exact", "cumulative_usd", "difference_usd", "npv_usd", "npv_usd_exact",
     "unamortized_after_horizon_usd", "npv_difference_usd", "hours", "discount_rate", "monthly_discount_rate", "discount_factor",
     "value", "default", "low", "high"}
)

_PLATFORMS = ("eks", "ecs")


def _decimals(value: Any, key: Optional[str] = None) -> Any:
    """The projection data with its exact decimal strings turned into Decimal (the spec is left as written)."""
    if isinstance(value, dict):
        if key == "spec":
            return value
        if key == "by_category_usd":
            return {k: Decimal(v) for k, v in value.items()}
        return {k: _decimals(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_decimals(v) for v in value]
    if key in _DECIMAL_KEYS and isinstance(value, str):
        return Decimal(value)
    return value


@dataclass(frozen=True)
class ProjectionWarning:
    """Something a reader should know about some months' numbers, once per code.

    Attributes:
        code: As a comparison's (``"stale_catalog"``, ``"superseded_catalog"``, ``"catalog_after_month"``,
            ``"catalog_not_as_named"``), or ``"hours_capped"`` (workload or node hours beyond a calendar
            month's hours were capped at them).
        message: The explanation, as worded for the first month it came up in.
        months: The months it came up in, ``"YYYY-MM"``.
    """

    code: str
    message: str
    months: tuple[str, ...] = ()


def _month_text(value: Union[str, datetime.date]) -> str:
    if isinstance(value, datetime.date):
        return f"{value.year:04d}-{value.month:02d}"
    return value


class Projection:
    """EKS and ECS month by month over a horizon, with cumulative totals and net present values.

    Returned by :func:`project`. Money is ``decimal.Decimal``: monthly amounts and totals in cents
    (each month's line items add up to its total, and the monthly totals to the horizon's), NPVs
    rounded to cents from the exact value. ``to_json()`` is the C++ core's text, byte for byte.
    """

    __slots__ = ("_catalog", "_data", "_rendered", "_scenario", "_spec_text", "_text")

    def __init__(self, projection_json: str, scenario: Scenario, spec_json: str, catalog: Optional[Catalog] = None) -> None:
        """Wraps a projection (JSON text from the C++ core) of ``scenario`` under ``spec_json`` (the spec's
        JSON text) on ``catalog`` (None: the embedded catalogs). Use :func:`project` rather than this."""
        self._text = projection_json
        self._scenario = scenario
        self._spec_text = spec_json
        self._catalog = catalog
        self._rendered: dict[str, str] = {}
        self._data: dict[str, Any] = _decimals(json.loads(projection_json))

    @property
    def scenario(self) -> Scenario:
        """The scenario projected."""
        return self._scenario

    @property
    def spec(self) -> dict[str, Any]:
        """The spec as run, in normal form (every default explicit, ``start`` and ``version_released``
        filled in; decimals as exact strings; a copy)."""
        spec: dict[str, Any] = json.loads(json.dumps(self._data["spec"]))
        return spec

    @property
    def schema_version(self) -> int:
        """The projection document's schema version."""
        return int(self._data["schema_version"])

    @property
    def start(self) -> str:
        """The first month, ``"YYYY-MM"``."""
        return str(self._data["start"])

    @property
    def end(self) -> str:
        """The last month, ``"YYYY-MM"``."""
        return str(self._data["end"])

    @property
    def months(self) -> int:
        """How many months the projection covers."""
        return int(self._data["months"])

    @property
    def month_names(self) -> list[str]:
        """The months, ``"YYYY-MM"``, in order."""
        return [row["month"] for row in self._data["by_month"]]

    @property
    def hours_basis(self) -> str:
        """``"aws-730"`` or ``"calendar"``."""
        return str(self._data["hours_basis"])

    @property
    def discount_rate(self) -> Decimal:
        """The annual discount rate (compounded monthly at ``discount_rate / 12``)."""
        return self._data["discount_rate"]  # type: ignore[no-any-return]

    @property
    def totals(self) -> dict[str, Decimal]:
        """Each platform's total over the horizon in cents (the sum of its rounded monthly totals)."""
        return {p: self._data["totals"][p]["total_usd"] for p in _PLATFORMS}

    @property
    def npv(self) -> dict[str, Decimal]:
        """Each platform's net present value at :attr:`discount_rate`, rounded to cents: month k (from 0)
        is divided by ``(1 + rate / 12) ** (k + 1)``, like a spreadsheet's ``NPV(rate / 12, ...)``."""
        return {p: self._data["totals"][p]["npv_usd"] for p in _PLATFORMS}

    @property
    def unamortized_after_horizon(self) -> dict[str, Decimal]:
        """One-time cost shares that fall after the last month, per platform, in cents."""
        return {p: self._data["totals"][p]["unamortized_after_horizon_usd"] for p in _PLATFORMS}

    @property
    def difference(self) -> Decimal:
        """EKS minus ECS over the horizon: positive means EKS costs more."""
        return self._data["totals"]["difference_usd"]  # type: ignore[no-any-return]

    @property
    def npv_difference(self) -> Decimal:
        """EKS minus ECS in net present value."""
        return self._data["totals"]["npv_difference_usd"]  # type: ignore[no-any-return]

    @property
    def cheaper(self) -> str:
        """``"eks"``, ``"ecs"`` or ``"tie"`` over the horizon."""
        return str(self._data["totals"]["cheaper"])

    @property
    def cheaper_npv(self) -> str:
        """``"eks"``, ``"ecs"`` or ``"tie"`` in net present value."""
        return str(self._data["totals"]["cheaper_npv"])

    @property
    def warnings(self) -> list[ProjectionWarning]:
        """What a reader should know about the numbers, once per code with the months concerned."""
        return [ProjectionWarning(w["code"], w["message"], tuple(w["months"])) for w in self._data["warnings"]]

    @property
    def assumptions(self) -> list[Assumption]:
        """The modelling assumptions used: the first month's comparison's, then the projection's own
        (discount rate and the EKS lifecycle figures, named ``projection:/...``)."""
        return [
            Assumption(name=a["name"], value=a["value"], default=a["default"], unit=a["unit"], confidence=a["confidence"],
                       source=a["source"], low=a.get("low"), high=a.get("high"))
            for a in self._data["assumptions"]
        ]

    def to_dict(self) -> dict[str, Any]:
        """The projection as Python data (a fresh copy), money and rates as ``decimal.Decimal``."""
        return _decimals(json.loads(self._text))  # type: ignore[no-any-return]

    def to_json(self) -> str:
        """The projection as JSON text exactly as the C++ core writes it (2-space indent, no trailing newline)."""
        return self._text

    def _render(self, fmt: Literal["table", "json", "csv"]) -> str:
        if fmt not in self._rendered:
            catalog = None if self._catalog is None else self._catalog._core_json
            self._rendered[fmt] = _core.render_projection(self._scenario.to_json(), self._spec_text, catalog, fmt)
        return self._rendered[fmt]

    def to_table(self) -> str:
        """The text table the C++ core renders (what ``tco project`` prints)."""
        return self._render("table")

    def to_csv(self) -> str:
        """Long-format CSV (month,platform,category,item,usd) with each month's and the horizon's totals,
        as the C++ core renders it (what ``tco project --format csv`` prints)."""
        return self._render("csv")

    def to_frame(self) -> pandas.DataFrame:
        """Every line item of every month and platform in long format; columns ``FRAME_COLUMNS``.

        Money columns hold exact ``decimal.Decimal``: ``frame.groupby(["month", "platform"]).usd.sum()``
        gives the monthly totals.
        """
        import pandas as pd

        rows = [
            (row["month"], p, li["category"], li["item"], li["detail"], li["usd"], li["usd_exact"], li["confidence"])
            for row in self._data["by_month"]
            for p in _PLATFORMS
            for li in row[p]["line_items"]
        ]
        frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
        for column in ("usd", "usd_exact"):
            frame[column] = frame[column].astype(object)
        return frame

    def totals_frame(self) -> pandas.DataFrame:
        """One row per month: each platform's total and cumulative total (Decimal, cents), EKS minus ECS,
        the catalog, and the EKS cluster's version (support, release month, age in months, whether it was
        upgraded that month; missing without clusters). Columns ``TOTALS_COLUMNS``."""
        import pandas as pd

        rows = []
        for row in self._data["by_month"]:
            version = row["eks_version"] or {}
            rows.append((row["month"], row["eks"]["total_usd"], row["ecs"]["total_usd"], row["difference_usd"],
                         row["eks"]["cumulative_usd"], row["ecs"]["cumulative_usd"], row["catalog"], version.get("support"),
                         version.get("version_released"), version.get("version_age_months"), version.get("upgraded")))
        frame = pd.DataFrame(rows, columns=list(TOTALS_COLUMNS))
        for column in ("eks", "ecs", "difference", "eks_cumulative", "ecs_cumulative"):
            frame[column] = frame[column].astype(object)
        frame["eks_version_age_months"] = frame["eks_version_age_months"].astype("Int64")
        frame["eks_upgraded"] = frame["eks_upgraded"].astype("boolean")
        return frame

    def _horizon(self) -> str:
        return f"over {self.months} months"

    def _verdict(self) -> str:
        """The C++ table's verdict over the horizon."""
        return text.verdict(self.difference, self._horizon(), self._horizon()) + "."

    def plot(self, ax: Optional[Axes] = None, **kw: Any) -> Axes:
        """Each platform's cumulative cost month by month (``cumulative=False``: monthly); see
        :func:`libtco.plots.projection_lines`. Needs matplotlib."""
        return plots.projection_lines(self, ax=ax, **kw)

    def _series(self) -> dict[str, Any]:
        """What :func:`libtco.plots.projection_lines` draws: the totals month by month, and the title's words."""
        return {"totals": self.totals_frame(), "start": self.start, "end": self.end,
                "verdict": text.verdict(self.difference, self._horizon(), self._horizon())}

    def to_excel(self, path: Target) -> None:
        """Writes the months, every line item and the totals as an XLSX workbook to ``path`` (a file name or a binary file object): money
        as dollar-formatted numbers, a bold frozen header per sheet (see :mod:`libtco.spreadsheet`).
        Needs openpyxl (``pip install 'libtco[xlsx]'``)."""
        spreadsheet.to_excel(self, path)

    def _sheets(self) -> list[Sheet]:
        """Summary, Months, By item, Line items and About: what :func:`libtco.spreadsheet.to_excel` writes."""
        totals, npv, unamortized = self.totals, self.npv, self.unamortized_after_horizon
        summary = [[name.upper(), totals[name], npv[name], unamortized[name]] for name in _PLATFORMS]
        summary.append(["EKS - ECS", self.difference, self.npv_difference, None])
        months = [[month(str(r.month)), r.eks, r.ecs, r.difference, r.eks_cumulative, r.ecs_cumulative, r.catalog, present(r.eks_support),
                   month(present(r.eks_version_released)), present(r.eks_version_age_months, int), present(r.eks_upgraded, bool)]
                  for r in self.totals_frame().itertuples()]
        frame = self.to_frame()
        lines = [[month(m), platform.upper(), category, item, detail, usd, confidence]
                 for m, platform, category, item, detail, usd, confidence in zip(frame["month"], frame["platform"], frame["category"],
                                                                                 frame["item"], frame["detail"], frame["usd"], frame["confidence"])]
        fields = [("scenario", self.scenario.name), ("start", Cell(month(self.start), "month")), ("end", Cell(month(self.end), "month")),
                  ("months", Cell(self.months, "number")), ("hours basis", self.hours_basis),
                  ("discount rate (a year)", Cell(self.discount_rate, "share")),
                  ("EKS upgrade policy", self.spec["eks_lifecycle"]["upgrade_policy"]), ("cheaper over the horizon", platform_name(self.cheaper)),
                  ("cheaper in NPV", platform_name(self.cheaper_npv)), version_field()]
        fields += [(f"warning: {w.code}", f"{w.message} (months: {', '.join(w.months)})") for w in self.warnings]
        return [
            Sheet("Summary", ("platform", "total (USD)", "NPV (USD)", "unamortized after horizon (USD)"), ("text", "money", "money", "money"),
                  summary),
            Sheet("Months", ("month", "EKS (USD)", "ECS (USD)", "EKS - ECS (USD)", "EKS cumulative (USD)", "ECS cumulative (USD)", "catalog",
                             "EKS support", "EKS version released", "EKS version age (months)", "EKS upgraded"),
                  ("month", "money", "money", "money", "money", "money", "text", "text", "month", "number", "text"), months),
            _by_item_sheet(frame, self.totals_frame()),
            Sheet("Line items", ("month", "platform", "category", "item", "detail", "USD", "confidence"),
                  ("month", "text", "text", "text", "text", "money", "text"), lines),
            about(fields),
        ]

    def _repr_html_(self) -> str:
        """An HTML table of the months (for Jupyter), then the totals and NPVs."""
        return _html_table(self)

    def __repr__(self) -> str:
        """The call that makes this projection: ``eval(repr(p), vars(libtco)) == p``."""
        return call_text("project", self._scenario, spec=self._spec_text, catalog=self._catalog)

    def __str__(self) -> str:
        totals, npv = self.totals, self.npv
        return (
            f"{self.scenario.name!r} {self.start}..{self.end} ({self.months} months): "
            f"EKS {text.dollars(totals['eks'])}, ECS {text.dollars(totals['ecs'])}; NPV at {text.percent(self.discount_rate)}: "
            f"EKS {text.dollars(npv['eks'])}, ECS {text.dollars(npv['ecs'])}; {self._verdict()}"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Projection):
            return NotImplemented
        # The projection's text carries the spec's and the catalogs' effect in full; the spec's own text
        # may differ in layout, and a catalog may be given or chosen.
        return self._text == other._text and self._scenario == other._scenario

    def __hash__(self) -> int:
        return hash(self._text)

    def __getstate__(self) -> dict[str, Any]:
        return {"version": PICKLE_VERSION, "projection": self._text, "scenario": self._scenario, "spec": self._spec_text,
                "catalog": self._catalog}

    def __setstate__(self, state: dict[str, Any]) -> None:
        check_pickle_version(state, "Projection")
        Projection.__init__(self, state["projection"], state["scenario"], state["spec"], state["catalog"])


def _by_item_sheet(frame: pandas.DataFrame, totals_frame: pandas.DataFrame) -> Sheet:
    """One row per month and platform, a column per (category, item) in order of first appearance, then the total."""
    keys: dict[tuple[str, str], int] = {}
    cells: dict[tuple[str, str], dict[tuple[str, str], Decimal]] = {}
    for m, platform, category, item, usd in zip(frame["month"], frame["platform"], frame["category"], frame["item"], frame["usd"]):
        key = (category, item)
        keys.setdefault(key, len(keys))
        row = cells.setdefault((m, platform), {})
        row[key] = row.get(key, Decimal(0)) + usd  # an item twice in a month (not expected) still adds up
    totals = {(row.month, name): getattr(row, name) for row in totals_frame.itertuples() for name in _PLATFORMS}
    columns = sorted(keys, key=keys.__getitem__)
    rows = [[month(m), platform.upper()] + [amounts.get(k) for k in columns] + [totals[(m, platform)]]
            for (m, platform), amounts in cells.items()]
    headers = ["month", "platform"] + [f"{item} ({category.replace('_', ' ')})" for category, item in columns] + ["total (USD)"]
    return Sheet("By item", headers, ["month", "text"] + ["money"] * (len(columns) + 1), rows)


def _html_table(p: Projection) -> str:
    """A projection's months as an HTML table (for Jupyter), then the totals and NPVs."""

    def money(d: Decimal) -> str:
        return html.escape(text.amount(d))

    e = html.escape
    out = [
        '<table class="libtco-projection">',
        f"<caption>libtco projection: {e(p.scenario.name)}, {p.months} months from {e(p.start)} to {e(p.end)} "
        f"({e(p.hours_basis)}); EKS upgrade policy {e(str(p._data['spec']['eks_lifecycle']['upgrade_policy']))}</caption>",
        "<thead><tr><th>month</th><th>EKS (USD)</th><th>ECS (USD)</th><th>EKS &minus; ECS</th><th>EKS cumulative</th>"
        "<th>ECS cumulative</th><th>EKS version</th></tr></thead>",
        "<tbody>",
    ]
    right = ' style="text-align:right"'
    for row in p._data["by_month"]:
        v = row["eks_version"]
        version = "&ndash;" if v is None else e(
            f"{v['support']}, {v['version_released']} release ({v['version_age_months']} mo){', upgraded' if v['upgraded'] else ''}")
        out.append(
            f"<tr><td>{e(row['month'])}</td><td{right}>{money(row['eks']['total_usd'])}</td><td{right}>{money(row['ecs']['total_usd'])}</td>"
            f"<td{right}>{money(row['difference_usd'])}</td><td{right}>{money(row['eks']['cumulative_usd'])}</td>"
            f"<td{right}>{money(row['ecs']['cumulative_usd'])}</td><td>{version}</td></tr>"
        )
    out.append("</tbody>")
    npv, totals = p.npv, p.totals
    out.append(
        f"<tfoot><tr><th>total</th><th{right}>{money(totals['eks'])}</th><th{right}>{money(totals['ecs'])}</th>"
        f"<th{right}>{money(p.difference)}</th><td colspan=\"3\"></td></tr>"
        f"<tr><th>NPV at {e(text.percent(p.discount_rate))} a year</th><th{right}>{money(npv['eks'])}</th>"
        f"<th{right}>{money(npv['ecs'])}</th><th{right}>{money(p.npv_difference)}</th><td colspan=\"3\"></td></tr>"
        f'<tr><td colspan="7">{e(p._verdict())}</td></tr></tfoot>'
    )
    out.append("</table>")
    return "\n".join(out)


def project(
    scenario: Source | Scenario,
    start: Optional[Union[str, datetime.date]] = None,
    months: Optional[int] = None,
    *,
    spec: Optional[Source] = None,
    catalog: Optional[Source | Catalog] = None,
    **kwargs: Any,
) -> Projection:
    """Projects the monthly cost of a scenario on EKS and ECS over a horizon of calendar months.

    Args:
        scenario: A :class:`Scenario` or anything :func:`load_scenario` accepts.
        start: The first month, ``"YYYY-MM"`` (or a ``datetime.date``); None: the spec's, else the
            scenario's month.
        months: How many months (1 to 120); None: the spec's, else 36.
        spec: A projection spec (a dict, a path or JSON text; see the module docstring), read
            strictly: unknown keys are errors with their JSON path.
        catalog: A catalog to price every month on until a price change names an embedded one; None:
            each month the embedded catalog the scenario asks for (its ``catalog``, else the one for its
            region and that month).
        **kwargs: Top-level spec keys (``discount_rate``, ``growth``, ``price_changes``,
            ``one_time_costs``, ``eks_lifecycle``), each replacing the spec's, and ``upgrade_policy``
            (``"none"``, ``"before-end-of-standard"`` or ``"every-release"``), which sets
            ``eks_lifecycle.upgrade_policy``.

    Returns:
        The projection: per month and platform every line item (with the EKS upgrade staff time and
        one-time costs), totals, cumulative totals, NPVs and the EKS version's support.

    Raises:
        ValidationError, ParseError, InputError: the scenario, spec or catalog is not valid or readable;
            ``path`` points into the spec (``/growth/steps/0/factor``) or the scenario.
        NotFoundError: a name does not resolve (a workload in ``growth``, a catalog in
            ``price_changes``, an instance type).
        PlacementError: a replica fits no allowed instance type in some month (the message names it).
    """
    s = load_scenario(scenario)
    document: dict[str, Any] = {}
    if spec is not None:
        text, filename = to_json_text(spec, what="projection spec")
        document = json.loads(normalized_text(_core.normalize_projection_spec, text, filename))
    policy = kwargs.pop("upgrade_policy", None)
    document.update(kwargs)
    if policy is not None:
        lifecycle = document.get("eks_lifecycle")
        document["eks_lifecycle"] = {**(lifecycle if isinstance(lifecycle, Mapping) else {}), "upgrade_policy": policy}
    if start is not None:
        document["start"] = _month_text(start)
    if months is not None:
        document["months"] = months
    spec_text = jsontext.dumps(document)
    c = None if catalog is None else load_catalog(catalog)
    text = _core.project_json(s.to_json(), spec_text, None if c is None else c._core_json)
    return Projection(text, s, spec_text, c)
