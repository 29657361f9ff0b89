"""The hand-written .pyi stubs stay in step with the runtime: same names, same signatures."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import pathlib

import pytest

import libtco

PACKAGE = pathlib.Path(libtco.__file__).parent
MODULES = ["libtco", "libtco.errors", "libtco.scenario", "libtco.catalog", "libtco.catalog_import", "libtco.comparison", "libtco.cli", "libtco._core", "libtco.analysis", "libtco.projection", "libtco.plots", "libtco.workload", "libtco.spreadsheet", "libtco.distributed"]


def stub_of(module_name: str) -> ast.Module:
    name = "__init__" if module_name == "libtco" else module_name.split(".", 1)[1]
    return ast.parse((PACKAGE / f"{name}.pyi").read_text(encoding="utf-8"))


def stub_all(tree: ast.Module) -> list[str] | None:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return list(ast.literal_eval(node.value))
    return None


def params(fn: ast.FunctionDef) -> list[tuple[str, str, bool]]:
    """(name, kind, has default) for each parameter of a stub function."""
    a = fn.args
    out: list[tuple[str, str, bool]] = []
    positional = a.posonlyargs + a.args
    defaults = [False] * (len(positional) - len(a.defaults)) + [True] * len(a.defaults)
    for arg, has_default in zip(positional, defaults):
        kind = "POSITIONAL_ONLY" if arg in a.posonlyargs else "POSITIONAL_OR_KEYWORD"
        out.append((arg.arg, kind, has_default))
    if a.vararg:
        out.append((a.vararg.arg, "VAR_POSITIONAL", False))
    for arg, default in zip(a.kwonlyargs, a.kw_defaults):
        out.append((arg.arg, "KEYWORD_ONLY", default is not None))
    if a.kwarg:
        out.append((a.kwarg.arg, "VAR_KEYWORD", False))
    return out


def runtime_params(obj: object) -> list[tuple[str, str, bool]]:
    sig = inspect.signature(obj)  # type: ignore[arg-type]
    return [(p.name, p.kind.name, p.default is not inspect.Parameter.empty) for p in sig.parameters.values()]


def decorators(fn: ast.FunctionDef) -> set[str]:
    return {d.id if isinstance(d, ast.Name) else ast.unparse(d) for d in fn.decorator_list}


@pytest.mark.parametrize("module_name", MODULES)
def test_stub_exports_match(module_name):
    module = importlib.import_module(module_name)
    tree = stub_of(module_name)
    if hasattr(module, "__all__"):
        assert stub_all(tree) == list(module.__all__)
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            assert hasattr(module, node.name), f"{module_name}.{node.name} is in the stub but not at runtime"
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and not node.target.id.startswith("_"):
            assert hasattr(module, node.target.id), f"{module_name}.{node.target.id} is in the stub but not at runtime"


def test_core_stub_lists_every_function():
    from libtco import _core

    tree = stub_of("libtco._core")
    stubbed = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    runtime = {n for n, v in vars(_core).items() if callable(v) and not n.startswith("__")}
    assert stubbed == runtime


@pytest.mark.parametrize("module_name", [m for m in MODULES if m != "libtco._core"])
def test_stub_signatures_match(module_name):
    module = importlib.import_module(module_name)
    for node in stub_of(module_name).body:
        if isinstance(node, ast.FunctionDef):
            assert params(node) == runtime_params(getattr(module, node.name)), f"{module_name}.{node.name}"
        if not isinstance(node, ast.ClassDef):
            continue
        cls = getattr(module, node.name)
        stubbed: set[str] = set()
        for member in node.body:
            if isinstance(member, ast.FunctionDef):
                stubbed.add(member.name)
                runtime = inspect.getattr_static(cls, member.name)
                if "property" in decorators(member):
                    assert isinstance(runtime, property), f"{node.name}.{member.name} should be a property"
                    continue
                expected = params(member)[1:]  # without self / cls
                if isinstance(runtime, classmethod):
                    actual = runtime_params(getattr(cls, member.name))  # bound: cls already left out
                else:
                    actual = runtime_params(runtime)[1:]
                assert expected == actual, f"{module_name}.{node.name}.{member.name}"
            elif isinstance(member, ast.AnnAssign) and isinstance(member.target, ast.Name):
                stubbed.add(member.target.id)
        if dataclasses.is_dataclass(cls):
            fields = [f.name for f in dataclasses.fields(cls)]
            annotated = [m.target.id for m in node.body if isinstance(m, ast.AnnAssign) and isinstance(m.target, ast.Name)]
            assert annotated == fields, f"{node.name} fields"
        # Every public member of the class is in the stub.
        for name, value in vars(cls).items():
            if name.startswith("_") or name in {"FRAME_COLUMNS"}:
                continue
            if callable(value) or isinstance(value, (property, classmethod, staticmethod)):
                assert name in stubbed, f"{module_name}.{node.name}.{name} is missing from the stub"
