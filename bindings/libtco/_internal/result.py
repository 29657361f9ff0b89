"""What every analysis result shares: a ``repr()`` that evaluates back (the call that made it) and
versioned pickling.

A result remembers the call that produced it as text, e.g.
``sweep(default_scenario(), {'/team/engineers': ['1', '2']})``; ``eval(repr(result), vars(libtco))``
runs it again and gives an equal result (every libtco computation is deterministic). ``str()`` is
the short human summary.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .document import PICKLE_VERSION, check_pickle_version

__all__ = ["Reproducible", "call_text"]


def call_text(function: str, *arguments: Any, **keywords: Any) -> str:
    """``function(arg, ..., key=value, ...)`` with each value's repr; keywords that are None are left out."""
    parts = [repr(a) for a in arguments]
    parts += [f"{k}={v!r}" for k, v in keywords.items() if v is not None]
    return f"{function}({', '.join(parts)})"


class Reproducible:
    """Mixin for the frozen dataclass results: ``repr`` is the reproducing call (``_call``), ``str`` the
    summary (``_summary()``), pickles carry a version."""

    __slots__ = ()

    _call: str

    def _summary(self) -> str:
        raise NotImplementedError

    def __repr__(self) -> str:
        return self._call or f"<{type(self).__name__}: {self._summary()}>"

    def __str__(self) -> str:
        return self._summary()

    def __getstate__(self) -> dict[str, Any]:
        fields = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}  # type: ignore[arg-type]
        return {"version": PICKLE_VERSION, "fields": fields}

    def __setstate__(self, state: dict[str, Any]) -> None:
        check_pickle_version(state, type(self).__name__)
        for name, value in state["fields"].items():
            object.__setattr__(self, name, value)
