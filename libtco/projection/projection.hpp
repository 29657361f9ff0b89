#pragma once
// A projection: the monthly comparison run over a horizon of calendar months, with workload growth,
// price changes, one-time costs and the EKS version lifecycle, summed into cumulative TCO and a net
// present value per platform.
//
//   const ProjectionSpec spec = ProjectionSpec::from_json_text(R"({"start": "2027-01", "months": 36})");
//   const Projection p = project(default_scenario(), spec);
//   std::cout << format_table(p);           // or to_json(p).dump(2), format_csv(p)
//
// The spec (JSON, read strictly; every key optional):
//   {"schema_version": 1, "start": "2027-01", "months": 36, "discount_rate": "0.08",
//    "growth": {"monthly_rate": "0.02", "workloads": ["chat-llm"],
//               "steps": [{"month": "2027-07", "workload": "chat-llm", "factor": "2"},
//                         {"month": "2028-01", "workload": "embeddings", "replicas": 6}]},
//    "price_changes": [{"month": "2027-07", "catalog": "aws-us-east-1-2026-07-20"},
//                      {"month": "2028-01", "price_overlay": {"discount": "0.1"}}],
//    "one_time_costs": [{"name": "migrate", "platform": "eks", "month": "2027-01", "usd": "40000",
//                        "amortize_months": 12}],   // or "engineer_months": "3"; platform eks|ecs|both
//    "eks_lifecycle": {"version_released": "2027-01", "upgrade_policy": "before-end-of-standard",
//                      "release_interval_months": 4, "standard_support_months": 14,
//                      "extended_support_months": 12}}
// Defaults: start = the scenario's month, 36 months, the named assumptions (assumptions.hpp), no
// growth, no price change, no one-time cost, version_released = start (a new cluster on the newest
// version). Growth steps and price changes after the last month have no effect; a one-time cost may
// not start before the first.
//
// Each month is an ordinary comparison (costing/engine.hpp) of the scenario moved to that month:
//  - growth: replicas in month k = ceil(base x (1 + monthly_rate)^k x the step factors in effect);
//    a step with `replicas` resets a workload's base from its month (growth compounds on from there);
//    a demand profile is scaled hour by hour the same way (an hour at 0 stays 0; a `replicas` step
//    scales the profile so its busiest hour has that many). The product is rounded to 9 decimal
//    places before the ceiling, so rounding noise at 10^-12 cannot add a replica. Given `nodes` and
//    workload `hours` are not scaled (on the calendar basis they are capped at the month's hours).
//  - prices: each month uses the catalog the scenario would (its `catalog`, else the embedded one
//    for its region and month) or the one passed to project(); from a price change's month on, the
//    embedded catalog it names replaces that, and its price_overlay replaces the scenario's.
//  - EKS lifecycle (eks_lifecycle.hpp): the month's `eks.support` is set from the cluster's version,
//    so the scenario's own `eks.support` is ignored; each upgrade adds an operations line with its
//    staff time from the scenario's effort model (hours per cluster and upgrade, for each minor
//    version), and the months' own comparisons leave out the effort model's monthly average of
//    upgrades, so nothing is counted twice. With staff time as the seed's share or the team's own
//    total, which hold all platform work, an upgrade adds no line. No lifecycle lines without clusters.
//  - one-time costs: a `one_time` line per month of its amortization, in whole cents (half-even)
//    with the remainder on the last month.
// Totals: each month's line items are rounded to cents by largest remainder, like a comparison, so
// they add up to the month's rounded total; cumulative and horizon totals are sums of rounded
// monthly totals. NPV = sum over months k = 0, 1, ... of the exact month total / (1 + r/12)^(k+1)
// (like a spreadsheet's NPV(r/12, ...)): r/12 is rounded to 12 places, the power is built by
// repeated multiplication and every product and quotient is rounded half-even to 12 places, the
// Decimal rule; NPVs are shown rounded to cents.

#include <libtco/catalog/assumptions.hpp>
#include <libtco/core/calendar.hpp>
#include <libtco/catalog/catalog.hpp>
#include <libtco/core/detail/json_reader.hpp>
#include <libtco/projection/eks_lifecycle.hpp>
#include <libtco/catalog/embedded_catalog.hpp>
#include <libtco/costing/engine.hpp>
#include <libtco/core/text.hpp>
#include <libtco/catalog/price_overlay.hpp>
#include <libtco/costing/report.hpp>
#include <libtco/core/rounding.hpp>
#include <libtco/scenario/scenario.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace libtco {

namespace limits {
// A projection runs one comparison per month; ten years keep it within a second or two.
inline constexpr std::int64_t max_projection_months = 120;
inline constexpr std::int64_t max_projection_entries = 10000;  // growth steps, price changes, one-time costs (each)
inline constexpr std::int64_t max_amortize_months = 600;
}  // namespace limits

enum class CostPlatform { eks, ecs, both };

inline std::string to_string(CostPlatform p) { return p == CostPlatform::eks ? "eks" : p == CostPlatform::ecs ? "ecs" : "both"; }

