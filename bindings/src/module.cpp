// The module definition: wires each area's registration into libtco._core.

#include "register.hpp"

#include <libtco/version.hpp>

namespace py = pybind11;

PYBIND11_MODULE(_core, m, py::mod_gil_not_used()) {
    m.doc() = "Private compiled core of libtco (JSON text in, JSON text out). Use the public `libtco` package instead.";
    m.attr("version") = libtco::version;
    libtco::python::register_errors(m);
    libtco::python::register_scenario(m);
    libtco::python::register_catalog(m);
    libtco::python::register_compare(m);
    libtco::python::register_import(m);
    libtco::python::register_projection(m);
    libtco::python::register_analysis(m);
    libtco::python::register_text(m);
}
