#pragma once
// Placing replicas on GPUs on instances, looking for a cheap fleet.
//
// Replicas of one workload are identical, so placement works on classes (a workload and how many
// replicas of it run the same hours) and places many replicas at once. For each group of classes
// that run the same hours it builds fleets several ways and keeps the cheapest:
//   - co-located: classes largest first; each fills the nodes already open (first fit), then opens
//     nodes of the type with the lowest price per replica it carries, and covers the rest with the
//     cheapest mix of types (a small knapsack);
//   - apart: the same with GPU and CPU-only classes packed on separate nodes;
//   - for groups of at most `spare_room_search_max_replicas` replicas, shared room: each class
//     opens nodes of its lowest-price-per-replica type only, and later classes fill their room.
// Groups of at most `exact_search_max_replicas` replicas are then searched exhaustively (branch
// and bound over the non-dominated types), so small cases are optimal. Capacity a team already
// runs (given nodes) is filled first. On a node, each replica goes to a GPU by its GpuNeed (whole
// GPUs, a share of one, or a MIG profile); vCPU, memory and pods are node-wide.

#include <libtco/catalog/catalog.hpp>
#include <libtco/core/error.hpp>
#include <libtco/placement/gpu_need.hpp>
#include <libtco/placement/mig.hpp>
#include <libtco/core/quantity.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace libtco {

// Identical replicas of one workload.
struct ReplicaClass {
    std::size_t workload = 0;  // index into the scenario's workloads
    std::int64_t count = 0;
    Decimal gpus;            // per replica: 0, a fraction of one GPU, or whole GPUs
    Decimal gpu_memory_gib;  // on each of its GPUs; 0 = a fraction's share, or any
    Decimal vcpu;
    Decimal memory_gib;
    const std::vector<std::string>* gpu_models = nullptr;  // allowed models; null or empty = any
    const std::string* arch = nullptr;                      // required CPU architecture; null or "any" = any
    Hours hours;                                            // running time in the month
};

// What one node of a type offers on a platform.
struct NodeShape {
    const InstanceType* type = nullptr;
    std::int64_t gpu_count = 0;  // GPUs (a fractional-GPU type has one, of capacity < 1)
    GpuSpec gpu;
    Decimal vcpu;
    Decimal memory_gib;
    HourlyRate price;
    std::int64_t pods = std::numeric_limits<std::int64_t>::max();  // replicas a node can hold (EKS max_pods)
};

// One GPU of a placed node and who uses it.
struct GpuUse {
    Decimal compute_used;
    Decimal memory_used;
    std::int64_t clients = 0;
    bool exclusive = false;
    MigCounts mig;                                  // instances per profile (MIG only)
    std::map<std::size_t, std::int64_t> replicas;  // workload index -> replicas on this GPU
};

struct PlacedNode {
    const NodeShape* shape = nullptr;
    Hours hours;
    bool given = false;  // from the scenario's explicit nodes
    bool spot_eligible = false;  // holds only spot-tolerant replicas, on a platform that uses spot
    bool autoscaled = false;     // serves a demand profile's slot; `hours` are the slot's hours
    Decimal free_vcpu;
    Decimal free_memory_gib;
    std::int64_t free_pods = 0;
    std::vector<GpuUse> gpus;
    std::map<std::size_t, std::int64_t> replicas;  // workload index -> replicas on this node
};

// Groups this small also try a fleet in which every class opens nodes of its lowest-price-per-
// replica type and later classes fill their room: cheap for small groups, where such room matters.
inline constexpr std::int64_t spare_room_search_max_replicas = 64;
// Groups this small are placed optimally by exhaustive search.
inline constexpr std::int64_t exact_search_max_replicas = 12;
inline constexpr std::size_t exact_search_max_types = 12;
inline constexpr std::int64_t exact_search_max_steps = 2'000'000;

