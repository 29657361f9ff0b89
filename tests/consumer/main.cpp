// libtco_planner: an example planning tool built against the installed package (find_package(libtco)).
//
//   libtco_planner [compare] [SCENARIO.json] [--catalog FILE] [--format table|json|csv]
//   libtco_planner sweep [SCENARIO.json] --param P=LOW:HIGH:COUNT|V1,V2,... [--param ...]
//   libtco_planner breakeven [SCENARIO.json] --param P --range LOW:HIGH [--scan N]
//   libtco_planner sensitivity [SCENARIO.json] [--param P=LOW:HIGH ...]
//   libtco_planner montecarlo [SCENARIO.json] [--samples N] [--seed S] [--param P=KIND:ARG:...|choice:V1,V2,... ...]
//
// Loads a scenario (the embedded default without a file) and the catalog it asks for (or the one
// given), runs the command and prints its result through libtco's writers (libtco/io), the text
// `tco` prints for the same command: compare's table ends with the recommendation and its reasons.
// The analyses also take --threads N. Bad input prints "[code] /json/path: detail" and exits with 2.
#include <libtco/libtco.hpp>

#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

struct UsageError {
    std::string message;
};

struct Options {
    std::string command = "compare";
    std::optional<std::string> scenario_file;
    std::optional<std::string> catalog_file;
    std::string format = "table";
    std::vector<std::string> params;  // every --param, in order
    std::optional<std::string> range;
    std::int64_t scan = 64;
    std::int64_t samples = 10000;
    std::uint64_t seed = 1;
    int threads = 0;
};

const std::vector<std::string> commands = {"compare", "sweep", "breakeven", "sensitivity", "montecarlo"};

bool is_command(const std::string& arg) {
    for (const std::string& c : commands)
        if (arg == c) return true;
    return false;
}

std::int64_t whole_number(const std::string& option, const std::string& text) {
    try {
        std::size_t used = 0;
        const long long n = std::stoll(text, &used);
        if (used == text.size()) return n;
    } catch (const std::exception&) {
    }
    throw UsageError{option + " expects a whole number, got \"" + text + "\""};
}

void set_option(Options& o, const std::string& option, const std::string& value) {
    if (option == "--catalog") o.catalog_file = value;
    else if (option == "--format") o.format = value;
    else if (option == "--param") o.params.push_back(value);
    else if (option == "--range") o.range = value;
    else if (option == "--scan") o.scan = whole_number(option, value);
    else if (option == "--samples") o.samples = whole_number(option, value);
    else if (option == "--seed") o.seed = static_cast<std::uint64_t>(whole_number(option, value));
    else if (option == "--threads") o.threads = static_cast<int>(whole_number(option, value));
    else throw UsageError{"unknown option " + option};
}

Options parse_options(const std::vector<std::string>& args) {
    Options options;
    std::size_t i = 0;
    if (!args.empty() && is_command(args[0])) options.command = args[i++];
    for (; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!arg.empty() && arg[0] == '-') {
            if (i + 1 == args.size()) throw UsageError{arg + " needs a value"};
            set_option(options, arg, args[++i]);
        } else if (options.scenario_file) {
            throw UsageError{"one scenario file at most"};
        } else {
            options.scenario_file = arg;
        }
    }
    if (options.format != "table" && options.format != "json" && options.format != "csv")
        throw UsageError{"--format must be table, json or csv, got \"" + options.format + "\""};
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

// "a:b:c" -> {"a", "b", "c"}.
std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> out{""};
    for (char ch : text) {
        if (ch == separator) out.emplace_back();
        else out.back() += ch;
    }
    return out;
}

// "P=SPEC" -> (P, SPEC).
std::pair<std::string, std::string> assignment(const std::string& text) {
    const std::size_t eq = text.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) throw UsageError{"--param " + text + ": expected PARAMETER=VALUES"};
    return {text.substr(0, eq), text.substr(eq + 1)};
}

libtco::Decimal number(const std::string& text, const std::string& what) { return libtco::Decimal::parse(text, what); }

template <class Result>
std::string written(const Result& r, const std::string& format) {
    if (format == "json") return libtco::analysis_json_text(libtco::to_json(r)) + "\n";
    if (format == "csv") return libtco::format_csv(r);
    return libtco::format_table(r);
}

libtco::RunOptions run_options(const Options& o) {
    libtco::RunOptions run;
    run.threads = o.threads;
    return run;
}

std::string run_sweep(const Options& o, const libtco::Scenario& s, const libtco::Catalog& c) {
    std::vector<libtco::SweepAxis> axes;
    for (const std::string& p : o.params) {
        const auto [name, spec] = assignment(p);
        const std::vector<std::string> range = split(spec, ':');
        libtco::SweepAxis axis{name, {}};
        if (range.size() == 3) axis.values = libtco::linspace(number(range[0], name), number(range[1], name), whole_number(name, range[2]));
        else
            for (const std::string& v : split(spec, ',')) axis.values.push_back(number(v, name));
        axes.push_back(std::move(axis));
    }
    if (axes.empty()) throw UsageError{"sweep needs --param"};
    return written(libtco::sweep(s, c, axes, run_options(o)), o.format);
}

