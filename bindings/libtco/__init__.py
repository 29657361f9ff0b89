"""libtco: the monthly total cost of ownership of AI/GPU workloads on AWS, EKS vs ECS, in exact decimal money.

Quick start::

    import libtco

    result = libtco.compare(libtco.default_scenario())
    print(result.to_table())
    result.eks.total, result.ecs.total, result.difference, result.cheaper   # Decimal, Decimal, Decimal, str
    result.to_frame()                                                        # pandas DataFrame of line items

Scenarios and catalogs are read by the C++ core (strict JSON: unknown keys are errors, numbers
exact). Money is ``decimal.Decimal`` throughout; give prices as ``Decimal`` or ``str`` in dicts.
Errors are :mod:`libtco.errors` exceptions carrying a stable ``code`` and the JSON ``path`` of the
offending value.
"""

from __future__ import annotations

try:
    from . import _core
except ImportError as _e:  # pragma: no cover - only without a built extension
    raise ImportError(
        "libtco's compiled core (libtco._core) cannot be imported: " + str(_e) + ".\n"
        "libtco is a C++ library with a Python front end; build and install it from the repository root with\n"
        "    pip install .\n"
        "(or `pip install --no-build-isolation .` when scikit-build-core and pybind11 are already installed),\n"
        "and do not run Python from inside bindings/, where the unbuilt package would shadow the installed one."
    ) from _e

from .analysis import (
    BreakEven,
    Crossing,
    MonteCarlo,
    Reason,
    Recommendation,
    Sweep,
    Tornado,
    TornadoBar,
    break_even,
    default_uncertainty,
    monte_carlo,
    recommend,
    sensitivity,
    sweep,
)
from .catalog import Catalog, Fee, GpuModel, InstanceType, Share, embedded_catalog, embedded_catalog_names, load_catalog
from .catalog_import import ImportResult, import_offer_file, import_spot_advisor
from .comparison import Assumption, Comparison, InstanceGroup, LineItem, PlatformReport, ReportWarning, compare
from .errors import (
    ArithmeticOverflowError,
    Cancelled,
    Error,
    InputError,
    NotFoundError,
    ParseError,
    PlacementError,
    ValidationError,
)
from .projection import Projection, ProjectionWarning, project
from .scenario import Scenario, default_scenario, load_scenario
from .workload import Workload

__version__: str = _core.version

__all__ = [
    "ArithmeticOverflowError",
    "Assumption",
    "BreakEven",
    "Cancelled",
    "Catalog",
    "Comparison",
    "Crossing",
    "Error",
    "Fee",
    "GpuModel",
    "ImportResult",
    "InputError",
    "InstanceGroup",
    "InstanceType",
    "LineItem",
    "MonteCarlo",
    "NotFoundError",
    "ParseError",
    "PlacementError",
    "PlatformReport",
    "Projection",
    "ProjectionWarning",
    "Reason",
    "Recommendation",
    "ReportWarning",
    "Scenario",
    "Share",
    "Sweep",
    "Tornado",
    "TornadoBar",
    "ValidationError",
    "Workload",
    "__version__",
    "break_even",
    "compare",
    "default_scenario",
    "default_uncertainty",
    "embedded_catalog",
    "embedded_catalog_names",
    "import_offer_file",
    "import_spot_advisor",
    "load_catalog",
    "load_scenario",
    "monte_carlo",
    "project",
    "recommend",
    "sensitivity",
    "sweep",
]
