#pragma once
// Staff time from the work a platform takes: hours a month per cluster, upgrade, node pool, add-on
// and workload (scenario/operations.hpp, catalog/effort_presets.hpp), priced at the team's loaded
// cost per working hour. `team.engineers` does not enter it: the work grows with what is run, not
// with the size of the ML team. The seed's share of the team and a team's own total are the two
// alternatives. Sweeps evaluate these same functions in closed form, so the formulas live here only.
//
//   item cost = loaded cost a year x hours a month per unit x units / working hours a year
//   upgrades  = loaded cost a year x hours per upgrade x upgrades a year x clusters / (12 x working hours)

#include <libtco/catalog/assumptions.hpp>
#include <libtco/costing/context.hpp>
#include <libtco/costing/fleet_plan.hpp>
#include <libtco/costing/platform.hpp>
#include <libtco/costing/report.hpp>
#include <libtco/core/text.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

namespace libtco::detail {

// What one platform's staff time is worked out from. Fixed by the scenario and the fleet plan, so
// sweeps keep it and change only the figures a parameter moves.
struct EffortBasis {
    Platform platform = Platform::eks;
    Team team;
    Operations operations;
    OperationsPreset preset = OperationsPreset::eks_karpenter;
    std::array<Decimal, effort_figures.size()> preset_figures{};  // the preset's defaults (its texts stay in the catalog)
    std::int64_t clusters = 1;
    std::int64_t counted_node_pools = 0;  // kinds of node the fleet runs, each its own AMI line to rotate
    std::int64_t workloads = 0;

    std::int64_t node_pools() const { return operations.node_pools.value_or(counted_node_pools); }
    Decimal figure(EffortFigure f) const { return operations.figure(f).value_or(preset_figures[index_of(f)]); }
    std::string key() const { return platform_key(platform); }
};

// A node pool per kind of node: CPU or GPU AMI, per architecture. Fargate runs no node pool.
inline std::vector<std::string> node_pool_kinds(const FleetPlan& plan) {
    std::vector<std::string> kinds;
    for (const PlacedNode& n : plan.nodes) {
        const InstanceType& t = *n.shape->type;
        std::string kind = (t.arch.empty() ? std::string("x86_64") : t.arch) + (t.has_gpus() ? " GPU" : " CPU");
        if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(std::move(kind));
    }
    std::sort(kinds.begin(), kinds.end());
    return kinds;
}

inline EffortBasis effort_basis(const CostContext& ctx, const FleetPlan& plan) {
    const Scenario& s = ctx.scenario;
    const bool eks = ctx.platform == Platform::eks;
    EffortBasis b;
    b.platform = ctx.platform;
    b.team = s.team;
    b.operations = ctx.spec.operations;
    b.preset = operations_preset(s, eks);
    const EffortPreset preset = effort_preset(b.preset);
    for (EffortFigure f : effort_figures) b.preset_figures[index_of(f)] = preset[f].value;
    b.clusters = eks ? s.eks.clusters : s.ecs.clusters;
    b.counted_node_pools = static_cast<std::int64_t>(node_pool_kinds(plan).size());
    b.workloads = static_cast<std::int64_t>(s.workloads.size());
    return b;
}

// The cost of `hours` at the team's rate, `per` months of them (12 for hours a year): one division.
inline Money staff_cost(const Team& team, const Decimal& hours, std::int64_t per = 1) {
    return Money(team.loaded_cost_per_engineer_year.value() * hours / (team.working_hours_per_year * Decimal(per)));
}

inline Money annual_team_cost(const Team& team) { return team.loaded_cost_per_engineer_year * team.engineers; }

// The seed's rule: a share of every engineer's loaded cost.
inline Money share_cost(const Money& annual_team_cost, const Fraction& share) { return annual_team_cost * share / Decimal(months_per_year); }

// One item of the effort model: hours per unit x units (upgrades: x upgrades a year / 12).
// `hours` empty: the team's service hours per workload, the same on both platforms.
struct EffortItem {
    const char* name;                   // as the bill names it, after the platform: "cluster care"
    std::optional<EffortFigure> hours;  // the figure of its hours per unit
    std::optional<EffortFigure> count;  // a figure that counts its units (add-ons), else units_of() below
    const char* unit;                   // "cluster", "node pool", ...
};

inline constexpr EffortItem effort_items[] = {
    {"cluster care", EffortFigure::cluster_care_hours, std::nullopt, "cluster"},
    {"version upgrades", EffortFigure::upgrade_hours, std::nullopt, "cluster"},
    {"node and AMI rotation", EffortFigure::node_rotation_hours, std::nullopt, "node pool"},
    {"add-ons", EffortFigure::add_on_hours, EffortFigure::add_ons, "add-on"},
    {"on-call and incidents", EffortFigure::on_call_hours, std::nullopt, "cluster"},
    {"service work", std::nullopt, std::nullopt, "workload"},
};

inline Decimal units_of(const EffortBasis& b, const EffortItem& item) {
    if (item.count) return b.figure(*item.count);
    if (!item.hours) return Decimal(b.workloads);
    return *item.hours == EffortFigure::node_rotation_hours ? Decimal(b.node_pools()) : Decimal(b.clusters);
}

inline bool is_upgrades(const EffortItem& item) { return item.hours == EffortFigure::upgrade_hours; }

inline Decimal hours_per_unit(const EffortBasis& b, const EffortItem& item) {
    return item.hours ? b.figure(*item.hours) : b.team.service_hours_per_month;
}

// Hours a year for upgrades, a month for the rest.
inline Decimal item_hours(const EffortBasis& b, const EffortItem& item) {
    const Decimal hours = hours_per_unit(b, item) * units_of(b, item);
    return is_upgrades(item) ? hours * b.figure(EffortFigure::upgrades_per_year) : hours;
}

inline Money item_cost(const EffortBasis& b, const EffortItem& item) {
    return staff_cost(b.team, item_hours(b, item), is_upgrades(item) ? months_per_year : 1);
}

// The platform's staff time this month, as its lines add it up.
inline Money staff_total(const EffortBasis& b) {
    if (b.operations.share) return share_cost(annual_team_cost(b.team), *b.operations.share);
    if (b.operations.total_hours_per_month) return staff_cost(b.team, *b.operations.total_hours_per_month);
    Money sum;
    for (const EffortItem& item : effort_items) sum += item_cost(b, item);
    return sum;
}

// Hours of platform work a month (the share rule's equivalent at the team's working hours).
inline Decimal staff_hours(const EffortBasis& b) {
    if (b.operations.share) return b.team.engineers * b.operations.share->value() * b.team.working_hours_per_year / Decimal(months_per_year);
    if (b.operations.total_hours_per_month) return *b.operations.total_hours_per_month;
    Decimal sum;
    for (const EffortItem& item : effort_items) sum += is_upgrades(item) ? item_hours(b, item) / Decimal(months_per_year) : item_hours(b, item);
    return sum;
}

inline StaffTime staff_time(const EffortBasis& b) {
    StaffTime t;
    t.basis = b.operations.share ? "share" : b.operations.total_hours_per_month ? "hours" : "effort";
    if (t.basis == "effort") t.preset = to_string(b.preset);
    t.hours_per_month = staff_hours(b);
    t.usd_per_hour = b.team.loaded_cost_per_engineer_year.value() / b.team.working_hours_per_year;
    return t;
}

}  // namespace libtco::detail
