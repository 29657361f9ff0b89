// Buying capacity beyond on-demand: spot (with interruptions and fallback), commitments on the
// steady baseline, EKS Auto Mode's fee and the items a team adds. Figures by hand from the catalog:
// p5en.48xlarge $63.296/h on-demand and $27.1988/h spot (Aug 2026); t3.medium $0.0416/h with a
// 1-year no-upfront RI at 37% off; m5.large $0.096/h with a published Auto Mode fee of $0.01152/h.
#include "scenario_fixture.hpp"

using namespace libtco;
using fixture::capture;
using fixture::cents;
using fixture::compare;
using fixture::scenario_json;

namespace {

const std::string h200_training =
    R"([{"name": "train", "replicas": 1, "gpus": 8, "vcpu": 96, "memory_gib": 1024, "gpu_models": ["H200"], "spot_tolerant": true}])";

const LineItem& line(const PlatformReport& r, const std::string& item) {
    for (const LineItem& li : r.line_items)
        if (li.item == item) return li;
    FAIL("no line item " << item);
    return r.line_items.front();
}

bool has_line(const PlatformReport& r, const std::string& item) {
    for (const LineItem& li : r.line_items)
        if (li.item == item) return true;
    return false;
}

}  // namespace

TEST_CASE("a p5en.48xlarge running 730 h on spot costs $19,855.12 before interruptions") {
    const Comparison c = compare(scenario_json(h200_training, R"({"node_types": ["p5en.48xlarge"], "spot": {"share": 1, "fallback_share": 0}})"));
    const LineItem& spot = line(c.eks, "p5en.48xlarge (spot)");
    CHECK(cents(spot.amount) == "19855.12");  // 730 x 27.1988 = 19,855.124
    CHECK(spot.category == category::compute);
    CHECK_FALSE(has_line(c.eks, "p5en.48xlarge"));  // nothing on-demand
    // Interruptions: p5en has no Advisor bucket, so the middle one (10-15%: 0.125 a month) applies;
    // each costs 60/2 + 10 minutes: 0.125 x 40/60 h x 27.1988 = 2.2666.
    const LineItem& lost = line(c.eks, "spot interruptions (lost work)");
    CHECK(cents(lost.amount) == "2.27");
    CHECK(lost.confidence == Confidence::low);
    // ECS without a spot policy stays on-demand: 730 x 63.296 = 46,206.08.
    CHECK(cents(line(c.ecs, "p5en.48xlarge").amount) == "46206.08");
}

TEST_CASE("spot falls back to on-demand by the diversification's share") {
    // EKS (Karpenter, diversified): 5% fallback. 730 x 0.95 x 27.1988 = 18,862.3678; 730 x 0.05 x 63.296 = 2,310.304.
    // ECS (a capacity provider's fixed list): 15%. 730 x 0.85 x 27.1988 = 16,876.8554; 730 x 0.15 x 63.296 = 6,930.912.
    const Comparison c = compare(scenario_json(h200_training, R"({"node_types": ["p5en.48xlarge"], "spot": {"share": 1}})",
                                               R"({"node_types": ["p5en.48xlarge"], "spot": {"share": 1}})"));
    CHECK(cents(line(c.eks, "p5en.48xlarge (spot)").amount) == "18862.37");
    CHECK(cents(line(c.eks, "p5en.48xlarge (on-demand share)").amount) == "2310.30");
    CHECK(cents(line(c.ecs, "p5en.48xlarge (spot)").amount) == "16876.86");
    CHECK(cents(line(c.ecs, "p5en.48xlarge (on-demand share)").amount) == "6930.91");
}

TEST_CASE("a given interruption rate and checkpoint interval set the lost work") {
    const std::string w =
        R"([{"name": "train", "replicas": 1, "gpus": 8, "vcpu": 96, "memory_gib": 1024, "gpu_models": ["H200"], "spot_tolerant": true,
             "checkpoint_interval_minutes": 120, "restart_minutes": 0}])";
    const Comparison c = compare(scenario_json(w, R"({"node_types": ["p5en.48xlarge"],
        "spot": {"share": 1, "fallback_share": 0, "interruptions_per_month": 3}})"));
    // 3 interruptions x 1 hour lost (120/2 min) x 27.1988 = 81.5964.
    CHECK(cents(line(c.eks, "spot interruptions (lost work)").amount) == "81.60");
}

TEST_CASE("workloads that do not tolerate interruption stay on-demand") {
    const std::string w = R"([{"name": "serve", "replicas": 1, "gpus": 8, "vcpu": 96, "memory_gib": 1024, "gpu_models": ["H200"]}])";
    const Comparison c = compare(scenario_json(w, R"({"node_types": ["p5en.48xlarge"], "spot": {"share": 1}})"));
    CHECK(cents(line(c.eks, "p5en.48xlarge").amount) == "46206.08");
    CHECK_FALSE(has_line(c.eks, "spot interruptions (lost work)"));
}

