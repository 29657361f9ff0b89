// libtco._core: projection (filled in by the projection work).

#include "register.hpp"

namespace py = pybind11;

namespace libtco::python {

void register_projection(py::module_& m) { (void)m; }

}  // namespace libtco::python
