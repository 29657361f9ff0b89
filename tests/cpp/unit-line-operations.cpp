// Staff time from the effort model, worked by hand. The team: 6 engineers at $200,000 a year, 1,840
// working hours a year, so an hour of platform work costs 200,000 / 1,840 = $108.695652173913.
// One CPU workload (1 replica on m5.large) gives one node pool (x86_64 CPU) and one workload.
//
// eks-karpenter, one cluster: cluster care 16 + upgrades 40 x 3 / 12 = 10 + rotation 4 x 1 pool
// + add-ons 2 x 7 = 14 + on-call 12 + service 4 x 1 = 60 h -> 60 x 200,000 / 1,840 = $6,521.74.
#include "line_fixture.hpp"

using namespace libtco;
using fixture::cents;
using fixture::Costing;
using fixture::scenario_json;

namespace {

const char* one_cpu_workload = R"([{"name": "api", "replicas": 1, "vcpu": 1, "memory_gib": 2}])";
const char* cpu_and_gpu = R"([{"name": "api", "replicas": 1, "vcpu": 1, "memory_gib": 2}, {"name": "llm", "replicas": 1, "gpus": 1, "vcpu": 2, "memory_gib": 8}])";

std::string platform(const std::string& rest = "") { return R"({"node_types": ["m5.large", "g6.xlarge"])" + rest + "}"; }

std::vector<LineItem> staff_lines(const Costing& c) {
    detail::Bill bill = fixture::bill_of(c, c.plan(), detail::operations_producer());
    return bill.line_items;
}

Money sum(const std::vector<LineItem>& lines) {
    Money total;
    for (const LineItem& li : lines) total += li.amount;
    return total;
}

const LineItem& line_named(const std::vector<LineItem>& lines, const std::string& item) {
    const auto it = std::find_if(lines.begin(), lines.end(), [&](const LineItem& li) { return li.item == item; });
    REQUIRE(it != lines.end());
    return *it;
}

std::string eks_staff(const std::string& eks, const std::string& workloads = one_cpu_workload, const std::string& team = "") {
    std::string json = scenario_json(workloads, eks, platform());
    if (!team.empty()) json.replace(json.find(R"("engineers": 6)"), 14, team);
    return cents(sum(staff_lines(Costing(json, detail::Platform::eks))));
}

}  // namespace

TEST_CASE("eks-karpenter: 60 h a month for one cluster, one node pool and one workload, line by line") {
    const std::vector<LineItem> lines = staff_lines(Costing(scenario_json(one_cpu_workload, platform(), platform()), detail::Platform::eks));
    REQUIRE(lines.size() == 6);
    CHECK(cents(line_named(lines, "EKS cluster care (staff time)").amount) == "1739.13");      // 16 h x 108.6957
    CHECK(cents(line_named(lines, "EKS version upgrades (staff time)").amount) == "1086.96");   // 40 x 3 / 12 = 10 h
    CHECK(cents(line_named(lines, "EKS node and AMI rotation (staff time)").amount) == "434.78");  // 4 h x 1 pool
    CHECK(cents(line_named(lines, "EKS add-ons (staff time)").amount) == "1521.74");           // 2 h x 7 add-ons
    CHECK(cents(line_named(lines, "EKS on-call and incidents (staff time)").amount) == "1304.35");  // 12 h
    CHECK(cents(line_named(lines, "EKS service work (staff time)").amount) == "434.78");       // 4 h x 1 workload
    CHECK(cents(sum(lines)) == "6521.74");
    for (const LineItem& li : lines) {
        CHECK(li.category == category::operations);
        CHECK(li.confidence == Confidence::low);  // every preset figure here is a planning default
    }
    CHECK(line_named(lines, "EKS node and AMI rotation (staff time)").detail.find("(x86_64 CPU)") != std::string::npos);
}

TEST_CASE("staff time does not grow with team.engineers") {
    const std::string six = eks_staff(platform());
    CHECK(six == "6521.74");
    CHECK(eks_staff(platform(), one_cpu_workload, R"("engineers": 60)") == six);
    CHECK(eks_staff(platform(), one_cpu_workload, R"("engineers": 0)") == six);
}

TEST_CASE("a second cluster adds the per-cluster items: cluster care, upgrades and on-call") {
    // 60 h + 16 + 10 + 12 = 98 h -> 98 x 200,000 / 1,840 = $10,652.17.
    CHECK(eks_staff(platform(R"(, "clusters": 2)")) == "10652.17");
}

