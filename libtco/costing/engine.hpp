#pragma once
// The monthly comparison: for each platform, the control-plane fee, the compute fleet that runs the
// workloads (placed on the allowed instance types plus any capacity given), and the staff time the
// platform takes; then the difference.

#include <libtco/catalog/catalog.hpp>
#include <libtco/catalog/fargate.hpp>
#include <libtco/catalog/price_overlay.hpp>
#include <libtco/placement/placement.hpp>
#include <libtco/costing/report.hpp>
#include <libtco/scenario/scenario.hpp>

#include <deque>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace libtco {

inline constexpr std::int64_t months_per_year = 12;

namespace detail {

enum class Platform { eks, ecs };
inline const char* platform_key(Platform p) { return p == Platform::eks ? "eks" : "ecs"; }
inline const char* platform_label(Platform p) { return p == Platform::eks ? "EKS" : "ECS"; }

// The capacity a node of this type offers to replicas on the platform.
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

// The staff time a platform takes in a month: its share of the team's loaded cost. Sweeps evaluate
// this same function in closed form, so it is the one place the formula lives.
inline Money annual_team_cost(const Team& team) { return team.loaded_cost_per_engineer_year * team.engineers; }

inline Money operations_cost(const Money& annual_team_cost, const Fraction& ops_share) {
    return annual_team_cost * ops_share / Decimal(months_per_year);
}

inline Money operations_cost(const Team& team, const Fraction& ops_share) { return operations_cost(annual_team_cost(team), ops_share); }

// The EKS control-plane fee in a month: clusters x (hours x the hourly fee of their support tier).
inline Money cluster_month_cost(const Fee& fee, const Hours& hours) { return fee.usd * hours; }

inline Money eks_control_plane_cost(const Money& cluster_month, std::int64_t clusters) { return cluster_month * Decimal(clusters); }

inline Money eks_control_plane_cost(const Fee& fee, const Hours& hours, std::int64_t clusters) {
    return eks_control_plane_cost(cluster_month_cost(fee, hours), clusters);
}

inline const Fee& eks_cluster_fee(const Catalog& c, EksSupport support) {
    return c.fee(support == EksSupport::standard ? "eks_cluster_standard" : "eks_cluster_extended");
}

class PlatformCosting {
public:
    PlatformCosting(const Scenario& s, const Catalog& c, Platform p, const GpuSharing& sharing)
        : s_(s), c_(c), p_(p), spec_(spec_of(s, p)), sharing_(sharing), days_(month_days(s.hours_basis, s.month, s.aws_hours_per_month)) {}

    PlatformReport run() {
        PlatformReport report;
        report.platform = platform_key(p_);
        report.gpu_sharing = sharing_;
        add_line_items(report);
        report.placement = plan();
        report.showback = showback();
        report.utilization = utilization();
        return report;
    }

    // Only what the lines add up to (no plan, showback or utilization): what sweeps need.
    Money total() {
        totals_only_ = true;
        PlatformReport report;
        add_line_items(report);
        return report.total();
    }

    // Only the fleet: what compute costs and how many GPUs it pays for.
    std::pair<Money, GpuFleet> fleet() {
        build_allowed_shapes();
        place();
        Money total;
        for (const PlacedNode& n : placed_) total += node_cost(n);
        return {total, gpus_of(placed_)};
    }

private:
    void add_line_items(PlatformReport& report) {
        report.line_items.push_back(control_plane());
        build_allowed_shapes();
        place();
        for (InstanceGroup& g : group_instances()) {
            report.line_items.push_back(compute_line(g));
            report.instances.push_back(std::move(g));
        }
        for (LineItem& li : fargate_lines()) report.line_items.push_back(std::move(li));
        if (auto lost = spot_interruptions()) report.line_items.push_back(*lost);
        for (LineItem& li : autoscaling_idle()) report.line_items.push_back(std::move(li));
        for (LineItem& li : commitment_lines(report.instances)) report.line_items.push_back(std::move(li));
        if (auto fee = auto_mode_fee()) report.line_items.push_back(*fee);
        for (LineItem& li : extra_items()) report.line_items.push_back(std::move(li));
        report.line_items.push_back(operations());
    }

    static const PlatformSpec& spec_of(const Scenario& s, Platform p) {
        return p == Platform::eks ? static_cast<const PlatformSpec&>(s.eks) : static_cast<const PlatformSpec&>(s.ecs);
    }
    std::string path(const std::string& rest) const { return std::string("/") + platform_key(p_) + rest; }

    LineItem control_plane() const {
        const Hours hours = s_.month_hours();
        if (p_ == Platform::eks) {
            const bool standard = s_.eks.support == EksSupport::standard;
            const Fee& fee = eks_cluster_fee(c_, s_.eks.support);
            const Money amount = eks_control_plane_cost(fee, hours, s_.eks.clusters);
            return cited(category::control_plane, std::string("EKS cluster fee (") + (standard ? "standard" : "extended") + " support)",
                          std::to_string(s_.eks.clusters) + " cluster(s) x " + hours.to_string() + " h x " + money_text(fee.usd.value()) + "/h",
                          amount, fee.source);
        }
        const Fee& fee = c_.fee("ecs_cluster");
        return cited(category::control_plane, "ECS control plane",
                      fee.usd.value().is_zero() ? std::string("no orchestration fee") : hours.to_string() + " h x " + money_text(fee.usd.value()) + "/h",
                      fee.usd * hours, fee.source);
    }

    // The weakest confidence among catalog sources (high when there are none).
    Confidence weakest_of(const std::vector<std::string>& sources) const {
        Confidence weakest = Confidence::high;
        for (const std::string& src : sources) weakest = std::min(weakest, c_.confidence_of(src));
        return weakest;
    }

    LineItem cited(const char* cat, std::string item, std::string detail, Money amount, const std::string& source) const {
        return {cat, std::move(item), std::move(detail), amount, {source}, c_.confidence_of(source)};
    }

