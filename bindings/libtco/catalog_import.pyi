import os
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Union

import pandas

from .catalog import Catalog

__all__ = ["ImportResult", "import_offer_file", "import_spot_advisor"]

_Source = Union[str, os.PathLike[str], Mapping[str, Any]]

@dataclass(frozen=True)
class ImportResult:
    catalog: Catalog
    updated: tuple[str, ...]
    added: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]
    def to_dict(self) -> dict[str, Any]: ...
    def to_frame(self) -> pandas.DataFrame: ...

def import_offer_file(
    source: _Source,
    *,
    base: Optional[_Source | Catalog] = None,
    region: Optional[str] = None,
    name: Optional[str] = None,
    effective_date: Optional[str] = None,
    retrieved: Optional[str] = None,
) -> ImportResult: ...
def import_spot_advisor(
    source: _Source,
    *,
    base: Optional[_Source | Catalog] = None,
    region: Optional[str] = None,
    name: Optional[str] = None,
    effective_date: Optional[str] = None,
    retrieved: Optional[str] = None,
) -> ImportResult: ...
