// Reports cite their figures: each line item's sources and confidence, the rounded total split by
// confidence, and warnings about the catalog's date against the billed month; the catalog choice
// by name or by month.
#include "scenario_fixture.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace libtco;
using fixture::capture;
using fixture::category_cents;
using fixture::cents;
using fixture::scenario_json;

namespace {

// EKS fee 0.1 cited to a high source, one CPU type at 0.0125/h cited to a medium source.
const char* confidence_catalog = R"({
  "schema_version": 1, "name": "confidence-test", "region": "us-east-1", "effective_date": "2026-07-20",
  "sources": {"eks-src": {"title": "EKS pricing", "retrieved": "2026-07-20", "confidence": "high"},
              "ecs-src": {"title": "ECS pricing", "retrieved": "2026-07-20", "confidence": "high"},
              "med": {"title": "a reseller's quote", "retrieved": "2026-07-20", "confidence": "medium"}},
  "default_sources": {"specs": "eks-src", "on_demand": "med"},
  "fees": {"eks_cluster_standard": {"usd": "0.1", "per": "cluster-hour", "source": "eks-src"},
           "eks_cluster_extended": {"usd": "0.6", "per": "cluster-hour", "source": "eks-src"},
           "ecs_cluster": {"usd": "0", "per": "cluster-hour", "source": "ecs-src"}},
  "gpu_models": {},
  "instance_types": {"x.large": {"vcpu": 2, "memory_gib": 4, "on_demand_usd_per_hour": "0.0125"}}
})";

// One engineer at $1,001 a year, one small replica on x.large on each platform; staff time by the
// seed's shares (one line each).
const char* confidence_scenario = R"({"schema_version": 1, "name": "conf", "month": "2026-09",
  "team": {"engineers": 1, "loaded_cost_per_engineer_year": 1001},
  "workloads": [{"name": "w", "replicas": 1, "vcpu": 1, "memory_gib": 1}],
  "eks": {"node_types": ["x.large"], "operations": {"share": "0.15"}}, "ecs": {"node_types": ["x.large"], "operations": {"share": "0.035"}}})";

// An empty scenario for a month, with extra top-level keys.
std::string month_scenario(const std::string& month, const std::string& extra = "") {
    return R"({"schema_version": 1, "name": "m", "month": ")" + month + R"(", )" + extra +
           R"("team": {"engineers": 1, "loaded_cost_per_engineer_year": 120000}, "workloads": []})";
}

Scenario scenario(const std::string& json) { return Scenario::from_json_text(json); }

std::vector<std::string> warning_codes(const Comparison& c) {
    std::vector<std::string> out;
    for (const Warning& w : c.warnings) out.push_back(w.code);
    return out;
}

using codes = std::vector<std::string>;

}  // namespace

TEST_CASE("line items cite their sources: EKS and ECS fees, the price table, the staff assumption") {
    // Staff time by the seed's shares: one line per platform, resting on the share assumption.
    const Comparison c = fixture::compare(scenario_json(R"([{"name": "infer", "replicas": 8, "gpus": 1, "vcpu": 1, "memory_gib": 4}])",
                                                        R"({"node_types": ["g5.xlarge"], "operations": {"share": "0.15"}})",
                                                        R"({"node_types": ["g5.xlarge"], "operations": {"share": "0.035"}})"));
    REQUIRE(c.eks.line_items.size() == 3);
    const LineItem& fee = c.eks.line_items[0];
    CHECK(fee.category == category::control_plane);
    CHECK(fee.sources == std::vector<std::string>{"aws-eks-pricing"});
    CHECK(fee.confidence == Confidence::high);
    const LineItem& compute = c.eks.line_items[1];
    CHECK(compute.category == category::compute);
    CHECK(compute.sources == std::vector<std::string>{"karpenter-pricing"});  // the generated on-demand table
    CHECK(compute.confidence == Confidence::high);
    const LineItem& staff = c.eks.line_items[2];
    CHECK(staff.category == category::operations);
    CHECK(staff.sources == std::vector<std::string>{"/eks/operations/share"});  // the seed's 10-20%, no primary source
    CHECK(staff.confidence == Confidence::low);
    REQUIRE(c.ecs.line_items.size() == 3);
    CHECK(c.ecs.line_items[0].sources == std::vector<std::string>{"aws-ecs-pricing"});
    CHECK(c.ecs.line_items[0].confidence == Confidence::high);
    CHECK(c.ecs.line_items[2].sources == std::vector<std::string>{"/ecs/operations/share"});
    // the report lists the catalog sources it cites (assumptions are listed separately)
    std::vector<std::string> ids;
    for (const Source& s : c.sources) ids.push_back(s.id);
    CHECK(ids == std::vector<std::string>{"aws-ecs-pricing", "aws-eks-pricing", "karpenter-pricing"});

    // by confidence: EKS high = 73.00 + 8 x 1.006 x 730 (5,875.04) = 5,948.04; low = 15,000.00
    const auto eks = c.eks.rounded_by_confidence();
    CHECK(cents(eks.at(Confidence::high)) == "5948.04");
    CHECK(cents(eks.at(Confidence::medium)) == "0.00");
    CHECK(cents(eks.at(Confidence::low)) == "15000.00");
}