    LineItem operations() const {
        const Money amount = operations_cost(s_.team, spec_.ops_share);
        const Assumption share = p_ == Platform::eks ? assumptions::eks_ops_share() : assumptions::ecs_ops_share();
        LineItem item{category::operations, std::string(platform_label(p_)) + " operations (staff time)",
                      spec_.ops_share.to_string() + " x " + s_.team.engineers.to_string() + " engineers x " +
                          money_text(s_.team.loaded_cost_per_engineer_year.value()) + "/year / " + std::to_string(months_per_year),
                      amount, {}, Confidence::low};
        // The default share is the model's weak assumption; a share the team gives is its own figure.
        item.sources = {share.name};
        item.confidence = spec_.ops_share.value() == share.default_value ? share.confidence : Confidence::high;
        return item;
    }

    void build_allowed_shapes() {
        if (spec_.node_types.empty()) {
            for (const auto& [name, t] : c_.instance_types)
                if (t.on_demand)
                    if (auto shape = shape_for(t, p_, s_, c_, sharing_)) shapes_.push_back(*shape);
        } else {
            for (std::size_t i = 0; i < spec_.node_types.size(); ++i) {
                const std::string at = path("/node_types/" + std::to_string(i));
                const InstanceType& t = c_.instance_type(spec_.node_types[i], at);
                require_price(t, at);
                if (auto shape = shape_for(t, p_, s_, c_, sharing_)) shapes_.push_back(*shape);
            }
        }
        for (const NodeShape& shape : shapes_) allowed_.push_back(&shape);
    }

    void open_given_nodes() {
        for (std::size_t i = 0; i < spec_.nodes.size(); ++i) {
            const NodeGroup& g = spec_.nodes[i];
            const std::string at = path("/nodes/" + std::to_string(i) + "/instance_type");
            const InstanceType& t = c_.instance_type(g.instance_type, at);
            require_price(t, at);
            auto shape = shape_for(t, p_, s_, c_, sharing_);
            if (!shape) throw validation_error(errc::out_of_range, at, "instance type \"" + t.name + "\" has no memory left after the ECS reservation");
            given_shapes_.push_back(*shape);
            for (std::int64_t k = 0; k < g.count; ++k)
                given_.push_back(open_node(given_shapes_.back(), g.hours.value_or(s_.month_hours()), true));
        }
    }

    ReplicaClass class_of(std::size_t i) const {
        const Workload& w = s_.workloads[i];
        return {i, w.replicas, w.gpus, w.gpu_memory_gib, w.vcpu, w.memory_gib, &w.gpu_models, &w.arch, w.hours.value_or(s_.month_hours())};
    }

    bool fits_somewhere(const ReplicaClass& r, const std::vector<const NodeShape*>& shapes) const {
        return std::any_of(shapes.begin(), shapes.end(), [&](const NodeShape* sh) {
            const auto need = need_on(r, *sh, sharing_);
            return need && capacity_of(*sh, r, *need) > 0;
        });
    }

    // MIG is asked for but the workload may only use GPUs without it: say so rather than "fits nothing".
    void require_mig_capable(const ReplicaClass& r, const std::vector<const NodeShape*>& shapes) const {
        if (sharing_.strategy != SharingStrategy::mig || r.gpus.is_zero() || r.gpus >= Decimal(1)) return;
        const bool any_mig = std::any_of(shapes.begin(), shapes.end(), [&](const NodeShape* sh) {
            return sh->gpu.mig && arch_allowed(r, *sh) && gpu_model_allowed(r, *sh);
        });
        if (any_mig) return;
        const Workload& w = s_.workloads[r.workload];
        std::string models;
        for (const std::string& m : w.gpu_models) models += (models.empty() ? "" : ", ") + m;
        const std::string at = "/workloads/" + std::to_string(r.workload) + (w.gpu_models.empty() ? "" : "/gpu_models");
        throw validation_error(errc::inconsistent, at,
                               "MIG (" + path("/gpu_sharing") + ") needs a MIG-capable GPU with known profiles (A100-40GB, A100-80GB, H100, H200), but \"" +
                                   w.name + "\" may only use " + (models.empty() ? "instance types without one" : models) +
                                   (spec_.node_types.empty() ? "" : " among " + path("/node_types")));
    }

    void place() {
        open_given_nodes();
        std::vector<const NodeShape*> given_shapes;
        for (const NodeShape& sh : given_shapes_) given_shapes.push_back(&sh);
        std::vector<ReplicaClass> classes;
        for (std::size_t i = 0; i < s_.workloads.size(); ++i) {
            if (s_.workloads[i].fargate) continue;  // priced per task, not placed on instances
            ReplicaClass r = class_of(i);
            std::vector<const NodeShape*> every = allowed_;
            every.insert(every.end(), given_shapes.begin(), given_shapes.end());
            require_mig_capable(r, every);
            if (!fits_somewhere(r, allowed_) && !fits_somewhere(r, given_shapes))
                throw placement_error(errc::unplaceable_replica, "/workloads/" + std::to_string(i),
                                      "a replica of \"" + s_.workloads[i].name + "\" needs " + describe_demand(s_.workloads[i]) +
                                          " with gpu_sharing " + to_string(sharing_.strategy) + ", which fits none of the " +
                                          std::to_string(allowed_.size()) + " instance types allowed on " + platform_label(p_) +
                                          (spec_.node_types.empty() ? "" : " (" + path("/node_types") + ")"));
            classes.push_back(r);
        }
        // Fill the given capacity first, largest classes first; what is left is grouped by hours.
        std::sort(classes.begin(), classes.end(), larger_class);
        // Spot-tolerant workloads run on nodes of their own, so those nodes can be bought on spot.
        std::map<std::pair<Hours, bool>, std::vector<ReplicaClass>> remaining;
        std::vector<std::size_t> profiled;
        for (ReplicaClass& r : classes) {
            if (s_.workloads[r.workload].demand) {
                profiled.push_back(r.workload);
                continue;
            }
            for (PlacedNode& n : given_) {
                if (r.count == 0) break;
                if (n.hours < r.hours) continue;
                if (const auto need = need_on(r, *n.shape, sharing_)) r.count -= place_on(n, r, *need, r.count);
            }
            if (r.count == 0) continue;
            // Without given nodes the check above already showed an allowed type fits.
            if (!given_.empty() && !fits_somewhere(r, allowed_))
                throw placement_error(errc::unplaceable_replica, "/workloads/" + std::to_string(r.workload),
                                      "the given " + std::string(platform_label(p_)) + " nodes are full and no allowed instance type fits a replica of \"" +
                                          s_.workloads[r.workload].name + "\"");
            remaining[{r.hours, spot_eligible(r.workload)}].push_back(r);
        }
        placed_ = given_;
        for (auto& [key, group] : remaining) {
            std::vector<PlacedNode> nodes = pack_classes(group, allowed_, key.first, sharing_);
            for (PlacedNode& n : nodes) n.spot_eligible = key.second;
            placed_.insert(placed_.end(), std::make_move_iterator(nodes.begin()), std::make_move_iterator(nodes.end()));
        }
        std::sort(profiled.begin(), profiled.end());
        place_profiled(profiled);
    }

