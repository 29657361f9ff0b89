// Fuzzes the whole compare path: scenario text to a checked comparison (see fuzz_targets.hpp).

#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::compare_target(fuzz::text_of(data, size));
    return 0;
}
