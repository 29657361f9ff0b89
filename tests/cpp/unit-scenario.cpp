#include "scenario_fixture.hpp"

using namespace libtco;
using fixture::capture;
using fixture::scenario_json;

static const std::string one_workload = R"([{"name": "w", "replicas": 2, "gpus": 1, "vcpu": 2, "memory_gib": 8}])";

static error error_of(const std::string& json) { return capture([&] { (void)Scenario::from_json_text(json); }); }

TEST_CASE("the default scenario reads and has the documented defaults filled in") {
    const Scenario s = default_scenario();
    CHECK(s.name == "ai-team-default");
    CHECK(s.workloads.size() == 6);
    CHECK(s.month.to_string() == "2026-09");
    CHECK(s.month_hours().value() == Decimal(730));
    CHECK(operations_preset(s, true) == OperationsPreset::eks_karpenter);  // staff time from the effort model
    CHECK(operations_preset(s, false) == OperationsPreset::ecs_asg);
    CHECK_FALSE(s.eks.operations.share);
    CHECK(s.eks.clusters == 1);
}

TEST_CASE("defaults: the effort model's presets, 1,840 working hours, 730 hours, standard support, 0.25 GiB ECS reservation") {
    const Scenario s = Scenario::from_json_text(scenario_json(one_workload));
    CHECK(operations_preset(s, true) == OperationsPreset::eks_karpenter);
    CHECK(operations_preset(s, false) == OperationsPreset::ecs_asg);
    CHECK(s.team.working_hours_per_year == Decimal(1840));
    CHECK(s.ecs.clusters == 1);
    CHECK(s.hours_basis == HoursBasis::aws_730);
    CHECK(s.eks.support == EksSupport::standard);
    CHECK(s.ecs.reserved_memory_gib.to_string() == "0.25");
    CHECK(s.region == "us-east-1");
}

TEST_CASE("money may be a JSON number or a decimal string, read exactly") {
    const Scenario a = Scenario::from_json_text(scenario_json(one_workload, "{}", "{}", R"("instance_types": {"g5.xlarge": {"on_demand_usd_per_hour": 0.9}}, )"));
    const Scenario b = Scenario::from_json_text(scenario_json(one_workload, "{}", "{}", R"("instance_types": {"g5.xlarge": {"on_demand_usd_per_hour": "0.90"}}, )"));
    CHECK(a.instance_types.at("g5.xlarge").on_demand->to_string() == "0.9");
    CHECK(b.instance_types.at("g5.xlarge").on_demand->to_string() == "0.9");
}

TEST_CASE("a scenario round-trips through JSON exactly") {
    const Scenario s = default_scenario();
    const std::string once = to_json(s).dump();
    const std::string twice = to_json(Scenario::from_json_text(once)).dump();
    CHECK(once == twice);
    const Scenario custom = Scenario::from_json_text(scenario_json(
        R"([{"name": "w", "replicas": 2, "gpus": 1, "vcpu": "0.5", "memory_gib": 8, "hours": 100.5, "gpu_models": ["A10G"]}])",
        R"({"nodes": [{"instance_type": "m5.xlarge", "count": 2, "hours": 10}], "support": "extended", "clusters": 2})", "{}",
        R"("hours_basis": "calendar", "instance_types": {"my.box": {"vcpu": 8, "memory_gib": 32, "on_demand_usd_per_hour": "0.25"}}, )"));
    const std::string c1 = to_json(custom).dump();
    CHECK(to_json(Scenario::from_json_text(c1)).dump() == c1);
}

