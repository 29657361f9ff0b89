#pragma once
// Invariants of a comparison, cheap enough to check on every input that compares, so the fuzzer
// finds wrong numbers and not only crashes:
//  - each platform's line items, rounded by largest remainder, add up to its rounded total, and no
//    rounded item is a cent or more from its exact amount; the confidence split adds up to the
//    total, and the rounded showback to the compute bill;
//  - compare_totals (what sweeps, break-even and Monte Carlo evaluate) gives compare's exact totals;
//  - the closed form (the staff lines and cluster fee recomputed alone) gives, for a team one
//    engineer larger and one more cluster, the exact totals a full rerun gives;
//  - the report writes as JSON, a table and CSV without an exception.

#include "fuzz_check.hpp"

#include <libtco/analysis/evaluator.hpp>
#include <libtco/io/table.hpp>
#include <libtco/costing/report.hpp>

#include <string>
#include <vector>

namespace fuzz {

inline libtco::Money sum_of(const std::vector<libtco::Money>& parts) {
    libtco::Money sum;
    for (const libtco::Money& part : parts) sum += part;
    return sum;
}

inline bool within_a_cent(const libtco::Money& rounded, const libtco::Money& exact) {
    const libtco::Decimal gap = (rounded - exact).value();
    const libtco::Decimal cent = libtco::Decimal::parse("0.01");
    return gap < cent && gap > -cent;
}

inline void check_platform(const libtco::PlatformReport& r) {
    const std::string where = r.platform + ": ";
    const libtco::Money total = r.rounded_total();
    const std::vector<libtco::Money> rounded = r.rounded_line_items();
    expect(rounded.size() == r.line_items.size(), where + "one rounded amount per line item");
    expect(sum_of(rounded) == total, where + "rounded line items add up to " + sum_of(rounded).to_string() + ", not the rounded total " + total.to_string());
    for (std::size_t i = 0; i < rounded.size(); ++i)
        expect(within_a_cent(rounded[i], r.line_items[i].amount),
               where + r.line_items[i].item + " rounds to " + rounded[i].to_string() + " from " + r.line_items[i].amount.to_string());

    libtco::Money by_confidence;
    for (const auto& [level, amount] : r.rounded_by_confidence()) by_confidence += amount;
    expect(by_confidence == total, where + "the confidence split adds up to " + by_confidence.to_string() + ", not " + total.to_string());

    // The showback adds up to the compute bill: its own exact total rounded, or the compute lines
    // as the report shows them (the two can be a cent apart).
    libtco::Money showback_exact, compute_shown;
    for (const libtco::ShowbackLine& line : r.showback) showback_exact += line.amount;
    for (std::size_t i = 0; i < rounded.size(); ++i)
        if (r.line_items[i].category == libtco::category::compute) compute_shown += rounded[i];
    const libtco::Money showback = sum_of(r.rounded_showback());
    expect(showback == libtco::round_to_cents(showback_exact) || showback == compute_shown,
           where + "rounded showback adds up to " + showback.to_string() + ", neither its exact total " + showback_exact.to_string() +
               " rounded nor the compute lines' " + compute_shown.to_string());
}

// The closed form against a full rerun, at a point away from the base (one more engineer, one
// more cluster) so the closed form's reuse of the other lines is what is tested.
inline void check_closed_form(const libtco::Scenario& scenario, const libtco::Catalog& catalog) {
    const auto evaluator = read_or_reject([&] {
        return libtco::Evaluator(scenario, catalog, {"/team/engineers", "/eks/clusters"});
    });
    if (!evaluator) return;
    expect(evaluator->closed_form(), "engineers and clusters are closed-form parameters");
    std::vector<libtco::Decimal> point = evaluator->base_values();
    point[0] += libtco::Decimal(1);
    point[1] += libtco::Decimal(1);
    const auto closed = read_or_reject([&] { return (*evaluator)(point); });
    const auto rerun = read_or_reject([&] {
        const libtco::Scenario moved = evaluator->scenario_at(point);
        return libtco::compare_totals(moved, libtco::effective_catalog(moved, catalog));
    });
    expect(closed.has_value() == rerun.has_value(), "the closed form and a rerun disagree on whether the point is valid");
    if (!closed) return;
    expect(closed->eks == rerun->eks && closed->ecs == rerun->ecs,
           "closed form " + closed->eks.to_string() + " / " + closed->ecs.to_string() + " but rerun " + rerun->eks.to_string() + " / " +
               rerun->ecs.to_string());
}

inline void check_comparison(const libtco::Scenario& scenario, const libtco::Catalog& catalog, const libtco::Comparison& c) {
    check_platform(c.eks);
    check_platform(c.ecs);
    expect(c.difference() == c.eks.rounded_total() - c.ecs.rounded_total(), "the difference is EKS's rounded total minus ECS's");

    const libtco::Totals totals = libtco::compare_totals(scenario, libtco::effective_catalog(scenario, catalog));
    expect(totals.eks == c.eks.total() && totals.ecs == c.ecs.total(),
           "compare_totals " + totals.eks.to_string() + " / " + totals.ecs.to_string() + " but compare " + c.eks.total().to_string() + " / " +
               c.ecs.total().to_string());

    check_closed_form(scenario, catalog);

    (void)libtco::to_json(c).dump();
    (void)libtco::format_table(c);
    (void)libtco::format_csv(c);
}

}  // namespace fuzz
