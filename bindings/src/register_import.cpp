// Catalog imports from AWS's own files (the Price List bulk offer file, the Spot Instance Advisor
// data): JSON text in, {"catalog": <catalog>, "summary": {...}} JSON text out.

#include "register.hpp"

#include <libtco/catalog/catalog.hpp>
#include <libtco/catalog/catalog_import.hpp>
#include <libtco/catalog/embedded_catalog.hpp>
#include <libtco/io/import_json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace py = pybind11;

namespace libtco::python {

namespace {

using ImportFunction = ImportResult (*)(std::string_view, const Catalog&, const ImportOptions&);

// Runs an import without the GIL and returns its result as JSON text.
std::string run_import(ImportFunction import, const std::string& file_json, const std::optional<std::string>& base_catalog_json,
                       const std::optional<std::string>& region, const std::optional<std::string>& name,
                       const std::optional<std::string>& effective_date, const std::optional<std::string>& retrieved) {
    py::gil_scoped_release release;
    const Catalog base = base_catalog_json ? Catalog::from_json_text(*base_catalog_json) : embedded_catalog();
    const ImportOptions options{region.value_or(""), name.value_or(""), effective_date.value_or(""), retrieved.value_or("")};
    return to_json(import(file_json, base, options)).dump();
}

}  // namespace

void register_import(py::module_& m) {
    m.def(
        "import_offer_file",
        [](const std::string& offer_json, const std::optional<std::string>& base_catalog_json, const std::optional<std::string>& region,
           const std::optional<std::string>& name, const std::optional<std::string>& effective_date,
           const std::optional<std::string>& retrieved) {
            return run_import(&import_offer_file, offer_json, base_catalog_json, region, name, effective_date, retrieved);
        },
        py::arg("offer_json"), py::arg("base_catalog_json") = py::none(), py::arg("region") = py::none(), py::arg("name") = py::none(),
        py::arg("effective_date") = py::none(), py::arg("retrieved") = py::none(),
        "Refreshes a catalog (None: the embedded one) from the AWS Price List bulk offer file for EC2 (its JSON text).\n"
        "Returns JSON text {\"catalog\": <catalog>, \"summary\": {\"updated\", \"added\", \"skipped\": [{\"instance_type\", \"reason\"}]}}.");

    m.def(
        "import_spot_advisor",
        [](const std::string& advisor_json, const std::optional<std::string>& base_catalog_json, const std::optional<std::string>& region,
           const std::optional<std::string>& name, const std::optional<std::string>& effective_date,
           const std::optional<std::string>& retrieved) {
            return run_import(&import_spot_advisor, advisor_json, base_catalog_json, region, name, effective_date, retrieved);
        },
        py::arg("advisor_json"), py::arg("base_catalog_json") = py::none(), py::arg("region") = py::none(), py::arg("name") = py::none(),
        py::arg("effective_date") = py::none(), py::arg("retrieved") = py::none(),
        "Refreshes a catalog (None: the embedded one) from the Spot Instance Advisor data file (its JSON text).\n"
        "Returns JSON text like import_offer_file.");
}

}  // namespace libtco::python
