import os
from typing import BinaryIO, Union

from .analysis import BreakEven, MonteCarlo, Sweep, Tornado
from .comparison import Comparison
from .projection import Projection

__all__ = ["MAX_ROWS", "MONEY_FORMAT", "to_excel", "workbook_bytes"]

Target = Union[str, os.PathLike[str], BinaryIO]

MONEY_FORMAT: str
MAX_ROWS: int

def to_excel(result: Comparison | Projection | Sweep | MonteCarlo | Tornado | BreakEven, path: Target) -> None: ...
def workbook_bytes(result: Comparison | Projection | Sweep | MonteCarlo | Tornado | BreakEven) -> bytes: ...
