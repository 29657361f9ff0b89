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

PARSE_INVALID_JSON: int
WRONG_TYPE: int
BAD_FORMAT: int
MISSING_FIGURE: int
IO: int

def code_name(code_number: int) -> str: ...
def format_message(code_number: int, path: str, detail: str) -> str: ...

class Error(Exception):
    code: str
    code_number: int
    path: str
    detail: str
    def __init__(self, message: str, *, code: str = "", code_number: int = 0, path: str = "", detail: str | None = None) -> None: ...
    @classmethod
    def from_code(cls, code_number: int, path: str, detail: str, **extra: Any) -> Error: ...

class ParseError(Error, ValueError): ...
class ValidationError(Error, ValueError): ...
class NotFoundError(Error, KeyError): ...
class PlacementError(Error, ValueError): ...
class ArithmeticOverflowError(Error, ArithmeticError, ValueError): ...
class InputError(Error, OSError): ...
class Cancelled(Error): ...
