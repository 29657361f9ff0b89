#pragma once
// Monte Carlo: uncertain parameters get distributions; each sample draws every parameter, evaluates
// both platforms, and keeps the totals in cents. Sample i, parameter p draws from its own random
// stream (seed, i x P + p), so the numbers depend on the seed alone: not on the thread count, the
// scheduling, the compiler or the machine (see random.hpp and distribution.hpp).
//
// Statistics: means are exact (the cents summed, divided once); percentiles are nearest-rank on the
// sorted cents (the smallest value with at least p of the samples at or below it).
//
// A run can also compute a range of another run's samples (`first_sample`): the samples of
// consecutive ranges, concatenated and summarized with summarize_samples(), are the longer run's,
// bit for bit. That is how a run is split into batches for a cluster (Python: libtco.distributed).

#include <libtco/analysis/distribution.hpp>
#include <libtco/analysis/evaluator.hpp>
#include <libtco/core/parallel.hpp>
#include <libtco/analysis/random.hpp>
#include <libtco/core/rounding.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace libtco {

namespace limits {
inline constexpr std::int64_t max_monte_carlo_samples = 10'000'000;
inline constexpr std::int64_t max_uncertain_parameters = 64;
// Samples x parameters: every draw is kept (for plots and the per-sample frame), 32 bytes each.
inline constexpr std::int64_t max_monte_carlo_draws = 50'000'000;
}  // namespace limits

struct UncertainParameter {
    std::string parameter;  // JSON pointer into the scenario
    Distribution distribution;
};

struct MonteCarloSpec {
    std::uint64_t seed = 1;
    std::int64_t samples = 10000;
    std::vector<UncertainParameter> parameters;  // empty: default_uncertainty(scenario)
    // The index of the first sample: the run computes samples [first_sample, first_sample + samples)
    // of a run of first_sample + samples or more, each from its own streams.
    std::int64_t first_sample = 0;

    static MonteCarloSpec from_json(const detail::json& v, const std::string& path = "");
};

// The summary of one series of cents.
struct Distribution1D {
    Decimal mean;  // exact to 10^-12: the sum of the cents / the count
    double stdev = 0;
    std::int64_t min_cents = 0;
    std::int64_t max_cents = 0;
    std::vector<std::pair<int, std::int64_t>> percentiles;  // (p, cents)

    std::int64_t percentile(int p) const {
        for (const auto& [q, v] : percentiles)
            if (q == p) return v;
        throw lookup_error(errc::missing_figure, "", "percentile " + std::to_string(p) + " was not computed");
    }
};

struct MonteCarloResult {
    MonteCarloSpec spec;  // with the parameters as resolved
    bool closed_form = false;
    std::vector<std::vector<Decimal>> draws;  // per parameter, per sample
    std::vector<std::int64_t> eks_cents;
    std::vector<std::int64_t> ecs_cents;
    Distribution1D eks;
    Distribution1D ecs;
    Distribution1D difference;      // EKS - ECS
    std::int64_t eks_cheaper = 0;   // samples where EKS costs less
    std::int64_t ties = 0;

    std::int64_t samples() const { return static_cast<std::int64_t>(eks_cents.size()); }
    Decimal probability_eks_cheaper() const { return Decimal(eks_cheaper) / Decimal(samples()); }
};

inline constexpr int monte_carlo_percentiles[] = {5, 10, 25, 50, 75, 90, 95};

// What every report of a run says beside P(EKS cheaper): it measures the assumed ranges, not the world.
inline constexpr const char* monte_carlo_note =
    "the share of samples in which EKS costs less: it follows from the ranges assumed for the parameters drawn, not from observed data";

namespace detail {

inline bool is_staff_assumption(const Assumption& a) {
    return a.name.rfind("/eks/operations/", 0) == 0 || a.name.rfind("/ecs/operations/", 0) == 0 || a.name == "/team/service_hours_per_month";
}

// A count (add-ons) over whole values from low to high, weighted like a triangle peaking at `mode`:
// rising as k - low + 1 up to the mode, falling as high - k + 1 after it, each side scaled so both
// reach the same peak (weights in whole numbers: the rising side x (high - mode + 1), the falling x
// (mode - low + 1)).
inline Distribution whole_triangle(const Decimal& low, const Decimal& mode, const Decimal& high, const std::string& name) {
    const std::int64_t a = low.to_int64(), c = mode.to_int64(), b = high.to_int64();
    Distribution::Choice choice;
    for (std::int64_t k = a; k <= b; ++k) {
        choice.values.push_back(Decimal(k));
        choice.weights.push_back(Decimal(k <= c ? (k - a + 1) * (b - c + 1) : (b - k + 1) * (c - a + 1)));
    }
    return Distribution(choice, name);
}

}  // namespace detail

