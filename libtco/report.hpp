#pragma once
// What a comparison produces: per platform, line items and the instances chosen; the difference;
// the assumptions used. Amounts are exact; rounding to cents happens only when presenting
// (rounded_line_items / rounded_total), by largest remainder so the parts add up to the total.

#include <libtco/assumptions.hpp>
#include <libtco/calendar.hpp>
#include <libtco/quantity.hpp>
#include <libtco/rounding.hpp>
#include <libtco/source.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace libtco {

namespace category {
inline constexpr const char* control_plane = "control_plane";
inline constexpr const char* compute = "compute";
inline constexpr const char* operations = "operations";
}  // namespace category

struct LineItem {
    std::string category;
    std::string item;
    std::string detail;  // how the amount was worked out, e.g. "8 x 730 h x $1.006/h"
    Money amount;        // exact
    std::vector<std::string> sources;  // catalog source ids or assumption names the amount rests on
    Confidence confidence = Confidence::low;  // the weakest of them
};

// Something a reader should know about the numbers, e.g. prices older than the billed month.
struct Warning {
    std::string code;  // stable: stale_catalog, superseded_catalog, catalog_after_month, catalog_not_as_named
    std::string message;
};

// Instances of one type running the same hours.
struct InstanceGroup {
    std::string instance_type;
    std::int64_t count = 0;
    Hours hours;
    HourlyRate usd_per_hour;
    Money amount;  // exact
    bool given = false;  // explicit capacity from the scenario rather than placed by libtco
    std::string price_source;
    std::map<std::string, std::int64_t> replicas;  // workload name -> replicas on these instances
};

struct PlatformReport {
    std::string platform;  // "eks" or "ecs"
    std::vector<LineItem> line_items;
    std::vector<InstanceGroup> instances;

    Money total() const {
        Money sum;
        for (const LineItem& li : line_items) sum += li.amount;
        return sum;
    }
    Money rounded_total() const { return round_to_cents(total()); }
    std::vector<Money> rounded_line_items() const {
        std::vector<Money> exact;
        exact.reserve(line_items.size());
        for (const LineItem& li : line_items) exact.push_back(li.amount);
        return round_parts_to_cents(exact);
    }
    // The rounded total split by the confidence of the figures each line rests on.
    std::map<Confidence, Money> rounded_by_confidence() const {
        std::map<Confidence, Money> out{{Confidence::high, Money{}}, {Confidence::medium, Money{}}, {Confidence::low, Money{}}};
        const std::vector<Money> rounded = rounded_line_items();
        for (std::size_t i = 0; i < line_items.size(); ++i) out[line_items[i].confidence] += rounded[i];
        return out;
    }
    Money category_total(const std::string& cat) const {
        Money sum;
        for (const LineItem& li : line_items)
            if (li.category == cat) sum += li.amount;
        return sum;
    }
};

struct Comparison {
    static constexpr std::int64_t schema_version = 1;

    std::string scenario;
    std::string catalog;
    std::string catalog_date;
    std::string region;
    std::string overlay;                     // name of the price overlay applied, if any
    std::optional<Fraction> overlay_discount;
    BillingMonth month;
    HoursBasis hours_basis = HoursBasis::aws_730;
    Hours hours;
    PlatformReport eks;
    PlatformReport ecs;
    std::vector<Assumption> assumptions;
    std::vector<Source> sources;  // every catalog source a line item cites
    std::vector<Warning> warnings;

    // EKS minus ECS, on the rounded totals a reader sees: positive means EKS costs more.
    Money difference() const { return eks.rounded_total() - ecs.rounded_total(); }
    std::string cheaper() const {
        const int s = difference().value().sign();
        return s > 0 ? "ecs" : s < 0 ? "eks" : "tie";
    }
};

inline std::string usd(const Money& m) { return m.value().to_fixed(cents_places); }

