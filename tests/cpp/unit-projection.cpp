// Projections over a horizon of months. Every expected figure is worked out by hand in a comment from
// the catalog facts (EKS $0.10 / $0.60 per cluster-hour; p5.48xlarge $55.04/h in the 2026-07-20
// catalog, $98.32/h in the 2025-04-01 one), never copied from the program's output.
#include "scenario_fixture.hpp"

#include <libtco/libtco.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace libtco;
using fixture::capture;
using fixture::cents;

namespace {

// A scenario starting 2027-01 with the given workloads and platform objects; the team costs nothing
// unless given, so totals show only fees and compute.
Scenario scenario(const std::string& workloads, const std::string& eks = "{}", const std::string& ecs = "{}",
                  const std::string& team = R"({"engineers": 0, "loaded_cost_per_engineer_year": 0})", const std::string& extra = "") {
    return Scenario::from_json_text(R"({"schema_version": 1, "name": "t", "month": "2027-01", )" + extra + R"("team": )" + team +
                                    R"(, "workloads": )" + workloads + R"(, "eks": )" + eks + R"(, "ecs": )" + ecs + "}");
}

ProjectionSpec spec(const std::string& json) { return ProjectionSpec::from_json_text(json); }

const ProjectionMonth& month_of(const Projection& p, const char* m) {
    for (const ProjectionMonth& row : p.months)
        if (row.month.to_string() == m) return row;
    FAIL("no month " << m);
    return p.months.front();
}

std::vector<LineItem> lines(const PlatformReport& r, const std::string& category) {
    std::vector<LineItem> out;
    for (const LineItem& li : r.line_items)
        if (li.category == category) out.push_back(li);
    return out;
}

const LineItem& control_plane(const PlatformReport& r) {
    const auto it = std::find_if(r.line_items.begin(), r.line_items.end(), [](const LineItem& li) { return li.category == category::control_plane; });
    REQUIRE(it != r.line_items.end());
    return *it;
}

std::vector<std::string> months_with_item(const Projection& p, const std::string& item) {
    std::vector<std::string> out;
    for (const ProjectionMonth& m : p.months)
        for (const LineItem& li : m.eks.line_items)
            if (li.item == item) out.push_back(m.month.to_string());
    return out;
}

const std::string upgrade_item = "EKS version upgrade (staff time)";

Projection default_projection(const char* policy) {
    return project(default_scenario(), spec(std::string(R"({"start": "2027-01", "months": 36, "eks_lifecycle": {"version_released": "2027-01", "upgrade_policy": ")") +
                                            policy + R"("}})"));
}

}  // namespace