// Staff time's evidence as distributions: each figure of the effort model (or the seed's share,
// where a scenario uses it) over its plausible range, most likely at the scenario's value. Which
// platform comes out cheaper in how many samples follows from these assumed ranges, not from data.
inline std::vector<UncertainParameter> default_uncertainty(const Scenario& s) {
    std::vector<UncertainParameter> out;
    for (const Assumption& a : detail::assumptions_used(s)) {
        if (!detail::is_staff_assumption(a) || !a.low || !a.high) continue;
        const Decimal low = std::min(*a.low, a.value);
        const Decimal high = std::max(*a.high, a.value);
        if (a.name.ends_with("/add_ons")) out.push_back({a.name, detail::whole_triangle(low, a.value, high, a.name)});
        else out.push_back({a.name, Distribution(Distribution::Triangular{low, a.value, high}, a.name)});
    }
    return out;
}

namespace detail {

inline Distribution1D summarize(std::vector<std::int64_t> cents) {
    Distribution1D out;
    const auto n = static_cast<std::int64_t>(cents.size());
    if (n == 0) return out;
    Decimal sum;
    for (std::int64_t c : cents) sum += Decimal(c);
    const Decimal cent = Decimal::parse("0.01");
    out.mean = sum * cent / Decimal(n);
    // The spread in floating point, about the exact mean (a statistic, not money).
    const double mean_cents = (sum / Decimal(n)).to_double();
    double squares = 0;
    for (std::int64_t c : cents) squares += (static_cast<double>(c) - mean_cents) * (static_cast<double>(c) - mean_cents);
    out.stdev = n > 1 ? std::sqrt(squares / static_cast<double>(n - 1)) / 100.0 : 0.0;
    std::sort(cents.begin(), cents.end());
    out.min_cents = cents.front();
    out.max_cents = cents.back();
    for (int p : monte_carlo_percentiles) {
        const std::int64_t rank = (static_cast<std::int64_t>(p) * n + 99) / 100;  // ceil(p n / 100), at least 1
        out.percentiles.emplace_back(p, cents[static_cast<std::size_t>(std::max<std::int64_t>(rank, 1) - 1)]);
    }
    return out;
}

}  // namespace detail

// Fills a result's statistics (eks, ecs, difference, eks_cheaper, ties) from its eks_cents and
// ecs_cents: what monte_carlo() does after sampling, for samples gathered from several runs.
inline void summarize_samples(MonteCarloResult& r) {
    if (r.eks_cents.size() != r.ecs_cents.size())
        throw validation_error(errc::inconsistent, "", "expected as many ECS totals as EKS totals, got " + std::to_string(r.ecs_cents.size()) +
                                                           " and " + std::to_string(r.eks_cents.size()));
    std::vector<std::int64_t> difference(r.eks_cents.size());
    r.eks_cheaper = 0;
    r.ties = 0;
    for (std::size_t i = 0; i < difference.size(); ++i) {
        difference[i] = r.eks_cents[i] - r.ecs_cents[i];
        r.eks_cheaper += difference[i] < 0 ? 1 : 0;
        r.ties += difference[i] == 0 ? 1 : 0;
    }
    r.eks = detail::summarize(r.eks_cents);
    r.ecs = detail::summarize(r.ecs_cents);
    r.difference = detail::summarize(std::move(difference));
}

// The spec a run uses: its size checked against the limits and, without parameters, the scenario's
// default uncertainty. Parameters are still as given (the evaluator resolves them).
inline MonteCarloSpec checked_spec(const Scenario& scenario, MonteCarloSpec spec) {
    if (spec.samples < 1 || spec.samples > limits::max_monte_carlo_samples)
        throw validation_error(errc::out_of_range, "/samples",
                               "expected 1 to " + std::to_string(limits::max_monte_carlo_samples) + " samples, got " + std::to_string(spec.samples));
    if (spec.first_sample < 0 || spec.first_sample > limits::max_monte_carlo_samples - spec.samples)
        throw validation_error(errc::out_of_range, "/first_sample",
                               "expected 0 to " + std::to_string(limits::max_monte_carlo_samples - spec.samples) + " (first_sample + samples at most " +
                                   std::to_string(limits::max_monte_carlo_samples) + "), got " + std::to_string(spec.first_sample));
    if (spec.parameters.empty()) spec.parameters = default_uncertainty(scenario);
    if (static_cast<std::int64_t>(spec.parameters.size()) > limits::max_uncertain_parameters)
        throw validation_error(errc::out_of_range, "/parameters", "at most " + std::to_string(limits::max_uncertain_parameters) + " uncertain parameters");
    if (spec.samples * static_cast<std::int64_t>(spec.parameters.size()) > limits::max_monte_carlo_draws)
        throw validation_error(errc::out_of_range, "/samples",
                               "samples x parameters may be at most " + std::to_string(limits::max_monte_carlo_draws) + " (every draw is kept), got " +
                                   std::to_string(spec.samples) + " x " + std::to_string(spec.parameters.size()));
    return spec;
}

