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

# The few codes the Python layer raises itself (the C++ core defines all of them; these numbers
# are the same as libtco::errc and never change meaning).
PARSE_INVALID_JSON = 100
WRONG_TYPE = 110
BAD_FORMAT = 114
MISSING_FIGURE = 205
IO = 500


def _family(code_number: int) -> str:
    """The family of an error code, as in ``libtco::errc_family``."""
    if code_number < 110:
        return "parse"
    if code_number < 200:
        return "validation"
    if code_number < 300:
        return "lookup"
    if code_number < 400:
        return "placement"
    if code_number < 500:
        return "arithmetic"
    if code_number < 600:
        return "io"
    return "run"


def code_name(code_number: int) -> str:
    """The stable name of an error code: ``code_name(113) == "libtco.validation.113"``."""
    return f"libtco.{_family(code_number)}.{code_number}"


def format_message(code_number: int, path: str, detail: str) -> str:
    """The message of an error, formatted like the C++ core's: ``[code] path: detail``."""
    return f"[{code_name(code_number)}] {path if path else '(document)'}: {detail}"


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
    """The JSON text is malformed, nested too deep or too large (``libtco.parse.*``; limits in ``libtco/limits.hpp``)."""


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
