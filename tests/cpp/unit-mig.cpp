// MIG geometry: profile choice and which sets of profiles can share one GPU, from NVIDIA's MIG user
// guide (A100-80GB: 7 compute slices, 8 memory slices; 4g and 3g fit together, two 4g do not).
#include <libtco/catalog/embedded_catalog.hpp>
#include <libtco/placement/mig.hpp>

#include <doctest/doctest.h>

using namespace libtco;

namespace {

const MigGeometry& a100_80() {
    static const Catalog catalog = embedded_catalog();
    return *catalog.gpu_models.at("A100-80GB").mig;
}

// Counts in the geometry's profile order: 1g.10gb, 1g.20gb, 2g.20gb, 3g.40gb, 4g.40gb, 7g.80gb.
MigCounts counts(int g1_10, int g1_20, int g2, int g3, int g4, int g7) { return {g1_10, g1_20, g2, g3, g4, g7}; }

std::string profile_for(const char* gpus, const char* memory) {
    const auto i = smallest_mig_profile(a100_80(), Decimal::parse(gpus), Decimal::parse(memory));
    return i ? a100_80().profiles[*i].name : "none";
}

}  // namespace

TEST_CASE("the catalog's A100-80GB geometry is NVIDIA's") {
    REQUIRE(a100_80().profiles.size() == 6);
    CHECK(a100_80().profiles[0].name == "1g.10gb");
    CHECK(a100_80().profiles[4].name == "4g.40gb");
    CHECK(a100_80().max_instances == 7);
}

TEST_CASE("seven 1g.10gb instances fit on one GPU, an eighth does not") {
    CHECK(mig_fits(a100_80(), counts(7, 0, 0, 0, 0, 0)));
    CHECK_FALSE(mig_fits(a100_80(), counts(8, 0, 0, 0, 0, 0)));
}

TEST_CASE("4g + 3g fits, 4g + 4g does not") {
    CHECK(mig_fits(a100_80(), counts(0, 0, 0, 1, 1, 0)));
    CHECK_FALSE(mig_fits(a100_80(), counts(0, 0, 0, 0, 2, 0)));
}

TEST_CASE("placements, not just slice counts, decide") {
    // 3g + 3g: starts 0 and 4 take all 8 memory slices (6 of 7 compute slices).
    CHECK(mig_fits(a100_80(), counts(0, 0, 0, 2, 0, 0)));
    CHECK_FALSE(mig_fits(a100_80(), counts(1, 0, 0, 2, 0, 0)));  // no memory slice left for the 1g
    // One 3g removes four 1g positions: 3g + four 1g.10gb fits (7 compute), not five.
    CHECK(mig_fits(a100_80(), counts(4, 0, 0, 1, 0, 0)));
    CHECK_FALSE(mig_fits(a100_80(), counts(5, 0, 0, 1, 0, 0)));
    // 7g takes the whole GPU.
    CHECK(mig_fits(a100_80(), counts(0, 0, 0, 0, 0, 1)));
    CHECK_FALSE(mig_fits(a100_80(), counts(1, 0, 0, 0, 0, 1)));
    // 1g.20gb (2 memory slices) x4 = 8 slices.
    CHECK(mig_fits(a100_80(), counts(0, 4, 0, 0, 0, 0)));
    CHECK_FALSE(mig_fits(a100_80(), counts(0, 5, 0, 0, 0, 0)));
}

TEST_CASE("a layout places instances on valid, non-overlapping starts") {
    const auto layout = mig_layout(a100_80(), counts(0, 0, 0, 1, 1, 0));
    REQUIRE(layout.has_value());
    REQUIRE(layout->size() == 2);
    // 4g.40gb only starts at 0, so the 3g.40gb goes to 4.
    CHECK(a100_80().profiles[(*layout)[0].profile].name == "4g.40gb");
    CHECK((*layout)[0].start == 0);
    CHECK((*layout)[1].start == 4);
}

TEST_CASE("the smallest profile that fits a replica's compute share and memory") {
    CHECK(profile_for("0.1", "8") == "1g.10gb");   // 0.1 x 7 = 0.7 slice -> 1; 8 <= 10 GiB
    CHECK(profile_for("0.1", "15") == "1g.20gb");  // more memory, same compute
    CHECK(profile_for("0.25", "8") == "2g.20gb");  // 0.25 x 7 = 1.75 -> 2 slices
    CHECK(profile_for("0.4", "30") == "3g.40gb");  // 2.8 -> 3 slices
    CHECK(profile_for("0.5", "30") == "4g.40gb");  // 3.5 -> 4 slices
    CHECK(profile_for("0.9", "30") == "7g.80gb");  // 6.3 -> 7 slices
    CHECK(profile_for("0.1", "90") == "none");     // more memory than the GPU has
}
