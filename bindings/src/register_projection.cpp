// libtco._core: projections over a horizon of months (libtco/projection/projection.hpp). JSON text in; the
// projection out as JSON, CSV or a text table, written by the C++ serializers so that every front end
// prints the same bytes.

#include "register.hpp"

#include <libtco/catalog/catalog.hpp>
#include <libtco/io/projection_csv.hpp>
#include <libtco/io/projection_json.hpp>
#include <libtco/io/projection_table.hpp>
#include <libtco/projection/projection.hpp>
#include <libtco/scenario/scenario.hpp>

#include <optional>
#include <string>

namespace py = pybind11;

namespace libtco::python {

namespace {

// Runs the projection without the GIL. The scenario is read first, then the spec, then the catalog.
std::string run(const std::string& scenario_json, const std::optional<std::string>& spec_json, const std::optional<std::string>& catalog_json,
                Format format) {
    py::gil_scoped_release release;
    const Scenario scenario = Scenario::from_json_text(scenario_json);
    const ProjectionSpec spec = spec_json ? ProjectionSpec::from_json_text(*spec_json) : ProjectionSpec{};
    const Projection p = catalog_json ? project(scenario, spec, Catalog::from_json_text(*catalog_json)) : project(scenario, spec);
    switch (format) {
        case Format::table: return format_table(p);
        case Format::csv: return format_csv(p);
        case Format::json: break;
    }
    return to_json(p).dump(2);
}

}  // namespace

void register_projection(py::module_& m) {
    m.def(
        "project_json",
        [](const std::string& scenario_json, const std::optional<std::string>& spec_json, const std::optional<std::string>& catalog_json) {
            return run(scenario_json, spec_json, catalog_json, Format::json);
        },
        py::arg("scenario_json"), py::arg("spec_json") = py::none(), py::arg("catalog_json") = py::none(),
        "Projects a scenario (JSON text) over the months of a projection spec (JSON text; None: 36 months from the\n"
        "scenario's month, every default) and returns libtco::to_json(Projection).dump(2). catalog_json: a catalog\n"
        "to price every month on until a price change names an embedded one (None: the embedded catalog for each month).");

    m.def(
        "render_projection",
        [](const std::string& scenario_json, const std::optional<std::string>& spec_json, const std::optional<std::string>& catalog_json,
           const std::string& format) {
            const Format f = parse_format(format);  // before any work, with the GIL held
            return run(scenario_json, spec_json, catalog_json, f);
        },
        py::arg("scenario_json"), py::arg("spec_json") = py::none(), py::arg("catalog_json") = py::none(), py::arg("format") = "table",
        "Projects like project_json and renders the result as \"table\" (libtco::format_table), \"csv\"\n"
        "(libtco::format_csv: month,platform,category,item,usd) or \"json\" (the same text as project_json).");

    m.def(
        "normalize_projection_spec",
        [](const std::string& spec_json) {
            std::string out;
            {
                py::gil_scoped_release release;
                out = to_json(ProjectionSpec::from_json_text(spec_json)).dump(2);
            }
            return out;
        },
        py::arg("spec_json"),
        "Parses and validates a projection spec and returns it in normal form (libtco::to_json(ProjectionSpec)):\n"
        "defaults explicit, decimals as exact strings, keys in a stable order.");
}

}  // namespace libtco::python
