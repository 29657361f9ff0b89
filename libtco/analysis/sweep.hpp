#pragma once
// A sweep: the scenario evaluated on every point of a grid of parameter values (the cartesian
// product of each parameter's values, the last parameter varying fastest), in parallel. Each point
// keeps both platforms' totals in cents, rounded as a report rounds them.

#include <libtco/analysis/evaluator.hpp>
#include <libtco/core/parallel.hpp>
#include <libtco/core/rounding.hpp>

#include <algorithm>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace libtco {

namespace limits {
inline constexpr std::int64_t max_sweep_points = 100'000'000;
inline constexpr std::int64_t max_sweep_parameters = 8;
}  // namespace limits

struct SweepAxis {
    std::string parameter;  // JSON pointer into the scenario
    std::vector<Decimal> values;
};

namespace detail {
// The value of axis `axis` at point i of the grid the axes span (the last axis fastest).
inline const Decimal& grid_value(const std::vector<SweepAxis>& axes, std::int64_t i, std::size_t axis) {
    std::int64_t stride = 1;
    for (std::size_t a = axes.size(); a-- > axis + 1;) stride *= static_cast<std::int64_t>(axes[a].values.size());
    const auto n = static_cast<std::int64_t>(axes[axis].values.size());
    return axes[axis].values[static_cast<std::size_t>((i / stride) % n)];
}
}  // namespace detail

// What a sweep says besides its points: the axes as resolved (workloads by index) and whether the
// points were evaluated without re-running placement.
struct SweepLayout {
    std::vector<SweepAxis> axes;
    bool closed_form = false;
};

struct SweepResult {
    std::vector<SweepAxis> axes;  // the parameters as resolved (workloads by index)
    bool closed_form = false;     // evaluated without re-running placement
    std::vector<std::int64_t> eks_cents;
    std::vector<std::int64_t> ecs_cents;

    std::int64_t size() const { return static_cast<std::int64_t>(eks_cents.size()); }
    std::int64_t difference_cents(std::int64_t i) const { return eks_cents[static_cast<std::size_t>(i)] - ecs_cents[static_cast<std::size_t>(i)]; }
    // The value of axis `axis` at point i.
    const Decimal& value(std::int64_t i, std::size_t axis) const { return detail::grid_value(axes, i, axis); }
};

// Values from low to high in `count` evenly spaced steps (both ends included), exact decimals.
inline std::vector<Decimal> linspace(const Decimal& low, const Decimal& high, std::int64_t count) {
    if (count < 1) throw validation_error(errc::out_of_range, "", "a range needs at least one value, got " + std::to_string(count));
    if (count == 1) return {low};
    std::vector<Decimal> out;
    out.reserve(static_cast<std::size_t>(count));
    const Decimal step = (high - low) / Decimal(count - 1);
    for (std::int64_t k = 0; k + 1 < count; ++k) out.push_back(low + times(step, k));
    out.push_back(high);
    return out;
}