TEST_CASE("extended support cites AWS's announcement, and an ops share the team gives is its own figure") {
    const Comparison c = fixture::compare(scenario_json("[]", R"({"support": "extended", "operations": {"share": "0.1"}})", "{}"));
    CHECK(c.eks.line_items[0].sources == std::vector<std::string>{"aws-eks-extended-support"});
    CHECK(c.eks.line_items[0].confidence == Confidence::high);
    CHECK(c.eks.line_items.back().category == category::operations);
    CHECK(c.eks.line_items.back().confidence == Confidence::high);  // 0.1 given, not the 0.15 default
    CHECK(c.ecs.line_items.back().confidence == Confidence::low);   // the ecs-asg preset's planning defaults
    // 0.6 x 730 = 438.00 high; 0.1 x 6 x 200,000 / 12 = 10,000.00 high too
    CHECK(cents(c.eks.rounded_by_confidence().at(Confidence::high)) == "10438.00");
    CHECK(cents(c.eks.rounded_by_confidence().at(Confidence::low)) == "0.00");
}

TEST_CASE("effort lines cite the figures they rest on: the preset's (low) or the team's own") {
    const Comparison c = fixture::compare(scenario_json(R"([{"name": "api", "replicas": 1, "vcpu": 1, "memory_gib": 2}])",
                                                        R"({"operations": {"on_call_hours_per_month": "5"}})", "{}"));
    const auto line = [&](const std::string& item) {
        const auto it = std::find_if(c.eks.line_items.begin(), c.eks.line_items.end(), [&](const LineItem& li) { return li.item == item; });
        REQUIRE(it != c.eks.line_items.end());
        return *it;
    };
    const LineItem upgrades = line("EKS version upgrades (staff time)");
    CHECK(upgrades.sources == std::vector<std::string>{"/eks/operations/upgrade_hours_per_upgrade", "/eks/operations/upgrades_per_year",
                                                       "/team/working_hours_per_year"});
    CHECK(upgrades.confidence == Confidence::low);
    const LineItem on_call = line("EKS on-call and incidents (staff time)");
    CHECK(on_call.confidence == Confidence::medium);  // the team's 5 h, at the default working hours (medium)
    const auto assumption = std::find_if(c.assumptions.begin(), c.assumptions.end(),
                                         [](const Assumption& a) { return a.name == "/eks/operations/on_call_hours_per_month"; });
    REQUIRE(assumption != c.assumptions.end());
    CHECK(assumption->value == Decimal(5));
    CHECK(assumption->default_value == Decimal(12));
    CHECK(assumption->source.rfind("Preset eks-karpenter: ", 0) == 0);
}

