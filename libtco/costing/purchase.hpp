#pragma once
// How a placed node's hours are bought (spot, on-demand), what the node costs, and the fleet's
// instances grouped as a bill lists them.

#include <libtco/catalog/catalog.hpp>
#include <libtco/costing/context.hpp>
#include <libtco/costing/report.hpp>
#include <libtco/placement/placement.hpp>

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace libtco::detail {

// On spot: the platform's share of a spot-eligible node less what falls back to on-demand; the
// rest on-demand. A type without a spot figure runs on-demand.
struct PurchaseSlice {
    const char* purchase;
    Fraction share;
    HourlyRate rate;
    std::string source;
};

inline std::vector<PurchaseSlice> purchase_slices(const CostContext& ctx, const PlacedNode& n) {
    const InstanceType& t = *n.shape->type;
    const auto quote = n.spot_eligible ? ctx.catalog.spot_quote(t) : std::nullopt;
    if (!quote) return {{"on-demand", Fraction(Decimal(1)), n.shape->price, t.price_source}};
    const SpotPolicy& spot = ctx.spec.spot;
    const Fraction on_spot = spot.share * Fraction(Decimal(1) - spot.fallback().value());
    std::vector<PurchaseSlice> out{{"spot", on_spot, quote->price, quote->source}};
    if (on_spot.value() < Decimal(1)) out.push_back({"on-demand", Fraction(Decimal(1) - on_spot.value()), n.shape->price, t.price_source});
    return out;
}

inline Money node_cost(const CostContext& ctx, const PlacedNode& n) {
    Money total;
    for (const PurchaseSlice& slice : purchase_slices(ctx, n)) total += slice.rate * n.hours * slice.share;
    return total;
}

// Whether instance groups say which workloads run on them: a report shows it, no amount needs it.
enum class Detail { totals, report };

// Given first, then autoscaled, then type name, then hours (longest first), then purchase and share.
inline std::vector<InstanceGroup> group_instances(const CostContext& ctx, const std::vector<PlacedNode>& nodes, Detail detail) {
    std::map<std::tuple<bool, bool, std::string, Decimal, std::string, Decimal>, InstanceGroup> groups;
    for (const PlacedNode& n : nodes) {
        const InstanceType& t = *n.shape->type;
        for (const PurchaseSlice& slice : purchase_slices(ctx, n)) {
            InstanceGroup& g = groups[{!n.given, n.autoscaled, t.name, -n.hours.value(), slice.purchase, -slice.share.value()}];
            g.autoscaled = n.autoscaled;
            g.instance_type = t.name;
            g.hours = n.hours;
            g.given = n.given;
            g.purchase = slice.purchase;
            g.share = slice.share;
            g.usd_per_hour = slice.rate;
            g.price_source = slice.source;
            ++g.count;
            if (detail == Detail::report)
                for (const auto& [workload, count] : n.replicas) g.replicas[ctx.scenario.workloads[workload].name] += count;
        }
    }
    std::vector<InstanceGroup> out;
    for (auto& [key, g] : groups) {
        g.amount = g.usd_per_hour * g.hours * Decimal(g.count) * g.share;
        out.push_back(std::move(g));
    }
    return out;
}

}  // namespace libtco::detail
