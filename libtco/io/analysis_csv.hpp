#pragma once
// The analyses as CSV, one row per point, crossing, bar or sample: parameter values exact, money in
// dollars to the cent without thousands separators, Monte Carlo draws in their shortest exact form.

#include <libtco/analysis/breakeven.hpp>
#include <libtco/analysis/montecarlo.hpp>
#include <libtco/analysis/sensitivity.hpp>
#include <libtco/analysis/sweep.hpp>
#include <libtco/core/text.hpp>
#include <libtco/io/number_text.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace libtco {

namespace detail {

inline std::string csv_line(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    return out + "\n";
}

// EKS, ECS and EKS - ECS of one point or sample, in dollars.
inline void add_totals(std::vector<std::string>& fields, std::int64_t eks_cents, std::int64_t ecs_cents) {
    fields.push_back(cents_text(eks_cents));
    fields.push_back(cents_text(ecs_cents));
    fields.push_back(cents_text(eks_cents - ecs_cents));
}

}  // namespace detail

// A column per parameter, then eks_usd, ecs_usd, difference_usd; a row per point (the last parameter fastest).
inline std::string sweep_csv(const SweepLayout& layout, std::span<const std::int64_t> eks_cents, std::span<const std::int64_t> ecs_cents) {
    std::vector<std::string> header;
    for (const SweepAxis& a : layout.axes) header.push_back(a.parameter);
    for (const char* column : {"eks_usd", "ecs_usd", "difference_usd"}) header.emplace_back(column);
    std::string out = detail::csv_line(header);
    for (std::size_t i = 0; i < eks_cents.size(); ++i) {
        std::vector<std::string> row;
        for (std::size_t a = 0; a < layout.axes.size(); ++a) row.push_back(detail::grid_value(layout.axes, static_cast<std::int64_t>(i), a).to_string());
        detail::add_totals(row, eks_cents[i], ecs_cents[i]);
        out += detail::csv_line(row);
    }
    return out;
}

inline std::string format_csv(const SweepResult& r) { return sweep_csv({r.axes, r.closed_form}, r.eks_cents, r.ecs_cents); }

// parameter,value,low,high,kind,cheaper_above: a row per crossing (none: the header alone).
inline std::string format_csv(const BreakEven& b) {
    std::string out = detail::csv_line({"parameter", "value", "low", "high", "kind", "cheaper_above"});
    for (const Crossing& c : b.crossings)
        out += detail::csv_line({b.parameter, c.value.to_string(), c.low.to_string(), c.high.to_string(), to_string(c.kind), c.cheaper_above});
    return out;
}

// A row per bar, widest first: the values exact, the differences and swing to the cent.
inline std::string format_csv(const Tornado& t) {
    std::string out = detail::csv_line({"parameter", "base_value", "low", "high", "difference_at_low_usd", "difference_at_high_usd", "swing_usd"});
    for (const TornadoBar& b : t.bars)
        out += detail::csv_line({b.parameter, b.base_value.to_string(), b.low.to_string(), b.high.to_string(), usd(b.difference_at_low),
                                 usd(b.difference_at_high), usd(b.swing())});
    return out;
}

// sample, each parameter's draw, eks_usd, ecs_usd, difference_usd: a row per sample. `draws` holds
// a series per parameter, as doubles (what plots and frames see of the exact draws).
inline std::string monte_carlo_csv(const std::vector<std::string>& parameters, const std::vector<std::vector<double>>& draws,
                                   std::span<const std::int64_t> eks_cents, std::span<const std::int64_t> ecs_cents) {
    std::vector<std::string> header{"sample"};
    header.insert(header.end(), parameters.begin(), parameters.end());
    for (const char* column : {"eks_usd", "ecs_usd", "difference_usd"}) header.emplace_back(column);
    std::string out = detail::csv_line(header);
    for (std::size_t i = 0; i < eks_cents.size(); ++i) {
        std::vector<std::string> row{std::to_string(i)};
        for (const std::vector<double>& series : draws) row.push_back(shortest_float_text(series[i]));
        detail::add_totals(row, eks_cents[i], ecs_cents[i]);
        out += detail::csv_line(row);
    }
    return out;
}

inline std::string format_csv(const MonteCarloResult& r) {
    std::vector<std::string> parameters;
    for (const UncertainParameter& u : r.spec.parameters) parameters.push_back(u.parameter);
    std::vector<std::vector<double>> draws;
    for (const std::vector<Decimal>& series : r.draws) {
        std::vector<double>& doubles = draws.emplace_back();
        for (const Decimal& d : series) doubles.push_back(d.to_double());
    }
    return monte_carlo_csv(parameters, draws, r.eks_cents, r.ecs_cents);
}

}  // namespace libtco
