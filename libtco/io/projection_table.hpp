#pragma once
// A projection as a text table: a row per month, then the horizon's totals, NPVs and verdicts.

#include <libtco/core/text.hpp>
#include <libtco/io/aligned_table.hpp>
#include <libtco/projection/projection.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace libtco {

namespace detail {

// The EKS version a month runs and its support: "standard, 2026-01 release (3 mo), upgraded"; "-" without EKS.
inline std::string eks_version_text(const ProjectionMonth& m) {
    if (!m.eks_version) return "-";
    const EksVersionMonth& v = *m.eks_version;
    std::string out = to_string(v.support) + ", " + v.version_released.to_string() + " release (" + std::to_string(v.version_age_months) + " mo)";
    if (v.upgraded()) out += v.cause == UpgradeCause::end_of_extended_support ? ", upgraded by AWS" : ", upgraded";
    return out;
}

inline std::string grouped_usd(const Money& m) { return with_thousands(usd(m)); }

// The horizon's totals, NPVs and (when any) unamortized one-time costs, in columns under the
// months' EKS, ECS and EKS - ECS.
inline std::string horizon_totals(const Projection& p, const std::vector<std::size_t>& width) {
    const auto money = grouped_usd;
    const std::size_t label = width[0] + 2 + width[1] + 2 + width[2];
    std::vector<std::vector<std::string>> totals{
        {"total over " + std::to_string(p.months.size()) + " months", money(p.eks.total), money(p.ecs.total), money(p.difference())},
        {"net present value at " + (p.spec.discount_rate * Decimal(100)).to_string() + "% a year", money(round_to_cents(p.eks.npv)),
         money(round_to_cents(p.ecs.npv)), money(p.npv_difference())}};
    if (!p.eks.unamortized_after_horizon.value().is_zero() || !p.ecs.unamortized_after_horizon.value().is_zero())
        totals.push_back({"one-time costs unamortized after the horizon", money(round_to_cents(p.eks.unamortized_after_horizon)),
                          money(round_to_cents(p.ecs.unamortized_after_horizon)),
                          money(round_to_cents(p.eks.unamortized_after_horizon) - round_to_cents(p.ecs.unamortized_after_horizon))});
    std::ostringstream out;
    const std::size_t amount = std::max<std::size_t>({width[1], width[2], width[3], 12});
    out << pad_right("", std::max(label, std::size_t{46})) << pad_left("EKS", amount + 2) << pad_left("ECS", amount + 2)
        << pad_left("EKS - ECS", amount + 2) << "\n";
    for (const auto& row : totals)
        out << pad_right(row[0], std::max(label, std::size_t{46})) << pad_left(row[1], amount + 2) << pad_left(row[2], amount + 2)
            << pad_left(row[3], amount + 2) << "\n";
    return out.str();
}

}  // namespace detail

// One row per month: EKS and ECS totals, the difference, the cumulative totals and the EKS version's
// support; then the horizon's totals and NPVs.
inline std::string format_table(const Projection& p) {
    const auto money = detail::grouped_usd;
    AlignedTable table;
    table.header = {"month", "EKS (USD)", "ECS (USD)", "EKS - ECS", "EKS cumulative", "ECS cumulative", "EKS version"};
    table.align = {Align::left, Align::right, Align::right, Align::right, Align::right, Align::right, Align::left};
    for (const ProjectionMonth& m : p.months)
        table.rows.push_back({m.month.to_string(), money(m.eks.rounded_total()), money(m.ecs.rounded_total()), money(m.difference()),
                              money(m.eks_cumulative), money(m.ecs_cumulative), detail::eks_version_text(m)});
    std::ostringstream out;
    out << "libtco projection: " << p.scenario << ", " << p.months.size() << " months from " << p.start().to_string() << " to "
        << p.end().to_string() << " (" << to_string(p.hours_basis) << "); EKS upgrade policy " << to_string(p.spec.eks_lifecycle.upgrade_policy)
        << "\n\n";
    const std::string rows = format_aligned(table);
    out << rows << std::string(rows.find('\n'), '-') << "\n";
    out << detail::horizon_totals(p, column_widths(table));
    out << "\n";
    const std::string horizon = "over " + std::to_string(p.months.size()) + " months";
    out << verdict_sentence(p.difference(), horizon, horizon) << ".\n";
    out << verdict_sentence(p.npv_difference(), "in net present value", "in net present value") << ".\n";
    std::string catalogs;
    for (std::size_t i = 0; i < p.months.size(); ++i)
        if (i == 0 || p.months[i].catalog != p.months[i - 1].catalog)
            catalogs += std::string(catalogs.empty() ? "" : "; ") + p.months[i].catalog + " from " + p.months[i].month.to_string();
    out << "catalogs: " << catalogs << "\n";
    for (const ProjectionWarning& w : p.warnings)
        out << "warning (" << w.code << ", " << w.months.size() << " month(s) from " << w.months.front().to_string() << "): " << w.message << "\n";
    return out.str();
}

}  // namespace libtco
