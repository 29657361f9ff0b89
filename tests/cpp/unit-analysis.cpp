// Sweeps, break-even and sensitivity on scenarios whose figures are worked out by hand.
//
// The hand-checkable scenario ("shared"): 8 replicas of 0.4 GPU (8 GiB) on g5.xlarge ($1.006/h,
// one A10G of 22.35 GiB), 730 h. ECS gives each replica its own GPU: 8 x 730 x 1.006 = 5,875.04.
// EKS time-slices two per GPU: 4 x 730 x 1.006 = 2,937.52, plus one cluster at $0.10 x 730 = 73.00.
// Staff by the seed's rule (operations.share): E engineers at $120,000 a year; EKS takes 15%, ECS
// 3.5% of their time, so EKS costs
// E x 120,000 x (0.15 - 0.035) / 12 = 1,150 x E a month more in staff time.
// d(E) = EKS - ECS = 73 + 2,937.52 - 5,875.04 + 1,150 E = 1,150 E - 2,864.52, zero at
// E* = 2,864.52 / 1,150 = 2.490886956521739...
#include "scenario_fixture.hpp"

#include <libtco/analysis/breakeven.hpp>
#include <libtco/analysis/sensitivity.hpp>
#include <libtco/analysis/sweep.hpp>

using namespace libtco;

namespace {

std::string shared_json(const std::string& engineers = "1", std::int64_t replicas = 8) {
    return R"({"schema_version": 1, "name": "shared", "month": "2026-09",
      "team": {"engineers": )" + engineers + R"(, "loaded_cost_per_engineer_year": 120000},
      "workloads": [{"name": "w", "replicas": )" + std::to_string(replicas) + R"(, "gpus": 0.4, "gpu_memory_gib": 8, "vcpu": 1, "memory_gib": 4}],
      "eks": {"node_types": ["g5.xlarge"], "gpu_sharing": "time-slicing", "operations": {"share": "0.15"}},
      "ecs": {"node_types": ["g5.xlarge"], "operations": {"share": "0.035"}}})";
}

Scenario shared(const std::string& engineers = "1", std::int64_t replicas = 8) { return Scenario::from_json_text(shared_json(engineers, replicas)); }

Decimal d(const char* text) { return Decimal::parse(text); }

}  // namespace

TEST_CASE("a sweep of team size adds 1,150 a month to the difference per engineer, in closed form") {
    const Catalog catalog = embedded_catalog();
    const SweepResult r = sweep(shared(), catalog, {{"/team/engineers", {d("0"), d("1"), d("2.5"), d("10")}}});
    CHECK(r.closed_form);
    REQUIRE(r.size() == 4);
    // EKS: 73 + 2,937.52 + E x 120,000 x 0.15 / 12 = 3,010.52 + 1,500 E; ECS: 5,875.04 + 350 E.
    CHECK(r.eks_cents == std::vector<std::int64_t>{301052, 451052, 676052, 1801052});
    CHECK(r.ecs_cents == std::vector<std::int64_t>{587504, 622504, 675004, 937504});
    CHECK(r.difference_cents(0) == -286452);
    CHECK(r.difference_cents(3) == 863548);
}

TEST_CASE("the closed form gives exactly the engine's totals, point by point") {
    const Catalog catalog = embedded_catalog();
    const Scenario base = fixture::with_seed_shares(default_scenario());
    const std::vector<SweepAxis> axes{{"/team/engineers", {d("1"), d("6"), d("7.3")}},
                                      {"/eks/operations/share", {d("0.1"), d("0.1234567")}},
                                      {"/ecs/operations/share", {d("0.02"), d("0.05")}},
                                      {"/eks/clusters", {d("0"), d("3")}},
                                      {"/team/loaded_cost_per_engineer_year", {d("150000.55")}}};
    const SweepResult r = sweep(base, catalog, axes);
    CHECK(r.closed_form);
    REQUIRE(r.size() == 3 * 2 * 2 * 2);
    for (std::int64_t i = 0; i < r.size(); ++i) {
        Scenario s = base;
        s.team.engineers = r.value(i, 0);
        s.eks.operations.share = Fraction(r.value(i, 1));
        s.ecs.operations.share = Fraction(r.value(i, 2));
        s.eks.clusters = r.value(i, 3).to_int64();
        s.team.loaded_cost_per_engineer_year = Money(r.value(i, 4));
        const Comparison c = compare(s, catalog);
        CHECK(r.eks_cents[static_cast<std::size_t>(i)] == cents_of(c.eks.total()));
        CHECK(r.ecs_cents[static_cast<std::size_t>(i)] == cents_of(c.ecs.total()));
    }
}

