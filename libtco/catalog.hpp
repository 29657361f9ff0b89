#pragma once
// The pricing catalog: instance types, GPU models, orchestration fees, and where every figure came
// from. Catalogs are JSON documents (schema: pricing/catalog.schema.json); one is embedded in the
// library (embedded_catalog.hpp), others can be loaded from files or text.

#include <libtco/detail/json_reader.hpp>
#include <libtco/error.hpp>
#include <libtco/quantity.hpp>

#include <cstdint>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace libtco {

enum class Confidence { high, medium, low };

inline std::string to_string(Confidence c) {
    switch (c) {
        case Confidence::high: return "high";
        case Confidence::medium: return "medium";
        case Confidence::low: return "low";
    }
    return "low";
}

struct Source {
    std::string id;
    std::string title;
    std::string url;
    std::string retrieved;  // YYYY-MM-DD
    Confidence confidence = Confidence::low;
};

// A price per unit of something other than an instance: a cluster-hour, a vCPU-hour, ...
struct Fee {
    std::string id;
    HourlyRate usd;  // per `per` unit-hour
    std::string per;
    std::string source;
    std::string note;
};

struct MigProfile {
    std::string name;
    std::int64_t compute_slices = 0;
    Decimal memory_gib;
    std::int64_t max_per_gpu = 0;
    std::int64_t size = 0;  // memory slices taken
    std::vector<std::int64_t> starts;
};

struct MigGeometry {
    std::int64_t max_instances = 0;
    std::vector<MigProfile> profiles;
};

struct GpuModel {
    std::string id;
    std::string vendor;
    Decimal memory_gib;
    std::optional<MigGeometry> mig;
    bool time_slicing = false;
    bool mps = false;
    std::string source;
};

struct InstanceType {
    std::string name;
    std::string family;
    std::string arch;
    Decimal vcpu;
    Decimal memory_gib;
    Decimal gpus;  // 0 for CPU-only types; a fraction for fractional-GPU types (g6f)
    std::string gpu_model;
    Decimal gpu_memory_gib;  // of each GPU (or of the fraction)
    std::optional<Decimal> allocatable_vcpu;
    std::optional<Decimal> allocatable_memory_gib;
    std::optional<std::int64_t> max_pods;
    std::optional<HourlyRate> on_demand;
    std::string spec_source;
    std::string price_source;

    bool has_gpus() const { return gpus.sign() > 0; }
};

// Scenario-level additions and overrides of instance types (negotiated prices, custom types).
struct InstanceTypeOverride {
    std::optional<Decimal> vcpu;
    std::optional<Decimal> memory_gib;
    std::optional<Decimal> gpus;
    std::optional<std::string> gpu_model;
    std::optional<Decimal> gpu_memory_gib;
    std::optional<Decimal> allocatable_vcpu;
    std::optional<Decimal> allocatable_memory_gib;
    std::optional<HourlyRate> on_demand;
};

class Catalog {
public:
    static constexpr std::int64_t schema_version = 1;

    std::string name;
    std::string region;
    std::string currency = "USD";
    std::string effective_date;  // YYYY-MM-DD
    std::string description;
    std::map<std::string, Source> sources;
    std::string default_spec_source;
    std::string default_price_source;
    std::map<std::string, Fee> fees;
    std::map<std::string, GpuModel> gpu_models;
    std::map<std::string, InstanceType> instance_types;

    static Catalog from_json_text(std::string_view text) { return from_json(detail::parse_exact(text)); }
    static Catalog from_json(const detail::json& document);

    const InstanceType* find_instance_type(const std::string& type_name) const {
        const auto it = instance_types.find(type_name);
        return it == instance_types.end() ? nullptr : &it->second;
    }
    const InstanceType& instance_type(const std::string& type_name, const std::string& path = {}) const {
        if (const InstanceType* t = find_instance_type(type_name)) return *t;
        throw lookup_error(errc::unknown_instance_type, path,
                           "unknown instance type \"" + type_name + "\" (not in catalog " + name + "; add it under /instance_types)");
    }
    const Fee& fee(const std::string& id) const {
        const auto it = fees.find(id);
        if (it == fees.end()) throw lookup_error(errc::unknown_source, "/fees", "catalog " + name + " has no fee \"" + id + "\"");
        return it->second;
    }
    const Source* find_source(const std::string& id) const {
        const auto it = sources.find(id);
        return it == sources.end() ? nullptr : &it->second;
    }

