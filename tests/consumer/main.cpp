// libtco_planner: an example planning tool built against the installed package (find_package(libtco)).
//
//   libtco_planner [SCENARIO.json] [--catalog CATALOG.json] [--format table|json|csv]
//
// Loads a scenario (the embedded default without a file), compares EKS and ECS on the catalog the
// scenario asks for (or the one given), and prints the comparison; the table ends with the
// recommendation and its reasons. Bad input prints "[code] /json/path: detail" and exits with 2.
#include <libtco/libtco.hpp>

#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Options {
    std::optional<std::string> scenario_file;
    std::optional<std::string> catalog_file;
    std::string format = "table";
};

struct UsageError {
    std::string message;
};

Options parse_options(const std::vector<std::string>& args) {
    Options options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const bool takes_value = arg == "--catalog" || arg == "--format";
        if (takes_value && i + 1 == args.size()) throw UsageError{arg + " needs a value"};
        if (arg == "--catalog") {
            options.catalog_file = args[++i];
        } else if (arg == "--format") {
            options.format = args[++i];
            if (options.format != "table" && options.format != "json" && options.format != "csv")
                throw UsageError{"--format must be table, json or csv, got \"" + options.format + "\""};
        } else if (!arg.empty() && arg[0] == '-') {
            throw UsageError{"unknown option " + arg};
        } else if (options.scenario_file) {
            throw UsageError{"one scenario file at most"};
        } else {
            options.scenario_file = arg;
        }
    }
    return options;
}

libtco::Scenario load_scenario(const std::optional<std::string>& file) {
    if (!file) return libtco::default_scenario();
    std::ifstream in(*file, std::ios::binary);
    if (!in) throw libtco::io_error(libtco::errc::io, "", "cannot read scenario file \"" + *file + "\"");
    std::stringstream text;
    text << in.rdbuf();
    return libtco::Scenario::from_json_text(text.str());
}

std::string render(const Options& options) {
    const libtco::Scenario scenario = load_scenario(options.scenario_file);
    const libtco::Catalog catalog = options.catalog_file ? libtco::load_catalog_file(*options.catalog_file) : libtco::catalog_for(scenario);
    const libtco::Comparison comparison = libtco::compare(scenario, catalog);
    if (options.format == "json") return libtco::to_json(comparison).dump(2) + "\n";
    if (options.format == "csv") return libtco::format_csv(comparison);
    const libtco::Recommendation recommendation = libtco::recommend(scenario, catalog, comparison);
    return libtco::format_table(comparison) + "\n" + libtco::format_recommendation(recommendation);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        // Rendered in full before printing: a failure never leaves half a report on stdout.
        std::cout << render(parse_options(std::vector<std::string>(argv + 1, argv + argc)));
        return 0;
    } catch (const UsageError& e) {
        std::cerr << "libtco_planner: " << e.message << "\nusage: libtco_planner [SCENARIO.json] [--catalog FILE] [--format table|json|csv]\n";
        return 2;
    } catch (const libtco::error& e) {
        std::cerr << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {  // not an input error: out of memory, say
        std::cerr << "libtco_planner: " << e.what() << "\n";
        return 1;
    }
}