    // --- Fargate -------------------------------------------------------------------------------
    // A workload's replica-hours in the month: its profile's, or replicas x its hours.
    Decimal replica_hours_of(const Workload& w) const {
        if (!w.demand) return Decimal(w.replicas) * w.hours.value_or(s_.month_hours()).value();
        DemandProfile effective = *w.demand;
        for (std::size_t kind = 0; kind < hour_kinds; ++kind)
            (kind < hours_per_day ? effective.weekday[kind] : effective.weekend[kind - hours_per_day]) = replicas_at(w, kind);
        return replica_hours(effective, days_);
    }

    // Each Fargate workload is billed per task (or pod) hour at its Fargate size; on ECS a share of
    // the spot-tolerant x86 ones runs on Fargate Spot. EKS adds 256 MiB per pod before sizing.
    std::vector<LineItem> fargate_lines() const {
        std::vector<LineItem> out;
        const FargatePlatform platform = p_ == Platform::eks ? FargatePlatform::eks : FargatePlatform::ecs;
        for (std::size_t i = 0; i < s_.workloads.size(); ++i) {
            const Workload& w = s_.workloads[i];
            if (!w.fargate) continue;
            const std::string at = "/workloads/" + std::to_string(i);
            const std::string arch = w.arch == "arm64" ? "arm64" : "x86_64";
            const FargateSize size = fargate_size_for(w.vcpu, w.memory_gib, platform, at);
            const FargateRate rate = fargate_rate(c_, size, arch, at);
            const Hours hours(replica_hours_of(w));
            const std::vector<std::string> sources{rate.vcpu_source, rate.memory_source};
            const Confidence confidence = std::min(c_.confidence_of(rate.vcpu_source), c_.confidence_of(rate.memory_source));
            const std::string sized = " (" + size.vcpu.to_string() + " vCPU, " + size.memory_gb.to_string() + " GB)";
            const Fraction on_spot = p_ == Platform::ecs && w.spot_tolerant && fargate_spot_available(platform, arch) ? s_.ecs.fargate_spot_share : Fraction{};
            const Fraction on_demand(Decimal(1) - on_spot.value());
            if (on_demand.value().sign() > 0)
                out.push_back({category::fargate, "Fargate: " + w.name,
                               hours.to_string() + " task-hours" + (on_spot.value().sign() > 0 ? " x " + percent_text(on_demand.value()) : "") +
                                   " x " + money_text(rate.usd_per_hour.value()) + "/h" + sized,
                               rate.usd_per_hour * hours * on_demand, sources, confidence});
            if (on_spot.value().sign() > 0) {
                const HourlyRate spot = fargate_spot_rate(c_, rate);
                const Share& discount = c_.share("fargate_spot_discount");
                out.push_back({category::fargate, "Fargate Spot: " + w.name,
                               hours.to_string() + " task-hours x " + percent_text(on_spot.value()) + " x " + money_text(spot.value()) + "/h" + sized,
                               spot * hours * on_spot, {discount.source}, std::min(confidence, c_.confidence_of(discount.source))});
            }
        }
        return out;
    }

    // --- demand profiles ---------------------------------------------------------------------
    // The 48 hours of the week that differ: 24 of a weekday, then 24 of a weekend day.
    static constexpr std::size_t hour_kinds = 2 * hours_per_day;

    std::int64_t replicas_at(const Workload& w, std::size_t kind) const {
        const std::int64_t n = kind < hours_per_day ? w.demand->weekday[kind] : w.demand->weekend[kind - hours_per_day];
        return spec_.autoscaling.scale_to_zero ? n : std::max<std::int64_t>(n, 1);  // HPA keeps one replica
    }

    // Each distinct mix of replica counts is placed once, on nodes running as many hours as the
    // month spends in that mix; Karpenter picks any allowed type each time, Cluster Autoscaler's
    // node groups only the types of the busiest mix.
    void place_profiled(const std::vector<std::size_t>& profiled) {
        if (profiled.empty()) return;
        const MonthDays& days = days_;
        // mix -> how many hours of a weekday and of a weekend day it holds
        std::map<std::vector<std::int64_t>, std::pair<std::int64_t, std::int64_t>> hours_of_day;
        std::vector<std::int64_t> busiest(profiled.size(), 0);
        for (std::size_t kind = 0; kind < hour_kinds; ++kind) {
            std::vector<std::int64_t> mix;
            for (std::size_t k = 0; k < profiled.size(); ++k) {
                mix.push_back(replicas_at(s_.workloads[profiled[k]], kind));
                busiest[k] = std::max(busiest[k], mix.back());
            }
            auto& [weekday, weekend] = hours_of_day[mix];
            ++(kind < hours_per_day ? weekday : weekend);
            mix_at_.push_back(mix);
        }
        std::map<std::vector<std::int64_t>, Decimal> slot_hours;  // rounded once per mix
        for (const auto& [mix, counts] : hours_of_day) slot_hours[mix] = per_day_sum(days, counts.first, counts.second);
        std::vector<const NodeShape*> allowed = allowed_;
        if (spec_.autoscaling.autoscaler == Autoscaler::cluster_autoscaler) allowed = types_used(pack_mix(profiled, busiest, Hours(Decimal(1)), allowed_));
        for (const auto& [mix, hours] : slot_hours) {
            if (hours.is_zero()) continue;
            std::vector<PlacedNode> nodes = pack_mix(profiled, mix, Hours(hours), allowed);
            std::map<std::string, std::int64_t>& count = nodes_in_mix_[mix];
            for (PlacedNode& n : nodes) {
                n.autoscaled = true;
                ++count[n.shape->type->name];
                prices_[n.shape->type->name] = n.shape->price;
            }
            placed_.insert(placed_.end(), std::make_move_iterator(nodes.begin()), std::make_move_iterator(nodes.end()));
        }
    }

