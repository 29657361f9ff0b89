#pragma once
// The two platforms compared, their names in a scenario (eks, ecs) and in a report (EKS, ECS), and
// each one's part of a scenario.

#include <libtco/scenario/scenario.hpp>

#include <cstdint>
#include <string>

namespace libtco {

inline constexpr std::int64_t months_per_year = 12;

namespace detail {

enum class Platform { eks, ecs };
inline const char* platform_key(Platform p) { return p == Platform::eks ? "eks" : "ecs"; }
inline const char* platform_label(Platform p) { return p == Platform::eks ? "EKS" : "ECS"; }

inline const PlatformSpec& spec_of(const Scenario& s, Platform p) {
    return p == Platform::eks ? static_cast<const PlatformSpec&>(s.eks) : static_cast<const PlatformSpec&>(s.ecs);
}

}  // namespace detail
}  // namespace libtco
