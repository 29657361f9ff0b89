#include "scenario_fixture.hpp"

using namespace libtco;
using fixture::capture;
using fixture::category_cents;
using fixture::cents;
using fixture::compare;
using fixture::scenario_json;

static const std::string no_workloads = "[]";

TEST_CASE("one EKS cluster for a 730-hour month: $73.00 standard, $438.00 extended") {
    CHECK(category_cents(compare(scenario_json(no_workloads)).eks, category::control_plane) == "73.00");
    CHECK(category_cents(compare(scenario_json(no_workloads, R"({"support": "extended"})")).eks, category::control_plane) == "438.00");
    CHECK(category_cents(compare(scenario_json(no_workloads, R"({"clusters": 2})")).eks, category::control_plane) == "146.00");
    CHECK(category_cents(compare(scenario_json(no_workloads)).ecs, category::control_plane) == "0.00");
}

TEST_CASE("calendar months: Feb 2028 is 696 h ($69.60), Mar 2027 is 744 h ($74.40)") {
    const auto fee_for = [](const char* month) {
        const std::string json = std::string(R"({"schema_version": 1, "month": ")") + month +
                                 R"(", "hours_basis": "calendar", "team": {"engineers": 0, "loaded_cost_per_engineer_year": 0}, "workloads": []})";
        const Comparison c = compare(json);
        CHECK(c.hours.value() == (std::string(month) == "2028-02" ? Decimal(696) : Decimal(744)));
        return category_cents(c.eks, category::control_plane);
    };
    CHECK(fee_for("2028-02") == "69.60");
    CHECK(fee_for("2027-03") == "74.40");
}

TEST_CASE("staff: an empty cluster takes 52 h on EKS and 10 h on ECS, and the seed's shares 0.2 and 0.02 of six engineers at $200,000 cost $20,000 and $2,000") {
    // eks-karpenter: cluster care 16 + upgrades 40 x 3 / 12 + add-ons 2 x 7 + on-call 12 = 52 h (no node pool, no
    // workload) x 200,000 / 1,840 = $5,652.17; ecs-asg: 4 + 2 x 1 + 4 = 10 h = $1,086.96.
    const Comparison c = compare(scenario_json(no_workloads));
    CHECK(category_cents(c.eks, category::operations) == "5652.17");
    CHECK(category_cents(c.ecs, category::operations) == "1086.96");
    CHECK(c.eks.staff.hours_per_month == Decimal(52));
    CHECK(c.ecs.staff.hours_per_month == Decimal(10));
    const Comparison custom = compare(scenario_json(no_workloads, R"({"operations": {"share": 0.2}})", R"({"operations": {"share": "0.02"}})"));
    CHECK(category_cents(custom.eks, category::operations) == "20000.00");  // 0.2 x 1,200,000 / 12
    CHECK(category_cents(custom.ecs, category::operations) == "2000.00");
}

TEST_CASE("3 x m5.xlarge at $0.192/h for 730 h is $420.48") {
    // 3 vCPU / 12 GiB replicas: one per m5.xlarge on both platforms (EKS allocatable 3.92 vCPU; ECS 4 vCPU)
    const Comparison c = compare(scenario_json(R"([{"name": "svc", "replicas": 3, "vcpu": 3, "memory_gib": 12}])",
                                               R"({"node_types": ["m5.xlarge"]})", R"({"node_types": ["m5.xlarge"]})"));
    CHECK(category_cents(c.eks, category::compute) == "420.48");
    CHECK(category_cents(c.ecs, category::compute) == "420.48");
    REQUIRE(c.ecs.instances.size() == 1);
    CHECK(c.ecs.instances[0].count == 3);
}

