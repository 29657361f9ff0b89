// The team's own items on their own: a fixed amount a month, or per instance-hour of the fleet.
#include "line_fixture.hpp"

using namespace libtco;
using fixture::cents;
using fixture::Costing;
using fixture::scenario_json;

TEST_CASE("a monthly item as given, an hourly one on every instance-hour") {
    const Costing c(scenario_json("[]", R"({"extra_items": [{"name": "support", "usd_per_month": 100},
                                                            {"name": "agent", "usd_per_instance_hour": "0.01"}]})"),
                    detail::Platform::eks);
    detail::FleetPlan plan;
    c.add_nodes(plan, "g5.xlarge", 2, "730");
    c.add_nodes(plan, "m5.large", 1, "100");
    const std::vector<LineItem> lines = detail::extra_item_lines(c.ctx, plan);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].category == category::other);
    CHECK(lines[0].item == "support");
    CHECK(cents(lines[0].amount) == "100.00");
    CHECK(lines[0].sources == std::vector<std::string>{"/eks/extra_items/0"});
    // 2 x 730 + 100 = 1,560 instance-hours x $0.01 = $15.60
    CHECK(lines[1].item == "agent");
    CHECK(cents(lines[1].amount) == "15.60");
    CHECK(lines[1].sources == std::vector<std::string>{"/eks/extra_items/1"});
}

TEST_CASE("no items, no lines, and the producer declares the platform items") {
    const Costing c(scenario_json("[]"), detail::Platform::ecs);
    CHECK(detail::extra_item_lines(c.ctx, detail::FleetPlan{}).empty());
    CHECK(fixture::declares(detail::extra_items_producer(), "/{platform}/extra_items"));
    CHECK_FALSE(detail::extra_items_producer().closed_form);
}
