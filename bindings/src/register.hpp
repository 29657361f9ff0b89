#pragma once
// libtco._core: the private compiled half of the Python package. It speaks JSON text in and out so
// that Python, the CLI and C++ programs all go through the same C++ parser and serializer; the
// pure-Python package (bindings/libtco) turns that text into Python objects.
//
// One register_<area>(module) function per area, each in its own translation unit.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>  // std::optional<std::string> <-> str | None

#include <string>

namespace libtco::python {

void register_errors(pybind11::module_& m);    // libtco::error -> libtco.errors.* exceptions
void register_scenario(pybind11::module_& m);  // normalize_scenario, default_scenario_json
void register_catalog(pybind11::module_& m);   // check_catalog, normalize_catalog, embedded_catalog_json
void register_compare(pybind11::module_& m);   // compare_json, render
void register_import(pybind11::module_& m);    // import_offer_file, import_spot_advisor
void register_projection(pybind11::module_& m);  // project_json: month-by-month projection
void register_analysis(pybind11::module_& m);    // sweeps, break-even, sensitivity, Monte Carlo, recommendation
void register_text(pybind11::module_& m);        // money text, verdicts, categories, error codes, pointer tokens

// A report's output format, as the `format` argument names it ("table", "json" or "csv").
enum class Format { json, table, csv };

inline Format parse_format(const std::string& name) {
    if (name == "json") return Format::json;
    if (name == "table") return Format::table;
    if (name == "csv") return Format::csv;
    throw pybind11::value_error("format must be \"table\", \"json\" or \"csv\", got \"" + name + "\"");
}

// A Python str from UTF-8 bytes that may have been cut mid-character (error messages truncate
// long values by bytes): invalid sequences become U+FFFD instead of raising UnicodeDecodeError.
pybind11::str to_py_str(const std::string& utf8);

}  // namespace libtco::python