TEST_CASE("a replicas sweep re-places: ECS pays a GPU per replica, EKS one per two") {
    const Catalog catalog = embedded_catalog();
    const SweepResult r = sweep(shared(), catalog, {{"/workloads/w/replicas", {d("1"), d("2"), d("3"), d("8")}}}, RunOptions{2, {}});
    CHECK_FALSE(r.closed_form);
    CHECK(r.axes[0].parameter == "/workloads/0/replicas");
    // g5.xlarge month = 730 x 1.006 = 734.38. ECS: n x 734.38 + 350; EKS: ceil(n/2) x 734.38 + 73 + 1,500.
    CHECK(r.ecs_cents == std::vector<std::int64_t>{108438, 181876, 255314, 622504});
    CHECK(r.eks_cents == std::vector<std::int64_t>{230738, 230738, 304176, 451052});
}

TEST_CASE("sweep values are validated like the scenario, with the parameter's path") {
    const Catalog catalog = embedded_catalog();
    const libtco::error c = fixture::capture([&] { (void)sweep(shared(), catalog, {{"/eks/operations/share", {d("0.1"), d("1.5")}}}); });
    CHECK(c.code_name() == "libtco.validation.113");
    CHECK(c.path() == "/eks/operations/share");
    CHECK(c.detail().find("at /eks/operations/share = 1.5") != std::string::npos);
    const libtco::error whole = fixture::capture([&] { (void)sweep(shared(), catalog, {{"/workloads/w/replicas", {d("2.5")}}}); });
    CHECK(whole.code_name() == "libtco.validation.116");
    CHECK(whole.path() == "/workloads/0/replicas");
    const libtco::error unknown = fixture::capture([&] { (void)sweep(shared(), catalog, {{"/workloads/nope/replicas", {d("2")}}}); });
    CHECK(unknown.code_name() == "libtco.lookup.205");
    const libtco::error text = fixture::capture([&] { (void)sweep(shared(), catalog, {{"/eks/gpu_sharing", {d("2")}}}); });
    CHECK(text.code_name() == "libtco.lookup.205");
    const libtco::error none = fixture::capture([&] { (void)sweep(shared(), catalog, {{"/team/engineers", {}}}); });
    CHECK(none.code_name() == "libtco.validation.113");
}

TEST_CASE("any numeric scenario value can be swept through the scenario's own reader") {
    const Catalog catalog = embedded_catalog();
    // Time-slicing efficiency 0.75: 2 x 0.4 / 0.75 > 1, one replica per GPU: EKS needs 8 nodes.
    const SweepResult r = sweep(shared(), catalog, {{"/eks/time_slicing_efficiency", {d("0.9"), d("0.75")}}});
    CHECK(r.eks_cents == std::vector<std::int64_t>{451052, 451052 + 4 * 73438});
}

TEST_CASE("break-even team size matches the closed form 2,864.52 / 1,150") {
    const Catalog catalog = embedded_catalog();
    const BreakEven b = break_even(shared(), catalog, "/team/engineers", d("0"), d("20"));
    REQUIRE(b.crossings.size() == 1);
    const Crossing& x = b.crossings[0];
    CHECK(x.kind == CrossingKind::root);
    CHECK(x.cheaper_above == "ecs");
    const Decimal exact = d("2864.52") / d("1150");  // 2.490886956521739...
    const Decimal error = x.value - exact;
    CHECK(error.to_double() < 1e-9);
    CHECK(error.to_double() > -1e-9);
    CHECK(b.difference_at_low.to_string() == "-2864.52");
    CHECK(b.difference_at_high.to_string() == "20135.48");  // 1,150 x 20 - 2,864.52
}

TEST_CASE("break-even over replicas is a step between 3 and 4") {
    // One engineer: d(n) = 73 + 1,150 + 734.38 ceil(n/2) - 734.38 n: d(3) = 488.62, d(4) = -245.76.
    const Catalog catalog = embedded_catalog();
    const BreakEven b = break_even(shared("1", 1), catalog, "/workloads/w/replicas", d("1"), d("12"));
    REQUIRE(b.crossings.size() >= 1);
    const Crossing& x = b.crossings[0];
    CHECK(x.kind == CrossingKind::step);
    CHECK(x.low == d("3"));
    CHECK(x.high == d("4"));
    CHECK(x.cheaper_above == "eks");
}

