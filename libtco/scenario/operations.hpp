#pragma once
// How a scenario gives a platform's staff time (`eks.operations`, `ecs.operations`), in one of three
// ways, read strictly:
//   - the effort model (the default): a preset's hours per cluster, upgrade, node pool, add-on and
//     workload (catalog/effort_presets.hpp), any of which the team may replace with its own figure,
//     e.g. {"preset": "eks-auto-mode", "on_call_hours_per_month": "6", "node_pools": 3};
//   - the team's own total: {"total_hours_per_month": "40"};
//   - the seed's rule of thumb: {"share": "0.15"}, a share of every engineer's loaded cost.
// The preset defaults to the platform's configuration: eks-auto-mode with Auto Mode, else
// eks-karpenter; fargate when every workload runs on Fargate, else ecs-asg.

#include <libtco/catalog/effort_presets.hpp>
#include <libtco/core/detail/json_reader.hpp>
#include <libtco/core/quantity.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace libtco {

namespace limits {
// A team's own total of platform hours a month: about 570 full-time engineers.
inline constexpr std::int64_t max_operations_hours_per_month = 100000;
inline constexpr std::int64_t max_effort_count = 1000;     // add-ons, node pools
inline constexpr std::int64_t max_upgrades_per_year = 12;  // at most one a month
inline constexpr std::int64_t hours_in_a_year = 8784;       // a leap year: the bound of one upgrade's hours
}  // namespace limits

struct Operations {
    std::optional<OperationsPreset> preset;  // empty: the platform's configuration decides
    std::array<std::optional<Decimal>, effort_figures.size()> own;  // the team's figures, by EffortFigure
    std::optional<std::int64_t> node_pools;  // empty: counted from the fleet
    std::optional<Decimal> total_hours_per_month;
    std::optional<Fraction> share;

    bool by_share() const { return share.has_value(); }
    bool by_total() const { return total_hours_per_month.has_value(); }
    const std::optional<Decimal>& figure(EffortFigure f) const { return own[index_of(f)]; }
    std::optional<Decimal>& figure(EffortFigure f) { return own[index_of(f)]; }
};

inline OperationsPreset default_preset(bool eks, bool auto_mode, bool every_workload_on_fargate) {
    if (eks) return auto_mode ? OperationsPreset::eks_auto_mode : OperationsPreset::eks_karpenter;
    return every_workload_on_fargate ? OperationsPreset::fargate : OperationsPreset::ecs_asg;
}

namespace detail {

inline OperationsPreset read_preset(const std::string& name, bool eks, const std::string& path) {
    for (OperationsPreset p : operations_presets) {
        if (to_string(p) != name) continue;
        if (is_eks_preset(p) != eks)
            throw validation_error(errc::inconsistent, path, "\"" + name + "\" is a preset for " + (eks ? "ECS" : "EKS") + ", not for " + (eks ? "EKS" : "ECS"));
        return p;
    }
    throw validation_error(errc::bad_format, path,
                           eks ? "expected \"eks-karpenter\" or \"eks-auto-mode\", got \"" + name + "\""
                               : "expected \"ecs-asg\", \"ecs-managed-instances\" or \"fargate\", got \"" + name + "\"");
}

// The largest value a figure may take: an item's hours within the month's hours, counts within limits.
inline Decimal effort_limit(EffortFigure f, const Hours& month_hours) {
    switch (f) {
        case EffortFigure::upgrade_hours: return Decimal(limits::hours_in_a_year);
        case EffortFigure::upgrades_per_year: return Decimal(limits::max_upgrades_per_year);
        case EffortFigure::add_ons: return Decimal(limits::max_effort_count);
        default: return month_hours.value();
    }
}

// A figure checked as the reader checks it (sweeps set figures through this too).
inline const Decimal& checked_effort_figure(EffortFigure f, const Decimal& v, const Hours& month_hours, const std::string& path) {
    require_at_most(require_non_negative(v, path), effort_limit(f, month_hours), path);
    if (f == EffortFigure::add_ons && !v.is_whole()) throw validation_error(errc::not_whole, path, "expected a whole number, got " + v.to_string());
    return v;
}

inline const Decimal& checked_total_hours(const Decimal& v, const std::string& path) {
    return require_at_most(require_non_negative(v, path), Decimal(limits::max_operations_hours_per_month), path);
}

inline Fraction checked_operations_share(const Decimal& v, const std::string& path) {
    require_at_most(require_non_negative(v, path), Decimal(1), path);
    return Fraction(v);
}

inline Decimal read_effort_figure(ObjectReader& r, EffortFigure f, const Hours& month_hours) {
    return checked_effort_figure(f, r.decimal(effort_key(f)), month_hours, r.path_of(effort_key(f)));
}

// The first key given among the effort model's, for an error that names it.
inline std::optional<std::string> first_effort_key(const ObjectReader& r) {
    if (r.has("preset")) return "preset";
    for (EffortFigure f : effort_figures)
        if (r.has(effort_key(f))) return effort_key(f);
    if (r.has("node_pools")) return "node_pools";
    return std::nullopt;
}

inline Operations read_operations(const json* v, const std::string& path, bool eks, const Hours& month_hours) {
    Operations o;
    if (!v) return o;
    ObjectReader r(*v, path);
    if (r.has("share")) {
        if (auto other = first_effort_key(r); other || r.has("total_hours_per_month"))
            throw validation_error(errc::inconsistent, r.path_of(other.value_or("total_hours_per_month")),
                                   "give either \"share\" (the seed's share of the team) or hours, not both");
        o.share = checked_operations_share(r.decimal("share"), r.path_of("share"));
    } else if (r.has("total_hours_per_month")) {
        if (auto other = first_effort_key(r))
            throw validation_error(errc::inconsistent, r.path_of(*other), "a team's own total_hours_per_month replaces the effort model: give one or the other");
        o.total_hours_per_month = checked_total_hours(r.decimal("total_hours_per_month"), r.path_of("total_hours_per_month"));
    } else {
        if (auto name = r.optional_string("preset")) o.preset = read_preset(*name, eks, r.path_of("preset"));
        for (EffortFigure f : effort_figures)
            if (r.has(effort_key(f))) o.figure(f) = read_effort_figure(r, f, month_hours);
        if (auto pools = r.optional_integer("node_pools")) o.node_pools = require_in(*pools, 0, limits::max_effort_count, r.path_of("node_pools"));
    }
    r.finish();
    return o;
}

inline nlohmann::ordered_json operations_json(const Operations& o) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    if (o.share) j["share"] = o.share->to_string();
    if (o.total_hours_per_month) j["total_hours_per_month"] = o.total_hours_per_month->to_string();
    if (o.preset) j["preset"] = to_string(*o.preset);
    for (EffortFigure f : effort_figures)
        if (const auto& v = o.figure(f)) j[effort_key(f)] = f == EffortFigure::add_ons ? nlohmann::ordered_json(v->to_int64()) : nlohmann::ordered_json(v->to_string());
    if (o.node_pools) j["node_pools"] = *o.node_pools;
    return j;
}

}  // namespace detail
}  // namespace libtco