TEST_CASE("done when: upgrades off, the extended-support fee starts in 2028-03, upgrades on, it never does") {
    // The default scenario's cluster runs a version released 2027-01: 14 months of standard support,
    // 2027-01 .. 2028-02, at 0.10 x 730 h = $73.00; extended from 2028-03 at 0.60 x 730 h = $438.00.
    const Projection off = default_projection("none");
    REQUIRE(off.months.size() == 36);
    for (const ProjectionMonth& m : off.months) {
        const LineItem& fee = control_plane(m.eks);
        const bool standard = m.index < 14;
        CAPTURE(m.month.to_string());
        CHECK(fee.item == (standard ? "EKS cluster fee (standard support)" : "EKS cluster fee (extended support)"));
        CHECK(cents(fee.amount) == (standard ? "73.00" : "438.00"));
        CHECK(m.eks_version->support == (standard ? EksSupport::standard : EksSupport::extended));
    }
    // Only the fee changes from 2028-02 to 2028-03: 438 - 73 = 365.
    CHECK((month_of(off, "2028-03").eks.total() - month_of(off, "2028-02").eks.total()).to_string() == "365");
    // AWS upgrades the cluster one minor version at each end of extended support: 2029-03 (the 2027-01
    // version's ends after 2029-02), 2029-07 and 2029-11; each costs 40 h (eks-karpenter) x $200,000 / 1,840 h = $4,347.83.
    CHECK(months_with_item(off, upgrade_item) == std::vector<std::string>{"2029-03", "2029-07", "2029-11"});
    for (const LineItem& li : lines(month_of(off, "2029-03").eks, category::operations))
        if (li.item == upgrade_item) CHECK(cents(li.amount) == "4347.83");

    const Projection on = default_projection("before-end-of-standard");
    for (const ProjectionMonth& m : on.months) {
        CAPTURE(m.month.to_string());
        CHECK(control_plane(m.eks).item == "EKS cluster fee (standard support)");
        CHECK(cents(control_plane(m.eks).amount) == "73.00");
    }
    // Upgraded in the last standard month of the 2027-01 version (2028-02) to the 2028-01 release, and in
    // that one's last standard month (2029-02) to the 2029-01 release.
    CHECK(months_with_item(on, upgrade_item) == std::vector<std::string>{"2028-02", "2029-02"});
    // The upgrade month costs exactly the upgrade's staff time more than the month before: from the
    // 2027-01 release to the 2028-01 one is three minor versions, one at a time, each 40 h (eks-karpenter):
    // 120 h x 200,000 / 1,840 = 13,043.478260869565. The months' own staff time leaves the monthly
    // average of upgrades out, so none is counted twice.
    CHECK((month_of(on, "2028-02").eks.total() - month_of(on, "2028-01").eks.total()).to_string() == "13043.478260869565");
    for (const LineItem& li : lines(month_of(on, "2028-01").eks, category::operations)) CHECK(li.item != "EKS version upgrades (staff time)");

    const Projection every = default_projection("every-release");
    CHECK(months_with_item(every, upgrade_item).size() == 8);  // 2027-05, -09, 2028-01, ... 2029-09
}

TEST_CASE("the scenario's own eks.support is ignored: the lifecycle decides") {
    Scenario s = default_scenario();
    s.eks.support = EksSupport::extended;
    const Projection p = project(s, spec(R"({"start": "2027-01", "months": 2})"));
    CHECK(cents(control_plane(p.months[0].eks).amount) == "73.00");
}

TEST_CASE("monthly totals, cumulative totals and horizon totals add up in cents") {
    const Projection p = default_projection("none");
    Money eks;
    Money ecs;
    for (const ProjectionMonth& m : p.months) {
        for (const PlatformReport* r : {&m.eks, &m.ecs}) {
            Money sum;
            for (const Money& part : r->rounded_line_items()) sum += part;
            CHECK(sum == r->rounded_total());
        }
        eks += m.eks.rounded_total();
        ecs += m.ecs.rounded_total();
        CHECK(m.eks_cumulative == eks);
        CHECK(m.ecs_cumulative == ecs);
    }
    CHECK(p.eks.total == eks);
    CHECK(p.ecs.total == ecs);
    CHECK(p.difference() == eks - ecs);
    CHECK(p.cheaper() == "ecs");
    Money by_category;
    for (const auto& [cat, amount] : p.eks.by_category) by_category += amount;
    CHECK(by_category == p.eks.total);
    // 14 months at $73.00 and 22 at $438.00.
    CHECK(p.eks.by_category.at(category::control_plane) == Money(Decimal(14 * 73 + 22 * 438)));
    // Warnings come once per code: the 2026-07-20 catalog is more than a year old from 2027-08 on.
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0].code == "stale_catalog");
    CHECK(p.warnings[0].months.size() == 29);  // 2027-08 .. 2029-12
    CHECK(p.warnings[0].months.front().to_string() == "2027-08");
}

