// GPU sharing through the whole comparison: fractional GPUs, time-slicing, MPS (EKS and ECS), MIG
// and fractional-GPU instances; utilization, the saving against no sharing, and showback.
// Instance facts: g5.xlarge has one A10G of 22888 MiB (22.3515625 GiB) at $1.006/h; p4de.24xlarge
// has eight A100-80GB at $27.44705/h; g6f.large is 1/8 of an L4 (2.7939453125 GiB) at $0.202/h.
#include "scenario_fixture.hpp"

using namespace libtco;
using fixture::capture;
using fixture::cents;
using fixture::compare;
using fixture::scenario_json;

namespace {

const std::string fractional_8 = R"([{"name": "w", "replicas": 8, "gpus": 0.4, "gpu_memory_gib": 8, "vcpu": 1, "memory_gib": 4}])";

std::int64_t nodes_of(const PlatformReport& r) {
    std::int64_t n = 0;
    for (const InstanceGroup& g : r.instances) n += g.count;
    return n;
}

}  // namespace

TEST_CASE("8 replicas of 0.4 GPU on g5.xlarge: ECS without sharing needs 8 instances, EKS time-slicing 4") {
    const Comparison c = compare(scenario_json(fractional_8, R"({"node_types": ["g5.xlarge"], "gpu_sharing": "time-slicing"})",
                                               R"({"node_types": ["g5.xlarge"]})"));
    CHECK(nodes_of(c.ecs) == 8);  // whole GPUs per task
    // Two per GPU: 2 x 8 = 16 GiB of 22.35; a third (24 GiB) does not fit. Compute: 2 x 0.4 / 0.9 = 0.89 <= 1.
    CHECK(nodes_of(c.eks) == 4);
    CHECK(cents(c.eks.category_total(category::compute)) == "2937.52");  // 4 x 730 x 1.006
    CHECK(cents(c.ecs.category_total(category::compute)) == "5875.04");  // 8 x 730 x 1.006
    for (const NodePlan& n : c.eks.placement) {
        REQUIRE(n.gpus.size() == 1);
        CHECK(n.gpus[0].replicas.at("w") == 2);
        CHECK(n.gpus[0].memory_used.to_string() == "16");
    }
    // Utilization: 8 x 0.4 x 730 = 2336 GPU-hours requested of 4 x 730 = 2920 paid = 0.8.
    CHECK(c.eks.utilization.gpu_hours_requested.to_string() == "2336");
    CHECK(c.eks.utilization.gpu_hours_paid.to_string() == "2920");
    CHECK(c.eks.utilization.gpu_utilization()->to_string() == "0.8");
    // The saving: the same workloads without sharing need 8 GPUs.
    CHECK(c.eks.utilization.gpus_without_sharing->to_string() == "8");
    CHECK(cents(*c.eks.utilization.compute_without_sharing - c.eks.utilization.compute) == "2937.52");
    CHECK_FALSE(c.ecs.utilization.compute_without_sharing.has_value());  // ECS does not share
    CHECK(c.ecs.utilization.gpu_utilization()->to_string() == "0.4");
}

TEST_CASE("time-slicing efficiency below 0.8 leaves one 0.4 replica per GPU") {
    // 2 x 0.4 / 0.75 = 1.07 > 1.
    const Comparison c = compare(scenario_json(
        fractional_8, R"({"node_types": ["g5.xlarge"], "gpu_sharing": "time-slicing", "time_slicing_efficiency": 0.75})"));
    CHECK(nodes_of(c.eks) == 8);
}

TEST_CASE("time-slicing replicas_per_gpu caps the pods on a GPU") {
    const std::string small = R"([{"name": "s", "replicas": 6, "gpus": 0.1, "gpu_memory_gib": 2, "vcpu": 0.5, "memory_gib": 1}])";
    // 6 x 0.1 / 0.9 fits one GPU by compute and memory, but only 2 pods may share it: 3 nodes.
    const Comparison c = compare(scenario_json(small, R"({"node_types": ["g5.xlarge"], "gpu_sharing": "time-slicing", "replicas_per_gpu": 2})"));
    CHECK(nodes_of(c.eks) == 3);
}

