// The comparison itself: a scenario and a catalog in, the report out as JSON, a text table or CSV,
// all written by the C++ serializers so that every front end prints the same bytes.

#include "register.hpp"

#include <libtco/costing/embedded_compare.hpp>
#include <libtco/io/comparison_csv.hpp>
#include <libtco/io/comparison_json.hpp>
#include <libtco/io/comparison_table.hpp>
#include <libtco/scenario/scenario.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace py = pybind11;

namespace libtco::python {

namespace {

// Runs the comparison without the GIL. The scenario is read before the catalog.
std::string run(const std::string& scenario_json, const std::optional<std::string>& catalog_json, Format format) {
    py::gil_scoped_release release;
    const Scenario scenario = Scenario::from_json_text(scenario_json);
    const Catalog catalog = catalog_json ? Catalog::from_json_text(*catalog_json) : catalog_for(scenario);
    const Comparison c = compare(scenario, catalog);
    switch (format) {
        case Format::table: return format_table(c);
        case Format::csv: return format_csv(c);
        case Format::json: break;
    }
    return to_json(c).dump(2);
}

}  // namespace

void register_compare(py::module_& m) {
    m.def(
        "compare_json",
        [](const std::string& scenario_json, const std::optional<std::string>& catalog_json) {
            return run(scenario_json, catalog_json, Format::json);
        },
        py::arg("scenario_json"), py::arg("catalog_json") = py::none(),
        "Compares EKS and ECS for a scenario (JSON text) on a catalog (JSON text; None: the embedded one)\n"
        "and returns the report as JSON text: libtco::to_json(Comparison).dump(2), no trailing newline.");

    m.def(
        "render",
        [](const std::string& scenario_json, const std::optional<std::string>& catalog_json, const std::string& format) {
            const Format f = parse_format(format);  // before any work, with the GIL held
            return run(scenario_json, catalog_json, f);
        },
        py::arg("scenario_json"), py::arg("catalog_json") = py::none(), py::arg("format") = "table",
        "Compares like compare_json and renders the report as \"table\" (libtco::format_table),\n"
        "\"csv\" (libtco::format_csv) or \"json\" (the same text as compare_json).");

    m.def(
        "side_by_side",
        [](const std::vector<std::tuple<std::string, std::string, std::string>>& eks,
           const std::vector<std::tuple<std::string, std::string, std::string>>& ecs) {
            const auto lines = [](const std::vector<std::tuple<std::string, std::string, std::string>>& in) {
                std::vector<detail::LineText> out;
                for (const auto& [category, item, usd] : in) out.push_back({category, item, usd});
                return out;
            };
            std::vector<std::tuple<std::string, std::string, std::string, std::string>> rows;
            for (const detail::TableRow& r : detail::side_by_side(lines(eks), lines(ecs))) rows.emplace_back(r.category, r.item, r.eks, r.ecs);
            return rows;
        },
        py::arg("eks"), py::arg("ecs"),
        "The rows of the comparison table (category, item, EKS, ECS; \"\" where a platform has no such line) from\n"
        "each platform's lines as (category, item, amount text): libtco's own alignment of fees and staff time.");
}

}  // namespace libtco::python
