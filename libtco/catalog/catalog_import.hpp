#pragma once
// Refreshing a catalog from the files AWS itself publishes:
//  - the Price List bulk offer file for EC2 (offerCode "AmazonEC2"): on-demand prices and standard
//    Reserved Instance prices of the Linux, shared-tenancy instance types of one region;
//  - the Spot Instance Advisor data file: each type's savings against on-demand and its
//    interruption-frequency bucket.
// Specs, allocatable resources, GPU models and fees stay the base catalog's; every figure the import
// changes cites one new source. AWS adds fields to these files over time: keys the import does not
// read are ignored, but every value it does read is checked and a bad one is reported with its JSON
// pointer.

#include <libtco/core/calendar.hpp>
#include <libtco/catalog/catalog.hpp>
#include <libtco/catalog/commitment.hpp>
#include <libtco/core/detail/json_reader.hpp>
#include <libtco/catalog/detail/offer_stream.hpp>
#include <libtco/core/error.hpp>
#include <libtco/core/quantity.hpp>
#include <libtco/core/source.hpp>
#include <libtco/catalog/spot.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace libtco {

// What an import did, by instance type (each list in name order).
struct ImportSummary {
    std::vector<std::string> updated;                          // types of the base catalog given new figures
    std::vector<std::string> added;                            // types the base catalog did not have
    std::vector<std::pair<std::string, std::string>> skipped;  // type, reason
};

struct ImportResult {
    Catalog catalog;
    ImportSummary summary;
};

// Empty fields take defaults: region the base's (another region is an error: the specs come from
// the base); name the base's; effective_date the offer file's publication date (the base's for the
// Spot Advisor); retrieved the effective date.
struct ImportOptions {
    std::string region;
    std::string name;
    std::string effective_date;  // YYYY-MM-DD
    std::string retrieved;       // YYYY-MM-DD
};

inline constexpr std::string_view spot_advisor_url = "https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json";

inline std::string price_list_url(const std::string& region) {
    return "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/" + region + "/index.json";
}

namespace detail {

// An object of an AWS file: required keys must be there, other keys are ignored.
class LenientObject {
public:
    LenientObject(const json& object, std::string path) : object_(object), path_(std::move(path)) {
        if (!object_.is_object()) throw type_error(path_, "an object", object_);
    }

    const json& value() const noexcept { return object_; }
    const std::string& path() const noexcept { return path_; }
    std::string path_of(std::string_view key) const { return child_path(path_, key); }