namespace detail {

inline bool arch_allowed(const ReplicaClass& r, const NodeShape& s) { return !r.arch || *r.arch == "any" || *r.arch == s.type->arch; }

inline bool gpu_model_allowed(const ReplicaClass& r, const NodeShape& s) {
    if (r.gpus.is_zero() || !r.gpu_models || r.gpu_models->empty()) return true;
    return std::find(r.gpu_models->begin(), r.gpu_models->end(), s.type->gpu_model) != r.gpu_models->end();
}

// What a replica of the class takes of a GPU of the shape; none if it cannot run on the shape at all.
inline std::optional<GpuNeed> need_on(const ReplicaClass& r, const NodeShape& s, const GpuSharing& sharing) {
    if (r.vcpu > s.vcpu || r.memory_gib > s.memory_gib || s.pods < 1 || !arch_allowed(r, s) || !gpu_model_allowed(r, s)) return std::nullopt;
    return gpu_need(r.gpus, r.gpu_memory_gib, s.gpu, s.gpu_count, sharing);
}

inline PlacedNode open_node(const NodeShape& s, const Hours& hours, bool given) {
    PlacedNode n;
    n.shape = &s;
    n.hours = hours;
    n.given = given;
    n.free_vcpu = s.vcpu;
    n.free_memory_gib = s.memory_gib;
    n.free_pods = s.pods;
    n.gpus.resize(static_cast<std::size_t>(s.gpu_count));
    if (s.gpu.mig)
        for (GpuUse& g : n.gpus) g.mig.assign(s.gpu.mig->profiles.size(), 0);
    return n;
}

inline bool gpu_untouched(const GpuUse& g) { return !g.exclusive && g.clients == 0; }

// Replicas of one need a single GPU can still take (whole-GPU needs are counted per node).
inline std::int64_t fit_on_gpu(const GpuUse& g, const GpuNeed& need, const NodeShape& s, std::int64_t at_most) {
    if (g.exclusive || at_most <= 0) return 0;
    if (need.kind == GpuNeed::Kind::shared) {
        // Cheap comparisons first: most GPUs of a packed fleet are full.
        if (g.clients >= need.clients_per_gpu || s.gpu.capacity - g.compute_used < need.compute ||
            s.gpu.memory_gib - g.memory_used < need.memory_gib)
            return 0;
        std::int64_t k = std::min(at_most, need.clients_per_gpu - g.clients);
        if (k == 1) return 1;
        if (need.compute.sign() > 0) k = std::min(k, whole_times(s.gpu.capacity - g.compute_used, need.compute));
        if (need.memory_gib.sign() > 0) k = std::min(k, whole_times(s.gpu.memory_gib - g.memory_used, need.memory_gib));
        return std::max<std::int64_t>(k, 0);
    }
    if (need.kind == GpuNeed::Kind::mig) {
        MigCounts counts = g.mig;
        std::int64_t k = 0;
        while (k < at_most) {
            ++counts[need.mig_profile];
            if (!mig_fits(*s.gpu.mig, counts)) break;
            ++k;
        }
        return k;
    }
    return 0;
}

inline void take_gpu_share(GpuUse& g, const GpuNeed& need, std::size_t workload, std::int64_t k) {
    g.clients += k;
    g.replicas[workload] += k;
    if (need.kind == GpuNeed::Kind::shared) {
        g.compute_used += times(need.compute, k);
        g.memory_used += times(need.memory_gib, k);
    } else {
        g.mig[need.mig_profile] += static_cast<int>(k);
        g.compute_used += times(need.mig_compute, k);
    }
}

// Places up to `at_most` replicas of the class on the node; returns how many it placed.
inline std::int64_t place_on(PlacedNode& n, const ReplicaClass& r, const GpuNeed& need, std::int64_t at_most) {
    if (n.free_pods < 1 || n.free_vcpu < r.vcpu || n.free_memory_gib < r.memory_gib) return 0;
    std::int64_t k = std::min(at_most, n.free_pods);
    if (r.vcpu.sign() > 0) k = std::min(k, whole_times(n.free_vcpu, r.vcpu));
    if (r.memory_gib.sign() > 0) k = std::min(k, whole_times(n.free_memory_gib, r.memory_gib));
    if (k <= 0) return 0;
    std::int64_t placed = 0;
    switch (need.kind) {
        case GpuNeed::Kind::no_gpu: placed = k; break;
        case GpuNeed::Kind::exclusive: {
            std::vector<GpuUse*> free;
            for (GpuUse& g : n.gpus)
                if (gpu_untouched(g)) free.push_back(&g);
            placed = std::min<std::int64_t>(k, static_cast<std::int64_t>(free.size()) / need.exclusive_gpus);
            for (std::int64_t i = 0; i < placed * need.exclusive_gpus; ++i) {
                free[static_cast<std::size_t>(i)]->exclusive = true;
                free[static_cast<std::size_t>(i)]->clients = 1;
                free[static_cast<std::size_t>(i)]->replicas[r.workload] += 1;
            }
            break;
        }
        case GpuNeed::Kind::shared:
        case GpuNeed::Kind::mig:
            for (GpuUse& g : n.gpus) {
                const std::int64_t here = fit_on_gpu(g, need, *n.shape, k - placed);
                if (here > 0) take_gpu_share(g, need, r.workload, here);
                placed += here;
                if (placed == k) break;
            }
            break;
    }
    if (placed > 0) {
        n.free_vcpu -= times(r.vcpu, placed);
        n.free_memory_gib -= times(r.memory_gib, placed);
        n.free_pods -= placed;
        n.replicas[r.workload] += placed;
    }
    return placed;
}

// How many replicas of the class an empty node of the shape holds.
inline std::int64_t capacity_of(const NodeShape& s, const ReplicaClass& r, const GpuNeed& need) {
    PlacedNode n = open_node(s, r.hours, false);
    return place_on(n, r, need, std::numeric_limits<std::int64_t>::max() / 4);
}

inline Money fleet_price(const std::vector<PlacedNode>& nodes) {
    Money total;
    for (const PlacedNode& n : nodes)
        if (!n.given) total += n.shape->price * n.hours;
    return total;
}

// A class's view of the types it may use: the need on each (a type with a need holds at least
// one replica) and, worked out only when new nodes are opened, the capacity of an empty node.
struct ClassOptions {
    const ReplicaClass* cls = nullptr;
    std::vector<const NodeShape*> shapes;
    std::vector<GpuNeed> needs;