TEST_CASE("growth: 2% a month on 10 replicas is ceil(10 x 1.02^k)") {
    const Scenario s = scenario(R"([{"name": "svc", "replicas": 10, "vcpu": 1, "memory_gib": 2},
                                    {"name": "other", "replicas": 3, "vcpu": 1, "memory_gib": 2}])");
    const Projection p = project(s, spec(R"({"months": 36, "growth": {"monthly_rate": "0.02"}})"));
    // 1.02^1 = 1.02 -> 10.2 -> 11; 1.02^2 = 1.0404 -> 11; 1.02^5 = 1.1040808032 -> 12;
    // 1.02^10 = 1.2189944... -> 13; 1.02^35 = 1.9998895... -> 20
    const std::vector<std::pair<std::size_t, std::int64_t>> expected{{0, 10}, {1, 11}, {2, 11}, {5, 12}, {10, 13}, {35, 20}};
    for (const auto& [k, replicas] : expected) {
        CAPTURE(k);
        CHECK(p.months[k].replicas.at("svc") == replicas);
    }
    CHECK(p.months[1].replicas.at("other") == 4);  // 3 x 1.02 = 3.06 -> 4
    CHECK(p.start().to_string() == "2027-01");      // the scenario's month

    // Only the workloads listed grow.
    const Projection only = project(s, spec(R"({"months": 12, "growth": {"monthly_rate": "0.02", "workloads": ["svc"]}})"));
    CHECK(only.months[11].replicas.at("other") == 3);
    CHECK(only.months[11].replicas.at("svc") == 13);  // 1.02^11 = 1.2433743... -> 12.43 -> 13
}

TEST_CASE("growth steps: factors multiply from their month, replicas reset the base and growth compounds on from it") {
    const Scenario s = scenario(R"([{"name": "svc", "replicas": 10, "vcpu": 1, "memory_gib": 2}])");
    const Projection p = project(s, spec(R"({"months": 15, "growth": {"monthly_rate": "0.02", "steps": [
        {"month": "2028-01", "workload": "svc", "replicas": 6},
        {"month": "2027-04", "workload": "svc", "factor": "2"}]}})"));
    CHECK(p.months[2].replicas.at("svc") == 11);   // 10 x 1.0404 = 10.404
    CHECK(p.months[3].replicas.at("svc") == 22);   // 10 x 1.061208 x 2 = 21.22416
    CHECK(p.months[12].replicas.at("svc") == 6);   // reset in 2028-01
    CHECK(p.months[13].replicas.at("svc") == 7);   // 6 x 1.02 = 6.12
    CHECK(p.months[14].replicas.at("svc") == 7);   // 6 x 1.0404 = 6.2424

    // A step before the start is in effect from the start.
    const Projection before = project(s, spec(R"({"months": 2, "growth": {"steps": [{"month": "2026-06", "workload": "svc", "factor": "3"}]}})"));
    CHECK(before.months[0].replicas.at("svc") == 30);
}

TEST_CASE("growth scales a demand profile hour by hour") {
    // base 2, 4 in weekday office hours, on Fargate so that the month's task-hours show in the detail.
    // aws-730: weekdays take 5/7 of the hours. Replica-hours a day: weekday 2 x 12 + 4 x 12 = 72, weekend 48;
    // the month: 730 x (72 x 5 + 48 x 2) / (24 x 7) = 730 x 456 / 168 = 1,981.428571428571...
    // x 1.5 (3 and 6 replicas): 730 x 684 / 168 = 2,972.142857142857...
    // reset to a busiest hour of 10: base ceil(2 x 10 / 4) = 5, peak 10; weekday 180, weekend 120:
    // 730 x 1140 / 168 = 4,953.5714285714285... -> 4953.571428571429
    const Scenario s = scenario(R"([{"name": "chat", "demand": {"base": 2, "peaks": [{"days": "weekdays", "from": "08:00", "to": "20:00", "replicas": 4}]},
                                    "vcpu": 1, "memory_gib": 2, "fargate": true}])");
    const Projection p = project(s, spec(R"({"months": 3, "growth": {"steps": [{"month": "2027-02", "workload": "chat", "factor": "1.5"},
                                                                               {"month": "2027-03", "workload": "chat", "replicas": 10}]}})"));
    const auto task_hours = [&](std::size_t k) { return lines(p.months[k].ecs, category::fargate).at(0).detail; };
    CHECK(task_hours(0).rfind("1981.428571428571 task-hours", 0) == 0);
    CHECK(task_hours(1).rfind("2972.142857142857 task-hours", 0) == 0);
    CHECK(task_hours(2).rfind("4953.571428571429 task-hours", 0) == 0);
    CHECK(p.months[0].replicas.at("chat") == 4);
    CHECK(p.months[1].replicas.at("chat") == 6);
    CHECK(p.months[2].replicas.at("chat") == 10);
}

