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
from .errors import Error as Error
from .errors import InputError as InputError
from .errors import NotFoundError as NotFoundError
from .errors import ParseError as ParseError
from .errors import PlacementError as PlacementError
from .errors import ValidationError as ValidationError
from .scenario import Scenario as Scenario
from .scenario import default_scenario as default_scenario
from .scenario import load_scenario as load_scenario

__version__: str

__all__ = [
    "ArithmeticOverflowError",
    "Assumption",
    "Catalog",
    "Comparison",
    "Error",
    "Fee",
    "GpuModel",
    "ImportResult",
    "InputError",
    "InstanceGroup",
    "InstanceType",
    "LineItem",
    "NotFoundError",
    "ParseError",
    "PlacementError",
    "PlatformReport",
    "ReportWarning",
    "Scenario",
    "Share",
    "ValidationError",
    "__version__",
    "compare",
    "default_scenario",
    "embedded_catalog",
    "embedded_catalog_names",
    "import_offer_file",
    "import_spot_advisor",
    "load_catalog",
    "load_scenario",
]