    std::vector<PlacedNode> pack_mix(const std::vector<std::size_t>& profiled, const std::vector<std::int64_t>& mix, const Hours& hours,
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
            std::vector<PlacedNode> nodes = pack_classes(group, allowed, hours, sharing_);
            for (PlacedNode& n : nodes) n.spot_eligible = spot;
            out.insert(out.end(), std::make_move_iterator(nodes.begin()), std::make_move_iterator(nodes.end()));
        }
        return out;
    }

    static std::vector<const NodeShape*> types_used(const std::vector<PlacedNode>& nodes) {
        std::vector<const NodeShape*> out;
        for (const PlacedNode& n : nodes)
            if (std::find(out.begin(), out.end(), n.shape) == out.end()) out.push_back(n.shape);
        return out;
    }

    // Idle capacity autoscaling pays for: nodes started before they serve and kept after they
    // empty (per node start and stop over the month's hours of the day), and an ECS capacity
    // provider's headroom (target capacity below 100%).
    std::vector<LineItem> autoscaling_idle() const {
        std::vector<LineItem> out;
        const std::string at = path("");
        if (!nodes_in_mix_.empty()) {
            const MonthDays& days = days_;
            Money up, down;
            Decimal starts, stops;
            for (const auto& [type, price] : prices_) {
                // type is named in the capture: clang before 16 cannot capture a structured binding.
                const auto nodes_at = [&, &type = type](std::size_t kind) {
                    const auto& counts = nodes_in_mix_.at(mix_at_[kind]);
                    const auto it = counts.find(type);
                    return it == counts.end() ? std::int64_t{0} : it->second;
                };
                std::int64_t rises[2] = {0, 0}, falls[2] = {0, 0};
                for (std::size_t day = 0; day < 2; ++day)
                    for (std::size_t h = 0; h < hours_per_day; ++h) {
                        const std::int64_t before = nodes_at(day * hours_per_day + (h + hours_per_day - 1) % hours_per_day);
                        const std::int64_t now = nodes_at(day * hours_per_day + h);
                        rises[day] += std::max<std::int64_t>(0, now - before);
                        falls[day] += std::max<std::int64_t>(0, before - now);
                    }
                const Decimal type_starts = per_day_sum(days, rises[0], rises[1]);
                const Decimal type_stops = per_day_sum(days, falls[0], falls[1]);
                starts += type_starts;
                stops += type_stops;
                up += price * Hours(type_starts * spec_.autoscaling.scale_up_lag_minutes / Decimal(60));
                down += price * Hours(type_stops * spec_.autoscaling.scale_down_delay_minutes / Decimal(60));
            }
            const std::string autoscaler = to_string(spec_.autoscaling.autoscaler);
            out.push_back({category::autoscaling, "scale-up lag (" + autoscaler + ")",
                           starts.rounded(2).to_string() + " node starts x " + spec_.autoscaling.scale_up_lag_minutes.to_string() + " min",
                           up, {at + "/scale_up_lag_minutes"}, Confidence::low});
            out.push_back({category::autoscaling, "scale-down delay (" + autoscaler + ")",
                           stops.rounded(2).to_string() + " node stops x " + spec_.autoscaling.scale_down_delay_minutes.to_string() + " min",
                           down, {at + "/scale_down_delay_minutes"}, autoscaler == "cluster-autoscaler" ? Confidence::high : Confidence::medium});
        }
        const Decimal target = spec_.autoscaling.target_capacity.value();
        if (target < Decimal(1)) {
            Money placed;
            for (const PlacedNode& n : placed_)
                if (!n.given) placed += node_cost(n);
            out.push_back({category::autoscaling, "capacity provider headroom",
                           "target capacity " + percent_text(target) + ": " + money_text(placed.value()) + " of instances x (1 / target - 1)",
                           placed * Fraction(Decimal(1) / target - Decimal(1)), {at + "/target_capacity"}, Confidence::high});
        }
        return out;
    }

    bool spot_eligible(std::size_t workload) const { return spec_.spot.used() && s_.workloads[workload].spot_tolerant; }

    // How a node's hours are bought: on spot, the platform's share of a spot-eligible node less what
    // falls back to on-demand; the rest on-demand. A type without a spot figure runs on-demand.
    struct PurchaseSlice {
        const char* purchase;
        Fraction share;
        HourlyRate rate;
        std::string source;
    };

    std::vector<PurchaseSlice> purchase_slices(const PlacedNode& n) const {
        const InstanceType& t = *n.shape->type;
        const auto quote = n.spot_eligible ? c_.spot_quote(t) : std::nullopt;
        if (!quote) return {{"on-demand", Fraction(Decimal(1)), n.shape->price, t.price_source}};
        const Fraction on_spot = spec_.spot.share * Fraction(Decimal(1) - spec_.spot.fallback().value());
        std::vector<PurchaseSlice> out{{"spot", on_spot, quote->price, quote->source}};
        if (on_spot.value() < Decimal(1)) out.push_back({"on-demand", Fraction(Decimal(1) - on_spot.value()), n.shape->price, t.price_source});
        return out;
    }