namespace detail {

inline std::int64_t grid_size(const std::vector<SweepAxis>& axes) {
    if (axes.empty()) throw validation_error(errc::missing_key, "", "a sweep needs at least one parameter");
    if (static_cast<std::int64_t>(axes.size()) > limits::max_sweep_parameters)
        throw validation_error(errc::out_of_range, "", "at most " + std::to_string(limits::max_sweep_parameters) + " swept parameters");
    std::int64_t n = 1;
    for (const SweepAxis& a : axes) {
        if (a.values.empty()) throw validation_error(errc::out_of_range, a.parameter, "no values to sweep");
        n *= static_cast<std::int64_t>(a.values.size());
        if (n > limits::max_sweep_points)
            throw validation_error(errc::out_of_range, a.parameter, "the grid has more than " + std::to_string(limits::max_sweep_points) + " points");
    }
    return n;
}

#ifdef __SIZEOF_INT128__
inline void set_figure(StaffFigures& f, ClosedFormKey key, std::int64_t raw) {
    switch (key) {
        case ClosedFormKey::engineers: f.engineers = raw; break;
        case ClosedFormKey::loaded_cost: f.loaded_cost = raw; break;
        case ClosedFormKey::eks_ops_share: f.eks_ops_share = raw; break;
        case ClosedFormKey::ecs_ops_share: f.ecs_ops_share = raw; break;
        case ClosedFormKey::clusters: f.clusters = raw; break;
        case ClosedFormKey::showback_gpu_share:
        case ClosedFormKey::operations:
        case ClosedFormKey::none: break;
    }
}

// An innermost ops-share axis cut into runs of evenly spaced values (linspace's last value, exact,
// can break the spacing of the rest): the row kernel takes a run at once.
struct ShareRuns {
    std::vector<std::size_t> end;    // per value: one past the last value of its run
    std::vector<std::int64_t> step;  // per value: its run's step (0 in a run of one)
};

struct NativeGrid {
    StaffFigures base;
    std::vector<std::vector<std::int64_t>> raw;  // per axis: raw units (clusters: the count)
    std::optional<ShareRuns> inner_share_runs;   // when the innermost axis is an ops share
};

// Greedy runs: each starts where the last ended and goes on while the step stays the same.
inline ShareRuns share_runs(const std::vector<std::int64_t>& raw) {
    ShareRuns runs{std::vector<std::size_t>(raw.size()), std::vector<std::int64_t>(raw.size())};
    for (std::size_t start = 0; start < raw.size();) {
        std::size_t stop = start + 1;
        const std::int64_t step = stop < raw.size() ? raw[stop] - raw[start] : 0;  // validated shares in [0, 1]: no overflow
        while (stop < raw.size() && raw[stop] - raw[stop - 1] == step) ++stop;
        for (std::size_t k = start; k < stop; ++k) {
            runs.end[k] = stop;
            runs.step[k] = step;
        }
        start = stop;
    }
    return runs;
}

// Every axis value validated once (as the scenario reader would, with the point's context) and
// turned into native figures; nothing when the native kernel cannot take the grid.
inline std::optional<NativeGrid> native_closed_form(const Evaluator& evaluate, const std::vector<SweepAxis>& axes) {
    if (!evaluate.closed_form() || !evaluate.kernel()) return std::nullopt;
    const auto base = evaluate.base_figures();
    if (!base) return std::nullopt;
    NativeGrid grid{*base, {}, std::nullopt};
    for (std::size_t a = 0; a < axes.size(); ++a) {
        std::vector<std::int64_t> raw;
        for (const Decimal& v : axes[a].values) {
            StaffAndFees scratch;
            try {
                set_closed_form(scratch, evaluate.key(a), v, axes[a].parameter);
            } catch (const error& e) {
                rethrow_with_context(e, "at " + axes[a].parameter + " = " + v.to_string() + ": ");
            }
            std::int64_t r = 0;
            if (evaluate.key(a) == ClosedFormKey::clusters) r = scratch.clusters;
            else if (!as_int64(v.raw(), r)) return std::nullopt;
            raw.push_back(r);
        }
        grid.raw.push_back(std::move(raw));
    }
    const ClosedFormKey inner = axes.empty() ? ClosedFormKey::none : evaluate.key(axes.size() - 1);
    if (inner == ClosedFormKey::eks_ops_share || inner == ClosedFormKey::ecs_ops_share) grid.inner_share_runs = share_runs(grid.raw.back());
    return grid;
}
#endif

}  // namespace detail

// The number of points of the grid the axes span; an error when there are none or too many.
inline std::int64_t sweep_size(const std::vector<SweepAxis>& axes) { return detail::grid_size(axes); }