TEST_CASE("ECS MPS places by GPU memory, EKS MPS gives each client 1/N of the GPU") {
    // ECS nvidiaMps: 22.35 GiB / 8 GiB = 2 tasks per GPU (compute is a cap, not a reservation).
    const Comparison ecs = compare(scenario_json(fractional_8, "{}", R"({"node_types": ["g5.xlarge"], "gpu_sharing": "mps"})"));
    CHECK(nodes_of(ecs.ecs) == 4);
    CHECK(ecs.ecs.gpu_sharing.replicas_per_gpu == 48);
    // EKS MPS with 2 clients: each gets 0.5 of the compute and 11.18 GiB: a 0.4 / 8 GiB replica fits.
    const Comparison two = compare(scenario_json(fractional_8, R"({"node_types": ["g5.xlarge"], "gpu_sharing": "mps", "replicas_per_gpu": 2})"));
    CHECK(nodes_of(two.eks) == 4);
    // With 3 clients each gets 1/3 of the compute, below 0.4: each replica runs alone on a GPU,
    // unshared, as without sharing: 8 g5.xlarge, and no saving.
    const Comparison three = compare(scenario_json(fractional_8, R"({"node_types": ["g5.xlarge"], "gpu_sharing": "mps", "replicas_per_gpu": 3})"));
    CHECK(nodes_of(three.eks) == 8);
    for (const NodePlan& n : three.eks.placement) {
        REQUIRE(n.gpus.size() == 1);
        CHECK(n.gpus[0].exclusive);
    }
    CHECK(three.eks.utilization.gpus_without_sharing->to_string() == "8");
    CHECK(cents(*three.eks.utilization.compute_without_sharing) == cents(three.eks.utilization.compute));
}

TEST_CASE("a replica too large to time-slice runs alone on a GPU instead of not at all") {
    // 0.95 / 0.9 = 1.06 of a GPU: more than one GPU's compute, so it cannot share one. Without
    // sharing it takes a GPU whole; with time-slicing it now does the same: 3 g5.xlarge.
    const std::string big = R"([{"name": "b", "replicas": 3, "gpus": 0.95, "gpu_memory_gib": 20, "vcpu": 1, "memory_gib": 4}])";
    const Comparison c = compare(scenario_json(big, R"({"node_types": ["g5.xlarge"], "gpu_sharing": "time-slicing"})"));
    CHECK(nodes_of(c.eks) == 3);
    CHECK(cents(c.eks.category_total(category::compute)) == "2203.14");  // 3 x 730 x 1.006
    CHECK(c.eks.utilization.gpus_paid.to_string() == "3");
    // 1/8 of an L4 on a g6f.large: 0.125 / 0.9 = 0.139 is more than the type's 0.125, so the replica
    // runs alone there, as it does without sharing (before, time-slicing could not place it at all).
    const std::string eighth = R"([{"name": "t", "replicas": 2, "gpus": 0.125, "gpu_memory_gib": 2, "vcpu": 1, "memory_gib": 2}])";
    const Comparison g6f = compare(scenario_json(eighth, R"({"node_types": ["g6f.large"], "gpu_sharing": "time-slicing"})"));
    CHECK(nodes_of(g6f.eks) == 2);
    CHECK(cents(g6f.eks.category_total(category::compute)) == "294.92");  // 2 x 730 x 0.202
    CHECK(g6f.eks.utilization.gpus_paid == *g6f.eks.utilization.gpus_without_sharing);
}

