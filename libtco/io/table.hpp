#pragma once
// Every writer of a comparison (JSON, table, CSV): kept so code that included the one header of
// comparison output before the writers were split still builds.

#include <libtco/io/comparison_csv.hpp>
#include <libtco/io/comparison_json.hpp>
#include <libtco/io/comparison_table.hpp>
