// Measures the analyses side by side in one run (each the fastest of three): closed-form sweeps (placement unchanged) of
// the seed's team and share figures on the native kernel and of the effort model's hours, per core and
// on all cores, sweeps that re-place a 100-workload fleet, break-even, and Monte Carlo on the default
// scenario. Prints rates and the ratios the targets are stated in.
//   cmake -S . -B build/bench -DLIBTCO_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release && cmake --build build/bench
//   build/bench/bench/bench_analysis
#include <libtco/libtco.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

namespace {

using namespace libtco;

// The fastest of three runs: on a shared machine the slower ones measure the neighbours.
template <class F>
double seconds(F&& f) {
    double best = 0;
    for (int run = 0; run < 3; ++run) {
        const auto start = std::chrono::steady_clock::now();
        f();
        const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (run == 0 || t < best) best = t;
    }
    return best;
}

// 100 workloads of different shapes: GPU inference of several sizes and fractions, CPU services.
std::string fleet_json(const std::string& node_types) {
    std::string workloads;
    for (int i = 0; i < 100; ++i) {
        const int replicas = 1 + i % 4;
        std::string w = R"({"name": "w)" + std::to_string(i) + R"(", "replicas": )" + std::to_string(replicas);
        if (i % 3 == 0) w += R"(, "gpus": 1, "gpu_memory_gib": )" + std::to_string(8 + i % 12) + R"(, "vcpu": )" + std::to_string(2 + i % 3) + R"(, "memory_gib": 16)";
        else if (i % 3 == 1) w += R"(, "gpus": 0.25, "gpu_memory_gib": 4, "vcpu": 1, "memory_gib": 4)";
        else w += R"(, "vcpu": )" + std::to_string(1 + i % 4) + R"(, "memory_gib": )" + std::to_string(2 + 2 * (i % 4));
        workloads += (i ? ",\n" : "") + w + "}";
    }
    return R"({"schema_version": 1, "name": "fleet", "month": "2026-09",
      "team": {"engineers": 6, "loaded_cost_per_engineer_year": 200000}, "workloads": [)" + workloads + R"(],
      "eks": {"gpu_sharing": "time-slicing", "node_types": )" + node_types + R"(}, "ecs": {"gpu_sharing": "mps", "node_types": )" + node_types + "}}";
}

void report(const char* what, double count, double secs, const char* unit) {
    std::printf("%-58s %12.0f %s/s  (%.3f s)\n", what, count / secs, unit, secs);
}

}  // namespace

