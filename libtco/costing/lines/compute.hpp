#pragma once
// The instances the fleet runs, one line per group of the same type, hours and purchase option
// (count x hours x share x the hourly price).

#include <libtco/costing/line_producer.hpp>

namespace libtco::detail {

inline LineItem compute_line(const CostContext& ctx, const InstanceGroup& g) {
    std::string item = g.instance_type;
    if (g.hours != ctx.month_hours) item += " @ " + g.hours.value().rounded(2).to_string() + " h";  // the detail is exact
    if (g.given) item += " (given)";
    if (g.autoscaled) item += " (autoscaled)";
    if (g.purchase == std::string("spot")) item += " (spot)";
    else if (g.share.value() < Decimal(1)) item += " (on-demand share)";
    std::string detail = std::to_string(g.count) + " x " + g.hours.to_string() + " h";
    if (g.share.value() < Decimal(1)) detail += " x " + percent_text(g.share.value());
    detail += " x " + money_text(g.usd_per_hour.value()) + "/h";
    return cited(ctx.catalog, category::compute, item, detail, g.amount, g.price_source);
}

inline void add_compute(const CostContext& ctx, const FleetPlan& plan, Detail detail, Bill& bill) {
    for (InstanceGroup& g : group_instances(ctx, plan.nodes, detail)) {
        bill.line_items.push_back(compute_line(ctx, g));
        bill.instances.push_back(std::move(g));
    }
}

// The spot share and fallback decide how a spot-eligible node's hours are bought.
inline LineProducer compute_producer() { return {"compute", with_month({"/{platform}/spot"}), false, &add_compute}; }

}  // namespace libtco::detail