    const std::vector<std::int64_t>& capacity() const {
        if (capacity_.empty())
            for (std::size_t i = 0; i < shapes.size(); ++i) capacity_.push_back(capacity_of(*shapes[i], *cls, needs[i]));
        return capacity_;
    }

private:
    mutable std::vector<std::int64_t> capacity_;
};

inline ClassOptions options_for(const ReplicaClass& r, const std::vector<const NodeShape*>& shapes, const GpuSharing& sharing) {
    ClassOptions o;
    o.cls = &r;
    for (const NodeShape* s : shapes) {
        if (const auto need = need_on(r, *s, sharing)) {
            o.shapes.push_back(s);
            o.needs.push_back(*need);
        }
    }
    return o;
}

inline const GpuNeed* need_for(const ClassOptions& o, const NodeShape* s) {
    for (std::size_t i = 0; i < o.shapes.size(); ++i)
        if (o.shapes[i] == s) return &o.needs[i];
    return nullptr;
}

// The cheapest multiset of node types holding `count` replicas of the class on empty nodes:
// full nodes of the type with the lowest price per replica, then the cheapest cover of the rest.
// The type with the lowest price per replica of the class on an empty node (the larger on a tie).
inline std::size_t best_per_replica(const ClassOptions& o) {
    const std::vector<std::int64_t>& capacity = o.capacity();
    std::size_t best = 0;
    for (std::size_t i = 1; i < o.shapes.size(); ++i) {
        const Decimal lhs = times(o.shapes[i]->price.value(), capacity[best]);
        const Decimal rhs = times(o.shapes[best]->price.value(), capacity[i]);
        if (lhs < rhs || (lhs == rhs && capacity[i] > capacity[best])) best = i;
    }
    return best;
}

inline std::vector<std::size_t> cheapest_cover(const ClassOptions& o, std::int64_t count) {
    const std::vector<std::int64_t>& capacity = o.capacity();
    const std::size_t best = best_per_replica(o);
    std::vector<std::size_t> picks(static_cast<std::size_t>(count / capacity[best]), best);
    const std::int64_t rest = count % capacity[best];
    if (rest == 0) return picks;
    // cost[r]: cheapest cover of r replicas; choice[r]: the type opened first. On the prices' raw
    // 64-bit units when every sum fits (rest nodes at the dearest price), else on Decimals; the
    // same comparisons either way.
    std::vector<std::size_t> choice(static_cast<std::size_t>(rest) + 1, 0);
    std::vector<std::int64_t> raw_price(o.shapes.size());
    bool native = true;
    for (std::size_t i = 0; i < o.shapes.size() && native; ++i)
        native = as_int64(o.shapes[i]->price.value().raw(), raw_price[i]) && raw_price[i] >= 0 &&
                 raw_price[i] <= (std::numeric_limits<std::int64_t>::max)() / (rest + 1);
    if (native) {
        std::vector<std::int64_t> cost(static_cast<std::size_t>(rest) + 1, -1);
        cost[0] = 0;
        for (std::int64_t r = 1; r <= rest; ++r) {
            auto& slot = cost[static_cast<std::size_t>(r)];
            for (std::size_t i = 0; i < o.shapes.size(); ++i) {
                const std::int64_t c = raw_price[i] + cost[static_cast<std::size_t>(std::max<std::int64_t>(0, r - capacity[i]))];
                if (slot < 0 || c < slot) { slot = c; choice[static_cast<std::size_t>(r)] = i; }
            }
        }
    } else {
        std::vector<std::optional<Decimal>> cost(static_cast<std::size_t>(rest) + 1);
        cost[0] = Decimal{};
        for (std::int64_t r = 1; r <= rest; ++r) {
            for (std::size_t i = 0; i < o.shapes.size(); ++i) {
                const Decimal c = o.shapes[i]->price.value() + *cost[static_cast<std::size_t>(std::max<std::int64_t>(0, r - capacity[i]))];
                auto& slot = cost[static_cast<std::size_t>(r)];
                if (!slot || c < *slot) { slot = c; choice[static_cast<std::size_t>(r)] = i; }
            }
        }
    }
    for (std::int64_t r = rest; r > 0; r -= capacity[choice[static_cast<std::size_t>(r)]]) picks.push_back(choice[static_cast<std::size_t>(r)]);
    return picks;
}

// Largest first: whole GPUs, then GPU share, then GPU memory, vCPU and memory.
inline bool larger_class(const ReplicaClass& a, const ReplicaClass& b) {
    return std::tie(a.gpus, a.gpu_memory_gib, a.vcpu, a.memory_gib, a.workload) > std::tie(b.gpus, b.gpu_memory_gib, b.vcpu, b.memory_gib, b.workload);
}

// The most a node can still give one replica: GPU compute on its freest GPU, and vCPU.
inline Decimal freest_gpu(const PlacedNode& n) {
    Decimal most;
    for (const GpuUse& g : n.gpus)
        if (!g.exclusive) most = std::max(most, n.shape->gpu.capacity - g.compute_used);
    return most;
}

// Finds the first open node that may hold a replica in O(log n): a max-tree over the nodes' freest
// GPU and free vCPU. A node it returns can still turn out too small in another resource (memory,
// pods, a MIG layout); the search then goes on after it.
class FirstFitIndex {
public:
    // Keys are the values' raw 10^-12 units, clamped to 64 bits: clamping is monotone, so no node
    // that fits is ever skipped (a candidate is checked in full before a replica goes on it).
    static std::int64_t key(const Decimal& d) {
        static const Decimal::raw_type most = (std::numeric_limits<std::int64_t>::max)();
        static const Decimal::raw_type least = (std::numeric_limits<std::int64_t>::min)();
        if (d.raw() > most) return (std::numeric_limits<std::int64_t>::max)();
        if (d.raw() < least) return (std::numeric_limits<std::int64_t>::min)();
        return d.raw().convert_to<std::int64_t>();
    }

