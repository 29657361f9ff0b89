#pragma once
// Small scenarios for the tests, written as JSON the way users write them.
#include "capture.hpp"

#include <libtco/libtco.hpp>

#include <doctest/doctest.h>

#include <string>

namespace fixture {

// A scenario with the given workloads and platform objects, 6 engineers at $200,000.
inline std::string scenario_json(const std::string& workloads, const std::string& eks = "{}", const std::string& ecs = "{}",
                                 const std::string& extra = "") {
    return R"({"schema_version": 1, "name": "t", "month": "2026-09", )" + extra +
           R"("team": {"engineers": 6, "loaded_cost_per_engineer_year": 200000}, "workloads": )" + workloads +
           R"(, "eks": )" + eks + R"(, "ecs": )" + ecs + "}";
}

inline libtco::Comparison compare(const std::string& json) {
    return libtco::compare(libtco::Scenario::from_json_text(json), libtco::embedded_catalog());
}

// Staff time by the seed's rule on both platforms (15% and 3.5% of the team), as the closed-form
// kernel computes it.
inline libtco::Scenario with_seed_shares(libtco::Scenario s) {
    s.eks.operations = libtco::Operations{};
    s.eks.operations.share = libtco::Fraction(libtco::Decimal::parse("0.15"));
    s.ecs.operations = libtco::Operations{};
    s.ecs.operations.share = libtco::Fraction(libtco::Decimal::parse("0.035"));
    return s;
}

inline std::string cents(const libtco::Money& m) { return m.value().to_fixed(2); }


// The exact amount of the line items of a category.
inline std::string category_cents(const libtco::PlatformReport& r, const char* category) {
    return cents(r.category_total(category));
}

}  // namespace fixture