TEST_CASE("no crossing in range is an answer") {
    const Catalog catalog = embedded_catalog();
    const BreakEven b = break_even(shared(), catalog, "/team/engineers", d("3"), d("5"));
    CHECK_FALSE(b.found());
    CHECK(b.difference_at_low.to_string() == "585.48");  // 3,450 - 2,864.52
    const libtco::error c = fixture::capture([&] { (void)break_even(shared(), catalog, "/team/engineers", d("5"), d("3")); });
    CHECK(c.code_name() == "libtco.validation.118");
}

TEST_CASE("the effort model's figures evaluate in closed form to the engine's totals, point by point") {
    const Catalog catalog = embedded_catalog();
    const Scenario base = default_scenario();
    const std::vector<SweepAxis> axes{{"/eks/operations/on_call_hours_per_month", {d("0"), d("7.25")}},
                                      {"/ecs/operations/add_ons", {d("0"), d("3")}},
                                      {"/eks/operations/upgrades_per_year", {d("2")}},
                                      {"/team/working_hours_per_year", {d("1700"), d("1999.5")}},
                                      {"/team/service_hours_per_month", {d("1"), d("8")}},
                                      {"/eks/clusters", {d("0"), d("2")}},
                                      {"/ecs/clusters", {d("3")}}};
    const SweepResult r = sweep(base, catalog, axes);
    CHECK(r.closed_form);
    REQUIRE(r.size() == 2 * 2 * 2 * 2 * 2);
    for (std::int64_t i = 0; i < r.size(); ++i) {
        Scenario s = base;
        s.eks.operations.figure(EffortFigure::on_call_hours) = r.value(i, 0);
        s.ecs.operations.figure(EffortFigure::add_ons) = r.value(i, 1);
        s.eks.operations.figure(EffortFigure::upgrades_per_year) = r.value(i, 2);
        s.team.working_hours_per_year = r.value(i, 3);
        s.team.service_hours_per_month = r.value(i, 4);
        s.eks.clusters = r.value(i, 5).to_int64();
        s.ecs.clusters = r.value(i, 6).to_int64();
        const Comparison c = compare(s, catalog);
        CHECK(r.eks_cents[static_cast<std::size_t>(i)] == cents_of(c.eks.total()));
        CHECK(r.ecs_cents[static_cast<std::size_t>(i)] == cents_of(c.ecs.total()));
    }
    // A figure out of its bounds is the reader's error, at the parameter.
    const libtco::error absurd = fixture::capture([&] { (void)sweep(base, catalog, {{"/eks/operations/on_call_hours_per_month", {d("731")}}}); });
    CHECK(absurd.code_name() == "libtco.validation.113");
    CHECK(absurd.path() == "/eks/operations/on_call_hours_per_month");
}

TEST_CASE("a tornado moves each parameter alone and sorts by swing") {
    const Catalog catalog = embedded_catalog();
    const Tornado t = sensitivity(shared("2"), catalog,
                                  {{"/ecs/operations/share", d("0.02"), d("0.05")}, {"/eks/operations/share", d("0.10"), d("0.20")}, {"/team/engineers", d("1"), d("3")}});
    // Base: d(2) = 2,300 - 2,864.52 = -564.52.
    CHECK(t.base_difference.to_string() == "-564.52");
    REQUIRE(t.bars.size() == 3);
    // Engineers 1..3 swings 2 x 1,150 = 2,300; EKS share 0.10..0.20 swings 2 x 120,000 x 0.1 / 12 = 2,000;
    // ECS share 0.02..0.05 swings 2 x 120,000 x 0.03 / 12 = 600.
    CHECK(t.bars[0].parameter == "/team/engineers");
    CHECK(t.bars[0].swing().to_string() == "2300");
    CHECK(t.bars[1].parameter == "/eks/operations/share");
    CHECK(t.bars[1].swing().to_string() == "2000");
    CHECK(t.bars[1].difference_at_low.to_string() == "-1564.52");
    CHECK(t.bars[2].parameter == "/ecs/operations/share");
    CHECK(t.bars[2].swing().to_string() == "600");
}

