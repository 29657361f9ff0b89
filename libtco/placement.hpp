#pragma once
// Placing replicas on instances: whole GPUs per replica, vCPU and memory respected, looking for a
// cheap fleet. For each group of replicas that run the same hours it tries
//   - first-fit decreasing on a single instance type, for the few types whose lower-bound cost is lowest;
//   - a mixed fleet built greedily: each new node gets the type that carries the most replica value
//     per dollar (a replica's value: the cheapest dominant-resource share it could cost anywhere);
// and keeps the cheapest. Capacity a team already runs (explicit nodes) is filled first.

#include <libtco/catalog.hpp>
#include <libtco/error.hpp>
#include <libtco/quantity.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace libtco {

// What one replica needs.
struct ReplicaDemand {
    std::size_t workload = 0;  // index into the scenario's workloads
    Decimal gpus;
    Decimal gpu_memory_gib;  // on each of its GPUs
    Decimal vcpu;
    Decimal memory_gib;
    const std::vector<std::string>* gpu_models = nullptr;  // allowed models; null or empty = any
    const std::string* arch = nullptr;                      // required CPU architecture; null or "any" = any
    Hours hours;                                            // running time in the month
};

// What one node of a type offers on a given platform.
struct NodeShape {
    const InstanceType* type = nullptr;
    Decimal gpus;  // whole GPUs schedulable
    Decimal gpu_memory_gib;
    Decimal vcpu;
    Decimal memory_gib;
    HourlyRate price;
    std::int64_t pods = std::numeric_limits<std::int64_t>::max();  // replicas a node can hold (EKS max_pods)
};

struct PlacedNode {
    const NodeShape* shape = nullptr;
    Hours hours;
    bool given = false;  // from the scenario's explicit nodes
    Decimal free_gpus;
    Decimal free_vcpu;
    Decimal free_memory_gib;
    std::int64_t free_pods = 0;
    std::map<std::size_t, std::int64_t> replicas;  // workload index -> replicas on this node
};

namespace detail {

inline bool arch_allowed(const ReplicaDemand& r, const NodeShape& s) {
    return !r.arch || *r.arch == "any" || *r.arch == s.type->arch;
}

inline bool gpu_model_allowed(const ReplicaDemand& r, const NodeShape& s) {
    if (r.gpus.is_zero() || !r.gpu_models || r.gpu_models->empty()) return true;
    return std::find(r.gpu_models->begin(), r.gpu_models->end(), s.type->gpu_model) != r.gpu_models->end();
}

// Could the replica run on an empty node of this shape?
inline bool fits_shape(const ReplicaDemand& r, const NodeShape& s) {
    if (r.gpus > s.gpus || r.vcpu > s.vcpu || r.memory_gib > s.memory_gib || s.pods < 1) return false;
    if (r.gpus.sign() > 0 && r.gpu_memory_gib > s.gpu_memory_gib) return false;
    return gpu_model_allowed(r, s) && arch_allowed(r, s);
}

inline bool fits_free(const ReplicaDemand& r, const PlacedNode& n) {
    return n.free_pods >= 1 && r.gpus <= n.free_gpus && r.vcpu <= n.free_vcpu && r.memory_gib <= n.free_memory_gib &&
           fits_shape(r, *n.shape);
}

inline void put(PlacedNode& n, const ReplicaDemand& r) {
    n.free_gpus -= r.gpus;
    n.free_vcpu -= r.vcpu;
    n.free_memory_gib -= r.memory_gib;
    --n.free_pods;
    ++n.replicas[r.workload];
}

inline PlacedNode open_node(const NodeShape& s, const Hours& hours, bool given) {
    PlacedNode n;
    n.shape = &s;
    n.hours = hours;
    n.given = given;
    n.free_gpus = s.gpus;
    n.free_vcpu = s.vcpu;
    n.free_memory_gib = s.memory_gib;
    n.free_pods = s.pods;
    return n;
}

// The largest share of the shape's capacity the replica takes (GPU, vCPU or memory).
inline Decimal dominant_share(const ReplicaDemand& r, const NodeShape& s) {
    Decimal share = r.vcpu / s.vcpu;
    share = std::max(share, r.memory_gib / s.memory_gib);
    if (r.gpus.sign() > 0) share = std::max(share, r.gpus / s.gpus);
    if (s.pods != std::numeric_limits<std::int64_t>::max()) share = std::max(share, Decimal(1) / Decimal(s.pods));
    return share;
}

inline Money fleet_price(const std::vector<PlacedNode>& nodes) {
    Money total;
    for (const PlacedNode& n : nodes) total += n.shape->price * n.hours;
    return total;
}

// The nodes of a fleet being packed, and which of them can still take a replica: a node that
// cannot hold even the smallest replica of the batch leaves the first-fit scan for good, which
// keeps first-fit close to linear for large fleets. Pruning never changes where a replica goes.
class OpenNodes {
public:
    explicit OpenNodes(const std::vector<ReplicaDemand>& replicas) {
        for (std::size_t k = 0; k < replicas.size(); ++k) {
            if (k == 0 || replicas[k].vcpu < smallest_vcpu_) smallest_vcpu_ = replicas[k].vcpu;
            if (k == 0 || replicas[k].memory_gib < smallest_memory_gib_) smallest_memory_gib_ = replicas[k].memory_gib;
        }
    }