inline nlohmann::ordered_json to_json(const PlatformReport& r) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["total_usd"] = usd(r.rounded_total());
    ordered_json items = ordered_json::array();
    const std::vector<Money> rounded = r.rounded_line_items();
    for (std::size_t i = 0; i < r.line_items.size(); ++i) {
        const LineItem& li = r.line_items[i];
        items.push_back(ordered_json{{"category", li.category}, {"item", li.item}, {"detail", li.detail},
                                     {"usd", usd(rounded[i])}, {"usd_exact", li.amount.to_string()},
                                     {"sources", li.sources}, {"confidence", to_string(li.confidence)}});
    }
    j["line_items"] = std::move(items);
    ordered_json by_confidence = ordered_json::object();
    for (Confidence level : {Confidence::high, Confidence::medium, Confidence::low})
        by_confidence[to_string(level)] = usd(r.rounded_by_confidence().at(level));
    j["usd_by_confidence"] = std::move(by_confidence);
    ordered_json instances = ordered_json::array();
    for (const InstanceGroup& g : r.instances) {
        ordered_json replicas = ordered_json::object();
        for (const auto& [name, n] : g.replicas) replicas[name] = n;
        instances.push_back(ordered_json{{"instance_type", g.instance_type}, {"count", g.count}, {"hours", g.hours.to_string()},
                                         {"usd_per_hour", g.usd_per_hour.to_string()}, {"usd_exact", g.amount.to_string()},
                                         {"origin", g.given ? "given" : "placed"}, {"price_source", g.price_source},
                                         {"replicas", std::move(replicas)}});
    }
    j["instances"] = std::move(instances);
    return j;
}

inline nlohmann::ordered_json to_json(const Assumption& a) {
    nlohmann::ordered_json j;
    j["name"] = a.name;
    j["value"] = a.value.to_string();
    j["default"] = a.default_value.to_string();
    if (a.low) j["low"] = a.low->to_string();
    if (a.high) j["high"] = a.high->to_string();
    j["unit"] = a.unit;
    j["confidence"] = to_string(a.confidence);
    j["source"] = a.source;
    return j;
}

inline nlohmann::ordered_json to_json(const Comparison& c) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["schema_version"] = Comparison::schema_version;
    j["scenario"] = c.scenario;
    j["month"] = c.month.to_string();
    j["hours_basis"] = to_string(c.hours_basis);
    j["hours"] = c.hours.to_string();
    j["region"] = c.region;
    ordered_json catalog{{"name", c.catalog}, {"region", c.region}, {"effective_date", c.catalog_date}};
    if (!c.overlay.empty()) {
        catalog["overlay"] = ordered_json{{"name", c.overlay}};
        if (c.overlay_discount) catalog["overlay"]["discount"] = c.overlay_discount->to_string();
    }
    j["catalog"] = std::move(catalog);
    ordered_json warnings = ordered_json::array();
    for (const Warning& w : c.warnings) warnings.push_back(ordered_json{{"code", w.code}, {"message", w.message}});
    j["warnings"] = std::move(warnings);
    j["eks"] = to_json(c.eks);
    j["ecs"] = to_json(c.ecs);
    j["difference_usd"] = usd(c.difference());
    j["cheaper"] = c.cheaper();
    ordered_json assumptions = ordered_json::array();
    for (const Assumption& a : c.assumptions) assumptions.push_back(to_json(a));
    j["assumptions"] = std::move(assumptions);
    ordered_json sources = ordered_json::array();
    for (const Source& s : c.sources) {
        ordered_json sj{{"id", s.id}, {"title", s.title}};
        if (!s.url.empty()) sj["url"] = s.url;
        if (!s.retrieved.empty()) sj["retrieved"] = s.retrieved;
        sj["confidence"] = to_string(s.confidence);
        sources.push_back(std::move(sj));
    }
    j["sources"] = std::move(sources);
    return j;
}

}  // namespace libtco
