#pragma once
// The fleet a platform runs, decided once: the node shapes of the allowed instance types, the given
// nodes, the replicas packed on new nodes (spot-tolerant ones on nodes of their own, so those can be
// bought on spot) and, for workloads that follow a demand profile, a fleet for each distinct mix of
// replica counts. An immutable value: every cost line is worked out from it and the context, and
// sweeps share one plan read-only between threads.
//
// `fleet_plan_reads()` lists the scenario values the plan depends on (see costing/reads.hpp): a
// parameter among them moves the plan, so a sweep must place again; any other leaves it as it is.

#include <libtco/catalog/catalog.hpp>
#include <libtco/core/error.hpp>
#include <libtco/costing/context.hpp>
#include <libtco/costing/node_shapes.hpp>
#include <libtco/placement/placement.hpp>

#include <algorithm>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace libtco::detail {

// A replica mix: the replicas of each profiled workload (in workload order) in one hour kind.
using ReplicaMix = std::vector<std::int64_t>;

struct FleetPlan {
    FleetPlan() = default;
    FleetPlan(FleetPlan&&) = default;
    FleetPlan& operator=(FleetPlan&&) = default;
    FleetPlan(const FleetPlan&) = delete;  // the nodes point into this plan's own shapes
    FleetPlan& operator=(const FleetPlan&) = delete;

    std::deque<NodeShape> shapes;  // deque: stable addresses for the pointers below
    std::deque<NodeShape> given_shapes;
    std::vector<const NodeShape*> allowed;
    std::vector<PlacedNode> nodes;  // given, then packed, then autoscaled
    std::vector<ReplicaMix> mix_at;  // the profiled workloads' mix in each of the hour_kinds
    std::map<ReplicaMix, std::map<std::string, std::int64_t>> nodes_in_mix;  // mix -> autoscaled nodes by type
    std::map<std::string, HourlyRate> autoscaled_prices;  // of the types autoscaled nodes use
};

// "{platform}" stands for the platform's own key (eks or ecs); "*" for any one token.
inline const std::vector<std::string>& fleet_plan_reads() {
    static const std::vector<std::string> reads{
        "/region", "/catalog", "/month", "/hours_basis", "/assumptions/aws_hours_per_month", "/price_overlay", "/instance_types",
        "/workloads/*/replicas", "/workloads/*/demand", "/workloads/*/gpus", "/workloads/*/gpu_memory_gib", "/workloads/*/vcpu",
        "/workloads/*/memory_gib", "/workloads/*/hours", "/workloads/*/gpu_models", "/workloads/*/arch", "/workloads/*/spot_tolerant",
        "/workloads/*/fargate", "/{platform}/node_types", "/{platform}/nodes", "/{platform}/gpu_sharing", "/{platform}/replicas_per_gpu",
        "/{platform}/time_slicing_efficiency", "/{platform}/spot/share", "/{platform}/autoscaler", "/{platform}/scale_to_zero",
        "/ecs/reserved_memory_gib"};
    return reads;
}

inline std::string describe_demand(const Workload& w) {
    std::string out = w.gpus.to_string() + " GPU";
    if (w.gpus.sign() > 0 && w.gpus < Decimal(1)) out = w.gpus.to_string() + " of a GPU";
    if (w.gpu_memory_gib.sign() > 0) out += " (" + w.gpu_memory_gib.to_string() + " GiB each)";
    if (w.arch != "any") out += " on " + w.arch;
    if (!w.gpu_models.empty()) {
        out += " of model ";
        for (std::size_t i = 0; i < w.gpu_models.size(); ++i) out += (i ? "/" : "") + w.gpu_models[i];
    }
    return out + ", " + w.vcpu.to_string() + " vCPU, " + w.memory_gib.to_string() + " GiB";
}

