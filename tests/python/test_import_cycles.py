"""The Python package's modules import one another without a cycle.

Every import statement counts, wherever it is: at the top, inside a function (a deferred import
hides a cycle but does not remove it) or under ``if TYPE_CHECKING:``. Relative imports are resolved
against the importing module. ``from X import name`` is an edge to ``X.name`` when that is a module
of the package, else to ``X``. The parent package's ``__init__`` that Python runs first is not an
edge: every submodule would then depend on ``libtco``, which imports them all.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path
from typing import Optional

PACKAGE_ROOT = Path(__file__).resolve().parents[2] / "bindings" / "libtco"


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Every module of the package by its dotted name; a compiled module (a .pyi without a .py) too."""
    names: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py*")):
        if path.suffix not in (".py", ".pyi") or (path.suffix == ".pyi" and path.with_suffix(".py").exists()):
            continue
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join([package, *parts])] = path
    return names


def _base_of(module: str, path: Path, node: ast.ImportFrom) -> str:
    """The module a ``from ... import`` names, its dots resolved against ``module``."""
    if node.level == 0:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    package = package[: len(package) - (node.level - 1)]
    return ".".join(package + ([node.module] if node.module else []))


def imports_of(module: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``module`` imports anywhere in its source."""
    if path.suffix != ".py":
        return set()
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _base_of(module, path, node)
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # import libtco.plots.x -> libtco.plots
                target = target.rpartition(".")[0]
            if target and target != module:
                found.add(target)
    return found


def module_graph(root: Path, package: str) -> dict[str, set[str]]:
    names = module_names(root, package)
    return {module: imports_of(module, path, set(names)) for module, path in names.items()}


def find_cycle(graph: dict[str, set[str]]) -> Optional[list[str]]:
    """A cycle of the graph as a path that ends where it starts, or None."""
    state: dict[str, str] = {}  # "open" while on the current path, "done" once every path from it is explored
    path: list[str] = []

    def visit(node: str) -> Optional[list[str]]:
        state[node] = "open"
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return path[path.index(target):] + [target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


# --- the package -------------------------------------------------------------------------------------


def test_the_package_has_no_import_cycle():
    graph = module_graph(PACKAGE_ROOT, "libtco")
    assert find_cycle(graph) is None


def test_the_graph_sees_the_package():
    graph = module_graph(PACKAGE_ROOT, "libtco")
    assert {"libtco", "libtco.comparison", "libtco.plots", "libtco.spreadsheet", "libtco._core", "libtco._internal.edit"} <= set(graph)
    # Results delegate .plot() and .to_excel() to the renderers, never the other way round.
    assert {"libtco.plots", "libtco.spreadsheet"} <= graph["libtco.comparison"]
    for renderer in ("libtco.plots", "libtco.spreadsheet"):
        assert not graph[renderer] & {"libtco.comparison", "libtco.projection", "libtco.analysis"}, renderer


def test_private_helpers_live_in_the_internal_subpackage():
    loose = sorted(p.name for p in PACKAGE_ROOT.glob("_*.py") if p.name not in ("__init__.py", "__main__.py"))
    assert loose == ["_cli_analysis.py"]  # the CLI's analysis commands: still at the top level


# --- the checker itself, on made-up packages -------------------------------------------------------------


def write_package(root: Path, files: dict[str, str]) -> Path:
    for name, source in files.items():
        path = root / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    return root / "pkg"


def test_a_cycle_through_an_import_inside_a_function_is_found(tmp_path):
    root = write_package(tmp_path, {
        "__init__.py": "from .results import Result\n",
        "results.py": "from . import render\n\nclass Result:\n    pass\n",
        "render.py": "def draw(result):\n    from .results import Result\n    return isinstance(result, Result)\n",
    })
    graph = module_graph(root, "pkg")
    assert graph["pkg.render"] == {"pkg.results"}
    assert find_cycle(graph) == ["pkg.results", "pkg.render", "pkg.results"]


def test_a_cycle_through_type_checking_and_parent_relative_imports_is_found(tmp_path):
    root = write_package(tmp_path, {
        "__init__.py": "",
        "a.py": "from ._sub import helper\n",
        "_sub/__init__.py": "",
        "_sub/helper.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..a import x\n",
    })
    graph = module_graph(root, "pkg")
    assert graph["pkg.a"] == {"pkg._sub.helper"}
    assert graph["pkg._sub.helper"] == {"pkg.a"}
    assert find_cycle(graph) == ["pkg._sub.helper", "pkg.a", "pkg._sub.helper"]


def test_imports_in_one_direction_are_no_cycle(tmp_path):
    root = write_package(tmp_path, {
        "__init__.py": "from . import results, render\n",
        "results.py": "from . import render\n\ndef plot(self):\n    return render.draw(self._series())\n",
        "render.py": "import json\n\ndef draw(series):\n    return json.dumps(series)\n",
    })
    graph = module_graph(root, "pkg")
    assert graph == {"pkg": {"pkg.results", "pkg.render"}, "pkg.results": {"pkg.render"}, "pkg.render": set()}
    assert find_cycle(graph) is None
