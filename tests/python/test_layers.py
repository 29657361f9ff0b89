"""The C++ headers' layers, as the README draws them: every include points to a lower layer (or
within its own), the top level holds only the umbrella and version headers, and the engine does not
compile the embedded catalogs."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "libtco"
# Bottom to top; analysis and projection are siblings: neither includes the other.
RANK = {"core": 0, "catalog": 1, "scenario": 2, "placement": 3, "costing": 4, "analysis": 5, "projection": 5, "io": 6}
INCLUDE = re.compile(r'^\s*#\s*include\s*<libtco/([a-z_/]+\.hpp)>', re.M)


def layer_of(relative: str) -> str:
    return relative.split("/")[0]


def includes(relative: str):
    path = ROOT / relative
    return INCLUDE.findall(path.read_text(encoding="utf-8")) if path.exists() else []


def headers():
    return sorted(str(p.relative_to(ROOT)) for p in ROOT.rglob("*.hpp"))


def test_top_level_holds_only_the_umbrella_and_version():
    assert sorted(p.name for p in ROOT.iterdir() if p.is_file()) == ["libtco.hpp", "version.hpp"]
    assert sorted(p.name for p in ROOT.iterdir() if p.is_dir()) == sorted(RANK)


def test_every_include_points_down():
    wrong = []
    for header in headers():
        if "/" not in header:
            continue
        mine = layer_of(header)
        for target in includes(header):
            theirs = layer_of(target)
            if theirs == mine:
                continue
            if theirs not in RANK or RANK[theirs] >= RANK[mine]:
                wrong.append(f"{header} includes {target}")
    assert wrong == []


def reachable(start: str):
    seen, todo = set(), [start]
    while todo:
        h = todo.pop()
        if h in seen:
            continue
        seen.add(h)
        todo.extend(includes(h))
    return seen


def test_the_engine_does_not_compile_the_embedded_catalogs():
    assert "catalog/embedded_catalog_data.hpp" not in reachable("costing/engine.hpp")
    assert "catalog/embedded_catalog_data.hpp" in reachable("costing/embedded_compare.hpp")


def test_the_layer_check_sees_a_wrong_include(tmp_path, monkeypatch):
    fake = tmp_path / "libtco"
    (fake / "scenario").mkdir(parents=True)
    (fake / "scenario" / "x.hpp").write_text("#include <libtco/placement/placement.hpp>\n")
    monkeypatch.setattr(__import__(__name__), "ROOT", fake)
    try:
        test_every_include_points_down()
    except AssertionError as failure:
        assert "scenario/x.hpp includes placement/placement.hpp" in str(failure)
    else:
        raise AssertionError("an upward include passed the check")
