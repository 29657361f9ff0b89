#pragma once
// The capacity a node of an instance type offers to replicas on a platform: EKS sees the type's
// allocatable vCPU, memory and pod limit; ECS its vCPU and its memory less the agent's reservation.

#include <libtco/catalog/catalog.hpp>
#include <libtco/core/error.hpp>
#include <libtco/costing/platform.hpp>
#include <libtco/placement/placement.hpp>
#include <libtco/scenario/scenario.hpp>

#include <optional>
#include <string>

namespace libtco::detail {

inline std::optional<NodeShape> shape_for(const InstanceType& t, Platform p, const Scenario& s, const Catalog& c, const GpuSharing& sharing) {
    NodeShape shape;
    shape.type = &t;
    if (t.has_gpus()) {
        const bool fractional = t.gpus < Decimal(1);  // g6f: one GPU of which the type offers a share
        shape.gpu_count = fractional ? 1 : t.gpus.floored(0).to_int64();
        shape.gpu.capacity = fractional ? t.gpus : Decimal(1);
        shape.gpu.memory_gib = t.gpu_memory_gib;
        const GpuModel& model = c.gpu_models.at(t.gpu_model);
        if (sharing.strategy == SharingStrategy::mig && model.mig && !model.mig->profiles.empty()) shape.gpu.mig = &*model.mig;
    }
    shape.price = t.on_demand.value_or(HourlyRate{});
    if (p == Platform::eks) {
        shape.vcpu = t.allocatable_vcpu.value_or(t.vcpu);
        shape.memory_gib = t.allocatable_memory_gib.value_or(t.memory_gib);
        if (t.max_pods) shape.pods = *t.max_pods;
    } else {
        shape.vcpu = t.vcpu;
        shape.memory_gib = t.memory_gib - s.ecs.reserved_memory_gib;
        if (shape.memory_gib.sign() <= 0) return std::nullopt;
    }
    return shape;
}

inline HourlyRate require_price(const InstanceType& t, const std::string& path) {
    if (!t.on_demand)
        throw lookup_error(errc::no_price, path,
                           "instance type \"" + t.name + "\" has no on-demand price in this catalog; give one under /instance_types/" +
                               t.name + "/on_demand_usd_per_hour");
    return *t.on_demand;
}

}  // namespace libtco::detail
