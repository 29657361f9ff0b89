// Placement quality and speed, side by side in one run:
//  1. 10,000 fractional-GPU replicas (time-slicing, memory not binding) across mixed GPU types:
//     time to place, and GPUs provisioned against the lower bound ceil(total GPU demand / 1 GPU).
//  2. Small random cases (up to 10 replicas, 3 types): the packer's fleet cost against the optimum
//     found by an independent exhaustive search over every partition of the replicas into nodes.
//   cmake -S . -B build/bench -DLIBTCO_BUILD_BENCH=ON -DLIBTCO_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release
//   cmake --build build/bench -j2 && build/bench/bench/bench_placement
#include <libtco/libtco.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace libtco;

const std::vector<std::string> gpu_fleet = {"g5.xlarge", "g5.2xlarge", "g5.12xlarge", "g6.xlarge", "g6.12xlarge", "g6e.xlarge", "g4dn.xlarge"};

GpuSharing time_slicing() {
    GpuSharing g;
    g.strategy = SharingStrategy::time_slicing;
    g.replicas_per_gpu = 16;
    g.time_slicing_efficiency = Fraction(Decimal(1));  // so the bound is the plain GPU demand
    return g;
}

std::vector<NodeShape> shapes_of(const Catalog& c, const std::vector<std::string>& names) {
    std::vector<NodeShape> out;
    for (const std::string& name : names) {
        const InstanceType& t = c.instance_type(name);
        NodeShape s;
        s.type = &t;
        s.gpu_count = t.gpus.floored(0).to_int64();
        s.gpu.capacity = Decimal(1);
        s.gpu.memory_gib = t.gpu_memory_gib;
        s.vcpu = *t.allocatable_vcpu;
        s.memory_gib = *t.allocatable_memory_gib;
        s.pods = *t.max_pods;
        s.price = *t.on_demand;
        out.push_back(s);
    }
    return out;
}

std::vector<const NodeShape*> pointers(const std::vector<NodeShape>& shapes) {
    std::vector<const NodeShape*> out;
    for (const NodeShape& s : shapes) out.push_back(&s);
    return out;
}

// Random classes: GPU shares in hundredths, small memory and vCPU so GPUs are the binding resource.
std::vector<ReplicaClass> random_classes(std::mt19937& rng, int replicas, int classes) {
    std::uniform_int_distribution<int> hundredths(5, 95);
    std::vector<ReplicaClass> out;
    for (int k = 0; k < classes; ++k) {
        ReplicaClass r;
        r.workload = static_cast<std::size_t>(k);
        r.count = replicas / classes + (k < replicas % classes ? 1 : 0);
        r.gpus = Decimal(hundredths(rng)) / Decimal(100);
        r.gpu_memory_gib = Decimal(1);
        r.vcpu = Decimal::parse("0.1");
        r.memory_gib = Decimal::parse("0.25");
        r.hours = Hours(Decimal(730));
        out.push_back(r);
    }
    return out;
}

Decimal gpus_of(const std::vector<PlacedNode>& nodes) {
    Decimal g;
    for (const PlacedNode& n : nodes) g += Decimal(n.shape->gpu_count);
    return g;
}

Money price_of(const std::vector<PlacedNode>& nodes) {
    Money m;
    for (const PlacedNode& n : nodes) m += n.shape->price * n.hours;
    return m;
}

// --- independent exhaustive optimum ----------------------------------------------------------------

struct Item {
    Decimal gpus, memory, vcpu, ram;
};

// Can the items share one node of the shape? Exact: every assignment of items to GPUs is tried.
bool node_holds(const std::vector<Item>& items, const NodeShape& s, const GpuSharing& g) {
    Decimal vcpu, ram;
    for (const Item& i : items) {
        vcpu += i.vcpu;
        ram += i.ram;
    }
    if (vcpu > s.vcpu || ram > s.memory_gib || static_cast<std::int64_t>(items.size()) > s.pods) return false;
    std::vector<Decimal> compute(static_cast<std::size_t>(s.gpu_count)), memory(compute.size());
    std::vector<std::int64_t> clients(compute.size(), 0);
    std::function<bool(std::size_t)> assign = [&](std::size_t k) {
        if (k == items.size()) return true;
        for (std::size_t gpu = 0; gpu < compute.size(); ++gpu) {
            const Decimal c = items[k].gpus / g.time_slicing_efficiency.value();
            if (clients[gpu] + 1 > g.replicas_per_gpu || compute[gpu] + c > Decimal(1) || memory[gpu] + items[k].memory > s.gpu.memory_gib) continue;
            compute[gpu] += c;
            memory[gpu] += items[k].memory;
            ++clients[gpu];
            const bool ok = assign(k + 1);
            compute[gpu] -= c;
            memory[gpu] -= items[k].memory;
            --clients[gpu];
            if (ok) return true;
            if (clients[gpu] == 0) break;  // empty GPUs are interchangeable
        }
        return false;
    };
    return assign(0);
}

