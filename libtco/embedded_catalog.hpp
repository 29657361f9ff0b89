#pragma once
// The catalog compiled into the library (pricing/aws-us-east-1-2026-07-20.json), so that a user needs
// no file. Each call parses it afresh: there is no global state to share or mutate.

#include <libtco/catalog.hpp>
#include <libtco/embedded_catalog_data.hpp>

namespace libtco {

inline Catalog embedded_catalog() { return Catalog::from_json_text(detail::embedded_catalog_json); }

}  // namespace libtco
