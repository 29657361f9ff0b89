// Fuzzes the catalog reader and the built-in scenario priced on the catalog read (see fuzz_targets.hpp).

#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::catalog_target(fuzz::text_of(data, size));
    return 0;
}
