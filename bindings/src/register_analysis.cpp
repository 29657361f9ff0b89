// libtco._core: analysis (filled in by the analysis work).

#include "register.hpp"

namespace py = pybind11;

namespace libtco::python {

void register_analysis(py::module_& m) { (void)m; }

}  // namespace libtco::python
