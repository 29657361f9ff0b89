#pragma once
// AWS Fargate: the task (ECS) or pod (EKS) sizes it runs, the size a request rounds up to, and
// what that size costs per hour on x86 or ARM, on demand or as Fargate Spot.
//
// Units. Fargate's sizes are written in "GB" but mean GiB: a task definition gives memory in MiB
// and AWS's own table pairs 1 GB with 1024 MiB (ECS Developer Guide, "Task size"). Requests here
// are in GiB and sizes in those Fargate "GB" (= GiB). The catalog's memory fee is per such GB-hour.
//
// Fargate offers no GPUs, on EKS or ECS: it prices the CPU side of a comparison only.

#include <libtco/catalog/catalog.hpp>
#include <libtco/core/decimal.hpp>
#include <libtco/core/error.hpp>
#include <libtco/core/quantity.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace libtco {

enum class FargatePlatform { eks, ecs };

inline std::string to_string(FargatePlatform p) { return p == FargatePlatform::eks ? "eks" : "ecs"; }

// A size Fargate runs: vCPU and memory in Fargate "GB" (GiB).
struct FargateSize {
    Decimal vcpu;
    Decimal memory_gb;

    friend bool operator==(const FargateSize&, const FargateSize&) = default;
};

// Task definitions count CPU in units of 1/1024 vCPU and memory in MiB (ECS Developer Guide,
// "Task size": cpu 256 = .25 vCPU, memory 1024 = 1 GB).
inline constexpr std::int64_t fargate_cpu_units_per_vcpu = 1024;
inline constexpr std::int64_t mib_per_gib = 1024;

// EKS on Fargate adds 256 MiB to each pod's memory request for the Kubernetes components it runs
// beside the pod (kubelet, kube-proxy, containerd) before rounding up to a size (Amazon EKS User
// Guide, "Understand Fargate Pod configuration details": "Fargate adds 256 MB to each Pod's memory
// reservation for the required Kubernetes components"). ECS adds nothing.
inline constexpr std::int64_t eks_fargate_pod_overhead_mib = 256;

// The CPU architectures Fargate runs Linux on, in the catalog's spelling of InstanceType::arch.
inline constexpr std::string_view fargate_arch_x86 = "x86_64";
inline constexpr std::string_view fargate_arch_arm = "arm64";

namespace detail {

// One vCPU option of Fargate with a run of memory values: min, min + step, ..., max (MiB).
struct FargateMemoryRun {
    std::int64_t cpu_units;
    std::int64_t min_memory_mib;
    std::int64_t max_memory_mib;
    std::int64_t step_mib;
};

// The Linux sizes Fargate supports, smallest vCPU first and, within one vCPU, smallest memory
// first (ECS Developer Guide, "Task size"; the same table in the EKS User Guide, "Understand
// Fargate Pod configuration details"):
//   .25 vCPU: 0.5, 1, 2 GB           .5 vCPU: 1-4 GB by 1 GB       1 vCPU: 2-8 GB by 1 GB
//   2 vCPU: 4-16 GB by 1 GB          4 vCPU: 8-30 GB by 1 GB
//   8 vCPU: 16-60 GB by 4 GB         16 vCPU: 32-120 GB by 8 GB
inline constexpr std::array<FargateMemoryRun, 8> fargate_memory_runs = {{
    {256, 512, 512, 512},          // .25 vCPU, 0.5 GB
    {256, 1024, 2048, 1024},       // .25 vCPU, 1 or 2 GB
    {512, 1024, 4096, 1024},       // .5 vCPU
    {1024, 2048, 8192, 1024},      // 1 vCPU
    {2048, 4096, 16384, 1024},     // 2 vCPU
    {4096, 8192, 30720, 1024},     // 4 vCPU
    {8192, 16384, 61440, 4096},    // 8 vCPU
    {16384, 32768, 122880, 8192},  // 16 vCPU
}};

inline Decimal vcpu_of_cpu_units(std::int64_t cpu_units) { return Decimal(cpu_units) / Decimal(fargate_cpu_units_per_vcpu); }
inline Decimal gib_of_mib(std::int64_t mib) { return Decimal(mib) / Decimal(mib_per_gib); }

// The smallest memory of the run that is at least `memory_gib`; none if the run stops below it.
inline std::optional<Decimal> smallest_memory_in_run(const FargateMemoryRun& run, const Decimal& memory_gib) {
    for (std::int64_t mib = run.min_memory_mib; mib <= run.max_memory_mib; mib += run.step_mib)
        if (gib_of_mib(mib) >= memory_gib) return gib_of_mib(mib);
    return std::nullopt;
}

inline FargateSize largest_fargate_size() {
    const FargateMemoryRun& last = fargate_memory_runs.back();
    return {vcpu_of_cpu_units(last.cpu_units), gib_of_mib(last.max_memory_mib)};
}

// The memory Fargate sizes a request by: the request, plus EKS's per-pod overhead on EKS.
inline Decimal fargate_sized_memory_gib(const Decimal& memory_gib, FargatePlatform platform) {
    return platform == FargatePlatform::eks ? memory_gib + gib_of_mib(eks_fargate_pod_overhead_mib) : memory_gib;
}

struct FargateFeeIds {
    std::string vcpu;
    std::string memory;
};

// The catalog fees of one architecture; `path` locates the architecture for errors.
inline FargateFeeIds fargate_fee_ids(const std::string& arch, const std::string& path) {
    if (arch == fargate_arch_x86) return {"fargate_x86_vcpu", "fargate_x86_memory"};
    if (arch == fargate_arch_arm) return {"fargate_arm_vcpu", "fargate_arm_memory"};
    throw validation_error(errc::bad_format, path,
                           "Fargate runs \"" + std::string(fargate_arch_x86) + "\" or \"" + std::string(fargate_arch_arm) + "\", got \"" + arch + "\"");
}

}  // namespace detail

