// libtco._core: sweeps, break-even, sensitivity and Monte Carlo. Scenario and catalog come in as
// JSON text; small results go out as JSON text, large ones (a value per point or sample) as numpy
// arrays of int64 cents (exact) and float64 draws. Every run releases the GIL; a progress callable
// is called with the GIL held, on the calling thread, and may return False to cancel.

#include "register.hpp"

#include <libtco/analysis/breakeven.hpp>
#include <libtco/costing/embedded_compare.hpp>
#include <libtco/analysis/montecarlo.hpp>
#include <libtco/analysis/recommendation.hpp>
#include <libtco/analysis/sensitivity.hpp>
#include <libtco/analysis/sweep.hpp>

#include <pybind11/numpy.h>

#include <optional>
#include <span>
#include <string>
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

nlohmann::ordered_json totals_json(const Totals& t) {
    return {{"eks_usd", round_to_cents(t.eks).value().to_fixed(2)}, {"ecs_usd", round_to_cents(t.ecs).value().to_fixed(2)},
            {"difference_usd", t.difference().value().to_fixed(2)}};
}

nlohmann::ordered_json summary_json(const Distribution1D& d) {
    nlohmann::ordered_json j{{"mean_usd", d.mean.to_string()}, {"stdev_usd", d.stdev}, {"min_cents", d.min_cents}, {"max_cents", d.max_cents}};
    nlohmann::ordered_json p = nlohmann::ordered_json::object();
    for (const auto& [q, v] : d.percentiles) p["p" + std::to_string(q)] = v;
    j["percentile_cents"] = std::move(p);
    return j;
}

// The statistics of a Monte Carlo result, after its spec and closed_form.
void add_statistics(nlohmann::ordered_json& j, const MonteCarloResult& r) {
    j["samples"] = r.samples();
    j["eks_cheaper"] = r.eks_cheaper;
    j["ties"] = r.ties;
    j["probability_eks_cheaper"] = r.probability_eks_cheaper().to_string();
    j["eks"] = summary_json(r.eks);
    j["ecs"] = summary_json(r.ecs);
    j["difference"] = summary_json(r.difference);
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

}  // namespace

void register_analysis(py::module_& m) {
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
            nlohmann::ordered_json j{{"parameter", b.parameter},
                                     {"base_value", b.base_value.to_string()},
                                     {"low", b.low.to_string()},
                                     {"high", b.high.to_string()},
                                     {"difference_at_low_usd", b.difference_at_low.to_string()},
                                     {"difference_at_high_usd", b.difference_at_high.to_string()},
                                     {"evaluations", b.evaluations}};
            nlohmann::ordered_json crossings = nlohmann::ordered_json::array();
            for (const Crossing& c : b.crossings)
                crossings.push_back({{"value", c.value.to_string()},
                                     {"low", c.low.to_string()},
                                     {"high", c.high.to_string()},
                                     {"kind", to_string(c.kind)},
                                     {"cheaper_above", c.cheaper_above}});
            j["crossings"] = std::move(crossings);
            return j.dump(2);
        },
        py::arg("scenario_json"), py::arg("catalog_json"), py::arg("parameter"), py::arg("low"), py::arg("high"), py::arg("scan_points") = 64,
        py::arg("threads") = 0, py::arg("progress") = py::none(),
        "The values of `parameter` in [low, high] where EKS and ECS cost the same, as JSON text.");

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
            nlohmann::ordered_json j{{"base", totals_json(t.base)}};
            nlohmann::ordered_json bars = nlohmann::ordered_json::array();
            for (const TornadoBar& b : t.bars)
                bars.push_back({{"parameter", b.parameter},
                                {"base_value", b.base_value.to_string()},
                                {"low", b.low.to_string()},
                                {"high", b.high.to_string()},
                                {"difference_at_low_usd", b.difference_at_low.value().to_fixed(2)},
                                {"difference_at_high_usd", b.difference_at_high.value().to_fixed(2)},
                                {"swing_usd", b.swing().value().to_fixed(2)},
                                {"at_low", totals_json(b.at_low)},
                                {"at_high", totals_json(b.at_high)}});
            j["bars"] = std::move(bars);
            return j.dump(2);
        },
        py::arg("scenario_json"), py::arg("catalog_json"), py::arg("ranges"), py::arg("threads") = 0,
        "A tornado over [(parameter, low, high), ...] (empty: the scenario's ranged assumptions), as JSON text.");

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
            nlohmann::ordered_json j{{"spec", to_json(r.spec)}, {"closed_form", r.closed_form}};
            add_statistics(j, r);
            py::dict out;
            out["summary_json"] = j.dump(2);
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
            nlohmann::ordered_json j = nlohmann::ordered_json::object();
            add_statistics(j, r);
            return j.dump(2);
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
        "recommend",
        [](const std::string& scenario_json, const std::optional<std::string>& catalog_json, const std::string& format) {
            if (format != "json" && format != "table") throw py::value_error("format must be \"json\" or \"table\", got \"" + format + "\"");
            py::gil_scoped_release release;
            const Inputs in = read_inputs(scenario_json, catalog_json);
            const Recommendation r = recommend(in.scenario, in.catalog, compare(in.scenario, in.catalog));
            return format == "json" ? to_json(r).dump(2) : format_recommendation(r);
        },
        py::arg("scenario_json"), py::arg("catalog_json") = py::none(), py::arg("format") = "json",
        "The recommendation (EKS, ECS or either) with its reasons, as JSON text or a text block.");

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

}  // namespace libtco::python
