// The staff-time line on its own: ops share x engineers x loaded cost a year / 12.
#include "line_fixture.hpp"

using namespace libtco;
using fixture::cents;
using fixture::Costing;
using fixture::scenario_json;

TEST_CASE("6 engineers at $200,000: EKS 0.15 is $15,000.00 a month, ECS 0.035 is $3,500.00") {
    const Costing eks(scenario_json("[]"), detail::Platform::eks);
    const LineItem li = detail::operations_line(eks.ctx);
    CHECK(li.category == category::operations);
    CHECK(li.item == "EKS operations (staff time)");
    CHECK(cents(li.amount) == "15000.00");  // 0.15 x 6 x 200,000 / 12
    CHECK(li.sources == std::vector<std::string>{"/eks/ops_share"});
    CHECK(li.confidence == assumptions::eks_ops_share().confidence);  // the model's default share
    const Costing ecs(scenario_json("[]"), detail::Platform::ecs);
    CHECK(cents(detail::operations_line(ecs.ctx).amount) == "3500.00");  // 0.035 x 1,200,000 / 12
}

TEST_CASE("a share the team gives is its own figure") {
    // 0.2 x 6 x 200,000 / 12 = $20,000.00, at high confidence.
    const Costing c(scenario_json("[]", R"({"ops_share": "0.2"})"), detail::Platform::eks);
    const LineItem li = detail::operations_line(c.ctx);
    CHECK(cents(li.amount) == "20000.00");
    CHECK(li.confidence == Confidence::high);
}

TEST_CASE("the closed-form functions") {
    // 2.5 engineers x $160,000 = $400,000 a year; x 0.035 / 12 = $1,166.666666666667 (12 places).
    const Team team{Decimal::parse("2.5"), Money(Decimal(160000))};
    CHECK(detail::annual_team_cost(team) == Money(Decimal(400000)));
    CHECK(detail::operations_cost(team, Fraction(Decimal::parse("0.035"))).value() == Decimal::parse("1166.666666666667"));
}

TEST_CASE("operations declares the team and the platform's share, and has a closed form") {
    const detail::LineProducer p = detail::operations_producer();
    CHECK(fixture::declares(p, "/team"));
    CHECK(fixture::declares(p, "/{platform}/ops_share"));
    CHECK(p.closed_form);
}
