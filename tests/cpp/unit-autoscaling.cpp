// Demand profiles through the comparison: each distinct mix of replica counts is placed once, for
// the hours the month spends in it, and autoscaling's idle capacity is its own line.
// m5.large: $0.096/h, 2 vCPU (1.93 allocatable on EKS); one 1.5-vCPU replica per node.
#include "scenario_fixture.hpp"

using namespace libtco;
using fixture::capture;
using fixture::cents;
using fixture::compare;
using fixture::scenario_json;

namespace {

const std::string office_hours =
    R"([{"name": "svc", "demand": {"base": 2, "peaks": [{"days": "weekdays", "from": "08:00", "to": "20:00", "replicas": 10}]},
         "vcpu": 1.5, "memory_gib": 5}])";

const std::string m5 = R"({"node_types": ["m5.large"]})";

Money line_total(const PlatformReport& r, const std::string& prefix) {
    Money sum;
    for (const LineItem& li : r.line_items)
        if (li.item.rfind(prefix, 0) == 0) sum += li.amount;
    return sum;
}

}  // namespace

TEST_CASE("a service needing 10 replicas 08:00-20:00 on weekdays and 2 otherwise pays for the hours the profile implies") {
    // September 2026, calendar basis: 22 weekdays, 8 weekend days. Node-hours, one replica per node:
    // 22 x (12 x 10 + 12 x 2) + 8 x 24 x 2 = 3168 + 384 = 3552; x $0.096 = $340.992.
    const Comparison c = compare(scenario_json(office_hours, m5, m5, R"("hours_basis": "calendar", )"));
    for (const PlatformReport* r : {&c.eks, &c.ecs}) {
        CHECK(cents(r->category_total(category::compute)) == "340.99");
        // 10 nodes for 12 h on each of 22 weekdays (264 h); 2 for the other 456 h of the 720.
        CHECK(cents(line_total(*r, "m5.large @ 264 h (autoscaled)")) == "253.44");
        CHECK(cents(line_total(*r, "m5.large @ 456 h (autoscaled)")) == "87.55");
    }
    // 8 nodes start at 08:00 and stop at 20:00 on each of 22 weekdays: 176 starts and stops.
    // ECS capacity provider: 4 min lag, 15 min scale-in: 176 x 4/60 x 0.096 = 1.1264; 176 x 15/60 x 0.096 = 4.224.
    CHECK(cents(line_total(c.ecs, "scale-up lag")) == "1.13");
    CHECK(cents(line_total(c.ecs, "scale-down delay")) == "4.22");
    // Karpenter: 2 min and 1 min: 0.5632 and 0.2816.
    CHECK(cents(line_total(c.eks, "scale-up lag")) == "0.56");
    CHECK(cents(line_total(c.eks, "scale-down delay")) == "0.28");
}

TEST_CASE("on the aws-730 basis the month's hours split 5/7 weekdays") {
    // Replica-hours: 730 x (5 x (12 x 10 + 12 x 2) + 2 x 48) / (7 x 24) = 730 x 816 / 168 = 3545.714285714...
    const Comparison c = compare(scenario_json(office_hours, m5, m5));
    CHECK(cents(c.ecs.category_total(category::compute)) == "340.39");  // x 0.096 = 340.388571...
}

TEST_CASE("without scale-to-zero one replica stays, with KEDA the service stops") {
    const std::string nights_off =
        R"([{"name": "batch", "demand": {"base": 0, "peaks": [{"days": "all", "from": "00:00", "to": "06:00", "replicas": 4}]},
             "vcpu": 1.5, "memory_gib": 5}])";
    const std::string calendar = R"("hours_basis": "calendar", )";
    // 30 days: 4 nodes x 6 h + 1 node x 18 h = 42 node-hours a day = 1260; x 0.096 = 120.96.
    CHECK(cents(compare(scenario_json(nights_off, m5, m5, calendar)).eks.category_total(category::compute)) == "120.96");
    // Scale to zero: 4 x 6 x 30 = 720 node-hours = 69.12.
    const std::string keda = R"({"node_types": ["m5.large"], "scale_to_zero": true})";
    CHECK(cents(compare(scenario_json(nights_off, keda, m5, calendar)).eks.category_total(category::compute)) == "69.12");
}

TEST_CASE("an ECS capacity provider's target capacity pays for headroom") {
    const std::string flat = R"([{"name": "api", "replicas": 4, "vcpu": 1.5, "memory_gib": 5}])";
    // 4 nodes x 730 h x 0.096 = 280.32 at 80% target: x (1/0.8 - 1) = 70.08.
    const Comparison c = compare(scenario_json(flat, m5, R"({"node_types": ["m5.large"], "target_capacity": 0.8})"));
    CHECK(cents(line_total(c.ecs, "capacity provider headroom")) == "70.08");
}

TEST_CASE("demand profile errors") {
    CHECK(capture([] {
              compare(scenario_json(R"([{"name": "a", "replicas": 2, "demand": {"base": 1}, "vcpu": 1, "memory_gib": 1}])"));
          }).path() == "/workloads/0/replicas");
    CHECK(capture([] {
              compare(scenario_json(R"([{"name": "a", "demand": {"base": 1}, "hours": 100, "vcpu": 1, "memory_gib": 1}])"));
          }).path() == "/workloads/0/hours");
    CHECK(capture([] { compare(scenario_json(office_hours, R"({"autoscaler": "capacity-provider"})")); }).path() == "/eks/autoscaler");
    CHECK(capture([] { compare(scenario_json(office_hours, R"({"target_capacity": 0.8})")); }).path() == "/eks/target_capacity");
}
