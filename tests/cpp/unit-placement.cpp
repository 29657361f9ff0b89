// The packer on its own, on node types made up here (no catalog): "gpu1" 1 GPU, 4 vCPU, 16 GiB at
// $1/h; "gpu4" 4 GPUs, 48 vCPU, 192 GiB at $2.50/h; "cpu" 2 vCPU, 8 GiB at $0.10/h.
#include <libtco/placement/placement.hpp>

#include <doctest/doctest.h>

#include <deque>
#include <string>
#include <vector>

using namespace libtco;

namespace {

Decimal d(const char* text) { return Decimal::parse(text); }

struct Types {
    std::deque<InstanceType> types;
    std::deque<NodeShape> shapes;

    const NodeShape* add(const char* name, std::int64_t gpus, std::int64_t vcpu, std::int64_t memory, const char* price) {
        InstanceType t;
        t.name = name;
        t.arch = "x86_64";
        t.vcpu = Decimal(vcpu);
        t.memory_gib = Decimal(memory);
        t.gpus = Decimal(gpus);
        t.gpu_model = gpus > 0 ? "X1" : "";
        t.gpu_memory_gib = gpus > 0 ? Decimal(24) : Decimal{};
        types.push_back(t);
        NodeShape s;
        s.type = &types.back();
        s.gpu_count = gpus;
        s.gpu.capacity = gpus > 0 ? Decimal(1) : Decimal{};
        s.gpu.memory_gib = t.gpu_memory_gib;
        s.vcpu = t.vcpu;
        s.memory_gib = t.memory_gib;
        s.price = HourlyRate(d(price));
        shapes.push_back(s);
        return &shapes.back();
    }
};

ReplicaClass replicas(std::size_t workload, std::int64_t count, std::int64_t gpus, const char* vcpu, const char* memory) {
    ReplicaClass r;
    r.workload = workload;
    r.count = count;
    r.gpus = Decimal(gpus);
    r.vcpu = d(vcpu);
    r.memory_gib = d(memory);
    r.hours = Hours(Decimal(10));
    return r;
}

Money price_of(const std::vector<PlacedNode>& nodes) { return detail::fleet_price(nodes); }

std::int64_t count_of(const std::vector<PlacedNode>& nodes, const char* type) {
    std::int64_t n = 0;
    for (const PlacedNode& p : nodes) n += p.shape->type->name == type ? 1 : 0;
    return n;
}

const GpuSharing unshared{};
const Hours ten_hours(Decimal(10));

}  // namespace

TEST_CASE("pack_classes finds the hand-worked optimum on two GPU types") {
    Types t;
    const std::vector<const NodeShape*> allowed{t.add("gpu1", 1, 4, 16, "1"), t.add("gpu4", 4, 48, 192, "2.5")};
    // 1 one-GPU replica: gpu1 at $1/h, 10 h = $10.
    const auto one = pack_classes({replicas(0, 1, 1, "2", "8")}, allowed, ten_hours, unshared);
    CHECK(price_of(one) == Money(Decimal(10)));
    // 3: one gpu4 ($2.50/h) beats three gpu1 ($3/h): $25.
    const auto three = pack_classes({replicas(0, 3, 1, "2", "8")}, allowed, ten_hours, unshared);
    CHECK(count_of(three, "gpu4") == 1);
    CHECK(price_of(three) == Money(Decimal(25)));
    // 5: gpu4 + gpu1 ($3.50/h) beats two gpu4 ($5/h) and five gpu1 ($5/h): $35.
    const auto five = pack_classes({replicas(0, 5, 1, "2", "8")}, allowed, ten_hours, unshared);
    CHECK(count_of(five, "gpu4") == 1);
    CHECK(count_of(five, "gpu1") == 1);
    CHECK(price_of(five) == Money(Decimal(35)));
}

