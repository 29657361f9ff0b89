"""Building scenarios in Python (Scenario(...), Workload(...), replace) and results that reproduce themselves.

Figures are worked by hand from the catalog facts in conftest.py: g5.xlarge $1.006/h, one GPU each;
the EKS cluster fee $0.10 an hour; 730 hours a month.
"""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal

import pytest
from conftest import NO_TEAM, gpu_workload, make_scenario

import libtco
from libtco import Scenario, Workload

D = Decimal
NAMESPACE = vars(libtco)


def inference(replicas: int = 3) -> Workload:
    return Workload("inference", replicas=replicas, gpus=1, vcpu=2, memory_gib=8)


def built(**fields) -> Scenario:
    base = {"name": "test", "month": "2026-09", "team": NO_TEAM, "workloads": [inference()],
            "eks": {"node_types": ["g5.xlarge"]}, "ecs": {"node_types": ["g5.xlarge"]}}
    return Scenario(**{**base, **fields})


#: The seed's staff rule, given explicitly (the default is the effort model, which the team size does not move):
#: engineers x loaded cost x share / 12, EKS 0.15 and ECS 0.035. replace merges objects, so node_types stay.
SEED_SHARES = {"eks": {"operations": {"share": "0.15"}}, "ecs": {"operations": {"share": "0.035"}}}


def seeded(**fields) -> Scenario:
    return built(**fields).replace(**SEED_SHARES)


# --- Workload -------------------------------------------------------------------------------------


def test_a_workload_holds_its_normal_form_and_shows_its_arguments():
    w = Workload("chat", replicas=2, gpus=D("0.5"), gpu_memory_gib=10, vcpu=2, memory_gib=8)
    assert repr(w) == "Workload(name='chat', replicas=2, gpus='0.5', gpu_memory_gib=10, vcpu=2, memory_gib=8)"
    assert eval(repr(w), NAMESPACE) == w
    assert w.name == "chat" and w["replicas"] == 2 and w["gpus"] == "0.5"
    # Defaults made explicit, as a scenario's normal form shows them.
    assert (w["arch"], w["spot_tolerant"], w["fargate"], w["gpu_models"]) == ("x86_64", False, False, [])
    assert pickle.loads(pickle.dumps(w)) == w
    assert w.replace(replicas=4)["replicas"] == 4 and w["replicas"] == 2


def test_a_bad_workload_fails_at_once_with_the_path_of_its_key():
    with pytest.raises(libtco.ValidationError) as e:
        Workload("x", replicas=0, vcpu=1, memory_gib=1)
    assert (e.value.code, e.value.path) == ("libtco.validation.113", "/replicas")
    with pytest.raises(libtco.ValidationError) as e:
        Workload("x", replicas=1, vcpu=1, memory_gib=1, colour="red")
    assert e.value.path == "/colour"


# --- Scenario(...) --------------------------------------------------------------------------------


def test_keywords_build_the_same_scenario_as_the_dict():
    as_dict = make_scenario([gpu_workload(replicas=3)], eks={"node_types": ["g5.xlarge"]}, ecs={"node_types": ["g5.xlarge"]})
    as_dict["workloads"][0]["name"] = "inference"
    assert built() == Scenario(as_dict)


def test_a_built_scenario_costs_what_the_hand_says():
    result = libtco.compare(built())
    # 3 replicas, one g5.xlarge each: 3 x 1.006 x 730 = 2,203.14; EKS adds its cluster fee, 730 x 0.10 = 73.00.
    assert result.ecs.total == D("2203.14")
    assert result.eks.total == D("2276.14")


def test_keywords_over_a_source_change_it_like_replace():
    s = built()
    assert Scenario(s, team={"engineers": 2}) == s.replace(team={"engineers": 2})
    assert Scenario(s.to_dict(), name="other").name == "other"


def test_no_source_and_no_keywords_is_a_type_error():
    with pytest.raises(TypeError, match="keyword"):
        Scenario()


def test_a_missing_key_is_reported_with_its_path():
    with pytest.raises(libtco.ValidationError) as e:
        Scenario(month="2026-09", workloads=[])
    assert e.value.path == "/team"