TEST_CASE("growth past the scenario limits is an error with the month") {
    const Scenario s = scenario(R"([{"name": "svc", "replicas": 10, "vcpu": 1, "memory_gib": 2}])");
    // doubling: 10 x 2^11 = 20,480 > 20,000 in 2027-12
    const error e = capture([&] { project(s, spec(R"({"months": 24, "growth": {"monthly_rate": 1}})")); });
    CHECK(e.code_name() == "libtco.validation.113");
    CHECK(e.path() == "/growth/monthly_rate");
    CHECK(e.detail().find("2027-12") != std::string::npos);
    const error step = capture([&] { project(s, spec(R"({"months": 3, "growth": {"steps": [{"month": "2027-02", "workload": "svc", "factor": 5000}]}})")); });
    CHECK(step.path() == "/growth/steps/0/factor");
}

TEST_CASE("one-time costs: amortized evenly with the remainder on the last month, past the horizon reported apart") {
    // No staff time in the months (the seed's share of no engineers), so the totals are the one-time
    // costs and the cluster fees; engineer_months still price at $200,000 a year.
    const std::string no_staff = R"({"operations": {"share": "0.15"}})";
    const Scenario s = scenario("[]", no_staff, no_staff, R"({"engineers": 0, "loaded_cost_per_engineer_year": 200000})");
    const Projection p = project(s, spec(R"({"months": 4, "one_time_costs": [
        {"name": "migration", "platform": "eks", "month": "2027-02", "usd": "10000", "amortize_months": 3},
        {"name": "training", "platform": "both", "month": "2027-03", "usd": 1200, "amortize_months": 12},
        {"name": "build the platform", "platform": "ecs", "month": "2027-01", "engineer_months": "3"}]})"));
    const auto one_time = [&](const char* m, const PlatformReport ProjectionMonth::*platform) {
        std::vector<std::string> out;
        for (const LineItem& li : lines(month_of(p, m).*platform, category::one_time)) out.push_back(li.item + " " + li.amount.to_string());
        return out;
    };
    using V = std::vector<std::string>;
    // 10,000 / 3 = 3,333.33 in whole cents; the last month takes 10,000 - 2 x 3,333.33 = 3,333.34.
    CHECK(one_time("2027-01", &ProjectionMonth::eks) == V{});
    CHECK(one_time("2027-02", &ProjectionMonth::eks) == V{"migration 3333.33"});
    CHECK(one_time("2027-03", &ProjectionMonth::eks) == V{"migration 3333.33", "training 100"});
    CHECK(one_time("2027-04", &ProjectionMonth::eks) == V{"migration 3333.34", "training 100"});
    // 3 engineer-months x $200,000 / 12 = $50,000, expensed in its month, on ECS only.
    CHECK(one_time("2027-01", &ProjectionMonth::ecs) == V{"build the platform 50000"});
    CHECK(one_time("2027-04", &ProjectionMonth::ecs) == V{"training 100"});
    // training: 10 of its 12 monthly shares of $100 fall after 2027-04.
    CHECK(p.eks.unamortized_after_horizon == Money(Decimal(1000)));
    CHECK(p.ecs.unamortized_after_horizon == Money(Decimal(1000)));
    // The shares are whole cents, so the rounded months add up to the $10,000 (+ 2 x 100 training),
    // and the exact total too (+ 4 x $73 cluster fees).
    CHECK(p.eks.by_category.at(category::one_time) == Money(Decimal(10200)));
    CHECK(p.eks.total_exact == Money(Decimal(10200 + 4 * 73)));
    CHECK(p.ecs.by_category.at(category::one_time) == Money(Decimal(50200)));
}

