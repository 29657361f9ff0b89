from typing import Any, Mapping, Optional, Sequence

from matplotlib.axes import Axes

from .analysis import BreakEven, MonteCarlo, Sweep, Tornado
from .comparison import Comparison, PlatformReport
from .projection import Projection

__all__ = ["break_even_curve", "cost_bars", "gpu_placement", "monte_carlo_histograms", "projection_lines", "tornado"]

PLATFORM_COLOURS: dict[str, str]

def cost_bars(comparison: Comparison, ax: Optional[Axes] = None) -> Axes: ...
def break_even_curve(sweep: Optional[Sweep] = None, break_even: Optional[BreakEven] = None, *, ax: Optional[Axes] = None) -> Axes: ...
def tornado(tornado: Tornado, ax: Optional[Axes] = None) -> Axes: ...
def monte_carlo_histograms(
    monte_carlo: MonteCarlo, ax: Optional[Sequence[Axes]] = None, *, bins: int = 40
) -> tuple[Axes, Axes]: ...
def gpu_placement(
    report: PlatformReport, ax: Optional[Axes] = None, *, requests: Optional[Mapping[str, Any]] = None, max_gpus: int = 40
) -> Axes: ...
def projection_lines(projection: Projection, ax: Optional[Axes] = None, *, cumulative: bool = True) -> Axes: ...
