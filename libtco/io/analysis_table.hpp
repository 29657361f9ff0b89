#pragma once
// The analyses as text for a terminal: a sweep's points, a break-even's answer in two sentences, a
// tornado's bars and a Monte Carlo run's percentiles. Money is grouped by thousands, to the cent.

#include <libtco/analysis/breakeven.hpp>
#include <libtco/analysis/distribution.hpp>
#include <libtco/analysis/montecarlo.hpp>
#include <libtco/analysis/sensitivity.hpp>
#include <libtco/analysis/sweep.hpp>
#include <libtco/io/aligned_table.hpp>
#include <libtco/io/number_text.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace libtco {

namespace detail {

inline std::string grouped_cents(std::int64_t cents) { return with_thousands(cents_text(cents)); }
inline std::string grouped_money(const Money& m) { return grouped_amount(m.value()); }

}  // namespace detail

// A column per parameter and EKS, ECS, EKS - ECS, every column right-aligned; then the count of
// points and how they were evaluated.
inline std::string sweep_table(const SweepLayout& layout, std::span<const std::int64_t> eks_cents, std::span<const std::int64_t> ecs_cents) {
    AlignedTable t;
    for (const SweepAxis& a : layout.axes) t.header.push_back(a.parameter);
    for (const char* column : {"EKS (USD)", "ECS (USD)", "EKS - ECS"}) t.header.emplace_back(column);
    t.align = left_then_right(t.header.size(), 0);
    for (std::size_t i = 0; i < eks_cents.size(); ++i) {
        std::vector<std::string> row;
        for (std::size_t a = 0; a < layout.axes.size(); ++a) row.push_back(detail::grid_value(layout.axes, static_cast<std::int64_t>(i), a).to_string());
        row.push_back(detail::grouped_cents(eks_cents[i]));
        row.push_back(detail::grouped_cents(ecs_cents[i]));
        row.push_back(detail::grouped_cents(eks_cents[i] - ecs_cents[i]));
        t.rows.push_back(std::move(row));
    }
    const std::string how = layout.closed_form ? "closed form (placement unchanged)" : "each point re-placed";
    return format_aligned(t) + std::to_string(eks_cents.size()) + " points, " + how + ".\n";
}

inline std::string format_table(const SweepResult& r) { return sweep_table({r.axes, r.closed_form}, r.eks_cents, r.ecs_cents); }

// The answer in one sentence, no full stop: where EKS and ECS cost the same (a root to six
// significant digits, a step by the values either side), or which is cheaper throughout the range.
inline std::string break_even_summary(const BreakEven& b) {
    const std::string range = b.parameter + " in [" + b.low.to_string() + ", " + b.high.to_string() + "]";
    if (b.crossings.empty()) {
        const std::string cheaper = b.difference_at_low.value().sign() > 0 ? "ECS" : "EKS";
        return "no crossing of " + range + ": " + cheaper + " is cheaper throughout (EKS - ECS = " + detail::grouped_money(b.difference_at_low) +
               " at " + b.low.to_string() + ", " + detail::grouped_money(b.difference_at_high) + " at " + b.high.to_string() + ")";
    }
    std::string out = "EKS and ECS cost the same at " + b.parameter + " = ";
    for (std::size_t i = 0; i < b.crossings.size(); ++i) {
        const Crossing& c = b.crossings[i];
        const std::string where = c.kind == CrossingKind::root ? significant_text(c.value, 6) : "between " + c.low.to_string() + " and " + c.high.to_string();
        std::string cheaper = c.cheaper_above;
        for (char& ch : cheaper) ch = ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch;
        out += (i ? "; " : "") + where + " (" + to_string(c.kind) + "; " + cheaper + " cheaper above)";
    }
    return out;
}

// The summary, then the difference at both ends, the scenario's value and the evaluations spent.
inline std::string format_table(const BreakEven& b) {
    return break_even_summary(b) + ".\nEKS - ECS: " + detail::grouped_money(b.difference_at_low) + " at " + b.low.to_string() + ", " +
           detail::grouped_money(b.difference_at_high) + " at " + b.high.to_string() + " (the scenario has " + b.base_value.to_string() + "; " +
           std::to_string(b.evaluations) + " evaluations).\n";
}

// The difference at the scenario's values, then a row per bar, widest first.
inline std::string format_table(const Tornado& t) {
    AlignedTable table;
    table.header = {"parameter", "base", "low", "high", "EKS - ECS at low", "EKS - ECS at high", "swing"};
    table.align = left_then_right(table.header.size(), 1);
    for (const TornadoBar& b : t.bars)
        table.rows.push_back({b.parameter, b.base_value.to_string(), b.low.to_string(), b.high.to_string(), detail::grouped_money(b.difference_at_low),
                              detail::grouped_money(b.difference_at_high), detail::grouped_money(b.swing())});
    return "EKS - ECS at the scenario's values: " + detail::grouped_money(t.base_difference) + " (EKS " +
           detail::grouped_money(round_to_cents(t.base.eks)) + ", ECS " + detail::grouped_money(round_to_cents(t.base.ecs)) + ")\n\n" +
           format_aligned(table);
}

namespace detail {

inline std::vector<std::string> percentile_row(const std::string& label, const Distribution1D& d) {
    std::vector<std::string> row{label, grouped_amount(d.mean), grouped_float(d.stdev, 2)};
    for (int p : {5, 25, 50, 75, 95}) row.push_back(grouped_cents(d.percentile(p)));
    return row;
}

inline std::string described_parameters(const MonteCarloSpec& spec) {
    std::string out;
    for (const UncertainParameter& u : spec.parameters)
        out += (out.empty() ? "" : "; ") + u.parameter + " ~ " + to_json(u.distribution)["distribution"].get<std::string>();
    return out;
}

}  // namespace detail

// The run (samples, seed, each parameter's distribution), mean, spread and percentiles of EKS, ECS
// and the difference, and the probability that EKS is cheaper.
inline std::string format_table(const MonteCarloResult& r) {
    AlignedTable t;
    t.header = {"", "mean", "stdev", "p5", "p25", "p50", "p75", "p95"};
    t.align = left_then_right(t.header.size(), 1);
    t.rows = {detail::percentile_row("EKS", r.eks), detail::percentile_row("ECS", r.ecs), detail::percentile_row("EKS - ECS", r.difference)};
    return "Monte Carlo: " + std::to_string(r.samples()) + " samples, seed " + std::to_string(r.spec.seed) + " (" +
           detail::described_parameters(r.spec) + ")\n\n" + format_aligned(t) + "\nP(EKS cheaper) = " +
           fixed_float(r.probability_eks_cheaper().to_double(), 4) + " (" + monte_carlo_note + ")\n";
}

}  // namespace libtco