TEST_CASE("the rounded total split by confidence adds up, cent for cent") {
    const Comparison c = compare(scenario(confidence_scenario), Catalog::from_json_text(confidence_catalog));
    // EKS, exact: fee 0.1 x 730 = 73 (high); x.large 0.0125 x 730 = 9.125 (medium);
    // staff 1001 x 1 x 0.15 / 12 = 150.15 / 12 = 12.5125 (low). Total 94.6375 -> 94.64.
    // Floors 73.00 + 9.12 + 12.51 = 94.63; the missing cent goes to the largest remainder,
    // 9.125 (0.5 cent) before 12.5125 (0.25 cent): 9.13.
    REQUIRE(c.eks.line_items.size() == 3);
    CHECK(c.eks.line_items[1].sources == std::vector<std::string>{"med"});
    CHECK(c.eks.line_items[1].confidence == Confidence::medium);
    CHECK(cents(c.eks.rounded_total()) == "94.64");
    const auto eks = c.eks.rounded_by_confidence();
    CHECK(cents(eks.at(Confidence::high)) == "73.00");
    CHECK(cents(eks.at(Confidence::medium)) == "9.13");  // rounding 9.125 on its own (half-even) would give 9.12
    CHECK(cents(eks.at(Confidence::low)) == "12.51");
    // ECS, exact: fee 0 (high); 9.125 (medium); 1001 x 0.035 / 12 = 35.035 / 12 = 2.919583333333 (low).
    // Total 12.044583333333 -> 12.04. Floors 0 + 9.12 + 2.91 = 12.03; the missing cent goes to
    // 2.9195.. (0.958 cent left) before 9.125 (0.5 cent): 2.92.
    CHECK(cents(c.ecs.rounded_total()) == "12.04");
    const auto ecs = c.ecs.rounded_by_confidence();
    CHECK(cents(ecs.at(Confidence::high)) == "0.00");
    CHECK(cents(ecs.at(Confidence::medium)) == "9.12");
    CHECK(cents(ecs.at(Confidence::low)) == "2.92");
    // the JSON report carries the same split
    const nlohmann::ordered_json j = to_json(c);
    CHECK(j["eks"]["usd_by_confidence"]["medium"] == "9.13");
    CHECK(j["ecs"]["usd_by_confidence"]["low"] == "2.92");
    CHECK(j["eks"]["line_items"][1]["confidence"] == "medium");
    CHECK(j["eks"]["line_items"][1]["usd_exact"] == "9.125");
}

TEST_CASE("the split by confidence adds up to the rounded total on the default scenario") {
    const Comparison c = fixture::compare(std::string(default_scenario_json));
    for (const PlatformReport* r : {&c.eks, &c.ecs}) {
        CAPTURE(r->platform);
        Money sum;
        for (const auto& [level, amount] : r->rounded_by_confidence()) sum += amount;
        CHECK(sum == r->rounded_total());
        CHECK(r->rounded_by_confidence().size() == 3);  // every level present, zero or not
    }
}

TEST_CASE("stale_catalog: a billed month more than a year after the catalog's date") {
    // catalog 2026-07-20; a year later is 2027-07-20: 2027-07 starts before it, 2027-08 after
    const Comparison july = compare(scenario(month_scenario("2027-07")));
    CHECK(july.catalog == "aws-us-east-1-2026-07-20");
    CHECK(warning_codes(july).empty());
    const Comparison august = compare(scenario(month_scenario("2027-08")));
    CHECK(august.catalog == "aws-us-east-1-2026-07-20");
    CHECK(warning_codes(august) == codes{"stale_catalog"});
    CHECK(august.warnings[0].message.find("2026-07-20") != std::string::npos);
    const nlohmann::ordered_json j = to_json(august);
    CHECK(j["warnings"][0]["code"] == "stale_catalog");
}

TEST_CASE("catalog_after_month: prices dated after the billed month") {
    // the scenario names the 2026-07-20 catalog for 2025-12: no catalog_not_as_named, since it is used
    const Comparison december = compare(scenario(month_scenario("2025-12", R"("catalog": "aws-us-east-1-2026-07-20", )")));
    CHECK(december.catalog == "aws-us-east-1-2026-07-20");
    CHECK(warning_codes(december) == codes{"catalog_after_month"});
    // a catalog dated within the billed month is not after it: 2026-07-20 <= 2026-07-31
    CHECK(warning_codes(compare(scenario(month_scenario("2026-07")))).empty());
    // the 2025-04-01 catalog in its own month
    CHECK(warning_codes(compare(scenario(month_scenario("2025-04")))).empty());
    // before every catalog the oldest is chosen, and it is after the month
    const Comparison early = compare(scenario(month_scenario("2020-01")));
    CHECK(early.catalog == "aws-us-east-1-2025-04-01");
    CHECK(warning_codes(early) == codes{"catalog_after_month"});
}

