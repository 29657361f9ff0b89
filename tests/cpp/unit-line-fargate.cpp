// The Fargate lines on their own. Catalog aws-us-east-1-2026-07-20: x86 $0.04048 per vCPU-hour and
// $0.004445 per GB-hour; Fargate Spot 70% off (ECS, x86 only).
#include "line_fixture.hpp"

using namespace libtco;
using fixture::Costing;
using fixture::scenario_json;

static const std::string tasks = R"([{"name": "tasks", "replicas": 2, "vcpu": 1, "memory_gib": 2, "fargate": true, "spot_tolerant": true}])";

TEST_CASE("ECS: task-hours at the task size's rate, a share on Fargate Spot") {
    const Costing c(scenario_json(tasks, "{}", R"({"fargate_spot_share": "0.5"})"), detail::Platform::ecs);
    const std::vector<LineItem> lines = detail::fargate_lines(c.ctx);
    REQUIRE(lines.size() == 2);
    // 1 vCPU / 2 GB: 0.04048 + 2 x 0.004445 = $0.04937/h; 2 x 730 = 1,460 task-hours.
    CHECK(lines[0].item == "Fargate: tasks");
    CHECK(lines[0].amount.value() == Decimal::parse("36.0401"));  // 1,460 x 0.5 x 0.04937
    // Spot: 0.04937 x 0.3 = $0.014811/h; 1,460 x 0.5 x 0.014811 = 10.81203
    CHECK(lines[1].item == "Fargate Spot: tasks");
    CHECK(lines[1].amount.value() == Decimal::parse("10.81203"));
    CHECK(lines[1].category == category::fargate);
}

TEST_CASE("EKS: 256 MiB more per pod, no Fargate Spot") {
    // 2 + 0.25 GiB rounds up to the 1 vCPU / 3 GB size: 0.04048 + 3 x 0.004445 = $0.053815/h x 1,460 = 78.5699
    const Costing c(scenario_json(tasks, "{}", R"({"fargate_spot_share": "0.5"})"), detail::Platform::eks);
    const std::vector<LineItem> lines = detail::fargate_lines(c.ctx);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].amount.value() == Decimal::parse("78.5699"));
}

TEST_CASE("workloads on instances have no Fargate line, and the producer declares the spot share") {
    const Costing c(scenario_json(R"([{"name": "svc", "replicas": 1, "vcpu": 1, "memory_gib": 2}])"), detail::Platform::ecs);
    CHECK(detail::fargate_lines(c.ctx).empty());
    CHECK(fixture::declares(detail::fargate_producer(), "/ecs/fargate_spot_share"));
}
