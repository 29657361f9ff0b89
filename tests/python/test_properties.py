"""Property tests (hypothesis): invariants that hold for any valid scenario, and exact money."""

from __future__ import annotations

import decimal
from decimal import Decimal

from conftest import gpu_workload, make_scenario
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import libtco

D = Decimal
CENT = D("0.01")
# The same examples every run: the suite passes or fails the same way on every machine.
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
EXACT = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN)


def cents(x: Decimal) -> Decimal:
    return x.quantize(CENT, rounding=decimal.ROUND_HALF_EVEN, context=EXACT)


prices = st.decimals(min_value=D("0.0001"), max_value=D("100"), places=4)


@SETTINGS
@given(price=prices, replicas=st.integers(min_value=1, max_value=12))
def test_gpu_fleet_cost_is_replicas_times_price_times_hours(price, replicas):
    # One GPU replica per g5.xlarge: compute = replicas x price x 730 exactly, shown in cents half-even.
    doc = make_scenario(
        [gpu_workload(replicas=replicas)],
        instance_types={"g5.xlarge": {"on_demand_usd_per_hour": price}},
        eks={"node_types": ["g5.xlarge"]},
        ecs={"node_types": ["g5.xlarge"]},
    )
    result = libtco.compare(doc)
    exact = EXACT.multiply(EXACT.multiply(D(replicas), price), D(730))
    for report in (result.eks, result.ecs):
        (group,) = report.instances
        assert group.count == replicas
        assert group.usd_exact == exact
    assert result.ecs.total == cents(exact)
    assert result.eks.total == D("73.00") + cents(exact)
    assert result.difference == D("73.00")
    assert result.cheaper == "ecs"


workload = st.fixed_dictionaries(
    {
        "replicas": st.integers(min_value=1, max_value=8),
        "vcpu": st.sampled_from([D("0.25"), D("0.5"), D(1), D(2), D(3)]),
        "memory_gib": st.sampled_from([D("0.5"), D(1), D(2), D(4), D(8), D(12)]),
    },
    optional={"hours": st.integers(min_value=1, max_value=730)},
)


@SETTINGS
@given(
    workloads=st.lists(workload, min_size=1, max_size=4),
    engineers=st.decimals(min_value=0, max_value=20, places=1),
    salary=st.decimals(min_value=0, max_value=500000, places=2),
    eks_share=st.decimals(min_value=0, max_value=1, places=3),
    ecs_share=st.decimals(min_value=0, max_value=1, places=3),
    node_types=st.sampled_from([[], ["m5.xlarge", "m5.2xlarge"], ["c5.2xlarge", "r5.xlarge", "m5.large"]]),
    clusters=st.integers(min_value=0, max_value=3),
)
def test_report_invariants(workloads, engineers, salary, eks_share, ecs_share, node_types, clusters):
    named = [{"name": f"w{i}", **w} for i, w in enumerate(workloads)]
    doc = make_scenario(
        named,
        team={"engineers": engineers, "loaded_cost_per_engineer_year": salary},
        eks={"operations": {"share": eks_share}, "node_types": node_types, "clusters": clusters},
        ecs={"operations": {"share": ecs_share}, "node_types": node_types},
    )
    result = libtco.compare(doc)
    for report, share in ((result.eks, eks_share), (result.ecs, ecs_share)):
        # The rounded parts add up to the rounded exact total, each within a cent of its exact value.
        assert sum(li.usd for li in report.line_items) == report.total
        assert report.total == cents(sum(li.usd_exact for li in report.line_items))
        for li in report.line_items:
            assert abs(li.usd - li.usd_exact) < CENT
        # Staff time by the seed's share: engineers x salary x share / 12, exact to 12 places (half-even).
        (ops,) = [li for li in report.line_items if li.category == "operations"]
        annual = EXACT.multiply(EXACT.multiply(salary, engineers), share)
        assert ops.usd_exact == EXACT.divide(annual, D(12)).quantize(D("1e-12"), context=EXACT)
        # Each instance group costs count x hours x rate, and every replica is placed once.
        placed: dict[str, int] = {}
        for g in report.instances:
            assert g.usd_exact == g.count * g.hours * g.usd_per_hour
            if node_types:
                assert g.instance_type in node_types
            for name, n in g.replicas.items():
                placed[name] = placed.get(name, 0) + n
        assert placed == {w["name"]: w["replicas"] for w in named}
    assert [li.usd for li in result.eks.line_items if li.category == "control_plane"] == [cents(D(clusters) * D("73"))]
    assert result.difference == result.eks.total - result.ecs.total
    assert result.cheaper == ("eks" if result.difference < 0 else "ecs" if result.difference > 0 else "tie")
    # The frame says the same as the objects.
    frame = result.to_frame()
    assert frame.groupby("platform")["usd"].sum().to_dict() == {"eks": result.eks.total, "ecs": result.ecs.total}


@SETTINGS
@given(amount=st.decimals(min_value=0, max_value=D("1e15"), allow_nan=False, allow_infinity=False, places=12))
def test_decimals_in_a_dict_arrive_exactly(amount):
    s = libtco.load_scenario(make_scenario(team={"engineers": 1, "loaded_cost_per_engineer_year": amount}))
    assert D(s.to_dict()["team"]["loaded_cost_per_engineer_year"]) == amount


@SETTINGS
@given(value=st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False))
def test_floats_in_a_dict_arrive_as_their_repr(value):
    doc = make_scenario(team={"engineers": 1, "loaded_cost_per_engineer_year": value})
    text = repr(value)
    places = -D(text).as_tuple().exponent
    if places > 12:
        # More than 12 decimal places: refused rather than rounded (use Decimal or str to be exact).
        try:
            libtco.load_scenario(doc)
        except libtco.ValidationError as e:
            assert e.code == "libtco.validation.115"
        else:  # pragma: no cover - a failure
            raise AssertionError(f"{text} should be too precise")
    else:
        s = libtco.load_scenario(doc)
        assert D(s.to_dict()["team"]["loaded_cost_per_engineer_year"]) == D(text)


short_workload = st.fixed_dictionaries(
    {"replicas": st.integers(min_value=1, max_value=8), "vcpu": st.just(D(1)), "memory_gib": st.just(D(2))},
    optional={"hours": st.integers(min_value=1, max_value=672)},  # within the shortest month
)


@SETTINGS
@given(workloads=st.lists(short_workload, min_size=0, max_size=3), month=st.sampled_from(["2026-01", "2027-02", "2028-02", "2031-12"]))
def test_the_normal_form_is_a_fixed_point(workloads, month):
    named = [{"name": f"w{i}", **w} for i, w in enumerate(workloads)]
    s = libtco.load_scenario(make_scenario(named, month=month, hours_basis="calendar"))
    again = libtco.load_scenario(s.to_dict())
    assert again == s
    assert again.to_json() == s.to_json()