    void add(const Decimal& gpu, const Decimal& vcpu) {
        if (size_ == leaves_) grow();
        set(size_++, gpu, vcpu);
    }

    void set(std::size_t i, const Decimal& gpu, const Decimal& vcpu) { set_key(i, key(gpu), key(vcpu)); }

    // The first node at or after `from` whose freest GPU and free vCPU reach the minimums.
    std::optional<std::size_t> first(std::size_t from, const Decimal& gpu, const Decimal& vcpu) const {
        if (from >= size_) return std::nullopt;
        return descend(1, 0, leaves_, from, key(gpu), key(vcpu));
    }

private:
    std::optional<std::size_t> descend(std::size_t k, std::size_t lo, std::size_t hi, std::size_t from, std::int64_t gpu, std::int64_t vcpu) const {
        if (hi <= from || lo >= size_ || gpu_[k] < gpu || vcpu_[k] < vcpu) return std::nullopt;
        if (hi - lo == 1) return lo;
        const std::size_t mid = (lo + hi) / 2;
        if (auto left = descend(2 * k, lo, mid, from, gpu, vcpu)) return left;
        return descend(2 * k + 1, mid, hi, from, gpu, vcpu);
    }

    void grow() {
        const std::size_t old = leaves_;
        const std::vector<std::int64_t> gpu(gpu_.begin() + static_cast<std::ptrdiff_t>(old), gpu_.begin() + static_cast<std::ptrdiff_t>(old + size_));
        const std::vector<std::int64_t> vcpu(vcpu_.begin() + static_cast<std::ptrdiff_t>(old), vcpu_.begin() + static_cast<std::ptrdiff_t>(old + size_));
        leaves_ = std::max<std::size_t>(64, 2 * leaves_);
        gpu_.assign(2 * leaves_, 0);
        vcpu_.assign(2 * leaves_, 0);
        for (std::size_t i = 0; i < size_; ++i) set_key(i, gpu[i], vcpu[i]);
    }

