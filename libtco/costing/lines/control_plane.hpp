#pragma once
// The control-plane fee: on EKS clusters x hours x the hourly fee of their support tier; ECS's
// orchestration is free (its catalog fee says so). Sweeps evaluate the EKS fee in closed form with
// the functions below, so they are the one place its formula lives.

#include <libtco/costing/line_producer.hpp>

namespace libtco::detail {

inline Money cluster_month_cost(const Fee& fee, const Hours& hours) { return fee.usd * hours; }

inline Money eks_control_plane_cost(const Money& cluster_month, std::int64_t clusters) { return cluster_month * Decimal(clusters); }

inline Money eks_control_plane_cost(const Fee& fee, const Hours& hours, std::int64_t clusters) {
    return eks_control_plane_cost(cluster_month_cost(fee, hours), clusters);
}

inline const Fee& eks_cluster_fee(const Catalog& c, EksSupport support) {
    return c.fee(support == EksSupport::standard ? "eks_cluster_standard" : "eks_cluster_extended");
}

inline LineItem control_plane_line(const CostContext& ctx) {
    const Scenario& s = ctx.scenario;
    const Hours hours = ctx.month_hours;
    if (ctx.platform == Platform::eks) {
        const bool standard = s.eks.support == EksSupport::standard;
        const Fee& fee = eks_cluster_fee(ctx.catalog, s.eks.support);
        return cited(ctx.catalog, category::control_plane, std::string("EKS cluster fee (") + (standard ? "standard" : "extended") + " support)",
                     std::to_string(s.eks.clusters) + " cluster(s) x " + hours.to_string() + " h x " + money_text(fee.usd.value()) + "/h",
                     eks_control_plane_cost(fee, hours, s.eks.clusters), fee.source);
    }
    const Fee& fee = ctx.catalog.fee("ecs_cluster");
    return cited(ctx.catalog, category::control_plane, "ECS control plane",
                 fee.usd.value().is_zero() ? std::string("no orchestration fee") : hours.to_string() + " h x " + money_text(fee.usd.value()) + "/h",
                 fee.usd * hours, fee.source);
}

inline LineProducer control_plane_producer() {
    return {"control_plane", with_month({"/eks/clusters", "/eks/support"}), true,
            [](const CostContext& ctx, const FleetPlan&, Detail, Bill& bill) { bill.line_items.push_back(control_plane_line(ctx)); }};
}

}  // namespace libtco::detail