TEST_CASE("a GPU class and a CPU class share a node when that is cheaper") {
    Types t;
    const std::vector<const NodeShape*> allowed{t.add("gpu1", 1, 4, 16, "1"), t.add("cpu", 0, 2, 8, "0.1")};
    // 1 GPU replica (2 vCPU) + 2 CPU replicas (1 vCPU): all on one gpu1 (4 vCPU) = $1/h, rather than
    // gpu1 + cpu apart = $1.10/h.
    const auto fleet = pack_classes({replicas(0, 1, 1, "2", "4"), replicas(1, 2, 0, "1", "2")}, allowed, ten_hours, unshared);
    REQUIRE(fleet.size() == 1);
    CHECK(fleet[0].shape->type->name == "gpu1");
    CHECK(fleet[0].replicas.at(0) == 1);
    CHECK(fleet[0].replicas.at(1) == 2);
    // 4 CPU replicas more than fit beside it go on cpu nodes (2 each), not on a second gpu1:
    // gpu1 + 2 x cpu = $1.20/h.
    const auto more = pack_classes({replicas(0, 1, 1, "2", "4"), replicas(1, 6, 0, "1", "2")}, allowed, ten_hours, unshared);
    CHECK(count_of(more, "gpu1") == 1);
    CHECK(count_of(more, "cpu") == 2);
    CHECK(price_of(more) == Money(Decimal(12)));
}

TEST_CASE("first fit fills the open nodes before opening new ones") {
    Types t;
    const NodeShape* big = t.add("gpu4", 4, 48, 192, "2.5");
    const ReplicaClass r = replicas(0, 3, 1, "2", "8");
    const detail::ClassOptions o = detail::options_for(r, {big}, unshared);
    detail::OpenFleet fleet;
    fleet.open(*big, ten_hours);
    std::int64_t remaining = 3;
    fleet.fill(o, remaining, false);
    CHECK(remaining == 0);
    REQUIRE(fleet.nodes.size() == 1);
    CHECK(fleet.nodes[0].replicas.at(0) == 3);
    // A fourth and fifth: one more fits (4 GPUs), the fifth is left for a new node.
    std::int64_t two = 2;
    fleet.fill(o, two, false);
    CHECK(two == 1);
    CHECK(fleet.nodes.size() == 1);
}

TEST_CASE("the first-fit index finds the first node with room at or after a position") {
    detail::FirstFitIndex index;
    index.add(Decimal(0), Decimal(1));    // 0: no GPU free, 1 vCPU
    index.add(Decimal(1), Decimal(2));    // 1: a GPU, 2 vCPU
    index.add(d("0.5"), Decimal(4));      // 2: half a GPU, 4 vCPU
    CHECK(index.first(0, d("0.5"), Decimal(2)) == std::optional<std::size_t>(1));
    CHECK(index.first(2, d("0.5"), Decimal(2)) == std::optional<std::size_t>(2));
    CHECK_FALSE(index.first(0, Decimal(1), Decimal(3)));  // no node has both
    index.set(1, Decimal(0), Decimal(0));  // node 1 fills up
    CHECK(index.first(0, d("0.5"), Decimal(2)) == std::optional<std::size_t>(2));
    CHECK_FALSE(index.first(3, Decimal(0), Decimal(0)));  // past the last node
}

TEST_CASE("the exhaustive search is optimal on a small case") {
    Types t;
    const std::vector<const NodeShape*> shapes{t.add("gpu1", 1, 4, 16, "1"), t.add("gpu4", 4, 48, 192, "2.5")};
    // 6 one-GPU replicas: gpu4 + 2 x gpu1 = $4.50/h (two gpu4 $5, six gpu1 $6): $45 for 10 h.
    const ReplicaClass r = replicas(0, 6, 1, "2", "8");
    const std::vector<detail::ClassOptions> options{detail::options_for(r, shapes, unshared)};
    detail::ExactSearch search(options, shapes, ten_hours);
    const auto best = search.run(Money(Decimal(1000)));
    REQUIRE(best);
    CHECK(price_of(*best) == Money(Decimal(45)));
    // Nothing cheaper than a bound at the optimum: no fleet.
    detail::ExactSearch bounded(options, shapes, ten_hours);
    CHECK_FALSE(bounded.run(Money(Decimal(45))));
}