    void set_key(std::size_t i, std::int64_t gpu, std::int64_t vcpu) {
        std::size_t k = leaves_ + i;
        gpu_[k] = gpu;
        vcpu_[k] = vcpu;
        for (k /= 2; k >= 1; k /= 2) {
            gpu_[k] = std::max(gpu_[2 * k], gpu_[2 * k + 1]);
            vcpu_[k] = std::max(vcpu_[2 * k], vcpu_[2 * k + 1]);
        }
    }

    std::size_t leaves_ = 0;
    std::size_t size_ = 0;
    std::vector<std::int64_t> gpu_;
    std::vector<std::int64_t> vcpu_;
};

class OpenFleet {
public:
    std::vector<PlacedNode> nodes;

    void open(const NodeShape& s, const Hours& hours) {
        nodes.push_back(open_node(s, hours, false));
        Kind& kind = kind_of(nodes.back());
        kind.members.push_back(nodes.size() - 1);
        kind.index.add(freest_gpu(nodes.back()), nodes.back().free_vcpu);
    }

    // Places what it can of the class on the open nodes, first fit in the order they were opened.
    void fill(const ClassOptions& o, std::int64_t& remaining, bool only_same_kind) {
        if (remaining <= 0) return;
        const bool has_gpu = o.cls->gpus.sign() > 0;
        // A GPU replica takes at least its request of a GPU's compute (time-slicing and MIG take
        // more); ECS MPS reserves memory, not compute, so any GPU node may do.
        const bool compute_reserved = has_gpu && std::any_of(o.needs.begin(), o.needs.end(), [](const GpuNeed& n) {
            return n.kind != GpuNeed::Kind::shared || n.compute.sign() > 0;
        });
        const Decimal gpu_min = compute_reserved ? std::min(o.cls->gpus, Decimal(1)) : Decimal{};
        // GPU nodes and CPU-only nodes are indexed apart: a GPU replica never looks at a CPU node,
        // and a CPU replica kept apart never looks at a GPU node.
        Cursor gpu_nodes{&gpu_, 0, std::nullopt};
        Cursor cpu_nodes{&cpu_, 0, std::nullopt};
        const bool use_cpu_nodes = !has_gpu;
        const bool use_gpu_nodes = has_gpu || !only_same_kind;
        if (use_gpu_nodes) gpu_nodes.advance(gpu_min, o.cls->vcpu);
        if (use_cpu_nodes) cpu_nodes.advance(gpu_min, o.cls->vcpu);
        while (remaining > 0) {
            Cursor* next = nullptr;
            if (gpu_nodes.at && (!cpu_nodes.at || gpu_nodes.node() < cpu_nodes.node())) next = &gpu_nodes;
            else if (cpu_nodes.at) next = &cpu_nodes;
            if (!next) break;
            PlacedNode& n = nodes[next->node()];
            if (n.hours >= o.cls->hours)
                if (const GpuNeed* need = need_for(o, n.shape)) {
                    const std::int64_t placed = place_on(n, *o.cls, *need, remaining);
                    if (placed > 0) {
                        remaining -= placed;
                        next->kind->index.set(*next->at, freest_gpu(n), n.free_vcpu);
                    }
                }
            next->from = *next->at + 1;
            next->advance(gpu_min, o.cls->vcpu);
        }
    }

    void place_new(const ClassOptions& o, std::size_t pick, std::int64_t& remaining) {
        remaining -= place_on(nodes.back(), *o.cls, o.needs[pick], remaining);
        Kind& kind = kind_of(nodes.back());
        kind.index.set(kind.members.size() - 1, freest_gpu(nodes.back()), nodes.back().free_vcpu);
    }

private:
    struct Kind {
        FirstFitIndex index;
        std::vector<std::size_t> members;  // positions in `nodes`, in the order opened
    };
    struct Cursor {
        Kind* kind;
        std::size_t from;
        std::optional<std::size_t> at;  // position within kind->members
        std::size_t node() const { return kind->members[*at]; }
        void advance(const Decimal& gpu_min, const Decimal& vcpu) { at = kind->index.first(from, gpu_min, vcpu); }
    };