# --- replace --------------------------------------------------------------------------------------


def test_replace_merges_objects_and_leaves_the_original_alone():
    # The seed's share rule (given explicitly), under which the team size moves staff time.
    s = seeded(team={"engineers": 6, "loaded_cost_per_engineer_year": 120000})
    assert s.to_dict()["eks"]["node_types"] == ["g5.xlarge"] and s.to_dict()["eks"]["operations"] == {"share": "0.15"}
    more = s.replace(team={"engineers": 8})
    assert more.to_dict()["team"] == {"engineers": "8", "loaded_cost_per_engineer_year": "120000", "working_hours_per_year": "1840",
                                      "service_hours_per_month": "4"}
    assert s.to_dict()["team"]["engineers"] == "6"
    # Staff time moves by 2 engineers x 120,000 / 12 x ops share: EKS 0.15 -> 3,000.00, ECS 0.035 -> 700.00.
    before, after = libtco.compare(s), libtco.compare(more)
    assert after.eks.total - before.eks.total == D("3000.00")
    assert after.ecs.total - before.ecs.total == D("700.00")
    # Under the default effort model the hours are the platform's, not the team's: two more engineers change nothing.
    effort = built(team={"engineers": 6, "loaded_cost_per_engineer_year": 120000})
    assert libtco.compare(effort.replace(team={"engineers": 8})).eks.total == libtco.compare(effort).eks.total


def test_replace_by_pointer_names_workloads():
    s = built()
    by_pointer = s.replace({"/workloads/inference/replicas": 5})
    by_index = s.replace({"/workloads/0/replicas": 5})
    by_field = s.replace(workloads={"inference": {"replicas": 5}})
    assert by_pointer == by_index == by_field
    assert by_pointer.workload("inference")["replicas"] == 5
    # 5 x 1.006 x 730 = 3,671.90
    assert libtco.compare(by_pointer).ecs.total == D("3671.90")


def test_replace_creates_missing_objects_and_none_restores_defaults():
    s = built()
    spot = s.replace({"/ecs/spot/share": "0.5"})
    assert spot.to_dict()["ecs"]["spot"]["share"] == "0.5"
    assert spot.replace(ecs={"spot": None}) == s
    assert s.replace(eks={"gpu_sharing": "time-slicing"}).to_dict()["eks"]["gpu_sharing"] == "time-slicing"


def test_replace_validates_like_a_file():
    s = built()
    with pytest.raises(libtco.ValidationError) as e:
        s.replace({"/team/engineers": -1})
    assert (e.value.code, e.value.path) == ("libtco.validation.113", "/team/engineers")
    with pytest.raises(libtco.NotFoundError) as e:
        s.replace({"/workloads/nope/replicas": 2})
    assert (e.value.code, e.value.path) == ("libtco.lookup.205", "/workloads/nope")
    with pytest.raises(libtco.NotFoundError):
        s.replace(workloads={"nope": {"replicas": 2}})
    with pytest.raises(libtco.ValidationError) as e:
        s.replace({"team/engineers": 2})
    assert e.value.code == "libtco.validation.114"


def test_workloads_of_a_scenario_come_back_as_workloads():
    s = libtco.default_scenario()
    chat = s.workload("chat-llm")
    assert isinstance(chat, Workload) and chat["gpu_models"] == ["A10G", "L4"]
    with pytest.raises(KeyError):
        s.workload("nope")
    frame = s.to_frame()
    assert list(frame.index) == [w["name"] for w in s.workloads]
    assert frame.loc["fine-tuning", "gpus"] == D(8)


# --- results reproduce themselves, pickle and travel between processes ----------------------------