TEST_CASE("a 1-year no-upfront commitment at 37% off on $0.0416/h costs $19.13 a month") {
    const std::string api = R"([{"name": "api", "replicas": 1, "vcpu": 1, "memory_gib": 2}])";
    const Comparison c = compare(scenario_json(api, "{}", R"({"node_types": ["t3.medium"],
        "commitments": [{"plan": "reserved_instance", "term": "1y", "payment": "no_upfront"}]})"));
    const std::string name = "reserved_instance 1y no_upfront";
    CHECK(cents(line(c.ecs, "t3.medium").amount) == "30.37");                        // 0.0416 x 730 = 30.368
    CHECK(cents(line(c.ecs, name + ": covered on-demand use").amount) == "-30.37");  // moved to the commitment
    CHECK(cents(line(c.ecs, name + ": recurring").amount) == "19.13");              // 0.0416 x 0.63 x 730 = 19.13184
    CHECK(line(c.ecs, name + ": recurring").sources == std::vector<std::string>{"aws-ri-t3-medium"});
    CHECK(cents(c.ecs.category_total(category::compute) + c.ecs.category_total(category::commitment)) == "19.13");
}

TEST_CASE("an upfront payment is amortized over the month, partial upfront splits by the named share") {
    const std::string api = R"([{"name": "api", "replicas": 1, "vcpu": 1, "memory_gib": 2}])";
    // Generic 3-year partial upfront RI: 60% off. 0.0416 x 0.4 = 0.01664 $/h; half upfront, half recurring:
    // 0.01664 x 730 = 12.1472 -> 6.0736 each.
    const Comparison c = compare(scenario_json(api, "{}", R"({"node_types": ["t3.medium"],
        "commitments": [{"plan": "reserved_instance", "term": "3y", "payment": "partial_upfront"}]})"));
    const std::string name = "reserved_instance 3y partial_upfront";
    CHECK(cents(line(c.ecs, name + ": upfront, amortized").amount) == "6.07");
    CHECK(cents(line(c.ecs, name + ": recurring").amount) == "6.07");
    CHECK(line(c.ecs, name + ": recurring").confidence == Confidence::low);  // a generic figure
}

TEST_CASE("a spend commitment larger than the baseline shows its unused part") {
    const std::string api = R"([{"name": "api", "replicas": 1, "vcpu": 1, "memory_gib": 2}])";
    // Compute SP 1y no upfront, generic 33.92% off: $1.00/h committed, the baseline t3.medium uses
    // 0.0416 x 0.6608 = 0.02748928 $/h of it; 0.97251072 x 730 = 709.9328256 unused.
    const Comparison c = compare(scenario_json(api, "{}", R"({"node_types": ["t3.medium"],
        "commitments": [{"plan": "compute_savings_plan", "term": "1y", "payment": "no_upfront", "usd_per_hour": 1}]})"));
    const std::string name = "compute_savings_plan 1y no_upfront";
    CHECK(cents(line(c.ecs, name + ": unused commitment").amount) == "709.93");
    CHECK(cents(line(c.ecs, name + ": recurring").amount) == "20.07");  // 0.02748928 x 730 = 20.0671744
}

TEST_CASE("commitments skip nodes that run part of the month or on spot") {
    const std::string w = R"([{"name": "job", "replicas": 1, "vcpu": 1, "memory_gib": 2, "hours": 100}])";
    const Comparison c = compare(scenario_json(w, "{}", R"({"node_types": ["t3.medium"],
        "commitments": [{"plan": "reserved_instance", "term": "1y", "payment": "no_upfront"}]})"));
    CHECK(cents(line(c.ecs, "reserved_instance 1y no_upfront: covered on-demand use").amount) == "0.00");
}

TEST_CASE("EKS Auto Mode adds its per-instance fee") {
    const std::string api = R"([{"name": "api", "replicas": 1, "vcpu": 1, "memory_gib": 4}])";
    const Comparison c = compare(scenario_json(api, R"({"node_types": ["m5.large"], "auto_mode": true})"));
    const LineItem& fee = line(c.eks, "EKS Auto Mode fee");
    CHECK(cents(fee.amount) == "8.41");  // 0.01152 x 730 = 8.4096
    CHECK(fee.category == category::management);
    // On a GPU type the reported 2026-07 cut takes 60% off the P-family fee: 55.04 x 0.048 x 730 = 1928.6016.
    const std::string gpu = R"([{"name": "t", "replicas": 1, "gpus": 8, "vcpu": 96, "memory_gib": 1024}])";
    const Comparison cut = compare(scenario_json(gpu, R"({"node_types": ["p5.48xlarge"], "auto_mode": true, "auto_mode_fee": "gpu-cut-2026-07"})"));
    CHECK(cents(line(cut.eks, "EKS Auto Mode fee").amount) == "1928.60");
    const Comparison published = compare(scenario_json(gpu, R"({"node_types": ["p5.48xlarge"], "auto_mode": true})"));
    CHECK(cents(line(published.eks, "EKS Auto Mode fee").amount) == "4821.50");  // 55.04 x 0.12 x 730 = 4821.504
}