    Kind& kind_of(const PlacedNode& n) { return n.shape->gpu_count > 0 ? gpu_ : cpu_; }

    Kind gpu_;
    Kind cpu_;
};

// How a class covers the replicas the open nodes cannot take: the cheapest mix of types for
// itself, or nodes of its lowest-price-per-replica type only, whose spare room later classes fill.
enum class Cover { cheapest_mix, best_per_replica };

inline std::vector<std::size_t> cover(const ClassOptions& o, std::int64_t count, Cover how) {
    if (count <= 0) return {};
    if (how == Cover::cheapest_mix) return cheapest_cover(o, count);
    const std::size_t best = best_per_replica(o);
    const std::int64_t per_node = o.capacity()[best];
    return std::vector<std::size_t>(static_cast<std::size_t>((count + per_node - 1) / per_node), best);
}

// Places classes [begin, end) on the fleet, largest first; `apart`: GPU and CPU-only classes on
// separate nodes.
inline void greedy_place(OpenFleet& fleet, const std::vector<ClassOptions>& classes, std::size_t begin, std::size_t end, const Hours& hours,
                         bool apart, Cover how = Cover::cheapest_mix) {
    for (std::size_t k = begin; k < end; ++k) {
        const ClassOptions& o = classes[k];
        std::int64_t remaining = o.cls->count;
        fleet.fill(o, remaining, apart);
        for (std::size_t pick : cover(o, remaining, how)) {
            fleet.open(*o.shapes[pick], hours);
            fleet.place_new(o, pick, remaining);
        }
        fleet.fill(o, remaining, apart);  // a mix of types may leave room on earlier nodes
    }
}

// --- exhaustive search for small groups --------------------------------------------------------

// `a` can hold anything `b` can, for no more money.
inline bool dominates(const NodeShape& a, const NodeShape& b) {
    return a.type->arch == b.type->arch && a.type->gpu_model == b.type->gpu_model && a.price <= b.price && a.vcpu >= b.vcpu &&
           a.memory_gib >= b.memory_gib && a.pods >= b.pods && a.gpu_count >= b.gpu_count && a.gpu.capacity >= b.gpu.capacity &&
           a.gpu.memory_gib >= b.gpu.memory_gib && a.gpu.mig == b.gpu.mig;
}

inline std::vector<const NodeShape*> undominated(const std::vector<const NodeShape*>& shapes) {
    std::vector<const NodeShape*> out;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        bool dominated = false;
        for (std::size_t j = 0; j < shapes.size() && !dominated; ++j)
            dominated = j != i && dominates(*shapes[j], *shapes[i]) && (!dominates(*shapes[i], *shapes[j]) || j < i);
        if (!dominated) out.push_back(shapes[i]);
    }
    return out;
}

class ExactSearch {
public:
    ExactSearch(const std::vector<ClassOptions>& classes, std::vector<const NodeShape*> shapes, const Hours& hours)
        : classes_(classes), shapes_(std::move(shapes)), hours_(hours) {
        for (std::size_t c = 0; c < classes_.size(); ++c)
            for (std::int64_t k = 0; k < classes_[c].cls->count; ++k) order_.push_back(c);
    }

    // The cheapest fleet if it is cheaper than `bound`: optimal unless the step budget ran out.
    std::optional<std::vector<PlacedNode>> run(const Money& bound) {
        best_cost_ = bound;
        search(0, Money{});
        return best_;
    }

private:
    void search(std::size_t next, const Money& cost) {
        if (++steps_ > exact_search_max_steps || cost >= best_cost_) return;
        if (next == order_.size()) {
            best_cost_ = cost;
            best_ = nodes_;
            return;
        }
        const ClassOptions& o = classes_[order_[next]];
        // Identical replicas go to non-decreasing nodes, which removes symmetric orders.
        const std::size_t first = next > 0 && order_[next - 1] == order_[next] ? last_node_ : 0;
        for (std::size_t i = first; i < nodes_.size(); ++i) {
            const GpuNeed* need = need_for(o, nodes_[i].shape);
            if (!need || nodes_[i].hours < o.cls->hours) continue;
            PlacedNode saved = nodes_[i];
            if (place_on(nodes_[i], *o.cls, *need, 1) == 1) descend(next, i, cost);
            nodes_[i] = std::move(saved);
        }
        for (const NodeShape* s : shapes_) {
            const GpuNeed* need = need_for(o, s);
            if (!need) continue;
            nodes_.push_back(open_node(*s, hours_, false));
            if (place_on(nodes_.back(), *o.cls, *need, 1) == 1) descend(next, nodes_.size() - 1, cost + s->price * hours_);
            nodes_.pop_back();
        }
    }

