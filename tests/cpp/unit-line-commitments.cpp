// The commitment lines on their own, on compute instances given by hand. Catalog
// aws-us-east-1-2026-07-20: g5.xlarge $1.006/h; generic Compute Savings Plan discounts 1y partial
// upfront 0.3667, 1y no upfront 0.3392.
#include "line_fixture.hpp"

using namespace libtco;
using fixture::cents;
using fixture::Costing;
using fixture::scenario_json;

static std::vector<InstanceGroup> two_g5_for_the_month() {
    InstanceGroup g;
    g.instance_type = "g5.xlarge";
    g.count = 2;
    g.hours = Hours(Decimal(730));
    g.usd_per_hour = HourlyRate(Decimal::parse("1.006"));
    return {g};  // on demand, whole
}

TEST_CASE("a coverage commitment: covered on-demand use, then upfront and recurring halves") {
    // Half of the $2.012/h baseline: $1.006/h x 730 = 734.38 covered. Spend 1.006 x 0.6333 =
    // $0.6370998/h x 730 = 465.082854, half upfront (the default partial share 0.5): 232.541427 each.
    const Costing c(scenario_json("[]", R"({"commitments": [{"plan": "compute_savings_plan", "term": "1y", "payment": "partial_upfront", "coverage": "0.5"}]})"),
                    detail::Platform::eks);
    const std::vector<LineItem> lines = detail::commitment_lines(c.ctx, two_g5_for_the_month());
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].item == "compute_savings_plan 1y partial_upfront: covered on-demand use");
    CHECK(lines[0].amount.value() == Decimal::parse("-734.38"));
    CHECK(lines[1].item == "compute_savings_plan 1y partial_upfront: upfront, amortized");
    CHECK(lines[1].amount.value() == Decimal::parse("232.541427"));
    CHECK(lines[2].item == "compute_savings_plan 1y partial_upfront: recurring");
    CHECK(lines[2].amount.value() == Decimal::parse("232.541427"));
}

TEST_CASE("a spend commitment larger than its use pays the rest as unused") {
    // $2/h of spend at 0.6608 of on-demand could cover 3.0266 $/h; the baseline is 2.012: all of it
    // (-2.012 x 730 = -1,468.76), spending 2.012 x 0.6608 = 1.3295296 $/h (x 730 = 970.556608), and
    // 2 - 1.3295296 = 0.6704704 $/h unused (x 730 = 489.443392).
    const Costing c(scenario_json("[]", R"({"commitments": [{"plan": "compute_savings_plan", "term": "1y", "payment": "no_upfront", "usd_per_hour": 2}]})"),
                    detail::Platform::eks);
    const std::vector<LineItem> lines = detail::commitment_lines(c.ctx, two_g5_for_the_month());
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].amount.value() == Decimal::parse("-1468.76"));
    CHECK(lines[1].item == "compute_savings_plan 1y no_upfront: recurring");
    CHECK(lines[1].amount.value() == Decimal::parse("970.556608"));
    CHECK(lines[2].item == "compute_savings_plan 1y no_upfront: unused commitment");
    CHECK(lines[2].amount.value() == Decimal::parse("489.443392"));
    CHECK(lines[2].sources == std::vector<std::string>{"/eks/commitments/0"});
}

TEST_CASE("nodes bought on spot or running part of the month are not a baseline") {
    std::vector<InstanceGroup> groups = two_g5_for_the_month();
    groups[0].hours = Hours(Decimal(100));
    const Costing c(scenario_json("[]", R"({"commitments": [{"plan": "compute_savings_plan", "term": "1y", "payment": "no_upfront", "coverage": 1}]})"),
                    detail::Platform::eks);
    const std::vector<LineItem> lines = detail::commitment_lines(c.ctx, groups);
    REQUIRE(lines.size() == 2);  // covered and recurring, both nothing
    CHECK(lines[0].amount.value().is_zero());
    CHECK(lines[1].amount.value().is_zero());
    CHECK(fixture::declares(detail::commitments_producer(), "/assumptions/partial_upfront_share"));
}
