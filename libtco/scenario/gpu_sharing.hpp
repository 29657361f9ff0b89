#pragma once
// How a platform shares GPUs between replicas: the scenario's setting. What one replica then takes of
// a GPU is placement's arithmetic (placement/gpu_need.hpp).
//   none          whole GPUs per replica (ECS classic; a fractional request is rounded up to a GPU)
//   time-slicing  up to replicas_per_gpu pods per GPU; memory is not isolated, so co-located pods
//                 must fit in the GPU's memory together; contention costs throughput, so a replica
//                 takes gpus / time_slicing_efficiency of the GPU's compute (EKS)
//   mps           EKS device plugin: replicas_per_gpu equal clients, each at most 1/N of the compute
//                 and memory; ECS nvidiaMps: placed by GPU memory only. At most 48 clients per GPU.
//   mig           the smallest MIG profile that fits the replica's compute and memory (EKS)

#include <libtco/catalog/assumptions.hpp>
#include <libtco/core/quantity.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace libtco {

enum class SharingStrategy { none, time_slicing, mps, mig };

inline std::string to_string(SharingStrategy s) {
    switch (s) {
        case SharingStrategy::none: return "none";
        case SharingStrategy::time_slicing: return "time-slicing";
        case SharingStrategy::mps: return "mps";
        case SharingStrategy::mig: return "mig";
    }
    return "none";
}

inline std::optional<SharingStrategy> parse_sharing_strategy(std::string_view s) {
    for (SharingStrategy v : {SharingStrategy::none, SharingStrategy::time_slicing, SharingStrategy::mps, SharingStrategy::mig})
        if (to_string(v) == s) return v;
    return std::nullopt;
}

// MPS on compute capability >= 7.5 (every GPU in the catalog) serves at most 48 clients per GPU.
inline constexpr std::int64_t mps_max_clients = 48;

enum class MpsPlacement {
    equal_clients,  // EKS device plugin: N clients, each limited to 1/N of compute and memory
    by_memory,      // ECS nvidiaMps: placed by GPU memory; maxComputePercent is a cap, not a reservation
};

struct GpuSharing {
    SharingStrategy strategy = SharingStrategy::none;
    std::int64_t replicas_per_gpu = 1;  // time-slicing replicas / MPS clients per GPU
    Fraction time_slicing_efficiency = Fraction(assumptions::time_slicing_efficiency().default_value);
    MpsPlacement mps_placement = MpsPlacement::equal_clients;

    bool shares() const { return strategy != SharingStrategy::none; }
};

}  // namespace libtco
