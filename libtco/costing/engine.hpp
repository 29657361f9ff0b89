#pragma once
// The monthly comparison: for each platform, the fleet that runs the workloads is planned once
// (costing/fleet_plan.hpp), then each line producer (costing/producers.hpp: the control-plane fee,
// compute, Fargate, spot interruptions, autoscaling, commitments, Auto Mode, the team's own items,
// staff time) adds its lines; a full report adds the plan, showback and utilization
// (costing/views.hpp). Then the difference.

#include <libtco/catalog/catalog.hpp>
#include <libtco/catalog/price_overlay.hpp>
#include <libtco/costing/context.hpp>
#include <libtco/costing/effort.hpp>
#include <libtco/costing/fleet_plan.hpp>
#include <libtco/costing/platform.hpp>
#include <libtco/costing/producers.hpp>
#include <libtco/costing/report.hpp>
#include <libtco/costing/views.hpp>
#include <libtco/scenario/scenario.hpp>

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace libtco {

namespace detail {

inline void check_against_catalog(const Scenario& s, const Catalog& c) {
    if (s.region != c.region)
        throw lookup_error(errc::region_mismatch, "/region",
                           "scenario region \"" + s.region + "\" does not match catalog " + c.name + " (region \"" + c.region + "\")");
    for (std::size_t i = 0; i < s.workloads.size(); ++i)
        for (std::size_t j = 0; j < s.workloads[i].gpu_models.size(); ++j)
            if (!c.gpu_models.count(s.workloads[i].gpu_models[j]))
                throw lookup_error(errc::unknown_gpu_model, "/workloads/" + std::to_string(i) + "/gpu_models/" + std::to_string(j),
                                   "unknown GPU model \"" + s.workloads[i].gpu_models[j] + "\" (not in catalog " + c.name + ")");
}

// Staff time's assumptions: the seed's share, or every figure of the effort model with the preset's
// range (a team's own total rests on no assumption but the working hours).
inline void add_operations_assumptions(const Scenario& s, std::vector<Assumption>& out) {
    Assumption hours = assumptions::working_hours_per_year();
    hours.value = s.team.working_hours_per_year;
    out.push_back(hours);
    if (!s.workloads.empty() && !(s.eks.operations.share && s.ecs.operations.share)) {
        Assumption service = assumptions::service_hours_per_month();
        service.value = s.team.service_hours_per_month;
        out.push_back(service);
    }
    for (const bool eks : {true, false}) {
        const Operations& o = eks ? s.eks.operations : s.ecs.operations;
        if (o.share) {
            Assumption share = eks ? assumptions::eks_ops_share() : assumptions::ecs_ops_share();
            share.value = o.share->value();
            out.push_back(share);
            continue;
        }
        if (o.total_hours_per_month) continue;
        const EffortPreset preset = effort_preset(operations_preset(s, eks));
        for (EffortFigure f : effort_figures)
            out.push_back(assumptions::effort_assumption(eks ? "eks" : "ecs", preset, f, o.figure(f).value_or(preset[f].value)));
    }
}

inline std::vector<Assumption> assumptions_used(const Scenario& s) {
    std::vector<Assumption> out;
    if (s.hours_basis == HoursBasis::aws_730) {
        Assumption a = assumptions::aws_hours_per_month();
        a.value = s.aws_hours_per_month.value();
        out.push_back(a);
    }
    add_operations_assumptions(s, out);
    Assumption reserved = assumptions::ecs_reserved_memory_gib();
    reserved.value = s.ecs.reserved_memory_gib;
    out.push_back(reserved);
    if (s.eks.gpu_sharing.strategy == SharingStrategy::time_slicing) {
        Assumption e = assumptions::time_slicing_efficiency();
        e.value = s.eks.gpu_sharing.time_slicing_efficiency.value();
        out.push_back(e);
    }
    for (const PlatformSpec* p : {static_cast<const PlatformSpec*>(&s.eks), static_cast<const PlatformSpec*>(&s.ecs)}) {
        if (!p->spot.used()) continue;
        Assumption fallback = p->spot.diversification == SpotDiversification::diversified ? assumptions::spot_fallback_diversified()
                                                                                          : assumptions::spot_fallback_fixed_list();
        fallback.name = std::string(p == &s.eks ? "/eks" : "/ecs") + "/spot/fallback_share";
        fallback.value = p->spot.fallback().value();
        out.push_back(fallback);
    }
    if (s.eks.spot.used() || s.ecs.spot.used()) {
        out.push_back(assumptions::checkpoint_interval_minutes());
        out.push_back(assumptions::restart_minutes());
    }
    const auto partial = [](const PlatformSpec& p) {
        return std::any_of(p.commitments.begin(), p.commitments.end(), [](const CommitmentRequest& c) { return c.key.payment == UpfrontPayment::partial; });
    };
    if (partial(s.eks) || partial(s.ecs)) {
        Assumption share = assumptions::partial_upfront_share();
        share.value = s.partial_upfront_share.value();
        out.push_back(share);
    }
    Assumption gpu_share = assumptions::gpu_share_of_node_cost();
    gpu_share.value = s.gpu_share_of_node_cost.value();
    out.push_back(gpu_share);
    return out;
}


// A platform's costing on a planned fleet: the lines alone (totals), or with the views a report shows.
inline Money platform_total(const CostContext& ctx, const FleetPlan& plan) { return total_of(bill_of(ctx, plan, Detail::totals).line_items); }

inline Money platform_total(const CostContext& ctx) { return platform_total(ctx, plan_fleet(ctx)); }

inline PlatformReport platform_report(const CostContext& ctx, const FleetPlan& plan) {
    PlatformReport report;
    report.platform = platform_key(ctx.platform);
    report.gpu_sharing = ctx.sharing;
    report.staff = staff_time(effort_basis(ctx, plan));
    Bill bill = bill_of(ctx, plan, Detail::report);
    report.line_items = std::move(bill.line_items);
    report.instances = std::move(bill.instances);
    report.placement = plan_view(ctx.scenario, plan);
    report.showback = showback(ctx, plan);
    report.utilization = utilization(ctx, plan);
    report.utilization.compute = report.category_total(category::compute);
    return report;
}

// What the fleet's instances cost and how many GPUs it pays for, placed without GPU sharing; nothing
// when some replica only fits when shared (e.g. a fraction of a GPU larger than any whole-GPU type
// allowed): there is no unshared fleet to compare with.
inline std::optional<std::pair<Money, GpuFleet>> unshared_fleet(const Scenario& s, const Catalog& c, Platform p) {
    GpuSharing none = spec_of(s, p).gpu_sharing;
    none.strategy = SharingStrategy::none;
    const CostContext ctx(s, c, p, none);
    try {
        const FleetPlan plan = plan_fleet(ctx);
        Money compute;
        for (const PlacedNode& n : plan.nodes) compute += node_cost(ctx, n);
        return std::pair{compute, gpus_of(plan.nodes)};
    } catch (const placement_error&) {
        return std::nullopt;
    }
}

// A platform's report, with what the same workloads would cost without GPU sharing.
inline PlatformReport cost_platform(const Scenario& s, const Catalog& c, Platform p) {
    const CostContext ctx(s, c, p);
    PlatformReport report = platform_report(ctx, plan_fleet(ctx));
    if (!ctx.sharing.shares()) return report;
    if (const auto unshared = unshared_fleet(s, c, p)) {
        report.utilization.compute_without_sharing = unshared->first;
        report.utilization.gpus_without_sharing = unshared->second.gpus;
    }
    return report;
}

inline std::vector<Warning> catalog_warnings(const Scenario& s, const Catalog& c) {
    std::vector<Warning> out;
    const date::year_month_day effective = parse_iso_date(c.effective_date, "/effective_date");
    date::year_month_day a_year_later = effective + date::years{1};
    if (!a_year_later.ok()) a_year_later = date::year_month_day{a_year_later.year() / a_year_later.month() / date::last};  // 29 Feb
    if (first_day(s.month) > a_year_later)
        out.push_back({"stale_catalog", "catalog " + c.name + " is dated " + c.effective_date + ", more than a year before the billed month " +
                                            s.month.to_string() + "; prices may have changed"});
    if (!c.valid_until.empty() && parse_iso_date(c.valid_until) < first_day(s.month))
        out.push_back({"superseded_catalog", "catalog " + c.name + " holds prices valid until " + c.valid_until + ", before the billed month " +
                                                 s.month.to_string() + "; a newer catalog has the prices of that month"});
    if (effective > last_day(s.month))
        out.push_back({"catalog_after_month", "catalog " + c.name + " is dated " + c.effective_date + ", after the billed month " +
                                                  s.month.to_string() + "; its prices may not have applied then"});
    if (!s.catalog.empty() && s.catalog != c.name)
        out.push_back({"catalog_not_as_named", "the scenario names catalog " + s.catalog + " but the comparison used " + c.name + " as asked"});
    return out;
}

inline std::vector<Source> cited_sources(const Catalog& c, const PlatformReport& eks, const PlatformReport& ecs) {
    std::set<std::string> ids;
    for (const PlatformReport* r : {&eks, &ecs})
        for (const LineItem& li : r->line_items) ids.insert(li.sources.begin(), li.sources.end());
    std::vector<Source> out;
    for (const std::string& id : ids)
        if (const Source* source = c.find_source(id)) out.push_back(*source);
    return out;
}

}  // namespace detail

// The catalog a scenario is priced on: the catalog with the scenario's price overlay and instance-type
// overrides applied.
inline Catalog effective_catalog(const Scenario& scenario, const Catalog& catalog) {
    detail::check_against_catalog(scenario, catalog);
    return apply_overlay(catalog, scenario.price_overlay, "/price_overlay").with_overrides(scenario.instance_types, "/instance_types");
}

// Both platforms' exact monthly totals: the sum of the same line items compare() reports.
struct Totals {
    Money eks;
    Money ecs;
    // EKS minus ECS on the rounded totals, as Comparison::difference().
    Money difference() const { return round_to_cents(eks) - round_to_cents(ecs); }
};

// The totals alone, on a catalog already made effective: no plan, showback or unshared rerun. What
// sweeps, break-even and Monte Carlo evaluate many times.
inline Totals compare_totals(const Scenario& scenario, const Catalog& effective) {
    detail::check_against_catalog(scenario, effective);
    return {detail::platform_total(detail::CostContext(scenario, effective, detail::Platform::eks)),
            detail::platform_total(detail::CostContext(scenario, effective, detail::Platform::ecs))};
}

// Both platforms side by side for the scenario's month.
inline Comparison compare(const Scenario& scenario, const Catalog& catalog) {
    const Catalog effective = effective_catalog(scenario, catalog);
    Comparison c;
    c.scenario = scenario.name;
    c.catalog = catalog.name;
    c.catalog_date = catalog.effective_date;
    c.region = catalog.region;
    if (!scenario.price_overlay.empty()) {
        c.overlay = scenario.price_overlay.name;
        c.overlay_discount = scenario.price_overlay.discount;
    }
    c.month = scenario.month;
    c.hours_basis = scenario.hours_basis;
    c.hours = scenario.month_hours();
    c.eks = detail::cost_platform(scenario, effective, detail::Platform::eks);
    c.ecs = detail::cost_platform(scenario, effective, detail::Platform::ecs);
    c.assumptions = detail::assumptions_used(scenario);
    c.sources = detail::cited_sources(effective, c.eks, c.ecs);
    c.warnings = detail::catalog_warnings(scenario, catalog);
    return c;
}

}  // namespace libtco
