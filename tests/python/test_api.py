"""The public Python API: loading, normal forms, equality, pickling, frames and reprs."""

from __future__ import annotations

import importlib.metadata
import json
import os
import pathlib
import pickle
import re
import shutil
import subprocess
import sys
import threading
from decimal import Decimal

import pytest
from conftest import gpu_workload, make_scenario

import libtco
from libtco import _core

D = Decimal


# --- the package ----------------------------------------------------------------------------------


def test_version():
    assert libtco.__version__ == "0.1.0"
    assert libtco.__version__ == _core.version
    assert importlib.metadata.version("libtco") == libtco.__version__


def test_public_names_are_exported_and_documented():
    for name in libtco.__all__:
        obj = getattr(libtco, name)
        if name != "__version__":
            assert obj.__doc__, f"{name} has no docstring"
    for cls in (libtco.Scenario, libtco.Catalog, libtco.Comparison, libtco.PlatformReport):
        for attr, member in vars(cls).items():
            if attr.startswith("_") and attr not in {"__init__", "_repr_html_"}:
                continue
            if callable(member) or isinstance(member, (property, classmethod)):
                assert getattr(member, "__doc__", None), f"{cls.__name__}.{attr} has no docstring"


def test_the_package_ships_typing_information():
    root = pathlib.Path(libtco.__file__).parent
    assert (root / "py.typed").is_file()
    for stub in ("__init__.pyi", "_core.pyi", "errors.pyi", "scenario.pyi", "catalog.pyi", "comparison.pyi", "cli.pyi"):
        assert (root / stub).is_file(), stub