TEST_CASE("a GPU workload adds a node pool and a workload") {
    // A 3-vCPU service cannot use the g6.xlarge's spare room beside the GPU replica (4 vCPU less 2), so it
    // runs on an m5.xlarge: a CPU and a GPU pool. 60 h + 4 (the GPU pool) + 4 (service) = 68 h -> $7,391.30.
    const char* apart = R"([{"name": "api", "replicas": 1, "vcpu": 3, "memory_gib": 8}, {"name": "llm", "replicas": 1, "gpus": 1, "vcpu": 2, "memory_gib": 8}])";
    const std::string types = R"({"node_types": ["m5.xlarge", "g6.xlarge"]})";
    const std::vector<LineItem> lines = staff_lines(Costing(scenario_json(apart, types, types), detail::Platform::eks));
    CHECK(cents(sum(lines)) == "7391.30");
    CHECK(line_named(lines, "EKS node and AMI rotation (staff time)").detail.find("2 node pools (x86_64 CPU, x86_64 GPU)") != std::string::npos);
    // A 1-vCPU service rides on the GPU node's spare room: one pool (64 h -> $6,956.52).
    CHECK(cents(sum(staff_lines(Costing(scenario_json(cpu_and_gpu, platform(), platform()), detail::Platform::eks)))) == "6956.52");
}

TEST_CASE("Auto Mode lowers EKS hours: the eks-auto-mode preset") {
    // 8 + 16 x 3 / 12 = 4 + 0.5 x 1 pool + 2 x 1 add-on + 8 + 4 = 26.5 h -> $2,880.43 (from 60 h, $6,521.74).
    CHECK(eks_staff(platform(R"(, "auto_mode": true)")) == "2880.43");
}

TEST_CASE("ECS presets: ecs-asg on EC2, fargate when every workload runs on Fargate, managed instances when chosen") {
    // ecs-asg: 4 + no upgrades + 4 x 1 pool + 2 x 1 + 4 + 4 = 18 h -> $1,956.52.
    const Costing asg(scenario_json(one_cpu_workload, platform(), platform()), detail::Platform::ecs);
    const std::vector<LineItem> lines = staff_lines(asg);
    CHECK(cents(sum(lines)) == "1956.52");
    CHECK(std::none_of(lines.begin(), lines.end(), [](const LineItem& li) { return li.item == "ECS version upgrades (staff time)"; }));
    // fargate: 2 + 0 + no pool + 2 x 1 + 2 + 4 = 10 h -> $1,086.96.
    const char* on_fargate = R"([{"name": "api", "replicas": 1, "vcpu": 1, "memory_gib": 2, "fargate": true}])";
    CHECK(cents(sum(staff_lines(Costing(scenario_json(on_fargate, platform(), platform()), detail::Platform::ecs)))) == "1086.96");
    // ecs-managed-instances: 3 + 0 + 0.5 x 1 + 2 x 1 + 3 + 4 = 12.5 h -> $1,358.70.
    const Costing managed(scenario_json(one_cpu_workload, platform(), platform(R"(, "operations": {"preset": "ecs-managed-instances"})")),
                          detail::Platform::ecs);
    CHECK(cents(sum(staff_lines(managed))) == "1358.70");
}

TEST_CASE("a figure the team gives replaces the preset's and is its own (high confidence)") {
    // on-call 6 h instead of 12 and 4 add-ons instead of 7 (8 h instead of 14): 60 - 6 - 6 = 48 h.
    const Costing c(scenario_json(one_cpu_workload, platform(R"(, "operations": {"on_call_hours_per_month": "6", "add_ons": 4})"), platform()),
                    detail::Platform::eks);
    const std::vector<LineItem> lines = staff_lines(c);
    CHECK(cents(sum(lines)) == "5217.39");  // 48 x 200,000 / 1,840
    CHECK(line_named(lines, "EKS on-call and incidents (staff time)").confidence == Confidence::medium);  // the working hours stay a default
    CHECK(line_named(lines, "EKS cluster care (staff time)").confidence == Confidence::low);
}

TEST_CASE("node_pools overrides the count from the fleet") {
    // 60 h + 4 x 2 more pools = 68 h -> $7,391.30.
    CHECK(eks_staff(platform(R"(, "operations": {"node_pools": 3})")) == "7391.30");
}