TEST_CASE("items a team adds: fixed per month or per instance-hour") {
    const std::string api = R"([{"name": "api", "replicas": 4, "vcpu": 1, "memory_gib": 1.5}])";
    const Comparison c = compare(scenario_json(api, "{}", R"({"node_types": ["t3.medium"], "extra_items": [
        {"name": "Container Insights", "usd_per_month": 120},
        {"name": "DCGM exporter and Prometheus", "usd_per_instance_hour": "0.01"}]})"));
    CHECK(cents(line(c.ecs, "Container Insights").amount) == "120.00");
    // 4 replicas of 1 vCPU / 1.5 GiB on t3.medium (2 vCPU, 4 GiB less 0.25 GiB): 2 per node, 2 nodes x 730 h x 0.01.
    CHECK(cents(line(c.ecs, "DCGM exporter and Prometheus").amount) == "14.60");
}

TEST_CASE("bad purchase options fail with their paths") {
    const std::string api = R"([{"name": "api", "replicas": 1, "vcpu": 1, "memory_gib": 2}])";
    CHECK(capture([&] { compare(scenario_json(api, R"({"spot": {"share": 1.5}})")); }).path() == "/eks/spot/share");
    CHECK(capture([&] { compare(scenario_json(api, R"({"spot": {"share": 1, "diversification": "many"}})")); }).path() ==
          "/eks/spot/diversification");
    CHECK(capture([&] { compare(scenario_json(api, R"({"commitments": [{"plan": "reserved_instance", "term": "2y", "payment": "no_upfront"}]})")); })
              .path() == "/eks/commitments/0/term");
    CHECK(capture([&] {
              compare(scenario_json(api, R"({"commitments": [{"plan": "reserved_instance", "term": "1y", "payment": "no_upfront", "usd_per_hour": 1}]})"));
          }).path() == "/eks/commitments/0/usd_per_hour");
    CHECK(capture([&] { compare(scenario_json(api, R"({"extra_items": [{"name": "x"}]})")); }).path() == "/eks/extra_items/0");
    CHECK(capture([&] { compare(scenario_json(api, R"({"auto_mode_fee": "published"})")); }).path() == "/eks/auto_mode_fee");
    CHECK(capture([&] { compare(scenario_json(R"([{"name": "a", "replicas": 1, "vcpu": 1, "memory_gib": 1, "restart_minutes": 5}])")); })
              .path() == "/workloads/0/restart_minutes");
}

TEST_CASE("CPU services on Fargate: EKS Fargate profiles and ECS Fargate, Fargate Spot on ECS only") {
    // 1 vCPU / 2 GiB: on ECS the 1 vCPU / 2 GB size, 0.04048 + 2 x 0.004445 = 0.04937 $/h; 4 tasks x 730 h = 144.1604.
    // On EKS the pod gets 256 MiB more, so 3 GB: 0.04048 + 3 x 0.004445 = 0.053815 $/h; x 2920 = 157.1398.
    const std::string api = R"([{"name": "api", "replicas": 4, "vcpu": 1, "memory_gib": 2, "fargate": true, "spot_tolerant": true}])";
    const Comparison c = compare(scenario_json(api));
    CHECK(cents(line(c.ecs, "Fargate: api").amount) == "144.16");
    CHECK(cents(line(c.eks, "Fargate: api").amount) == "157.14");
    CHECK(c.ecs.instances.empty());  // no EC2 instances for a Fargate workload
    // ECS Fargate Spot for all of it: 0.04937 x 0.3 = 0.014811 $/h x 2920 = 43.24812.
    const Comparison spot = compare(scenario_json(api, "{}", R"({"fargate_spot_share": 1})"));
    CHECK(cents(line(spot.ecs, "Fargate Spot: api").amount) == "43.25");
    CHECK_FALSE(has_line(spot.ecs, "Fargate: api"));
    // ARM: 0.03238 + 2 x 0.00356 = 0.0395 $/h x 2920 = 115.34.
    const std::string arm = R"([{"name": "api", "replicas": 4, "vcpu": 1, "memory_gib": 2, "fargate": true, "arch": "arm64"}])";
    CHECK(cents(line(compare(scenario_json(arm)).ecs, "Fargate: api").amount) == "115.34");
}

TEST_CASE("a GPU workload on Fargate is an error that says so") {
    const error e = capture([] {
        compare(scenario_json(R"([{"name": "infer", "replicas": 1, "gpus": 1, "vcpu": 1, "memory_gib": 2, "fargate": true}])"));
    });
    CHECK(e.code() == errc::inconsistent);
    CHECK(e.path() == "/workloads/0/fargate");
    CHECK(std::string(e.what()).find("GPUs are not available on Fargate") != std::string::npos);
    CHECK(capture([] { compare(scenario_json(R"([{"name": "api", "replicas": 1, "vcpu": 1, "memory_gib": 2}])", R"({"fargate_spot_share": 1})")); })
              .path() == "/eks/fargate_spot_share");
}
