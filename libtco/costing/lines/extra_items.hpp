#pragma once
// Items the team adds: a fixed amount a month, or an amount per instance-hour of the fleet.

#include <libtco/costing/line_producer.hpp>

namespace libtco::detail {

inline std::vector<LineItem> extra_item_lines(const CostContext& ctx, const FleetPlan& plan) {
    std::vector<LineItem> out;
    Hours node_hours;
    for (const PlacedNode& n : plan.nodes) node_hours += n.hours;
    for (std::size_t i = 0; i < ctx.spec.extra_items.size(); ++i) {
        const ExtraItem& e = ctx.spec.extra_items[i];
        const std::string at = ctx.path("/extra_items/" + std::to_string(i));
        if (e.usd_per_month)
            out.push_back({category::other, e.name, "given per month", *e.usd_per_month, {at}, Confidence::high});
        else
            out.push_back({category::other, e.name, node_hours.to_string() + " instance-hours x " + money_text(e.usd_per_instance_hour->value()) + "/h",
                           *e.usd_per_instance_hour * node_hours, {at}, Confidence::high});
    }
    return out;
}

inline LineProducer extra_items_producer() {
    return {"extra_items", {"/{platform}/extra_items"}, false, [](const CostContext& ctx, const FleetPlan& plan, Detail, Bill& bill) {
                for (LineItem& li : extra_item_lines(ctx, plan)) bill.line_items.push_back(std::move(li));
            }};
}

}  // namespace libtco::detail
