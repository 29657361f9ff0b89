#pragma once

#define LIBTCO_VERSION_MAJOR 0
#define LIBTCO_VERSION_MINOR 1
#define LIBTCO_VERSION_PATCH 0

namespace libtco {
inline constexpr const char* version = "0.1.0";
}  // namespace libtco
