"""The exceptions libtco raises.

Every error from the C++ core is translated into one of these classes (``libtco._core``
raises them directly). Each carries:

``code``
    the stable error code, e.g. ``"libtco.validation.113"``;
``code_number``
    its number, e.g. ``113`` (numbers never change meaning);
``path``
    the JSON pointer of the offending value (``""`` means the document itself);
``detail``
    what was wrong, without the ``[code] path:`` prefix.

``str(error)`` is the full message, e.g.
``[libtco.validation.113] /workloads/2/replicas: must be in [1, 100000], got -1``.

The classes also derive from the matching built-in exception, so code that does not know
libtco can still catch ``ValueError``, ``KeyError``, ``ArithmeticError`` or ``OSError``:

=========================== ====================================== ======================================
class                       built-in bases                         raised for
=========================== ====================================== ======================================
``ParseError``              ``ValueError``                         malformed JSON text, nested too deep, too large
``ValidationError``         ``ValueError``                         a wrong type, range, format or key
``NotFoundError``           ``KeyError``                           a name the catalog does not know
``PlacementError``          ``ValueError``                         a replica that fits no allowed capacity
``ArithmeticOverflowError`` ``ArithmeticError``, ``ValueError``    exact arithmetic out of range
``InputError``              ``OSError``                            a file that cannot be read
``Cancelled``               (none)                                 a long run stopped by its progress callback
=========================== ====================================== ======================================
"""

from __future__ import annotations

from typing import Any

from . import _core

__all__ = [
    "ArithmeticOverflowError",
    "Cancelled",
    "Error",
    "InputError",
    "NotFoundError",
    "ParseError",
    "PlacementError",
    "ValidationError",
]

# The few codes the Python layer raises itself, by their names in libtco::errc (the C++ core owns
# the numbers, the families and the message format).
PARSE_INVALID_JSON: int = _core.error_codes["parse_invalid_json"]
WRONG_TYPE: int = _core.error_codes["wrong_type"]
BAD_FORMAT: int = _core.error_codes["bad_format"]
MISSING_FIGURE: int = _core.error_codes["missing_figure"]
IO: int = _core.error_codes["io"]


def code_name(code_number: int) -> str:
    """The stable name of an error code: ``code_name(113) == "libtco.validation.113"``."""
    return str(_core.error_code_name(code_number))


def format_message(code_number: int, path: str, detail: str) -> str:
    """The message of an error, formatted like the C++ core's: ``[code] path: detail``."""
    return str(_core.error_message(code_number, path, detail))


class Error(Exception):
    """Base class of every libtco error.

    Attributes:
        code: The stable error code, e.g. ``"libtco.validation.113"``.
        code_number: Its number, e.g. ``113``.
        path: The JSON pointer of the offending value; ``""`` for the document itself.
        detail: The message without the ``[code] path:`` prefix.
    """

    code: str
    code_number: int
    path: str
    detail: str

    def __init__(
        self,
        message: str,
        *,
        code: str = "",
        code_number: int = 0,
        path: str = "",
        detail: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code if code else (code_name(code_number) if code_number else "")
        self.code_number = code_number
        self.path = path
        self.detail = message if detail is None else detail

    @classmethod
    def from_code(cls, code_number: int, path: str, detail: str, **extra: Any) -> Error:
        """Builds an error of this class the way the C++ core does, from a code, a path and a detail."""
        error = cls(
            format_message(code_number, path, detail),
            code=code_name(code_number),
            code_number=code_number,
            path=path,
            detail=detail,
        )
        for name, value in extra.items():
            setattr(error, name, value)
        return error

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class ParseError(Error, ValueError):
    """The JSON text is malformed, nested too deep or too large (``libtco.parse.*``; limits in ``libtco/core/limits.hpp``)."""


class ValidationError(Error, ValueError):
    """A value is present but wrong: its type, range, format, an unknown or a missing key (``libtco.validation.*``)."""


class NotFoundError(Error, KeyError):
    """A name does not resolve: an instance type, GPU model, source or region (``libtco.lookup.*``).

    Unlike a plain ``KeyError``, ``str()`` gives the message as is, without quotes.
    """

    def __str__(self) -> str:
        return Error.__str__(self)


class PlacementError(Error, ValueError):
    """The workloads cannot be placed on the allowed capacity (``libtco.placement.*``)."""


class ArithmeticOverflowError(Error, ArithmeticError, ValueError):
    """Exact arithmetic would overflow or divide by zero (``libtco.arithmetic.*``)."""


class InputError(Error, OSError):
    """A file cannot be read, or an option is not supported (``libtco.io.*``)."""

    def __str__(self) -> str:
        return Error.__str__(self)


class Cancelled(Error):
    """A long run (sweep, Monte Carlo) was stopped because its progress callback returned False (``libtco.run.600``)."""