// The cheapest fleet: over every partition of the items into nodes, each node the cheapest type that holds it.
Money brute_force_optimum(const std::vector<Item>& items, const std::vector<NodeShape>& shapes, const GpuSharing& g, const Hours& hours) {
    std::optional<Money> best;
    std::vector<std::vector<Item>> blocks;
    std::function<void(std::size_t)> partition = [&](std::size_t k) {
        if (k == items.size()) {
            Money total;
            for (const auto& block : blocks) {
                std::optional<Money> cheapest;
                for (const NodeShape& s : shapes)
                    if (node_holds(block, s, g) && (!cheapest || s.price * hours < *cheapest)) cheapest = s.price * hours;
                if (!cheapest) return;
                total += *cheapest;
            }
            if (!best || total < *best) best = total;
            return;
        }
        for (std::size_t b = 0; b < blocks.size(); ++b) {  // by index: deeper calls grow `blocks`
            blocks[b].push_back(items[k]);
            partition(k + 1);
            blocks[b].pop_back();
        }
        blocks.push_back({items[k]});
        partition(k + 1);
        blocks.pop_back();
    };
    partition(0);
    return best.value_or(Money{});
}

}  // namespace

int main() {
    const Catalog catalog = embedded_catalog();
    const GpuSharing sharing = time_slicing();
    const Hours hours(Decimal(730));
    std::mt19937 rng(20261128);

    std::printf("1. 10,000 replicas, time-slicing, memory not binding, %zu GPU types\n", gpu_fleet.size());
    std::printf("   (bound: ceil(total GPU demand); with few classes it is out of reach, e.g. one class of 0.8 GPU needs a GPU each)\n");
    std::printf("   %-8s %10s %10s %10s %8s\n", "classes", "ms", "GPUs", "bound", "over");
    const std::vector<NodeShape> fleet = shapes_of(catalog, gpu_fleet);
    for (int classes : {1, 10, 100, 1000, 10000}) {
        const std::vector<ReplicaClass> replicas = random_classes(rng, 10000, classes);
        Decimal demand;
        for (const ReplicaClass& r : replicas) demand += r.gpus * Decimal(r.count);
        const auto start = std::chrono::steady_clock::now();
        const std::vector<PlacedNode> nodes = pack_classes(replicas, pointers(fleet), hours, sharing);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        const Decimal bound = demand.is_whole() ? demand : demand.floored(0) + Decimal(1);
        const double over = 100.0 * (std::stod(gpus_of(nodes).to_string()) / std::stod(bound.to_string()) - 1.0);
        std::printf("   %-8d %10.2f %10s %10s %7.2f%%\n", classes, ms, gpus_of(nodes).to_string().c_str(), bound.to_string().c_str(), over);
    }

    std::printf("2. small cases: packer against the exhaustive optimum (g5.xlarge, g5.12xlarge, g6.xlarge)\n");
    const std::vector<NodeShape> small = shapes_of(catalog, {"g5.xlarge", "g5.12xlarge", "g6.xlarge"});
    int cases = 0, optimal = 0;
    double worst = 0;
    for (int trial = 0; trial < 60; ++trial) {
        const int replicas = 3 + trial % 8;  // 3 to 10
        std::vector<ReplicaClass> classes = random_classes(rng, replicas, std::min(replicas, 3));
        for (ReplicaClass& r : classes) {
            r.vcpu = Decimal(1 + static_cast<int>(rng() % 4));
            r.memory_gib = Decimal(2 + static_cast<int>(rng() % 6));
        }
        std::vector<Item> items;
        for (const ReplicaClass& r : classes)
            for (std::int64_t k = 0; k < r.count; ++k) items.push_back({r.gpus, r.gpu_memory_gib, r.vcpu, r.memory_gib});
        const Money packed = price_of(pack_classes(classes, pointers(small), hours, sharing));
        const Money best = brute_force_optimum(items, small, sharing, hours);
        if (best.value().is_zero()) {
            std::printf("   no feasible fleet for case %d?\n", trial);
            continue;
        }
        ++cases;
        if (packed == best) ++optimal;
        worst = std::max(worst, std::stod((packed / best).to_string()) - 1.0);
    }
    std::printf("   %d of %d cases optimal; worst %.2f%% above the optimum\n", optimal, cases, 100.0 * worst);
    return 0;
}
