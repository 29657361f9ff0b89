"""Every sentence, money text, category list and error table is written once, in C++; the Python
package reads them through its bindings (libtco._core, bindings/src/register_text.cpp).

The source of the package is searched for copies: the verdict sentence's words, money formatted
by Python (``{x:,.2f}``, ``${x:,}``), a tuple of the line categories, the error families and code
numbers, JSON-pointer escaping and the settings that follow a mode. Docstrings and the command
line's help texts may name these things; string literals that build output may not.
"""

from __future__ import annotations

import ast
import re
from decimal import Decimal
from pathlib import Path

import pytest

import libtco
from libtco import _core
from libtco._internal import edit, text

PACKAGE_ROOT = Path(__file__).resolve().parents[2] / "bindings" / "libtco"
_HELP_KEYWORDS = {"help", "description", "epilog"}


def sources() -> list[Path]:
    return sorted(PACKAGE_ROOT.rglob("*.py"))


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                found.add(id(first.value))
    return found


def _help_texts(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in _HELP_KEYWORDS:
            found |= {id(n) for n in ast.walk(node.value)}
    return found


def literals(path: Path) -> list[str]:
    """The string literals of a module (f-strings' literal parts included), without docstrings and help texts."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree) | _help_texts(tree)
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip]


def offending(pattern: str) -> list[str]:
    regex = re.compile(pattern)
    return [f"{p.relative_to(PACKAGE_ROOT)}: {s!r}" for p in sources() for s in literals(p) if regex.search(s)]


def sequences(path: Path) -> list[list[str]]:
    """The string elements of every tuple, list, set and dict literal of a module (keys and values)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        elements = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else (
            [*node.keys, *node.values] if isinstance(node, ast.Dict) else [])
        flat = []
        for e in elements:
            flat += [n.value for n in ast.walk(e) if isinstance(n, ast.Constant) and isinstance(n.value, str)] if e is not None else []
        if flat:
            out.append(flat)
    return out


# --- the searches ----------------------------------------------------------------------------------------


def test_the_verdict_sentence_is_not_written_in_python():
    assert offending(r"is cheaper by|cost the same(?! at )") == []


def test_money_is_not_formatted_in_python():
    money = []
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for before, value in zip(node.values, node.values[1:]):
                if not isinstance(value, ast.FormattedValue) or value.format_spec is None:
                    continue
                spec = ast.unparse(value.format_spec)
                dollar = isinstance(before, ast.Constant) and str(before.value).endswith("$")
                if ",.2f" in spec or ",.0f" in spec or (dollar and "," in spec):
                    money.append(f"{path.relative_to(PACKAGE_ROOT)}:{node.lineno}")
            first = node.values[0] if node.values else None
            if isinstance(first, ast.FormattedValue) and first.format_spec is not None and ",.2f" in ast.unparse(first.format_spec):
                money.append(f"{path.relative_to(PACKAGE_ROOT)}:{node.lineno}")
    assert money == []


def test_the_categories_are_not_listed_in_python():
    categories = set(_core.categories)
    copies = [f"{p.name}: {seq}" for p in sources() for seq in sequences(p) if len(categories & set(seq)) >= len(categories) // 2]
    assert copies == []


def test_the_error_families_and_numbers_are_not_written_in_python():
    families = {_core.error_family(n) for n in _core.error_codes.values()}
    assert families == {"parse", "validation", "lookup", "placement", "arithmetic", "io", "run"}
    for path in sources():
        named = families & set(literals(path))
        assert len(named) < 3, f"{path.name} names the error families {sorted(named)}"
    assert offending(r"^\[?libtco\.$|\[libtco\.(" + "|".join(families) + r")\.") == []
    names = {name.upper() for name in _core.error_codes}
    numbered = [f"{p.name}: {t.id}" for p in sources() for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, int)
                for t in node.targets if isinstance(t, ast.Name) and t.id.lstrip("_") in names]
    assert numbered == []


def test_json_pointers_are_not_escaped_in_python():
    assert offending(r"^~[01]$") == []


def test_the_settings_that_follow_a_mode_are_not_listed_in_python():
    following = {setting for settings in _core.settings_following_a_mode.values() for setting in settings if setting not in ("replicas", "demand")}
    copies = [f"{p.name}: {seq}" for p in sources() for seq in sequences(p) if len(following & set(seq)) >= 2]
    assert copies == []


# --- what the package reads from C++ instead ------------------------------------------------------------------


def test_the_tables_come_from_the_core():
    # libtco::category::all, in bill order.
    assert libtco.comparison.CATEGORIES == ("control_plane", "compute", "fargate", "spot_interruptions", "autoscaling", "commitment",
                                            "management", "other", "operations", "one_time")
    # libtco::errc: the numbers never change meaning.
    assert (libtco.errors.PARSE_INVALID_JSON, libtco.errors.WRONG_TYPE, libtco.errors.BAD_FORMAT, libtco.errors.MISSING_FIGURE,
            libtco.errors.IO) == (100, 110, 114, 205, 500)
    assert [libtco.errors.code_name(n) for n in (101, 113, 206, 300, 401, 501, 600)] == [
        "libtco.parse.101", "libtco.validation.113", "libtco.lookup.206", "libtco.placement.300", "libtco.arithmetic.401",
        "libtco.io.501", "libtco.run.600"]
    assert libtco.errors.format_message(113, "", "must be > 0") == "[libtco.validation.113] (document): must be > 0"
    assert edit.DEPENDENTS == {"gpu_sharing": ("replicas_per_gpu", "time_slicing_efficiency"),
                               "autoscaler": ("scale_up_lag_minutes", "scale_down_delay_minutes"),
                               "replicas": ("demand",), "demand": ("replicas",)}


def test_money_text_and_verdicts_come_from_the_core():
    assert text.dollars(Decimal("1234.5")) == "$1,234.50"
    assert text.dollars(Decimal("-0.125")) == "$-0.12"  # half-even to cents
    assert text.amount(Decimal("1234567.005")) == "1,234,567.00"
    assert text.whole_dollars(11999.6) == "$12,000"
    assert text.percent(Decimal("0.035")) == "3.5%"
    assert text.verdict(Decimal("11206.70"), "a month", "") == "ECS is cheaper by $11,206.70 a month"
    assert text.verdict(Decimal("-293.30"), "over 12 months", "over 12 months") == "EKS is cheaper by $293.30 over 12 months"
    assert text.verdict(Decimal("0.00"), "a month", "") == "EKS and ECS cost the same"
    assert text.verdict(Decimal("0"), "over 3 months", "over 3 months") == "EKS and ECS cost the same over 3 months"


def test_pointer_tokens_and_sweep_values_come_from_the_core():
    assert _core.pointer_tokens("/instance_types/a~1b~0c/vcpu") == ["instance_types", "a/b~c", "vcpu"]
    assert _core.escape_token("a/b~c") == "a~1b~0c"
    assert [_core.is_index_token(t) for t in ("0", "12", "", "chat-llm", "1a", "\N{SUPERSCRIPT TWO}")] == [True, True, False, False, False, False]
    # 0.1 to 0.2 in 7 values: a step of 0.1 / 6 = 0.016666666666(67), rounded half-even to 12 places.
    assert _core.linspace("0.1", "0.2", 7) == ["0.1", "0.116666666667", "0.133333333334", "0.150000000001", "0.166666666668",
                                               "0.183333333335", "0.2"]
    assert _core.linspace("5", "5", 1) == ["5"]
    assert (_core.decimal_places, _core.max_sweep_points, _core.max_sweep_parameters) == (12, 100_000_000, 8)


@pytest.mark.parametrize("pointer", ["/workloads/\N{SUPERSCRIPT TWO}/replicas"])
def test_a_workload_token_that_python_calls_a_digit_is_a_name(pointer):
    # str.isdigit() says yes to "²"; the C++ core's rule (digits 0-9 only) makes it a workload name.
    with pytest.raises(libtco.errors.NotFoundError, match="no workload named"):
        libtco.default_scenario().replace({pointer: 3})


def test_python_ends_on_the_verdict_line_of_the_cpp_table():
    # The default scenario with the seed's staff rule given explicitly: the seed's totals, EKS $21,207.22 and
    # ECS $10,000.52 (6 x 200,000 x 0.15 / 12 = 15,000 and x 0.035 / 12 = 3,500 of staff time), 12 months unchanged.
    seeded = libtco.default_scenario().replace(eks={"operations": {"share": "0.15"}}, ecs={"operations": {"share": "0.035"}})
    c = libtco.compare(seeded)
    assert c._verdict() == "ECS is cheaper by $11,206.70 a month (EKS minus ECS: 11,206.70)."
    assert c._verdict() in c.to_table().splitlines() and str(c).endswith(c._verdict())
    # The default itself (effort model): 15,337.65 - 11,065.74 (test_costs.py works them out).
    default = libtco.compare(libtco.default_scenario())
    assert default._verdict() == "ECS is cheaper by $4,271.91 a month (EKS minus ECS: 4,271.91)."
    assert default._verdict() in default.to_table().splitlines() and str(default).endswith(default._verdict())
    p = libtco.project(seeded, "2027-01", 12, upgrade_policy="none")
    # Twelve unchanged months: 12 x $11,206.70.
    assert p._verdict() == "ECS is cheaper by $134,480.40 over 12 months."
    assert p._verdict() in p.to_table().splitlines() and str(p).endswith(p._verdict())