TEST_CASE("NPV of a flat stream equals the annuity formula") {
    // No workloads, no staff: EKS pays $73.00 a month, ECS nothing. At 12% a year the monthly rate is
    // exactly 1%: NPV = 73 x (1 - 1.01^-36) / 0.01 = 73 x 30.1075050... = 2,197.8478677...
    const Scenario s = scenario("[]");
    const Projection p = project(s, spec(R"({"months": 36, "discount_rate": "0.12"})"));
    CHECK(p.monthly_discount_rate == Decimal::parse("0.01"));
    CHECK(cents(round_to_cents(p.eks.npv)) == "2197.85");
    CHECK(p.ecs.npv.value().is_zero());
    CHECK(cents(p.eks.total) == "2628.00");  // 36 x 73
    CHECK(p.months[0].discount_factor == Decimal::parse("0.990099009901"));  // 1 / 1.01 = 0.990099009900990...
    CHECK(p.cheaper_npv() == "ecs");
    // Without discounting the NPV is the plain sum.
    const Projection flat = project(s, spec(R"({"months": 36, "discount_rate": 0})"));
    CHECK(flat.eks.npv == Money(Decimal(2628)));
}

TEST_CASE("price changes: the 2025-04-01 catalog from its month, then a 10% overlay") {
    // 8 x H100 for 10 hours on a p5.48xlarge: 10 x $55.04 = $550.40; on the 2025-04-01 catalog
    // 10 x $98.32 = $983.20; 10% off: $884.88 (and the cluster fee 0.9 x $73 = $65.70).
    const std::string workloads = R"([{"name": "train", "replicas": 1, "gpus": 8, "vcpu": 96, "memory_gib": 1024, "hours": 10, "gpu_models": ["H100"]}])";
    const std::string types = R"({"node_types": ["p5.48xlarge"]})";
    const Scenario s = scenario(workloads, types, types);
    const Projection p = project(s, spec(R"({"months": 3, "price_changes": [
        {"month": "2027-03", "price_overlay": {"name": "edp", "discount": "0.1"}},
        {"month": "2027-02", "catalog": "aws-us-east-1-2025-04-01"}]})"));
    CHECK(cents(p.months[0].eks.category_total(category::compute)) == "550.40");
    CHECK(cents(p.months[1].eks.category_total(category::compute)) == "983.20");
    CHECK(cents(p.months[1].ecs.category_total(category::compute)) == "983.20");
    CHECK(cents(p.months[2].eks.category_total(category::compute)) == "884.88");
    CHECK(cents(control_plane(p.months[2].eks).amount) == "65.70");
    CHECK(p.months[0].catalog == "aws-us-east-1-2026-07-20");
    CHECK(p.months[1].catalog == "aws-us-east-1-2025-04-01");
    CHECK(p.months[2].catalog == "aws-us-east-1-2025-04-01");
    CHECK(p.months[2].overlay == "edp");
    CHECK(p.months[1].overlay.empty());

    // A catalog given to project() prices every month until a price change names another.
    const Projection given = project(s, spec(R"({"months": 2, "price_changes": [{"month": "2027-02", "catalog": "aws-us-east-1-2026-07-20"}]})"),
                                     embedded_catalog("aws-us-east-1-2025-04-01"));
    CHECK(cents(given.months[0].eks.category_total(category::compute)) == "983.20");
    CHECK(cents(given.months[1].eks.category_total(category::compute)) == "550.40");
}

TEST_CASE("price change errors point into the spec") {
    const Scenario s = scenario("[]");
    const error catalog = capture([&] { project(s, spec(R"({"months": 2, "price_changes": [{"month": "2027-02", "catalog": "aws-nowhere"}]})")); });
    CHECK(catalog.code_name() == "libtco.lookup.206");
    CHECK(catalog.path() == "/price_changes/0/catalog");
    const error fee = capture([&] {
        project(s, spec(R"({"months": 2, "price_changes": [{"month": "2027-02", "price_overlay": {"fees": {"nope": 1}}}]})"));
    });
    CHECK(fee.code_name() == "libtco.lookup.205");
    CHECK(fee.path() == "/price_changes/0/price_overlay/fees/nope");
    CHECK(fee.detail().rfind("in 2027-02: ", 0) == 0);
    // A type the older catalog lacks (g6f launched after 2025-04) fails in the month it is priced.
    const Scenario g6f = scenario("[]", R"({"node_types": ["g6f.large"]})");
    const error type = capture([&] { project(g6f, spec(R"({"months": 2, "price_changes": [{"month": "2027-02", "catalog": "aws-us-east-1-2025-04-01"}]})")); });
    CHECK(type.code_name() == "libtco.lookup.200");
    CHECK(type.path() == "/eks/node_types/0");
    CHECK(type.detail().rfind("in 2027-02: ", 0) == 0);
}

