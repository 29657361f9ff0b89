#pragma once
// Sensitivity: a tornado. Each parameter is moved alone to its low and to its high value, the others
// kept at the scenario's; the bars are sorted by how far they move the difference (EKS - ECS).
// Without a list, the assumptions the scenario uses that carry a plausible range are taken, each
// over that range.

#include <libtco/analysis/evaluator.hpp>
#include <libtco/core/parallel.hpp>
#include <libtco/core/rounding.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace libtco {

struct SensitivityRange {
    std::string parameter;
    Decimal low;
    Decimal high;
};

struct TornadoBar {
    std::string parameter;
    Decimal base_value;
    Decimal low;
    Decimal high;
    Money difference_at_low;  // EKS - ECS on rounded totals, like Comparison::difference
    Money difference_at_high;
    Totals at_low;
    Totals at_high;

    // How far the difference moves between the two ends.
    Money swing() const {
        const Decimal d = difference_at_high.value() - difference_at_low.value();
        return Money(d.sign() < 0 ? -d : d);
    }
};

struct Tornado {
    Money base_difference;
    Totals base;
    std::vector<TornadoBar> bars;  // widest swing first
};

// The ranged assumptions the scenario uses (those with a low and a high that can move a total).
inline std::vector<SensitivityRange> default_sensitivity_ranges(const Scenario& s) {
    std::vector<SensitivityRange> out;
    const std::string per_workload = "/workloads/N/";
    for (const Assumption& a : detail::assumptions_used(s)) {
        if (!a.low || !a.high || detail::reach_of(a.name) == ParameterReach::no_total) continue;
        if (a.name.rfind(per_workload, 0) != 0) {
            out.push_back({a.name, std::min(*a.low, a.value), std::max(*a.high, a.value)});
            continue;
        }
        // A per-workload assumption (checkpointing): one bar for each workload it applies to.
        for (std::size_t i = 0; i < s.workloads.size(); ++i) {
            if (!s.workloads[i].spot_tolerant) continue;
            const Parameter p = resolve_parameter(s, "/workloads/" + std::to_string(i) + "/" + a.name.substr(per_workload.size()));
            const Decimal value = parameter_value(s, p);
            out.push_back({p.path, std::min(*a.low, value), std::max(*a.high, value)});
        }
    }
    return out;
}

inline Tornado sensitivity(const Scenario& scenario, const Catalog& catalog, std::vector<SensitivityRange> ranges, const RunOptions& options = {}) {
    if (ranges.empty()) ranges = default_sensitivity_ranges(scenario);
    for (std::size_t i = 0; i < ranges.size(); ++i)
        if (ranges[i].high < ranges[i].low)
            throw validation_error(errc::inconsistent, ranges[i].parameter, "low " + ranges[i].low.to_string() + " is above high " + ranges[i].high.to_string());
    std::vector<Evaluator> evaluators;
    evaluators.reserve(ranges.size());
    for (const SensitivityRange& r : ranges) evaluators.emplace_back(scenario, catalog, std::vector<std::string>{r.parameter});

    Tornado out;
    out.base = compare_totals(scenario, effective_catalog(scenario, catalog));
    out.base_difference = out.base.difference();
    out.bars.resize(ranges.size());
    // Two evaluations per bar, one work item each.
    std::vector<Totals> ends(ranges.size() * 2);
    parallel_for(static_cast<std::int64_t>(ends.size()), options, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t k = begin; k < end; ++k) {
            const SensitivityRange& r = ranges[static_cast<std::size_t>(k / 2)];
            const std::vector<Decimal> value{k % 2 == 0 ? r.low : r.high};
            try {
                ends[static_cast<std::size_t>(k)] = evaluators[static_cast<std::size_t>(k / 2)](value);
            } catch (const error& e) {
                rethrow_with_context(e, "at " + r.parameter + " = " + value[0].to_string() + ": ");
            }
        }
    });
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        TornadoBar& bar = out.bars[i];
        bar.parameter = evaluators[i].parameters()[0].path;
        bar.base_value = evaluators[i].base_values()[0];
        bar.low = ranges[i].low;
        bar.high = ranges[i].high;
        bar.at_low = ends[2 * i];
        bar.at_high = ends[2 * i + 1];
        bar.difference_at_low = bar.at_low.difference();
        bar.difference_at_high = bar.at_high.difference();
    }
    std::stable_sort(out.bars.begin(), out.bars.end(), [](const TornadoBar& a, const TornadoBar& b) {
        if (a.swing() != b.swing()) return a.swing() > b.swing();
        return a.parameter < b.parameter;
    });
    return out;
}

}  // namespace libtco