TEST_CASE("7 replicas asking one 1g.10gb slice each fit on one A100-80GB GPU under MIG") {
    const std::string seven = R"([{"name": "slice", "replicas": 7, "gpus": 0.1, "gpu_memory_gib": 10, "vcpu": 1, "memory_gib": 4}])";
    const Comparison c = compare(scenario_json(seven, R"({"node_types": ["p4de.24xlarge"], "gpu_sharing": "mig"})"));
    REQUIRE(c.eks.placement.size() == 1);
    const NodePlan& node = c.eks.placement[0];
    std::int64_t used_gpus = 0;
    for (const GpuPlan& g : node.gpus) {
        if (g.replicas.empty()) continue;
        ++used_gpus;
        CHECK(g.replicas.at("slice") == 7);
        CHECK(g.mig_layout.size() == 7);
        for (const auto& [profile, start] : g.mig_layout) CHECK(profile == "1g.10gb");
    }
    CHECK(used_gpus == 1);
}

TEST_CASE("a 4g and a second 4g never share a GPU") {
    const std::string two = R"([{"name": "half", "replicas": 2, "gpus": 0.5, "gpu_memory_gib": 30, "vcpu": 1, "memory_gib": 4}])";
    const Comparison c = compare(scenario_json(two, R"({"node_types": ["p4de.24xlarge"], "gpu_sharing": "mig"})"));
    REQUIRE(c.eks.placement.size() == 1);
    std::int64_t used_gpus = 0;
    for (const GpuPlan& g : c.eks.placement[0].gpus) {
        if (g.replicas.empty()) continue;
        ++used_gpus;
        REQUIRE(g.mig_layout.size() == 1);
        CHECK(g.mig_layout[0].first == "4g.40gb");
    }
    CHECK(used_gpus == 2);
}

TEST_CASE("a 4g and a 3g share a GPU") {
    const std::string mixed = R"([{"name": "big", "replicas": 1, "gpus": 0.5, "gpu_memory_gib": 30, "vcpu": 1, "memory_gib": 4},
                                  {"name": "mid", "replicas": 1, "gpus": 0.4, "gpu_memory_gib": 30, "vcpu": 1, "memory_gib": 4}])";
    const Comparison c = compare(scenario_json(mixed, R"({"node_types": ["p4de.24xlarge"], "gpu_sharing": "mig"})"));
    REQUIRE(c.eks.placement.size() == 1);
    std::int64_t used_gpus = 0;
    for (const GpuPlan& g : c.eks.placement[0].gpus) used_gpus += g.replicas.empty() ? 0 : 1;
    CHECK(used_gpus == 1);
}

TEST_CASE("fractional-GPU instances (g6f) carry fractional replicas on either platform") {
    // 0.1 of an L4 with 2 GiB fits 1/8 of an L4 (0.125, 2.79 GiB): one g6f.large ($0.202/h) each.
    const std::string tiny = R"([{"name": "t", "replicas": 3, "gpus": 0.1, "gpu_memory_gib": 2, "vcpu": 1, "memory_gib": 2}])";
    const Comparison c = compare(scenario_json(tiny, R"({"node_types": ["g6f.large"]})", R"({"node_types": ["g6f.large"]})"));
    CHECK(nodes_of(c.eks) == 3);
    CHECK(nodes_of(c.ecs) == 3);
    CHECK(cents(c.ecs.category_total(category::compute)) == "442.38");  // 3 x 730 x 0.202
    // GPUs paid: 3 x 0.125 = 0.375.
    CHECK(c.ecs.utilization.gpus_paid.to_string() == "0.375");
}

