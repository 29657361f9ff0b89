// The autoscaling lines on their own. Catalog aws-us-east-1-2026-07-20: m5.large $0.096/h, with
// 1.93 allocatable vCPU on EKS.
#include "line_fixture.hpp"

using namespace libtco;
using fixture::cents;
using fixture::Costing;
using fixture::scenario_json;

// 1 replica, 4 from 09:00 to 17:00 on weekdays; 1.5 vCPU each, so one per m5.large on EKS.
static const std::string day = R"([{"name": "day", "demand": {"base": 1, "peaks": [{"days": "weekdays", "from": "09:00", "to": "17:00", "replicas": 4}]},
                                    "vcpu": 1.5, "memory_gib": 2}])";
static const std::string calendar_september = R"("hours_basis": "calendar", )";

TEST_CASE("node starts x the scale-up lag, node stops x the scale-down delay, at the type's price") {
    // September 2026 has 22 weekdays. Each weekday 3 nodes start at 09:00 and 3 stop at 17:00; none
    // on weekends: 66 starts and 66 stops. Up: 66 x 4 min = 4.4 h x 0.096 = 0.4224;
    // down: 66 x 10 min = 11 h x 0.096 = 1.056.
    const Costing c(scenario_json(day, R"({"node_types": ["m5.large"], "scale_up_lag_minutes": 4, "scale_down_delay_minutes": 10})", "{}",
                                  calendar_september),
                    detail::Platform::eks);
    const std::vector<LineItem> lines = detail::autoscaling_lines(c.ctx, c.plan());
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].item == "scale-up lag (karpenter)");
    CHECK(lines[0].amount.value() == Decimal::parse("0.4224"));
    CHECK(lines[0].sources == std::vector<std::string>{"/eks/scale_up_lag_minutes"});
    CHECK(lines[1].item == "scale-down delay (karpenter)");
    CHECK(lines[1].amount.value() == Decimal::parse("1.056"));
}

TEST_CASE("a capacity provider's headroom: the placed instances x (1 / target - 1)") {
    // One m5.large for the month: 730 x 0.096 = 70.08; at 80% target, x 0.25 = 17.52.
    const Costing c(scenario_json("[]", "{}", R"({"autoscaler": "capacity-provider", "target_capacity": "0.8"})"), detail::Platform::ecs);
    detail::FleetPlan plan;
    c.add_nodes(plan, "m5.large", 1, "730");
    const std::vector<LineItem> lines = detail::autoscaling_lines(c.ctx, plan);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].item == "capacity provider headroom");
    CHECK(lines[0].amount.value() == Decimal::parse("17.52"));
}

TEST_CASE("steady demand at full target: no autoscaling lines") {
    const Costing c(scenario_json(R"([{"name": "svc", "replicas": 2, "vcpu": 1, "memory_gib": 2}])"), detail::Platform::eks);
    CHECK(detail::autoscaling_lines(c.ctx, c.plan()).empty());
    CHECK(fixture::declares(detail::autoscaling_producer(), "/{platform}/scale_up_lag_minutes"));
    CHECK(fixture::declares(detail::autoscaling_producer(), "/{platform}/target_capacity"));
}