TEST_CASE("the default tornado covers the ranged assumptions the scenario uses") {
    const std::vector<SensitivityRange> ranges = default_sensitivity_ranges(default_scenario());
    std::vector<std::string> names;
    for (const SensitivityRange& r : ranges) names.push_back(r.parameter);
    CHECK(std::find(names.begin(), names.end(), "/eks/operations/on_call_hours_per_month") != names.end());  // the effort model's ranges
    CHECK(std::find(names.begin(), names.end(), "/eks/operations/share") == names.end());  // the seed's share is not the default
    CHECK(std::find(names.begin(), names.end(), "/ecs/operations/upgrade_hours_per_upgrade") == names.end());  // 0, no range
    CHECK(std::find(names.begin(), names.end(), "/ecs/spot/fallback_share") != names.end());
    CHECK(std::find(names.begin(), names.end(), "/assumptions/gpu_share_of_node_cost") == names.end());  // showback only
    const Tornado t = sensitivity(default_scenario(), embedded_catalog(), {});
    CHECK(t.bars.size() == ranges.size());
}

TEST_CASE("progress is reported and a false return cancels") {
    const Catalog catalog = embedded_catalog();
    std::int64_t last = -1;
    RunOptions watch{2, [&](std::int64_t done, std::int64_t total) {
                         CHECK(total == 2000);
                         last = done;
                         return true;
                     }};
    (void)sweep(shared(), catalog, {{"/team/engineers", linspace(d("0"), d("10"), 2000)}}, watch);
    CHECK(last == 2000);
    RunOptions stop{2, [](std::int64_t, std::int64_t) { return false; }};
    const libtco::error c = fixture::capture([&] { (void)sweep(shared(), catalog, {{"/workloads/w/replicas", linspace(d("1"), d("400"), 400)}}, stop); });
    CHECK(c.code_name() == "libtco.run.600");
}

TEST_CASE("the native sweep kernel agrees with the Decimal evaluation, beyond 64-bit intermediates too") {
    // Teams up to 40,000 engineers at up to $987,654.321 make the annual cost exceed 2^63 units, so the
    // kernel's 128-bit paths run; odd shares exercise half-even rounding at 12 places and at cents.
    const Catalog catalog = embedded_catalog();
    const Scenario base = fixture::with_seed_shares(default_scenario());
    const std::vector<SweepAxis> axes{{"/team/engineers", {d("0"), d("1.5"), d("7.333333333333"), d("12345.678901234567"), d("40000")}},
                                      {"/team/loaded_cost_per_engineer_year", {d("0.01"), d("200000"), d("987654.321")}},
                                      {"/eks/operations/share", {d("0"), d("0.123456789012"), d("1")}},
                                      {"/ecs/operations/share", {d("0.035"), d("0.999999999999")}},
                                      {"/eks/clusters", {d("0"), d("1"), d("1000")}}};
    const SweepResult r = sweep(base, catalog, axes, RunOptions{3, {}});
    const Evaluator evaluate(base, catalog, {"/team/engineers", "/team/loaded_cost_per_engineer_year", "/eks/operations/share", "/ecs/operations/share", "/eks/clusters"});
    REQUIRE(r.size() == 5 * 3 * 3 * 2 * 3);
    for (std::int64_t i = 0; i < r.size(); ++i) {
        const std::vector<Decimal> values{r.value(i, 0), r.value(i, 1), r.value(i, 2), r.value(i, 3), r.value(i, 4)};
        const Totals t = evaluate(values);
        CHECK(r.eks_cents[static_cast<std::size_t>(i)] == cents_of(t.eks));
        CHECK(r.ecs_cents[static_cast<std::size_t>(i)] == cents_of(t.ecs));
    }
    // And a few points against a full comparison.
    for (std::int64_t i : {std::int64_t{0}, std::int64_t{77}, r.size() - 1}) {
        Scenario s = base;
        s.team.engineers = r.value(i, 0);
        s.team.loaded_cost_per_engineer_year = Money(r.value(i, 1));
        s.eks.operations.share = Fraction(r.value(i, 2));
        s.ecs.operations.share = Fraction(r.value(i, 3));
        s.eks.clusters = r.value(i, 4).to_int64();
        const Comparison c = compare(s, catalog);
        CHECK(r.eks_cents[static_cast<std::size_t>(i)] == cents_of(c.eks.total()));
        CHECK(r.ecs_cents[static_cast<std::size_t>(i)] == cents_of(c.ecs.total()));
    }
}

TEST_CASE("the same parameter twice, under its name and its index, is an error, not last-one-wins") {
    const libtco::error twice = fixture::capture([&] {
        (void)sweep(shared(), embedded_catalog(), {{"/workloads/w/replicas", {d("1")}}, {"/workloads/0/replicas", {d("2")}}});
    });
    CHECK(twice.code_name() == "libtco.validation.117");
    CHECK(twice.path() == "/workloads/0/replicas");
}