def results():
    # The seed's share rule (SEED_SHARES), so that the team size and /eks/operations/share move staff time.
    s = seeded(team={"engineers": 2, "loaded_cost_per_engineer_year": 120000})
    return {
        "compare": libtco.compare(s),
        "sweep": libtco.sweep(s, {"/team/engineers": [1, 2, 3], "/eks/operations/share": ["0.1", "0.2"]}),
        "break_even": libtco.break_even(s, "/team/engineers", 0, 10),
        "sensitivity": libtco.sensitivity(s, {"/eks/operations/share": ("0.1", "0.2")}),
        "monte_carlo": libtco.monte_carlo(s, {"/team/engineers": {"distribution": "uniform", "low": 1, "high": 3}}, samples=64, seed=7),
        "recommend": libtco.recommend(s),
        "project": libtco.project(s, "2027-01", 6),
    }


@pytest.fixture(scope="module")
def all_results():
    return results()


@pytest.mark.parametrize("kind", ["compare", "sweep", "break_even", "sensitivity", "monte_carlo", "recommend", "project"])
def test_repr_evaluates_back_and_pickles(all_results, kind):
    result = all_results[kind]
    assert repr(result).startswith(kind + "(Scenario({")
    assert eval(repr(result), NAMESPACE) == result
    assert pickle.loads(pickle.dumps(result)) == result
    assert str(result) and not str(result).startswith(kind + "(")


# By hand for seeded(team=2 engineers at $120,000 a year): three g5.xlarge a platform, 3 x 730 h x $1.006 =
# $2,203.14; staff time 2 x $120,000 / 12 = $20,000 a month, EKS's share 0.15 ($3,000.00), ECS's 0.035
# ($700.00); EKS's cluster fee 730 h x $0.10 = $73.00. EKS $5,276.14, ECS $2,903.14, EKS - ECS $2,373.00.
# EKS - ECS = $73 + engineers x $10,000 x (EKS share - 0.035).
EKS_TOTAL, ECS_TOTAL = D("5276.14"), D("2903.14")


def test_a_comparison_frame_dict_and_html_hold_its_bill(all_results):
    c = all_results["compare"]
    frame = c.to_frame()
    assert list(frame.columns) == ["platform", "category", "item", "detail", "usd", "usd_exact", "confidence"]
    assert frame.groupby("platform").usd.sum().to_dict() == {"eks": EKS_TOTAL, "ecs": ECS_TOTAL}
    assert (c.to_dict()["eks"]["total_usd"], c.to_dict()["difference_usd"]) == (EKS_TOTAL, D("2373.00"))
    page = c._repr_html_()
    assert page.startswith('<table class="libtco-comparison">')
    assert "<th style=\"text-align:right\">5,276.14</th>" in page and "<th style=\"text-align:right\">2,903.14</th>" in page
    assert "ECS is cheaper by $2,373.00 a month (EKS minus ECS: 2,373.00)." in page


def test_a_sweep_frame_dict_and_html_hold_every_point(all_results):
    s = all_results["sweep"]
    frame = s.to_frame()
    assert list(frame.columns) == ["/team/engineers", "/eks/operations/share", "eks_usd", "ecs_usd", "difference_usd"]
    # The last parameter fastest: (1, 0.1), (1, 0.2), (2, 0.1), ... ; 73 + e x 10,000 x (share - 0.035).
    assert list(frame["difference_usd"]) == pytest.approx([723.00, 1723.00, 1373.00, 3373.00, 2023.00, 5023.00])
    assert s.to_dict()["axes"] == [{"parameter": "/team/engineers", "values": ["1", "2", "3"]},
                                   {"parameter": "/eks/operations/share", "values": ["0.1", "0.2"]}]
    assert s._repr_html_().startswith("<p>Sweep of 6 points (/team/engineers: 3 values, /eks/operations/share: 2 values); closed form</p>")


def test_a_break_even_frame_dict_and_html_say_there_is_no_crossing(all_results):
    b = all_results["break_even"]
    # 73 + 1,150 x engineers is positive for every team size: ECS is cheaper throughout.
    assert list(b.to_frame().columns) == ["parameter", "value", "low", "high", "kind", "cheaper_above"] and b.to_frame().empty
    d = b.to_dict()
    assert (d["crossings"], D(d["difference_at_low_usd"]), D(d["difference_at_high_usd"])) == ([], D("73.00"), D("11573.00"))
    assert b._repr_html_() == ("<p>no crossing of /team/engineers in [0, 10]: ECS is cheaper throughout "
                               "(EKS - ECS = 73.00 at 0, 11,573.00 at 10)</p>")