TEST_CASE("the team's own total and the seed's share are the two alternatives") {
    // 40 h x 200,000 / 1,840 = $4,347.83; working hours of 2,000: 40 x 100 = $4,000.00.
    CHECK(eks_staff(platform(R"(, "operations": {"total_hours_per_month": "40"})")) == "4347.83");
    const std::string json = scenario_json(one_cpu_workload, platform(R"(, "operations": {"total_hours_per_month": "40"})"), platform());
    std::string with_hours = json;
    with_hours.replace(with_hours.find(R"("loaded_cost_per_engineer_year": 200000)"), 39, R"("loaded_cost_per_engineer_year": 200000, "working_hours_per_year": 2000)");
    CHECK(cents(sum(staff_lines(Costing(with_hours, detail::Platform::eks)))) == "4000.00");
    // The seed's rule: 0.15 x 6 x 200,000 / 12 = $15,000.00, and it does grow with the team.
    CHECK(eks_staff(platform(R"(, "operations": {"share": "0.15"})")) == "15000.00");
    CHECK(eks_staff(platform(R"(, "operations": {"share": "0.15"})"), one_cpu_workload, R"("engineers": 3)") == "7500.00");
}

TEST_CASE("the closed-form functions are the lines' own") {
    // 2.5 engineers x $160,000 = $400,000 a year; x 0.035 / 12 = $1,166.666666666667 (12 places).
    const Team team{Decimal::parse("2.5"), Money(Decimal(160000))};
    CHECK(detail::annual_team_cost(team) == Money(Decimal(400000)));
    CHECK(detail::share_cost(detail::annual_team_cost(team), Fraction(Decimal::parse("0.035"))).value() == Decimal::parse("1166.666666666667"));
    // 10 h at 160,000 / 1,840: 1,600,000 / 1,840 = 869.565217391304 (half-even at 12 places).
    CHECK(detail::staff_cost(team, Decimal(10)).value() == Decimal::parse("869.565217391304"));
}

TEST_CASE("bad staff-time input is a coded error at the value") {
    const auto error_at = [](const std::string& eks) {
        return fixture::capture([&] { (void)Scenario::from_json_text(scenario_json(one_cpu_workload, eks)); });
    };
    const libtco::error negative = error_at(R"({"operations": {"on_call_hours_per_month": "-1"}})");
    CHECK(negative.code_name() == "libtco.validation.113");
    CHECK(negative.path() == "/eks/operations/on_call_hours_per_month");
    const libtco::error absurd = error_at(R"({"operations": {"cluster_care_hours_per_month": 731}})");  // beyond the 730-h month
    CHECK(absurd.code_name() == "libtco.validation.113");
    const libtco::error preset = error_at(R"({"operations": {"preset": "eks-fargate"}})");
    CHECK(preset.code_name() == "libtco.validation.114");
    CHECK(preset.path() == "/eks/operations/preset");
    CHECK(error_at(R"({"operations": {"preset": "ecs-asg"}})").code_name() == "libtco.validation.118");
    CHECK(error_at(R"({"operations": {"preset": "eks-auto-mode"}})").code_name() == "libtco.validation.118");  // without auto_mode
    const libtco::error both = error_at(R"({"operations": {"share": "0.15", "on_call_hours_per_month": 4}})");
    CHECK(both.code_name() == "libtco.validation.118");
    CHECK(both.path() == "/eks/operations/on_call_hours_per_month");
    CHECK(error_at(R"({"operations": {"total_hours_per_month": 40, "preset": "eks-karpenter"}})").code_name() == "libtco.validation.118");
    CHECK(error_at(R"({"operations": {"add_ons": "2.5"}})").code_name() == "libtco.validation.116");
    const libtco::error legacy = error_at(R"({"ops_share": "0.15"})");
    CHECK(legacy.code_name() == "libtco.validation.112");
    CHECK(legacy.detail().find("operations") != std::string::npos);
}

TEST_CASE("operations declares the team, the platform's operations and clusters, and has a closed form") {
    const detail::LineProducer p = detail::operations_producer();
    CHECK(fixture::declares(p, "/team"));
    CHECK(fixture::declares(p, "/{platform}/operations"));
    CHECK(fixture::declares(p, "/{platform}/clusters"));
    CHECK(p.closed_form);
}