TEST_CASE("bad scenarios name the bad value by JSON pointer") {
    struct Case {
        std::string json;
        errc code;
        std::string path;
    };
    const std::string w = R"({"name": "a", "replicas": 1, "vcpu": 1, "memory_gib": 1})";
    const Case cases[] = {
        {scenario_json("[" + w + "," + R"({"name": "b", "replicas": 1, "vcpu": 1, "memory_gib": 1}, {"name": "c", "replicas": -1, "vcpu": 1, "memory_gib": 1}])"),
         errc::out_of_range, "/workloads/2/replicas"},
        {scenario_json(R"([{"name": "a", "replicas": 0, "vcpu": 1, "memory_gib": 1}])"), errc::out_of_range, "/workloads/0/replicas"},
        {scenario_json(R"([{"name": "a", "replicas": 1, "vcpu": 1, "memory_gib": 1, "arch": "sparc"}])"), errc::bad_format, "/workloads/0/arch"},
        {scenario_json(R"([{"name": "a", "replicas": "3", "vcpu": 1, "memory_gib": 1}])"), errc::wrong_type, "/workloads/0/replicas"},
        {scenario_json(R"([{"name": "a", "replicas": 1.5, "vcpu": 1, "memory_gib": 1}])"), errc::not_whole, "/workloads/0/replicas"},
        {scenario_json(R"([{"name": "a", "replicaz": 1, "replicas": 1, "vcpu": 1, "memory_gib": 1}])"), errc::unknown_key, "/workloads/0/replicaz"},
        {scenario_json(R"([{"name": "a", "replicas": 1, "vcpu": 0, "memory_gib": 1}])"), errc::out_of_range, "/workloads/0/vcpu"},
        {scenario_json(R"([{"name": "a", "replicas": 1, "memory_gib": 1}])"), errc::missing_key, "/workloads/0/vcpu"},
        {scenario_json(R"([{"name": "a", "replicas": 1, "gpus": 1.5, "vcpu": 1, "memory_gib": 1}])"), errc::not_whole, "/workloads/0/gpus"},
        {scenario_json(R"([{"name": "a", "replicas": 1, "vcpu": 1, "memory_gib": 1, "hours": 800}])"), errc::out_of_range, "/workloads/0/hours"},
        {scenario_json(R"([{"name": "a", "replicas": 1, "vcpu": 1, "memory_gib": 1, "gpu_memory_gib": 4}])"), errc::inconsistent, "/workloads/0/gpu_memory_gib"},
        {scenario_json("[" + w + "," + w + "]"), errc::duplicate_name, "/workloads/1/name"},
        {scenario_json("[" + w + "]", R"({"opsshare": 0.1})"), errc::unknown_key, "/eks/opsshare"},
        {scenario_json("[" + w + "]", R"({"operations": {"share": 1.5}})"), errc::out_of_range, "/eks/operations/share"},
        {scenario_json("[" + w + "]", R"({"support": "gold"})"), errc::bad_format, "/eks/support"},
        {scenario_json("[" + w + "]", "{}", R"({"nodes": [{"instance_type": "m5.xlarge", "count": 0}]})"), errc::out_of_range, "/ecs/nodes/0/count"},
        {scenario_json("[" + w + "]", "{}", R"({"node_types": ["m5.xlarge", "m5.xlarge"]})"), errc::duplicate_name, "/ecs/node_types/1"},
        {scenario_json("[" + w + "]", "{}", "{}", R"("month": "2026-13", )"), errc::parse_duplicate_key, "/month"},
        {scenario_json("[" + w + "]", "{}", "{}", R"("hours_basis": "730", )"), errc::bad_format, "/hours_basis"},
        {scenario_json("[" + w + "]", "{}", "{}", R"("colour": "blue", )"), errc::unknown_key, "/colour"},
        {scenario_json("[" + w + "]", "{}", "{}", R"("instance_types": {"x.large": {"vcpu": 2, "memory_gib": "1.0000000000001"}}, )"),
         errc::too_precise, "/instance_types/x.large/memory_gib"},
        {R"({"schema_version": 1, "month": "2026-09", "workloads": []})", errc::missing_key, "/team"},
        {R"({"schema_version": 1, "month": "2026-13", "team": {"engineers": 1, "loaded_cost_per_engineer_year": 1}, "workloads": []})",
         errc::bad_format, "/month"},
        {R"({"schema_version": 1, "month": "2026-09", "team": {"engineers": -1, "loaded_cost_per_engineer_year": 1}, "workloads": []})",
         errc::out_of_range, "/team/engineers"},
        {R"({"schema_version": 9, "month": "2026-09"})", errc::out_of_range, "/schema_version"},
        {"[]", errc::wrong_type, ""},
        {"{\"schema_version\": 1,", errc::parse_invalid_json, ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.json);
        const error e = error_of(c.json);
        CHECK(e.code() == c.code);
        CHECK(e.path() == c.path);
    }
}

TEST_CASE("limits are enforced as errors, not hangs") {
    const error e = error_of(scenario_json(R"([{"name": "a", "replicas": 20001, "vcpu": 1, "memory_gib": 1}])"));
    CHECK(e.code() == errc::out_of_range);
    CHECK(e.path() == "/workloads/0/replicas");
    const error nodes = error_of(scenario_json("[]", R"({"nodes": [{"instance_type": "m5.large", "count": 6000}, {"instance_type": "m5.large", "count": 6000}]})"));
    CHECK(nodes.code() == errc::out_of_range);
    CHECK(nodes.path() == "/eks/nodes/1/count");
}