// A change to one workload from a month on: a factor on its replicas, or a new base count.
struct GrowthStep {
    BillingMonth month;
    std::string workload;
    std::optional<Decimal> factor;         // multiplies the replicas from this month on
    std::optional<std::int64_t> replicas;  // resets the base (a profile's busiest hour) from this month on
};

struct Growth {
    Decimal monthly_rate;  // compound growth per month, in (-1, 1]
    std::optional<std::vector<std::string>> workloads;  // the workloads monthly_rate applies to; none given: all
    std::vector<GrowthStep> steps;
};

// From `month` on: prices from an embedded catalog by name, and/or a price overlay.
struct PriceChange {
    BillingMonth month;
    std::string catalog;  // empty: no change of catalog
    std::optional<PriceOverlay> price_overlay;
};

struct OneTimeCost {
    std::string name;
    CostPlatform platform = CostPlatform::both;  // "both": incurred whichever platform is chosen
    BillingMonth month;
    std::optional<Money> usd;
    std::optional<Decimal> engineer_months;  // staff time: x loaded cost per engineer-year / 12
    std::int64_t amortize_months = 1;        // 1: expensed in its month

    Money total(const Team& team) const {
        if (usd) return *usd;
        return Money(team.loaded_cost_per_engineer_year.value() * *engineer_months / Decimal(months_per_year));
    }
};

struct ProjectionSpec {
    static constexpr std::int64_t schema_version = 1;
    static constexpr std::int64_t default_months = 36;

    std::optional<BillingMonth> start;  // default: the scenario's month
    std::int64_t months = default_months;
    Decimal discount_rate = assumptions::projection_discount_rate().default_value;  // per year, compounded monthly
    Growth growth;
    std::vector<PriceChange> price_changes;
    std::vector<OneTimeCost> one_time_costs;
    EksLifecycleSpec eks_lifecycle;

    static ProjectionSpec from_json_text(std::string_view text) { return from_json(detail::parse_exact(text), ""); }
    static ProjectionSpec from_json(const detail::json& document, const std::string& path);
};

// ---------------------------------------------------------------------------------------------
// Reading and writing the spec.
namespace detail {

inline std::string read_name(ObjectReader& r, const std::string& key) {
    std::string s = r.string(key);
    if (s.empty()) throw validation_error(errc::out_of_range, r.path_of(key), "must not be empty");
    return s;
}

inline const json* read_entries(ObjectReader& r, const std::string& key) {
    const json* list = r.find(key);
    if (!list) return nullptr;
    require_array(*list, r.path_of(key));
    if (static_cast<std::int64_t>(list->size()) > limits::max_projection_entries)
        throw validation_error(errc::out_of_range, r.path_of(key),
                               "at most " + std::to_string(limits::max_projection_entries) + " entries, got " + std::to_string(list->size()));
    return list;
}

inline Growth read_growth(const json& v, const std::string& path) {
    ObjectReader r(v, path);
    Growth g;
    if (auto rate = r.optional_decimal("monthly_rate")) {
        if (*rate <= Decimal(-1) || *rate > Decimal(1))
            throw validation_error(errc::out_of_range, r.path_of("monthly_rate"), "must be in (-1, 1], got " + rate->to_string());
        g.monthly_rate = *rate;
    }
    if (const json* names = r.find("workloads")) g.workloads = read_string_list(*names, r.path_of("workloads"));
    if (const json* steps = read_entries(r, "steps")) {
        for (std::size_t i = 0; i < steps->size(); ++i) {
            ObjectReader sr((*steps)[i], child_path(r.path_of("steps"), i));
            GrowthStep step;
            step.month = BillingMonth::parse(sr.string("month"), sr.path_of("month"));
            step.workload = read_name(sr, "workload");
            if (sr.has("factor") == sr.has("replicas"))
                throw validation_error(sr.has("factor") ? errc::inconsistent : errc::missing_key, sr.path_of("factor"),
                                       "give either \"factor\" (a multiplier from this month on) or \"replicas\" (a new base count), not both");
            if (sr.has("factor")) step.factor = require_positive(sr.decimal("factor"), sr.path_of("factor"));
            else step.replicas = require_in(sr.integer("replicas"), 1, limits::max_replicas_per_workload, sr.path_of("replicas"));
            sr.finish();
            g.steps.push_back(std::move(step));
        }
    }
    r.finish();
    return g;
}

inline std::vector<PriceChange> read_price_changes(const json& list, const std::string& path) {
    std::vector<PriceChange> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        ObjectReader r(list[i], child_path(path, i));
        PriceChange c;
        c.month = BillingMonth::parse(r.string("month"), r.path_of("month"));
        if (r.has("catalog")) c.catalog = read_name(r, "catalog");
        if (const json* overlay = r.find("price_overlay")) {
            if (overlay->is_object() && overlay->contains("schema_version"))
                throw validation_error(errc::unknown_key, r.path_of("price_overlay") + "/schema_version",
                                       "belongs to a price overlay file, not to a price change's price_overlay");
            c.price_overlay = PriceOverlay::from_json(*overlay, r.path_of("price_overlay"));
        }
        if (c.catalog.empty() && !c.price_overlay)
            throw validation_error(errc::missing_key, r.path_of("catalog"), "a price change needs \"catalog\" or \"price_overlay\" (or both)");
        r.finish();
        for (std::size_t j = 0; j < out.size(); ++j) {
            if (!(out[j].month == c.month)) continue;
            if (!c.catalog.empty() && !out[j].catalog.empty())
                throw validation_error(errc::inconsistent, r.path_of("catalog"),
                                       "price change " + std::to_string(j) + " already changes the catalog in " + c.month.to_string());
            if (c.price_overlay && out[j].price_overlay)
                throw validation_error(errc::inconsistent, r.path_of("price_overlay"),
                                       "price change " + std::to_string(j) + " already changes the price overlay in " + c.month.to_string());
        }
        out.push_back(std::move(c));
    }
    return out;
}