    const json& at(const std::string& key) const {
        const auto it = object_.find(key);
        if (it == object_.end()) throw validation_error(errc::missing_key, path_of(key), "required key is missing");
        return *it;
    }
    const json* find(const std::string& key) const {
        const auto it = object_.find(key);
        return it == object_.end() ? nullptr : &*it;
    }
    std::string string(const std::string& key) const { return read_string(at(key), path_of(key)); }
    std::optional<std::string> optional_string(const std::string& key) const {
        const json* v = find(key);
        return v ? std::optional<std::string>(read_string(*v, path_of(key))) : std::nullopt;
    }
    LenientObject object(const std::string& key) const { return LenientObject(at(key), path_of(key)); }

private:
    const json& object_;
    std::string path_;
};

inline std::string quoted(const std::string& s) { return "\"" + s + "\""; }

inline void check_option_date(const std::string& text, const char* option) {
    try {
        (void)parse_iso_date(text);
    } catch (const validation_error& e) {
        throw validation_error(errc::bad_format, "", std::string("option ") + option + ": " + e.detail());
    }
}

// The region imported: the base catalog's, since the specs and allocatable resources come from it.
inline std::string import_region(const Catalog& base, const ImportOptions& options) {
    if (options.region.empty() || options.region == base.region) return base.region;
    throw lookup_error(errc::region_mismatch, "",
                       "cannot import region " + quoted(options.region) + " into catalog " + base.name + " of region " +
                           quoted(base.region) + " (the specs come from the base catalog: use a base catalog of that region)");
}

// The base catalog renamed and redated, citing `source` (which replaces a source of the same id).
inline Catalog imported_copy(const Catalog& base, const ImportOptions& options, const std::string& effective_date, const Source& source) {
    Catalog c = base;
    if (!options.name.empty()) c.name = options.name;
    c.effective_date = effective_date;
    c.description += (c.description.empty() ? "" : " ") + std::string("Updated from: ") + source.title + ".";
    c.sources.insert_or_assign(source.id, source);
    return c;
}

inline Source imported_source(std::string id, std::string title, std::string url, const std::string& effective_date, const ImportOptions& options) {
    if (!options.retrieved.empty()) check_option_date(options.retrieved, "retrieved");
    return Source{std::move(id), std::move(title), std::move(url), options.retrieved.empty() ? effective_date : options.retrieved,
                  Confidence::high};
}

// ---------------------------------------------------------------------------------------------
// The Price List bulk offer file.

inline constexpr std::string_view gpu_type_not_in_base = "GPU type not in the base catalog: add its GPU model and specs with an overlay";
inline constexpr std::string_view no_price_in_offer = "no on-demand or standard Reserved Instance price in the offer file";
inline constexpr std::string_view no_on_demand_in_offer = "no on-demand price in the offer file";

struct OfferHeader {
    std::string version;
    std::string publication_date;  // "2026-07-20T18:22:41Z"
};

// A product the import keeps: a Linux, shared-tenancy compute instance of the region.
struct OfferProduct {
    std::string sku;
    std::string instance_type;
    const json* attributes = nullptr;
    std::string attributes_path;
};

struct OfferPrices {
    std::optional<HourlyRate> on_demand;
    std::vector<CommitmentOffer> reserved;
};

struct PriceDimension {
    std::string unit;
    Decimal usd;
    std::string path;
};

inline OfferHeader read_offer_header(const LenientObject& doc) {
    const std::string format_version = doc.string("formatVersion");
    if (format_version != "v1.0")
        throw validation_error(errc::bad_format, "/formatVersion", "expected \"v1.0\", got " + quoted(format_version));
    const std::string offer_code = doc.string("offerCode");
    if (offer_code != "AmazonEC2")
        throw validation_error(errc::bad_format, "/offerCode",
                               "expected \"AmazonEC2\" (the EC2 offer file), got " + quoted(offer_code));
    return OfferHeader{doc.string("version"), doc.string("publicationDate")};
}

// The date part of the publication timestamp "2026-07-20T18:22:41Z".
inline std::string publication_day(const std::string& timestamp) {
    const auto bad = [&] {
        return validation_error(errc::bad_format, "/publicationDate",
                                "expected an ISO timestamp such as \"2026-07-20T18:22:41Z\", got " + quoted(timestamp));
    };
    if (timestamp.size() < 10 || (timestamp.size() > 10 && timestamp[10] != 'T')) throw bad();
    const std::string day = timestamp.substr(0, 10);
    try {
        (void)parse_iso_date(day);
    } catch (const validation_error&) {
        throw bad();
    }
    return day;
}

inline std::optional<OfferProduct> read_kept_product(const std::string& sku, const json& product, const std::string& path,
                                                     const std::string& region) {
    const LenientObject p(product, path);
    if (p.optional_string("productFamily").value_or("") != "Compute Instance") return std::nullopt;
    const LenientObject a = p.object("attributes");
    const bool kept = a.string("regionCode") == region && a.string("operatingSystem") == "Linux" && a.string("tenancy") == "Shared" &&
                      a.string("preInstalledSw") == "NA" && a.optional_string("capacitystatus").value_or("Used") == "Used" &&
                      a.optional_string("licenseModel").value_or("No License required") == "No License required";
    if (!kept) return std::nullopt;
    return OfferProduct{sku, a.string("instanceType"), &a.value(), a.path()};
}

// The kept products by instance type; two for one type are an error.
inline std::map<std::string, OfferProduct> read_kept_products(const LenientObject& doc, const std::string& region) {
    const LenientObject products = doc.object("products");
    std::map<std::string, OfferProduct> out;
    for (const auto& [sku, product] : products.value().items()) {
        const std::string path = products.path_of(sku);
        std::optional<OfferProduct> kept = read_kept_product(sku, product, path, region);
        if (!kept) continue;
        const auto [it, inserted] = out.emplace(kept->instance_type, *kept);
        if (!inserted)
            throw validation_error(errc::inconsistent, path,
                                   "a second Linux shared-tenancy product for " + it->first + " (the first is " +
                                       products.path_of(it->second.sku) + ")");
    }
    if (out.empty())
        throw validation_error(errc::out_of_range, "/products",
                               "no Linux shared-tenancy compute products for region " + quoted(region) + " in the offer file");
    return out;
}

inline PriceDimension read_price_dimension(const json& v, const std::string& path) {
    const LenientObject d(v, path);
    const LenientObject price = d.object("pricePerUnit");
    const Decimal usd = read_decimal(price.at("USD"), price.path_of("USD"));
    return PriceDimension{d.string("unit"), require_non_negative(usd, price.path_of("USD")), path};
}

inline std::vector<PriceDimension> read_price_dimensions(const LenientObject& term) {
    const LenientObject dims = term.object("priceDimensions");
    if (dims.value().empty()) throw validation_error(errc::missing_key, dims.path(), "no price dimension");
    std::vector<PriceDimension> out;
    for (const auto& [rate_code, dim] : dims.value().items()) out.push_back(read_price_dimension(dim, dims.path_of(rate_code)));
    return out;
}

inline validation_error unexpected_unit(const PriceDimension& d, const std::string& expected) {
    return validation_error(errc::bad_format, child_path(d.path, "unit"), "expected " + expected + ", got " + quoted(d.unit));
}

// terms.OnDemand.<sku>: exactly one price dimension, per hour.
inline std::optional<HourlyRate> read_on_demand_price(const LenientObject& on_demand, const std::string& sku) {
    const json* sku_terms = on_demand.find(sku);
    if (!sku_terms) return std::nullopt;
    const LenientObject terms(*sku_terms, on_demand.path_of(sku));
    std::optional<PriceDimension> hourly;
    for (const auto& [term_code, term] : terms.value().items()) {
        for (const PriceDimension& d : read_price_dimensions(LenientObject(term, terms.path_of(term_code)))) {
            if (d.unit != "Hrs") throw unexpected_unit(d, "\"Hrs\" for an on-demand price");
            if (hourly) throw validation_error(errc::inconsistent, d.path, "a second on-demand hourly price (the first is " + hourly->path + ")");
            hourly = d;
        }
    }
    return hourly ? std::optional<HourlyRate>(HourlyRate(hourly->usd)) : std::nullopt;
}

template <class Enum, std::size_t N>
Enum read_term_attribute(const LenientObject& attributes, const std::string& key, const std::array<std::string_view, N>& aws_names) {
    const std::string value = attributes.string(key);
    for (std::size_t i = 0; i < N; ++i)
        if (aws_names[i] == value) return static_cast<Enum>(i);
    std::string expected;
    for (std::size_t i = 0; i < N; ++i) expected += (i ? ", " : "") + quoted(std::string(aws_names[i]));
    throw validation_error(errc::bad_format, attributes.path_of(key), "expected one of " + expected + ", got " + quoted(value));
}

// AWS's names, in the order of libtco's CommitmentTerm and UpfrontPayment.
inline constexpr std::array<std::string_view, 2> aws_lease_lengths = {"1yr", "3yr"};
inline constexpr std::array<std::string_view, 3> aws_purchase_options = {"No Upfront", "Partial Upfront", "All Upfront"};
inline constexpr std::array<std::string_view, 2> aws_offering_classes = {"standard", "convertible"};

// One Reserved term as a CommitmentOffer; none for a convertible RI.
inline std::optional<CommitmentOffer> read_reserved_term(const LenientObject& term, const std::string& source_id) {
    const LenientObject attributes = term.object("termAttributes");
    if (read_term_attribute<int>(attributes, "OfferingClass", aws_offering_classes) != 0) return std::nullopt;
    CommitmentOffer offer;
    offer.key.plan = CommitmentPlan::reserved_instance;
    offer.key.term = read_term_attribute<CommitmentTerm>(attributes, "LeaseContractLength", aws_lease_lengths);
    offer.key.payment = read_term_attribute<UpfrontPayment>(attributes, "PurchaseOption", aws_purchase_options);
    std::optional<PriceDimension> hourly;
    std::optional<PriceDimension> upfront;
    for (const PriceDimension& d : read_price_dimensions(term)) {
        if (d.unit != "Hrs" && d.unit != "Quantity") throw unexpected_unit(d, "\"Hrs\" or \"Quantity\"");
        std::optional<PriceDimension>& slot = d.unit == "Hrs" ? hourly : upfront;
        if (slot) throw validation_error(errc::inconsistent, d.path, "a second price with unit " + quoted(d.unit) + " (the first is " + slot->path + ")");
        slot = d;
    }
    const std::string dims_path = term.path_of("priceDimensions");
    if (!hourly && offer.key.payment != UpfrontPayment::all)
        throw validation_error(errc::missing_key, dims_path, "no hourly price (unit \"Hrs\") for a " + attributes.string("PurchaseOption") + " RI");
    if (!upfront && offer.key.payment != UpfrontPayment::none)
        throw validation_error(errc::missing_key, dims_path, "no upfront fee (unit \"Quantity\") for a " + attributes.string("PurchaseOption") + " RI");
    if (upfront && offer.key.payment == UpfrontPayment::none && upfront->usd.sign() > 0)
        throw validation_error(errc::inconsistent, child_path(child_path(upfront->path, "pricePerUnit"), "USD"), "a No Upfront RI with an upfront fee");
    offer.recurring = HourlyRate(hourly ? hourly->usd : Decimal{});
    offer.upfront = Money(upfront ? upfront->usd : Decimal{});
    offer.source = source_id;
    return offer;
}

// terms.Reserved.<sku>: the standard RIs, one per term and payment option.
inline std::vector<CommitmentOffer> read_reserved_prices(const LenientObject* reserved, const std::string& sku, const std::string& source_id) {
    std::vector<CommitmentOffer> out;
    const json* sku_terms = reserved ? reserved->find(sku) : nullptr;
    if (!sku_terms) return out;
    const LenientObject terms(*sku_terms, reserved->path_of(sku));
    for (const auto& [term_code, term] : terms.value().items()) {
        const std::string path = terms.path_of(term_code);
        std::optional<CommitmentOffer> offer = read_reserved_term(LenientObject(term, path), source_id);
        if (!offer) continue;
        for (const CommitmentOffer& earlier : out)
            if (earlier.key == offer->key) throw validation_error(errc::inconsistent, path, "a second " + to_string(offer->key) + " offer for SKU " + sku);
        out.push_back(std::move(*offer));
    }
    return out;
}

// Keeps in `object` (if it is one) only the members named.
inline void keep_members(json& object, std::initializer_list<std::string_view> names) {
    if (!object.is_object()) return;
    for (auto it = object.begin(); it != object.end();) {
        if (std::find(names.begin(), names.end(), it.key()) == names.end()) it = object.erase(it);
        else ++it;
    }
}

inline bool is_convertible_ri(const json& term) {
    const auto attributes = term.find("termAttributes");
    return attributes != term.end() && attributes->is_object() && attributes->value("OfferingClass", json()) == "convertible";
}

// Drops from terms.<kind>.<sku> what the readers above never read: a term's rate codes, descriptions,
// ranges and dates, and the prices of a convertible RI. A streamed file's kept terms then take a
// fraction of the memory.
inline void drop_unread_term_members(const std::string& kind, json& sku_terms) {
    if (!sku_terms.is_object()) return;
    for (auto& [term_code, term] : sku_terms.items()) {
        if (!term.is_object()) continue;
        if (kind == "Reserved" && is_convertible_ri(term)) keep_members(term, {"termAttributes"});
        else keep_members(term, {"priceDimensions", "termAttributes"});
        const auto dimensions = term.find("priceDimensions");
        if (dimensions == term.end() || !dimensions->is_object()) continue;
        for (auto& [rate_code, dimension] : dimensions->items()) keep_members(dimension, {"unit", "pricePerUnit"});
    }
}

// "16 GiB", "0.5 GiB", "1,952 GiB".
inline Decimal parse_memory_gib(const std::string& text, const std::string& path) {
    const auto bad = [&] { return validation_error(errc::bad_format, path, "expected memory such as \"16 GiB\", got " + quoted(text)); };
    constexpr std::string_view unit = " GiB";
    if (!text.ends_with(unit)) throw bad();
    std::string number = text.substr(0, text.size() - unit.size());
    for (std::size_t comma = number.find(','); comma != std::string::npos; comma = number.find(',')) {
        const std::size_t group_end = number.find_first_of(",.", comma + 1);
        if (comma == 0 || (group_end == std::string::npos ? number.size() : group_end) - comma != 4) throw bad();
        number.erase(comma, 1);
    }
    try {
        return require_positive(Decimal::parse(number), path);
    } catch (const validation_error&) {
        throw bad();
    }
}

inline Decimal read_whole_attribute(const LenientObject& attributes, const std::string& key) {
    const Decimal d = read_decimal(attributes.at(key), attributes.path_of(key));
    if (!d.is_whole()) throw validation_error(errc::not_whole, attributes.path_of(key), "expected a whole number, got " + d.to_string());
    return d;
}

// The attribute "gpu" is absent (or "0") for CPU-only types.
inline bool offers_gpus(const OfferProduct& product) {
    const LenientObject a(*product.attributes, product.attributes_path);
    const json* gpu = a.find("gpu");
    return gpu && read_decimal(*gpu, a.path_of("gpu")).sign() > 0;
}

// A CPU-only type the base catalog does not have, specified by the offer file alone.
inline InstanceType offer_instance_type(const OfferProduct& product, const HourlyRate& on_demand, const std::string& source_id) {
    const LenientObject a(*product.attributes, product.attributes_path);
    InstanceType t;
    t.name = product.instance_type;
    t.family = t.name.substr(0, t.name.find('.'));
    t.arch = a.optional_string("physicalProcessor").value_or("").find("Graviton") != std::string::npos ? "arm64" : "x86_64";
    t.vcpu = require_positive(read_whole_attribute(a, "vcpu"), a.path_of("vcpu"));
    t.memory_gib = parse_memory_gib(a.string("memory"), a.path_of("memory"));
    t.on_demand = on_demand;
    t.spec_source = source_id;
    t.price_source = source_id;
    return t;
}

inline void put_commitment(InstanceType& t, const CommitmentOffer& offer) {
    for (CommitmentOffer& existing : t.commitments)
        if (existing.key == offer.key) { existing = offer; return; }
    t.commitments.push_back(offer);
}

// Applies the prices of one kept product to the catalog and records what happened.
inline void apply_offer_product(Catalog& c, ImportSummary& summary, const OfferProduct& product, const LenientObject& terms,
                                const std::string& source_id) {
    const std::string& name = product.instance_type;
    InstanceType* existing = c.instance_types.count(name) ? &c.instance_types.at(name) : nullptr;
    if (!existing && offers_gpus(product)) { summary.skipped.emplace_back(name, gpu_type_not_in_base); return; }

    const std::optional<LenientObject> reserved =
        terms.find("Reserved") ? std::optional<LenientObject>(terms.object("Reserved")) : std::nullopt;
    OfferPrices prices{read_on_demand_price(terms.object("OnDemand"), product.sku),
                       read_reserved_prices(reserved ? &*reserved : nullptr, product.sku, source_id)};
    if (existing) {
        if (!prices.on_demand && prices.reserved.empty()) { summary.skipped.emplace_back(name, no_price_in_offer); return; }
        if (prices.on_demand) { existing->on_demand = prices.on_demand; existing->price_source = source_id; }
        for (const CommitmentOffer& offer : prices.reserved) put_commitment(*existing, offer);
        summary.updated.push_back(name);
        return;
    }
    if (!prices.on_demand) { summary.skipped.emplace_back(name, no_on_demand_in_offer); return; }
    InstanceType added = offer_instance_type(product, *prices.on_demand, source_id);
    added.commitments = std::move(prices.reserved);
    c.instance_types.emplace(name, std::move(added));
    summary.added.push_back(name);
}

// What the import reads of the offer file, for streaming it (see detail/offer_stream.hpp).
inline OfferReading offer_reading(const std::string& region) {
    return OfferReading{[region](const std::string& sku, const json& product, const std::string& path) {
                            return read_kept_product(sku, product, path, region).has_value();
                        },
                        drop_unread_term_members};
}

// The import proper, from the offer file's document or its extract (see detail/offer_stream.hpp):
// they give the same result, since the extract keeps all that this reads.
inline ImportResult import_offer_document(const json& document, const std::string& region, const Catalog& base,
                                          const ImportOptions& options) {
    const LenientObject doc(document, "");
    const OfferHeader header = read_offer_header(doc);
    const std::string day = publication_day(header.publication_date);
    if (!options.effective_date.empty()) check_option_date(options.effective_date, "effective_date");
    const std::string effective_date = options.effective_date.empty() ? day : options.effective_date;

    const std::map<std::string, OfferProduct> products = read_kept_products(doc, region);
    const LenientObject terms = doc.object("terms");
    const Source source = imported_source("aws-price-list-" + effective_date,
                                          "AWS Price List bulk offer file AmazonEC2 version " + header.version + ", published " +
                                              header.publication_date + ", " + region,
                                          price_list_url(region), effective_date, options);
    ImportResult result{imported_copy(base, options, effective_date, source), {}};
    for (const auto& [type_name, product] : products) apply_offer_product(result.catalog, result.summary, product, terms, source.id);
    return result;
}

// ---------------------------------------------------------------------------------------------
// The Spot Instance Advisor data file.

inline constexpr std::string_view not_in_base = "not in the base catalog";

// ranges[i] = {index, label, dots, max}: the interruption bucket of each index.
inline std::map<std::int64_t, InterruptionBucket> read_advisor_ranges(const LenientObject& doc) {
    const json& ranges = doc.at("ranges");
    require_array(ranges, "/ranges");
    std::map<std::int64_t, InterruptionBucket> out;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        const LenientObject range(ranges[i], child_path("/ranges", i));
        const std::int64_t index = read_integer(range.at("index"), range.path_of("index"));
        const InterruptionBucket bucket = read_interruption(range.at("label"), range.path_of("label"));
        if (!out.emplace(index, bucket).second)
            throw validation_error(errc::inconsistent, range.path_of("index"), "index " + std::to_string(index) + " is given twice");
    }
    return out;
}

