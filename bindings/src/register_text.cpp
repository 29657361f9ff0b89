// The words and rules the Python package reads instead of writing its own: money text and the
// verdict sentence (core/text.hpp), the line categories (costing/report.hpp), the error codes and
// their names and messages (core/error.hpp), JSON-pointer tokens (analysis/parameter.hpp), evenly
// spaced sweep values (analysis/sweep.hpp) and the settings whose default follows a mode
// (scenario/scenario.hpp). Amounts and shares cross as exact decimal text.

#include "register.hpp"

#include <libtco/analysis/parameter.hpp>
#include <libtco/analysis/sweep.hpp>
#include <libtco/core/decimal.hpp>
#include <libtco/core/error.hpp>
#include <libtco/core/quantity.hpp>
#include <libtco/core/text.hpp>
#include <libtco/costing/report.hpp>
#include <libtco/scenario/scenario.hpp>

#include <string>
#include <vector>

namespace py = pybind11;

namespace libtco::python {

namespace {

Money money(const std::string& amount) { return Money(Decimal::parse(amount)); }

// Every error code by the name of its enumerator (libtco::all_error_codes).
py::dict error_codes() {
    py::dict codes;
    for (const NamedCode& c : all_error_codes) codes[c.name] = static_cast<int>(c.code);
    return codes;
}

py::dict settings_following_a_mode_table() {
    py::dict table;
    for (const auto& [mode, settings] : detail::settings_following_a_mode()) table[py::str(mode)] = py::tuple(py::cast(settings));
    return table;
}

}  // namespace

void register_text(py::module_& m) {
    m.def("dollars", [](const std::string& amount) { return dollars(money(amount)); }, py::arg("amount"),
          "An amount rounded to cents for a sentence: \"1234.5\" -> \"$1,234.50\" (libtco::dollars).");
    m.def("usd", [](const std::string& amount) { return usd(money(amount)); }, py::arg("amount"),
          "An amount as cents text, as reports and CSV carry it: \"1234.5\" -> \"1234.50\" (libtco::usd).");
    m.def("money_text", [](const std::string& amount) { return money_text(Decimal::parse(amount)); }, py::arg("amount"),
          "An exact figure as a line's detail shows it, never rounded: \"0.100\" -> \"$0.1\" (libtco::money_text).");
    m.def("percent_text", [](const std::string& share) { return percent_text(Decimal::parse(share)); }, py::arg("share"),
          "A share as an exact percentage: \"0.035\" -> \"3.5%\" (libtco::percent_text).");
    m.def("with_thousands", &with_thousands, py::arg("fixed"),
          "A fixed-point number with a comma every three digits of its whole part (libtco::with_thousands).");
    m.def("cheaper_of", [](const std::string& eks_minus_ecs) { return cheaper_of(money(eks_minus_ecs)); }, py::arg("eks_minus_ecs"),
          "\"eks\", \"ecs\" or \"tie\": the platform a difference (EKS minus ECS) favours (libtco::cheaper_of).");
    m.def(
        "verdict_sentence",
        [](const std::string& eks_minus_ecs, const std::string& period, const std::string& period_on_tie) {
            return verdict_sentence(money(eks_minus_ecs), period, period_on_tie);
        },
        py::arg("eks_minus_ecs"), py::arg("period"), py::arg("period_on_tie"),
        "\"ECS is cheaper by $11,206.70 a month\", or \"EKS and ECS cost the same\" and period_on_tie; no full stop\n"
        "(libtco::verdict_sentence).");

    m.attr("categories") = py::tuple(py::cast(std::vector<std::string>(category::all.begin(), category::all.end())));

    m.attr("error_codes") = error_codes();
    m.def("error_family", [](int code_number) { return std::string(errc_family(static_cast<errc>(code_number))); }, py::arg("code_number"),
          "The family of an error code: 113 -> \"validation\" (libtco::errc_family).");
    m.def("error_code_name", [](int code_number) { return error::name_of(static_cast<errc>(code_number)); }, py::arg("code_number"),
          "The stable name of an error code: 113 -> \"libtco.validation.113\".");
    m.def(
        "error_message",
        [](int code_number, const std::string& path, const std::string& detail) {
            return to_py_str(error(static_cast<errc>(code_number), path, detail).what());
        },
        py::arg("code_number"), py::arg("path"), py::arg("detail"),
        "The message of an error as the C++ core writes it: \"[libtco.validation.113] /a: detail\".");

    m.def("pointer_tokens", &detail::pointer_tokens, py::arg("pointer"),
          "The unescaped tokens of a JSON pointer (~1 is /, ~0 is ~); none for text that does not start with /.");
    m.def("escape_token", &detail::escape_token, py::arg("token"), "A token escaped for a JSON pointer: a/b~c -> a~1b~0c.");
    m.def("is_index_token", &detail::is_index_token, py::arg("token"),
          "Whether a pointer token names an array entry by index (digits only) rather than a workload by name.");

    m.def(
        "linspace",
        [](const std::string& low, const std::string& high, std::int64_t count) {
            std::vector<std::string> out;
            for (const Decimal& v : linspace(Decimal::parse(low), Decimal::parse(high), count)) out.push_back(v.to_string());
            return out;
        },
        py::arg("low"), py::arg("high"), py::arg("count"),
        "count evenly spaced values from low to high, both included, as exact decimal text (libtco::linspace:\n"
        "the step is rounded half-even to the decimal places a scenario value may have).");
    m.attr("decimal_places") = Decimal::places;
    m.attr("max_sweep_points") = limits::max_sweep_points;
    m.attr("max_sweep_parameters") = limits::max_sweep_parameters;

    m.attr("settings_following_a_mode") = settings_following_a_mode_table();
}

}  // namespace libtco::python