TEST_CASE("spec errors carry a code and the JSON path") {
    const auto parse_error_of = [](const std::string& json) { return capture([&] { ProjectionSpec::from_json_text(json); }); };
    struct Case {
        const char* json;
        const char* code;
        const char* path;
    };
    const std::vector<Case> cases{
        {R"({"months": 0})", "libtco.validation.113", "/months"},
        {R"({"months": 121})", "libtco.validation.113", "/months"},
        {R"({"months": "36"})", "libtco.validation.110", "/months"},
        {R"({"monts": 36})", "libtco.validation.112", "/monts"},
        {R"({"start": "2027-13"})", "libtco.validation.114", "/start"},
        {R"({"schema_version": 2})", "libtco.validation.113", "/schema_version"},
        {R"({"discount_rate": "-0.1"})", "libtco.validation.113", "/discount_rate"},
        {R"({"discount_rate": "1.5"})", "libtco.validation.113", "/discount_rate"},
        {R"({"growth": {"monthly_rate": -1}})", "libtco.validation.113", "/growth/monthly_rate"},
        {R"({"growth": {"steps": [{"month": "2027-02", "workload": "a", "factor": 2, "replicas": 3}]}})", "libtco.validation.118",
         "/growth/steps/0/factor"},
        {R"({"growth": {"steps": [{"month": "2027-02", "workload": "a"}]}})", "libtco.validation.111", "/growth/steps/0/factor"},
        {R"({"growth": {"steps": [{"month": "2027-02", "workload": "a", "factor": 0}]}})", "libtco.validation.113", "/growth/steps/0/factor"},
        {R"({"growth": {"steps": [{"month": "2027-02", "workload": "a", "replicas": 0}]}})", "libtco.validation.113",
         "/growth/steps/0/replicas"},
        {R"({"growth": {"steps": [{"workload": "a", "factor": 2}]}})", "libtco.validation.111", "/growth/steps/0/month"},
        {R"({"price_changes": [{"month": "2027-02"}]})", "libtco.validation.111", "/price_changes/0/catalog"},
        {R"({"price_changes": [{"month": "2027-02", "catalog": "a"}, {"month": "2027-02", "catalog": "b"}]})", "libtco.validation.118",
         "/price_changes/1/catalog"},
        {R"({"price_changes": [{"month": "2027-02", "price_overlay": {"discount": 2}}]})", "libtco.validation.113",
         "/price_changes/0/price_overlay/discount"},
        {R"({"one_time_costs": [{"name": "m", "platform": "eks", "month": "2027-01", "usd": 1, "engineer_months": 1}]})",
         "libtco.validation.118", "/one_time_costs/0/usd"},
        {R"({"one_time_costs": [{"name": "m", "platform": "eks", "month": "2027-01"}]})", "libtco.validation.111", "/one_time_costs/0/usd"},
        {R"({"one_time_costs": [{"name": "m", "platform": "gke", "month": "2027-01", "usd": 1}]})", "libtco.validation.114",
         "/one_time_costs/0/platform"},
        {R"({"one_time_costs": [{"name": "m", "platform": "eks", "month": "2027-01", "usd": 1, "amortize_months": 0}]})",
         "libtco.validation.113", "/one_time_costs/0/amortize_months"},
        {R"({"one_time_costs": [{"name": "m", "platform": "eks", "month": "2027-01", "usd": -1}]})", "libtco.validation.113",
         "/one_time_costs/0/usd"},
        {R"({"one_time_costs": [{"name": "m", "platform": "eks", "month": "2027-01", "usd": 1}, {"name": "m", "platform": "ecs", "month": "2027-01", "usd": 1}]})",
         "libtco.validation.117", "/one_time_costs/1/name"},
        {R"({"eks_lifecycle": {"upgrade_policy": "sometimes"}})", "libtco.validation.114", "/eks_lifecycle/upgrade_policy"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.json);
        const error e = parse_error_of(c.json);
        CHECK(e.code_name() == c.code);
        CHECK(e.path() == c.path);
    }

    // Against the scenario: workload names, the start, the cluster's version.
    const Scenario s = scenario(R"([{"name": "svc", "replicas": 1, "vcpu": 1, "memory_gib": 2}])");
    const auto project_error_of = [&](const std::string& json) { return capture([&] { project(s, spec(json)); }); };
    const error workload = project_error_of(R"({"growth": {"steps": [{"month": "2027-02", "workload": "api", "factor": 2}]}})");
    CHECK(workload.code_name() == "libtco.lookup.205");
    CHECK(workload.path() == "/growth/steps/0/workload");
    CHECK(project_error_of(R"({"growth": {"workloads": ["svc", "api"]}})").path() == "/growth/workloads/1");
    const error early = project_error_of(R"({"one_time_costs": [{"name": "m", "platform": "eks", "month": "2026-12", "usd": 1}]})");
    CHECK(early.code_name() == "libtco.validation.113");
    CHECK(early.path() == "/one_time_costs/0/month");
    const error version = project_error_of(R"({"eks_lifecycle": {"version_released": "2027-02"}})");
    CHECK(version.code_name() == "libtco.validation.118");
    CHECK(version.path() == "/eks_lifecycle/version_released");
    CHECK(project_error_of(R"({"eks_lifecycle": {"version_released": "2024-11"}})").path() == "/eks_lifecycle/version_released");
}