    Money node_cost(const PlacedNode& n) const {
        Money total;
        for (const PurchaseSlice& slice : purchase_slices(n)) total += slice.rate * n.hours * slice.share;
        return total;
    }

    std::vector<InstanceGroup> group_instances() const {
        // Key: given first, then type name, then hours (longest first), then purchase and share.
        std::map<std::tuple<bool, bool, std::string, Decimal, std::string, Decimal>, InstanceGroup> groups;
        for (const PlacedNode& n : placed_) {
            const InstanceType& t = *n.shape->type;
            for (const PurchaseSlice& slice : purchase_slices(n)) {
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
                if (!totals_only_)  // which workloads run where: for the report, not for any amount
                    for (const auto& [workload, count] : n.replicas) g.replicas[s_.workloads[workload].name] += count;
            }
        }
        std::vector<InstanceGroup> out;
        for (auto& [key, g] : groups) {
            g.amount = g.usd_per_hour * g.hours * Decimal(g.count) * g.share;
            out.push_back(std::move(g));
        }
        return out;
    }

    LineItem compute_line(const InstanceGroup& g) const {
        std::string item = g.instance_type;
        if (g.hours != s_.month_hours()) item += " @ " + g.hours.value().rounded(2).to_string() + " h";  // the detail is exact
        if (g.given) item += " (given)";
        if (g.autoscaled) item += " (autoscaled)";
        if (g.purchase == std::string("spot")) item += " (spot)";
        else if (g.share.value() < Decimal(1)) item += " (on-demand share)";
        std::string detail = std::to_string(g.count) + " x " + g.hours.to_string() + " h";
        if (g.share.value() < Decimal(1)) detail += " x " + percent_text(g.share.value());
        detail += " x " + money_text(g.usd_per_hour.value()) + "/h";
        return cited(category::compute, item, detail, g.amount, g.price_source);
    }

    // Work lost when spot instances are reclaimed: each interruption costs half the checkpoint
    // interval plus the restart time, re-run on spot. The rate is the type's Advisor bucket midpoint
    // per instance-month, or the platform's given rate.
    std::optional<LineItem> spot_interruptions() const {
        Money amount;
        Decimal interruptions;
        bool any = false;
        for (const PlacedNode& n : placed_) {
            for (const PurchaseSlice& slice : purchase_slices(n)) {
                if (slice.purchase != std::string("spot")) continue;
                any = true;
                const auto quote = c_.spot_quote(*n.shape->type);
                const Decimal rate = spec_.spot.interruptions_per_month.value_or(
                    assumptions::interruptions_per_month(quote->interruption.value_or(InterruptionBucket::from_10_to_15)));
                const Decimal expected = rate * slice.share.value() * (n.hours / s_.month_hours());
                interruptions += expected;
                amount += slice.rate * Hours(expected * lost_hours_per_interruption(n));
            }
        }
        if (!any) return std::nullopt;
        LineItem li{category::spot_interruptions, "spot interruptions (lost work)",
                    interruptions.rounded(3).to_string() + " expected interruptions x (checkpoint interval / 2 + restart) at the spot price",
                    amount, {"/" + std::string(platform_key(p_)) + "/spot"}, Confidence::low};
        return li;
    }

    Decimal lost_hours_per_interruption(const PlacedNode& n) const {
        Decimal worst;
        for (const auto& [workload, count] : n.replicas) {
            const Workload& w = s_.workloads[workload];
            worst = std::max(worst, (w.checkpoint_interval_minutes / Decimal(2) + w.restart_minutes) / Decimal(60));
        }
        return worst;
    }

    // Commitments cover the steady baseline: the on-demand hours of nodes that run the whole month
    // and are not bought on spot. Each request covers its share of what earlier ones left, at the
    // type's commitment rate; a spend commitment (usd_per_hour) is used on the usage it saves most
    // on first, and what it cannot use is paid as unused commitment.
    std::vector<LineItem> commitment_lines(const std::vector<InstanceGroup>& groups) const {
        std::vector<LineItem> out;
        if (spec_.commitments.empty()) return out;
        std::map<std::string, HourlyRate> baseline;  // instance type -> on-demand $/h not yet covered
        for (const InstanceGroup& g : groups)
            if (g.purchase == std::string("on-demand") && g.share.value() == Decimal(1) && g.hours == s_.month_hours())
                baseline[g.instance_type] += g.usd_per_hour * Decimal(g.count);
        const Hours month = s_.month_hours();
        for (std::size_t i = 0; i < spec_.commitments.size(); ++i) {
            const CommitmentRequest& req = spec_.commitments[i];
            const std::string at = path("/commitments/" + std::to_string(i));
            struct Cover { std::string type; HourlyRate on_demand; CommitmentQuote quote; };
            std::vector<Cover> covers;
            for (auto& [type, rate] : baseline) {
                if (rate.value().is_zero()) continue;
                const auto quote = c_.commitment_quote(c_.instance_type(type), req.key);
                if (!quote) continue;
                covers.push_back({type, rate, *quote});
            }
            std::sort(covers.begin(), covers.end(), [](const Cover& a, const Cover& b) { return a.quote.discount > b.quote.discount; });
            HourlyRate covered_on_demand, commitment_spend;
            std::optional<HourlyRate> spend_left = req.usd_per_hour;
            std::set<std::string> sources;
            for (Cover& cv : covers) {
                HourlyRate od = req.usd_per_hour ? HourlyRate{} : cv.on_demand * req.coverage;
                if (spend_left) {
                    const Decimal keep = Decimal(1) - cv.quote.discount.value();
                    const HourlyRate can = keep.is_zero() ? cv.on_demand : HourlyRate(spend_left->value() / keep);
                    od = std::min(cv.on_demand, can);
                    *spend_left -= od * Fraction(keep);
                }
                if (od.value().is_zero()) continue;
                baseline[cv.type] -= od;
                covered_on_demand += od;
                commitment_spend += od * Fraction(Decimal(1) - cv.quote.discount.value());
                sources.insert(cv.quote.source);
            }
            const std::string name = to_string(req.key.plan) + " " + to_string(req.key.term) + " " + to_string(req.key.payment);
            const std::vector<std::string> cited(sources.begin(), sources.end());
            const Confidence weakest = weakest_of(cited);
            out.push_back({category::commitment, name + ": covered on-demand use",
                           money_text(covered_on_demand.value()) + "/h of on-demand x " + month.to_string() + " h, now paid through the commitment",
                           -(covered_on_demand * month), cited, weakest});
            const Money spend = commitment_spend * month;
            const Decimal upfront_share = req.key.payment == UpfrontPayment::all       ? Decimal(1)
                                          : req.key.payment == UpfrontPayment::partial ? s_.partial_upfront_share.value()
                                                                                       : Decimal(0);
            if (upfront_share.sign() > 0)
                out.push_back({category::commitment, name + ": upfront, amortized", percent_text(upfront_share) + " of " +
                               money_text(commitment_spend.value()) + "/h paid upfront, spread over the term", spend * Fraction(upfront_share),
                               cited, weakest});
            if (upfront_share < Decimal(1))
                out.push_back({category::commitment, name + ": recurring",
                               money_text((commitment_spend * Fraction(Decimal(1) - upfront_share)).value()) + "/h x " + month.to_string() + " h",
                               spend - spend * Fraction(upfront_share), cited, weakest});
            if (spend_left && spend_left->value().sign() > 0)
                out.push_back({category::commitment, name + ": unused commitment",
                               money_text(spend_left->value()) + "/h of " + money_text(req.usd_per_hour->value()) + "/h committed finds no eligible use (" + at + ")",
                               *spend_left * month, {at}, Confidence::high});
        }
        return out;
    }