inline std::vector<OneTimeCost> read_one_time_costs(const json& list, const std::string& path) {
    std::vector<OneTimeCost> out;
    std::set<std::string> names;
    for (std::size_t i = 0; i < list.size(); ++i) {
        ObjectReader r(list[i], child_path(path, i));
        OneTimeCost c;
        c.name = read_name(r, "name");
        if (!names.insert(c.name).second)
            throw validation_error(errc::duplicate_name, r.path_of("name"), "another one-time cost is already named \"" + c.name + "\"");
        const std::string platform = r.string("platform");
        if (platform == "eks") c.platform = CostPlatform::eks;
        else if (platform == "ecs") c.platform = CostPlatform::ecs;
        else if (platform == "both") c.platform = CostPlatform::both;
        else throw validation_error(errc::bad_format, r.path_of("platform"), "expected \"eks\", \"ecs\" or \"both\", got \"" + platform + "\"");
        c.month = BillingMonth::parse(r.string("month"), r.path_of("month"));
        if (r.has("usd") == r.has("engineer_months"))
            throw validation_error(r.has("usd") ? errc::inconsistent : errc::missing_key, r.path_of("usd"),
                                   "give either \"usd\" or \"engineer_months\" (staff time at the team's loaded cost), not both");
        if (r.has("usd")) c.usd = Money(require_non_negative(r.decimal("usd"), r.path_of("usd")));
        else c.engineer_months = require_non_negative(r.decimal("engineer_months"), r.path_of("engineer_months"));
        c.amortize_months = require_in(r.optional_integer("amortize_months").value_or(1), 1, limits::max_amortize_months, r.path_of("amortize_months"));
        r.finish();
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace detail

inline ProjectionSpec ProjectionSpec::from_json(const detail::json& document, const std::string& path) {
    using namespace detail;
    ObjectReader r(document, path);
    r.allow("$schema");
    if (auto version = r.optional_integer("schema_version"); version && *version != schema_version)
        throw validation_error(errc::out_of_range, r.path_of("schema_version"),
                               "unsupported projection spec schema_version " + std::to_string(*version) + " (this libtco reads 1)");
    ProjectionSpec s;
    if (auto start = r.optional_string("start")) s.start = BillingMonth::parse(*start, r.path_of("start"));
    s.months = require_in(r.optional_integer("months").value_or(default_months), 1, limits::max_projection_months, r.path_of("months"));
    if (auto rate = r.optional_decimal("discount_rate"))
        s.discount_rate = require_at_most(require_non_negative(*rate, r.path_of("discount_rate")), Decimal(1), r.path_of("discount_rate"));
    if (const json* growth = r.find("growth")) s.growth = read_growth(*growth, r.path_of("growth"));
    if (const json* list = read_entries(r, "price_changes")) s.price_changes = read_price_changes(*list, r.path_of("price_changes"));
    if (const json* list = read_entries(r, "one_time_costs")) s.one_time_costs = read_one_time_costs(*list, r.path_of("one_time_costs"));
    if (const json* lifecycle = r.find("eks_lifecycle")) s.eks_lifecycle = EksLifecycleSpec::from_json(*lifecycle, r.path_of("eks_lifecycle"));
    r.finish();
    return s;
}

// Every field, defaults explicit, stable key order, decimals as exact strings:
// ProjectionSpec::from_json(to_json(s)) gives s again.
inline nlohmann::ordered_json to_json(const ProjectionSpec& s) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["schema_version"] = ProjectionSpec::schema_version;
    if (s.start) j["start"] = s.start->to_string();
    j["months"] = s.months;
    j["discount_rate"] = s.discount_rate.to_string();
    ordered_json growth;
    growth["monthly_rate"] = s.growth.monthly_rate.to_string();
    if (s.growth.workloads) growth["workloads"] = *s.growth.workloads;
    ordered_json steps = ordered_json::array();
    for (const GrowthStep& step : s.growth.steps) {
        ordered_json sj{{"month", step.month.to_string()}, {"workload", step.workload}};
        if (step.factor) sj["factor"] = step.factor->to_string();
        if (step.replicas) sj["replicas"] = *step.replicas;
        steps.push_back(std::move(sj));
    }
    growth["steps"] = std::move(steps);
    j["growth"] = std::move(growth);
    ordered_json changes = ordered_json::array();
    for (const PriceChange& c : s.price_changes) {
        ordered_json cj{{"month", c.month.to_string()}};
        if (!c.catalog.empty()) cj["catalog"] = c.catalog;
        if (c.price_overlay) cj["price_overlay"] = to_json(*c.price_overlay);
        changes.push_back(std::move(cj));
    }
    j["price_changes"] = std::move(changes);
    ordered_json costs = ordered_json::array();
    for (const OneTimeCost& c : s.one_time_costs) {
        ordered_json cj{{"name", c.name}, {"platform", to_string(c.platform)}, {"month", c.month.to_string()}};
        if (c.usd) cj["usd"] = c.usd->to_string();
        if (c.engineer_months) cj["engineer_months"] = c.engineer_months->to_string();
        cj["amortize_months"] = c.amortize_months;
        costs.push_back(std::move(cj));
    }
    j["one_time_costs"] = std::move(costs);
    j["eks_lifecycle"] = to_json(s.eks_lifecycle);
    return j;
}

// ---------------------------------------------------------------------------------------------
// The result.

// A warning of one or more months' comparisons, kept once per code with the months it came up in.
struct ProjectionWarning {
    std::string code;
    std::string message;  // as worded for the first month it came up in
    std::vector<BillingMonth> months;
};

struct ProjectionMonth {
    BillingMonth month;
    std::int64_t index = 0;  // 0 for the start
    Hours hours;
    std::string catalog;
    std::string catalog_date;
    std::string overlay;  // the name of the price overlay in effect, if any
    std::map<std::string, std::int64_t> replicas;  // workload -> replicas (a demand profile's busiest hour)
    std::optional<EksVersionMonth> eks_version;    // none without EKS clusters
    PlatformReport eks;  // the engine's line items, then the upgrade and one-time lines
    PlatformReport ecs;
    Money eks_cumulative;  // rounded totals from the start through this month
    Money ecs_cumulative;
    Decimal discount_factor;  // 1 / (1 + r/12)^(index + 1)

    Money difference() const { return eks.rounded_total() - ecs.rounded_total(); }
    const PlatformReport& platform(const std::string& name) const { return name == "eks" ? eks : ecs; }
};

struct ProjectionTotals {
    Money total;        // the sum of the rounded monthly totals
    Money total_exact;  // the sum of the exact ones
    Money npv;          // exact (see the top of this header)
    Money unamortized_after_horizon;  // one-time cost shares falling after the last month
    std::map<std::string, Money> by_category;  // sums of the rounded line items
};

struct Projection {
    static constexpr std::int64_t schema_version = 1;

    std::string scenario;
    std::string region;
    HoursBasis hours_basis = HoursBasis::aws_730;
    ProjectionSpec spec;  // as run: start and version_released filled in
    Decimal monthly_discount_rate;
    std::vector<ProjectionMonth> months;
    ProjectionTotals eks;
    ProjectionTotals ecs;
    std::vector<ProjectionWarning> warnings;
    std::vector<Assumption> assumptions;

    BillingMonth start() const { return months.front().month; }
    BillingMonth end() const { return months.back().month; }
    const ProjectionTotals& totals(const std::string& platform) const { return platform == "eks" ? eks : ecs; }
    // EKS minus ECS over the horizon, on the rounded totals: positive means EKS costs more.
    Money difference() const { return eks.total - ecs.total; }
    Money npv_difference() const { return round_to_cents(eks.npv) - round_to_cents(ecs.npv); }
    std::string cheaper() const { return cheaper_of(difference()); }
    std::string cheaper_npv() const { return cheaper_of(npv_difference()); }
};

// ---------------------------------------------------------------------------------------------
namespace detail {

inline std::int64_t ceil_whole(const Decimal& d) {
    const Decimal floor = d.floored(0);
    return (floor == d ? floor : floor + Decimal(1)).to_int64();
}

// The workloads' replicas month by month.
class GrowthPlan {
public:
    GrowthPlan(const Scenario& s, const Growth& g, std::int64_t months, const BillingMonth& start) : s_(s), g_(g), start_(start) {
        std::map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < s.workloads.size(); ++i) index[s.workloads[i].name] = i;
        const auto find = [&](const std::string& name, const std::string& path) {
            const auto it = index.find(name);
            if (it == index.end())
                throw lookup_error(errc::missing_figure, path, "the scenario has no workload named \"" + name + "\"");
            return it->second;
        };
        grows_.assign(s.workloads.size(), !g.workloads.has_value());
        if (g.workloads)
            for (std::size_t j = 0; j < g.workloads->size(); ++j) grows_[find((*g.workloads)[j], "/growth/workloads/" + std::to_string(j))] = true;
        steps_.resize(s.workloads.size());
        for (std::size_t i = 0; i < g.steps.size(); ++i) steps_[find(g.steps[i].workload, "/growth/steps/" + std::to_string(i) + "/workload")].push_back(i);
        for (auto& list : steps_)
            std::stable_sort(list.begin(), list.end(),
                             [&](std::size_t a, std::size_t b) { return month_distance(g.steps[b].month, g.steps[a].month) < 0; });
        // (1 + g)^k, one rounded product at a time.
        const Decimal factor = Decimal(1) + g.monthly_rate;
        power_.push_back(Decimal(1));
        try {
            for (std::int64_t k = 1; k < months; ++k) power_.push_back(power_.back() * factor);
        } catch (const arithmetic_error&) {
            throw validation_error(errc::out_of_range, "/growth/monthly_rate",
                                   g.monthly_rate.to_string() + " a month compounds past the exact decimal range within " + std::to_string(months) + " months");
        }
    }

    // The scenario's workloads as they are in month k (0-based).
    std::vector<Workload> workloads_in(std::int64_t k) const {
        std::vector<Workload> out = s_.workloads;
        std::int64_t total = 0;
        const BillingMonth month = shift_month(start_, k);
        for (std::size_t w = 0; w < out.size(); ++w) {
            Workload& wl = out[w];
            const Workload& base = s_.workloads[w];
            std::int64_t reset_at = 0;
            std::optional<std::int64_t> reset;
            Decimal factors(1);
            std::string cause = grows_[w] && !g_.monthly_rate.is_zero() ? "/growth/monthly_rate" : "";
            for (std::size_t i : steps_[w]) {
                const GrowthStep& step = g_.steps[i];
                const std::int64_t at = month_distance(start_, step.month);
                if (at > k) break;
                cause = "/growth/steps/" + std::to_string(i) + (step.replicas ? "/replicas" : "/factor");
                if (step.replicas) {
                    reset = *step.replicas;
                    reset_at = std::max<std::int64_t>(at, 0);
                    factors = Decimal(1);
                } else {
                    factors = factors * *step.factor;
                }
            }
            const Decimal growth = grows_[w] ? power_[static_cast<std::size_t>(k - reset_at)] : Decimal(1);
            // n replicas of the base become ceil(n x [reset / base] x growth x factors).
            const auto too_many = [&](const std::string& n) {
                return validation_error(errc::out_of_range, cause.empty() ? "/growth" : cause,
                                        "in " + month.to_string() + " workload \"" + wl.name + "\" would need " + n +
                                            " replicas, more than the limit of " + std::to_string(limits::max_replicas_per_workload) + " per workload");
            };
            const auto scaled = [&](std::int64_t n) -> std::int64_t {
                if (n == 0) return 0;
                try {
                    Decimal x = Decimal(n);
                    if (reset) x = x * Decimal(*reset) / Decimal(base.replicas);
                    return ceil_whole((x * growth * factors).rounded(9));
                } catch (const arithmetic_error&) {
                    throw too_many("more than 10^26");
                }
            };
            if (base.demand) {
                DemandProfile p = *base.demand;
                for (auto* hours : {&p.weekday, &p.weekend})
                    for (std::int64_t& n : *hours) {
                        n = scaled(n);
                        if (n > DemandProfile::max_replicas) throw too_many(std::to_string(n));
                    }
                wl.demand = p;
                wl.replicas = peak(p);
            } else {
                wl.replicas = scaled(base.replicas);
                if (wl.replicas > limits::max_replicas_per_workload) throw too_many(std::to_string(wl.replicas));
            }
            total += wl.replicas;
            if (total > limits::max_total_replicas)
                throw validation_error(errc::out_of_range, cause.empty() ? "/growth" : cause,
                                       "in " + month.to_string() + " the workloads would need " + std::to_string(total) + "+ replicas, more than the limit of " +
                                           std::to_string(limits::max_total_replicas) + " in all");
        }
        return out;
    }

private:
    const Scenario& s_;
    const Growth& g_;
    BillingMonth start_;
    std::vector<bool> grows_;
    std::vector<std::vector<std::size_t>> steps_;  // per workload: step indices by month, then as listed
    std::vector<Decimal> power_;
};

// Catalogs, each parsed once: a given base catalog, the embedded ones by name, and the embedded
// ones chosen by region and month (the rule of select_catalog).
class ProjectionCatalogs {
public:
    explicit ProjectionCatalogs(const Catalog* base) : base_(base) {}

    const Catalog& named(const std::string& name, const std::string& path) {
        if (auto it = named_.find(name); it != named_.end()) return it->second;
        for (const Catalog& c : embedded())
            if (c.name == name) return named_.emplace(name, c).first->second;
        return named_.emplace(name, embedded_catalog(name, path)).first->second;  // throws unknown_catalog
    }

    // What compare(scenario) would use for the month, or the base catalog.
    const Catalog& default_for(const Scenario& s, const BillingMonth& month) {
        if (base_) return *base_;
        if (!s.catalog.empty()) return named(s.catalog, "/catalog");
        std::vector<const Catalog*> candidates;
        for (const Catalog& c : embedded())
            if (c.region == s.region) candidates.push_back(&c);
        if (candidates.empty())
            throw lookup_error(errc::unknown_catalog, "/region",
                               "no embedded catalog for region \"" + s.region + "\" (available: " + names() + "); pass a catalog file for it");
        for (auto it = candidates.rbegin(); it != candidates.rend(); ++it)
            if (in_effect(**it, month)) return **it;
        for (const Catalog* c : candidates)
            if (parse_iso_date(c->effective_date) > last_day(month)) return *c;
        return *candidates.back();
    }

private:
    const std::vector<Catalog>& embedded() {
        if (!embedded_) embedded_ = embedded_catalogs();  // ordered by region, then date
        return *embedded_;
    }
    std::string names() {
        std::string out;
        for (const Catalog& c : embedded()) out += (out.empty() ? "" : ", ") + c.name;
        return out;
    }

    const Catalog* base_;
    std::optional<std::vector<Catalog>> embedded_;
    std::map<std::string, Catalog> named_;
};

inline std::string usd_text(const Money& m) { return "$" + m.value().to_string(); }

// The line items of one-time costs, by month index, for each platform; shares after the horizon
// are summed per platform instead.
struct OneTimeLines {
    std::vector<std::vector<LineItem>> eks;
    std::vector<std::vector<LineItem>> ecs;
    Money eks_after;
    Money ecs_after;
};

inline OneTimeLines one_time_lines(const ProjectionSpec& spec, const Team& team, const BillingMonth& start) {
    OneTimeLines out;
    out.eks.resize(static_cast<std::size_t>(spec.months));
    out.ecs.resize(static_cast<std::size_t>(spec.months));
    for (std::size_t i = 0; i < spec.one_time_costs.size(); ++i) {
        const OneTimeCost& c = spec.one_time_costs[i];
        const std::string path = "/one_time_costs/" + std::to_string(i);
        const std::int64_t first = month_distance(start, c.month);
        if (first < 0)
            throw validation_error(errc::out_of_range, path + "/month",
                                   "is before the projection's start " + start.to_string() + ", got \"" + c.month.to_string() + "\"");
        const Money total = c.total(team);
        const std::string basis = c.usd ? usd_text(total)
                                        : usd_text(total) + " (" + c.engineer_months->to_string() + " engineer-months x " +
                                              usd_text(team.loaded_cost_per_engineer_year) + "/year / 12)";
        // Whole cents a month (half-even), the remainder on the last month: the rounded months then
        // add up to the rounded cost.
        const Money share((total / Decimal(c.amortize_months)).value().rounded(2));
        for (std::int64_t j = 0; j < c.amortize_months; ++j) {
            const bool last = j == c.amortize_months - 1;
            const Money amount = last ? total - share * Decimal(c.amortize_months - 1) : share;
            const std::int64_t k = first + j;
            const bool eks = c.platform != CostPlatform::ecs;
            const bool ecs = c.platform != CostPlatform::eks;
            if (k >= spec.months) {
                if (eks) out.eks_after += amount;
                if (ecs) out.ecs_after += amount;
                continue;
            }
            const std::string detail =
                c.amortize_months == 1
                    ? "expensed in " + c.month.to_string() + ": " + basis
                    : "share " + std::to_string(j + 1) + " of " + std::to_string(c.amortize_months) + " of " + basis + ", amortized " +
                          c.month.to_string() + " to " + shift_month(c.month, c.amortize_months - 1).to_string() + (last ? " (the remainder)" : "");
            const LineItem li{category::one_time, c.name, detail, amount, {"projection:" + path}, Confidence::high};
            if (eks) out.eks[static_cast<std::size_t>(k)].push_back(li);
            if (ecs) out.ecs[static_cast<std::size_t>(k)].push_back(li);
        }
    }
    return out;
}

// The staff time of an upgrade month: the effort model's hours per cluster and upgrade, for each
// minor version the clusters go through. Nothing when staff time is the seed's share or the team's
// own total, which already hold all platform work.
inline std::optional<LineItem> upgrade_line(const EksLifecycleSpec& s, const EksVersionMonth& v, const Scenario& scenario) {
    const Operations& o = scenario.eks.operations;
    if (o.share || o.total_hours_per_month) return std::nullopt;
    const EffortPreset preset = effort_preset(operations_preset(scenario, true));
    const Decimal per_upgrade = o.figure(EffortFigure::upgrade_hours).value_or(preset[EffortFigure::upgrade_hours].value);
    const std::int64_t versions = v.minor_versions_upgraded();
    const Decimal hours = per_upgrade * Decimal(versions) * Decimal(scenario.eks.clusters);
    const std::string from = "the version released " + v.version_released.to_string();
    std::string detail;
    if (v.cause == UpgradeCause::end_of_extended_support)
        detail = "AWS upgrades the cluster at the end of extended support, to " + from;
    else
        detail = "upgrade to " + from + " (policy " + to_string(s.upgrade_policy) + ")";
    detail += ": " + per_upgrade.to_string() + " h per upgrade x " + std::to_string(versions) + " minor version(s), one at a time x " +
              std::to_string(scenario.eks.clusters) + " cluster(s) x " + detail::rate_text(scenario.team) + "; preset " + to_string(preset.id);
    const Confidence figure = o.figure(EffortFigure::upgrade_hours) ? Confidence::high : preset[EffortFigure::upgrade_hours].confidence;
    return LineItem{category::operations, "EKS version upgrade (staff time)", detail, detail::staff_cost(scenario.team, hours),
                    {"/eks/operations/upgrade_hours_per_upgrade", assumptions::working_hours_per_year().name},
                    std::min(figure, detail::rate_confidence(scenario.team))};
}

inline std::vector<Assumption> projection_assumptions(const ProjectionSpec& spec, const Scenario& s, std::vector<Assumption> first_month) {
    const auto used = [](Assumption a, const Decimal& value) {
        a.value = value;
        return a;
    };
    first_month.push_back(used(assumptions::projection_discount_rate(), spec.discount_rate));
    if (s.eks.clusters > 0) {
        const EksLifecycleSpec& l = spec.eks_lifecycle;
        first_month.push_back(used(assumptions::eks_release_interval_months(), Decimal(l.release_interval_months)));
        first_month.push_back(used(assumptions::eks_standard_support_months(), Decimal(l.standard_support_months)));
        first_month.push_back(used(assumptions::eks_extended_support_months(), Decimal(l.extended_support_months)));
    }
    return first_month;
}

// Workload and node hours beyond a calendar month's hours are capped at them.
inline bool cap_hours(Scenario& s) {
    const Hours month = s.month_hours();
    bool capped = false;
    const auto cap = [&](std::optional<Hours>& h) {
        if (h && *h > month) {
            h = month;
            capped = true;
        }
    };
    for (Workload& w : s.workloads) cap(w.hours);
    for (NodeGroup& n : s.eks.nodes) cap(n.hours);
    for (NodeGroup& n : s.ecs.nodes) cap(n.hours);
    return capped;
}

// The price changes in month order (as listed within a month), their catalogs loaded up front: which
// catalog and overlay each month is priced on.
class PriceSchedule {
public:
    PriceSchedule(const ProjectionSpec& spec, const Catalog* base) : spec_(spec), catalogs_(base) {
        for (std::size_t i = 0; i < spec.price_changes.size(); ++i) order_.push_back(i);
        std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
            return month_distance(spec.price_changes[b].month, spec.price_changes[a].month) < 0;
        });
        for (std::size_t i : order_)
            if (!spec.price_changes[i].catalog.empty()) catalogs_.named(spec.price_changes[i].catalog, catalog_path(i));
    }

    // Sets the month's catalog name and overlay on `s`; returns the catalog to price it on. Errors in
    // an overlay point into the spec, not to the scenario's price_overlay.
    const Catalog& apply(Scenario& s, const BillingMonth& m) {
        std::optional<std::size_t> catalog_change;
        std::optional<std::size_t> overlay_change;
        for (std::size_t i : order_) {
            if (month_distance(spec_.price_changes[i].month, m) < 0) break;
            if (!spec_.price_changes[i].catalog.empty()) catalog_change = i;
            if (spec_.price_changes[i].price_overlay) overlay_change = i;
        }
        const Catalog* catalog = nullptr;
        if (catalog_change) {
            s.catalog = spec_.price_changes[*catalog_change].catalog;
            catalog = &catalogs_.named(s.catalog, catalog_path(*catalog_change));
        }
        if (!catalog) catalog = &catalogs_.default_for(s, m);
        if (overlay_change) {
            s.price_overlay = *spec_.price_changes[*overlay_change].price_overlay;
            if (overlays_checked_.emplace(*overlay_change, catalog->name).second)
                apply_overlay(*catalog, s.price_overlay, "/price_changes/" + std::to_string(*overlay_change) + "/price_overlay");
        }
        return *catalog;
    }