TEST_CASE("a value that moves no total is still validated") {
    const libtco::error share =
        fixture::capture([&] { (void)sweep(shared(), embedded_catalog(), {{"/assumptions/gpu_share_of_node_cost", {d("0.5"), d("-1")}}}); });
    CHECK(share.code_name() == "libtco.validation.113");
    CHECK(share.path() == "/assumptions/gpu_share_of_node_cost");
}

TEST_CASE("a thread count beyond the cap is refused at /threads") {
    const libtco::error threads =
        fixture::capture([&] { (void)sweep(shared(), embedded_catalog(), {{"/team/engineers", {d("1")}}}, RunOptions{100000, {}}); });
    CHECK(threads.code_name() == "libtco.validation.113");
    CHECK(threads.path() == "/threads");
}

TEST_CASE("totals beyond 64-bit cents are an overflow error that names the point") {
    const libtco::error huge = fixture::capture([&] { (void)sweep(shared(), embedded_catalog(), {{"/team/engineers", {d("1000000000000000")}}}); });
    CHECK(huge.code_name() == "libtco.arithmetic.400");
    CHECK(huge.detail().find("at /team/engineers = 1000000000000000") != std::string::npos);
}

TEST_CASE("a parameter's reach follows from what the plan and the producers read") {
    const Scenario s = default_scenario();
    const auto reach = [&](const char* pointer) { return resolve_parameter(s, pointer).reach; };
    CHECK(reach("/team/engineers") == ParameterReach::staff);        // operations only, a closed-form key
    CHECK(reach("/eks/operations/on_call_hours_per_month") == ParameterReach::staff);
    CHECK(reach("/team/working_hours_per_year") == ParameterReach::staff);
    CHECK(detail::reach_of("/eks/operations/share") == ParameterReach::staff);
    CHECK(detail::reach_of("/ecs/clusters") == ParameterReach::staff);
    CHECK(reach("/eks/clusters") == ParameterReach::cluster_fee);    // the control plane and per-cluster staff time
    CHECK(detail::reach_of("/workloads/0/replicas") == ParameterReach::engine);  // the plan places replicas
    CHECK(reach("/assumptions/gpu_share_of_node_cost") == ParameterReach::no_total);  // the showback view only
    CHECK(reach("/eks/spot/fallback_share") == ParameterReach::lines);  // how spot nodes are bought, not where replicas go
    CHECK(reach("/assumptions/aws_hours_per_month") == ParameterReach::engine);  // node hours
    // Pointers the default scenario does not hold, by the rule alone.
    CHECK(detail::reach_of("/eks/extra_items/0/usd_per_month") == ParameterReach::lines);
    CHECK(detail::reach_of("/eks/commitments/0/coverage") == ParameterReach::lines);
    CHECK(detail::reach_of("/price_overlay/discount") == ParameterReach::engine);
    CHECK(detail::reach_of("/ecs/target_capacity") == ParameterReach::lines);
    CHECK(detail::reach_of("/ecs/reserved_memory_gib") == ParameterReach::engine);
    CHECK(detail::reach_of("/criteria/anything") == ParameterReach::no_total);
}

namespace {

// Every producer has lines here: spot (with a checkpointed workload), commitments (partial upfront),
// extra items of both kinds, a demand profile with scale-up lag, ECS headroom, EKS Auto Mode and
// ECS Fargate Spot.
const char* every_line_json = R"({"schema_version": 1, "name": "every-line", "month": "2026-09",
  "team": {"engineers": 4, "loaded_cost_per_engineer_year": 150000},
  "workloads": [
    {"name": "serve", "replicas": 3, "gpus": 1, "vcpu": 2, "memory_gib": 8},
    {"name": "train", "replicas": 2, "gpus": 1, "vcpu": 2, "memory_gib": 8, "spot_tolerant": true, "checkpoint_interval_minutes": 30},
    {"name": "day", "demand": {"base": 1, "peaks": [{"days": "weekdays", "from": "09:00", "to": "17:00", "replicas": 4}]}, "vcpu": 2, "memory_gib": 4},
    {"name": "tasks", "replicas": 2, "vcpu": 1, "memory_gib": 2, "fargate": true, "spot_tolerant": true}],
  "eks": {"node_types": ["g5.xlarge", "m5.large"], "auto_mode": true, "spot": {"share": "0.6"}, "scale_up_lag_minutes": 4,
          "commitments": [{"plan": "compute_savings_plan", "term": "1y", "payment": "partial_upfront", "coverage": "0.5"}],
          "extra_items": [{"name": "support", "usd_per_month": 100}, {"name": "agent", "usd_per_instance_hour": "0.01"}]},
  "ecs": {"node_types": ["g5.xlarge", "m5.large"], "spot": {"share": "0.5", "interruptions_per_month": "1.5"}, "target_capacity": "0.8", "fargate_spot_share": "0.5",
          "autoscaler": "capacity-provider"}})";

}  // namespace

