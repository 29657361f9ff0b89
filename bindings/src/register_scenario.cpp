// Scenarios: validate and normalize one, and hand out the embedded default.

#include "register.hpp"

#include <libtco/scenario/default_scenario.hpp>
#include <libtco/catalog/price_overlay.hpp>
#include <libtco/scenario/scenario.hpp>

#include <string>

namespace py = pybind11;

namespace libtco::python {

void register_scenario(py::module_& m) {
    m.def(
        "normalize_scenario",
        [](const std::string& scenario_json) {
            std::string out;
            {
                py::gil_scoped_release release;
                out = to_json(Scenario::from_json_text(scenario_json)).dump(2);
            }
            return out;
        },
        py::arg("scenario_json"),
        "Parses and validates a scenario document and returns it as JSON text in normal form (libtco::to_json(Scenario)):\n"
        "defaults made explicit, decimals as exact strings, keys in a stable order.");

    m.def(
        "with_price_overlay",
        [](const std::string& scenario_json, const std::string& overlay_json) {
            std::string out;
            {
                py::gil_scoped_release release;
                Scenario s = Scenario::from_json_text(scenario_json);
                s.price_overlay = PriceOverlay::from_json_text(overlay_json);
                out = to_json(s).dump(2);
            }
            return out;
        },
        py::arg("scenario_json"), py::arg("overlay_json"),
        "The scenario (normal form) with its price_overlay replaced by a price overlay document; errors in the\n"
        "overlay carry paths within the overlay document.");

    m.def(
        "default_scenario_json", [] { return std::string(libtco::default_scenario_json); },
        "The JSON text of the embedded default scenario (what `tco compare` uses with no file).");
}

}  // namespace libtco::python
