#pragma once
// Each Fargate workload is billed per task (or pod) hour at its Fargate size; on ECS a share of the
// spot-tolerant x86 ones runs on Fargate Spot. EKS adds 256 MiB per pod before sizing.

#include <libtco/catalog/fargate.hpp>
#include <libtco/costing/line_producer.hpp>

namespace libtco::detail {

inline void add_fargate_lines(const CostContext& ctx, const Workload& w, const std::string& at, std::vector<LineItem>& out) {
    const Catalog& c = ctx.catalog;
    const FargatePlatform platform = ctx.platform == Platform::eks ? FargatePlatform::eks : FargatePlatform::ecs;
    const std::string arch = w.arch == "arm64" ? "arm64" : "x86_64";
    const FargateSize size = fargate_size_for(w.vcpu, w.memory_gib, platform, at);
    const FargateRate rate = fargate_rate(c, size, arch, at);
    const Hours hours(replica_hours_of(ctx, w));
    const std::vector<std::string> sources{rate.vcpu_source, rate.memory_source};
    const Confidence confidence = std::min(c.confidence_of(rate.vcpu_source), c.confidence_of(rate.memory_source));
    const std::string sized = " (" + size.vcpu.to_string() + " vCPU, " + size.memory_gb.to_string() + " GB)";
    const bool spot = ctx.platform == Platform::ecs && w.spot_tolerant && fargate_spot_available(platform, arch);
    const Fraction on_spot = spot ? ctx.scenario.ecs.fargate_spot_share : Fraction{};
    const Fraction on_demand(Decimal(1) - on_spot.value());
    if (on_demand.value().sign() > 0)
        out.push_back({category::fargate, "Fargate: " + w.name,
                       hours.to_string() + " task-hours" + (on_spot.value().sign() > 0 ? " x " + percent_text(on_demand.value()) : "") + " x " +
                           money_text(rate.usd_per_hour.value()) + "/h" + sized,
                       rate.usd_per_hour * hours * on_demand, sources, confidence});
    if (on_spot.value().sign() > 0) {
        const HourlyRate spot_rate = fargate_spot_rate(c, rate);
        const Share& discount = c.share("fargate_spot_discount");
        out.push_back({category::fargate, "Fargate Spot: " + w.name,
                       hours.to_string() + " task-hours x " + percent_text(on_spot.value()) + " x " + money_text(spot_rate.value()) + "/h" + sized,
                       spot_rate * hours * on_spot, {discount.source}, std::min(confidence, c.confidence_of(discount.source))});
    }
}

inline std::vector<LineItem> fargate_lines(const CostContext& ctx) {
    std::vector<LineItem> out;
    for (std::size_t i = 0; i < ctx.scenario.workloads.size(); ++i)
        if (ctx.scenario.workloads[i].fargate) add_fargate_lines(ctx, ctx.scenario.workloads[i], "/workloads/" + std::to_string(i), out);
    return out;
}

inline LineProducer fargate_producer() {
    return {"fargate",
            with_month({"/workloads/*/fargate", "/workloads/*/vcpu", "/workloads/*/memory_gib", "/workloads/*/arch", "/workloads/*/spot_tolerant",
                        "/workloads/*/replicas", "/workloads/*/hours", "/workloads/*/demand", "/{platform}/scale_to_zero", "/ecs/fargate_spot_share"}),
            false, [](const CostContext& ctx, const FleetPlan&, Detail, Bill& bill) {
                for (LineItem& li : fargate_lines(ctx)) bill.line_items.push_back(std::move(li));
            }};
}

}  // namespace libtco::detail
