#pragma once
// The analyses as JSON documents: a sweep, a break-even, a tornado and a Monte Carlo run. Decimals
// and money are strings (exact); counts and flags are JSON numbers and booleans; a Monte Carlo
// standard deviation (a statistic, not money) is a JSON number. `analysis_json_text` writes a
// document as every front end prints it.
//
// Besides the documents, the two summaries the Python package rebuilds a Monte Carlo run from (and
// merges batches with) carry the statistics in exact cents: monte_carlo_statistics_json and
// monte_carlo_summary_json.

#include <libtco/analysis/breakeven.hpp>
#include <libtco/analysis/montecarlo.hpp>
#include <libtco/analysis/sensitivity.hpp>
#include <libtco/analysis/sweep.hpp>
#include <libtco/io/number_text.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <span>
#include <string>

namespace libtco {

// A document as text: two-space indent, text outside ASCII escaped, no final newline.
inline std::string analysis_json_text(const nlohmann::ordered_json& document) { return document.dump(2, ' ', true); }

// --- sweep ---------------------------------------------------------------------------------------

namespace detail {

inline nlohmann::ordered_json cents_list(std::span<const std::int64_t> cents) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const std::int64_t c : cents) out.push_back(cents_text(c));
    return out;
}

}  // namespace detail

// {axes: [{parameter, values}], closed_form, eks_usd: [...], ecs_usd: [...]}, a total per point.
inline nlohmann::ordered_json sweep_json(const SweepLayout& layout, std::span<const std::int64_t> eks_cents, std::span<const std::int64_t> ecs_cents) {
    nlohmann::ordered_json axes = nlohmann::ordered_json::array();
    for (const SweepAxis& a : layout.axes) {
        nlohmann::ordered_json values = nlohmann::ordered_json::array();
        for (const Decimal& v : a.values) values.push_back(v.to_string());
        axes.push_back({{"parameter", a.parameter}, {"values", std::move(values)}});
    }
    return {{"axes", std::move(axes)},
            {"closed_form", layout.closed_form},
            {"eks_usd", detail::cents_list(eks_cents)},
            {"ecs_usd", detail::cents_list(ecs_cents)}};
}

inline nlohmann::ordered_json to_json(const SweepResult& r) { return sweep_json({r.axes, r.closed_form}, r.eks_cents, r.ecs_cents); }

// --- break-even ----------------------------------------------------------------------------------

inline nlohmann::ordered_json to_json(const Crossing& c) {
    return {{"value", c.value.to_string()},
            {"low", c.low.to_string()},
            {"high", c.high.to_string()},
            {"kind", to_string(c.kind)},
            {"cheaper_above", c.cheaper_above}};
}

inline nlohmann::ordered_json to_json(const BreakEven& b) {
    nlohmann::ordered_json crossings = nlohmann::ordered_json::array();
    for (const Crossing& c : b.crossings) crossings.push_back(to_json(c));
    return {{"parameter", b.parameter},
            {"base_value", b.base_value.to_string()},
            {"low", b.low.to_string()},
            {"high", b.high.to_string()},
            {"difference_at_low_usd", b.difference_at_low.to_string()},
            {"difference_at_high_usd", b.difference_at_high.to_string()},
            {"crossings", std::move(crossings)},
            {"evaluations", b.evaluations}};
}

// --- tornado -------------------------------------------------------------------------------------

// A bar's differences are rounded totals, so they are written to the cent.
inline nlohmann::ordered_json to_json(const TornadoBar& b) {
    return {{"parameter", b.parameter},
            {"base_value", b.base_value.to_string()},
            {"low", b.low.to_string()},
            {"high", b.high.to_string()},
            {"difference_at_low", usd(b.difference_at_low)},
            {"difference_at_high", usd(b.difference_at_high)},
            {"swing", usd(b.swing())}};
}

inline nlohmann::ordered_json to_json(const Tornado& t) {
    nlohmann::ordered_json bars = nlohmann::ordered_json::array();
    for (const TornadoBar& b : t.bars) bars.push_back(to_json(b));
    return {{"base_difference_usd", usd(t.base_difference)},
            {"base_eks_usd", usd(round_to_cents(t.base.eks))},
            {"base_ecs_usd", usd(round_to_cents(t.base.ecs))},
            {"bars", std::move(bars)}};
}

// --- Monte Carlo ---------------------------------------------------------------------------------

// {mean, stdev, min, max, percentiles: {"5": ..., ...}}, in dollars.
inline nlohmann::ordered_json to_json(const Distribution1D& d) {
    nlohmann::ordered_json percentiles = nlohmann::ordered_json::object();
    for (const auto& [p, cents] : d.percentiles) percentiles[std::to_string(p)] = cents_text(cents);
    return {{"mean", d.mean.to_string()},
            {"stdev", d.stdev},
            {"min", cents_text(d.min_cents)},
            {"max", cents_text(d.max_cents)},
            {"percentiles", std::move(percentiles)}};
}

// {spec, closed_form, samples, probability_eks_cheaper, note, summary: {eks, ecs, difference}}; the
// samples themselves are in monte_carlo_csv.
inline nlohmann::ordered_json to_json(const MonteCarloResult& r) {
    return {{"spec", to_json(r.spec)},
            {"closed_form", r.closed_form},
            {"samples", r.samples()},
            {"probability_eks_cheaper", r.probability_eks_cheaper().to_string()},
            {"note", monte_carlo_note},
            {"summary", {{"eks", to_json(r.eks)}, {"ecs", to_json(r.ecs)}, {"difference", to_json(r.difference)}}}};
}

namespace detail {

inline nlohmann::ordered_json cents_statistics_json(const Distribution1D& d) {
    nlohmann::ordered_json percentiles = nlohmann::ordered_json::object();
    for (const auto& [p, cents] : d.percentiles) percentiles["p" + std::to_string(p)] = cents;
    return {{"mean_usd", d.mean.to_string()},
            {"stdev_usd", d.stdev},
            {"min_cents", d.min_cents},
            {"max_cents", d.max_cents},
            {"percentile_cents", std::move(percentiles)}};
}

inline void add_statistics(nlohmann::ordered_json& j, const MonteCarloResult& r) {
    j["samples"] = r.samples();
    j["eks_cheaper"] = r.eks_cheaper;
    j["ties"] = r.ties;
    j["probability_eks_cheaper"] = r.probability_eks_cheaper().to_string();
    j["eks"] = cents_statistics_json(r.eks);
    j["ecs"] = cents_statistics_json(r.ecs);
    j["difference"] = cents_statistics_json(r.difference);
}

}  // namespace detail

// {samples, eks_cheaper, ties, probability_eks_cheaper, eks, ecs, difference}, each series as
// {mean_usd, stdev_usd, min_cents, max_cents, percentile_cents: {p5: ...}}: exact, for merging runs.
inline nlohmann::ordered_json monte_carlo_statistics_json(const MonteCarloResult& r) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    detail::add_statistics(j, r);
    return j;
}

// The run's spec and closed_form, then its statistics as monte_carlo_statistics_json writes them.
inline nlohmann::ordered_json monte_carlo_summary_json(const MonteCarloResult& r) {
    nlohmann::ordered_json j{{"spec", to_json(r.spec)}, {"closed_form", r.closed_form}};
    detail::add_statistics(j, r);
    return j;
}

}  // namespace libtco