    // EKS Auto Mode's management fee on every instance-hour.
    std::optional<LineItem> auto_mode_fee() const {
        if (p_ != Platform::eks || !s_.eks.auto_mode) return std::nullopt;
        Money amount;
        std::set<std::string> sources;
        for (const PlacedNode& n : placed_) {
            const InstanceType& t = *n.shape->type;
            std::string share = "eks_auto_mode_fee";
            if (s_.eks.auto_mode_fee == AutoModeFeeBasis::gpu_cut_2026_07 && t.has_gpus() && !t.family.empty()) {
                const std::string variant = std::string("eks_auto_mode_fee_") + t.family[0] + "_2026_07";
                if (c_.shares.count(variant)) share = variant;
            }
            const auto fee = s_.eks.auto_mode_fee == AutoModeFeeBasis::published || share == "eks_auto_mode_fee"
                                 ? c_.eks_auto_mode_fee(t)
                                 : std::optional<PublishedFee>(PublishedFee{*t.on_demand * c_.share(share).value, c_.share(share).source, ""});
            if (!fee) continue;
            amount += fee->usd * n.hours;
            sources.insert(fee->source);
        }
        const std::vector<std::string> cited(sources.begin(), sources.end());
        const Confidence weakest = weakest_of(cited);
        return LineItem{category::management, "EKS Auto Mode fee",
                        std::string("per instance-hour, ") + (s_.eks.auto_mode_fee == AutoModeFeeBasis::published ? "as published (12% of on-demand)"
                                                                                                                : "with the reported 2026-07 GPU-family cut"),
                        amount, cited, weakest};
    }

    std::vector<LineItem> extra_items() const {
        std::vector<LineItem> out;
        Hours node_hours;
        for (const PlacedNode& n : placed_) node_hours += n.hours;
        for (std::size_t i = 0; i < spec_.extra_items.size(); ++i) {
            const ExtraItem& e = spec_.extra_items[i];
            const std::string at = path("/extra_items/" + std::to_string(i));
            if (e.usd_per_month)
                out.push_back({category::other, e.name, "given per month", *e.usd_per_month, {at}, Confidence::high});
            else
                out.push_back({category::other, e.name, node_hours.to_string() + " instance-hours x " + money_text(e.usd_per_instance_hour->value()) + "/h",
                               *e.usd_per_instance_hour * node_hours, {at}, Confidence::high});
        }
        return out;
    }

    std::vector<NodePlan> plan() const {
        std::vector<NodePlan> out;
        for (const PlacedNode& n : placed_) {
            NodePlan p;
            p.instance_type = n.shape->type->name;
            p.hours = n.hours;
            p.given = n.given;
            p.autoscaled = n.autoscaled;
            for (const auto& [workload, count] : n.replicas) p.replicas[s_.workloads[workload].name] = count;
            for (std::size_t g = 0; g < n.gpus.size(); ++g) {
                const GpuUse& use = n.gpus[g];
                GpuPlan gp;
                gp.index = static_cast<std::int64_t>(g);
                gp.capacity = n.shape->gpu.capacity;
                gp.exclusive = use.exclusive;
                for (const auto& [workload, count] : use.replicas) {
                    gp.replicas[s_.workloads[workload].name] = count;
                    gp.requested += request_on_gpu(s_.workloads[workload].gpus, count, use, *n.shape);
                }
                gp.requested = std::min(gp.requested, gp.capacity);
                gp.memory_used = use.memory_used;
                if (n.shape->gpu.mig)
                    if (auto layout = mig_layout(*n.shape->gpu.mig, use.mig))
                        for (const MigPlacement& m : *layout) gp.mig_layout.push_back({n.shape->gpu.mig->profiles[m.profile].name, m.start});
                p.gpus.push_back(std::move(gp));
            }
            out.push_back(std::move(p));
        }
        return out;
    }