    // Opens a node of the shape for the replica.
    void open(const NodeShape& shape, const Hours& hours, const ReplicaDemand& r) {
        nodes_.push_back(open_node(shape, hours, false));
        active_.push_back(nodes_.size() - 1);
        put_at(active_.size() - 1, r);
    }
    // Puts the replica on the first node with room; false if none has.
    bool place_first_fit(const ReplicaDemand& r) {
        for (std::size_t k = 0; k < active_.size(); ++k)
            if (fits_free(r, nodes_[active_[k]])) { put_at(k, r); return true; }
        return false;
    }
    bool any_fits(const ReplicaDemand& r) const {
        return std::any_of(active_.begin(), active_.end(), [&](std::size_t k) { return fits_free(r, nodes_[k]); });
    }
    std::vector<PlacedNode> take() && { return std::move(nodes_); }

private:
    void put_at(std::size_t k, const ReplicaDemand& r) {
        PlacedNode& n = nodes_[active_[k]];
        put(n, r);
        if (n.free_pods < 1 || n.free_vcpu < smallest_vcpu_ || n.free_memory_gib < smallest_memory_gib_)
            active_.erase(active_.begin() + static_cast<std::ptrdiff_t>(k));
    }

    std::vector<PlacedNode> nodes_;
    std::vector<std::size_t> active_;  // indices into nodes_ that may still take a replica, in opening order
    Decimal smallest_vcpu_;
    Decimal smallest_memory_gib_;
};

inline std::vector<PlacedNode> pack_single_type(const std::vector<ReplicaDemand>& replicas, const NodeShape& shape, const Hours& hours) {
    OpenNodes fleet(replicas);
    for (const ReplicaDemand& r : replicas)
        if (!fleet.place_first_fit(r)) fleet.open(shape, hours, r);
    return std::move(fleet).take();
}

// Lower bound on what a single-type fleet of this shape costs per hour (fractional nodes).
inline Decimal lower_bound_nodes(const std::vector<ReplicaDemand>& replicas, const NodeShape& s) {
    Decimal gpus, vcpu, memory;
    for (const ReplicaDemand& r : replicas) { gpus += r.gpus; vcpu += r.vcpu; memory += r.memory_gib; }
    Decimal nodes = std::max(vcpu / s.vcpu, memory / s.memory_gib);
    if (gpus.sign() > 0) nodes = std::max(nodes, gpus / s.gpus);
    if (s.pods != std::numeric_limits<std::int64_t>::max())
        nodes = std::max(nodes, Decimal(static_cast<std::int64_t>(replicas.size())) / Decimal(s.pods));
    return nodes;
}

inline constexpr std::size_t single_type_candidates = 6;
inline constexpr std::size_t mixed_lookahead = 64;

inline std::vector<PlacedNode> pack_mixed(const std::vector<ReplicaDemand>& replicas, const std::vector<const NodeShape*>& shapes,
                                          const Hours& hours) {
    // A replica's value: the cheapest dominant-resource share it could cost on any shape that fits it.
    std::vector<Decimal> value(replicas.size());
    for (std::size_t i = 0; i < replicas.size(); ++i) {
        std::optional<Decimal> best;
        for (const NodeShape* s : shapes)
            if (fits_shape(replicas[i], *s)) {
                const Decimal v = s->price.value() * dominant_share(replicas[i], *s);
                if (!best || v < *best) best = v;
            }
        value[i] = best.value_or(Decimal{});
    }
    OpenNodes fleet(replicas);
    for (std::size_t i = 0; i < replicas.size(); ++i) {
        if (fleet.place_first_fit(replicas[i])) continue;
        // What a new node could carry: this replica and those a little further on that no open
        // node takes anyway (they are no reason to buy one).
        std::vector<std::size_t> candidates{i};
        for (std::size_t j = i + 1; j < replicas.size() && j - i < mixed_lookahead; ++j)
            if (!fleet.any_fits(replicas[j])) candidates.push_back(j);
        const NodeShape* best = nullptr;
        Decimal best_carried;
        for (const NodeShape* s : shapes) {
            if (!fits_shape(replicas[i], *s)) continue;
            PlacedNode trial = open_node(*s, hours, false);
            Decimal carried;
            for (std::size_t j : candidates)
                if (fits_free(replicas[j], trial)) { put(trial, replicas[j]); carried += value[j]; }
            // Compare carried/price across shapes without dividing: a/p > b/q  <=>  a*q > b*p.
            if (!best) { best = s; best_carried = carried; continue; }
            const Decimal lhs = carried * best->price.value();
            const Decimal rhs = best_carried * s->price.value();
            if (lhs > rhs || (lhs == rhs && s->price < best->price)) { best = s; best_carried = carried; }
        }
        fleet.open(*best, hours, replicas[i]);
    }
    return std::move(fleet).take();
}

inline void sort_largest_first(std::vector<ReplicaDemand>& replicas) {
    // GPUs, then GPU memory, vCPU, memory; stable so equal replicas keep scenario order.
    std::stable_sort(replicas.begin(), replicas.end(), [](const ReplicaDemand& a, const ReplicaDemand& b) {
        if (a.gpus != b.gpus) return a.gpus > b.gpus;
        if (a.gpu_memory_gib != b.gpu_memory_gib) return a.gpu_memory_gib > b.gpu_memory_gib;
        if (a.vcpu != b.vcpu) return a.vcpu > b.vcpu;
        return a.memory_gib > b.memory_gib;
    });
}

struct Fleet {
    std::vector<PlacedNode> nodes;
    Money price;
};

inline bool cheaper(const Fleet& a, const Fleet& b) {
    return a.price < b.price || (a.price == b.price && a.nodes.size() < b.nodes.size());
}

// The cheaper of the mixed greedy fleet and the best single-type fleets.
inline Fleet best_fleet(std::vector<ReplicaDemand> replicas, const std::vector<const NodeShape*>& shapes, const Hours& hours) {
    sort_largest_first(replicas);
    Fleet best;
    best.nodes = pack_mixed(replicas, shapes, hours);
    best.price = fleet_price(best.nodes);
    std::vector<std::pair<Decimal, const NodeShape*>> single;
    for (const NodeShape* s : shapes) {
        const bool fits_all = std::all_of(replicas.begin(), replicas.end(), [&](const ReplicaDemand& r) { return fits_shape(r, *s); });
        if (fits_all) single.emplace_back(s->price.value() * lower_bound_nodes(replicas, *s), s);
    }
    std::stable_sort(single.begin(), single.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    if (single.size() > single_type_candidates) single.resize(single_type_candidates);
    for (const auto& [bound, shape] : single) {
        Fleet candidate;
        candidate.nodes = pack_single_type(replicas, *shape, hours);
        candidate.price = fleet_price(candidate.nodes);
        if (cheaper(candidate, best)) best = std::move(candidate);
    }
    return best;
}

// Best fleets for each part, side by side.
template <class Key>
Fleet partitioned_fleet(const std::vector<ReplicaDemand>& replicas, const std::vector<const NodeShape*>& shapes, const Hours& hours,
                        Key key) {
    std::map<decltype(key(replicas.front())), std::vector<ReplicaDemand>> parts;
    for (const ReplicaDemand& r : replicas) parts[key(r)].push_back(r);
    Fleet out;
    for (auto& [k, part] : parts) {
        Fleet f = best_fleet(std::move(part), shapes, hours);
        out.price += f.price;
        out.nodes.insert(out.nodes.end(), std::make_move_iterator(f.nodes.begin()), std::make_move_iterator(f.nodes.end()));
    }
    return out;
}

}  // namespace detail

// Places replicas that all run `hours` onto new nodes of the allowed shapes, keeping the cheapest of:
// everything packed together; GPU and CPU-only replicas packed apart; each workload packed apart.
// Every replica must fit at least one shape (the caller reports those that do not).
inline std::vector<PlacedNode> pack_replicas(const std::vector<ReplicaDemand>& replicas, const std::vector<const NodeShape*>& shapes,
                                             const Hours& hours) {
    if (replicas.empty()) return {};
    detail::Fleet best = detail::best_fleet(replicas, shapes, hours);
    detail::Fleet by_kind = detail::partitioned_fleet(replicas, shapes, hours, [](const ReplicaDemand& r) { return r.gpus.sign() > 0; });
    if (detail::cheaper(by_kind, best)) best = std::move(by_kind);
    detail::Fleet by_workload = detail::partitioned_fleet(replicas, shapes, hours, [](const ReplicaDemand& r) { return r.workload; });
    if (detail::cheaper(by_workload, best)) best = std::move(by_workload);
    return std::move(best.nodes);
}

}  // namespace libtco
