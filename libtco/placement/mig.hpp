#pragma once
// MIG (Multi-Instance GPU): which profile a replica needs, and whether a set of profiles can share
// one GPU. A MIG-capable GPU has 8 memory slices; a profile instance occupies `size` consecutive
// slices starting at one of its valid `starts`, instances may not overlap, and their compute slices
// add up to at most `max_instances`. So 4g + 3g fits on one GPU and 4g + 4g does not.

#include <libtco/catalog/catalog.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace libtco {

inline constexpr int mig_memory_slices = 8;

// How many of each profile of a geometry (index = position in MigGeometry::profiles).
using MigCounts = std::vector<int>;

struct MigPlacement {
    std::size_t profile = 0;  // index into MigGeometry::profiles
    std::int64_t start = 0;   // first memory slice
};

// The smallest profile (fewest memory slices, then fewest compute slices) that gives at least
// `compute_share` of the GPU's compute and `memory_gib` of memory; none if no profile does.
inline std::optional<std::size_t> smallest_mig_profile(const MigGeometry& g, const Decimal& compute_share, const Decimal& memory_gib) {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < g.profiles.size(); ++i) {
        const MigProfile& p = g.profiles[i];
        const bool enough_compute = Decimal(p.compute_slices) >= compute_share * Decimal(g.max_instances);
        if (!enough_compute || p.memory_gib < memory_gib) continue;
        if (!best || std::pair(p.size, p.compute_slices) < std::pair(g.profiles[*best].size, g.profiles[*best].compute_slices)) best = i;
    }
    return best;
}

namespace detail {

// Places the remaining instances (profile by profile, largest first) into the free slices of
// `used`; appends the placements on success.
inline bool place_mig(const MigGeometry& g, const std::vector<std::size_t>& order, std::size_t next, unsigned used,
                      std::vector<MigPlacement>& out) {
    if (next == order.size()) return true;
    const MigProfile& p = g.profiles[order[next]];
    const unsigned run = (1u << p.size) - 1u;
    // Identical instances are placed at increasing starts, which prunes symmetric layouts.
    const std::int64_t after = next > 0 && order[next - 1] == order[next] ? out.back().start + 1 : 0;
    for (std::int64_t start : p.starts) {
        if (start < after || start + p.size > mig_memory_slices) continue;
        const unsigned mask = run << start;
        if (used & mask) continue;
        out.push_back({order[next], start});
        if (place_mig(g, order, next + 1, used | mask, out)) return true;
        out.pop_back();
    }
    return false;
}

}  // namespace detail

// A valid layout of the given instances on one GPU (by first memory slice), or none if they cannot share it.
inline std::optional<std::vector<MigPlacement>> mig_layout(const MigGeometry& g, const MigCounts& counts) {
    std::int64_t compute = 0;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] > g.profiles[i].max_per_gpu) return std::nullopt;
        compute += g.profiles[i].compute_slices * counts[i];
        order.insert(order.end(), static_cast<std::size_t>(counts[i]), i);
    }
    if (compute > g.max_instances) return std::nullopt;
    // Larger instances have fewer valid starts: place them first.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return g.profiles[a].size > g.profiles[b].size; });
    std::vector<MigPlacement> placements;
    if (!detail::place_mig(g, order, 0, 0u, placements)) return std::nullopt;
    std::sort(placements.begin(), placements.end(), [](const MigPlacement& a, const MigPlacement& b) { return a.start < b.start; });
    return placements;
}

inline bool mig_fits(const MigGeometry& g, const MigCounts& counts) { return mig_layout(g, counts).has_value(); }

}  // namespace libtco