TEST_CASE("showback adds up exactly to the compute total, idle as its own line") {
    const Comparison c = compare(scenario_json(fractional_8, R"({"node_types": ["g5.xlarge"], "gpu_sharing": "time-slicing"})",
                                               R"({"node_types": ["g5.xlarge"]})"));
    for (const PlatformReport* r : {&c.eks, &c.ecs}) {
        Money sum;
        for (const ShowbackLine& line : r->showback) sum += line.amount;
        CHECK(sum == r->category_total(category::compute));
        REQUIRE(r->showback.size() == 2);
        CHECK(r->showback.back().workload == "(idle)");
        Money rounded;
        for (const Money& m : r->rounded_showback()) rounded += m;
        CHECK(rounded == round_to_cents(r->category_total(category::compute)));
    }
    // ECS: 8 nodes of $734.38 = 5875.04. The GPU share (0.7) is 4112.528; each 0.4-GPU replica is
    // allocated 0.4 of it, so 0.6 of the GPU cost, 2467.5168, is idle before the vCPU/memory parts.
    CHECK(c.ecs.showback.back().amount > Money(Decimal::parse("2467.5168")));
}

TEST_CASE("bad sharing requests fail with path-precise errors") {
    SUBCASE("a fraction above one GPU") {
        const error e = capture([] { compare(scenario_json(R"([{"name": "x", "replicas": 1, "gpus": 1.5, "vcpu": 1, "memory_gib": 1}])")); });
        CHECK(e.code() == errc::not_whole);
        CHECK(e.path() == "/workloads/0/gpus");
    }
    SUBCASE("a fraction needing more memory than the largest GPU") {
        const error e = capture([] {
            compare(scenario_json(R"([{"name": "x", "replicas": 1, "gpus": 0.5, "gpu_memory_gib": 500, "vcpu": 1, "memory_gib": 1}])",
                                  R"({"gpu_sharing": "time-slicing"})"));
        });
        CHECK(e.code() == errc::unplaceable_replica);
        CHECK(e.path() == "/workloads/0");
    }
    SUBCASE("MIG on an A10G") {
        const error e = capture([] {
            compare(scenario_json(R"([{"name": "x", "replicas": 1, "gpus": 0.25, "vcpu": 1, "memory_gib": 1, "gpu_models": ["A10G"]}])",
                                  R"({"gpu_sharing": "mig"})"));
        });
        CHECK(e.code() == errc::inconsistent);
        CHECK(e.path() == "/workloads/0/gpu_models");
        CHECK(std::string(e.what()).find("A10G") != std::string::npos);
    }
    SUBCASE("more MPS clients than allowed") {
        const error e = capture([] { compare(scenario_json(fractional_8, R"({"gpu_sharing": "mps", "replicas_per_gpu": 49})")); });
        CHECK(e.code() == errc::out_of_range);
        CHECK(e.path() == "/eks/replicas_per_gpu");
    }
    SUBCASE("time-slicing or MIG on ECS") {
        const error e = capture([] { compare(scenario_json(fractional_8, "{}", R"({"gpu_sharing": "time-slicing"})")); });
        CHECK(e.code() == errc::out_of_range);
        CHECK(e.path() == "/ecs/gpu_sharing");
    }
    SUBCASE("an unknown strategy") {
        const error e = capture([] { compare(scenario_json(fractional_8, R"({"gpu_sharing": "slicing"})")); });
        CHECK(e.code() == errc::bad_format);
        CHECK(e.path() == "/eks/gpu_sharing");
    }
    SUBCASE("an efficiency without time-slicing") {
        const error e = capture([] { compare(scenario_json(fractional_8, R"({"gpu_sharing": "mps", "time_slicing_efficiency": 0.9})")); });
        CHECK(e.code() == errc::inconsistent);
        CHECK(e.path() == "/eks/time_slicing_efficiency");
    }
}

TEST_CASE("a fraction without sharing takes a whole GPU and reports it idle") {
    const Comparison c = compare(scenario_json(R"([{"name": "x", "replicas": 2, "gpus": 0.25, "vcpu": 1, "memory_gib": 2}])",
                                               R"({"node_types": ["g5.xlarge"]})"));
    CHECK(nodes_of(c.eks) == 2);
    // Requested 2 x 0.25 x 730 = 365 of 1460 GPU-hours paid.
    CHECK(c.eks.utilization.gpu_utilization()->to_string() == "0.25");
}