TEST_CASE("8 one-GPU replicas on g5.xlarge cost 8 x $1.006 x 730 = $5,875.04") {
    const Comparison c = compare(scenario_json(R"([{"name": "infer", "replicas": 8, "gpus": 1, "vcpu": 1, "memory_gib": 4}])",
                                               R"({"node_types": ["g5.xlarge"]})", R"({"node_types": ["g5.xlarge"]})"));
    CHECK(category_cents(c.eks, category::compute) == "5875.04");
    CHECK(category_cents(c.ecs, category::compute) == "5875.04");
    CHECK(c.eks.instances.at(0).replicas.at("infer") == 8);
    // staff (one GPU pool, one workload): EKS 16 + 10 + 4 + 14 + 12 + 4 = 60 h x 200,000 / 1,840 = 6,521.74;
    // ECS 4 + 4 + 2 + 4 + 4 = 18 h = 1,956.52. totals: EKS 73 + 5,875.04 + 6,521.74 = 12,469.78; ECS 7,831.56
    CHECK(cents(c.eks.rounded_total()) == "12469.78");
    CHECK(cents(c.ecs.rounded_total()) == "7831.56");
    CHECK(cents(c.difference()) == "4638.22");
    // Without staff time EKS is cheaper by its cluster fee: 73 + 5,875.04 against 5,875.04.
    CHECK(cents(c.eks.rounded_infrastructure()) == "5948.04");
    CHECK(cents(c.ecs.rounded_infrastructure()) == "5875.04");
    CHECK(cents(c.infrastructure_difference()) == "73.00");
    CHECK(cents(c.eks.rounded_staff() + c.eks.rounded_infrastructure()) == cents(c.eks.rounded_total()));
    CHECK(c.cheaper() == "ecs");
}

TEST_CASE("the packer picks the cheaper fleet, not the first type that fits") {
    // 4 replicas of 1 GPU / 10 vCPU / 40 GiB: 4 x g5.4xlarge = $6.496/h, 1 x g5.12xlarge (4 GPUs, 48 vCPU, 192 GiB) = $5.672/h
    const Comparison c = compare(scenario_json(R"([{"name": "big", "replicas": 4, "gpus": 1, "vcpu": 10, "memory_gib": 40}])",
                                               R"({"node_types": ["g5.4xlarge", "g5.12xlarge"]})",
                                               R"({"node_types": ["g5.4xlarge", "g5.12xlarge"]})"));
    CHECK(category_cents(c.eks, category::compute) == "4140.56");  // 5.672 x 730
    CHECK(category_cents(c.ecs, category::compute) == "4140.56");
    // and the other way round: 8 small replicas are cheaper on 8 x g5.xlarge ($8.048/h) than 2 x g5.12xlarge ($11.344/h)
    const Comparison small = compare(scenario_json(R"([{"name": "small", "replicas": 8, "gpus": 1, "vcpu": 1, "memory_gib": 4}])",
                                                   R"({"node_types": ["g5.12xlarge", "g5.xlarge"]})", "{}"));
    CHECK(category_cents(small.eks, category::compute) == "5875.04");
}

TEST_CASE("EKS packs against allocatable capacity, ECS against nominal less the reservation") {
    // 2 GPU replicas (1 GPU, 2 vCPU, 8 GiB) and 4 CPU replicas (1 vCPU, 1 GiB) on g5.xlarge or c5.large.
    // ECS: a g5.xlarge (4 vCPU, 15.75 GiB) takes one GPU replica and two CPU replicas: 2 x 1.006 x 730 = 1,468.76.
    // EKS: a g5.xlarge offers 3.92 vCPU, so only one CPU replica fits beside the GPU one; the other two need a
    // c5.large each (1.93 allocatable vCPU): 1,468.76 + 2 x 0.085 x 730 = 1,468.76 + 124.10 = 1,592.86.
    const std::string workloads = R"([{"name": "gpu", "replicas": 2, "gpus": 1, "vcpu": 2, "memory_gib": 8},
                                      {"name": "cpu", "replicas": 4, "vcpu": 1, "memory_gib": 1}])";
    const std::string types = R"({"node_types": ["g5.xlarge", "c5.large"]})";
    const Comparison c = compare(scenario_json(workloads, types, types));
    CHECK(category_cents(c.ecs, category::compute) == "1468.76");
    CHECK(category_cents(c.eks, category::compute) == "1592.86");
}