TEST_CASE("the kept plan gives exactly compare_totals' totals, point by point") {
    const Catalog catalog = embedded_catalog();
    const Scenario base = Scenario::from_json_text(every_line_json);
    const std::vector<std::pair<std::string, std::vector<Decimal>>> parameters{
        {"/eks/extra_items/0/usd_per_month", {d("0"), d("250.5")}},
        {"/eks/extra_items/1/usd_per_instance_hour", {d("0.03")}},
        {"/eks/commitments/0/coverage", {d("0"), d("0.8"), d("1")}},
        {"/assumptions/partial_upfront_share", {d("0.4"), d("0.6")}},
        {"/eks/spot/fallback_share", {d("0"), d("0.15")}},
        {"/ecs/spot/interruptions_per_month", {d("2")}},
        {"/workloads/train/checkpoint_interval_minutes", {d("15"), d("240")}},
        {"/eks/scale_up_lag_minutes", {d("1"), d("10")}},
        {"/ecs/scale_down_delay_minutes", {d("3")}},
        {"/ecs/target_capacity", {d("0.5"), d("1")}},
        {"/ecs/fargate_spot_share", {d("0"), d("1")}}};
    for (const auto& [pointer, values] : parameters) {
        CAPTURE(pointer);
        const Evaluator evaluate(base, catalog, {pointer});
        CHECK(evaluate.parameters()[0].reach == ParameterReach::lines);
        CHECK(evaluate.keeps_plan());
        CHECK_FALSE(evaluate.closed_form());
        for (const Decimal& v : values) {
            CAPTURE(v.to_string());
            const std::vector<Decimal> point{v};
            const Scenario s = evaluate.scenario_at(point);
            const Totals exact = compare_totals(s, effective_catalog(s, catalog));
            const Totals kept = evaluate(point);
            CHECK(kept.eks == exact.eks);
            CHECK(kept.ecs == exact.ecs);
        }
    }
}

TEST_CASE("a kept-plan sweep on several threads matches the engine point by point") {
    const Catalog catalog = embedded_catalog();
    const Scenario base = Scenario::from_json_text(every_line_json);
    const std::vector<SweepAxis> axes{{"/eks/extra_items/0/usd_per_month", {d("0"), d("10"), d("20"), d("30")}},
                                      {"/eks/spot/fallback_share", {d("0"), d("0.05"), d("0.1")}}};
    const SweepResult r = sweep(base, catalog, axes, RunOptions{2, {}});
    CHECK_FALSE(r.closed_form);
    REQUIRE(r.size() == 12);
    for (std::int64_t i = 0; i < r.size(); ++i) {
        Scenario s = base;
        s.eks.extra_items[0].usd_per_month = Money(r.value(i, 0));
        s.eks.spot.fallback_share = Fraction(r.value(i, 1));
        const Totals exact = compare_totals(s, effective_catalog(s, catalog));
        CHECK(r.eks_cents[static_cast<std::size_t>(i)] == cents_of(exact.eks));
        CHECK(r.ecs_cents[static_cast<std::size_t>(i)] == cents_of(exact.ecs));
    }
}

TEST_CASE("a value no total reads moves no total") {
    // The showback's GPU share is read by no producer and not by the plan: the totals stay.
    const Catalog catalog = embedded_catalog();
    const Scenario base = Scenario::from_json_text(every_line_json);
    const Totals at_base = compare_totals(base, effective_catalog(base, catalog));
    Scenario moved = base;
    moved.gpu_share_of_node_cost = Fraction(d("0.2"));
    const Totals at_moved = compare_totals(moved, effective_catalog(moved, catalog));
    CHECK(at_moved.eks == at_base.eks);
    CHECK(at_moved.ecs == at_base.ecs);
    const Evaluator evaluate(base, catalog, {"/assumptions/gpu_share_of_node_cost"});
    CHECK(evaluate.closed_form());
}
