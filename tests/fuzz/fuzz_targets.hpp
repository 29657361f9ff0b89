#pragma once
// The three fuzz targets. Each takes any bytes as a document; it returns when libtco reads the
// input or rejects it with a libtco::error, and aborts (a finding libFuzzer keeps) otherwise:
// another exception, a crash, a sanitizer report, or an invariant of a result that does not hold.
// They live in one translation unit (fuzz_targets.cpp) that the harnesses share, so the library is
// compiled with the sanitizers once rather than once per harness.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fuzz {

// The scenario reader; a scenario that reads must write back to JSON that reads the same.
void scenario_target(std::string_view text);

// The catalog reader; a catalog that reads must write back to JSON that reads the same, and the
// built-in scenario priced on it must compare with consistent numbers or be refused.
void catalog_target(std::string_view text);

// Reading a scenario and comparing it on the embedded catalog it asks for, with consistent numbers.
void compare_target(std::string_view text);

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace fuzz
