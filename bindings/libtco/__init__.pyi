from .analysis import BreakEven as BreakEven
from .analysis import Crossing as Crossing
from .analysis import MonteCarlo as MonteCarlo
from .analysis import Reason as Reason
from .analysis import Recommendation as Recommendation
from .analysis import Sweep as Sweep
from .analysis import Tornado as Tornado
from .analysis import TornadoBar as TornadoBar
from .analysis import break_even as break_even
from .analysis import default_uncertainty as default_uncertainty
from .analysis import monte_carlo as monte_carlo
from .analysis import recommend as recommend
from .analysis import sensitivity as sensitivity
from .analysis import sweep as sweep
from .catalog import Catalog as Catalog
from .catalog import Fee as Fee
from .catalog import GpuModel as GpuModel
from .catalog import InstanceType as InstanceType
from .catalog import Share as Share
from .catalog import embedded_catalog as embedded_catalog
from .catalog import embedded_catalog_names as embedded_catalog_names
from .catalog import load_catalog as load_catalog
from .catalog_import import ImportResult as ImportResult
from .catalog_import import import_offer_file as import_offer_file
from .catalog_import import import_spot_advisor as import_spot_advisor
from .comparison import Assumption as Assumption
from .comparison import Comparison as Comparison
from .comparison import InstanceGroup as InstanceGroup
from .comparison import LineItem as LineItem
from .comparison import PlatformReport as PlatformReport
from .comparison import ReportWarning as ReportWarning
from .comparison import compare as compare
from .errors import ArithmeticOverflowError as ArithmeticOverflowError
from .errors import Cancelled as Cancelled
from .errors import Error as Error
from .errors import InputError as InputError
from .errors import NotFoundError as NotFoundError
from .errors import ParseError as ParseError
from .errors import PlacementError as PlacementError
from .errors import ValidationError as ValidationError
from .projection import Projection as Projection
from .projection import ProjectionWarning as ProjectionWarning
from .projection import project as project
from .scenario import Scenario as Scenario
from .scenario import default_scenario as default_scenario
from .scenario import load_scenario as load_scenario
from .workload import Workload as Workload

__version__: str

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