TEST_CASE("a spec round-trips through JSON with every default explicit") {
    const std::string full = R"({"start": "2027-01", "months": 24, "discount_rate": "0.1",
        "growth": {"monthly_rate": "0.02", "workloads": ["chat-llm"], "steps": [{"month": "2027-07", "workload": "chat-llm", "factor": "2"},
                                                                               {"month": "2028-01", "workload": "embeddings", "replicas": 6}]},
        "price_changes": [{"month": "2027-07", "catalog": "aws-us-east-1-2025-04-01"}, {"month": "2028-01", "price_overlay": {"discount": "0.1"}}],
        "one_time_costs": [{"name": "migrate", "platform": "eks", "month": "2027-01", "engineer_months": "3", "amortize_months": 12},
                           {"name": "training", "platform": "both", "month": "2027-02", "usd": "40000"}],
        "eks_lifecycle": {"version_released": "2026-11", "upgrade_policy": "every-release"}})";
    const nlohmann::ordered_json once = to_json(spec(full));
    CHECK(to_json(spec(once.dump())).dump() == once.dump());
    CHECK(once["growth"]["steps"][1]["replicas"] == 6);
    CHECK(once["one_time_costs"][1]["amortize_months"] == 1);
    CHECK(once["eks_lifecycle"]["release_interval_months"] == 4);
    const nlohmann::ordered_json defaults = to_json(spec("{}"));
    CHECK(defaults["months"] == 36);
    CHECK(defaults["discount_rate"] == "0.08");
    CHECK(defaults["eks_lifecycle"]["upgrade_policy"] == "before-end-of-standard");
    CHECK(!defaults.contains("start"));
}

TEST_CASE("without clusters there is no lifecycle") {
    const Projection p = project(scenario("[]", R"({"clusters": 0})", "{}", R"({"engineers": 1, "loaded_cost_per_engineer_year": 230000})"),
                                 spec(R"({"months": 36, "eks_lifecycle": {"upgrade_policy": "every-release"}})"));
    for (const ProjectionMonth& m : p.months) {
        CHECK(!m.eks_version);
        CHECK(control_plane(m.eks).amount.value().is_zero());
    }
    CHECK(months_with_item(p, upgrade_item).empty());
}

