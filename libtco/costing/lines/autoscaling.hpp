#pragma once
// Idle capacity autoscaling pays for: nodes started before they serve and kept after they empty
// (per node start and stop over the month's hours of the day), and an ECS capacity provider's
// headroom (target capacity below 100%).

#include <libtco/costing/line_producer.hpp>
#include <libtco/scenario/demand_profile.hpp>

#include <array>

namespace libtco::detail {

// Autoscaled nodes of one type in each hour of a weekday and of a weekend day.
struct NodesByHour {
    std::array<std::int64_t, hours_per_day> weekday{};
    std::array<std::int64_t, hours_per_day> weekend{};
};

inline NodesByHour nodes_by_hour(const FleetPlan& plan, const std::string& type) {
    NodesByHour out;
    for (std::size_t kind = 0; kind < hour_kinds; ++kind) {
        const auto& counts = plan.nodes_in_mix.at(plan.mix_at[kind]);
        const auto it = counts.find(type);
        (kind < hours_per_day ? out.weekday[kind] : out.weekend[kind - hours_per_day]) = it == counts.end() ? 0 : it->second;
    }
    return out;
}

inline std::vector<LineItem> scaling_lag_lines(const CostContext& ctx, const FleetPlan& plan) {
    const Autoscaling& a = ctx.spec.autoscaling;
    Money up, down;
    Decimal starts, stops;
    for (const auto& [type, price] : plan.autoscaled_prices) {
        const NodesByHour nodes = nodes_by_hour(plan, type);
        const DayChanges weekday = day_changes(nodes.weekday);
        const DayChanges weekend = day_changes(nodes.weekend);
        const Decimal type_starts = per_day_sum(ctx.days, weekday.rises, weekend.rises);
        const Decimal type_stops = per_day_sum(ctx.days, weekday.falls, weekend.falls);
        starts += type_starts;
        stops += type_stops;
        up += price * Hours(type_starts * a.scale_up_lag_minutes / Decimal(60));
        down += price * Hours(type_stops * a.scale_down_delay_minutes / Decimal(60));
    }
    const std::string autoscaler = to_string(a.autoscaler);
    return {{category::autoscaling, "scale-up lag (" + autoscaler + ")",
             starts.rounded(2).to_string() + " node starts x " + a.scale_up_lag_minutes.to_string() + " min", up,
             {ctx.path("/scale_up_lag_minutes")}, Confidence::low},
            {category::autoscaling, "scale-down delay (" + autoscaler + ")",
             stops.rounded(2).to_string() + " node stops x " + a.scale_down_delay_minutes.to_string() + " min", down,
             {ctx.path("/scale_down_delay_minutes")}, a.autoscaler == Autoscaler::cluster_autoscaler ? Confidence::high : Confidence::medium}};
}

inline LineItem headroom_line(const CostContext& ctx, const FleetPlan& plan) {
    const Decimal target = ctx.spec.autoscaling.target_capacity.value();
    Money placed;
    for (const PlacedNode& n : plan.nodes)
        if (!n.given) placed += node_cost(ctx, n);
    return {category::autoscaling, "capacity provider headroom",
            "target capacity " + percent_text(target) + ": " + money_text(placed.value()) + " of instances x (1 / target - 1)",
            placed * Fraction(Decimal(1) / target - Decimal(1)), {ctx.path("/target_capacity")}, Confidence::high};
}

inline std::vector<LineItem> autoscaling_lines(const CostContext& ctx, const FleetPlan& plan) {
    std::vector<LineItem> out;
    if (!plan.nodes_in_mix.empty()) out = scaling_lag_lines(ctx, plan);
    if (ctx.spec.autoscaling.target_capacity.value() < Decimal(1)) out.push_back(headroom_line(ctx, plan));
    return out;
}

inline LineProducer autoscaling_producer() {
    return {"autoscaling",
            with_month({"/{platform}/autoscaler", "/{platform}/scale_up_lag_minutes", "/{platform}/scale_down_delay_minutes",
                        "/{platform}/target_capacity", "/{platform}/spot"}),
            false, [](const CostContext& ctx, const FleetPlan& plan, Detail, Bill& bill) {
                for (LineItem& li : autoscaling_lines(ctx, plan)) bill.line_items.push_back(std::move(li));
            }};
}

}  // namespace libtco::detail
