// The compute lines on their own. Catalog aws-us-east-1-2026-07-20: g5.xlarge $1.006/h on demand,
// spot 62% off for the g5 family (1.006 x 0.38 = $0.38228/h); m5.large $0.096/h.
#include "line_fixture.hpp"

using namespace libtco;
using fixture::cents;
using fixture::Costing;
using fixture::scenario_json;

TEST_CASE("one line per type and hours: count x hours x price") {
    const Costing c(scenario_json("[]"), detail::Platform::ecs);
    detail::FleetPlan plan;
    c.add_nodes(plan, "g5.xlarge", 2, "730");
    c.add_nodes(plan, "m5.large", 1, "100");
    const detail::Bill bill = fixture::bill_of(c, plan, detail::compute_producer());
    REQUIRE(bill.line_items.size() == 2);
    CHECK(bill.line_items[0].item == "g5.xlarge");
    CHECK(cents(bill.line_items[0].amount) == "1468.76");  // 2 x 730 x 1.006
    CHECK(bill.line_items[1].item == "m5.large @ 100 h");
    CHECK(cents(bill.line_items[1].amount) == "9.60");  // 100 x 0.096
    REQUIRE(bill.instances.size() == 2);
    CHECK(bill.instances[0].count == 2);
}

TEST_CASE("a spot-eligible node: the spot share less the fallback on spot, the rest on demand") {
    // EKS spot share 0.6 with the diversified fallback 0.05: 0.6 x 0.95 = 0.57 on spot, 0.43 on demand.
    const Costing c(scenario_json("[]", R"({"spot": {"share": "0.6"}})"), detail::Platform::eks);
    detail::FleetPlan plan;
    c.add_nodes(plan, "g5.xlarge", 1, "730", true);
    const detail::Bill bill = fixture::bill_of(c, plan, detail::compute_producer());
    REQUIRE(bill.line_items.size() == 2);
    // Groups of one type and hours are listed by purchase: on-demand before spot.
    CHECK(bill.line_items[0].item == "g5.xlarge (on-demand share)");
    CHECK(bill.line_items[0].amount.value() == Decimal::parse("315.7834"));  // 730 x 0.43 x 1.006
    CHECK(bill.line_items[1].item == "g5.xlarge (spot)");
    CHECK(bill.line_items[1].amount.value() == Decimal::parse("159.066708"));  // 730 x 0.57 x 0.38228
    // the same node, not spot-eligible, runs on demand whole: 730 x 1.006
    detail::FleetPlan steady;
    c.add_nodes(steady, "g5.xlarge", 1, "730");
    CHECK(cents(fixture::bill_of(c, steady, detail::compute_producer()).line_items.at(0).amount) == "734.38");
}

TEST_CASE("compute declares the spot settings that decide how nodes are bought") {
    CHECK(fixture::declares(detail::compute_producer(), "/{platform}/spot"));
    CHECK_FALSE(detail::compute_producer().closed_form);
}
