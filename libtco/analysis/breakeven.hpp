#pragma once
// Break-even: the value of one parameter at which EKS and ECS cost the same, searched over a range.
//
// The difference d(x) = EKS total - ECS total (exact) is evaluated on an even scan of the range (in
// parallel), and every sign change is refined: by the Illinois variant of regula falsi, which finds
// the root of a straight line in one step and never leaves its bracket, falling back to bisection
// when it stalls; by bisection on whole numbers for whole-number parameters. A change of sign that
// stays a jump of more than a cent however narrow the bracket (a replica more needs another node) is
// reported as a step, not a root. No crossing in the range is an answer, not an error.

#include <libtco/analysis/evaluator.hpp>
#include <libtco/core/parallel.hpp>
#include <libtco/analysis/sweep.hpp>

#include <string>
#include <vector>

namespace libtco {

struct BreakEvenOptions {
    std::int64_t scan_points = 64;  // intervals of the first, even scan
    Decimal tolerance;              // bracket width to stop at; 0: (high - low) / 10^9, at least 10^-12
    RunOptions run;
};

enum class CrossingKind { root, step };
inline std::string to_string(CrossingKind k) { return k == CrossingKind::root ? "root" : "step"; }

struct Crossing {
    Decimal value;  // where EKS and ECS cost the same (a root), or where the step lies (interpolated)
    Decimal low;    // the final bracket
    Decimal high;
    CrossingKind kind = CrossingKind::root;
    std::string cheaper_above;  // "eks" or "ecs": the cheaper platform just above the crossing
};

struct BreakEven {
    std::string parameter;
    Decimal base_value;
    Decimal low;
    Decimal high;
    Money difference_at_low;  // EKS - ECS, exact
    Money difference_at_high;
    std::vector<Crossing> crossings;
    std::int64_t evaluations = 0;

    bool found() const { return !crossings.empty(); }
};

namespace detail {

inline Money abs_money(const Money& m) { return m.value().sign() < 0 ? Money(-m.value()) : m; }
inline int sign_of(const Money& m) { return m.value().sign(); }

inline std::vector<Decimal> scan_grid(const Parameter& p, const Decimal& low, const Decimal& high, std::int64_t intervals) {
    if (!p.whole) return linspace(low, high, intervals + 1);
    const Decimal first = low.is_whole() ? low : low.floored(0) + Decimal(1);
    const Decimal last = high.floored(0);
    std::vector<Decimal> out;
    if (first > last) return out;
    const Decimal count = last - first + Decimal(1);
    if (count <= Decimal(intervals + 1)) {
        for (Decimal x = first; x <= last; x += Decimal(1)) out.push_back(x);
        return out;
    }
    for (const Decimal& x : linspace(first, last, intervals + 1)) {
        const Decimal whole = x.rounded(0);
        if (out.empty() || out.back() != whole) out.push_back(whole);
    }
    return out;
}

class CrossingSearch {
public:
    CrossingSearch(const Evaluator& evaluate, const Parameter& p, const Decimal& tolerance, std::int64_t& evaluations)
        : evaluate_(evaluate), parameter_(p), tolerance_(tolerance), evaluations_(evaluations) {}

    Money difference(const Decimal& x) const {
        ++evaluations_;
        const std::vector<Decimal> values{x};
        const Totals t = evaluate_(values);
        return t.eks - t.ecs;
    }

    Crossing refine(Decimal a, Money fa, Decimal b, Money fb) const {
        if (parameter_.whole) return refine_whole(a, fa, b, fb);
        int kept_side = 0;  // which end stayed last time (Illinois: halve its value when it stays twice)
        for (int iteration = 0; iteration < 200 && b - a > tolerance_; ++iteration) {
            Decimal x = interpolate(a, fa, b, fb);
            if (x <= a || x >= b) x = a + (b - a) / Decimal(2);
            const Money fx = difference(x);
            if (fx.value().is_zero()) return {x, x, x, CrossingKind::root, cheaper_above(fb)};
            if (sign_of(fx) == sign_of(fa)) {
                a = x;
                fa = fx;
                if (kept_side == 1) fb = Money(fb.value() / Decimal(2));
                kept_side = 1;
            } else {
                b = x;
                fb = fx;
                if (kept_side == -1) fa = Money(fa.value() / Decimal(2));
                kept_side = -1;
            }
        }
        // The halved end values are only for choosing points: judge the bracket by real values.
        const Money true_a = difference(a);
        const Money true_b = difference(b);
        const Decimal value = abs_money(true_a) <= abs_money(true_b) ? a : b;
        const bool jump = abs_money(true_a) > cent() && abs_money(true_b) > cent();
        return {jump ? interpolate(a, true_a, b, true_b) : value, a, b, jump ? CrossingKind::step : CrossingKind::root, cheaper_above(true_b)};
    }

private:
    static Money cent() { return Money(Decimal::parse("0.01")); }
    static std::string cheaper_above(const Money& f_above) { return sign_of(f_above) < 0 ? "eks" : "ecs"; }

