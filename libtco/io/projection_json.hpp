#pragma once
// A projection as JSON: stable key order, amounts as strings; per month each platform's line items,
// totals and cumulative totals, the EKS version's support; the horizon's totals and NPVs.

#include <libtco/io/comparison_json.hpp>
#include <libtco/projection/projection.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace libtco {

inline nlohmann::ordered_json to_json(const EksVersionMonth& v) {
    nlohmann::ordered_json j;
    j["version_released"] = v.version_released.to_string();
    j["version_age_months"] = v.version_age_months;
    j["support"] = to_string(v.support);
    j["upgraded"] = v.upgraded();
    if (v.upgraded()) {
        j["upgrade"] = nlohmann::ordered_json{{"cause", to_string(v.cause)}, {"minor_versions", v.minor_versions_upgraded()}};
    }
    return j;
}

namespace detail {

inline nlohmann::ordered_json projection_platform_json(const PlatformReport& r, const Money& cumulative) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["total_usd"] = usd(r.rounded_total());
    j["total_usd_exact"] = r.total().to_string();
    j["cumulative_usd"] = usd(cumulative);
    ordered_json items = ordered_json::array();
    const std::vector<Money> rounded = r.rounded_line_items();
    for (std::size_t i = 0; i < r.line_items.size(); ++i) {
        const LineItem& li = r.line_items[i];
        items.push_back(ordered_json{{"category", li.category}, {"item", li.item}, {"detail", li.detail}, {"usd", usd(rounded[i])},
                                     {"usd_exact", li.amount.to_string()}, {"sources", li.sources}, {"confidence", to_string(li.confidence)}});
    }
    j["line_items"] = std::move(items);
    return j;
}

inline nlohmann::ordered_json projection_totals_json(const ProjectionTotals& t) {
    using nlohmann::ordered_json;
    ordered_json by_category = ordered_json::object();
    for (const auto& [cat, amount] : t.by_category) by_category[cat] = usd(amount);
    return ordered_json{{"total_usd", usd(t.total)},
                        {"total_usd_exact", t.total_exact.to_string()},
                        {"npv_usd", usd(round_to_cents(t.npv))},
                        {"npv_usd_exact", t.npv.to_string()},
                        {"unamortized_after_horizon_usd", usd(round_to_cents(t.unamortized_after_horizon))},
                        {"by_category_usd", std::move(by_category)}};
}

}  // namespace detail

inline nlohmann::ordered_json to_json(const Projection& p) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["schema_version"] = Projection::schema_version;
    j["scenario"] = p.scenario;
    j["region"] = p.region;
    j["start"] = p.start().to_string();
    j["end"] = p.end().to_string();
    j["months"] = static_cast<std::int64_t>(p.months.size());
    j["hours_basis"] = to_string(p.hours_basis);
    j["discount_rate"] = p.spec.discount_rate.to_string();
    j["monthly_discount_rate"] = p.monthly_discount_rate.to_string();
    j["spec"] = to_json(p.spec);
    ordered_json warnings = ordered_json::array();
    for (const ProjectionWarning& w : p.warnings) {
        ordered_json months = ordered_json::array();
        for (const BillingMonth& m : w.months) months.push_back(m.to_string());
        warnings.push_back(ordered_json{{"code", w.code}, {"message", w.message}, {"months", std::move(months)}});
    }
    j["warnings"] = std::move(warnings);
    ordered_json rows = ordered_json::array();
    for (const ProjectionMonth& m : p.months) {
        ordered_json row;
        row["month"] = m.month.to_string();
        row["index"] = m.index;
        row["hours"] = m.hours.to_string();
        row["catalog"] = m.catalog;
        row["catalog_date"] = m.catalog_date;
        if (!m.overlay.empty()) row["overlay"] = m.overlay;
        row["discount_factor"] = m.discount_factor.to_string();
        row["replicas"] = m.replicas;
        row["eks_version"] = m.eks_version ? to_json(*m.eks_version) : ordered_json(nullptr);
        row["eks"] = detail::projection_platform_json(m.eks, m.eks_cumulative);
        row["ecs"] = detail::projection_platform_json(m.ecs, m.ecs_cumulative);
        row["difference_usd"] = usd(m.difference());
        rows.push_back(std::move(row));
    }
    j["by_month"] = std::move(rows);
    j["totals"] = ordered_json{{"eks", detail::projection_totals_json(p.eks)},
                               {"ecs", detail::projection_totals_json(p.ecs)},
                               {"difference_usd", usd(p.difference())},
                               {"cheaper", p.cheaper()},
                               {"npv_difference_usd", usd(p.npv_difference())},
                               {"cheaper_npv", p.cheaper_npv()}};
    ordered_json assumptions = ordered_json::array();
    for (const Assumption& a : p.assumptions) assumptions.push_back(to_json(a));
    j["assumptions"] = std::move(assumptions);
    return j;
}

}  // namespace libtco
