"""What Scenario, Catalog and Comparison share: a JSON document held in the C++ core's normal form."""

from __future__ import annotations

import json
from typing import Any, Callable, Mapping, Optional

from ..errors import Error

PICKLE_VERSION = 1


def normalized_text(normalize: Callable[[str], str], text: str, filename: Optional[str]) -> str:
    """``normalize(text)``; a libtco error it raises is tagged with the ``filename`` it came from."""
    try:
        return normalize(text)
    except Error as e:
        if filename is not None:
            e.filename = filename  # type: ignore[attr-defined]
        raise


def check_pickle_version(state: Mapping[str, Any], kind: str) -> None:
    """Refuses a pickled state written by another pickle version."""
    version = state.get("version")
    if version != PICKLE_VERSION:
        raise ValueError(f"cannot unpickle a {kind} of pickle version {version!r} (this libtco reads {PICKLE_VERSION})")


class NormalizedDocument:
    """A document in normal form: its JSON text as the C++ core wrote it, and that text parsed.

    Two documents of the same class are equal when their normal forms are equal.
    """

    __slots__ = ("_data", "_text")

    _text: str
    _data: dict[str, Any]

    def _set_normalized(self, normalized: str) -> None:
        self._text = normalized
        self._data = json.loads(normalized)

    def to_dict(self) -> dict[str, Any]:
        """The document in normal form as plain JSON data (a fresh copy; decimals are exact strings)."""
        data: dict[str, Any] = json.loads(self._text)
        return data

    def to_json(self) -> str:
        """The document in normal form as JSON text (2-space indent), as the C++ core writes it."""
        return self._text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NormalizedDocument) or type(other) is not type(self):
            return NotImplemented
        return self._text == other._text

    def __hash__(self) -> int:
        return hash(self._text)