private:
    static std::string catalog_path(std::size_t i) { return "/price_changes/" + std::to_string(i) + "/catalog"; }

    const ProjectionSpec& spec_;
    ProjectionCatalogs catalogs_;
    std::vector<std::size_t> order_;
    std::set<std::pair<std::size_t, std::string>> overlays_checked_;
};

// Warnings by code, each with the months it applies to.
class WarningLog {
public:
    explicit WarningLog(std::vector<ProjectionWarning>& out) : out_(out) {}

    void add(const Warning& w, const BillingMonth& m) {
        if (auto it = at_.find(w.code); it != at_.end()) {
            std::vector<BillingMonth>& months = out_[it->second].months;
            if (!(months.back() == m)) months.push_back(m);
            return;
        }
        at_[w.code] = out_.size();
        out_.push_back({w.code, w.message, {m}});
    }

private:
    std::vector<ProjectionWarning>& out_;
    std::map<std::string, std::size_t> at_;
};

// The scenario of month k: the base with its month, grown workloads and (when it has clusters) the
// support tier of the EKS version it runs.
inline Scenario scenario_for_month(const Scenario& base, const GrowthPlan& growth, const std::vector<EksVersionMonth>& versions, std::int64_t k,
                                   const BillingMonth& m) {
    Scenario s = base;
    s.month = m;
    s.workloads = growth.workloads_in(k);  // its errors name the month already
    if (!versions.empty()) {
        s.eks.support = versions[static_cast<std::size_t>(k)].support;
        // Upgrades are billed in the months they happen (upgrade_line), not as a monthly average.
        s.eks.operations.figure(EffortFigure::upgrades_per_year) = Decimal{};
    }
    return s;
}

