#pragma once
// What one replica takes of a GPU under a platform's GPU sharing (scenario/gpu_sharing.hpp).
//   none          whole GPUs per replica (ECS classic; a fractional request is rounded up to a GPU)
//   time-slicing  up to replicas_per_gpu pods per GPU; memory is not isolated, so co-located pods
//                 must fit in the GPU's memory together; contention costs throughput, so a replica
//                 takes gpus / time_slicing_efficiency of the GPU's compute (EKS)
//   mps           EKS device plugin: replicas_per_gpu equal clients, each at most 1/N of the compute
//                 and memory; ECS nvidiaMps: placed by GPU memory only. At most 48 clients per GPU.
//   mig           the smallest MIG profile that fits the replica's compute and memory (EKS)
// A fractional replica too large to share a GPU under time-slicing (its request over the
// efficiency is more than the GPU) or as an EKS MPS client (more than 1/N of the GPU) runs alone on
// a GPU, unshared, as it would without sharing: time-slicing and MPS never leave a replica without a
// place that not sharing gives it. (Operators do the same with a node group whose GPUs are not
// shared.) MIG still needs a MIG-capable GPU.

#include <libtco/placement/mig.hpp>
#include <libtco/scenario/gpu_sharing.hpp>

#include <optional>

namespace libtco {

// One GPU of a node: a whole GPU (capacity 1) or the fraction a fractional-GPU type offers.
struct GpuSpec {
    Decimal capacity;  // share of one physical GPU's compute
    Decimal memory_gib;
    const MigGeometry* mig = nullptr;  // MIG-capable with known profiles
};

// What one replica takes of the GPUs of a node.
struct GpuNeed {
    enum class Kind { no_gpu, exclusive, shared, mig };
    Kind kind = Kind::no_gpu;
    std::int64_t exclusive_gpus = 0;  // exclusive: GPUs taken whole
    Decimal compute;                  // shared: share of the GPU's compute it reserves
    Decimal memory_gib;               // shared: memory it reserves
    std::int64_t clients_per_gpu = 1;  // shared: how many replicas a GPU may hold at most
    std::size_t mig_profile = 0;      // mig: index into the geometry's profiles
    Decimal mig_compute;              // mig: the profile's share of the GPU's compute
};

// GPU memory a fractional replica needs: what it states, else its share of the GPU's memory.
inline Decimal fractional_memory(const Decimal& gpus, const Decimal& gpu_memory_gib, const GpuSpec& gpu) {
    return gpu_memory_gib.sign() > 0 ? gpu_memory_gib : gpus * gpu.memory_gib;
}

// What a replica asking `gpus` (0, a fraction below 1, or a whole number) and `gpu_memory_gib`
// takes on one of `gpu_count` GPUs like `gpu`; none if it cannot run there.
inline std::optional<GpuNeed> gpu_need(const Decimal& gpus, const Decimal& gpu_memory_gib, const GpuSpec& gpu, std::int64_t gpu_count,
                                       const GpuSharing& sharing) {
    GpuNeed need;
    if (gpus.is_zero()) return need;
    if (gpu_count < 1 || gpu_memory_gib > gpu.memory_gib) return std::nullopt;
    if (gpus >= Decimal(1)) {  // whole GPUs are never shared
        if (gpu.capacity < Decimal(1) || gpus > Decimal(gpu_count)) return std::nullopt;
        need.kind = GpuNeed::Kind::exclusive;
        need.exclusive_gpus = gpus.to_int64();
        return need;
    }
    const Decimal memory = fractional_memory(gpus, gpu_memory_gib, gpu);
    // A GPU of its own: what not sharing gives a fractional replica.
    const auto unshared = [&]() -> std::optional<GpuNeed> {
        if (gpus > gpu.capacity) return std::nullopt;
        GpuNeed alone;
        alone.kind = GpuNeed::Kind::exclusive;
        alone.exclusive_gpus = 1;
        return alone;
    };
    switch (sharing.strategy) {
        case SharingStrategy::none: return unshared();
        case SharingStrategy::time_slicing:
            need.kind = GpuNeed::Kind::shared;
            need.compute = gpus / sharing.time_slicing_efficiency.value();
            need.memory_gib = memory;
            need.clients_per_gpu = sharing.replicas_per_gpu;
            if (memory > gpu.memory_gib) return std::nullopt;
            if (need.compute > gpu.capacity) return unshared();
            return need;
        case SharingStrategy::mps: {
            need.kind = GpuNeed::Kind::shared;
            need.clients_per_gpu = sharing.replicas_per_gpu;
            if (sharing.mps_placement == MpsPlacement::by_memory) {
                need.memory_gib = memory;
                if (memory > gpu.memory_gib) return std::nullopt;
                return need;
            }
            const Decimal clients(sharing.replicas_per_gpu);
            need.compute = gpu.capacity / clients;
            need.memory_gib = gpu.memory_gib / clients;
            if (gpus > need.compute || memory > need.memory_gib) return unshared();
            return need;
        }
        case SharingStrategy::mig: {
            if (!gpu.mig || gpu.capacity < Decimal(1)) return std::nullopt;
            const auto profile = smallest_mig_profile(*gpu.mig, gpus, memory);
            if (!profile) return std::nullopt;
            need.kind = GpuNeed::Kind::mig;
            need.mig_profile = *profile;
            need.mig_compute = Decimal(gpu.mig->profiles[*profile].compute_slices) / Decimal(gpu.mig->max_instances);
            return need;
        }
    }
    return std::nullopt;
}

}  // namespace libtco