    // A copy with scenario overrides applied; `path` locates the overrides object for errors.
    Catalog with_overrides(const std::map<std::string, InstanceTypeOverride>& overrides, const std::string& path) const;
};

inline Catalog load_catalog_file(const std::string& file_path) {
    std::ifstream in(file_path, std::ios::binary);
    if (!in) throw io_error(errc::io, "", "cannot read catalog file \"" + file_path + "\"");
    std::ostringstream text;
    text << in.rdbuf();
    return Catalog::from_json_text(text.str());
}

// ---------------------------------------------------------------------------------------------
namespace detail {

inline Confidence read_confidence(const json& v, const std::string& path) {
    const std::string s = read_string(v, path);
    if (s == "high") return Confidence::high;
    if (s == "medium") return Confidence::medium;
    if (s == "low") return Confidence::low;
    throw validation_error(errc::bad_format, path, "expected \"high\", \"medium\" or \"low\", got \"" + s + "\"");
}

inline void require_source(const Catalog& c, const std::string& id, const std::string& path) {
    if (!c.find_source(id)) throw lookup_error(errc::unknown_source, path, "unknown source \"" + id + "\" (not under /sources)");
}

inline Source read_source(const std::string& id, const json& v, const std::string& path) {
    ObjectReader r(v, path);
    Source s;
    s.id = id;
    s.title = r.string("title");
    s.url = r.optional_string("url").value_or("");
    s.retrieved = r.string("retrieved");
    s.confidence = read_confidence(r.at("confidence"), r.path_of("confidence"));
    r.finish();
    return s;
}

inline Fee read_fee(const std::string& id, const json& v, const std::string& path) {
    ObjectReader r(v, path);
    Fee f;
    f.id = id;
    f.usd = HourlyRate(require_non_negative(r.decimal("usd"), r.path_of("usd")));
    f.per = r.string("per");
    f.source = r.string("source");
    f.note = r.optional_string("note").value_or("");
    r.finish();
    return f;
}

inline MigProfile read_mig_profile(const json& v, const std::string& path) {
    ObjectReader r(v, path);
    MigProfile p;
    p.name = r.string("name");
    p.compute_slices = require_in(r.integer("compute_slices"), 1, 8, r.path_of("compute_slices"));
    p.memory_gib = require_positive(r.decimal("memory_gib"), r.path_of("memory_gib"));
    p.max_per_gpu = require_in(r.integer("max_per_gpu"), 1, 8, r.path_of("max_per_gpu"));
    p.size = require_in(r.integer("size"), 1, 8, r.path_of("size"));
    const json& starts = r.at("starts");
    require_array(starts, r.path_of("starts"));
    for (std::size_t i = 0; i < starts.size(); ++i)
        p.starts.push_back(require_in(read_integer(starts[i], child_path(r.path_of("starts"), i)), 0, 7, child_path(r.path_of("starts"), i)));
    r.finish();
    return p;
}

inline GpuModel read_gpu_model(const std::string& id, const json& v, const std::string& path) {
    ObjectReader r(v, path);
    GpuModel g;
    g.id = id;
    g.vendor = r.string("vendor");
    g.memory_gib = require_positive(r.decimal("memory_gib"), r.path_of("memory_gib"));
    if (const json* mig = r.find("mig"); mig && !mig->is_null()) {
        ObjectReader m(*mig, r.path_of("mig"));
        MigGeometry geometry;
        geometry.max_instances = require_in(m.integer("max_instances"), 1, 7, m.path_of("max_instances"));
        const json& profiles = m.at("profiles");
        require_array(profiles, m.path_of("profiles"));
        for (std::size_t i = 0; i < profiles.size(); ++i)
            geometry.profiles.push_back(read_mig_profile(profiles[i], child_path(m.path_of("profiles"), i)));
        m.finish();
        g.mig = geometry;
    }
    g.time_slicing = r.optional_bool("time_slicing").value_or(false);
    g.mps = r.optional_bool("mps").value_or(false);
    g.source = r.string("source");
    r.finish();
    return g;
}

inline InstanceType read_instance_type(const std::string& name, const json& v, const std::string& path, const Catalog& c) {
    ObjectReader r(v, path);
    InstanceType t;
    t.name = name;
    t.family = r.optional_string("family").value_or(name.substr(0, name.find('.')));
    t.arch = r.optional_string("arch").value_or("x86_64");
    t.vcpu = require_positive(r.decimal("vcpu"), r.path_of("vcpu"));
    t.memory_gib = require_positive(r.decimal("memory_gib"), r.path_of("memory_gib"));
    t.gpus = require_non_negative(r.optional_decimal("gpus").value_or(Decimal{}), r.path_of("gpus"));
    if (t.has_gpus()) {
        t.gpu_model = r.string("gpu_model");
        if (!c.gpu_models.count(t.gpu_model))
            throw lookup_error(errc::unknown_gpu_model, r.path_of("gpu_model"), "unknown GPU model \"" + t.gpu_model + "\" (not under /gpu_models)");
        t.gpu_memory_gib = require_positive(r.decimal("gpu_memory_gib"), r.path_of("gpu_memory_gib"));
    } else {
        for (const char* key : {"gpu_model", "gpu_memory_gib"})
            if (r.find(key)) throw validation_error(errc::inconsistent, r.path_of(key), "given for a type without GPUs (gpus is 0)");
    }
    if (auto a = r.optional_decimal("allocatable_vcpu")) t.allocatable_vcpu = require_at_most(require_positive(*a, r.path_of("allocatable_vcpu")), t.vcpu, r.path_of("allocatable_vcpu"));
    if (auto a = r.optional_decimal("allocatable_memory_gib")) t.allocatable_memory_gib = require_at_most(require_positive(*a, r.path_of("allocatable_memory_gib")), t.memory_gib, r.path_of("allocatable_memory_gib"));
    if (auto p = r.optional_integer("max_pods")) t.max_pods = require_in(*p, 1, 100000, r.path_of("max_pods"));
    if (auto price = r.optional_decimal("on_demand_usd_per_hour")) t.on_demand = HourlyRate(require_non_negative(*price, r.path_of("on_demand_usd_per_hour")));
    t.spec_source = r.optional_string("spec_source").value_or(c.default_spec_source);
    t.price_source = r.optional_string("price_source").value_or(c.default_price_source);
    require_source(c, t.spec_source, r.path_of("spec_source"));
    if (t.on_demand) require_source(c, t.price_source, r.path_of("price_source"));
    r.finish();
    return t;
}

}  // namespace detail

