#pragma once
// Work lost when spot instances are reclaimed: each interruption costs half the checkpoint interval
// plus the restart time, re-run on spot. The rate is the type's Advisor bucket midpoint per
// instance-month, or the platform's given rate.

#include <libtco/catalog/assumptions.hpp>
#include <libtco/costing/line_producer.hpp>

#include <optional>

namespace libtco::detail {

// The longest a reclaimed node's replicas take to get back to where they were, in hours.
inline Decimal lost_hours_per_interruption(const CostContext& ctx, const PlacedNode& n) {
    Decimal worst;
    for (const auto& [workload, count] : n.replicas) {
        const Workload& w = ctx.scenario.workloads[workload];
        worst = std::max(worst, (w.checkpoint_interval_minutes / Decimal(2) + w.restart_minutes) / Decimal(60));
    }
    return worst;
}

inline std::optional<LineItem> spot_interruptions_line(const CostContext& ctx, const FleetPlan& plan) {
    Money amount;
    Decimal interruptions;
    bool any = false;
    for (const PlacedNode& n : plan.nodes) {
        for (const PurchaseSlice& slice : purchase_slices(ctx, n)) {
            if (slice.purchase != std::string("spot")) continue;
            any = true;
            const auto quote = ctx.catalog.spot_quote(*n.shape->type);
            const Decimal rate = ctx.spec.spot.interruptions_per_month.value_or(
                assumptions::interruptions_per_month(quote->interruption.value_or(InterruptionBucket::from_10_to_15)));
            const Decimal expected = rate * slice.share.value() * (n.hours / ctx.month_hours);
            interruptions += expected;
            amount += slice.rate * Hours(expected * lost_hours_per_interruption(ctx, n));
        }
    }
    if (!any) return std::nullopt;
    return LineItem{category::spot_interruptions, "spot interruptions (lost work)",
                    interruptions.rounded(3).to_string() + " expected interruptions x (checkpoint interval / 2 + restart) at the spot price", amount,
                    {ctx.path("/spot")}, Confidence::low};
}

inline LineProducer spot_interruptions_producer() {
    return {"spot_interruptions", with_month({"/{platform}/spot", "/workloads/*/checkpoint_interval_minutes", "/workloads/*/restart_minutes"}), false,
            [](const CostContext& ctx, const FleetPlan& plan, Detail, Bill& bill) {
                if (auto li = spot_interruptions_line(ctx, plan)) bill.line_items.push_back(std::move(*li));
            }};
}

}  // namespace libtco::detail
