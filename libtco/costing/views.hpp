#pragma once
// What a full report shows of a planned fleet besides its lines: the plan (which replicas run on
// which node and GPU), the showback (node costs allocated to workloads) and GPU utilization.

#include <libtco/catalog/assumptions.hpp>
#include <libtco/costing/context.hpp>
#include <libtco/costing/fleet_plan.hpp>
#include <libtco/costing/purchase.hpp>
#include <libtco/costing/report.hpp>
#include <libtco/placement/mig.hpp>

#include <map>
#include <vector>

namespace libtco::detail {

// GPUs a fleet pays for (a fractional-GPU instance counts its share) and their GPU-hours.
struct GpuFleet {
    Decimal gpus;
    Decimal gpu_hours;
};

inline GpuFleet gpus_of(const std::vector<PlacedNode>& nodes) {
    GpuFleet f;
    for (const PlacedNode& n : nodes) {
        const Decimal gpus = Decimal(n.shape->gpu_count) * n.shape->gpu.capacity;
        f.gpus += gpus;
        f.gpu_hours += gpus * n.hours.value();
    }
    return f;
}

// A replica's request on a GPU: one GPU of a whole-GPU replica taken exclusively, else its share.
inline Decimal request_on_gpu(const Decimal& gpus, std::int64_t count, const GpuUse& g, const NodeShape& s) {
    if (g.exclusive) return gpus < Decimal(1) ? std::min(gpus, s.gpu.capacity) : s.gpu.capacity;
    return gpus * Decimal(count);
}

inline GpuPlan gpu_plan(const Scenario& s, const PlacedNode& n, std::size_t g) {
    const GpuUse& use = n.gpus[g];
    GpuPlan gp;
    gp.index = static_cast<std::int64_t>(g);
    gp.capacity = n.shape->gpu.capacity;
    gp.exclusive = use.exclusive;
    for (const auto& [workload, count] : use.replicas) {
        gp.replicas[s.workloads[workload].name] = count;
        gp.requested += request_on_gpu(s.workloads[workload].gpus, count, use, *n.shape);
    }
    gp.requested = std::min(gp.requested, gp.capacity);
    gp.memory_used = use.memory_used;
    if (n.shape->gpu.mig)
        if (auto layout = mig_layout(*n.shape->gpu.mig, use.mig))
            for (const MigPlacement& m : *layout) gp.mig_layout.push_back({n.shape->gpu.mig->profiles[m.profile].name, m.start});
    return gp;
}

inline std::vector<NodePlan> plan_view(const Scenario& s, const FleetPlan& plan) {
    std::vector<NodePlan> out;
    for (const PlacedNode& n : plan.nodes) {
        NodePlan p;
        p.instance_type = n.shape->type->name;
        p.hours = n.hours;
        p.given = n.given;
        p.autoscaled = n.autoscaled;
        for (const auto& [workload, count] : n.replicas) p.replicas[s.workloads[workload].name] = count;
        for (std::size_t g = 0; g < n.gpus.size(); ++g) p.gpus.push_back(gpu_plan(s, n, g));
        out.push_back(std::move(p));
    }
    return out;
}

// A node's cost split into what its GPUs, vCPUs and memory cost.
struct NodeCostSplit {
    Money gpu;
    Money cpu;
    Money memory;
};

inline NodeCostSplit split_node_cost(const NodeShape& s, const Money& cost, const Fraction& gpu_share) {
    NodeCostSplit out;
    Money rest = cost;
    if (s.gpu_count > 0) {
        out.gpu = cost * gpu_share;
        rest = cost - out.gpu;
    }
    const Decimal cpu_weight = s.vcpu * assumptions::opencost_usd_per_vcpu_hour().value;
    const Decimal memory_weight = s.memory_gib * assumptions::opencost_usd_per_gib_hour().value;
    out.cpu = rest * Fraction(cpu_weight / (cpu_weight + memory_weight));
    out.memory = rest - out.cpu;
    return out;
}

// A workload's GPU request on a node, capped so a GPU is never allocated past its capacity (ECS
// MPS places by memory, so requests on one GPU can add up to more than the GPU).
inline Decimal gpu_requested_on(const Scenario& s, const PlacedNode& n, std::size_t workload) {
    Decimal out;
    for (const GpuUse& g : n.gpus) {
        const auto mine = g.replicas.find(workload);
        if (mine == g.replicas.end()) continue;
        Decimal all;
        for (const auto& [w, count] : g.replicas) all += request_on_gpu(s.workloads[w].gpus, count, g, *n.shape);
        const Decimal own = request_on_gpu(s.workloads[workload].gpus, mine->second, g, *n.shape);
        out += all > n.shape->gpu.capacity ? own * n.shape->gpu.capacity / all : own;
    }
    return out;
}

// Node costs allocated to workloads by what they request (OpenCost's convention): a GPU node's cost
// splits into its GPUs (gpu_share_of_node_cost) and the rest by vCPU and memory at OpenCost's
// default unit-price ratio; what no replica requests is idle.
inline std::vector<ShowbackLine> showback(const CostContext& ctx, const FleetPlan& plan) {
    const Scenario& s = ctx.scenario;
    std::map<std::size_t, Money> allocated;
    Money total;
    for (const PlacedNode& n : plan.nodes) {
        const Money cost = node_cost(ctx, n);
        total += cost;
        const NodeCostSplit split = split_node_cost(*n.shape, cost, s.gpu_share_of_node_cost);
        const Decimal gpu_capacity = Decimal(n.shape->gpu_count) * n.shape->gpu.capacity;
        for (const auto& [workload, count] : n.replicas) {
            const Workload& w = s.workloads[workload];
            Money share = split.cpu * Fraction(w.vcpu * Decimal(count) / n.shape->vcpu) +
                          split.memory * Fraction(w.memory_gib * Decimal(count) / n.shape->memory_gib);
            if (gpu_capacity.sign() > 0) share += split.gpu * Fraction(gpu_requested_on(s, n, workload) / gpu_capacity);
            allocated[workload] += share;
        }
    }
    std::vector<ShowbackLine> out;
    Money sum;
    for (std::size_t i = 0; i < s.workloads.size(); ++i) {
        out.push_back({s.workloads[i].name, allocated[i]});
        sum += allocated[i];
    }
    out.push_back({"(idle)", total - sum});
    return out;
}

inline Utilization utilization(const CostContext& ctx, const FleetPlan& plan) {
    Utilization u;
    for (const Workload& w : ctx.scenario.workloads) u.gpu_hours_requested += w.gpus * replica_hours_of(ctx, w);
    const GpuFleet f = gpus_of(plan.nodes);
    u.gpus_paid = f.gpus;
    u.gpu_hours_paid = f.gpu_hours;
    return u;
}

}  // namespace libtco::detail
