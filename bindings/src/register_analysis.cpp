// libtco._core: sweeps, break-even, sensitivity and Monte Carlo. Scenario and catalog come in as
// JSON text; small results go out as JSON text, large ones (a value per point or sample) as numpy
// arrays of int64 cents (exact) and float64 draws. Every run releases the GIL; a progress callable
// is called with the GIL held, on the calling thread, and may return False to cancel.
//
// The *_text functions write a result the Python package holds (its fields handed back) as JSON,
// CSV or a table, through the libtco/io writers: every front end prints the same bytes.

#include "register.hpp"

#include <libtco/analysis/breakeven.hpp>
#include <libtco/analysis/montecarlo.hpp>
#include <libtco/analysis/recommendation.hpp>
#include <libtco/analysis/sensitivity.hpp>
#include <libtco/analysis/sweep.hpp>
#include <libtco/costing/embedded_compare.hpp>
#include <libtco/io/analysis_csv.hpp>
#include <libtco/io/analysis_json.hpp>
#include <libtco/io/analysis_table.hpp>
#include <libtco/io/recommendation_json.hpp>
#include <libtco/io/recommendation_text.hpp>

#include <pybind11/numpy.h>

#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace libtco::python {

namespace {

struct Inputs {
    Scenario scenario;
    Catalog catalog;
};

Inputs read_inputs(const std::string& scenario_json, const std::optional<std::string>& catalog_json) {
    Scenario s = Scenario::from_json_text(scenario_json);
    Catalog c = catalog_json ? Catalog::from_json_text(*catalog_json) : catalog_for(s);
    return {std::move(s), std::move(c)};
}

RunOptions run_options(int threads, const py::object& progress) {
    RunOptions o;
    o.threads = threads;
    if (!progress.is_none()) {
        o.progress = [progress](std::int64_t done, std::int64_t total) {
            py::gil_scoped_acquire hold;
            const py::object answer = progress(done, total);
            return answer.is_none() || answer.cast<bool>();
        };
    }
    return o;
}

// The vector's own buffer as a numpy array (no copy: the array keeps the vector alive).
py::array_t<std::int64_t> int_array(std::vector<std::int64_t>&& v) {
    auto* owned = new std::vector<std::int64_t>(std::move(v));
    const py::capsule free_when_done(owned, [](void* p) { delete static_cast<std::vector<std::int64_t>*>(p); });
    return py::array_t<std::int64_t>(static_cast<py::ssize_t>(owned->size()), owned->data(), free_when_done);
}

py::array_t<double> float_array(const std::vector<Decimal>& v) {
    py::array_t<double> out(static_cast<py::ssize_t>(v.size()));
    double* data = out.mutable_data();
    for (std::size_t i = 0; i < v.size(); ++i) data[i] = v[i].to_double();
    return out;
}

std::vector<std::int64_t> int_vector(const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& a) {
    if (a.ndim() != 1) throw py::value_error("expected a one-dimensional array of cents, got " + std::to_string(a.ndim()) + " dimensions");
    return {a.data(), a.data() + a.size()};
}

std::vector<SweepAxis> read_axes(const std::vector<std::pair<std::string, std::vector<std::string>>>& grid) {
    std::vector<SweepAxis> axes;
    for (const auto& [parameter, values] : grid) {
        SweepAxis a{parameter, {}};
        for (const std::string& v : values) a.values.push_back(Decimal::parse(v, parameter));
        axes.push_back(std::move(a));
    }
    return axes;
}

void register_sweep(py::module_& m) {
    m.def(
        "sweep",
        [](const std::string& scenario_json, const std::optional<std::string>& catalog_json,
           const std::vector<std::pair<std::string, std::vector<std::string>>>& grid, int threads, const py::object& progress) {
            const RunOptions options = run_options(threads, progress);
            std::optional<Inputs> in;
            std::vector<SweepAxis> grid_axes;
            {
                py::gil_scoped_release release;
                in = read_inputs(scenario_json, catalog_json);
                grid_axes = read_axes(grid);
            }
            // The points go straight into numpy's own arrays: no value-initialising pass over them
            // (as a vector's resize makes), and few page faults in the large pages numpy asks for.
            const std::int64_t n = sweep_size(grid_axes);
            py::array_t<std::int64_t> eks_cents(static_cast<py::ssize_t>(n));
            py::array_t<std::int64_t> ecs_cents(static_cast<py::ssize_t>(n));
            SweepLayout r;
            {
                const std::span<std::int64_t> eks_out(eks_cents.mutable_data(), static_cast<std::size_t>(n));
                const std::span<std::int64_t> ecs_out(ecs_cents.mutable_data(), static_cast<std::size_t>(n));
                py::gil_scoped_release release;
                r = sweep_into(in->scenario, in->catalog, grid_axes, eks_out, ecs_out, options);
            }
            py::list axes;
            for (const SweepAxis& a : r.axes) {
                py::list values;
                for (const Decimal& v : a.values) values.append(v.to_string());
                axes.append(py::make_tuple(a.parameter, values));
            }
            py::dict out;
            out["axes"] = axes;
            out["closed_form"] = r.closed_form;
            out["eks_cents"] = eks_cents;
            out["ecs_cents"] = ecs_cents;
            return out;
        },
        py::arg("scenario_json"), py::arg("catalog_json"), py::arg("grid"), py::arg("threads") = 0, py::arg("progress") = py::none(),
        "Evaluates the scenario on every point of the grid [(parameter, [decimal text, ...]), ...] (last parameter fastest).\n"
        "Returns {axes, closed_form, eks_cents, ecs_cents} with int64 numpy arrays of rounded totals in cents.");
}

void register_break_even(py::module_& m) {
    m.def(
        "break_even_json",
        [](const std::string& scenario_json, const std::optional<std::string>& catalog_json, const std::string& parameter, const std::string& low,
           const std::string& high, std::int64_t scan_points, int threads, const py::object& progress) {
            BreakEvenOptions options;
            options.scan_points = scan_points;
            options.run = run_options(threads, progress);
            py::gil_scoped_release release;
            const Inputs in = read_inputs(scenario_json, catalog_json);
            const BreakEven b = break_even(in.scenario, in.catalog, parameter, Decimal::parse(low, "low"), Decimal::parse(high, "high"), options);
            return analysis_json_text(to_json(b));
        },
        py::arg("scenario_json"), py::arg("catalog_json"), py::arg("parameter"), py::arg("low"), py::arg("high"), py::arg("scan_points") = 64,
        py::arg("threads") = 0, py::arg("progress") = py::none(),
        "The values of `parameter` in [low, high] where EKS and ECS cost the same, as JSON text.");
}

void register_sensitivity(py::module_& m) {
    m.def(
        "sensitivity_json",
        [](const std::string& scenario_json, const std::optional<std::string>& catalog_json,
           const std::vector<std::tuple<std::string, std::string, std::string>>& ranges, int threads) {
            RunOptions options;
            options.threads = threads;
            py::gil_scoped_release release;
            const Inputs in = read_inputs(scenario_json, catalog_json);
            std::vector<SensitivityRange> rs;
            for (const auto& [p, low, high] : ranges) rs.push_back({p, Decimal::parse(low, p), Decimal::parse(high, p)});
            const Tornado t = sensitivity(in.scenario, in.catalog, rs, options);
            return analysis_json_text(to_json(t));
        },
        py::arg("scenario_json"), py::arg("catalog_json"), py::arg("ranges"), py::arg("threads") = 0,
        "A tornado over [(parameter, low, high), ...] (empty: the scenario's ranged assumptions), as JSON text.");
}

void register_monte_carlo(py::module_& m) {
    m.def(
        "monte_carlo",
        [](const std::string& scenario_json, const std::optional<std::string>& catalog_json, const std::string& spec_json, int threads,
           const py::object& progress) {
            const RunOptions options = run_options(threads, progress);
            MonteCarloResult r;
            {
                py::gil_scoped_release release;
                const Inputs in = read_inputs(scenario_json, catalog_json);
                r = monte_carlo(in.scenario, in.catalog, MonteCarloSpec::from_json(detail::parse_exact(spec_json)), options);
            }
            py::dict out;
            out["summary_json"] = analysis_json_text(monte_carlo_summary_json(r));
            out["eks_cents"] = int_array(std::move(r.eks_cents));
            out["ecs_cents"] = int_array(std::move(r.ecs_cents));
            py::list draws;
            for (const std::vector<Decimal>& d : r.draws) draws.append(float_array(d));
            out["draws"] = draws;
            return out;
        },
        py::arg("scenario_json"), py::arg("catalog_json"), py::arg("spec_json"), py::arg("threads") = 0, py::arg("progress") = py::none(),
        "Monte Carlo of the scenario under spec_json ({seed, samples, parameters: [{parameter, distribution}], first_sample}).\n"
        "Returns {summary_json, eks_cents, ecs_cents, draws} (int64 cents; float64 draws per parameter).");

    m.def(
        "monte_carlo_statistics",
        [](const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& eks_cents,
           const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& ecs_cents) {
            MonteCarloResult r;
            r.eks_cents = int_vector(eks_cents);
            r.ecs_cents = int_vector(ecs_cents);
            if (r.eks_cents.empty()) throw py::value_error("expected at least one sample");
            py::gil_scoped_release release;
            summarize_samples(r);
            return analysis_json_text(monte_carlo_statistics_json(r));
        },
        py::arg("eks_cents"), py::arg("ecs_cents"),
        "The statistics monte_carlo computes (samples, eks_cheaper, ties, probability_eks_cheaper, eks, ecs, difference), as JSON\n"
        "text, of samples gathered from several runs (batches of first_sample ranges, concatenated in order).");

    m.def(
        "check_monte_carlo_spec",
        [](const std::string& scenario_json, const std::string& spec_json) {
            const Scenario s = Scenario::from_json_text(scenario_json);
            return to_json(checked_spec(s, MonteCarloSpec::from_json(detail::parse_exact(spec_json)))).dump(2);
        },
        py::arg("scenario_json"), py::arg("spec_json"),
        "A Monte Carlo spec with its size checked against the limits and the default uncertainty filled in, as JSON text.");

    m.def(
        "normalize_monte_carlo_spec",
        [](const std::string& spec_json) { return to_json(MonteCarloSpec::from_json(detail::parse_exact(spec_json))).dump(2); },
        py::arg("spec_json"), "Reads a Monte Carlo spec strictly (errors carry its JSON paths) and writes it back with defaults explicit.");

    m.def("default_uncertainty_json", [](const std::string& scenario_json) {
        const Scenario s = Scenario::from_json_text(scenario_json);
        MonteCarloSpec spec;
        spec.parameters = default_uncertainty(s);
        return to_json(spec)["parameters"].dump(2);
    });
}

void register_recommend(py::module_& m) {
    m.def(
        "recommend",
        [](const std::string& scenario_json, const std::optional<std::string>& catalog_json, const std::string& format) {
            if (format != "json" && format != "table") throw py::value_error("format must be \"json\" or \"table\", got \"" + format + "\"");
            py::gil_scoped_release release;
            const Inputs in = read_inputs(scenario_json, catalog_json);
            const Recommendation r = recommend(in.scenario, in.catalog, compare(in.scenario, in.catalog));
            return format == "json" ? analysis_json_text(to_json(r)) : format_recommendation(r);
        },
        py::arg("scenario_json"), py::arg("catalog_json") = py::none(), py::arg("format") = "json",
        "The recommendation (EKS, ECS or either) with its reasons, as JSON text or a text block.");
}

// --- writing results the Python package holds -----------------------------------------------------

using Cents = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;
using Draws = py::array_t<double, py::array::c_style | py::array::forcecast>;

std::span<const std::int64_t> cents_span(const Cents& a) {
    if (a.ndim() != 1) throw py::value_error("expected a one-dimensional array of cents, got " + std::to_string(a.ndim()) + " dimensions");
    return {a.data(), static_cast<std::size_t>(a.size())};
}

void require_same_length(std::span<const std::int64_t> eks, std::span<const std::int64_t> ecs) {
    if (eks.size() != ecs.size())
        throw py::value_error("expected as many ECS totals as EKS totals, got " + std::to_string(ecs.size()) + " and " + std::to_string(eks.size()));
}

std::string sweep_text(const std::vector<std::pair<std::string, std::vector<std::string>>>& axes, bool closed_form, const Cents& eks_cents,
                       const Cents& ecs_cents, const std::string& format) {
    const Format f = parse_format(format);
    const SweepLayout layout{read_axes(axes), closed_form};
    const std::span<const std::int64_t> eks = cents_span(eks_cents);
    const std::span<const std::int64_t> ecs = cents_span(ecs_cents);
    require_same_length(eks, ecs);
    if (static_cast<std::int64_t>(eks.size()) != sweep_size(layout.axes))
        throw py::value_error("expected " + std::to_string(sweep_size(layout.axes)) + " points for these axes, got " + std::to_string(eks.size()));
    py::gil_scoped_release release;
    switch (f) {
        case Format::table: return sweep_table(layout, eks, ecs);
        case Format::csv: return sweep_csv(layout, eks, ecs);
        case Format::json: break;
    }
    return analysis_json_text(sweep_json(layout, eks, ecs));
}

using CrossingFields = std::tuple<std::string, std::string, std::string, std::string, std::string>;  // value, low, high, kind, cheaper_above

Crossing read_crossing(const CrossingFields& fields) {
    const auto& [value, low, high, kind, cheaper_above] = fields;
    if (kind != "root" && kind != "step") throw py::value_error("a crossing's kind must be \"root\" or \"step\", got \"" + kind + "\"");
    return {Decimal::parse(value, "value"), Decimal::parse(low, "low"), Decimal::parse(high, "high"),
            kind == "root" ? CrossingKind::root : CrossingKind::step, cheaper_above};
}

std::string break_even_text(const std::string& parameter, const std::string& base_value, const std::string& low, const std::string& high,
                            const std::string& difference_at_low, const std::string& difference_at_high, const std::vector<CrossingFields>& crossings,
                            std::int64_t evaluations, const std::string& format) {
    BreakEven b;
    b.parameter = parameter;
    b.base_value = Decimal::parse(base_value, "base_value");
    b.low = Decimal::parse(low, "low");
    b.high = Decimal::parse(high, "high");
    b.difference_at_low = Money(Decimal::parse(difference_at_low, "difference_at_low"));
    b.difference_at_high = Money(Decimal::parse(difference_at_high, "difference_at_high"));
    for (const CrossingFields& c : crossings) b.crossings.push_back(read_crossing(c));
    b.evaluations = evaluations;
    if (format == "summary") return break_even_summary(b);
    switch (parse_format(format)) {
        case Format::table: return format_table(b);
        case Format::csv: return format_csv(b);
        case Format::json: break;
    }
    return analysis_json_text(to_json(b));
}

using BarFields = std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>;  // parameter, base, low, high, at low, at high

TornadoBar read_bar(const BarFields& fields) {
    const auto& [parameter, base_value, low, high, difference_at_low, difference_at_high] = fields;
    TornadoBar b;
    b.parameter = parameter;
    b.base_value = Decimal::parse(base_value, parameter);
    b.low = Decimal::parse(low, parameter);
    b.high = Decimal::parse(high, parameter);
    b.difference_at_low = Money(Decimal::parse(difference_at_low, parameter));
    b.difference_at_high = Money(Decimal::parse(difference_at_high, parameter));
    return b;
}

std::string tornado_text(const std::string& base_difference, const std::string& base_eks, const std::string& base_ecs, const std::vector<BarFields>& bars,
                         const std::string& format) {
    const Format f = parse_format(format);
    Tornado t;
    t.base_difference = Money(Decimal::parse(base_difference, "base_difference"));
    t.base = {Money(Decimal::parse(base_eks, "base_eks")), Money(Decimal::parse(base_ecs, "base_ecs"))};
    for (const BarFields& b : bars) t.bars.push_back(read_bar(b));
    switch (f) {
        case Format::table: return format_table(t);
        case Format::csv: return format_csv(t);
        case Format::json: break;
    }
    return analysis_json_text(to_json(t));
}

std::string monte_carlo_text(const std::string& spec_json, bool closed_form, const Cents& eks_cents, const Cents& ecs_cents, const std::vector<Draws>& draws,
                             const std::string& format) {
    const Format f = parse_format(format);
    MonteCarloResult r;
    r.spec = MonteCarloSpec::from_json(detail::parse_exact(spec_json));
    r.closed_form = closed_form;
    const std::span<const std::int64_t> eks = cents_span(eks_cents);
    const std::span<const std::int64_t> ecs = cents_span(ecs_cents);
    require_same_length(eks, ecs);
    if (eks.empty()) throw py::value_error("expected at least one sample");
    if (f == Format::csv) {
        if (draws.size() != r.spec.parameters.size())
            throw py::value_error("expected a series of draws per parameter (" + std::to_string(r.spec.parameters.size()) + "), got " + std::to_string(draws.size()));
        std::vector<std::string> parameters;
        for (const UncertainParameter& u : r.spec.parameters) parameters.push_back(u.parameter);
        std::vector<std::vector<double>> series;
        for (const Draws& d : draws) {
            if (d.ndim() != 1 || static_cast<std::size_t>(d.size()) != eks.size()) throw py::value_error("expected one draw per sample of each parameter");
            series.emplace_back(d.data(), d.data() + d.size());
        }
        py::gil_scoped_release release;
        return monte_carlo_csv(parameters, series, eks, ecs);
    }
    r.eks_cents.assign(eks.begin(), eks.end());
    r.ecs_cents.assign(ecs.begin(), ecs.end());
    py::gil_scoped_release release;
    summarize_samples(r);
    return f == Format::table ? format_table(r) : analysis_json_text(to_json(r));
}

using ReasonFields = std::tuple<std::string, int, std::string>;  // favours, points, text

std::string recommendation_text(const std::string& platform, int score, const std::string& headline, const std::vector<ReasonFields>& reasons,
                                const std::string& format) {
    if (format != "json" && format != "table") throw py::value_error("format must be \"json\" or \"table\", got \"" + format + "\"");
    Recommendation r;
    r.platform = platform;
    r.score = score;
    r.headline = headline;
    for (const auto& [favours, points, text] : reasons) r.reasons.push_back({favours, points, text});
    return format == "json" ? analysis_json_text(to_json(r)) : format_recommendation(r);
}

void register_writers(py::module_& m) {
    m.def("sweep_text", &sweep_text, py::arg("axes"), py::arg("closed_form"), py::arg("eks_cents"), py::arg("ecs_cents"), py::arg("format"),
          "A sweep ([(parameter, [decimal text, ...]), ...], closed_form, int64 cents per point) as \"json\", \"csv\" or \"table\" text.");
    m.def("break_even_text", &break_even_text, py::arg("parameter"), py::arg("base_value"), py::arg("low"), py::arg("high"),
          py::arg("difference_at_low"), py::arg("difference_at_high"), py::arg("crossings"), py::arg("evaluations"), py::arg("format"),
          "A break-even (decimals as text; crossings as (value, low, high, kind, cheaper_above)) as \"json\", \"csv\", \"table\"\n"
          "or \"summary\" (the answer in one sentence) text.");
    m.def("tornado_text", &tornado_text, py::arg("base_difference"), py::arg("base_eks"), py::arg("base_ecs"), py::arg("bars"), py::arg("format"),
          "A tornado (bars as (parameter, base_value, low, high, difference_at_low, difference_at_high)) as \"json\", \"csv\" or \"table\" text.");
    m.def("monte_carlo_text", &monte_carlo_text, py::arg("spec_json"), py::arg("closed_form"), py::arg("eks_cents"), py::arg("ecs_cents"),
          py::arg("draws"), py::arg("format"),
          "A Monte Carlo run (its spec as JSON text, int64 cents per sample, float64 draws per parameter) as \"json\", \"csv\" or\n"
          "\"table\" text; the statistics are computed from the cents.");
    m.def("recommendation_text", &recommendation_text, py::arg("platform"), py::arg("score"), py::arg("headline"), py::arg("reasons"), py::arg("format"),
          "A recommendation (reasons as (favours, points, text)) as \"json\" or \"table\" text.");
}

}  // namespace

void register_analysis(py::module_& m) {
    register_sweep(m);
    register_break_even(m);
    register_sensitivity(m);
    register_monte_carlo(m);
    register_recommend(m);
    register_writers(m);
}

}  // namespace libtco::python
