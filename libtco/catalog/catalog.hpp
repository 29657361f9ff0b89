#pragma once
// The pricing catalog: instance types, GPU models, orchestration fees, and where every figure came
// from. Catalogs are JSON documents (schema: pricing/catalog.schema.json); one is embedded in the
// library (embedded_catalog.hpp), others can be loaded from files or text.

#include <libtco/core/calendar.hpp>
#include <libtco/catalog/commitment.hpp>
#include <libtco/core/detail/json_reader.hpp>
#include <libtco/core/error.hpp>
#include <libtco/core/limits.hpp>
#include <libtco/core/quantity.hpp>
#include <libtco/core/source.hpp>
#include <libtco/catalog/spot.hpp>

#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace libtco {

// A price per unit of something other than an instance: a cluster-hour, a vCPU-hour, ...
struct Fee {
    std::string id;
    HourlyRate usd;  // per `per` unit-hour
    std::string per;
    std::string source;
    std::string note;
};

// A figure that is a share rather than a price: the Auto Mode fee as a share of on-demand, the
// Fargate Spot discount, ...
struct Share {
    std::string id;
    Fraction value;
    std::optional<Fraction> low;  // a range where the source is weak
    std::optional<Fraction> high;
    std::string source;
    std::string note;
};

// A per-instance fee published for one type (EKS Auto Mode's management fee).
struct PublishedFee {
    HourlyRate usd;
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
    std::optional<SpotFigure> spot;
    std::optional<PublishedFee> eks_auto_mode;
    std::vector<CommitmentOffer> commitments;

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
    std::string valid_until;     // YYYY-MM-DD: the last day its prices held, if known to have changed since
    std::string description;
    std::map<std::string, Source> sources;
    std::string default_spec_source;
    std::string default_price_source;
    std::map<std::string, Fee> fees;
    std::map<std::string, Share> shares;
    std::optional<SpotFigure> spot_generic;
    std::map<std::string, SpotFigure> spot_families;
    std::map<CommitmentKey, CommitmentOffer> commitment_generic;  // empty, or all 18 combinations
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
        if (it == fees.end()) throw lookup_error(errc::missing_figure, "/fees", "catalog " + name + " has no fee \"" + id + "\"");
        return it->second;
    }
    const Share& share(const std::string& id) const {
        const auto it = shares.find(id);
        if (it == shares.end()) throw lookup_error(errc::missing_figure, "/shares", "catalog " + name + " has no share \"" + id + "\"");
        return it->second;
    }
    const Source* find_source(const std::string& id) const {
        const auto it = sources.find(id);
        return it == sources.end() ? nullptr : &it->second;
    }
    // The confidence of a figure citing `source_id` (low for a source the catalog does not list).
    Confidence confidence_of(const std::string& source_id) const {
        const Source* s = find_source(source_id);
        return s ? s->confidence : Confidence::low;
    }

    // The spot price of a type: its own figure, else its family's, else the generic one. None when
    // the type has no on-demand price or the catalog has no spot figures.
    std::optional<SpotQuote> spot_quote(const InstanceType& t) const {
        if (!t.on_demand) return std::nullopt;
        if (t.spot) return quote_spot(*t.spot, *t.on_demand, FigureBasis::instance_type);
        if (const auto it = spot_families.find(t.family); it != spot_families.end())
            return quote_spot(it->second, *t.on_demand, FigureBasis::family);
        if (spot_generic) return quote_spot(*spot_generic, *t.on_demand, FigureBasis::generic);
        return std::nullopt;
    }

    // A commitment rate for a type: its own entry, else the generic discount.
    std::optional<CommitmentQuote> commitment_quote(const InstanceType& t, const CommitmentKey& key) const {
        if (!t.on_demand) return std::nullopt;
        for (const CommitmentOffer& offer : t.commitments)
            if (offer.key == key) return quote_commitment(offer, *t.on_demand, FigureBasis::instance_type);
        if (const auto it = commitment_generic.find(key); it != commitment_generic.end())
            return quote_commitment(it->second, *t.on_demand, FigureBasis::generic);
        return std::nullopt;
    }

    // The EKS Auto Mode fee of a type: its published fee, else `share_id` of its on-demand price.
    std::optional<PublishedFee> eks_auto_mode_fee(const InstanceType& t, const std::string& share_id = "eks_auto_mode_fee") const {
        if (t.eks_auto_mode) return t.eks_auto_mode;
        if (!t.on_demand) return std::nullopt;
        const Share& s = share(share_id);
        return PublishedFee{*t.on_demand * s.value, s.source, s.value.to_string() + " x on-demand"};
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

inline void require_source(const Catalog& c, const std::string& id, const std::string& path) {
    if (!c.find_source(id)) throw lookup_error(errc::unknown_source, path, "unknown source \"" + id + "\" (not under /sources)");
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

inline Share read_share(const std::string& id, const json& v, const std::string& path) {
    ObjectReader r(v, path);
    Share s;
    s.id = id;
    s.value = Fraction(read_unit_interval(r, "value"));
    if (r.has("low")) s.low = Fraction(require_at_most(read_unit_interval(r, "low"), s.value.value(), r.path_of("low")));
    if (r.has("high")) {
        s.high = Fraction(read_unit_interval(r, "high"));
        if (*s.high < s.value) throw validation_error(errc::inconsistent, r.path_of("high"), "must be >= value " + s.value.to_string());
    }
    s.source = r.string("source");
    s.note = r.optional_string("note").value_or("");
    r.finish();
    return s;
}

inline PublishedFee read_published_fee(const json& v, const std::string& path) {
    ObjectReader r(v, path);
    PublishedFee f;
    f.usd = HourlyRate(require_non_negative(r.decimal("usd_per_hour"), r.path_of("usd_per_hour")));
    f.source = r.string("source");
    f.note = r.optional_string("note").value_or("");
    r.finish();
    return f;
}

inline void read_spot_section(const json& v, Catalog& c) {
    ObjectReader r(v, "/spot");
    if (r.has("generic")) {
        c.spot_generic = read_spot_figure(r.at("generic"), "/spot/generic", false);
        require_source(c, c.spot_generic->source, "/spot/generic/source");
    }
    if (const json* families = r.find("families")) {
        ObjectReader fr(*families, "/spot/families");
        for (const auto& [family, f] : families->items()) {
            fr.allow(family);
            const std::string at = child_path("/spot/families", family);
            SpotFigure figure = read_spot_figure(f, at, false);
            require_source(c, figure.source, child_path(at, "source"));
            c.spot_families.emplace(family, std::move(figure));
        }
    }
    r.finish();
}

// commitments.generic.<plan>.<term>.<payment> = {discount, source, note?}, all 18 given.
inline void read_commitments_section(const json& v, Catalog& c) {
    ObjectReader r(v, "/commitments");
    const json& generic = r.at("generic");
    r.finish();
    ObjectReader plans(generic, "/commitments/generic");
    for (std::size_t p = 0; p < commitment_plan_names.size(); ++p) {
        const std::string plan(commitment_plan_names[p]);
        ObjectReader terms(plans.at(plan), plans.path_of(plan));
        for (std::size_t t = 0; t < commitment_term_names.size(); ++t) {
            const std::string term(commitment_term_names[t]);
            ObjectReader payments(terms.at(term), terms.path_of(term));
            for (std::size_t u = 0; u < upfront_payment_names.size(); ++u) {
                const std::string payment(upfront_payment_names[u]);
                ObjectReader entry(payments.at(payment), payments.path_of(payment));
                const CommitmentKey key{static_cast<CommitmentPlan>(p), static_cast<CommitmentTerm>(t), static_cast<UpfrontPayment>(u)};
                CommitmentOffer offer = read_commitment_terms(entry, key, false);
                require_source(c, offer.source, entry.path_of("source"));
                c.commitment_generic.emplace(key, std::move(offer));
            }
            payments.finish();
        }
        terms.finish();
    }
    plans.finish();
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
    if (const json* spot = r.find("spot")) {
        t.spot = read_spot_figure(*spot, r.path_of("spot"), true);
        require_source(c, t.spot->source, child_path(r.path_of("spot"), "source"));
    }
    if (const json* fee = r.find("eks_auto_mode")) {
        t.eks_auto_mode = read_published_fee(*fee, r.path_of("eks_auto_mode"));
        require_source(c, t.eks_auto_mode->source, child_path(r.path_of("eks_auto_mode"), "source"));
    }
    if (const json* commitments = r.find("commitments")) {
        const std::string at = r.path_of("commitments");
        require_array(*commitments, at);
        for (std::size_t i = 0; i < commitments->size(); ++i) {
            CommitmentOffer offer = read_type_commitment((*commitments)[i], child_path(at, i));
            for (const CommitmentOffer& earlier : t.commitments)
                if (earlier.key == offer.key)
                    throw validation_error(errc::duplicate_name, child_path(at, i), to_string(offer.key) + " is given twice");
            require_source(c, offer.source, child_path(child_path(at, i), "source"));
            t.commitments.push_back(std::move(offer));
        }
    }
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
    const date::year_month_day effective = parse_iso_date(c.effective_date, "/effective_date");
    if (auto until = r.optional_string("valid_until")) {
        if (parse_iso_date(*until, "/valid_until") < effective)
            throw validation_error(errc::inconsistent, "/valid_until", "must not be before effective_date " + c.effective_date + ", got " + *until);
        c.valid_until = *until;
    }
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

    if (const json* shares = r.find("shares")) {
        ObjectReader shr(*shares, "/shares");
        for (const auto& [id, v] : shares->items()) {
            shr.allow(id);
            Share sh = read_share(id, v, child_path("/shares", id));
            require_source(c, sh.source, child_path(child_path("/shares", id), "source"));
            c.shares.emplace(id, std::move(sh));
        }
    }
    if (const json* spot = r.find("spot")) read_spot_section(*spot, c);
    if (const json* commitments = r.find("commitments")) read_commitments_section(*commitments, c);

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
    require_at_most_entries(types, limits::max_catalog_instance_types, "instance types", "/instance_types");
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

// ---------------------------------------------------------------------------------------------
// Writing a catalog back to JSON: every field, defaults made explicit (family, arch, sources),
// stable key order, exact decimals as strings. Catalog::from_json(to_json(c)) reads back c.
namespace detail {

inline void put_optional(nlohmann::ordered_json& j, const char* key, const std::string& text) {
    if (!text.empty()) j[key] = text;
}

inline nlohmann::ordered_json figure_json(const SpotFigure& f) {
    nlohmann::ordered_json j;
    if (f.price) j["usd_per_hour"] = f.price->to_string();
    if (f.savings) j["savings"] = f.savings->to_string();
    if (f.savings_low) j["low"] = f.savings_low->to_string();
    if (f.savings_high) j["high"] = f.savings_high->to_string();
    if (f.interruption) j["interruption"] = to_string(*f.interruption);
    j["source"] = f.source;
    put_optional(j, "note", f.note);
    return j;
}

inline void put_commitment_terms(nlohmann::ordered_json& j, const CommitmentOffer& o) {
    if (o.discount) {
        j["discount"] = o.discount->to_string();
    } else {
        j["usd_per_hour"] = o.recurring->to_string();
        if (o.upfront.value().sign() > 0) j["upfront_usd"] = o.upfront.to_string();
    }
    j["source"] = o.source;
    put_optional(j, "note", o.note);
}

inline nlohmann::ordered_json figure_json(const CommitmentOffer& o) {
    nlohmann::ordered_json j{{"plan", to_string(o.key.plan)}, {"term", to_string(o.key.term)}, {"payment", to_string(o.key.payment)}};
    put_commitment_terms(j, o);
    return j;
}

}  // namespace detail

inline nlohmann::ordered_json to_json(const GpuModel& g) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["vendor"] = g.vendor;
    j["memory_gib"] = g.memory_gib.to_string();
    if (g.mig) {
        ordered_json profiles = ordered_json::array();
        for (const MigProfile& p : g.mig->profiles)
            profiles.push_back(ordered_json{{"name", p.name}, {"compute_slices", p.compute_slices}, {"memory_gib", p.memory_gib.to_string()},
                                            {"max_per_gpu", p.max_per_gpu}, {"size", p.size}, {"starts", p.starts}});
        j["mig"] = ordered_json{{"max_instances", g.mig->max_instances}, {"profiles", std::move(profiles)}};
    } else {
        j["mig"] = nullptr;
    }
    j["time_slicing"] = g.time_slicing;
    j["mps"] = g.mps;
    j["source"] = g.source;
    return j;
}

inline nlohmann::ordered_json to_json(const InstanceType& t) {
    nlohmann::ordered_json j;
    j["family"] = t.family;
    j["arch"] = t.arch;
    j["vcpu"] = t.vcpu.to_string();
    j["memory_gib"] = t.memory_gib.to_string();
    if (t.has_gpus()) {
        j["gpus"] = t.gpus.to_string();
        j["gpu_model"] = t.gpu_model;
        j["gpu_memory_gib"] = t.gpu_memory_gib.to_string();
    }
    if (t.allocatable_vcpu) j["allocatable_vcpu"] = t.allocatable_vcpu->to_string();
    if (t.allocatable_memory_gib) j["allocatable_memory_gib"] = t.allocatable_memory_gib->to_string();
    if (t.max_pods) j["max_pods"] = *t.max_pods;
    if (t.on_demand) j["on_demand_usd_per_hour"] = t.on_demand->to_string();
    j["spec_source"] = t.spec_source;
    if (t.on_demand) j["price_source"] = t.price_source;
    if (t.spot) j["spot"] = detail::figure_json(*t.spot);
    if (t.eks_auto_mode) {
        nlohmann::ordered_json fee{{"usd_per_hour", t.eks_auto_mode->usd.to_string()}, {"source", t.eks_auto_mode->source}};
        detail::put_optional(fee, "note", t.eks_auto_mode->note);
        j["eks_auto_mode"] = std::move(fee);
    }
    if (!t.commitments.empty()) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const CommitmentOffer& o : t.commitments) list.push_back(detail::figure_json(o));
        j["commitments"] = std::move(list);
    }
    return j;
}