inline void accumulate(ProjectionTotals& t, const PlatformReport& r, const Decimal& compounded, Money& cumulative) {
    t.total += r.rounded_total();
    t.total_exact += r.total();
    t.npv += Money(r.total().value() / compounded);
    const std::vector<Money> lines = r.rounded_line_items();
    for (std::size_t i = 0; i < lines.size(); ++i) t.by_category[r.line_items[i].category] += lines[i];
    cumulative = t.total;
}

// The month's lines beyond the comparison: an EKS version upgrade, one-time costs.
inline void add_projection_lines(ProjectionMonth& row, const ProjectionSpec& spec, const Scenario& scenario, const OneTimeLines& one_time) {
    const auto k = static_cast<std::size_t>(row.index);
    if (row.eks_version && row.eks_version->upgraded())
        if (auto upgrade = upgrade_line(spec.eks_lifecycle, *row.eks_version, scenario)) row.eks.line_items.push_back(std::move(*upgrade));
    for (const LineItem& li : one_time.eks[k]) row.eks.line_items.push_back(li);
    for (const LineItem& li : one_time.ecs[k]) row.ecs.line_items.push_back(li);
}

// The comparison of one month, capped hours warned about, and the assumptions it used.
inline ProjectionMonth compared_month(Scenario s, const Catalog& catalog, WarningLog& warnings, std::vector<Assumption>& assumptions) {
    const BillingMonth m = s.month;
    if (s.hours_basis == HoursBasis::calendar && cap_hours(s))
        warnings.add({"hours_capped", "workload or node hours beyond the month's hours (" + s.month_hours().to_string() + " h in " + m.to_string() +
                                          ") are capped at them"},
                     m);
    Comparison c = compare(s, catalog);
    ProjectionMonth row;
    row.hours = c.hours;
    row.catalog = c.catalog;
    row.catalog_date = c.catalog_date;
    row.overlay = c.overlay;
    row.eks = std::move(c.eks);
    row.ecs = std::move(c.ecs);
    for (const Warning& w : c.warnings) warnings.add(w, m);
    assumptions = std::move(c.assumptions);
    row.month = m;
    for (const Workload& w : s.workloads) row.replicas[w.name] = w.replicas;
    return row;
}

