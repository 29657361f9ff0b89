"""Refreshing a pricing catalog from the files AWS itself publishes.

* :func:`import_offer_file` reads the AWS Price List bulk offer file for EC2
  (``https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/<region>/index.json``):
  on-demand and standard Reserved Instance prices of the Linux, shared-tenancy instance types.
* :func:`import_spot_advisor` reads the Spot Instance Advisor data file
  (``https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json``): each type's spot savings
  and interruption bucket.

Both keep the base catalog's specs, allocatable resources, GPU models and fees, and cite one new
source (confidence high) for every figure they change. The files are read by the C++ core, exactly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Optional

from . import _core
from ._internal.document import normalized_text
from ._internal.source import Source, to_json_text
from .catalog import Catalog, load_catalog

if TYPE_CHECKING:
    import pandas

__all__ = ["ImportResult", "import_offer_file", "import_spot_advisor"]


@dataclass(frozen=True)
class ImportResult:
    """What an import produced: the new catalog and what happened to each instance type.

    Attributes:
        catalog: The refreshed catalog (valid, in normal form).
        updated: The base catalog's types given new figures, in name order.
        added: The types the base catalog did not have (CPU-only types of the offer file), in name order.
        skipped: ``(instance_type, reason)`` for each type of the file left out, in name order.
    """

    catalog: Catalog
    updated: tuple[str, ...]
    added: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data: the new catalog in normal form and what happened to each type."""
        return {"catalog": self.catalog.to_dict(), "updated": list(self.updated), "added": list(self.added),
                "skipped": [{"instance_type": t, "reason": r} for t, r in self.skipped]}

    def to_frame(self) -> pandas.DataFrame:
        """One row per instance type of the file: ``instance_type``, ``outcome`` (updated, added, skipped), ``reason``."""
        import pandas as pd

        rows = [(t, "updated", "") for t in self.updated] + [(t, "added", "") for t in self.added]
        rows += [(t, "skipped", r) for t, r in self.skipped]
        return pd.DataFrame(sorted(rows), columns=["instance_type", "outcome", "reason"])

    @classmethod
    def _from_core(cls, text: str) -> ImportResult:
        data = json.loads(text)
        summary = data["summary"]
        return cls(
            catalog=load_catalog(data["catalog"]),
            updated=tuple(summary["updated"]),
            added=tuple(summary["added"]),
            skipped=tuple((s["instance_type"], s["reason"]) for s in summary["skipped"]),
        )


def _run_import(
    core_import: Callable[..., str],
    source: Source,
    what: str,
    base: Optional[Source | Catalog],
    region: Optional[str],
    name: Optional[str],
    effective_date: Optional[str],
    retrieved: Optional[str],
) -> ImportResult:
    text, filename = to_json_text(source, what=what)
    base_json = None if base is None else load_catalog(base).to_json()

    def run(file_json: str) -> str:
        return core_import(file_json, base_json, region, name, effective_date, retrieved)

    return ImportResult._from_core(normalized_text(run, text, filename))


def import_offer_file(
    source: Source,
    *,
    base: Optional[Source | Catalog] = None,
    region: Optional[str] = None,
    name: Optional[str] = None,
    effective_date: Optional[str] = None,
    retrieved: Optional[str] = None,
) -> ImportResult:
    """Refreshes a catalog from the AWS Price List bulk offer file for EC2 (``offerCode`` ``AmazonEC2``).

    Keeps the products that are Linux, shared tenancy, without pre-installed software, capacity
    status "Used", in the region. Their on-demand prices and standard Reserved Instance prices (per
    term and payment option; convertible RIs are ignored) replace the base catalog's. CPU-only
    types the base lacks are added with the file's vCPU and memory; GPU types it lacks are skipped
    (their GPU model is unknown: add them with an overlay).

    Args:
        source: The offer file: a path (``str`` or ``os.PathLike``), JSON text, or a ``dict``.
        base: The catalog to refresh: a :class:`Catalog` or anything :func:`load_catalog` accepts;
            None for the default embedded catalog.
        region: The region to import; None for the base catalog's (another region is an error,
            since the specs come from the base).
        name: The new catalog's name; None keeps the base's.
        effective_date: ``"YYYY-MM-DD"``; None for the date of the file's ``publicationDate``.
            The new source is ``aws-price-list-<effective_date>``.
        retrieved: The source's retrieval date ``"YYYY-MM-DD"``; None for the effective date.

    Returns:
        The refreshed catalog and which types were updated, added and skipped.

    Raises:
        ParseError, ValidationError: the file is not a valid offer file; ``path`` is the JSON
            pointer of the offending value, e.g. ``/terms/OnDemand/<sku>/<term>/priceDimensions/<rate>/pricePerUnit/USD``.
        NotFoundError: ``region`` is not the base catalog's.
        InputError: the file cannot be read.
    """
    return _run_import(_core.import_offer_file, source, "offer file", base, region, name, effective_date, retrieved)


def import_spot_advisor(
    source: Source,
    *,
    base: Optional[Source | Catalog] = None,
    region: Optional[str] = None,
    name: Optional[str] = None,
    effective_date: Optional[str] = None,
    retrieved: Optional[str] = None,
) -> ImportResult:
    """Refreshes a catalog's spot figures from the Spot Instance Advisor data file.

    Each type of the base catalog listed under ``spot_advisor.<region>.Linux`` gets the Advisor's
    savings (``s`` percent off on-demand) and interruption bucket (``r``, an index into ``ranges``)
    as its own spot figure; types the base lacks are skipped.

    Args:
        source: The data file (``spot-advisor-data.json``): a path, JSON text, or a ``dict``.
        base: The catalog to refresh (see :func:`import_offer_file`); None for the default.
        region: The region to import; None for the base catalog's.
        name: The new catalog's name; None keeps the base's.
        effective_date: ``"YYYY-MM-DD"``; None keeps the base's. The new source is
            ``aws-spot-advisor-<effective_date>``.
        retrieved: The source's retrieval date; None for the effective date.

    Raises:
        ParseError, ValidationError: the file is not valid; ``path`` locates the offending value.
        NotFoundError: the file has no data for the region, or ``region`` is not the base catalog's.
        InputError: the file cannot be read.
    """
    return _run_import(_core.import_spot_advisor, source, "Spot Advisor data file", base, region, name, effective_date, retrieved)
