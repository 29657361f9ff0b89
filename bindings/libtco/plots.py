"""Plots of libtco's results with matplotlib (an optional extra: ``pip install 'libtco[plot]'``).

Each function takes a result and an optional ``ax`` (the matplotlib Axes to draw on; None: a new
figure) and returns the Axes it drew on, like pandas' and boost-histogram's plotting, so a caller
can add to it, restyle it or save it with ``ax.figure.savefig(...)``. The result classes have the
same plots as methods (``libtco.compare(s).plot()``, ``libtco.sensitivity(s).plot()``, ...).

Bars and lines are drawn from floats of the exact cents (a drawing needs no more); every figure
printed in a title or a label is formatted from the exact ``Decimal``.

matplotlib is imported only when something is drawn, so ``import libtco`` works without it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Protocol, Sequence

from ._internal import text

if TYPE_CHECKING:
    from matplotlib.axes import Axes


class _Drawable(Protocol):
    """A result that hands its plot the data to draw (``_series()``): plots know no result type."""

    def _series(self) -> Mapping[str, Any]: ...

__all__ = ["break_even_curve", "cost_bars", "gpu_placement", "monte_carlo_histograms", "projection_lines", "tornado"]

#: Colours of the two platforms in every plot.
PLATFORM_COLOURS = {"eks": "#ff9900", "ecs": "#1f77b4"}

_PLATFORMS = ("eks", "ecs")
_MINUS = "\N{MINUS SIGN}"
_DIFFERENCE_LABEL = f"EKS {_MINUS} ECS (USD a month)"
_UNUSED_COLOUR = "#e6e6e6"


def _pyplot() -> Any:
    """matplotlib.pyplot, or an ImportError that says how to install it."""
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise ImportError(
            "libtco's plots need matplotlib, which is not installed: pip install 'libtco[plot]' (or pip install matplotlib)"
        ) from e
    return plt


def _axes(ax: Optional[Axes], width: float, height: float) -> Axes:
    plt = _pyplot()  # first, so that a missing matplotlib is reported even when ax is given
    if ax is not None:
        return ax
    _, new = plt.subplots(figsize=(width, height), layout="constrained")
    return new  # type: ignore[no-any-return]


def _usd(value: float) -> str:
    """An axis tick in dollars: $12,000 and −$300."""
    return _MINUS + text.whole_dollars(-value) if value < 0 else text.whole_dollars(value)


def _dollar_axis(axis: Any) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _: _usd(value)))


def _money(value: Decimal) -> str:
    """An exact amount for a title: $11,206.70 and −$300.00."""
    return _MINUS + text.dollars(-value) if value < 0 else text.dollars(value)


# --- one month: the bill by category ---------------------------------------------------------------


def cost_bars(comparison: _Drawable, ax: Optional[Axes] = None) -> Axes:
    """Stacked bars, one per platform, of a :class:`~libtco.Comparison`'s month by line category (``CATEGORIES``).

    Positive categories stack upwards from zero and credits (a commitment's covered on-demand use)
    downwards, so each bar's segments add up to the platform's total, which a black tick and a label
    mark. Categories that are zero on both platforms are left out.
    """
    ax = _axes(ax, 6.5, 5)
    data = comparison._series()
    platforms, subtotals = data["platforms"], data["subtotals"]
    positions = list(range(len(platforms)))
    above = [0.0] * len(platforms)
    below = [0.0] * len(platforms)
    colours = _palette(list(subtotals))
    for category, exact in subtotals.items():
        amounts = [float(amount) for amount in exact]
        if not any(amounts):
            continue
        bottoms = [above[i] if amount >= 0 else below[i] for i, amount in enumerate(amounts)]
        ax.bar(positions, amounts, bottom=bottoms, width=0.6, color=colours[category], label=category.replace("_", " "))
        for i, amount in enumerate(amounts):
            if amount >= 0:
                above[i] += amount
            else:
                below[i] += amount
    totals = [float(total) for total in data["totals"]]
    ax.hlines(totals, [i - 0.34 for i in positions], [i + 0.34 for i in positions], colors="black", linewidth=2, label="total")
    for i, total in enumerate(data["totals"]):
        ax.annotate(_money(total), (i, max(above[i], totals[i])), xytext=(0, 4), textcoords="offset points",
                    ha="center", va="bottom", fontweight="bold")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(positions, list(platforms))
    ax.set_xlim(-0.6, len(platforms) - 0.4)
    ax.margins(y=0.1)
    _dollar_axis(ax.yaxis)
    ax.set_ylabel("USD a month")
    ax.set_title(data["title"], fontsize="medium")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    return ax


def _palette(names: Sequence[str]) -> dict[str, Any]:
    """A distinct colour per name, from matplotlib's tab10 cycle."""
    from matplotlib import colormaps

    cycle = colormaps["tab10"]
    return {name: cycle(i % cycle.N) for i, name in enumerate(names)}


# --- a parameter's range: the difference and where it crosses zero -------------------------------------


def break_even_curve(sweep: Optional[_Drawable] = None, break_even: Optional[_Drawable] = None, *, ax: Optional[Axes] = None) -> Axes:
    """EKS minus ECS against a parameter, with the break-even crossings marked.

    Args:
        sweep: A :class:`~libtco.Sweep` over the parameter (one axis: one curve; two axes: one curve
            per value of the second). None: only the break-even's own points are drawn.
        break_even: A :class:`~libtco.BreakEven` of the same parameter: each ``root`` is marked by a
            dashed line, each ``step`` by a band from its last value on one side to its first on the
            other.

    Above zero EKS costs more (ECS is cheaper); below, EKS is cheaper.
    """
    if sweep is None and break_even is None:
        raise TypeError("break_even_curve needs a sweep, a break-even or both")
    points = None if sweep is None else sweep._series()
    found = None if break_even is None else break_even._series()
    if points is not None and len(points["axes"]) not in (1, 2):
        raise ValueError(f"break_even_curve draws a sweep of one or two parameters, got {len(points['axes'])}")
    if points is not None and found is not None and points["axes"][0][0] != found["parameter"]:
        raise ValueError(f"the sweep's first parameter ({points['axes'][0][0]}) is not the break-even's ({found['parameter']})")
    ax = _axes(ax, 8, 4.5)
    if points is not None:
        parameter = points["axes"][0][0]
        _draw_sweep(ax, points)
    else:
        assert found is not None
        parameter = found["parameter"]
        ends = [float(found["low"]), float(found["high"])]
        values = [float(found["difference_at_low"]), float(found["difference_at_high"])]
        ax.plot(ends, values, "o", color="black", label="ends of the range")
    ax.axhline(0, color="black", linewidth=0.8)
    if found is not None:
        _mark_crossings(ax, found)
    _dollar_axis(ax.yaxis)
    ax.set_xlabel(parameter)
    ax.set_ylabel(f"{_DIFFERENCE_LABEL}\nabove 0: ECS is cheaper")
    ax.set_title(f"EKS {_MINUS} ECS against {parameter}", fontsize="medium")
    ax.legend(fontsize="small", loc="best")
    return ax


def _draw_sweep(ax: Axes, points: Mapping[str, Any]) -> None:
    import numpy as np

    axes = points["axes"]
    x = np.array([float(v) for v in axes[0][1]])
    inner = axes[1] if len(axes) == 2 else None
    difference = (points["difference_cents"] / 100).reshape(len(x), -1)
    if inner is None:
        ax.plot(x, difference[:, 0], marker=".", label=f"EKS {_MINUS} ECS")
        return
    name, values = inner
    for column, value in enumerate(values):
        ax.plot(x, difference[:, column], marker=".", label=f"{name} = {value}")


def _mark_crossings(ax: Axes, found: Mapping[str, Any]) -> None:
    for crossing in found["crossings"]:
        cheaper_above = crossing["cheaper_above"].upper()
        if crossing["kind"] == "root":
            ax.axvline(float(crossing["value"]), color="C3", linestyle="--", label=f"break-even {crossing['value']:.4g}: {cheaper_above} cheaper above")
            ax.plot([float(crossing["value"])], [0.0], "o", color="C3")
        else:
            ax.axvspan(float(crossing["low"]), float(crossing["high"]), color="C3", alpha=0.25,
                       label=f"break-even step {crossing['low']}..{crossing['high']}: {cheaper_above} cheaper above")
    if not found["crossings"]:
        ax.plot([], [], " ", label=f"no crossing in [{found['low']}, {found['high']}]")


# --- sensitivity -------------------------------------------------------------------------------------


def tornado(tornado: _Drawable, ax: Optional[Axes] = None) -> Axes:
    """A :class:`~libtco.Tornado`: per parameter (widest swing at the top) a bar from the scenario's
    difference to the difference with the parameter at its low value, and one to its high value."""
    data = tornado._series()
    bars = data["bars"]
    ax = _axes(ax, 8.5, 1.2 + 0.45 * max(len(bars), 1))
    base = float(data["base_difference"])
    rows = list(range(len(bars) - 1, -1, -1))  # the widest bar on top
    low = [float(bar["difference_at_low"]) - base for bar in bars]
    high = [float(bar["difference_at_high"]) - base for bar in bars]
    ax.barh(rows, low, left=base, height=0.6, color="#4e79a7", label="parameter at its low value")
    ax.barh(rows, high, left=base, height=0.6, color="#e15759", label="parameter at its high value")
    ax.axvline(base, color="black", linewidth=1.2, label=f"the scenario: {_money(data['base_difference'])}")
    extents = [base] + [float(bar["difference_at_low"]) for bar in bars] + [float(bar["difference_at_high"]) for bar in bars]
    if min(extents) <= 0 <= max(extents):
        ax.axvline(0, color="C3", linestyle="--", linewidth=1, label="break-even (EKS = ECS)")
    ax.set_yticks(rows, [f"{bar['parameter']}\n{bar['low']} .. {bar['high']}" for bar in bars], fontsize="small")
    _dollar_axis(ax.xaxis)
    ax.set_xlabel(_DIFFERENCE_LABEL)
    ax.set_title(f"What moves EKS {_MINUS} ECS (each parameter alone, widest swing first)", fontsize="medium")
    ax.legend(fontsize="small", loc="best")
    return ax


# --- Monte Carlo -------------------------------------------------------------------------------------

_MARKED_PERCENTILES = ((5, ":"), (50, "-"), (95, ":"))


def monte_carlo_histograms(monte_carlo: _Drawable, ax: Optional[Sequence[Axes]] = None, *, bins: int = 40) -> tuple[Axes, Axes]:
    """Two histograms of a :class:`~libtco.MonteCarlo` run: each platform's monthly cost, and EKS minus ECS with the
    probability that EKS is cheaper in its title. P5, P50 and P95 are marked (dotted, solid, dotted).

    Args:
        ax: Two Axes to draw the costs and the difference on; None: a new figure with both side by side.
        bins: Bins per histogram.

    Returns:
        The two Axes (costs, difference).
    """
    plt = _pyplot()
    if ax is None:
        _, (costs, difference) = plt.subplots(1, 2, figsize=(12, 4.2), layout="constrained")
    else:
        costs, difference = ax
    data = monte_carlo._series()
    summary = data["summary"]
    for platform in _PLATFORMS:
        colour = PLATFORM_COLOURS[platform]
        median = summary[platform]["percentiles"][50]
        costs.hist(data[f"{platform}_cents"] / 100, bins=bins, color=colour, alpha=0.6, label=f"{platform.upper()} (median {_money(median)})")
        _mark_percentiles(costs, summary[platform], colour)
    _dollar_axis(costs.xaxis)
    costs.set_xlabel("USD a month")
    costs.set_ylabel("samples")
    costs.set_title(f"Monthly cost, {data['samples']:,} samples (P5, P50, P95 marked)", fontsize="medium")
    costs.legend(fontsize="small")

    difference.hist(data["difference_cents"] / 100, bins=bins, color="#59a14f", alpha=0.8, label=f"EKS {_MINUS} ECS")
    _mark_percentiles(difference, summary["difference"], "black", labelled=True)
    difference.axvline(0, color="C3", linestyle="--", label="EKS = ECS")
    _dollar_axis(difference.xaxis)
    difference.set_xlabel(_DIFFERENCE_LABEL)
    difference.set_ylabel("samples")
    difference.set_title(f"EKS {_MINUS} ECS: P(EKS cheaper) = {_share(data['probability_eks_cheaper'])}", fontsize="medium")
    difference.legend(fontsize="small")
    return costs, difference


def _share(probability: Decimal) -> str:
    """A probability as a percentage to 0.1%, never rounded to 0% or 100% when it is not."""
    if 0 < probability < Decimal("0.001"):
        return "<0.1%"
    if Decimal("0.999") < probability < 1:
        return ">99.9%"
    return f"{float(probability):.1%}"


def _mark_percentiles(ax: Axes, summary: Mapping[str, Any], colour: Any, labelled: bool = False) -> None:
    for percentile, style in _MARKED_PERCENTILES:
        value = summary["percentiles"][percentile]
        ax.axvline(float(value), color=colour, linestyle=style, linewidth=1.2,
                   label=f"P{percentile} {_money(value)}" if labelled else None)


# --- GPU placement -------------------------------------------------------------------------------------


def gpu_placement(report: _Drawable, ax: Optional[Axes] = None, *, requests: Optional[Mapping[str, Any]] = None,
                  max_gpus: int = 40) -> Axes:
    """One bar per GPU of a platform's nodes; a segment per workload replica on it, as wide as the share
    of the GPU the replica requests. The rest of the GPU is paid for but unused: hatched when one
    replica holds the GPU exclusively (no sharing), plain grey when more replicas could still share it.
    A MIG GPU's label lists its profiles (``profile@start``).

    Args:
        report: ``comparison.eks`` or ``comparison.ecs``.
        requests: The share of a GPU each workload's replica requests, by workload; None: read from the
            placement itself (each GPU's requested share is the sum of its replicas').
        max_gpus: Draw at most this many GPUs (the title says how many there are).
    """
    data = report._series()
    gpus = _gpus(data["placement"])
    shares = {name: Decimal(str(share)) for name, share in (requests or {}).items()}
    shares = {**_replica_requests(gpus, known=shares), **shares}
    ax = _axes(ax, 9, 1.6 + 0.32 * min(len(gpus), max_gpus))
    drawn = gpus[:max_gpus]
    rows = list(range(len(drawn) - 1, -1, -1))
    workloads = sorted({name for gpu in drawn for name in gpu["replicas"]})
    colours = _palette(workloads)
    segments: dict[str, tuple[list[int], list[float], list[float]]] = {name: ([], [], []) for name in workloads}
    unused: dict[bool, tuple[list[int], list[float], list[float]]] = {True: ([], [], []), False: ([], [], [])}
    for row, gpu in zip(rows, drawn):
        used = 0.0
        for name, count in gpu["replicas"].items():
            width = min(float(shares[name]), 1.0)
            for _ in range(count):
                ys, lefts, widths = segments[name]
                ys.append(row)
                lefts.append(used)
                widths.append(width)
                used += width
        if used < 1.0:
            ys, lefts, widths = unused[bool(gpu["exclusive"]) and bool(gpu["replicas"])]
            ys.append(row)
            lefts.append(used)
            widths.append(1.0 - used)
    for name in workloads:
        ys, lefts, widths = segments[name]
        ax.barh(ys, widths, left=lefts, height=0.7, color=colours[name], edgecolor="white", linewidth=1, label=name)
    for exclusive, label, hatch in ((True, "held by one replica, unused", "///"), (False, "unused", None)):
        ys, lefts, widths = unused[exclusive]
        if ys:
            ax.barh(ys, widths, left=lefts, height=0.7, color=_UNUSED_COLOUR, hatch=hatch, edgecolor="#9a9a9a", linewidth=0.5,
                    label=label)
    ax.set_yticks(rows, [gpu["label"] for gpu in drawn], fontsize="small")
    ax.set_xlim(0, 1)
    from matplotlib.ticker import PercentFormatter

    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel("share of the GPU requested by each replica")
    ax.set_title(_placement_title(data, len(gpus), len(drawn)), fontsize="medium")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    return ax


def _gpus(placement: Any) -> list[dict[str, Any]]:
    """Every GPU of a placement frame's nodes, in placement order: label, requested share, exclusive, replicas."""
    frame = placement[placement["gpu"].notna()]
    gpus = []
    for (node, gpu), rows in frame.groupby(["node", "gpu"], sort=False):
        first = rows.iloc[0]
        label = f"{first.instance_type} #{node} GPU {gpu}" + (f" [{first.mig_profiles}]" if first.mig_profiles else "")
        replicas = {str(name): int(count) for name, count in zip(rows["workload"], rows["replicas"]) if isinstance(name, str) and count}
        gpus.append({"label": label, "requested": Decimal(first.requested), "exclusive": bool(first.exclusive), "replicas": replicas})
    return gpus


def _replica_requests(gpus: Iterable[Mapping[str, Any]], known: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """Each workload's share of a GPU per replica, solved from the GPUs' requested shares: a GPU on which
    all workloads but one are known gives that one, until every workload is known."""
    shares = dict(known)
    pending = [gpu for gpu in gpus if gpu["replicas"]]
    solved = True
    while solved:
        solved = False
        for gpu in pending:
            unknown = [name for name in gpu["replicas"] if name not in shares]
            if len(unknown) == 1:
                name = unknown[0]
                others = sum((shares[n] * c for n, c in gpu["replicas"].items() if n != name), Decimal(0))
                shares[name] = (gpu["requested"] - others) / gpu["replicas"][name]
                solved = True
    missing = sorted({name for gpu in pending for name in gpu["replicas"]} - shares.keys())
    if missing:
        raise ValueError(f"cannot tell from the placement what share of a GPU a replica of {', '.join(missing)} requests; "
                         "pass requests={workload: share}")
    return shares


def _placement_title(data: Mapping[str, Any], gpus: int, drawn: int) -> str:
    used = data["gpu_utilization"]
    parts = [f"{data['platform'].upper()}, GPU sharing {data['gpu_sharing']}: {gpus} GPUs paid for"]
    if used is not None:
        parts.append(f"{float(used):.0%} of GPU-hours requested")
    title = ", ".join(parts)
    return title if drawn == gpus else f"{title} (first {drawn} drawn)"


# --- projection ----------------------------------------------------------------------------------------


def projection_lines(projection: _Drawable, ax: Optional[Axes] = None, *, cumulative: bool = True) -> Axes:
    """Each platform's cost month by month over a :class:`~libtco.Projection`: cumulative (the default)
    or per month. Months in which the EKS cluster is upgraded are marked."""
    ax = _axes(ax, 9, 4.5)
    data = projection._series()
    frame = data["totals"]
    months = list(range(len(frame)))
    for platform in _PLATFORMS:
        column = f"{platform}_cumulative" if cumulative else platform
        ax.plot(months, [float(v) for v in frame[column]], color=PLATFORM_COLOURS[platform], linewidth=2, label=platform.upper())
    upgraded = [m for m, flag in zip(months, frame["eks_upgraded"].fillna(False)) if flag]
    if upgraded:
        column = "eks_cumulative" if cumulative else "eks"
        ax.plot(upgraded, [float(frame[column][m]) for m in upgraded], "v", color="black", label="EKS version upgrade")
    step = max(1, len(months) // 12)
    ax.set_xticks(months[::step], list(frame["month"][::step]), rotation=45, ha="right", fontsize="small")
    _dollar_axis(ax.yaxis)
    ax.set_ylabel("USD, cumulative" if cumulative else "USD a month")
    what = "Cumulative cost" if cumulative else "Monthly cost"
    ax.set_title(f"{what}, {data['start']} to {data['end']}: {data['verdict']}", fontsize="medium")
    ax.legend(fontsize="small", loc="upper left")
    return ax
