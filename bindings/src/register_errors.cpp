// Translates libtco's C++ exception hierarchy into the Python exceptions of libtco/errors.py.
//
//   libtco::parse_error      -> libtco.errors.ParseError              (Error, ValueError)
//   libtco::validation_error -> libtco.errors.ValidationError         (Error, ValueError)
//   libtco::lookup_error     -> libtco.errors.NotFoundError           (Error, KeyError)
//   libtco::placement_error  -> libtco.errors.PlacementError          (Error, ValueError)
//   libtco::arithmetic_error -> libtco.errors.ArithmeticOverflowError (Error, ArithmeticError, ValueError)
//   libtco::io_error         -> libtco.errors.InputError              (Error, OSError)
//
// Each carries code ("libtco.validation.113"), code_number (113), path (JSON pointer, "" = the
// document) and detail (the message without its "[code] path: " prefix). Every other C++ exception
// falls through to pybind11's own translators (std::exception -> RuntimeError, bad_alloc ->
// MemoryError, anything else -> RuntimeError), so nothing thrown in C++ can take Python down.

#include "register.hpp"

#include <libtco/core/error.hpp>

namespace py = pybind11;

namespace libtco::python {

py::str to_py_str(const std::string& utf8) {
    PyObject* s = PyUnicode_DecodeUTF8(utf8.data(), static_cast<Py_ssize_t>(utf8.size()), "replace");
    if (!s) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(s);
}

namespace {

// The Python class for a libtco exception: by its C++ class, else by the family of its code.
const char* python_class_of(const libtco::error& e) {
    if (dynamic_cast<const libtco::parse_error*>(&e)) return "ParseError";
    if (dynamic_cast<const libtco::validation_error*>(&e)) return "ValidationError";
    if (dynamic_cast<const libtco::lookup_error*>(&e)) return "NotFoundError";
    if (dynamic_cast<const libtco::placement_error*>(&e)) return "PlacementError";
    if (dynamic_cast<const libtco::arithmetic_error*>(&e)) return "ArithmeticOverflowError";
    if (dynamic_cast<const libtco::io_error*>(&e)) return "InputError";
    if (dynamic_cast<const libtco::cancelled_error*>(&e)) return "Cancelled";
    const std::string family = libtco::errc_family(e.code());
    if (family == "parse") return "ParseError";
    if (family == "validation") return "ValidationError";
    if (family == "lookup") return "NotFoundError";
    if (family == "placement") return "PlacementError";
    if (family == "arithmetic") return "ArithmeticOverflowError";
    if (family == "run") return "Cancelled";
    return "InputError";
}

// Sets the Python error indicator for `e`. Called with the GIL held (pybind11 translators are).
void raise_python_error(const libtco::error& e) {
    try {
        const py::object cls = py::module_::import("libtco.errors").attr(python_class_of(e));
        const py::object instance = cls(to_py_str(e.what()), py::arg("code") = e.code_name(), py::arg("code_number") = e.code_number(),
                                        py::arg("path") = to_py_str(e.path()), py::arg("detail") = to_py_str(e.detail()));
        PyErr_SetObject(cls.ptr(), instance.ptr());
    } catch (py::error_already_set&) {
        // libtco.errors could not be imported or refused the arguments: still raise, with the message.
        const py::str message = to_py_str(e.what());
        PyErr_SetObject(PyExc_RuntimeError, message.ptr());
    }
}

}  // namespace

void register_errors(py::module_& /*m: translators are global*/) {
    py::register_exception_translator([](std::exception_ptr p) {
        if (!p) return;
        try {
            std::rethrow_exception(p);
        } catch (const libtco::error& e) {
            raise_python_error(e);
        }
        // Anything else propagates to the next translator.
    });
}

}  // namespace libtco::python