inline std::vector<const NodeShape*> pointers_to(const std::deque<NodeShape>& shapes) {
    std::vector<const NodeShape*> out;
    for (const NodeShape& s : shapes) out.push_back(&s);
    return out;
}

inline std::vector<const NodeShape*> types_used(const std::vector<PlacedNode>& nodes) {
    std::vector<const NodeShape*> out;
    for (const PlacedNode& n : nodes)
        if (std::find(out.begin(), out.end(), n.shape) == out.end()) out.push_back(n.shape);
    return out;
}

inline void append(std::vector<PlacedNode>& to, std::vector<PlacedNode> nodes) {
    to.insert(to.end(), std::make_move_iterator(nodes.begin()), std::make_move_iterator(nodes.end()));
}

// Builds one FleetPlan; used once, by plan_fleet.
class FleetPlanner {
public:
    explicit FleetPlanner(const CostContext& ctx) : ctx_(ctx), s_(ctx.scenario), spec_(ctx.spec) {}

    FleetPlan run() && {
        add_allowed_shapes();
        const std::vector<PlacedNode> given = given_nodes();
        std::vector<ReplicaClass> classes = placed_classes();
        std::sort(classes.begin(), classes.end(), larger_class);  // fill the given capacity largest first
        plan_.nodes = given;
        place_steady(classes, plan_.nodes);
        std::vector<std::size_t> profiled;
        for (const ReplicaClass& r : classes)
            if (s_.workloads[r.workload].demand) profiled.push_back(r.workload);
        std::sort(profiled.begin(), profiled.end());
        place_profiled(profiled);
        return std::move(plan_);
    }

private:
    void add_allowed_shapes() {
        if (spec_.node_types.empty()) {
            for (const auto& [name, t] : ctx_.catalog.instance_types)
                if (t.on_demand)
                    if (auto shape = shape_for(t, ctx_.platform, s_, ctx_.catalog, ctx_.sharing)) plan_.shapes.push_back(*shape);
        } else {
            for (std::size_t i = 0; i < spec_.node_types.size(); ++i) {
                const std::string at = ctx_.path("/node_types/" + std::to_string(i));
                const InstanceType& t = ctx_.catalog.instance_type(spec_.node_types[i], at);
                require_price(t, at);
                if (auto shape = shape_for(t, ctx_.platform, s_, ctx_.catalog, ctx_.sharing)) plan_.shapes.push_back(*shape);
            }
        }
        plan_.allowed = pointers_to(plan_.shapes);
    }

    std::vector<PlacedNode> given_nodes() {
        std::vector<PlacedNode> out;
        for (std::size_t i = 0; i < spec_.nodes.size(); ++i) {
            const NodeGroup& g = spec_.nodes[i];
            const std::string at = ctx_.path("/nodes/" + std::to_string(i) + "/instance_type");
            const InstanceType& t = ctx_.catalog.instance_type(g.instance_type, at);
            require_price(t, at);
            auto shape = shape_for(t, ctx_.platform, s_, ctx_.catalog, ctx_.sharing);
            if (!shape) throw validation_error(errc::out_of_range, at, "instance type \"" + t.name + "\" has no memory left after the ECS reservation");
            plan_.given_shapes.push_back(*shape);
            for (std::int64_t k = 0; k < g.count; ++k) out.push_back(open_node(plan_.given_shapes.back(), g.hours.value_or(ctx_.month_hours), true));
        }
        return out;
    }

    ReplicaClass class_of(std::size_t i) const {
        const Workload& w = s_.workloads[i];
        return {i, w.replicas, w.gpus, w.gpu_memory_gib, w.vcpu, w.memory_gib, &w.gpu_models, &w.arch, w.hours.value_or(ctx_.month_hours)};
    }

    bool fits_somewhere(const ReplicaClass& r, const std::vector<const NodeShape*>& shapes) const {
        return std::any_of(shapes.begin(), shapes.end(), [&](const NodeShape* sh) {
            const auto need = need_on(r, *sh, ctx_.sharing);
            return need && capacity_of(*sh, r, *need) > 0;
        });
    }