inline Catalog Catalog::from_json(const detail::json& document) {
    using namespace detail;
    ObjectReader r(document, "");
    r.allow("$schema");
    Catalog c;
    const std::int64_t version = r.integer("schema_version");
    if (version != schema_version)
        throw validation_error(errc::out_of_range, "/schema_version", "unsupported catalog schema_version " + std::to_string(version) + " (this libtco reads 1)");
    c.name = r.string("name");
    c.region = r.string("region");
    c.currency = r.optional_string("currency").value_or("USD");
    if (c.currency != "USD") throw validation_error(errc::out_of_range, "/currency", "only \"USD\" is supported, got \"" + c.currency + "\"");
    c.effective_date = r.string("effective_date");
    c.description = r.optional_string("description").value_or("");

    const json& sources = r.at("sources");
    ObjectReader sr(sources, "/sources");
    for (const auto& [id, v] : sources.items()) { sr.allow(id); c.sources.emplace(id, read_source(id, v, child_path("/sources", id))); }

    ObjectReader defaults(r.at("default_sources"), "/default_sources");
    c.default_spec_source = defaults.string("specs");
    c.default_price_source = defaults.string("on_demand");
    require_source(c, c.default_spec_source, "/default_sources/specs");
    require_source(c, c.default_price_source, "/default_sources/on_demand");
    defaults.finish();

    const json& fees = r.at("fees");
    ObjectReader fr(fees, "/fees");
    for (const auto& [id, v] : fees.items()) {
        fr.allow(id);
        Fee f = read_fee(id, v, child_path("/fees", id));
        require_source(c, f.source, child_path(child_path("/fees", id), "source"));
        c.fees.emplace(id, std::move(f));
    }

    const json& models = r.at("gpu_models");
    ObjectReader mr(models, "/gpu_models");
    for (const auto& [id, v] : models.items()) {
        mr.allow(id);
        GpuModel g = read_gpu_model(id, v, child_path("/gpu_models", id));
        require_source(c, g.source, child_path(child_path("/gpu_models", id), "source"));
        c.gpu_models.emplace(id, std::move(g));
    }

    const json& types = r.at("instance_types");
    ObjectReader tr(types, "/instance_types");
    for (const auto& [name, v] : types.items()) {
        tr.allow(name);
        c.instance_types.emplace(name, read_instance_type(name, v, child_path("/instance_types", name), c));
    }
    r.finish();
    for (const char* required : {"eks_cluster_standard", "eks_cluster_extended", "ecs_cluster"})
        if (!c.fees.count(required)) throw validation_error(errc::missing_key, child_path("/fees", required), "required fee is missing");
    return c;
}