inline SpotFigure read_advisor_entry(const json& v, const std::string& path, const std::map<std::int64_t, InterruptionBucket>& ranges,
                                     const std::string& source_id) {
    const LenientObject entry(v, path);
    const std::int64_t savings_percent = require_in(read_integer(entry.at("s"), entry.path_of("s")), 0, 100, entry.path_of("s"));
    const std::int64_t range = read_integer(entry.at("r"), entry.path_of("r"));
    const auto bucket = ranges.find(range);
    if (bucket == ranges.end())
        throw validation_error(errc::out_of_range, entry.path_of("r"), "no range with index " + std::to_string(range) + " under /ranges");
    SpotFigure f;
    f.savings = Fraction(Decimal(savings_percent) / Decimal(100));
    f.interruption = bucket->second;
    f.source = source_id;
    return f;
}

inline LenientObject advisor_linux_types(const LenientObject& doc, const std::string& region) {
    const LenientObject regions = doc.object("spot_advisor");
    if (!regions.find(region))
        throw lookup_error(errc::region_mismatch, "/spot_advisor", "no Spot Advisor data for region " + quoted(region) + " in the file");
    return regions.object(region).object("Linux");
}

}  // namespace detail

// Refreshes `base` from the AWS Price List bulk offer file for EC2 (its JSON text): on-demand and
// standard Reserved Instance prices of the types found replace the base's; CPU-only types the base
// lacks are added with the file's specs; GPU types it lacks are skipped (their GPU model is unknown).
// The file is streamed: only the products kept and their terms are held in memory.
inline ImportResult import_offer_file(std::string_view offer_json, const Catalog& base, const ImportOptions& options) {
    using namespace detail;
    const std::string region = import_region(base, options);
    const json extract = read_offer_extract(offer_json, offer_reading(region));
    return import_offer_document(extract, region, base, options);
}

