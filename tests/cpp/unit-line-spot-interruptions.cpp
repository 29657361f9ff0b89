// The lost-work line on its own. Catalog aws-us-east-1-2026-07-20: g5.xlarge spot $0.38228/h
// (1.006 x 0.38); the g5 family's Advisor bucket 15-20%, whose midpoint is 0.175 a month.
#include "line_fixture.hpp"

using namespace libtco;
using fixture::Costing;
using fixture::scenario_json;

static const std::string train =
    R"([{"name": "train", "replicas": 2, "gpus": 1, "vcpu": 2, "memory_gib": 8, "spot_tolerant": true,
         "checkpoint_interval_minutes": 60, "restart_minutes": 30}])";

TEST_CASE("expected interruptions x (half the checkpoint interval + restart) at the spot price") {
    // Two g5.xlarge on spot at 0.6 x 0.95 = 0.57 of their hours; given 5 interruptions a month:
    // 2 x 5 x 0.57 = 5.7 interruptions, each losing 30 + 30 minutes = 1 h: 5.7 x 0.38228 = 2.178996.
    const Costing c(scenario_json(train, R"({"node_types": ["g5.xlarge"], "spot": {"share": "0.6", "interruptions_per_month": 5}})"),
                    detail::Platform::eks);
    const detail::FleetPlan plan = c.plan();
    REQUIRE(plan.nodes.size() == 2);
    const auto li = detail::spot_interruptions_line(c.ctx, plan);
    REQUIRE(li);
    CHECK(li->category == category::spot_interruptions);
    CHECK(li->amount.value() == Decimal::parse("2.178996"));
    CHECK(li->sources == std::vector<std::string>{"/eks/spot"});
}

TEST_CASE("without a given rate, the type's bucket midpoint") {
    // 2 x 0.175 x 0.57 = 0.1995 interruptions x 1 h x 0.38228 = 0.07626486
    const Costing c(scenario_json(train, R"({"node_types": ["g5.xlarge"], "spot": {"share": "0.6"}})"), detail::Platform::eks);
    const auto li = detail::spot_interruptions_line(c.ctx, c.plan());
    REQUIRE(li);
    CHECK(li->amount.value() == Decimal::parse("0.07626486"));
}

TEST_CASE("no spot, no line, and the producer declares the checkpointing it reads") {
    const Costing c(scenario_json(train, R"({"node_types": ["g5.xlarge"]})"), detail::Platform::eks);
    CHECK_FALSE(detail::spot_interruptions_line(c.ctx, c.plan()));
    CHECK(fixture::declares(detail::spot_interruptions_producer(), "/workloads/*/checkpoint_interval_minutes"));
    CHECK(fixture::declares(detail::spot_interruptions_producer(), "/workloads/*/restart_minutes"));
}