inline nlohmann::ordered_json to_json(const Catalog& c) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["schema_version"] = Catalog::schema_version;
    j["name"] = c.name;
    j["region"] = c.region;
    j["currency"] = c.currency;
    j["effective_date"] = c.effective_date;
    if (!c.valid_until.empty()) j["valid_until"] = c.valid_until;
    if (!c.description.empty()) j["description"] = c.description;
    ordered_json sources = ordered_json::object();
    for (const auto& [id, s] : c.sources) {
        ordered_json sj;
        sj["title"] = s.title;
        detail::put_optional(sj, "url", s.url);
        sj["retrieved"] = s.retrieved;
        sj["confidence"] = to_string(s.confidence);
        sources[id] = std::move(sj);
    }
    j["sources"] = std::move(sources);
    j["default_sources"] = ordered_json{{"specs", c.default_spec_source}, {"on_demand", c.default_price_source}};
    ordered_json fees = ordered_json::object();
    for (const auto& [id, f] : c.fees) {
        ordered_json fj{{"usd", f.usd.to_string()}, {"per", f.per}, {"source", f.source}};
        detail::put_optional(fj, "note", f.note);
        fees[id] = std::move(fj);
    }
    j["fees"] = std::move(fees);
    if (!c.shares.empty()) {
        ordered_json shares = ordered_json::object();
        for (const auto& [id, s] : c.shares) {
            ordered_json sj{{"value", s.value.to_string()}};
            if (s.low) sj["low"] = s.low->to_string();
            if (s.high) sj["high"] = s.high->to_string();
            sj["source"] = s.source;
            detail::put_optional(sj, "note", s.note);
            shares[id] = std::move(sj);
        }
        j["shares"] = std::move(shares);
    }
    if (c.spot_generic || !c.spot_families.empty()) {
        ordered_json spot = ordered_json::object();
        if (c.spot_generic) spot["generic"] = detail::figure_json(*c.spot_generic);
        if (!c.spot_families.empty()) {
            ordered_json families = ordered_json::object();
            for (const auto& [family, f] : c.spot_families) families[family] = detail::figure_json(f);
            spot["families"] = std::move(families);
        }
        j["spot"] = std::move(spot);
    }
    if (!c.commitment_generic.empty()) {
        ordered_json generic = ordered_json::object();
        for (const auto& [key, offer] : c.commitment_generic) {
            ordered_json entry;
            detail::put_commitment_terms(entry, offer);
            generic[to_string(key.plan)][to_string(key.term)][to_string(key.payment)] = std::move(entry);
        }
        j["commitments"] = ordered_json{{"generic", std::move(generic)}};
    }
    ordered_json models = ordered_json::object();
    for (const auto& [id, g] : c.gpu_models) models[id] = to_json(g);
    j["gpu_models"] = std::move(models);
    ordered_json types = ordered_json::object();
    for (const auto& [name, t] : c.instance_types) types[name] = to_json(t);
    j["instance_types"] = std::move(types);
    return j;
}

}  // namespace libtco
