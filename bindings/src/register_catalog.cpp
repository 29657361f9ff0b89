// Catalogs: validate one, write one back in normal form, and hand out the embedded one.

#include "register.hpp"

#include <libtco/catalog/catalog.hpp>
#include <libtco/catalog/embedded_catalog.hpp>
#include <libtco/catalog/type_pricing.hpp>

#include <optional>
#include <string>
#include <vector>

namespace py = pybind11;

namespace libtco::python {

void register_catalog(py::module_& m) {
    m.def(
        "check_catalog",
        [](const std::string& catalog_json) {
            py::gil_scoped_release release;
            (void)Catalog::from_json_text(catalog_json);
        },
        py::arg("catalog_json"),
        "Parses and validates a catalog document; raises a libtco.errors.Error subclass if it is not valid.");

    m.def(
        "normalize_catalog",
        [](const std::optional<std::string>& catalog_json) {
            std::string out;
            {
                py::gil_scoped_release release;
                const Catalog c = catalog_json ? Catalog::from_json_text(*catalog_json) : embedded_catalog();
                out = to_json(c).dump(2);
            }
            return out;
        },
        py::arg("catalog_json") = py::none(),
        "Parses and validates a catalog (None: the embedded one) and returns it as JSON text in normal form:\n"
        "every field explicit, decimals as exact strings, keys in a stable order.");

    m.def(
        "describe_instance_type",
        [](const std::optional<std::string>& catalog_json, const std::string& name) {
            std::string out;
            {
                py::gil_scoped_release release;
                const Catalog c = catalog_json ? Catalog::from_json_text(*catalog_json) : embedded_catalog();
                out = to_json(price_instance_type(c, name), c).dump(2);
            }
            return out;
        },
        py::arg("catalog_json"), py::arg("name"),
        "Everything a catalog (None: the default embedded one) says about one instance type, every figure\n"
        "resolved (spot, the 18 commitment rates, Auto Mode fees) and cited with its source and confidence.");

    m.def(
        "embedded_catalog_json",
        [](const std::optional<std::string>& name) {
            return std::string(embedded_catalog_text(name.value_or(std::string(detail::default_catalog_name))));
        },
        py::arg("name") = py::none(),
        "The JSON text of an embedded catalog (None: the default), exactly as committed under pricing/.");

    m.def(
        "embedded_catalog_names",
        [] {
            std::vector<std::string> names;
            for (const Catalog& c : embedded_catalogs()) names.push_back(c.name);
            return names;
        },
        "The names of the catalogs compiled into libtco, ordered by region and date.");

    m.def(
        "default_catalog_name", [] { return std::string(detail::default_catalog_name); }, "The name of the default embedded catalog.");
}

}  // namespace libtco::python
