// Catalogs: validate one, write one back in normal form, and hand out the embedded one.

#include "catalog_json.hpp"
#include "register.hpp"

#include <libtco/catalog.hpp>
#include <libtco/embedded_catalog.hpp>

#include <optional>
#include <string>

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
        "embedded_catalog_json", [] { return std::string(detail::embedded_catalog_json); },
        "The JSON text of the catalog compiled into libtco, exactly as committed under pricing/.");
}

}  // namespace libtco::python
