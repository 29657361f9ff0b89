"""Money and verdicts in words, as the C++ core writes them (libtco/core/text.hpp): the package reads
every sentence and amount text through its bindings rather than formatting its own."""

from __future__ import annotations

from decimal import Decimal

from .. import _core


def _exact(value: Decimal) -> str:
    """A decimal as positional text, the form the C++ core reads (never 1E+3)."""
    return format(value, "f")


def dollars(amount: Decimal) -> str:
    """An amount rounded to cents for a sentence: ``$1,234.50`` (a negative one ``$-1,234.50``)."""
    return str(_core.dollars(_exact(amount)))


def amount(value: Decimal) -> str:
    """An amount rounded to cents with thousands separators and no sign of the currency: ``1,234.50``."""
    return str(_core.with_thousands(_core.usd(_exact(value))))


def whole_dollars(value: float) -> str:
    """An axis tick, rounded to whole dollars: ``$12,000`` (a negative one ``$-300``)."""
    return "$" + str(_core.with_thousands(f"{value:.0f}"))


def percent(share: Decimal) -> str:
    """A share as an exact percentage: ``0.035`` is ``3.5%``."""
    return str(_core.percent_text(_exact(share)))


def verdict(eks_minus_ecs: Decimal, period: str, period_on_tie: str) -> str:
    """``ECS is cheaper by $11,206.70 a month``, or ``EKS and ECS cost the same`` and ``period_on_tie``;
    no full stop."""
    return str(_core.verdict_sentence(_exact(eks_minus_ecs), period, period_on_tie))