TEST_CASE("GPU model and GPU memory requirements steer the choice") {
    // A10G only: g5.xlarge ($1.006) although g6.xlarge ($0.8048) is cheaper
    const Comparison a10g = compare(scenario_json(R"([{"name": "w", "replicas": 1, "gpus": 1, "vcpu": 1, "memory_gib": 4, "gpu_models": ["A10G"]}])",
                                                  R"({"node_types": ["g5.xlarge", "g6.xlarge"]})", R"({"node_types": ["g5.xlarge", "g6.xlarge"]})"));
    CHECK(category_cents(a10g.ecs, category::compute) == "734.38");  // 1.006 x 730
    // 24 GiB of GPU memory does not fit an A10G (22.35 GiB): the L40S g6e.xlarge at $1.861/h
    const Comparison mem = compare(scenario_json(R"([{"name": "w", "replicas": 1, "gpus": 1, "gpu_memory_gib": 24, "vcpu": 1, "memory_gib": 4}])",
                                                 R"({"node_types": ["g5.xlarge", "g6e.xlarge"]})", R"({"node_types": ["g5.xlarge", "g6e.xlarge"]})"));
    CHECK(category_cents(mem.eks, category::compute) == "1358.53");  // 1.861 x 730 = 1,358.53
}

TEST_CASE("workload hours: 100 h on one g5.xlarge is $100.60") {
    const Comparison c = compare(scenario_json(R"([{"name": "job", "replicas": 1, "gpus": 1, "vcpu": 1, "memory_gib": 4, "hours": 100}])",
                                               R"({"node_types": ["g5.xlarge"]})", R"({"node_types": ["g5.xlarge"]})"));
    CHECK(category_cents(c.eks, category::compute) == "100.60");
    CHECK(c.eks.line_items.at(1).item == "g5.xlarge @ 100 h");
}

TEST_CASE("given nodes are charged as given and filled first") {
    // 2 given g5.xlarge + 1 placed: 2 x 1.006 x 730 = 1,468.76 and 734.38; 2,203.14 in all
    const Comparison c = compare(scenario_json(R"([{"name": "w", "replicas": 3, "gpus": 1, "vcpu": 2, "memory_gib": 8}])", "{}",
                                               R"({"node_types": ["g5.xlarge"], "nodes": [{"instance_type": "g5.xlarge", "count": 2}]})"));
    CHECK(category_cents(c.ecs, category::compute) == "2203.14");
    REQUIRE(c.ecs.instances.size() == 2);
    CHECK(c.ecs.instances[0].given);
    CHECK(c.ecs.instances[0].count == 2);
    CHECK_FALSE(c.ecs.instances[1].given);
    // idle given capacity still costs: 1 x m5.xlarge for 100 h = $19.20
    const Comparison idle = compare(scenario_json(no_workloads, R"({"nodes": [{"instance_type": "m5.xlarge", "count": 1, "hours": 100}]})"));
    CHECK(category_cents(idle.eks, category::compute) == "19.20");
}

TEST_CASE("scenario prices and custom types") {
    // g5.xlarge negotiated down to $0.90: 8 x 0.9 x 730 = $5,256.00
    const Comparison c = compare(scenario_json(R"([{"name": "w", "replicas": 8, "gpus": 1, "vcpu": 1, "memory_gib": 4}])",
                                               R"({"node_types": ["g5.xlarge"]})", R"({"node_types": ["g5.xlarge"]})",
                                               R"("instance_types": {"g5.xlarge": {"on_demand_usd_per_hour": "0.90"}}, )"));
    CHECK(category_cents(c.eks, category::compute) == "5256.00");
    CHECK(c.eks.instances.at(0).price_source == "scenario");
    // a custom type: 2 replicas on 2 x my.gpu at $0.50: 2 x 0.5 x 730 = $730.00
    const Comparison custom = compare(scenario_json(
        R"([{"name": "w", "replicas": 2, "gpus": 1, "vcpu": 4, "memory_gib": 16}])", R"({"node_types": ["my.gpu"]})", R"({"node_types": ["my.gpu"]})",
        R"("instance_types": {"my.gpu": {"vcpu": 8, "memory_gib": 32, "gpus": 1, "gpu_model": "L4", "on_demand_usd_per_hour": "0.5"}}, )"));
    CHECK(category_cents(custom.ecs, category::compute) == "730.00");
}