def test_a_tornado_frame_dict_and_html_hold_its_bar(all_results):
    t = all_results["sensitivity"]
    # EKS's share 0.1: 73 + 20,000 x 0.065 = 1,373; 0.2: 73 + 20,000 x 0.165 = 3,373; the swing $2,000.
    assert t.to_frame().to_dict("records") == [{"parameter": "/eks/operations/share", "base_value": 0.15, "low": 0.1, "high": 0.2,
                                                "difference_at_low_usd": 1373.0, "difference_at_high_usd": 3373.0, "swing_usd": 2000.0}]
    assert D(t.to_dict()["base_difference_usd"]) == D("2373.00")
    page = t._repr_html_()
    assert page.startswith("<p>EKS - ECS at the scenario's values: $2,373.00</p>")
    assert "<td>1,373.00</td><td>3,373.00</td><td>2,000.00</td>" in page


def test_a_monte_carlo_frame_dict_and_html_hold_every_sample(all_results):
    m = all_results["monte_carlo"]
    frame = m.to_frame()
    assert list(frame.columns) == ["/team/engineers", "eks_usd", "ecs_usd", "difference_usd"] and len(frame) == 64
    # 1 to 3 engineers: 73 + 1,150 x engineers, give or take a cent of each platform's rounding.
    assert list(frame["difference_usd"]) == pytest.approx([73 + 1150 * e for e in frame["/team/engineers"]], abs=0.011)
    assert (m.to_dict()["samples"], D(m.to_dict()["probability_eks_cheaper"])) == (64, 0)
    assert m._repr_html_().startswith("<p>Monte Carlo: 64 samples, seed 7: P(EKS cheaper) = 0.000; EKS - ECS median $")


def test_a_recommendation_frame_dict_and_html_cite_the_cost_gap(all_results):
    r = all_results["recommend"]
    frame = r.to_frame()
    assert list(frame.columns) == ["favours", "points", "text"] and len(frame) == len(r.reasons)
    # Infrastructure: only EKS's $73.00 cluster fee differs; staff 2 x 120,000 x (0.15 - 0.035) / 12 = $2,300.00; in all $2,373.00.
    assert frame["text"][0].startswith("On infrastructure (without staff time) ECS costs $73.00 a month less")
    assert frame["text"][1].startswith("Staff time: EKS takes $2,300.00 a month more")
    assert frame["text"][2] == "With staff time, ECS is cheaper by $2,373.00 a month in total"
    assert r.to_dict()["platform"] == r.platform
    assert r._repr_html_().startswith(f"<p><b>{r.headline}</b></p><ul>")


def test_a_projection_frame_dict_and_html_add_up_the_months(all_results):
    p = all_results["project"]
    frame = p.to_frame()
    assert list(frame.columns) == ["month", "platform", "category", "item", "detail", "usd", "usd_exact", "confidence"]
    # Six unchanged months.
    assert frame.groupby("platform").usd.sum().to_dict() == {"eks": 6 * EKS_TOTAL, "ecs": 6 * ECS_TOTAL}
    assert sorted(set(frame["month"])) == ["2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06"]
    assert p.to_dict()["months"] == 6
    page = p._repr_html_()
    assert page.startswith('<table class="libtco-projection">')
    assert "ECS is cheaper by $14,238.00 over 6 months." in page


def test_a_pickle_of_another_version_is_refused(all_results):
    state = all_results["sweep"].__getstate__()
    state["version"] = 99
    copy = object.__new__(libtco.Sweep)
    with pytest.raises(ValueError, match="pickle version 99"):
        copy.__setstate__(state)


def _total_in_child(scenario: Scenario) -> tuple[Scenario, Decimal]:
    return scenario, libtco.compare(scenario).eks.total