inline Catalog Catalog::with_overrides(const std::map<std::string, InstanceTypeOverride>& overrides, const std::string& path) const {
    Catalog out = *this;
    if (!overrides.empty() && !out.sources.count("scenario"))
        out.sources.emplace("scenario", Source{"scenario", "Given in the scenario (instance_types)", "", "", Confidence::high});
    for (const auto& [type_name, o] : overrides) {
        const std::string at = detail::child_path(path, type_name);
        InstanceType t;
        if (const InstanceType* base = find_instance_type(type_name)) {
            t = *base;
        } else {
            t.name = type_name;
            t.family = type_name.substr(0, type_name.find('.'));
            t.arch = "x86_64";
            t.spec_source = "scenario";
            for (auto [key, present] : {std::pair{"vcpu", o.vcpu.has_value()}, std::pair{"memory_gib", o.memory_gib.has_value()},
                                        std::pair{"on_demand_usd_per_hour", o.on_demand.has_value()}})
                if (!present)
                    throw validation_error(errc::missing_key, detail::child_path(at, key),
                                           "required for an instance type that is not in catalog " + name);
        }
        if (o.vcpu || o.memory_gib || o.gpus || o.gpu_model || o.gpu_memory_gib) t.spec_source = "scenario";
        if (o.vcpu) { t.vcpu = *o.vcpu; if (!o.allocatable_vcpu) t.allocatable_vcpu.reset(); }
        if (o.memory_gib) { t.memory_gib = *o.memory_gib; if (!o.allocatable_memory_gib) t.allocatable_memory_gib.reset(); }
        if (o.gpus) t.gpus = *o.gpus;
        if (o.gpu_model) { t.gpu_model = *o.gpu_model; t.gpu_memory_gib = Decimal{}; }  // memory follows the model unless given
        if (o.gpu_memory_gib) t.gpu_memory_gib = *o.gpu_memory_gib;
        if (o.allocatable_vcpu) t.allocatable_vcpu = *o.allocatable_vcpu;
        if (o.allocatable_memory_gib) t.allocatable_memory_gib = *o.allocatable_memory_gib;
        if (o.on_demand) { t.on_demand = *o.on_demand; t.price_source = "scenario"; }
        if (t.has_gpus()) {
            if (t.gpu_model.empty())
                throw validation_error(errc::missing_key, detail::child_path(at, "gpu_model"), "required when gpus > 0");
            if (!gpu_models.count(t.gpu_model))
                throw lookup_error(errc::unknown_gpu_model, detail::child_path(at, "gpu_model"),
                                   "unknown GPU model \"" + t.gpu_model + "\" (not in catalog " + name + ")");
            if (t.gpu_memory_gib.sign() <= 0) t.gpu_memory_gib = gpu_models.at(t.gpu_model).memory_gib;
        }
        if (t.allocatable_vcpu && *t.allocatable_vcpu > t.vcpu)
            throw validation_error(errc::out_of_range, detail::child_path(at, "allocatable_vcpu"), "must be <= vcpu " + t.vcpu.to_string());
        if (t.allocatable_memory_gib && *t.allocatable_memory_gib > t.memory_gib)
            throw validation_error(errc::out_of_range, detail::child_path(at, "allocatable_memory_gib"), "must be <= memory_gib " + t.memory_gib.to_string());
        out.instance_types[type_name] = std::move(t);
    }
    return out;
}

}  // namespace libtco