TEST_CASE("rounded line items add up to the rounded total, and the difference is EKS minus ECS") {
    const Comparison c = compare(std::string(default_scenario_json));
    for (const PlatformReport* r : {&c.eks, &c.ecs}) {
        Money sum;
        for (const Money& m : r->rounded_line_items()) sum += m;
        CHECK(sum == r->rounded_total());
    }
    // the default scenario's fixed parts, by hand: EKS fee 73.00; staff 84 h and 42 h at 200,000 / 1,840
    // (README, the worked example): 9,130.43 and 4,565.22;
    // fine-tuning 8 x H100 for 120 h on one p5.48xlarge, on spot (57% off: 55.04 x 0.43 = 23.6672 $/h)
    // with ECS's fixed-list fallback of 15%: 0.85 x 120 x 23.6672 = 2,414.0544 and 0.15 x 120 x 55.04 = 990.72
    CHECK(category_cents(c.eks, category::control_plane) == "73.00");
    CHECK(category_cents(c.eks, category::operations) == "9130.43");
    CHECK(category_cents(c.ecs, category::operations) == "4565.22");
    int found = 0;
    for (const LineItem& li : c.ecs.line_items) {
        if (li.item == "p5.48xlarge @ 120 h (spot)") { CHECK(cents(li.amount) == "2414.05"); ++found; }
        if (li.item == "p5.48xlarge @ 120 h (on-demand share)") { CHECK(cents(li.amount) == "990.72"); ++found; }
    }
    CHECK(found == 2);
}

TEST_CASE("inputs that cannot be costed are errors with paths") {
    const auto error_of = [](const std::string& json) { return capture([&] { (void)compare(json); }); };
    const std::string w = R"([{"name": "w", "replicas": 1, "gpus": 1, "vcpu": 1, "memory_gib": 4}])";
    error e = error_of(scenario_json(w, R"({"node_types": ["g5.xlarge", "g9.huge"]})"));
    CHECK(e.code() == errc::unknown_instance_type);
    CHECK(e.path() == "/eks/node_types/1");
    CHECK(e.code_name() == "libtco.lookup.200");
    e = error_of(scenario_json(R"([{"name": "huge", "replicas": 1, "gpus": 16, "vcpu": 1, "memory_gib": 4}])"));
    CHECK(e.code() == errc::unplaceable_replica);
    CHECK(e.path() == "/workloads/0");
    e = error_of(scenario_json(w, "{}", R"({"node_types": ["p5e.48xlarge"]})"));
    CHECK(e.code() == errc::no_price);
    CHECK(e.path() == "/ecs/node_types/0");
    e = error_of(scenario_json(w, "{}", "{}", R"("region": "eu-west-1", )"));
    CHECK(e.code() == errc::region_mismatch);
    CHECK(e.path() == "/region");
    e = error_of(scenario_json(R"([{"name": "w", "replicas": 1, "gpus": 1, "vcpu": 1, "memory_gib": 4, "gpu_models": ["Z80"]}])"));
    CHECK(e.code() == errc::unknown_gpu_model);
    CHECK(e.path() == "/workloads/0/gpu_models/0");
    e = error_of(scenario_json(w, "{}", R"({"nodes": [{"instance_type": "nope.large", "count": 1}]})"));
    CHECK(e.path() == "/ecs/nodes/0/instance_type");
    e = error_of(scenario_json(w, R"({"node_types": ["g5.xlarge"]})", "{}", R"("instance_types": {"g5.xlarge": {"on_demand_usd_per_hour": "10000000000000000000000000"}}, )"));
    CHECK(e.code() == errc::overflow);
}