// sweep() into buffers the caller owns (a numpy array, a memory map), sweep_size(axes) cents each:
// nothing is allocated per point. Buffers of the wrong size are refused before anything is written;
// a point that fails (on the engine path) throws after other points have been written.
inline SweepLayout sweep_into(const Scenario& scenario, const Catalog& catalog, const std::vector<SweepAxis>& axes, std::span<std::int64_t> eks_cents,
                              std::span<std::int64_t> ecs_cents, const RunOptions& options = {}) {
    const std::int64_t n = detail::grid_size(axes);
    if (static_cast<std::int64_t>(eks_cents.size()) != n || static_cast<std::int64_t>(ecs_cents.size()) != n)
        throw std::invalid_argument("sweep_into: the grid has " + std::to_string(n) + " points; the buffers hold " + std::to_string(eks_cents.size()) +
                                    " and " + std::to_string(ecs_cents.size()));
    std::vector<std::string> pointers;
    for (const SweepAxis& a : axes) pointers.push_back(a.parameter);
    const Evaluator evaluate(scenario, catalog, pointers);

    SweepLayout layout;
    layout.axes = axes;
    for (std::size_t a = 0; a < axes.size(); ++a) layout.axes[a].parameter = evaluate.parameters()[a].path;
    layout.closed_form = evaluate.closed_form();
    const auto point_error = [&](const error& e, const std::vector<Decimal>& values) {
        std::string where;
        for (std::size_t a = 0; a < axes.size(); ++a) where += (a ? ", " : "") + layout.axes[a].parameter + " = " + values[a].to_string();
        rethrow_with_context(e, "at " + where + ": ");
    };
    const auto by_decimals = [&](std::int64_t i, std::vector<Decimal>& values) {
        for (std::size_t a = 0; a < axes.size(); ++a) values[a] = detail::grid_value(layout.axes, i, a);
        try {
            const Totals t = evaluate(values);
            eks_cents[static_cast<std::size_t>(i)] = cents_of(t.eks);
            ecs_cents[static_cast<std::size_t>(i)] = cents_of(t.ecs);
        } catch (const error& e) {
            point_error(e, values);
        }
    };
#ifdef __SIZEOF_INT128__
    if (auto fast = detail::native_closed_form(evaluate, layout.axes)) {
        parallel_for(n, options, [&](std::int64_t begin, std::int64_t end) {
            detail::ClosedFormKernel kernel = *evaluate.kernel();
            std::vector<Decimal> values(axes.size());
            std::vector<std::size_t> at(axes.size());
            // The point's index on each axis, advanced like an odometer (last axis fastest).
            std::int64_t rest = begin;
            for (std::size_t a = axes.size(); a-- > 0;) {
                at[a] = static_cast<std::size_t>(rest % static_cast<std::int64_t>(fast->raw[a].size()));
                rest /= static_cast<std::int64_t>(fast->raw[a].size());
            }
            detail::StaffFigures f = fast->base;
            for (std::size_t a = 0; a < axes.size(); ++a) detail::set_figure(f, evaluate.key(a), fast->raw[a][at[a]]);
            const auto next_point = [&] {
                for (std::size_t a = axes.size(); a-- > 0;) {
                    if (++at[a] < fast->raw[a].size()) {
                        detail::set_figure(f, evaluate.key(a), fast->raw[a][at[a]]);
                        return;
                    }
                    at[a] = 0;
                    detail::set_figure(f, evaluate.key(a), fast->raw[a][0]);
                }
            };
            const std::size_t inner = axes.size() - 1;
            const std::vector<std::int64_t>& inner_raw = fast->raw[inner];
            for (std::int64_t i = begin; i < end;) {
                if (fast->inner_share_runs) {
                    // The rest of this run of the row at once: only one ops share varies along it.
                    const std::size_t from = at[inner];
                    const std::int64_t count = (std::min)(static_cast<std::int64_t>(fast->inner_share_runs->end[from] - from), end - i);
                    const auto row = static_cast<std::size_t>(i);
                    if (kernel.share_row(f, evaluate.key(inner) == detail::ClosedFormKey::eks_ops_share, inner_raw[from], fast->inner_share_runs->step[from],
                                         count, &eks_cents[row], &ecs_cents[row])) {
                        at[inner] = from + static_cast<std::size_t>(count) - 1;
                        detail::set_figure(f, evaluate.key(inner), inner_raw[at[inner]]);
                        next_point();
                        i += count;
                        continue;
                    }
                }
                if (const auto cents = kernel.cents(f)) {
                    eks_cents[static_cast<std::size_t>(i)] = cents->first;
                    ecs_cents[static_cast<std::size_t>(i)] = cents->second;
                } else {
                    by_decimals(i, values);
                }
                next_point();
                ++i;
            }
        });
        return layout;
    }
#endif
    parallel_for(n, options, [&](std::int64_t begin, std::int64_t end) {
        std::vector<Decimal> values(axes.size());
        for (std::int64_t i = begin; i < end; ++i) by_decimals(i, values);
    });
    return layout;
}

inline SweepResult sweep(const Scenario& scenario, const Catalog& catalog, const std::vector<SweepAxis>& axes, const RunOptions& options = {}) {
    const auto n = static_cast<std::size_t>(detail::grid_size(axes));
    SweepResult result;
    result.eks_cents.resize(n);
    result.ecs_cents.resize(n);
    SweepLayout layout = sweep_into(scenario, catalog, axes, result.eks_cents, result.ecs_cents, options);
    result.axes = std::move(layout.axes);
    result.closed_form = layout.closed_form;
    return result;
}

}  // namespace libtco