    std::string node_types_note(const std::string& before) const {
        return spec_.node_types.empty() ? "" : before + ctx_.path("/node_types");
    }

    // MIG is asked for but the workload may only use GPUs without it: say so rather than "fits nothing".
    void require_mig_capable(const ReplicaClass& r, const std::vector<const NodeShape*>& shapes) const {
        if (ctx_.sharing.strategy != SharingStrategy::mig || r.gpus.is_zero() || r.gpus >= Decimal(1)) return;
        const bool any_mig = std::any_of(shapes.begin(), shapes.end(), [&](const NodeShape* sh) {
            return sh->gpu.mig && arch_allowed(r, *sh) && gpu_model_allowed(r, *sh);
        });
        if (any_mig) return;
        const Workload& w = s_.workloads[r.workload];
        std::string models;
        for (const std::string& m : w.gpu_models) models += (models.empty() ? "" : ", ") + m;
        const std::string at = "/workloads/" + std::to_string(r.workload) + (w.gpu_models.empty() ? "" : "/gpu_models");
        throw validation_error(errc::inconsistent, at,
                               "MIG (" + ctx_.path("/gpu_sharing") + ") needs a MIG-capable GPU with known profiles (A100-40GB, A100-80GB, H100, H200), but \"" +
                                   w.name + "\" may only use " + (models.empty() ? "instance types without one" : models) + node_types_note(" among "));
    }

    // The classes placed on instances (Fargate workloads are priced per task), each checked to fit.
    std::vector<ReplicaClass> placed_classes() const {
        const std::vector<const NodeShape*> given = pointers_to(plan_.given_shapes);
        std::vector<const NodeShape*> every = plan_.allowed;
        every.insert(every.end(), given.begin(), given.end());
        std::vector<ReplicaClass> classes;
        for (std::size_t i = 0; i < s_.workloads.size(); ++i) {
            if (s_.workloads[i].fargate) continue;
            ReplicaClass r = class_of(i);
            require_mig_capable(r, every);
            if (!fits_somewhere(r, plan_.allowed) && !fits_somewhere(r, given))
                throw placement_error(errc::unplaceable_replica, "/workloads/" + std::to_string(i),
                                      "a replica of \"" + s_.workloads[i].name + "\" needs " + describe_demand(s_.workloads[i]) +
                                          " with gpu_sharing " + to_string(ctx_.sharing.strategy) + ", which fits none of the " +
                                          std::to_string(plan_.allowed.size()) + " instance types allowed on " + platform_label(ctx_.platform) +
                                          (spec_.node_types.empty() ? "" : " (" + ctx_.path("/node_types") + ")"));
            classes.push_back(r);
        }
        return classes;
    }

    bool spot_eligible(std::size_t workload) const { return spec_.spot.used() && s_.workloads[workload].spot_tolerant; }

    // Steady classes fill the given nodes first; the rest is packed by hours and spot eligibility.
    void place_steady(std::vector<ReplicaClass>& classes, std::vector<PlacedNode>& nodes) const {
        const std::size_t given = nodes.size();
        std::map<std::pair<Hours, bool>, std::vector<ReplicaClass>> remaining;
        for (ReplicaClass& r : classes) {
            if (s_.workloads[r.workload].demand) continue;
            for (std::size_t i = 0; i < given && r.count > 0; ++i) {
                PlacedNode& n = nodes[i];
                if (n.hours < r.hours) continue;
                if (const auto need = need_on(r, *n.shape, ctx_.sharing)) r.count -= place_on(n, r, *need, r.count);
            }
            if (r.count == 0) continue;
            // Without given nodes placed_classes() already showed an allowed type fits.
            if (given > 0 && !fits_somewhere(r, plan_.allowed))
                throw placement_error(errc::unplaceable_replica, "/workloads/" + std::to_string(r.workload),
                                      "the given " + std::string(platform_label(ctx_.platform)) +
                                          " nodes are full and no allowed instance type fits a replica of \"" + s_.workloads[r.workload].name + "\"");
            remaining[{r.hours, spot_eligible(r.workload)}].push_back(r);
        }
        for (auto& [key, group] : remaining) {
            std::vector<PlacedNode> packed = pack_classes(group, plan_.allowed, key.first, ctx_.sharing);
            for (PlacedNode& n : packed) n.spot_eligible = key.second;
            append(nodes, std::move(packed));
        }
    }