TEST_CASE("catalog_not_as_named: the scenario names one catalog and the comparison is given another") {
    const Scenario s = scenario(month_scenario("2026-09", R"("catalog": "aws-us-east-1-2025-04-01", )"));
    const Comparison c = compare(s, embedded_catalog());
    CHECK(c.catalog == "aws-us-east-1-2026-07-20");
    CHECK(warning_codes(c) == codes{"catalog_not_as_named"});
    // the old catalog for 2026-09 is more than a year old (2025-04-01 + 1 year = 2026-04-01 < 2026-09-01)
    // and superseded (valid until 2025-05-31)
    CHECK(warning_codes(compare(s)) == codes{"stale_catalog", "superseded_catalog"});
}

TEST_CASE("catalog_for honours the scenario's catalog key, else picks by region and month") {
    CHECK(catalog_for(scenario(month_scenario("2026-09", R"("catalog": "aws-us-east-1-2025-04-01", )"))).name == "aws-us-east-1-2025-04-01");
    CHECK(catalog_for(scenario(month_scenario("2025-05", R"("catalog": "aws-us-east-1-2026-07-20", )"))).name == "aws-us-east-1-2026-07-20");
    CHECK(catalog_for(scenario(month_scenario("2025-05"))).name == "aws-us-east-1-2025-04-01");
    CHECK(catalog_for(scenario(month_scenario("2026-09"))).name == "aws-us-east-1-2026-07-20");

    const error unknown = capture([] { (void)catalog_for(scenario(month_scenario("2026-09", R"("catalog": "aws-us-east-1-2099-01-01", )"))); });
    CHECK(unknown.code() == errc::unknown_catalog);
    CHECK(unknown.path() == "/catalog");
    const error region = capture([] { (void)compare(scenario(month_scenario("2026-09", R"("region": "eu-west-1", )"))); });
    CHECK(region.code() == errc::unknown_catalog);
    CHECK(region.path() == "/region");
    // a named catalog of another region than the scenario's
    const error mismatch = capture([] {
        (void)compare(scenario(month_scenario("2026-09", R"("region": "eu-west-1", "catalog": "aws-us-east-1-2026-07-20", )")));
    });
    CHECK(mismatch.code() == errc::region_mismatch);
    CHECK(mismatch.path() == "/region");
}

TEST_CASE("compare without a catalog prices the month with the catalog of its time") {
    // one fine-tuning job on p5.48xlarge for the whole 730-hour month
    const std::string workloads = R"("workloads": [{"name": "ft", "replicas": 1, "gpus": 8, "vcpu": 8, "memory_gib": 64}], )"
                                  R"("eks": {"node_types": ["p5.48xlarge"]}, "ecs": {"node_types": ["p5.48xlarge"]}, )";
    const auto job = [&](const std::string& month) {
        return scenario(R"({"schema_version": 1, "name": "ft", "month": ")" + month + R"(", )" + workloads +
                        R"("team": {"engineers": 0, "loaded_cost_per_engineer_year": 0}})");
    };
    // before the June 2025 cut: 98.32 x 730 = 71,773.60
    const Comparison before = compare(job("2025-05"));
    CHECK(before.catalog == "aws-us-east-1-2025-04-01");
    CHECK(before.catalog_date == "2025-04-01");
    CHECK(category_cents(before.ecs, category::compute) == "71773.60");
    CHECK(before.ecs.line_items[1].sources == std::vector<std::string>{"aws-ec2-price-cut-2025-06"});
    // after: 55.04 x 730 = 40,179.20
    const Comparison after = compare(job("2026-09"));
    CHECK(after.catalog == "aws-us-east-1-2026-07-20");
    CHECK(category_cents(after.ecs, category::compute) == "40179.20");
    CHECK(after.ecs.line_items[1].sources == std::vector<std::string>{"karpenter-pricing"});
}
