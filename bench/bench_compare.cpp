// Measures the building blocks of a comparison in one run, so ratios are side by side:
// catalog parse, scenario parse, a full compare of the default scenario, and placement at scale.
//   cmake -S . -B build/bench -DLIBTCO_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release && cmake --build build/bench
//   build/bench/bench/bench_compare
#include <libtco/libtco.hpp>

#include <chrono>
#include <cstdio>
#include <string>

namespace {

template <class F>
double seconds_per_call(F&& f, int calls) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < calls; ++i) f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / calls;
}

std::string scaled_scenario(int replicas) {
    return R"({"schema_version": 1, "name": "scale", "month": "2026-09",
      "team": {"engineers": 6, "loaded_cost_per_engineer_year": 200000},
      "workloads": [
        {"name": "gpu", "replicas": )" + std::to_string(replicas / 2) + R"(, "gpus": 1, "vcpu": 3, "memory_gib": 12},
        {"name": "cpu", "replicas": )" + std::to_string(replicas / 2) + R"(, "vcpu": 1, "memory_gib": 2}],
      "eks": {"node_types": ["g5.xlarge", "g5.12xlarge", "g6.xlarge", "m5.xlarge", "c5.2xlarge"]},
      "ecs": {"node_types": ["g5.xlarge", "g5.12xlarge", "g6.xlarge", "m5.xlarge", "c5.2xlarge"]}})";
}

}  // namespace

int main() {
    using namespace libtco;
    const Catalog catalog = embedded_catalog();
    const Scenario scenario = default_scenario();
    std::printf("%-44s %12s\n", "benchmark", "ms/call");
    std::printf("%-44s %12.3f\n", "parse embedded catalog (151 types)", 1e3 * seconds_per_call([] { (void)embedded_catalog(); }, 50));
    std::printf("%-44s %12.3f\n", "parse default scenario", 1e3 * seconds_per_call([] { (void)default_scenario(); }, 500));
    std::printf("%-44s %12.3f\n", "compare default scenario (all types allowed)",
                1e3 * seconds_per_call([&] { (void)compare(scenario, catalog); }, 20));
    for (int replicas : {100, 1000}) {
        const Scenario big = Scenario::from_json_text(scaled_scenario(replicas));
        const double s = seconds_per_call([&] { (void)compare(big, catalog); }, 3);
        std::printf("compare %5d replicas on 5 types %19s %12.3f\n", replicas, "", 1e3 * s);
    }
    return 0;
}
