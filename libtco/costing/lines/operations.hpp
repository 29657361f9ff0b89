#pragma once
// The staff time a platform takes in a month: its share of the team's loaded cost. Sweeps evaluate
// this same function in closed form, so it is the one place the formula lives.

#include <libtco/catalog/assumptions.hpp>
#include <libtco/costing/line_producer.hpp>

namespace libtco::detail {

inline Money annual_team_cost(const Team& team) { return team.loaded_cost_per_engineer_year * team.engineers; }

inline Money operations_cost(const Money& annual_team_cost, const Fraction& ops_share) {
    return annual_team_cost * ops_share / Decimal(months_per_year);
}

inline Money operations_cost(const Team& team, const Fraction& ops_share) { return operations_cost(annual_team_cost(team), ops_share); }

inline LineItem operations_line(const CostContext& ctx) {
    const Team& team = ctx.scenario.team;
    const Fraction& ops_share = ctx.spec.ops_share;
    const Assumption share = ctx.platform == Platform::eks ? assumptions::eks_ops_share() : assumptions::ecs_ops_share();
    // The default share is the model's weak assumption; a share the team gives is its own figure.
    return {category::operations, std::string(platform_label(ctx.platform)) + " operations (staff time)",
            ops_share.to_string() + " x " + team.engineers.to_string() + " engineers x " + money_text(team.loaded_cost_per_engineer_year.value()) +
                "/year / " + std::to_string(months_per_year),
            operations_cost(team, ops_share), {share.name}, ops_share.value() == share.default_value ? share.confidence : Confidence::high};
}

inline LineProducer operations_producer() {
    return {"operations", {"/team", "/{platform}/ops_share"}, true,
            [](const CostContext& ctx, const FleetPlan&, Detail, Bill& bill) { bill.line_items.push_back(operations_line(ctx)); }};
}

}  // namespace libtco::detail