inline MonteCarloResult monte_carlo(const Scenario& scenario, const Catalog& catalog, MonteCarloSpec spec, const RunOptions& options = {}) {
    spec = checked_spec(scenario, std::move(spec));
    std::vector<std::string> pointers;
    for (const UncertainParameter& u : spec.parameters) pointers.push_back(u.parameter);
    const Evaluator evaluate(scenario, catalog, pointers);
    for (std::size_t p = 0; p < spec.parameters.size(); ++p) spec.parameters[p].parameter = evaluate.parameters()[p].path;

    const std::int64_t n = spec.samples;
    const std::int64_t first = spec.first_sample;
    const auto count = static_cast<std::uint64_t>(spec.parameters.size());
    MonteCarloResult out;
    out.closed_form = evaluate.closed_form();
    out.draws.assign(spec.parameters.size(), std::vector<Decimal>(static_cast<std::size_t>(n)));
    out.eks_cents.resize(static_cast<std::size_t>(n));
    out.ecs_cents.resize(static_cast<std::size_t>(n));
    parallel_for(n, options, [&](std::int64_t begin, std::int64_t end) {
        std::vector<Decimal> values(spec.parameters.size());
        for (std::int64_t i = begin; i < end; ++i) {
            for (std::size_t p = 0; p < spec.parameters.size(); ++p) {
                Rng rng(spec.seed, static_cast<std::uint64_t>(first + i) * count + p);
                values[p] = sample(spec.parameters[p].distribution, rng);
                out.draws[p][static_cast<std::size_t>(i)] = values[p];
            }
            try {
                const Totals t = evaluate(values);
                out.eks_cents[static_cast<std::size_t>(i)] = cents_of(t.eks);
                out.ecs_cents[static_cast<std::size_t>(i)] = cents_of(t.ecs);
            } catch (const error& e) {
                rethrow_with_context(e, "in sample " + std::to_string(first + i) + ": ");
            }
        }
    });
    summarize_samples(out);
    out.spec = std::move(spec);
    return out;
}

inline MonteCarloSpec MonteCarloSpec::from_json(const detail::json& v, const std::string& path) {
    detail::ObjectReader r(v, path);
    MonteCarloSpec spec;
    if (r.has("seed")) {
        const std::int64_t seed = r.integer("seed");
        if (seed < 0) throw validation_error(errc::out_of_range, r.path_of("seed"), "expected a seed of 0 or more, got " + std::to_string(seed));
        spec.seed = static_cast<std::uint64_t>(seed);
    }
    if (r.has("samples")) spec.samples = detail::require_in(r.integer("samples"), 1, limits::max_monte_carlo_samples, r.path_of("samples"));
    if (r.has("first_sample"))
        spec.first_sample = detail::require_in(r.integer("first_sample"), 0, limits::max_monte_carlo_samples - 1, r.path_of("first_sample"));
    if (const detail::json* list = r.find("parameters")) {
        detail::require_array(*list, r.path_of("parameters"));
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = detail::child_path(r.path_of("parameters"), i);
            detail::ObjectReader item((*list)[i], at);
            UncertainParameter u;
            u.parameter = item.string("parameter");
            u.distribution = read_distribution(item.at("distribution"), item.path_of("distribution"));
            item.finish();
            spec.parameters.push_back(std::move(u));
        }
    }
    r.finish();
    return spec;
}

inline nlohmann::ordered_json to_json(const MonteCarloSpec& spec) {
    nlohmann::ordered_json j;
    j["seed"] = spec.seed;
    j["samples"] = spec.samples;
    if (spec.first_sample != 0) j["first_sample"] = spec.first_sample;  // a batch of a longer run
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const UncertainParameter& u : spec.parameters) list.push_back({{"parameter", u.parameter}, {"distribution", to_json(u.distribution)}});
    j["parameters"] = std::move(list);
    return j;
}

}  // namespace libtco