TEST_CASE("EKS holds at most max_pods replicas per node, ECS has no pod limit") {
    // 100 tiny replicas on t3.micro ($0.0104/h). EKS: max_pods 4 -> 25 nodes: 25 x 0.0104 x 730 = 189.80.
    // ECS: 1 GiB - 0.25 reserved = 0.75 GiB holds 15 replicas of 0.05 GiB -> 7 nodes: 7 x 0.0104 x 730 = 53.144.
    const std::string types = R"({"node_types": ["t3.micro"]})";
    const Comparison c = compare(scenario_json(R"([{"name": "tiny", "replicas": 100, "vcpu": 0.05, "memory_gib": 0.05}])", types, types));
    CHECK(category_cents(c.eks, category::compute) == "189.80");
    CHECK(category_cents(c.ecs, category::compute) == "53.14");
}

TEST_CASE("replicas run on their images' CPU architecture") {
    // g5g.xlarge (arm64, T4G) at $0.42/h is cheaper than g4dn.xlarge (x86_64, T4) at $0.526/h.
    const auto compute = [](const char* arch) {
        const std::string types = R"({"node_types": ["g5g.xlarge", "g4dn.xlarge"]})";
        const std::string w = std::string(R"([{"name": "w", "replicas": 1, "gpus": 1, "vcpu": 1, "memory_gib": 4)") +
                              (arch ? std::string(R"(, "arch": ")") + arch + "\"" : std::string()) + "}]";
        return category_cents(compare(scenario_json(w, types, types)).ecs, category::compute);
    };
    CHECK(compute(nullptr) == "383.98");   // x86_64 by default: 0.526 x 730
    CHECK(compute("arm64") == "306.60");   // 0.42 x 730
    CHECK(compute("any") == "306.60");
}

TEST_CASE("two small GPU workloads and CPU ones share one p4d.24xlarge rather than four p5.4xlarge") {
    // 2 one-GPU replicas, 2 eighth-GPU ones (a whole GPU each, unshared) and 7 two-vCPU CPU replicas,
    // A100 or H100 only, on 18 types (too many for the exhaustive search). Covering each workload
    // with the cheapest mix for itself gives 4 p5.4xlarge: 4 x $6.88 x 730 = $20,089.60. One
    // p4d.24xlarge holds all of them (4 of its 8 GPUs, 2 x 3 + 2 x 1 + 7 x 2 = 22 of 96 vCPU):
    // $21.957642 x 730 = $16,029.08.
    const std::string workloads = R"([
        {"name": "w0", "replicas": 2, "gpus": 1, "vcpu": 3, "memory_gib": 4, "gpu_models": ["A100-40GB", "H100"]},
        {"name": "w1", "replicas": 2, "gpus": 0.125, "gpu_memory_gib": 5, "vcpu": 1, "memory_gib": 1, "gpu_models": ["A100-40GB", "H100"]},
        {"name": "w3", "replicas": 7, "vcpu": 2, "memory_gib": 0.5}])";
    const std::string types = R"({"node_types": ["g4dn.xlarge", "g4dn.12xlarge", "g5.xlarge", "g5.2xlarge", "g5.12xlarge", "g6.xlarge",
        "g6.4xlarge", "g6f.large", "g6f.2xlarge", "g6f.4xlarge", "p4d.24xlarge", "p5.4xlarge", "m5.large", "m5.xlarge", "m5.4xlarge",
        "c5.2xlarge", "r5.large", "t3.xlarge"]})";
    const Comparison c = compare(scenario_json(workloads, types, types));
    REQUIRE(c.ecs.instances.size() == 1);
    CHECK(c.ecs.instances[0].instance_type == "p4d.24xlarge");
    CHECK(c.ecs.instances[0].count == 1);
    CHECK(cents(c.ecs.category_total(category::compute)) == "16029.08");
}
