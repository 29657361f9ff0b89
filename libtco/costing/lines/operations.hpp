#pragma once
// Staff time as bill lines: one per item of the effort model (costing/effort.hpp) that costs
// anything, or one line for a team's own total or the seed's share. Every line is category operations.

#include <libtco/costing/effort.hpp>
#include <libtco/costing/line_producer.hpp>

namespace libtco::detail {

inline std::string rate_text(const Team& team) {
    return "$" + (team.loaded_cost_per_engineer_year.value() / team.working_hours_per_year).to_fixed(2) + "/h (" +
           money_text(team.loaded_cost_per_engineer_year.value()) + "/year / " + team.working_hours_per_year.to_string() + " h)";
}

// The figure's source and confidence: the preset's while it is the preset's default, the team's own
// (high) once it gives one.
inline Confidence figure_confidence(const EffortBasis& b, const EffortPreset& preset, EffortFigure f) {
    return b.operations.figure(f) ? Confidence::high : preset[f].confidence;
}

inline Confidence rate_confidence(const Team& team) {
    const Assumption hours = assumptions::working_hours_per_year();
    return team.working_hours_per_year == hours.default_value ? hours.confidence : Confidence::high;
}

inline std::string units_text(const Decimal& units, const char* unit) {
    return units.to_string() + " " + unit + (units == Decimal(1) ? "" : "s");
}

// `pool_kinds`: the fleet's kinds of node, e.g. "x86_64 CPU, x86_64 GPU", for the rotation line's detail.
inline LineItem effort_line(const EffortBasis& b, const EffortItem& item, const std::string& pool_kinds) {
    const std::string label = platform_label(b.platform);
    const Decimal units = units_of(b, item);
    std::string detail = hours_per_unit(b, item).to_string() +
                         (is_upgrades(item) ? " h per upgrade x " + b.figure(EffortFigure::upgrades_per_year).to_string() + " upgrades/year / 12"
                                            : std::string(" h/month")) +
                         " x " + units_text(units, item.unit);
    if (item.hours == EffortFigure::node_rotation_hours && !b.operations.node_pools && !pool_kinds.empty()) detail += " (" + pool_kinds + ")";
    detail += " x " + rate_text(b.team) + (item.hours ? "; preset " + to_string(b.preset) : std::string("; the same on both platforms"));
    const EffortPreset preset = effort_preset(b.preset);
    std::vector<std::string> sources;
    Confidence confidence = rate_confidence(b.team);
    if (item.hours) {
        for (std::optional<EffortFigure> f : {item.hours, item.count, is_upgrades(item) ? std::optional(EffortFigure::upgrades_per_year) : std::nullopt})
            if (f) {
                sources.push_back("/" + b.key() + "/operations/" + effort_key(*f));
                confidence = std::min(confidence, figure_confidence(b, preset, *f));
            }
    } else {
        const Assumption service = assumptions::service_hours_per_month();
        sources.push_back(service.name);
        if (b.team.service_hours_per_month == service.default_value) confidence = std::min(confidence, service.confidence);
    }
    sources.push_back(assumptions::working_hours_per_year().name);
    return {category::operations, label + " " + item.name + " (staff time)", detail, item_cost(b, item), sources, confidence};
}

inline LineItem share_line(const EffortBasis& b) {
    const Fraction& share = *b.operations.share;
    const Assumption seed = b.platform == Platform::eks ? assumptions::eks_ops_share() : assumptions::ecs_ops_share();
    return {category::operations, std::string(platform_label(b.platform)) + " operations (staff time, share of the team)",
            share.to_string() + " x " + b.team.engineers.to_string() + " engineers x " + money_text(b.team.loaded_cost_per_engineer_year.value()) +
                "/year / " + std::to_string(months_per_year) + " (the seed's rule of thumb)",
            staff_total(b), {seed.name}, share.value() == seed.default_value ? seed.confidence : Confidence::high};
}

inline LineItem total_hours_line(const EffortBasis& b) {
    return {category::operations, std::string(platform_label(b.platform)) + " operations (staff time, the team's hours)",
            b.operations.total_hours_per_month->to_string() + " h/month x " + rate_text(b.team), staff_total(b),
            {"/" + b.key() + "/operations/total_hours_per_month", assumptions::working_hours_per_year().name}, rate_confidence(b.team)};
}

inline void add_operations_lines(const EffortBasis& b, const FleetPlan& plan, std::vector<LineItem>& lines) {
    if (b.operations.share) return lines.push_back(share_line(b));
    if (b.operations.total_hours_per_month) return lines.push_back(total_hours_line(b));
    std::string kinds;
    for (const std::string& k : node_pool_kinds(plan)) kinds += (kinds.empty() ? "" : ", ") + k;
    // An item without hours, or priced at nothing (a team whose loaded cost is 0), adds no line.
    for (const EffortItem& item : effort_items)
        if (!item_cost(b, item).value().is_zero()) lines.push_back(effort_line(b, item, kinds));
}

inline LineProducer operations_producer() {
    return {"operations", {"/team", "/{platform}/operations", "/{platform}/clusters"}, true,
            [](const CostContext& ctx, const FleetPlan& plan, Detail, Bill& bill) { add_operations_lines(effort_basis(ctx, plan), plan, bill.line_items); }};
}

}  // namespace libtco::detail
