// The fuzz targets declared in fuzz_targets.hpp.

#include "fuzz_targets.hpp"

#include "fuzz_check.hpp"
#include "fuzz_invariants.hpp"

#include <libtco/catalog/catalog.hpp>
#include <libtco/scenario/default_scenario.hpp>
#include <libtco/catalog/embedded_catalog.hpp>
#include <libtco/costing/embedded_compare.hpp>
#include <libtco/scenario/scenario.hpp>

#include <map>
#include <string>
#include <tuple>

namespace fuzz {

namespace {

// catalog_for() copies a whole embedded catalog on every call, which would be much of a small
// input's time. Its answer depends only on the scenario's catalog name, region and month, so it is
// kept for the last few of those (bounded, so a long run does not grow without limit).
const libtco::Catalog& remembered_catalog_for(const libtco::Scenario& s) {
    using Key = std::tuple<std::string, std::string, std::string>;
    static std::map<Key, libtco::Catalog> known;
    const Key key{s.catalog, s.region, s.month.to_string()};
    if (const auto it = known.find(key); it != known.end()) return it->second;
    if (known.size() >= 16) known.clear();
    return known.emplace(key, libtco::catalog_for(s)).first->second;
}

}  // namespace

void scenario_target(std::string_view text) {
    const auto scenario = read_or_reject([&] { return libtco::Scenario::from_json_text(text); });
    if (!scenario) return;
    // From here on nothing may throw: libtco wrote this JSON itself.
    const std::string written = libtco::to_json(*scenario).dump();
    const std::string rewritten = libtco::to_json(libtco::Scenario::from_json_text(written)).dump();
    expect(written == rewritten, "a scenario written as JSON reads back differently:\n" + written + "\n" + rewritten);
}

void catalog_target(std::string_view text) {
    const auto catalog = read_or_reject([&] { return libtco::Catalog::from_json_text(text); });
    if (!catalog) return;
    const std::string written = libtco::to_json(*catalog).dump();
    const std::string rewritten = libtco::to_json(libtco::Catalog::from_json_text(written)).dump();
    expect(written == rewritten, "a catalog written as JSON reads back differently");

    static const libtco::Scenario scenario = libtco::default_scenario();
    const auto comparison = read_or_reject([&] { return libtco::compare(scenario, *catalog); });
    if (comparison) check_comparison(scenario, *catalog, *comparison);
}

void compare_target(std::string_view text) {
    const auto scenario = read_or_reject([&] { return libtco::Scenario::from_json_text(text); });
    if (!scenario) return;
    const auto catalog = read_or_reject([&] { return &remembered_catalog_for(*scenario); });
    if (!catalog) return;
    const auto comparison = read_or_reject([&] { return libtco::compare(*scenario, **catalog); });
    if (comparison) check_comparison(*scenario, **catalog, *comparison);
}

}  // namespace fuzz
