// The EKS Auto Mode fee on its own. Catalog aws-us-east-1-2026-07-20: m5.large publishes $0.01152/h;
// other types pay eks_auto_mode_fee 0.12 of on-demand, or with the 2026-07 cut G families 0.078.
#include "line_fixture.hpp"

using namespace libtco;
using fixture::cents;
using fixture::Costing;
using fixture::scenario_json;

TEST_CASE("Auto Mode: the published fee per instance-hour") {
    const Costing c(scenario_json("[]", R"({"auto_mode": true})"), detail::Platform::eks);
    detail::FleetPlan plan;
    c.add_nodes(plan, "m5.large", 1, "730");
    c.add_nodes(plan, "g5.xlarge", 1, "100");
    const auto li = detail::auto_mode_fee_line(c.ctx, plan);
    REQUIRE(li);
    CHECK(li->category == category::management);
    // m5.large 730 h x $0.01152 = 8.4096; g5.xlarge 100 h x 0.12 x $1.006 = 12.072; 20.4816 in all.
    CHECK(li->amount.value() == Decimal::parse("20.4816"));
}

TEST_CASE("Auto Mode with the reported GPU-family cut") {
    const Costing c(scenario_json("[]", R"({"auto_mode": true, "auto_mode_fee": "gpu-cut-2026-07"})"), detail::Platform::eks);
    detail::FleetPlan plan;
    c.add_nodes(plan, "g5.xlarge", 1, "730");
    // 730 h x 0.078 x $1.006 = 57.28164
    const auto li = detail::auto_mode_fee_line(c.ctx, plan);
    REQUIRE(li);
    CHECK(li->amount.value() == Decimal::parse("57.28164"));
    CHECK(li->sources == std::vector<std::string>{"eks-auto-mode-gpu-cut-2026-07"});
}

TEST_CASE("no Auto Mode, or ECS: no line") {
    const Costing off(scenario_json("[]"), detail::Platform::eks);
    detail::FleetPlan plan;
    off.add_nodes(plan, "m5.large", 1, "730");
    CHECK_FALSE(detail::auto_mode_fee_line(off.ctx, plan));
    const Costing ecs(scenario_json("[]", R"({"auto_mode": true})"), detail::Platform::ecs);
    CHECK_FALSE(detail::auto_mode_fee_line(ecs.ctx, plan));
    CHECK(fixture::declares(detail::management_producer(), "/eks/auto_mode_fee"));
}