def test_a_missing_extension_gives_a_helpful_import_error(tmp_path):
    # A copy of the pure-Python package without the compiled _core.
    copy = tmp_path / "libtco"
    shutil.copytree(pathlib.Path(libtco.__file__).parent, copy, ignore=shutil.ignore_patterns("_core*.so", "_core*.pyd", "__pycache__"))
    proc = subprocess.run(
        [sys.executable, "-c", "import libtco"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
    )
    assert proc.returncode != 0
    assert "ImportError" in proc.stderr
    assert "pip install ." in proc.stderr


# --- scenarios ------------------------------------------------------------------------------------


def test_a_scenario_loads_the_same_from_a_dict_text_and_file(scenario_file):
    doc = make_scenario([gpu_workload(replicas=2)])
    from_dict = libtco.load_scenario(doc)
    from_text = libtco.load_scenario("\n  " + json.dumps(doc))
    path = scenario_file(doc)
    from_path = libtco.load_scenario(path)
    from_str_path = libtco.load_scenario(str(path))
    assert from_dict == from_text == from_path == from_str_path
    assert hash(from_dict) == hash(from_path)
    assert libtco.load_scenario(from_dict) is from_dict
    assert libtco.Scenario(from_dict) == from_dict


def test_a_scenario_is_kept_in_normal_form():
    s = libtco.load_scenario(make_scenario([gpu_workload()], name="norm"))
    assert s.name == "norm"
    assert s.month == "2026-09"
    assert s.region == "us-east-1"
    assert s.hours_basis == "aws-730"
    assert s.description == ""
    assert s.to_json() == _core.normalize_scenario(json.dumps(make_scenario([gpu_workload()], name="norm")))
    data = s.to_dict()
    # Defaults made explicit, decimals as exact strings.
    # Staff time is the effort model unless a scenario gives its own figures: `operations` stays empty
    # (the presets' hours are not copied in), and the team's hours default to 1,840 a year and 4 a workload.
    assert data["team"] == {"engineers": "0", "loaded_cost_per_engineer_year": "0", "working_hours_per_year": "1840",
                            "service_hours_per_month": "4"}
    common = {"operations": {}, "node_types": [], "nodes": [], "gpu_sharing": "none", "commitments": [], "extra_items": [], "clusters": 1}
    assert data["eks"] == {**common, "autoscaler": "karpenter", "scale_to_zero": False,
                           "scale_up_lag_minutes": "2", "scale_down_delay_minutes": "1",
                           "support": "standard", "auto_mode": False}
    assert data["ecs"] == {**common, "autoscaler": "capacity-provider", "scale_to_zero": False,
                           "target_capacity": "1", "scale_up_lag_minutes": "4", "scale_down_delay_minutes": "15",
                           "reserved_memory_gib": "0.25", "fargate_spot_share": "0"}
    assert data["workloads"][0]["gpus"] == "1"
    # to_dict is a copy.
    data["name"] = "changed"
    assert s.name == "norm"
    # The normal form reads back as the same scenario.
    assert libtco.load_scenario(s.to_dict()) == s
    assert libtco.load_scenario(s.to_json()) == s


def test_decimal_money_in_a_dict_is_exact():
    doc = make_scenario(team={"engineers": D("3"), "loaded_cost_per_engineer_year": D("123456.789012345678")})
    s = libtco.load_scenario(doc)
    assert s.to_dict()["team"]["loaded_cost_per_engineer_year"] == "123456.789012345678"
    # Exponent forms and trailing zeros are numbers like any other.
    doc = make_scenario(team={"engineers": D("2.50"), "loaded_cost_per_engineer_year": D("1.2E+5")})
    assert libtco.load_scenario(doc).to_dict()["team"] == {"engineers": "2.5", "loaded_cost_per_engineer_year": "120000",
                                                           "working_hours_per_year": "1840", "service_hours_per_month": "4"}


def test_a_decimal_price_flows_through_exactly():
    # $0.123456789012/h x 730 h = $90.12345597876 exactly; far past a float's 15-17 digits at this scale.
    doc = make_scenario(
        [{"name": "svc", "replicas": 1, "vcpu": 1, "memory_gib": 1}],
        instance_types={"z1.exact": {"vcpu": 1, "memory_gib": 2, "on_demand_usd_per_hour": D("0.123456789012")}},
        eks={"node_types": ["z1.exact"]},
        ecs={"node_types": ["z1.exact"]},
    )
    result = libtco.compare(doc)
    assert result.eks.instances[0].usd_exact == D("90.12345597876")
    assert result.eks.instances[0].usd_per_hour == D("0.123456789012")


def test_floats_are_written_as_their_shortest_repr():
    doc = make_scenario(team={"engineers": 6.0, "loaded_cost_per_engineer_year": 200000.5}, eks={"operations": {"share": 0.15}})
    s = libtco.load_scenario(doc)
    assert s.to_dict()["team"] == {"engineers": "6", "loaded_cost_per_engineer_year": "200000.5", "working_hours_per_year": "1840",
                                   "service_hours_per_month": "4"}
    assert s.to_dict()["eks"]["operations"] == {"share": "0.15"}
    # A float from arithmetic keeps its binary error: 0.1 + 0.2 is 0.30000000000000004 (17 places),
    # past the 12 libtco accepts. Decimal("0.3") or "0.3" is the exact way.
    with pytest.raises(libtco.ValidationError) as info:
        libtco.load_scenario(make_scenario(eks={"operations": {"share": 0.1 + 0.2}}))
    assert info.value.code == "libtco.validation.115"
    assert libtco.load_scenario(make_scenario(eks={"operations": {"share": D("0.3")}})).to_dict()["eks"]["operations"]["share"] == "0.3"


def test_numpy_numbers_are_accepted():
    np = pytest.importorskip("numpy")
    doc = make_scenario([{"name": "a", "replicas": np.int64(3), "vcpu": np.float64(1.5), "memory_gib": 4}])
    w = libtco.load_scenario(doc).workloads[0]
    assert (w["replicas"], w["vcpu"]) == (3, "1.5")


def test_scenario_repr_evaluates_back():
    s = libtco.default_scenario()
    assert repr(s) == "default_scenario()"
    assert eval(repr(s), {"default_scenario": libtco.default_scenario}) == s
    other = s.replace(team={"engineers": 7})
    assert repr(other).startswith("Scenario({")
    assert eval(repr(other), {"Scenario": libtco.Scenario}) == other


def test_scenario_pickles():
    s = libtco.default_scenario()
    copy = pickle.loads(pickle.dumps(s))
    assert copy == s
    assert copy.to_json() == s.to_json()


def test_scenario_pickle_is_versioned():
    s = libtco.default_scenario()
    state = s.__getstate__()
    assert state["version"] == 1
    bad = libtco.Scenario.__new__(libtco.Scenario)
    with pytest.raises(ValueError, match="pickle version"):
        bad.__setstate__({**state, "version": 99})


def test_default_scenario():
    s = libtco.default_scenario()
    assert s.name == "ai-team-default"
    assert s.month == "2026-09"
    assert [w["name"] for w in s.workloads] == ["chat-llm", "embeddings", "reranker", "fine-tuning", "api-gateway", "feature-pipeline"]
    assert json.loads(_core.default_scenario_json())["name"] == s.name


def test_scenarios_differ_when_their_content_does():
    a = libtco.load_scenario(make_scenario(name="a"))
    b = libtco.load_scenario(make_scenario(name="b"))
    assert a != b
    assert a != "a"


# --- catalogs -------------------------------------------------------------------------------------


def test_the_embedded_catalog():
    c = libtco.embedded_catalog()
    assert c.name == "aws-us-east-1-2026-07-20"
    assert c.region == "us-east-1"
    assert c.currency == "USD"
    assert c.effective_date == "2026-07-20"
    assert c.is_embedded
    assert repr(c) == "Catalog.embedded()"
    assert eval(repr(c), {"Catalog": libtco.Catalog}) == c
    assert c.fees["eks_cluster_standard"].usd_per_hour == D("0.1")
    assert c.fees["eks_cluster_extended"].usd_per_hour == D("0.6")
    assert c.fees["ecs_cluster"].usd_per_hour == D("0")
    assert c.gpu_models["A10G"].memory_gib == D("22.3515625")


def test_catalog_instance_types_match_the_published_facts():
    types = libtco.embedded_catalog().instance_types
    g5 = types["g5.xlarge"]
    assert (g5.vcpu, g5.memory_gib, g5.gpus, g5.gpu_model) == (D(4), D(16), D(1), "A10G")
    assert g5.gpu_memory_gib == D("22.3515625")
    assert (g5.allocatable_vcpu, g5.allocatable_memory_gib) == (D("3.92"), D("13.830078125"))
    assert g5.on_demand_usd_per_hour == D("1.006")
    assert g5.has_gpus
    m5 = types["m5.xlarge"]
    assert (m5.vcpu, m5.memory_gib, m5.gpus, m5.gpu_model, m5.gpu_memory_gib) == (D(4), D(16), D(0), None, None)
    assert m5.on_demand_usd_per_hour == D("0.192")
    assert not m5.has_gpus
    assert types["p5e.48xlarge"].on_demand_usd_per_hour is None
    # Natural order: family, then size.
    names = [n for n in types if n.startswith("m5.")]
    assert names.index("m5.large") < names.index("m5.xlarge") < names.index("m5.2xlarge") < names.index("m5.12xlarge")


def test_catalog_frame():
    c = libtco.embedded_catalog()
    frame = c.to_frame()
    assert frame.index.name == "instance_type"
    assert list(frame.columns) == list(libtco.catalog.FRAME_COLUMNS)
    assert len(frame) == len(c.instance_types)
    row = frame.loc["g5.xlarge"]
    assert row["vcpu"] == 4.0 and row["memory_gib"] == 16.0 and row["gpus"] == 1.0
    assert row["gpu_model"] == "A10G"
    assert row["on_demand_usd_per_hour"] == D("1.006")
    assert isinstance(row["on_demand_usd_per_hour"], Decimal)
    assert str(frame["vcpu"].dtype) == "float64"
    assert str(frame["max_pods"].dtype) == "Int64"
    gpus = c.to_frame(gpu_only=True)
    assert len(gpus) > 0 and (gpus["gpus"] > 0).all()
    assert "m5.xlarge" not in gpus.index and "g5.xlarge" in gpus.index


def test_a_catalog_loads_from_a_file_and_a_dict():
    path = pathlib.Path(__file__).resolve().parents[2] / "pricing" / "aws-us-east-1-2026-07-20.json"
    from_file = libtco.load_catalog(path)
    from_dict = libtco.load_catalog(json.loads(path.read_text(encoding="utf-8")))
    embedded = libtco.embedded_catalog()
    assert from_file == from_dict == embedded
    assert not from_file.is_embedded
    assert repr(from_file).startswith("Catalog({'schema_version': 1, 'name': 'aws-us-east-1-2026-07-20'")
    assert eval(repr(from_file), {"Catalog": libtco.Catalog}) == from_file
    assert libtco.load_catalog(from_file) is from_file


def test_a_catalog_normal_form_reads_back_the_same():
    c = libtco.embedded_catalog()
    again = libtco.load_catalog(c.to_json())
    assert again == c
    assert again.to_json() == c.to_json()
    assert _core.normalize_catalog(c.to_json()) == c.to_json()


def test_a_modified_catalog_changes_the_prices():
    doc = libtco.embedded_catalog().to_dict()
    doc["name"] = "cheap-eks"
    doc["fees"]["eks_cluster_standard"]["usd"] = "0.05"
    result = libtco.compare(make_scenario(), libtco.load_catalog(doc))
    assert result.eks.total == D("36.50")  # 730 h x $0.05/h
    assert result.catalog.name == "cheap-eks"
    assert result.to_dict()["catalog"]["name"] == "cheap-eks"
    assert "cheap-eks" in result.to_table()


def test_catalog_pickles():
    c = libtco.embedded_catalog()
    copy = pickle.loads(pickle.dumps(c))
    assert copy == c and copy.is_embedded
    modified = c.to_dict()
    modified["name"] = "other"
    other = libtco.load_catalog(modified)
    copy = pickle.loads(pickle.dumps(other))
    assert copy == other and not copy.is_embedded
    assert libtco.compare(make_scenario(), copy).catalog.name == "other"


# --- comparisons ----------------------------------------------------------------------------------


def test_compare_accepts_every_kind_of_source(scenario_file):
    doc = make_scenario([gpu_workload(replicas=2)])
    expected = libtco.compare(doc).to_json()
    assert libtco.compare(libtco.load_scenario(doc)).to_json() == expected
    assert libtco.compare(json.dumps(doc)).to_json() == expected
    assert libtco.compare(scenario_file(doc)).to_json() == expected
    assert libtco.compare(doc, libtco.embedded_catalog()).to_json() == expected
    assert libtco.compare(doc, catalog=_core.embedded_catalog_json()).to_json() == expected


def test_to_json_is_the_core_report_text(default_comparison):
    text = default_comparison.to_json()
    assert text == _core.compare_json(libtco.default_scenario().to_json())
    assert text == _core.compare_json(_core.default_scenario_json())
    assert not text.endswith("\n")
    data = json.loads(text)
    assert list(data) == ["schema_version", "scenario", "month", "hours_basis", "hours", "region", "catalog", "warnings", "eks", "ecs",
                          "difference_usd", "cheaper", "infrastructure_difference_usd", "cheaper_on_infrastructure", "staff_difference_usd",
                          "assumptions", "sources"]
    assert default_comparison.schema_version == 1
    assert default_comparison.region == "us-east-1"


def test_to_dict_matches_the_attributes(default_comparison):
    data = default_comparison.to_dict()
    assert data["difference_usd"] == default_comparison.difference
    assert data["eks"]["total_usd"] == default_comparison.eks.total
    assert data["hours"] == default_comparison.hours
    assert [li["usd"] for li in data["ecs"]["line_items"]] == [li.usd for li in default_comparison.ecs.line_items]
    data["eks"]["total_usd"] = D(0)
    assert default_comparison.eks.total != 0  # a copy


def test_platform_frame_columns_and_sums(default_comparison):
    for report in (default_comparison.eks, default_comparison.ecs):
        frame = report.to_frame()
        assert list(frame.columns) == ["category", "item", "detail", "usd", "usd_exact", "confidence"]
        assert len(frame) == len(report.line_items)
        assert frame["usd"].sum() == report.total
        assert isinstance(frame["usd"].sum(), Decimal)
        assert frame.groupby("category")["usd"].sum()["operations"] == report.subtotal("operations")


def test_comparison_frame_is_long_with_a_platform_column():
    doc = make_scenario([gpu_workload(replicas=8)], eks={"node_types": ["g5.xlarge"]}, ecs={"node_types": ["g5.xlarge"]})
    frame = libtco.compare(doc).to_frame()
    assert list(frame.columns) == ["platform", "category", "item", "detail", "usd", "usd_exact", "confidence"]
    # EKS: fee, g5.xlarge; ECS: the same two. The team costs nothing (NO_TEAM), so no staff-time line at all.
    assert list(frame["platform"]) == ["eks"] * 2 + ["ecs"] * 2
    totals = frame.groupby("platform")["usd"].sum()
    assert totals["eks"] == D("5948.04")  # 73.00 + 8 x 1.006 x 730
    assert totals["ecs"] == D("5875.04")
    compute = frame[frame["category"] == "compute"]
    assert list(compute["usd"]) == [D("5875.04"), D("5875.04")]
    assert list(compute["detail"]) == ["8 x 730 h x $1.006/h"] * 2


def test_subtotals():
    doc = make_scenario([gpu_workload(replicas=2)], team={"engineers": 1, "loaded_cost_per_engineer_year": 120000}, eks={"node_types": ["g5.xlarge"]})
    eks = libtco.compare(doc).eks
    assert eks.subtotal("control_plane") == D("73.00")
    assert eks.subtotal("compute") == D("1468.76")  # 2 x 1.006 x 730
    # The effort model's lines at $120,000 / 1,840 h = $65.2173913/h: cluster care 16 h = 1,043.48, upgrades 40 x 3 / 12 = 10 h
    # = 652.17, node rotation 4 h x 1 pool (x86 GPU) = 260.87, add-ons 2 x 7 = 14 h = 913.04, on-call 12 h = 782.61,
    # service work 4 h x 1 workload = 260.87: 60 h, 1,043.48 + 652.17 + 260.87 + 913.04 + 782.61 + 260.87 = 3,913.04.
    assert eks.subtotal("operations") == D("3913.04")
    assert len([li for li in eks.line_items if li.category == "operations"]) == 6
    with pytest.raises(ValueError):
        eks.subtotal("storage")


def test_platform_lookup(default_comparison):
    assert default_comparison.platform("eks") is default_comparison.eks
    assert default_comparison.platform("ecs") is default_comparison.ecs
    with pytest.raises(ValueError):
        default_comparison.platform("fargate")  # type: ignore[arg-type]


def test_table_and_csv_are_the_core_renderings(default_comparison):
    scenario = _core.default_scenario_json()
    assert default_comparison.to_table() == _core.render(scenario, None, "table")
    assert default_comparison.to_csv() == _core.render(scenario, None, "csv")
    assert _core.render(scenario, None, "json") == default_comparison.to_json()


def test_table_for_a_given_catalog_uses_that_catalog():
    doc = libtco.embedded_catalog().to_dict()
    doc["name"] = "renamed"
    result = libtco.compare(make_scenario(), doc)
    assert "catalog renamed" in result.to_table()


def test_repr_reproduces_and_str_summarizes(default_comparison):
    assert repr(default_comparison) == "compare(default_scenario())"
    text = str(default_comparison)
    assert text.startswith("'ai-team-default' 2026-09: EKS $")
    assert f"{default_comparison.eks.total:,}" in text
    assert repr(default_comparison.eks).startswith("<PlatformReport eks: $")


def test_html_repr_is_a_side_by_side_table():
    doc = make_scenario([gpu_workload(replicas=8)], eks={"node_types": ["g5.xlarge"]}, ecs={"node_types": ["g5.xlarge"]}, name="<b>&co</b>")
    page = libtco.compare(doc)._repr_html_()
    assert page.startswith("<table") and page.endswith("</table>")
    assert "<b>" not in page and "&lt;b&gt;&amp;co&lt;/b&gt;" in page
    assert "<th>EKS (USD)</th><th>ECS (USD)</th>" in page
    # One row per line item kind, both platforms side by side: fee and compute (NO_TEAM: no staff time).
    assert page.count("<tr><td>") == 2
    assert "5,875.04</td>" in page and "5,948.04</th>" in page
    assert "ECS is cheaper by $73.00 a month" in page
    # With a team at $184,000 / 1,840 h = $100/h, one operations row per item, keyed without the platform:
    # cluster care EKS 16 h = 1,600.00, ECS 4 h = 400.00; upgrades (EKS 40 x 3 / 12 = 10 h = 1,000.00) has no ECS line.
    staffed = libtco.compare(dict(doc, team={"engineers": 1, "loaded_cost_per_engineer_year": 184000}))._repr_html_()
    right = '<td style="text-align:right">'
    assert f"<td>cluster care (staff time)</td>{right}1,600.00</td>{right}400.00</td>" in staffed
    assert f"<td>version upgrades (staff time)</td>{right}1,000.00</td>{right}&ndash;</td>" in staffed
    # fee, compute, then care, upgrades, node rotation, add-ons, on-call, service work.
    assert staffed.count("<tr><td>") == 8 and "EKS cluster care" not in staffed


def test_comparison_pickles(default_comparison):
    copy = pickle.loads(pickle.dumps(default_comparison))
    assert copy.to_json() == default_comparison.to_json()
    assert copy.scenario == default_comparison.scenario
    assert copy.eks.total == default_comparison.eks.total
    assert copy.to_table() == default_comparison.to_table()


def test_comparison_knows_its_inputs(default_comparison):
    assert default_comparison.scenario == libtco.default_scenario()
    assert default_comparison.catalog == libtco.embedded_catalog()
    assert default_comparison.catalog.name == default_comparison.to_dict()["catalog"]["name"]


def test_concurrent_comparisons_agree():
    # The C++ work runs without the GIL; results must not depend on threads.
    doc = make_scenario([gpu_workload(replicas=5)], team={"engineers": 3, "loaded_cost_per_engineer_year": 150000})
    expected = libtco.compare(doc).to_json()
    results: list[str] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(10):
                results.append(libtco.compare(doc).to_json())
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert results == [expected] * 40


def test_html_rows_match_the_core_text_table(default_comparison):
    # The HTML repr lays out rows in Python; the C++ text table is the reference.
    import re

    lines = default_comparison.to_table().splitlines()
    rule = [i for i, r in enumerate(lines) if r and set(r) == {"-"}]
    text_rows = [r.split()[-2:] for r in lines[rule[0] + 1 : rule[1]]]
    cells = re.findall(r'<td style="text-align:right">([^<]*)</td><td style="text-align:right">([^<]*)</td>', default_comparison._repr_html_())
    html_rows = [[c.replace("&ndash;", "-") for c in row] for row in cells]
    assert html_rows == text_rows
    items = re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td>", default_comparison._repr_html_())
    assert len(items) == len(text_rows)
    for item, row in zip(items, lines[rule[0] + 1 : rule[1]]):
        assert item in row


def test_the_umbrella_header_includes_every_header():
    # A C++ user includes <libtco/libtco.hpp> and gets the whole library.
    headers = pathlib.Path(__file__).resolve().parents[2] / "libtco"
    included = set(re.findall(r"#include <libtco/([a-z_0-9]+\.hpp)>", (headers / "libtco.hpp").read_text(encoding="utf-8")))
    public = {p.name for p in headers.glob("*.hpp")} - {"libtco.hpp"}
    assert public - included == set()