    void descend(std::size_t next, std::size_t node, const Money& cost) {
        const std::size_t saved = last_node_;
        last_node_ = node;
        search(next + 1, cost);
        last_node_ = saved;
    }

    const std::vector<ClassOptions>& classes_;
    std::vector<const NodeShape*> shapes_;
    Hours hours_;
    std::vector<std::size_t> order_;
    std::vector<PlacedNode> nodes_;
    std::size_t last_node_ = 0;
    std::int64_t steps_ = 0;
    Money best_cost_;
    std::optional<std::vector<PlacedNode>> best_;
};

}  // namespace detail

// Places classes that all run `hours` on new nodes of the allowed shapes (each class must fit at
// least one of them), returning the cheapest fleet found.
inline std::vector<PlacedNode> pack_classes(std::vector<ReplicaClass> classes, const std::vector<const NodeShape*>& allowed,
                                            const Hours& hours, const GpuSharing& sharing) {
    std::sort(classes.begin(), classes.end(), detail::larger_class);
    std::vector<detail::ClassOptions> options;
    std::int64_t total = 0;
    for (const ReplicaClass& r : classes) {
        if (r.count == 0) continue;
        options.push_back(detail::options_for(r, allowed, sharing));
        total += r.count;
    }
    // Largest first puts every GPU class before the CPU-only ones, and the GPU classes are placed the
    // same way whether CPU classes may join their nodes or not: place them once, then the CPU classes
    // both ways (on the GPU nodes' room too, or apart) and keep the cheaper fleet.
    const auto first_cpu = static_cast<std::size_t>(
        std::find_if(options.begin(), options.end(), [](const detail::ClassOptions& o) { return o.cls->gpus.is_zero(); }) - options.begin());
    detail::OpenFleet gpu_phase;
    detail::greedy_place(gpu_phase, options, 0, first_cpu, hours, false);
    const bool mixed = first_cpu > 0 && first_cpu < options.size();
    std::vector<PlacedNode> best;
    if (mixed) {  // otherwise packing GPU and CPU classes apart is the same fleet
        detail::OpenFleet together = gpu_phase;
        detail::greedy_place(together, options, first_cpu, options.size(), hours, false);
        detail::greedy_place(gpu_phase, options, first_cpu, options.size(), hours, true);
        const bool apart_cheaper = detail::fleet_price(gpu_phase.nodes) < detail::fleet_price(together.nodes);
        best = std::move(apart_cheaper ? gpu_phase.nodes : together.nodes);
    } else {
        detail::greedy_place(gpu_phase, options, first_cpu, options.size(), hours, false);
        best = std::move(gpu_phase.nodes);
    }
    if (total <= spare_room_search_max_replicas) {
        // Covering each class with the cheapest mix for itself can miss one larger node that all the
        // classes share (4 p5.4xlarge for 2 + 2 one-GPU replicas of two workloads and some CPU ones,
        // where one p4d.24xlarge holds them all for less).
        detail::OpenFleet shared_room;
        detail::greedy_place(shared_room, options, 0, options.size(), hours, false, detail::Cover::best_per_replica);
        if (detail::fleet_price(shared_room.nodes) < detail::fleet_price(best)) best = std::move(shared_room.nodes);
    }
    if (total <= exact_search_max_replicas) {
        std::vector<const NodeShape*> usable;
        for (const detail::ClassOptions& o : options)
            for (const NodeShape* s : o.shapes)
                if (std::find(usable.begin(), usable.end(), s) == usable.end()) usable.push_back(s);
        usable = detail::undominated(usable);
        if (usable.size() <= exact_search_max_types) {
            detail::ExactSearch search(options, usable, hours);
            if (auto exact = search.run(detail::fleet_price(best))) best = std::move(*exact);
        }
    }
    return best;
}

}  // namespace libtco