std::string run_break_even(const Options& o, const libtco::Scenario& s, const libtco::Catalog& c) {
    if (o.params.size() != 1 || !o.range) throw UsageError{"breakeven needs one --param and --range LOW:HIGH"};
    const std::vector<std::string> range = split(*o.range, ':');
    if (range.size() != 2) throw UsageError{"--range " + *o.range + ": expected LOW:HIGH"};
    libtco::BreakEvenOptions options;
    options.scan_points = o.scan;
    options.run = run_options(o);
    return written(libtco::break_even(s, c, o.params[0], number(range[0], "low"), number(range[1], "high"), options), o.format);
}

std::string run_sensitivity(const Options& o, const libtco::Scenario& s, const libtco::Catalog& c) {
    std::vector<libtco::SensitivityRange> ranges;
    for (const std::string& p : o.params) {
        const auto [name, spec] = assignment(p);
        const std::vector<std::string> range = split(spec, ':');
        if (range.size() != 2) throw UsageError{"--param " + p + ": expected PARAMETER=LOW:HIGH"};
        ranges.push_back({name, number(range[0], name), number(range[1], name)});
    }
    return written(libtco::sensitivity(s, c, ranges, run_options(o)), o.format);
}

// KIND:ARG:... in the order `tco montecarlo --param` takes them; choice:V1,V2,... for a choice.
libtco::Distribution distribution(const std::string& name, const std::string& spec) {
    using D = libtco::Distribution;
    const std::vector<std::string> parts = split(spec, ':');
    const std::string& kind = parts[0];
    const auto arg = [&](std::size_t i) { return number(parts.at(i), name); };
    if (kind == "choice") {
        D::Choice choice;
        for (const std::string& v : split(parts.size() > 1 ? parts[1] : "", ',')) choice.values.push_back(number(v, name));
        return D(choice, name);
    }
    if (kind == "fixed" && parts.size() == 2) return D(D::Fixed{arg(1)}, name);
    if (kind == "uniform" && parts.size() == 3) return D(D::Uniform{arg(1), arg(2)}, name);
    if (kind == "triangular" && parts.size() == 4) return D(D::Triangular{arg(1), arg(2), arg(3)}, name);
    if (kind == "normal" && parts.size() == 5) return D(D::Normal{arg(1), arg(2), arg(3), arg(4)}, name);
    throw UsageError{"--param " + name + "=" + spec + ": expected fixed:V, uniform:LOW:HIGH, triangular:LOW:MODE:HIGH, normal:MEAN:SD:LOW:HIGH or choice:V1,V2,..."};
}

std::string run_monte_carlo(const Options& o, const libtco::Scenario& s, const libtco::Catalog& c) {
    libtco::MonteCarloSpec spec;
    spec.samples = o.samples;
    spec.seed = o.seed;
    for (const std::string& p : o.params) {
        const auto [name, kind] = assignment(p);
        spec.parameters.push_back({name, distribution(name, kind)});
    }
    return written(libtco::monte_carlo(s, c, spec, run_options(o)), o.format);
}

std::string run_compare(const Options& o, const libtco::Scenario& s, const libtco::Catalog& c) {
    const libtco::Comparison comparison = libtco::compare(s, c);
    if (o.format == "json") return libtco::to_json(comparison).dump(2) + "\n";
    if (o.format == "csv") return libtco::format_csv(comparison);
    const libtco::Recommendation recommendation = libtco::recommend(s, c, comparison);
    return libtco::format_table(comparison) + "\n" + libtco::format_recommendation(recommendation);
}

std::string render(const Options& o) {
    const libtco::Scenario scenario = load_scenario(o.scenario_file);
    const libtco::Catalog catalog = o.catalog_file ? libtco::load_catalog_file(*o.catalog_file) : libtco::catalog_for(scenario);
    if (o.command == "sweep") return run_sweep(o, scenario, catalog);
    if (o.command == "breakeven") return run_break_even(o, scenario, catalog);
    if (o.command == "sensitivity") return run_sensitivity(o, scenario, catalog);
    if (o.command == "montecarlo") return run_monte_carlo(o, scenario, catalog);
    return run_compare(o, scenario, catalog);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        // Rendered in full before printing: a failure never leaves half a report on stdout.
        std::cout << render(parse_options(std::vector<std::string>(argv + 1, argv + argc)));
        return 0;
    } catch (const UsageError& e) {
        std::cerr << "libtco_planner: " << e.message << "\nusage: libtco_planner [compare|sweep|breakeven|sensitivity|montecarlo] [SCENARIO.json] "
                                                         "[--catalog FILE] [--format table|json|csv] [--param ...]\n";
        return 2;
    } catch (const libtco::error& e) {
        std::cerr << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {  // not an input error: out of memory, say
        std::cerr << "libtco_planner: " << e.what() << "\n";
        return 1;
    }
}