    static Decimal interpolate(const Decimal& a, const Money& fa, const Decimal& b, const Money& fb) {
        const Decimal span = fb.value() - fa.value();
        if (span.is_zero()) return a + (b - a) / Decimal(2);
        return b - fb.value() * (b - a) / span;
    }

    // Whole numbers: bisect to neighbours; the crossing lies between them.
    Crossing refine_whole(Decimal a, Money fa, Decimal b, Money fb) const {
        while (b - a > Decimal(1)) {
            const Decimal mid = (a + (b - a) / Decimal(2)).floored(0);
            const Money fm = difference(mid);
            if (fm.value().is_zero()) return {mid, mid, mid, CrossingKind::root, cheaper_above(fb)};
            if (sign_of(fm) == sign_of(fa)) { a = mid; fa = fm; }
            else { b = mid; fb = fm; }
        }
        return {interpolate(a, fa, b, fb), a, b, CrossingKind::step, cheaper_above(fb)};
    }

    const Evaluator& evaluate_;
    const Parameter& parameter_;
    Decimal tolerance_;
    std::int64_t& evaluations_;
};

}  // namespace detail

inline BreakEven break_even(const Scenario& scenario, const Catalog& catalog, const std::string& parameter, const Decimal& low,
                            const Decimal& high, const BreakEvenOptions& options = {}) {
    if (!(low < high)) throw validation_error(errc::inconsistent, "", "the range must have low < high, got " + low.to_string() + " and " + high.to_string());
    if (options.scan_points < 1 || options.scan_points > 100000)
        throw validation_error(errc::out_of_range, "", "scan_points must be 1 to 100000, got " + std::to_string(options.scan_points));
    const Evaluator evaluate(scenario, catalog, {parameter});
    const Parameter& p = evaluate.parameters()[0];
    BreakEven out;
    out.parameter = p.path;
    out.base_value = evaluate.base_values()[0];
    out.low = low;
    out.high = high;

    const std::vector<Decimal> grid = detail::scan_grid(p, low, high, options.scan_points);
    if (grid.empty()) throw validation_error(errc::out_of_range, p.path, "no whole number lies between " + low.to_string() + " and " + high.to_string());
    std::vector<Money> diff(grid.size());
    parallel_for(static_cast<std::int64_t>(grid.size()), options.run, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t i = begin; i < end; ++i) {
            const std::vector<Decimal> values{grid[static_cast<std::size_t>(i)]};
            try {
                const Totals t = evaluate(values);
                diff[static_cast<std::size_t>(i)] = t.eks - t.ecs;
            } catch (const error& e) {
                rethrow_with_context(e, "at " + p.path + " = " + grid[static_cast<std::size_t>(i)].to_string() + ": ");
            }
        }
    });
    out.evaluations = static_cast<std::int64_t>(grid.size());
    out.difference_at_low = diff.front();
    out.difference_at_high = diff.back();

    Decimal tolerance = options.tolerance;
    if (tolerance.sign() <= 0) tolerance = std::max((high - low) / Decimal(1000000000), Decimal::parse("0.000000000001"));
    const detail::CrossingSearch search(evaluate, p, tolerance, out.evaluations);
    for (std::size_t i = 0; i < grid.size(); ++i) {
        if (diff[i].value().is_zero()) {
            const Money above = i + 1 < grid.size() ? diff[i + 1] : diff[i];
            out.crossings.push_back({grid[i], grid[i], grid[i], CrossingKind::root, detail::sign_of(above) < 0 ? "eks" : "ecs"});
            continue;
        }
        if (i + 1 < grid.size() && detail::sign_of(diff[i]) * detail::sign_of(diff[i + 1]) < 0)
            out.crossings.push_back(search.refine(grid[i], diff[i], grid[i + 1], diff[i + 1]));
    }
    return out;
}

}  // namespace libtco
