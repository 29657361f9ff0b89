#pragma once
// Prices a user brings without editing a catalog: a blanket discount off every catalog price (an
// enterprise agreement), fee prices, per-type prices and custom types. Applied in that order, on a
// copy of the catalog; prices given in the overlay are taken as paid (the discount does not apply).

#include <libtco/catalog/catalog.hpp>
#include <libtco/core/detail/json_reader.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

namespace libtco {

struct PriceOverlay {
    static constexpr std::int64_t schema_version = 1;

    std::string name;                 // how reports refer to it
    std::optional<Fraction> discount;  // off every catalog price: instances, spot, commitments, fees
    std::map<std::string, HourlyRate> fees;
    std::map<std::string, InstanceTypeOverride> instance_types;

    bool empty() const { return !discount && fees.empty() && instance_types.empty(); }

    static PriceOverlay from_json_text(std::string_view text) { return from_json(detail::parse_exact(text), ""); }
    static PriceOverlay from_json(const detail::json& v, const std::string& path);
};

namespace detail {

inline InstanceTypeOverride read_override(const json& v, const std::string& path) {
    ObjectReader r(v, path);
    InstanceTypeOverride o;
    const auto positive = [&](const std::string& key) -> std::optional<Decimal> {
        if (auto d = r.optional_decimal(key)) return require_positive(*d, r.path_of(key));
        return std::nullopt;
    };
    o.vcpu = positive("vcpu");
    o.memory_gib = positive("memory_gib");
    if (auto g = r.optional_decimal("gpus")) o.gpus = require_non_negative(*g, r.path_of("gpus"));
    o.gpu_model = r.optional_string("gpu_model");
    o.gpu_memory_gib = positive("gpu_memory_gib");
    o.allocatable_vcpu = positive("allocatable_vcpu");
    o.allocatable_memory_gib = positive("allocatable_memory_gib");
    if (auto p = r.optional_decimal("on_demand_usd_per_hour"))
        o.on_demand = HourlyRate(require_non_negative(*p, r.path_of("on_demand_usd_per_hour")));
    r.finish();
    return o;
}

inline std::map<std::string, InstanceTypeOverride> read_overrides(const json& v, const std::string& path) {
    ObjectReader r(v, path);
    require_at_most_entries(v, limits::max_catalog_instance_types, "instance types", path);
    std::map<std::string, InstanceTypeOverride> out;
    for (const auto& [type_name, t] : v.items()) {
        r.allow(type_name);
        out.emplace(type_name, read_override(t, child_path(path, type_name)));
    }
    return out;
}

inline nlohmann::ordered_json overrides_json(const std::map<std::string, InstanceTypeOverride>& overrides) {
    nlohmann::ordered_json types = nlohmann::ordered_json::object();
    for (const auto& [type_name, o] : overrides) {
        nlohmann::ordered_json t = nlohmann::ordered_json::object();
        if (o.vcpu) t["vcpu"] = o.vcpu->to_string();
        if (o.memory_gib) t["memory_gib"] = o.memory_gib->to_string();
        if (o.gpus) t["gpus"] = o.gpus->to_string();
        if (o.gpu_model) t["gpu_model"] = *o.gpu_model;
        if (o.gpu_memory_gib) t["gpu_memory_gib"] = o.gpu_memory_gib->to_string();
        if (o.allocatable_vcpu) t["allocatable_vcpu"] = o.allocatable_vcpu->to_string();
        if (o.allocatable_memory_gib) t["allocatable_memory_gib"] = o.allocatable_memory_gib->to_string();
        if (o.on_demand) t["on_demand_usd_per_hour"] = o.on_demand->to_string();
        types[type_name] = std::move(t);
    }
    return types;
}

}  // namespace detail

inline PriceOverlay PriceOverlay::from_json(const detail::json& v, const std::string& path) {
    using namespace detail;
    ObjectReader r(v, path);
    r.allow("$schema");
    if (auto version = r.optional_integer("schema_version"); version && *version != schema_version)
        throw validation_error(errc::out_of_range, r.path_of("schema_version"),
                               "unsupported price overlay schema_version " + std::to_string(*version) + " (this libtco reads 1)");
    PriceOverlay o;
    o.name = r.optional_string("name").value_or("price overlay");
    if (r.has("discount")) {
        o.discount = Fraction(read_unit_interval(r, "discount"));
        if (o.discount->value() == Decimal(1)) throw validation_error(errc::out_of_range, r.path_of("discount"), "must be < 1, got 1");
    }
    if (const json* fees = r.find("fees")) {
        ObjectReader fr(*fees, r.path_of("fees"));
        require_at_most_entries(*fees, limits::max_overlay_fees, "fees", r.path_of("fees"));
        for (const auto& [id, price] : fees->items()) {
            fr.allow(id);
            o.fees.emplace(id, HourlyRate(require_non_negative(read_decimal(price, child_path(r.path_of("fees"), id)), child_path(r.path_of("fees"), id))));
        }
    }
    if (const json* types = r.find("instance_types")) o.instance_types = read_overrides(*types, r.path_of("instance_types"));
    r.finish();
    return o;
}

inline nlohmann::ordered_json to_json(const PriceOverlay& o) {
    nlohmann::ordered_json j;
    j["name"] = o.name;
    if (o.discount) j["discount"] = o.discount->to_string();
    nlohmann::ordered_json fees = nlohmann::ordered_json::object();
    for (const auto& [id, usd] : o.fees) fees[id] = usd.to_string();
    j["fees"] = std::move(fees);
    j["instance_types"] = detail::overrides_json(o.instance_types);
    return j;
}

namespace detail {

inline void discount_catalog_prices(Catalog& c, const Fraction& discount) {
    const Fraction kept(Decimal(1) - discount.value());
    for (auto& [id, f] : c.fees) f.usd = f.usd * kept;
    for (auto& [name, t] : c.instance_types) {
        if (t.on_demand) t.on_demand = *t.on_demand * kept;
        if (t.spot && t.spot->price) t.spot->price = *t.spot->price * kept;
        if (t.eks_auto_mode) t.eks_auto_mode->usd = t.eks_auto_mode->usd * kept;
        for (CommitmentOffer& offer : t.commitments) {
            if (offer.recurring) offer.recurring = *offer.recurring * kept;
            offer.upfront = offer.upfront * kept;
        }
    }
}

}  // namespace detail

// A copy of `catalog` with the overlay applied; `path` locates the overlay for errors.
inline Catalog apply_overlay(const Catalog& catalog, const PriceOverlay& overlay, const std::string& path) {
    if (overlay.empty()) return catalog;
    Catalog out = catalog;
    if (overlay.discount) detail::discount_catalog_prices(out, *overlay.discount);
    if (!overlay.fees.empty() && !out.sources.count("scenario"))
        out.sources.emplace("scenario", Source{"scenario", "Given in the scenario or its price overlay", "", "", Confidence::high});
    for (const auto& [id, usd] : overlay.fees) {
        const auto it = out.fees.find(id);
        if (it == out.fees.end())
            throw lookup_error(errc::missing_figure, detail::child_path(path + "/fees", id),
                               "catalog " + catalog.name + " has no fee \"" + id + "\" to override");
        it->second.usd = usd;
        it->second.source = "scenario";
    }
    return out.with_overrides(overlay.instance_types, path + "/instance_types");
}

}  // namespace libtco
