#pragma once
// What costing one platform reads, fixed for the whole costing: the scenario, the catalog it is
// priced on (already effective), the platform and the GPU sharing its fleet is placed with (the
// platform's own, or none for the unshared comparison), and the billed month's days.

#include <libtco/catalog/catalog.hpp>
#include <libtco/costing/platform.hpp>
#include <libtco/scenario/demand_profile.hpp>
#include <libtco/scenario/scenario.hpp>

#include <algorithm>
#include <string>

namespace libtco::detail {

struct CostContext {
    CostContext(const Scenario& s, const Catalog& c, Platform p, const GpuSharing& gpu_sharing)
        : scenario(s), catalog(c), platform(p), spec(spec_of(s, p)), sharing(gpu_sharing),
          days(month_days(s.hours_basis, s.month, s.aws_hours_per_month)), month_hours(s.month_hours()) {}

    // The platform's own sharing.
    CostContext(const Scenario& s, const Catalog& c, Platform p) : CostContext(s, c, p, spec_of(s, p).gpu_sharing) {}

    const Scenario& scenario;
    const Catalog& catalog;
    const Platform platform;
    const PlatformSpec& spec;
    const GpuSharing sharing;
    const MonthDays days;  // the billed month's weekdays and weekend days, for demand profiles
    const Hours month_hours;

    // A pointer under the platform's key: path("/nodes/0") is "/eks/nodes/0" on EKS.
    std::string path(const std::string& rest) const { return std::string("/") + platform_key(platform) + rest; }
};

// The 48 hours of the week that differ: 24 of a weekday, then 24 of a weekend day.
inline constexpr std::size_t hour_kinds = 2 * hours_per_day;

// A profiled workload's replicas in an hour kind; without scale to zero the HPA keeps one.
inline std::int64_t replicas_at(const CostContext& ctx, const Workload& w, std::size_t kind) {
    const std::int64_t n = kind < hours_per_day ? w.demand->weekday[kind] : w.demand->weekend[kind - hours_per_day];
    return ctx.spec.autoscaling.scale_to_zero ? n : std::max<std::int64_t>(n, 1);
}

// A workload's replica-hours in the month: its profile's, or replicas x its hours.
inline Decimal replica_hours_of(const CostContext& ctx, const Workload& w) {
    if (!w.demand) return Decimal(w.replicas) * w.hours.value_or(ctx.month_hours).value();
    DemandProfile effective = *w.demand;
    for (std::size_t kind = 0; kind < hour_kinds; ++kind)
        (kind < hours_per_day ? effective.weekday[kind] : effective.weekend[kind - hours_per_day]) = replicas_at(ctx, w, kind);
    return replica_hours(effective, ctx.days);
}

// The weakest confidence among catalog sources (high when there are none).
inline Confidence weakest_of(const Catalog& c, const std::vector<std::string>& sources) {
    Confidence weakest = Confidence::high;
    for (const std::string& src : sources) weakest = std::min(weakest, c.confidence_of(src));
    return weakest;
}

}  // namespace libtco::detail