int main() {
    const Catalog catalog = embedded_catalog();
    const Scenario base = default_scenario();
    // The seed's rule on both platforms: staff time is engineers x loaded cost x share, the native kernel's form.
    Scenario seeded = base;
    seeded.eks.operations.share = Fraction(Decimal::parse("0.15"));
    seeded.ecs.operations.share = Fraction(Decimal::parse("0.035"));
    const int cores = thread_count(0);
    std::printf("libtco analyses benchmark, %d hardware threads\n\n", cores);

    // Closed form on the native kernel: 1,000 team sizes x 1,000 EKS shares = 1,000,000 points.
    const std::vector<SweepAxis> grid{{"/team/engineers", linspace(Decimal(1), Decimal(50), 1000)},
                                      {"/eks/operations/share", linspace(Decimal::parse("0.05"), Decimal::parse("0.25"), 1000)}};
    SweepResult r1;
    const double one = seconds([&] { r1 = sweep(seeded, catalog, grid, RunOptions{1, {}}); });
    report("closed-form sweep (seed's shares), 1,000,000 points, 1 thread", 1e6, one, "evals");
    SweepResult rn;
    const double all = seconds([&] { rn = sweep(seeded, catalog, grid, RunOptions{0, {}}); });
    report("closed-form sweep (seed's shares), 1,000,000 points, all threads", 1e6, all, "evals");
    std::printf("  per core: %.0f evals/s (target >= 1,000,000); same result on 1 and %d threads: %s\n\n", 1e6 / one, cores,
                r1.eks_cents == rn.eks_cents && r1.ecs_cents == rn.ecs_cents ? "yes" : "NO");

    // Closed form on Decimals: the effort model's hours, 1,000 x 100 = 100,000 points.
    const std::vector<SweepAxis> hours{{"/eks/operations/on_call_hours_per_month", linspace(Decimal(0), Decimal(40), 1000)},
                                       {"/eks/operations/cluster_care_hours_per_month", linspace(Decimal(0), Decimal(40), 100)}};
    const double effort_one = seconds([&] { (void)sweep(base, catalog, hours, RunOptions{1, {}}); });
    report("closed-form sweep (effort hours), 100,000 points, 1 thread", 1e5, effort_one, "evals");
    const double effort_all = seconds([&] { (void)sweep(base, catalog, hours, RunOptions{0, {}}); });
    report("closed-form sweep (effort hours), 100,000 points, all threads", 1e5, effort_all, "evals");
    std::printf("\n");

    // Re-placing: the replicas of one workload of a 100-workload fleet.
    for (const std::string types : {std::string(R"(["g5.xlarge", "g5.2xlarge", "g5.12xlarge", "g6.xlarge", "g6.12xlarge", "m5.xlarge", "m5.4xlarge", "c5.2xlarge"])"),
                                    std::string("[]")}) {
        const Scenario fleet = Scenario::from_json_text(fleet_json(types));
        const std::int64_t outer = types == "[]" ? 20 : 100;  // 200 or 1,000 points
        const std::vector<SweepAxis> axes{{"/workloads/w0/replicas", linspace(Decimal(1), Decimal(outer), outer)},
                                          {"/workloads/w1/replicas", linspace(Decimal(1), Decimal(10), 10)}};
        const double t = seconds([&] { (void)sweep(fleet, catalog, axes, RunOptions{0, {}}); });
        report(types == "[]" ? "re-placing sweep, 100 workloads, every catalog type" : "re-placing sweep, 100 workloads, 8 node types",
               static_cast<double>(outer * 10), t, "evals");
    }
    std::printf("  target: >= 2,000 re-placing evaluations per second\n\n");

    // Break-even of EKS on-call hours on the default scenario (closed form).
    BreakEven b;
    const double be = seconds([&] { b = break_even(base, catalog, "/eks/operations/on_call_hours_per_month", Decimal(0), Decimal(100)); });
    std::printf("%-58s %12.3f ms (%lld evaluations)\n", "break-even of EKS on-call hours, default scenario", be * 1e3, static_cast<long long>(b.evaluations));

    // Monte Carlo of the default scenario: 100,000 samples of the default uncertainty (every effort figure).
    MonteCarloResult mc;
    const double m = seconds([&] { mc = monte_carlo(base, catalog, MonteCarloSpec{1, 100000, {}}, RunOptions{0, {}}); });
    std::printf("%-58s %12.3f s (target < 1 s); P(EKS cheaper) = %s\n", "Monte Carlo, default scenario, 100,000 samples, all threads", m,
                mc.probability_eks_cheaper().to_string().c_str());
    const MonteCarloResult again = monte_carlo(base, catalog, MonteCarloSpec{1, 100000, {}}, RunOptions{1, {}});
    std::printf("  same numbers on 1 thread: %s\n", again.eks_cents == mc.eks_cents && again.ecs_cents == mc.ecs_cents ? "yes" : "NO");
    // With a parameter that moves placement (the memory ECS reserves), every sample runs the engine.
    MonteCarloSpec placing{1, 200, {{"/ecs/reserved_memory_gib", Distribution(Distribution::Uniform{Decimal(0), Decimal(1)})}}};
    const double mp = seconds([&] { (void)monte_carlo(base, catalog, placing, RunOptions{0, {}}); });
    report("Monte Carlo re-placing the default scenario each sample", 200, mp, "samples");
    return 0;
}