inline Projection run_projection(const Scenario& scenario, const ProjectionSpec& given, const Catalog* base) {
    Projection p;
    p.scenario = scenario.name;
    p.region = scenario.region;
    p.hours_basis = scenario.hours_basis;
    p.spec = given;
    ProjectionSpec& spec = p.spec;
    const BillingMonth start = spec.start.value_or(scenario.month);
    spec.start = start;
    const bool clusters = scenario.eks.clusters > 0;
    if (clusters) {
        check_version_released(spec.eks_lifecycle, start, "/eks_lifecycle/version_released");
        spec.eks_lifecycle.version_released = spec.eks_lifecycle.version_released.value_or(start);
    }
    const GrowthPlan growth(scenario, spec.growth, spec.months, start);
    const OneTimeLines one_time = one_time_lines(spec, scenario.team, start);
    const std::vector<EksVersionMonth> versions =
        clusters ? eks_version_timeline(spec.eks_lifecycle.calendar(start), spec.eks_lifecycle.upgrade_policy, start, spec.months)
                 : std::vector<EksVersionMonth>{};
    PriceSchedule prices(spec, base);
    WarningLog warnings(p.warnings);
    p.monthly_discount_rate = spec.discount_rate / Decimal(months_per_year);
    const Decimal one_plus = Decimal(1) + p.monthly_discount_rate;
    Decimal compounded(1);
    for (std::int64_t k = 0; k < spec.months; ++k) {
        const BillingMonth m = shift_month(start, k);
        Scenario s = scenario_for_month(scenario, growth, versions, k, m);
        ProjectionMonth row;
        try {
            const Catalog& catalog = prices.apply(s, m);
            std::vector<Assumption> used;
            row = compared_month(s, catalog, warnings, used);
            if (k == 0) p.assumptions = projection_assumptions(spec, scenario, std::move(used));
        } catch (const error& e) {
            rethrow_with_context(e, "in " + m.to_string() + ": ");
        }
        row.index = k;
        if (clusters) row.eks_version = versions[static_cast<std::size_t>(k)];
        add_projection_lines(row, spec, scenario, one_time);
        compounded = compounded * one_plus;
        row.discount_factor = Decimal(1) / compounded;
        accumulate(p.eks, row.eks, compounded, row.eks_cumulative);
        accumulate(p.ecs, row.ecs, compounded, row.ecs_cumulative);
        p.months.push_back(std::move(row));
    }
    p.eks.unamortized_after_horizon = one_time.eks_after;
    p.ecs.unamortized_after_horizon = one_time.ecs_after;
    return p;
}

}  // namespace detail

// The projection of a scenario over the spec's months, each month priced on the embedded catalog the
// scenario asks for (its `catalog`, else the one for its region and that month) until a price change
// names another.
inline Projection project(const Scenario& scenario, const ProjectionSpec& spec) { return detail::run_projection(scenario, spec, nullptr); }

// The same on a given catalog (a file, an import) until a price change names an embedded one.
inline Projection project(const Scenario& scenario, const ProjectionSpec& spec, const Catalog& catalog) {
    return detail::run_projection(scenario, spec, &catalog);
}

}  // namespace libtco