TEST_CASE("calendar months: hours beyond a shorter month are capped, with a warning") {
    // 744 h fits January (31 days) but not February (28 days, 672 h).
    const Scenario s = scenario(R"([{"name": "svc", "replicas": 1, "vcpu": 1, "memory_gib": 2, "hours": 744}])", R"({"node_types": ["m5.large"]})",
                                R"({"node_types": ["m5.large"]})", R"({"engineers": 0, "loaded_cost_per_engineer_year": 0})",
                                R"("hours_basis": "calendar", )");
    const Projection p = project(s, spec(R"({"months": 2})"));
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0].code == "hours_capped");
    CHECK(p.warnings[0].months.at(0).to_string() == "2027-02");
    CHECK(p.months[1].hours.value() == Decimal(672));
    // m5.large $0.096/h: January 744 h = $71.42 (71.424); February 672 h = $64.51 (64.512)
    CHECK(cents(round_to_cents(p.months[0].eks.category_total(category::compute))) == "71.42");
    CHECK(cents(round_to_cents(p.months[1].eks.category_total(category::compute))) == "64.51");
}

TEST_CASE("the catalog for each month follows select_catalog's rule, parsing each catalog once") {
    detail::ProjectionCatalogs catalogs(nullptr);
    const Scenario s = scenario("[]");
    for (const char* m : {"2024-01", "2025-03", "2025-04", "2025-05", "2025-06", "2026-06", "2026-07", "2026-08", "2030-01"}) {
        CAPTURE(m);
        CHECK(catalogs.default_for(s, BillingMonth::parse(m)).name == select_catalog("us-east-1", BillingMonth::parse(m)).name);
    }
}

TEST_CASE("JSON and CSV") {
    const Projection p = default_projection("none");
    const nlohmann::ordered_json j = to_json(p);
    CHECK(j["schema_version"] == 1);
    CHECK(j["start"] == "2027-01");
    CHECK(j["end"] == "2029-12");
    CHECK(j["months"] == 36);
    CHECK(j["spec"]["eks_lifecycle"]["version_released"] == "2027-01");
    CHECK(j["by_month"][14]["month"] == "2028-03");
    CHECK(j["by_month"][14]["eks"]["line_items"][0]["usd"] == "438.00");
    CHECK(j["by_month"][14]["eks_version"]["support"] == "extended");
    CHECK(j["by_month"][26]["eks_version"]["upgrade"]["cause"] == "end-of-extended-support");
    CHECK(j["totals"]["eks"]["total_usd"] == cents(p.eks.total));
    CHECK(j["totals"]["cheaper"] == "ecs");

    const std::string csv = format_csv(p);
    CHECK(csv.rfind("month,platform,category,item,usd\n", 0) == 0);
    CHECK(csv.find("\n2028-03,eks,control_plane,EKS cluster fee (extended support),438.00\n") != std::string::npos);
    CHECK(csv.find("\n2029-03,eks,operations,EKS version upgrade (staff time),4347.83\n") != std::string::npos);
    CHECK(csv.find("\ntotal,eks,total,36 months," + cents(p.eks.total) + "\n") != std::string::npos);
    CHECK(csv.find("\ntotal,eks-ecs,difference,EKS minus ECS," + cents(p.difference()) + "\n") != std::string::npos);
    // every row has five fields (no item here contains a comma)
    std::size_t rows = 0;
    for (std::size_t at = 0; at < csv.size(); at = csv.find('\n', at) + 1, ++rows)
        CHECK(std::count(csv.begin() + static_cast<std::ptrdiff_t>(at), csv.begin() + static_cast<std::ptrdiff_t>(csv.find('\n', at)), ',') == 4);
    CHECK(rows > 36 * 2 * 10);

    const std::string table = format_table(p);
    CHECK(table.find("2028-03  ") != std::string::npos);
    CHECK(table.find("extended, 2027-01 release (14 mo)") != std::string::npos);
    CHECK(table.find("net present value at 8% a year") != std::string::npos);

    // A name a spreadsheet would read as a formula is quoted as text.
    const Projection named = project(scenario("[]"), spec(R"({"months": 1, "one_time_costs": [{"name": "=1+1", "platform": "eks", "month": "2027-01", "usd": 5}]})"));
    CHECK(format_csv(named).find("\n2027-01,eks,one_time,'=1+1,5.00\n") != std::string::npos);
}