    // Node costs allocated to workloads by what they request (OpenCost's convention): a GPU node's
    // cost splits into its GPUs (gpu_share_of_node_cost) and the rest by vCPU and memory at OpenCost's
    // default unit-price ratio; what no replica requests is idle.
    std::vector<ShowbackLine> showback() const {
        std::map<std::size_t, Money> allocated;
        Money total;
        for (const PlacedNode& n : placed_) {
            const Money cost = node_cost(n);
            total += cost;
            const NodeCostSplit split = split_node_cost(*n.shape, cost, s_.gpu_share_of_node_cost);
            const Decimal gpu_capacity = Decimal(n.shape->gpu_count) * n.shape->gpu.capacity;
            for (const auto& [workload, count] : n.replicas) {
                const Workload& w = s_.workloads[workload];
                Money share = split.cpu * Fraction(w.vcpu * Decimal(count) / n.shape->vcpu) +
                              split.memory * Fraction(w.memory_gib * Decimal(count) / n.shape->memory_gib);
                if (gpu_capacity.sign() > 0) share += split.gpu * Fraction(gpu_requested_on(n, workload) / gpu_capacity);
                allocated[workload] += share;
            }
        }
        std::vector<ShowbackLine> out;
        Money sum;
        for (std::size_t i = 0; i < s_.workloads.size(); ++i) {
            out.push_back({s_.workloads[i].name, allocated[i]});
            sum += allocated[i];
        }
        out.push_back({"(idle)", total - sum});
        return out;
    }

    // A workload's GPU request on a node, capped so a GPU is never allocated past its capacity
    // (ECS MPS places by memory, so requests on one GPU can add up to more than the GPU).
    Decimal gpu_requested_on(const PlacedNode& n, std::size_t workload) const {
        Decimal out;
        for (const GpuUse& g : n.gpus) {
            const auto mine = g.replicas.find(workload);
            if (mine == g.replicas.end()) continue;
            Decimal all;
            for (const auto& [w, count] : g.replicas) all += request_on_gpu(s_.workloads[w].gpus, count, g, *n.shape);
            const Decimal own = request_on_gpu(s_.workloads[workload].gpus, mine->second, g, *n.shape);
            out += all > n.shape->gpu.capacity ? own * n.shape->gpu.capacity / all : own;
        }
        return out;
    }

    static Decimal request_on_gpu(const Decimal& gpus, std::int64_t count, const GpuUse& g, const NodeShape& s) {
        if (g.exclusive) return gpus < Decimal(1) ? std::min(gpus, s.gpu.capacity) : s.gpu.capacity;  // one GPU of a whole-GPU replica
        return gpus * Decimal(count);
    }

    Utilization utilization() const {
        Utilization u;
        for (const Workload& w : s_.workloads) u.gpu_hours_requested += w.gpus * replica_hours_of(w);
        const GpuFleet f = gpus_of(placed_);
        u.gpus_paid = f.gpus;
        u.gpu_hours_paid = f.gpu_hours;
        return u;
    }

    const Scenario& s_;
    const Catalog& c_;
    Platform p_;
    const PlatformSpec& spec_;
    GpuSharing sharing_;
    MonthDays days_;  // the billed month's weekdays and weekend days, for demand profiles
    std::deque<NodeShape> shapes_;  // deque: stable addresses for the pointers below
    std::deque<NodeShape> given_shapes_;
    std::vector<const NodeShape*> allowed_;
    std::vector<PlacedNode> given_;
    bool totals_only_ = false;  // total(): skip what only the report shows
    std::vector<PlacedNode> placed_;
    std::vector<std::vector<std::int64_t>> mix_at_;  // replica mix of the profiled workloads in each hour kind
    std::map<std::vector<std::int64_t>, std::map<std::string, std::int64_t>> nodes_in_mix_;  // mix -> nodes by type
    std::map<std::string, HourlyRate> prices_;  // of the types autoscaled nodes use
};

inline void check_against_catalog(const Scenario& s, const Catalog& c) {
    if (s.region != c.region)
        throw lookup_error(errc::region_mismatch, "/region",
                           "scenario region \"" + s.region + "\" does not match catalog " + c.name + " (region \"" + c.region + "\")");
    for (std::size_t i = 0; i < s.workloads.size(); ++i)
        for (std::size_t j = 0; j < s.workloads[i].gpu_models.size(); ++j)
            if (!c.gpu_models.count(s.workloads[i].gpu_models[j]))
                throw lookup_error(errc::unknown_gpu_model, "/workloads/" + std::to_string(i) + "/gpu_models/" + std::to_string(j),
                                   "unknown GPU model \"" + s.workloads[i].gpu_models[j] + "\" (not in catalog " + c.name + ")");
}

inline std::vector<Assumption> assumptions_used(const Scenario& s) {
    std::vector<Assumption> out;
    if (s.hours_basis == HoursBasis::aws_730) {
        Assumption a = assumptions::aws_hours_per_month();
        a.value = s.aws_hours_per_month.value();
        out.push_back(a);
    }
    Assumption eks = assumptions::eks_ops_share();
    eks.value = s.eks.ops_share.value();
    out.push_back(eks);
    Assumption ecs = assumptions::ecs_ops_share();
    ecs.value = s.ecs.ops_share.value();
    out.push_back(ecs);
    Assumption reserved = assumptions::ecs_reserved_memory_gib();
    reserved.value = s.ecs.reserved_memory_gib;
    out.push_back(reserved);
    if (s.eks.gpu_sharing.strategy == SharingStrategy::time_slicing) {
        Assumption e = assumptions::time_slicing_efficiency();
        e.value = s.eks.gpu_sharing.time_slicing_efficiency.value();
        out.push_back(e);
    }
    for (const PlatformSpec* p : {static_cast<const PlatformSpec*>(&s.eks), static_cast<const PlatformSpec*>(&s.ecs)}) {
        if (!p->spot.used()) continue;
        Assumption fallback = p->spot.diversification == SpotDiversification::diversified ? assumptions::spot_fallback_diversified()
                                                                                          : assumptions::spot_fallback_fixed_list();
        fallback.name = std::string(p == &s.eks ? "/eks" : "/ecs") + "/spot/fallback_share";
        fallback.value = p->spot.fallback().value();
        out.push_back(fallback);
    }
    if (s.eks.spot.used() || s.ecs.spot.used()) {
        out.push_back(assumptions::checkpoint_interval_minutes());
        out.push_back(assumptions::restart_minutes());
    }
    const auto partial = [](const PlatformSpec& p) {
        return std::any_of(p.commitments.begin(), p.commitments.end(), [](const CommitmentRequest& c) { return c.key.payment == UpfrontPayment::partial; });
    };
    if (partial(s.eks) || partial(s.ecs)) {
        Assumption share = assumptions::partial_upfront_share();
        share.value = s.partial_upfront_share.value();
        out.push_back(share);
    }
    Assumption gpu_share = assumptions::gpu_share_of_node_cost();
    gpu_share.value = s.gpu_share_of_node_cost.value();
    out.push_back(gpu_share);
    return out;
}