def test_scenarios_and_results_cross_process_boundaries(all_results):
    s = built()
    with ProcessPoolExecutor(max_workers=1) as pool:
        scenario, total = pool.submit(_total_in_child, s).result()
        assert scenario == s and total == D("2276.14")
        assert pool.submit(pickle.loads, pickle.dumps(all_results["monte_carlo"])).result() == all_results["monte_carlo"]


# --- review findings ------------------------------------------------------------------------------


def test_a_workload_cannot_be_changed_through_replace_or_indexing():
    weekend = [1] * 24
    w = Workload("w", demand={"weekday": [2] * 24, "weekend": weekend}, vcpu=1, memory_gib=2)
    before = repr(w)
    other = w.replace(demand={"weekend": [3] * 24})
    assert other["demand"]["weekend"] == [3] * 24 and other["demand"]["weekday"] == [2] * 24
    w["demand"]["weekend"][0] = 99
    weekend[0] = 99
    assert repr(w) == before and w["demand"]["weekend"] == [1] * 24
    assert eval(repr(w), NAMESPACE) == w and pickle.loads(pickle.dumps(w)) == w


def test_whole_decimals_stay_whole_numbers():
    w = Workload("w", replicas=D(2), gpus=D("0.5"), vcpu=D(1), memory_gib=2)
    assert w["replicas"] == 2 and w["gpus"] == "0.5"


def test_switching_a_mode_resets_the_settings_that_follow_it():
    s = built(eks={"node_types": ["g5.xlarge"], "gpu_sharing": "time-slicing", "replicas_per_gpu": 8})
    assert s.to_dict()["eks"]["replicas_per_gpu"] == 8
    # Back to the default: the time-slicing settings go too.
    assert s.replace(eks={"gpu_sharing": None}) == built()
    # To MPS: its own default of 4 clients per GPU on EKS (README), unless given in the same edit.
    mps = s.replace(eks={"gpu_sharing": "mps"}).to_dict()["eks"]
    assert (mps["gpu_sharing"], mps["replicas_per_gpu"]) == ("mps", 4) and "time_slicing_efficiency" not in mps
    assert s.replace(eks={"gpu_sharing": "mps", "replicas_per_gpu": 2}).to_dict()["eks"]["replicas_per_gpu"] == 2
    assert s.replace({"/eks/gpu_sharing": "mps"}).to_dict()["eks"]["replicas_per_gpu"] == 4
    # Setting a value to what it is already keeps what follows it.
    assert s.replace(eks={"gpu_sharing": "time-slicing"}) == s


def test_replicas_replace_a_demand_profile():
    s = libtco.default_scenario()
    flat = s.replace({"/workloads/chat-llm/replicas": 4})
    chat = flat.workload("chat-llm")
    assert chat["replicas"] == 4 and "demand" not in chat


def test_workloads_of_calendar_months_read_back():
    s = built(hours_basis="calendar", month="2026-03", workloads=[Workload("w", replicas=1, vcpu=1, memory_gib=2, hours=744)])
    assert s.workload("w")["hours"] == "744"


def test_workloads_named_like_numbers_keep_their_names_in_frames():
    s = built(workloads=[Workload("2024", replicas=1, vcpu=1, memory_gib=2)])
    assert s.to_frame().loc["2024", "vcpu"] == D(1)


def test_results_hash_consistently_with_equality(all_results):
    for kind in ("sweep", "monte_carlo", "compare", "project"):
        result = all_results[kind]
        assert hash(result) == hash(eval(repr(result), NAMESPACE))


def test_a_catalog_given_or_chosen_gives_equal_comparisons():
    s = built()
    assert libtco.compare(s) == libtco.compare(s, libtco.embedded_catalog())


def test_exact_decimals_are_written_positionally():
    # str(Decimal("3E-12")) is "3E-12"; plain data and CSV keep every digit in place instead.
    g = libtco.sweep(seeded(), {"/eks/operations/share": ["0.000000000003", "0.5"]})  # a share to vary: the seed's rule
    assert g.to_dict()["axes"][0]["values"] == ["0.000000000003", "0.5"]
    assert g.to_csv().splitlines()[1].startswith("0.000000000003,")
