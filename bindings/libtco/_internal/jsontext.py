"""Writing Python data as JSON text for the C++ core, with numbers kept exact.

``json.dumps`` cannot write ``decimal.Decimal`` and would write floats through their binary
value; this writer keeps every number's decimal text:

* ``decimal.Decimal`` is written as the JSON number it spells (``Decimal("0.9")`` -> ``0.9``),
  never through a float;
* ``float`` is written as ``repr(x)``, the shortest text that reads back as the same float
  (``0.1`` -> ``0.1``). That is exact for what the user typed in most cases, but a float that
  is itself the result of arithmetic (``0.1 + 0.2``) carries its binary error
  (``0.30000000000000004``): pass money as ``Decimal`` or ``str`` to be exact;
* ``int`` (and other integral numbers) as digits, ``bool`` as ``true``/``false``, ``None``
  as ``null``, strings JSON-escaped;
* mappings become objects (keys must be strings), lists and tuples arrays.

Anything else, and NaN or infinite numbers, raise :class:`libtco.errors.ValidationError`
with the JSON pointer of the value.
"""

from __future__ import annotations

import decimal
import json
import math
import numbers
from collections.abc import Mapping
from typing import Any

from .. import _core
from ..errors import BAD_FORMAT, WRONG_TYPE, ValidationError

__all__ = ["dumps"]

_encode_string = json.encoder.encode_basestring_ascii


def _pointer(path: tuple[Any, ...]) -> str:
    """The JSON pointer of a value from its keys and indexes (built only for an error message)."""
    return "".join("/" + str(_core.escape_token(str(token))) for token in path)


def _number_text(value: Any, path: tuple[Any, ...]) -> str:
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise ValidationError.from_code(BAD_FORMAT, _pointer(path), f"expected a finite number, got Decimal('{value}')")
        # str(Decimal) is always valid JSON number syntax for a finite value ("1.5", "1E+2", "-0.001").
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError.from_code(BAD_FORMAT, _pointer(path), f"expected a finite number, got {value!r}")
        return repr(float(value))  # float(): numpy.float64 reprs as "np.float64(...)"
    return str(int(value))


def _write(value: Any, path: tuple[Any, ...], out: list[str], depth: int) -> None:
    if depth > 200:
        raise ValidationError.from_code(WRONG_TYPE, _pointer(path), "nesting too deep (or a container that contains itself)")
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        out.append(_encode_string(value))
    elif isinstance(value, (decimal.Decimal, float)):
        out.append(_number_text(value, path))
    elif isinstance(value, numbers.Integral) and not isinstance(value, bool):
        out.append(str(int(value)))
    elif isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
        # Other real types (numpy.float32, fractions.Fraction) go through float, like float itself.
        out.append(_number_text(float(value), path))
    elif isinstance(value, Mapping):
        out.append("{")
        first = True
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValidationError.from_code(WRONG_TYPE, _pointer(path), f"expected string keys, got {type(key).__name__} key {key!r}")
            if not first:
                out.append(",")
            first = False
            out.append(_encode_string(key))
            out.append(":")
            _write(item, (*path, key), out, depth + 1)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            _write(item, (*path, index), out, depth + 1)
        out.append("]")
    else:
        raise ValidationError.from_code(
            WRONG_TYPE, _pointer(path), f"expected JSON data (dict, list, str, int, Decimal, float, bool, None), got {type(value).__name__}"
        )


def dumps(value: Any) -> str:
    """Writes ``value`` as compact JSON text, numbers exact (see the module docstring)."""
    out: list[str] = []
    _write(value, (), out, 0)
    return "".join(out)