// A platform's report, with what the same workloads would cost without GPU sharing.
inline PlatformReport cost_platform(const Scenario& s, const Catalog& c, Platform p) {
    const GpuSharing& sharing = (p == Platform::eks ? static_cast<const PlatformSpec&>(s.eks) : static_cast<const PlatformSpec&>(s.ecs)).gpu_sharing;
    PlatformReport report = PlatformCosting(s, c, p, sharing).run();
    report.utilization.compute = report.category_total(category::compute);
    if (!sharing.shares()) return report;
    GpuSharing none = sharing;
    none.strategy = SharingStrategy::none;
    try {
        const auto [compute, fleet] = PlatformCosting(s, c, p, none).fleet();
        report.utilization.compute_without_sharing = compute;
        report.utilization.gpus_without_sharing = fleet.gpus;
    } catch (const placement_error&) {
        // Some replica only fits when shared (e.g. a fraction of a GPU larger than any whole-GPU type
        // allowed): there is no unshared fleet to compare with.
    }
    return report;
}

inline std::vector<Warning> catalog_warnings(const Scenario& s, const Catalog& c) {
    std::vector<Warning> out;
    const date::year_month_day effective = parse_iso_date(c.effective_date, "/effective_date");
    date::year_month_day a_year_later = effective + date::years{1};
    if (!a_year_later.ok()) a_year_later = date::year_month_day{a_year_later.year() / a_year_later.month() / date::last};  // 29 Feb
    if (first_day(s.month) > a_year_later)
        out.push_back({"stale_catalog", "catalog " + c.name + " is dated " + c.effective_date + ", more than a year before the billed month " +
                                            s.month.to_string() + "; prices may have changed"});
    if (!c.valid_until.empty() && parse_iso_date(c.valid_until) < first_day(s.month))
        out.push_back({"superseded_catalog", "catalog " + c.name + " holds prices valid until " + c.valid_until + ", before the billed month " +
                                                 s.month.to_string() + "; a newer catalog has the prices of that month"});
    if (effective > last_day(s.month))
        out.push_back({"catalog_after_month", "catalog " + c.name + " is dated " + c.effective_date + ", after the billed month " +
                                                  s.month.to_string() + "; its prices may not have applied then"});
    if (!s.catalog.empty() && s.catalog != c.name)
        out.push_back({"catalog_not_as_named", "the scenario names catalog " + s.catalog + " but the comparison used " + c.name + " as asked"});
    return out;
}

inline std::vector<Source> cited_sources(const Catalog& c, const PlatformReport& eks, const PlatformReport& ecs) {
    std::set<std::string> ids;
    for (const PlatformReport* r : {&eks, &ecs})
        for (const LineItem& li : r->line_items) ids.insert(li.sources.begin(), li.sources.end());
    std::vector<Source> out;
    for (const std::string& id : ids)
        if (const Source* source = c.find_source(id)) out.push_back(*source);
    return out;
}

}  // namespace detail

// The catalog a scenario is priced on: the catalog with the scenario's price overlay and instance-type
// overrides applied.
inline Catalog effective_catalog(const Scenario& scenario, const Catalog& catalog) {
    detail::check_against_catalog(scenario, catalog);
    return apply_overlay(catalog, scenario.price_overlay, "/price_overlay").with_overrides(scenario.instance_types, "/instance_types");
}

// Both platforms' exact monthly totals: the sum of the same line items compare() reports.
struct Totals {
    Money eks;
    Money ecs;
    // EKS minus ECS on the rounded totals, as Comparison::difference().
    Money difference() const { return round_to_cents(eks) - round_to_cents(ecs); }
};

// The totals alone, on a catalog already made effective: no plan, showback or unshared rerun. What
// sweeps, break-even and Monte Carlo evaluate many times.
inline Totals compare_totals(const Scenario& scenario, const Catalog& effective) {
    detail::check_against_catalog(scenario, effective);
    const auto total = [&](detail::Platform p) {
        const PlatformSpec& spec = p == detail::Platform::eks ? static_cast<const PlatformSpec&>(scenario.eks) : static_cast<const PlatformSpec&>(scenario.ecs);
        return detail::PlatformCosting(scenario, effective, p, spec.gpu_sharing).total();
    };
    return {total(detail::Platform::eks), total(detail::Platform::ecs)};
}

// Both platforms side by side for the scenario's month.
inline Comparison compare(const Scenario& scenario, const Catalog& catalog) {
    const Catalog effective = effective_catalog(scenario, catalog);
    Comparison c;
    c.scenario = scenario.name;
    c.catalog = catalog.name;
    c.catalog_date = catalog.effective_date;
    c.region = catalog.region;
    if (!scenario.price_overlay.empty()) {
        c.overlay = scenario.price_overlay.name;
        c.overlay_discount = scenario.price_overlay.discount;
    }
    c.month = scenario.month;
    c.hours_basis = scenario.hours_basis;
    c.hours = scenario.month_hours();
    c.eks = detail::cost_platform(scenario, effective, detail::Platform::eks);
    c.ecs = detail::cost_platform(scenario, effective, detail::Platform::ecs);
    c.assumptions = detail::assumptions_used(scenario);
    c.sources = detail::cited_sources(effective, c.eks, c.ecs);
    c.warnings = detail::catalog_warnings(scenario, catalog);
    return c;
}

}  // namespace libtco
