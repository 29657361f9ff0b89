// The control-plane line on its own. Catalog aws-us-east-1-2026-07-20: eks_cluster_standard
// $0.10/cluster-hour, eks_cluster_extended $0.60, ecs_cluster $0.
#include "line_fixture.hpp"

using namespace libtco;
using fixture::cents;
using fixture::Costing;
using fixture::scenario_json;

TEST_CASE("EKS: clusters x hours x the support tier's fee") {
    // 1 x 730 h x $0.10 = $73.00
    const Costing one(scenario_json("[]"), detail::Platform::eks);
    const LineItem standard = detail::control_plane_line(one.ctx);
    CHECK(standard.category == category::control_plane);
    CHECK(standard.item == "EKS cluster fee (standard support)");
    CHECK(cents(standard.amount) == "73.00");
    CHECK(standard.sources == std::vector<std::string>{"aws-eks-pricing"});
    // 3 x 730 h x $0.60 = $1,314.00
    const Costing three(scenario_json("[]", R"({"clusters": 3, "support": "extended"})"), detail::Platform::eks);
    const LineItem extended = detail::control_plane_line(three.ctx);
    CHECK(extended.item == "EKS cluster fee (extended support)");
    CHECK(cents(extended.amount) == "1314.00");
    // Calendar February 2028: 29 days x 24 = 696 h x $0.10 = $69.60
    const Costing leap(R"({"schema_version": 1, "month": "2028-02", "hours_basis": "calendar",
                           "team": {"engineers": 0, "loaded_cost_per_engineer_year": 0}, "workloads": []})",
                       detail::Platform::eks);
    CHECK(cents(detail::control_plane_line(leap.ctx).amount) == "69.60");
}

TEST_CASE("ECS: no orchestration fee") {
    const Costing ecs(scenario_json("[]"), detail::Platform::ecs);
    const LineItem li = detail::control_plane_line(ecs.ctx);
    CHECK(li.item == "ECS control plane");
    CHECK(li.detail == "no orchestration fee");
    CHECK(cents(li.amount) == "0.00");
}

TEST_CASE("the closed-form functions: cluster month x clusters") {
    const Fee fee{"eks_cluster_standard", HourlyRate(Decimal::parse("0.1")), "cluster-hour", "s", ""};
    // $0.10 x 744 h = $74.40 a cluster; 0 clusters cost nothing.
    CHECK(cents(detail::cluster_month_cost(fee, Hours(Decimal(744)))) == "74.40");
    CHECK(cents(detail::eks_control_plane_cost(fee, Hours(Decimal(744)), 2)) == "148.80");
    CHECK(cents(detail::eks_control_plane_cost(fee, Hours(Decimal(744)), 0)) == "0.00");
}

TEST_CASE("the control plane declares clusters and support, and has a closed form") {
    const detail::LineProducer p = detail::control_plane_producer();
    CHECK(fixture::declares(p, "/eks/clusters"));
    CHECK(fixture::declares(p, "/eks/support"));
    CHECK(fixture::declares(p, "/month"));
    CHECK(p.closed_form);
    const Costing c(scenario_json("[]", R"({"clusters": 2})"), detail::Platform::eks);
    const detail::Bill bill = fixture::bill_of(c, detail::FleetPlan{}, p);  // no fleet needed
    REQUIRE(bill.line_items.size() == 1);
    CHECK(cents(bill.line_items[0].amount) == "146.00");
}
