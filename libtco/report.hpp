#pragma once
// What a comparison produces: per platform, line items and the instances chosen; the difference;
// the assumptions used. Amounts are exact; rounding to cents happens only when presenting
// (rounded_line_items / rounded_total), by largest remainder so the parts add up to the total.

#include <libtco/assumptions.hpp>
#include <libtco/calendar.hpp>
#include <libtco/quantity.hpp>
#include <libtco/rounding.hpp>

#include <nlohmann/json.hpp>

#include <map>
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
    BillingMonth month;
    HoursBasis hours_basis = HoursBasis::aws_730;
    Hours hours;
    PlatformReport eks;
    PlatformReport ecs;
    std::vector<Assumption> assumptions;

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
                                     {"usd", usd(rounded[i])}, {"usd_exact", li.amount.to_string()}});
    }
    j["line_items"] = std::move(items);
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
    j["confidence"] = a.confidence;
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
    j["catalog"] = ordered_json{{"name", c.catalog}, {"effective_date", c.catalog_date}};
    j["eks"] = to_json(c.eks);
    j["ecs"] = to_json(c.ecs);
    j["difference_usd"] = usd(c.difference());
    j["cheaper"] = c.cheaper();
    ordered_json assumptions = ordered_json::array();
    for (const Assumption& a : c.assumptions) assumptions.push_back(to_json(a));
    j["assumptions"] = std::move(assumptions);
    return j;
}

}  // namespace libtco
