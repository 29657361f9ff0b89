#pragma once
// What every target shares: rejection by libtco::error as the one expected failure, and
// invariants that abort (so libFuzzer keeps the input) when they do not hold.

#include <libtco/core/error.hpp>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

namespace fuzz {

// The value `read()` returns, or nothing when it rejects the input with a libtco::error (a clear
// error is the right answer to bad input). Any other exception escapes and is a finding.
template <class Read>
auto read_or_reject(Read read) -> std::optional<decltype(read())> {
    try {
        return read();
    } catch (const libtco::error&) {
        return std::nullopt;
    }
}

// Aborts with `what` when an invariant fails: the fuzzer records the input as a crash.
inline void expect(bool holds, const std::string& what) {
    if (holds) return;
    std::fprintf(stderr, "libtco fuzz invariant failed: %s\n", what.c_str());
    std::abort();
}

}  // namespace fuzz