    // Each distinct mix of replica counts is placed once, on nodes running as many hours as the
    // month spends in that mix; Karpenter picks any allowed type each time, Cluster Autoscaler's
    // node groups only the types of the busiest mix.
    void place_profiled(const std::vector<std::size_t>& profiled) {
        if (profiled.empty()) return;
        std::map<ReplicaMix, std::pair<std::int64_t, std::int64_t>> hours_of_day;  // mix -> hours of a weekday, of a weekend day
        ReplicaMix busiest(profiled.size(), 0);
        for (std::size_t kind = 0; kind < hour_kinds; ++kind) {
            ReplicaMix mix;
            for (std::size_t k = 0; k < profiled.size(); ++k) {
                mix.push_back(replicas_at(ctx_, s_.workloads[profiled[k]], kind));
                busiest[k] = std::max(busiest[k], mix.back());
            }
            auto& [weekday, weekend] = hours_of_day[mix];
            ++(kind < hours_per_day ? weekday : weekend);
            plan_.mix_at.push_back(mix);
        }
        std::map<ReplicaMix, Decimal> slot_hours;  // rounded once per mix
        for (const auto& [mix, counts] : hours_of_day) slot_hours[mix] = per_day_sum(ctx_.days, counts.first, counts.second);
        std::vector<const NodeShape*> allowed = plan_.allowed;
        if (spec_.autoscaling.autoscaler == Autoscaler::cluster_autoscaler) allowed = types_used(pack_mix(profiled, busiest, Hours(Decimal(1)), allowed));
        for (const auto& [mix, hours] : slot_hours) {
            if (hours.is_zero()) continue;
            std::vector<PlacedNode> nodes = pack_mix(profiled, mix, Hours(hours), allowed);
            std::map<std::string, std::int64_t>& count = plan_.nodes_in_mix[mix];
            for (PlacedNode& n : nodes) {
                n.autoscaled = true;
                ++count[n.shape->type->name];
                plan_.autoscaled_prices[n.shape->type->name] = n.shape->price;
            }
            append(plan_.nodes, std::move(nodes));
        }
    }

    std::vector<PlacedNode> pack_mix(const std::vector<std::size_t>& profiled, const ReplicaMix& mix, const Hours& hours,
                                     const std::vector<const NodeShape*>& allowed) const {
        std::vector<PlacedNode> out;
        for (const bool spot : {false, true}) {
            std::vector<ReplicaClass> group;
            for (std::size_t k = 0; k < profiled.size(); ++k) {
                if (mix[k] == 0 || spot_eligible(profiled[k]) != spot) continue;
                ReplicaClass r = class_of(profiled[k]);
                r.count = mix[k];
                r.hours = hours;
                group.push_back(r);
            }
            if (group.empty()) continue;
            std::vector<PlacedNode> nodes = pack_classes(group, allowed, hours, ctx_.sharing);
            for (PlacedNode& n : nodes) n.spot_eligible = spot;
            append(out, std::move(nodes));
        }
        return out;
    }

    const CostContext& ctx_;
    const Scenario& s_;
    const PlatformSpec& spec_;
    FleetPlan plan_;
};

inline FleetPlan plan_fleet(const CostContext& ctx) { return FleetPlanner(ctx).run(); }

}  // namespace libtco::detail
