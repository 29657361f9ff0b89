#pragma once
// A comparison on the embedded catalog a scenario asks for. Kept apart from the engine so that code
// which passes its own catalog does not compile the embedded catalogs' text.

#include <libtco/catalog/embedded_catalog.hpp>
#include <libtco/costing/engine.hpp>

namespace libtco {

// The embedded catalog a scenario asks for: the one it names, else the one for its region and month.
inline Catalog catalog_for(const Scenario& scenario) {
    if (!scenario.catalog.empty()) return embedded_catalog(scenario.catalog, "/catalog");
    return select_catalog(scenario.region, scenario.month, "/region");
}

inline Comparison compare(const Scenario& scenario) { return compare(scenario, catalog_for(scenario)); }

}  // namespace libtco
