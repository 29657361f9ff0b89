"""Turning what a user passes (a path, a dict, JSON text) into JSON text for the C++ core."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Union

from . import jsontext
from ..errors import IO, PARSE_INVALID_JSON, InputError, ParseError

__all__ = ["Source", "decode_text", "read_text", "to_json_text"]

#: What ``load_scenario`` and ``load_catalog`` accept.
Source = Union[str, "os.PathLike[str]", Mapping[str, Any]]


def read_text(path: str | os.PathLike[str], *, what: str) -> str:
    """Reads a UTF-8 JSON file; raises InputError (libtco.io.500) or ParseError (not UTF-8)."""
    filename = os.fspath(path)
    try:
        with open(filename, "rb") as f:
            data = f.read()
    except OSError as e:
        raise InputError.from_code(
            IO, "", f"cannot read {what} file \"{filename}\": {e.strerror or e}", errno=e.errno, strerror=e.strerror, filename=filename
        ) from e
    return decode_text(data, what=f"{what} file \"{filename}\"")


def decode_text(data: bytes, *, what: str) -> str:
    """UTF-8 bytes (a byte-order mark is dropped) as text; raises ParseError (libtco.parse.100) if they are not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ParseError.from_code(PARSE_INVALID_JSON, "", f"invalid JSON: {what} is not UTF-8 text (byte {e.start})") from e


def looks_like_json_text(text: str) -> bool:
    """A str is JSON text (rather than a path) when its first non-space character is ``{``."""
    return text.lstrip()[:1] == "{"


def to_json_text(source: Any, *, what: str) -> tuple[str, str | None]:
    """The JSON text of ``source`` and the file it came from (None if it was not a file).

    ``source`` is a path (str or os.PathLike), a mapping (written exactly, see _jsontext), or
    JSON text (a str whose first non-space character is ``{``).
    """
    if isinstance(source, str):
        if looks_like_json_text(source):
            return source, None
        return read_text(source, what=what), source
    if isinstance(source, os.PathLike):
        return read_text(source, what=what), os.fspath(source)
    if isinstance(source, Mapping):
        return jsontext.dumps(source), None
    raise TypeError(
        f"expected a path, a dict or JSON text for the {what}, got {type(source).__name__}"
    )