// Refreshes `base` from the Spot Instance Advisor data file (its JSON text): each base type listed for
// the region's Linux gets the Advisor's savings and interruption bucket as its own spot figure.
inline ImportResult import_spot_advisor(std::string_view advisor_json, const Catalog& base, const ImportOptions& options) {
    using namespace detail;
    const std::string region = import_region(base, options);
    if (!options.effective_date.empty()) check_option_date(options.effective_date, "effective_date");
    const std::string effective_date = options.effective_date.empty() ? base.effective_date : options.effective_date;
    const json document = parse_exact(advisor_json);
    const LenientObject doc(document, "");
    const std::map<std::int64_t, InterruptionBucket> ranges = read_advisor_ranges(doc);
    const LenientObject linux_types = advisor_linux_types(doc, region);

    const Source source = imported_source("aws-spot-advisor-" + effective_date, "AWS Spot Instance Advisor data, " + region + " Linux",
                                          std::string(spot_advisor_url), effective_date, options);
    ImportResult result{imported_copy(base, options, effective_date, source), {}};
    for (const auto& [type_name, entry] : linux_types.value().items()) {
        SpotFigure figure = read_advisor_entry(entry, linux_types.path_of(type_name), ranges, source.id);
        const auto it = result.catalog.instance_types.find(type_name);
        if (it == result.catalog.instance_types.end()) {
            result.summary.skipped.emplace_back(type_name, not_in_base);
            continue;
        }
        it->second.spot = std::move(figure);
        result.summary.updated.push_back(type_name);
    }
    return result;
}

}  // namespace libtco
