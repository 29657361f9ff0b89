#pragma once
// EKS Auto Mode's management fee on every instance-hour: as published, or with the reported
// 2026-07 cut for GPU families the catalog holds a share for.

#include <libtco/costing/line_producer.hpp>

#include <optional>
#include <set>

namespace libtco::detail {

inline std::optional<PublishedFee> auto_mode_fee_of(const CostContext& ctx, const InstanceType& t) {
    const Catalog& c = ctx.catalog;
    const AutoModeFeeBasis basis = ctx.scenario.eks.auto_mode_fee;
    std::string share = "eks_auto_mode_fee";
    if (basis == AutoModeFeeBasis::gpu_cut_2026_07 && t.has_gpus() && !t.family.empty()) {
        const std::string variant = std::string("eks_auto_mode_fee_") + t.family[0] + "_2026_07";
        if (c.shares.count(variant)) share = variant;
    }
    if (basis == AutoModeFeeBasis::published || share == "eks_auto_mode_fee") return c.eks_auto_mode_fee(t);
    return PublishedFee{*t.on_demand * c.share(share).value, c.share(share).source, ""};
}

inline std::optional<LineItem> auto_mode_fee_line(const CostContext& ctx, const FleetPlan& plan) {
    if (ctx.platform != Platform::eks || !ctx.scenario.eks.auto_mode) return std::nullopt;
    Money amount;
    std::set<std::string> sources;
    for (const PlacedNode& n : plan.nodes) {
        const auto fee = auto_mode_fee_of(ctx, *n.shape->type);
        if (!fee) continue;
        amount += fee->usd * n.hours;
        sources.insert(fee->source);
    }
    const std::vector<std::string> cited(sources.begin(), sources.end());
    const bool published = ctx.scenario.eks.auto_mode_fee == AutoModeFeeBasis::published;
    return LineItem{category::management, "EKS Auto Mode fee",
                    std::string("per instance-hour, ") + (published ? "as published (12% of on-demand)" : "with the reported 2026-07 GPU-family cut"),
                    amount, cited, weakest_of(ctx.catalog, cited)};
}

inline LineProducer management_producer() {
    return {"management", {"/eks/auto_mode", "/eks/auto_mode_fee"}, false, [](const CostContext& ctx, const FleetPlan& plan, Detail, Bill& bill) {
                if (auto li = auto_mode_fee_line(ctx, plan)) bill.line_items.push_back(std::move(*li));
            }};
}

}  // namespace libtco::detail