// The smallest size Fargate runs with at least `vcpu` and `memory_gib`: the vCPU rounded up to the
// next option, the memory up to that option's next step, and a larger vCPU when the memory is
// beyond the option's range. None above the largest size (16 vCPU, 120 GB).
inline std::optional<FargateSize> fargate_size(const Decimal& vcpu, const Decimal& memory_gib) {
    for (const detail::FargateMemoryRun& run : detail::fargate_memory_runs) {
        const Decimal run_vcpu = detail::vcpu_of_cpu_units(run.cpu_units);
        if (run_vcpu < vcpu) continue;
        if (const auto memory = detail::smallest_memory_in_run(run, memory_gib)) return FargateSize{run_vcpu, *memory};
    }
    return std::nullopt;
}

// Every size Fargate runs, in the table's order (smallest vCPU, then smallest memory, first).
inline std::vector<FargateSize> fargate_sizes() {
    std::vector<FargateSize> out;
    for (const detail::FargateMemoryRun& run : detail::fargate_memory_runs)
        for (std::int64_t mib = run.min_memory_mib; mib <= run.max_memory_mib; mib += run.step_mib)
            out.push_back({detail::vcpu_of_cpu_units(run.cpu_units), detail::gib_of_mib(mib)});
    return out;
}

// The size a task (ECS) or pod (EKS) runs at, EKS's per-pod memory included. A request above the
// largest size is a validation_error (errc::out_of_range) at `path`.
inline FargateSize fargate_size_for(const Decimal& vcpu, const Decimal& memory_gib, FargatePlatform platform, const std::string& path = {}) {
    const Decimal sized_memory = detail::fargate_sized_memory_gib(memory_gib, platform);
    if (const auto size = fargate_size(vcpu, sized_memory)) return *size;
    const FargateSize largest = detail::largest_fargate_size();
    std::string request = vcpu.to_string() + " vCPU and " + memory_gib.to_string() + " GiB";
    if (sized_memory != memory_gib)
        request += " (" + sized_memory.to_string() + " GiB with the " + std::to_string(eks_fargate_pod_overhead_mib) + " MiB EKS adds per pod)";
    throw validation_error(errc::out_of_range, path,
                           "no Fargate size fits " + request + ": Fargate runs at most " + largest.vcpu.to_string() + " vCPU and " +
                               largest.memory_gb.to_string() + " GB per task");
}

// The on-demand price of a size: vCPU x the vCPU-hour fee + memory x the GB-hour fee of `arch`
// ("x86_64" or "arm64"), with the sources of both fees.
struct FargateRate {
    HourlyRate usd_per_hour;
    FargateSize size;
    std::string vcpu_source;
    std::string memory_source;
};

// A catalog without the architecture's fees raises its own lookup error (errc::missing_figure);
// another architecture is a validation_error (errc::bad_format) at `path`.
inline FargateRate fargate_rate(const Catalog& c, const FargateSize& size, const std::string& arch, const std::string& path = {}) {
    const detail::FargateFeeIds ids = detail::fargate_fee_ids(arch, path);
    const Fee& vcpu_fee = c.fee(ids.vcpu);
    const Fee& memory_fee = c.fee(ids.memory);
    return {vcpu_fee.usd * size.vcpu + memory_fee.usd * size.memory_gb, size, vcpu_fee.source, memory_fee.source};
}

// Fargate Spot runs on ECS only and on x86 only (AWS Fargate pricing; EKS has no Fargate Spot).
inline bool fargate_spot_available(FargatePlatform platform, const std::string& arch) {
    return platform == FargatePlatform::ecs && arch == fargate_arch_x86;
}

// The Fargate Spot price of an on-demand rate: rate x (1 - the catalog share fargate_spot_discount).
// Whether Spot is available is the caller's check (fargate_spot_available).
inline HourlyRate fargate_spot_rate(const Catalog& c, const FargateRate& on_demand) {
    const Fraction discount = c.share("fargate_spot_discount").value;
    return on_demand.usd_per_hour * (Fraction(Decimal(1)) - discount);
}

}  // namespace libtco
