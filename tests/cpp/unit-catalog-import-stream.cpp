// Streaming the offer file: AWS's real file holds every OS, tenancy, capacity status, license model
// and region variant of every type, with their terms. These tests generate such a file (in AWS's exact
// format, like tests/data/import/offer-small.json) with one Linux shared-tenancy product per type of
// the embedded catalog among thousands of products the import must drop, and check that the stream
// gives what the whole file parsed as a DOM gives: the same catalog, the same errors at the same JSON
// pointers, the same parse errors.

#include <libtco/catalog/catalog_import.hpp>
#include <libtco/catalog/embedded_catalog.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <typeinfo>
#include <utility>
#include <vector>

using namespace libtco;

using Json = nlohmann::json;

namespace {

const Catalog& base_catalog() {
    static const Catalog base = embedded_catalog();
    return base;
}

// --- a synthetic offer file -----------------------------------------------------------------------

// A deterministic SKU that looks like AWS's (16 of [A-Z0-9]), so kept and dropped SKUs interleave in key order.
std::string sku_of(std::uint64_t n) {
    static constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::uint64_t x = n + 0x9E3779B97F4A7C15ull;
    std::string sku;
    for (int i = 0; i < 16; ++i) {
        x = (x ^ (x >> 31)) * 0xBF58476D1CE4E5B9ull + 0x94D049BB133111EBull;
        sku += alphabet[(x >> 33) % alphabet.size()];
    }
    return sku;
}

// "0.0960000000": a price with AWS's 10 decimals, from millionths of a dollar.
std::string usd(std::uint64_t micro_dollars) {
    const std::string fraction = std::to_string(1000000 + micro_dollars % 1000000).substr(1);
    return std::to_string(micro_dollars / 1000000) + "." + fraction + "0000";
}

struct TypeSpec {
    std::string name;
    std::string vcpu;
    std::string memory;  // "8 GiB"
    std::string gpus;    // "" for CPU-only types
    std::string processor;
};

// The attributes that decide whether the import keeps a product.
struct Variant {
    std::string operating_system = "Linux";
    std::string tenancy = "Shared";
    std::string pre_installed_sw = "NA";
    std::string capacity_status = "Used";
    std::string license_model = "No License required";
    std::string region_code = "us-east-1";
};

// The variants AWS lists besides the one the import keeps.
std::vector<Variant> dropped_variants() {
    std::vector<Variant> out;
    const auto with = [](auto change) {
        Variant v;
        change(v);
        return v;
    };
    for (const char* os : {"Windows", "RHEL", "SUSE", "Red Hat Enterprise Linux with HA", "Ubuntu Pro"})
        out.push_back(with([&](Variant& v) { v.operating_system = os; }));
    for (const char* tenancy : {"Dedicated", "Host"}) out.push_back(with([&](Variant& v) { v.tenancy = tenancy; }));
    for (const char* region : {"us-west-2", "eu-west-1"}) out.push_back(with([&](Variant& v) { v.region_code = region; }));
    for (const char* status : {"UnusedCapacityReservation", "AllocatedCapacityReservation"})
        out.push_back(with([&](Variant& v) { v.capacity_status = status; }));
    out.push_back(with([](Variant& v) { v.pre_installed_sw = "SQL Web"; }));
    out.push_back(with([](Variant& v) {
        v.operating_system = "Windows";
        v.license_model = "Bring your own license";
    }));
    out.push_back(with([](Variant& v) {
        v.tenancy = "Dedicated";
        v.region_code = "us-west-2";
    }));
    return out;
}

struct OfferFile {
    Json products = Json::object();
    Json on_demand = Json::object();
    Json reserved = Json::object();
    std::vector<std::string> kept_skus;  // one per type, in the order of type_specs()
};

Json price_dimension(const std::string& rate_code, const std::string& description, const std::string& unit, const std::string& price) {
    Json d = {{"rateCode", rate_code}, {"description", description}, {"unit", unit}, {"pricePerUnit", {{"USD", price}}},
              {"appliesTo", Json::array()}};
    if (unit == "Hrs") d.update({{"beginRange", "0"}, {"endRange", "Inf"}});
    return d;
}

Json term(const std::string& sku, const std::string& code, Json dimensions, Json attributes) {
    return {{"offerTermCode", code},
            {"sku", sku},
            {"effectiveDate", "2026-07-01T00:00:00Z"},
            {"priceDimensions", std::move(dimensions)},
            {"termAttributes", std::move(attributes)}};
}

void add_terms(OfferFile& f, const std::string& sku, const std::string& type, std::uint64_t hourly) {
    const std::string od = sku + ".JRTCKXETXF";
    f.on_demand[sku][od] =
        term(sku, "JRTCKXETXF", {{od + ".6YS6EN2CT7", price_dimension(od + ".6YS6EN2CT7", "On Demand " + type, "Hrs", usd(hourly))}},
             Json::object());
    struct Reserved {
        const char* code;
        const char* lease;
        const char* offering;
        const char* purchase;
        std::uint64_t hourly;
        std::uint64_t upfront_dollars;
    };
    const Reserved options[] = {{"4NA7Y494T4", "1yr", "standard", "No Upfront", hourly * 6 / 10, 0},
                                {"HU7G6KETJZ", "1yr", "standard", "Partial Upfront", hourly * 3 / 10, hourly * 2600 / 1000000 + 1},
                                {"NQ3QZPMQV9", "3yr", "standard", "All Upfront", 0, hourly * 10500 / 1000000 + 1},
                                {"7NE97W5U4E", "1yr", "convertible", "No Upfront", hourly * 7 / 10, 0}};
    for (const Reserved& r : options) {
        const std::string code = sku + "." + r.code;
        Json dims = {{code + ".6YS6EN2CT7", price_dimension(code + ".6YS6EN2CT7", type + " reserved instance applied", "Hrs", usd(r.hourly))}};
        if (std::string_view(r.purchase) != "No Upfront")
            dims[code + ".2TG2D8R56U"] = price_dimension(code + ".2TG2D8R56U", "Upfront Fee", "Quantity", std::to_string(r.upfront_dollars));
        f.reserved[sku][code] =
            term(sku, r.code, std::move(dims), {{"LeaseContractLength", r.lease}, {"OfferingClass", r.offering}, {"PurchaseOption", r.purchase}});
    }
}

void add_product(OfferFile& f, const std::string& sku, const TypeSpec& t, const Variant& v, std::uint64_t hourly) {
    Json attributes = {{"servicecode", "AmazonEC2"},
                       {"location", "US East (N. Virginia)"},
                       {"locationType", "AWS Region"},
                       {"instanceType", t.name},
                       {"currentGeneration", "Yes"},
                       {"vcpu", t.vcpu},
                       {"physicalProcessor", t.processor},
                       {"memory", t.memory},
                       {"storage", "EBS only"},
                       {"tenancy", v.tenancy},
                       {"operatingSystem", v.operating_system},
                       {"licenseModel", v.license_model},
                       {"usagetype", "BoxUsage:" + t.name},
                       {"operation", "RunInstances"},
                       {"capacitystatus", v.capacity_status},
                       {"marketoption", "OnDemand"},
                       {"preInstalledSw", v.pre_installed_sw},
                       {"regionCode", v.region_code},
                       {"servicename", "Amazon Elastic Compute Cloud"}};
    if (!t.gpus.empty()) attributes["gpu"] = t.gpus;
    f.products[sku] = {{"sku", sku}, {"productFamily", "Compute Instance"}, {"attributes", std::move(attributes)}};
    add_terms(f, sku, t.name, hourly);
}

// Storage, data transfer and the like: other families, other attributes.
void add_other_family_product(OfferFile& f, const std::string& sku, std::size_t i) {
    f.products[sku] = {{"sku", sku},
                       {"productFamily", i % 2 ? "Storage" : "Data Transfer"},
                       {"attributes", {{"servicecode", "AmazonEC2"}, {"volumeApiName", "gp3"}, {"regionCode", "us-east-1"}}}};
    const std::string od = sku + ".JRTCKXETXF";
    f.on_demand[sku][od] =
        term(sku, "JRTCKXETXF", {{od + ".6YS6EN2CT7", price_dimension(od + ".6YS6EN2CT7", "per GB-month", "GB-Mo", usd(80000))}}, Json::object());
}

std::vector<TypeSpec> type_specs(std::size_t limit) {
    std::vector<TypeSpec> out;
    for (const auto& [name, t] : base_catalog().instance_types) {
        if (out.size() == limit) break;
        out.push_back({name, t.vcpu.to_string(), t.memory_gib.to_string() + " GiB", t.has_gpus() ? t.gpus.to_string() : "",
                       t.arch == "arm64" ? "AWS Graviton3 Processor" : "Intel Xeon Platinum 8175"});
    }
    // Not in the base catalog: three CPU-only types added, one GPU type skipped.
    out.push_back({"m7g.large", "2", "8 GiB", "", "AWS Graviton3 Processor"});
    out.push_back({"t4g.nano", "2", "0.5 GiB", "", "AWS Graviton2 Processor"});
    out.push_back({"x1.32xlarge", "128", "1,952 GiB", "", "High Frequency Intel Xeon E7-8880 v3 (Haswell)"});
    out.push_back({"g4ad.xlarge", "4", "16 GiB", "1", "AMD EPYC 7R32"});
    return out;
}

// The file with the kept products only, or with every variant as well.
OfferFile synthetic_offer(std::size_t type_limit, bool with_dropped) {
    OfferFile f;
    std::uint64_t serial = 0;
    const std::vector<Variant> variants = dropped_variants();
    const std::vector<TypeSpec> types = type_specs(type_limit);
    for (std::size_t i = 0; i < types.size(); ++i) {
        const std::uint64_t hourly = 20000 + 7919 * i;
        const std::string sku = sku_of(serial++);
        add_product(f, sku, types[i], Variant{}, hourly);
        f.kept_skus.push_back(sku);
        for (std::size_t k = 0; k < variants.size(); ++k) {
            const std::string dropped_sku = sku_of(serial++);
            if (with_dropped) add_product(f, dropped_sku, types[i], variants[k], hourly * (k + 2));
        }
        for (std::size_t k = 0; k < 3; ++k) {
            const std::string other_sku = sku_of(serial++);
            if (with_dropped) add_other_family_product(f, other_sku, i + k);
        }
    }
    return f;
}

// Generated once per size: each file is a few MB.
const OfferFile& offer_with_dropped(std::size_t type_limit) {
    static std::map<std::size_t, OfferFile> files;
    const auto it = files.find(type_limit);
    return it != files.end() ? it->second : files.emplace(type_limit, synthetic_offer(type_limit, true)).first->second;
}

std::string header_text() {
    return R"("formatVersion":"v1.0","disclaimer":"This pricing list is for informational purposes only.",)"
           R"("offerCode":"AmazonEC2","version":"20260720182241","publicationDate":"2026-07-20T18:22:41Z")";
}

std::string terms_text(const OfferFile& f) { return Json{{"OnDemand", f.on_demand}, {"Reserved", f.reserved}}.dump(); }

// The file's JSON text: products before terms as AWS lists them, or terms first.
std::string offer_text(const OfferFile& f, bool terms_first = false) {
    const std::string products = "\"products\":" + f.products.dump();
    const std::string terms = "\"terms\":" + terms_text(f);
    return "{" + header_text() + "," + (terms_first ? terms + "," + products : products + "," + terms) + "}";
}

// --- the reference: the whole file parsed as a DOM, as the import did before streaming -----------

ImportResult import_whole(std::string_view text) {
    const ImportOptions options;
    return detail::import_offer_document(detail::parse_exact(text), detail::import_region(base_catalog(), options), base_catalog(),
                                         options);
}
ImportResult import_streamed(std::string_view text) { return import_offer_file(text, base_catalog(), {}); }

void check_same_result(const ImportResult& a, const ImportResult& b) {
    CHECK(to_json(a.catalog) == to_json(b.catalog));
    CHECK(a.summary.updated == b.summary.updated);
    CHECK(a.summary.added == b.summary.added);
    CHECK(a.summary.skipped == b.summary.skipped);
}

// The error f throws and the name of its class.
template <class F>
std::pair<error, std::string> failure_of(F&& f) {
    try {
        f();
    } catch (const error& e) {
        return {e, typeid(e).name()};
    }
    FAIL("expected a libtco::error");
    return {error(errc::io, "", ""), ""};
}

// The stream fails as the DOM does: same class, code, JSON pointer and message. Returns the error.
error same_failure(const std::string& text) {
    const auto [streamed, streamed_class] = failure_of([&] { (void)import_streamed(text); });
    const auto [whole, whole_class] = failure_of([&] { (void)import_whole(text); });
    CHECK(streamed_class == whole_class);
    CHECK(std::string(streamed.what()) == whole.what());
    return streamed;
}

// Inserts `text` right after the first occurrence of `anchor` in `in` (which must be there).
std::string inserted_after(const std::string& in, const std::string& anchor, const std::string& text) {
    const std::size_t at = in.find(anchor);
    REQUIRE(at != std::string::npos);
    return in.substr(0, at + anchor.size()) + text + in.substr(at + anchor.size());
}

const std::size_t all_types = static_cast<std::size_t>(-1);

}  // namespace

TEST_CASE("offer stream: a file with thousands of dropped products imports as its kept products alone") {
    const OfferFile& full = offer_with_dropped(all_types);
    const OfferFile kept_only = synthetic_offer(all_types, false);
    REQUIRE(full.products.size() > 2000);
    REQUIRE(full.products.size() > 10 * kept_only.products.size());

    const std::string full_text = offer_text(full);
    const ImportResult r = import_streamed(full_text);
    check_same_result(r, import_streamed(offer_text(kept_only)));
    check_same_result(r, import_whole(full_text));

    CHECK(r.summary.updated.size() == base_catalog().instance_types.size());
    CHECK(r.summary.added == std::vector<std::string>{"m7g.large", "t4g.nano", "x1.32xlarge"});
    REQUIRE(r.summary.skipped.size() == 1);
    CHECK(r.summary.skipped[0].first == "g4ad.xlarge");
    CHECK(r.catalog.instance_type("x1.32xlarge").memory_gib == Decimal(1952));
    // The first type: 20000 micro-dollars an hour, not a Windows or dedicated variant's multiple of it.
    CHECK(r.catalog.instance_types.begin()->second.on_demand->to_string() == "0.02");
}

TEST_CASE("offer stream: the extract holds the kept products and their terms only") {
    const OfferFile& full = offer_with_dropped(all_types);
    const Json extract = detail::read_offer_extract(offer_text(full), detail::offer_reading("us-east-1"));
    CHECK(extract["products"].size() == full.kept_skus.size());
    CHECK(extract["terms"]["OnDemand"].size() == full.kept_skus.size());
    CHECK(extract["terms"]["Reserved"].size() == full.kept_skus.size());
    for (const std::string& sku : full.kept_skus) {
        CHECK(extract["products"][sku] == full.products[sku]);
        CHECK(extract["terms"]["Reserved"][sku].size() == 4);
    }
    // Of a term, only what the import reads.
    const std::string sku = full.kept_skus[0];
    const Json& on_demand = extract["terms"]["OnDemand"][sku][sku + ".JRTCKXETXF"];
    CHECK(on_demand == Json{{"priceDimensions", {{sku + ".JRTCKXETXF.6YS6EN2CT7", {{"unit", "Hrs"}, {"pricePerUnit", {{"USD", "0.0200000000"}}}}}}},
                            {"termAttributes", Json::object()}});
    const Json& convertible = extract["terms"]["Reserved"][sku][sku + ".7NE97W5U4E"];
    CHECK(convertible == Json{{"termAttributes", {{"LeaseContractLength", "1yr"}, {"OfferingClass", "convertible"}, {"PurchaseOption", "No Upfront"}}}});
    CHECK(extract["formatVersion"] == "v1.0");
    CHECK_FALSE(extract.contains("disclaimer"));
}

TEST_CASE("offer stream: terms listed before products give the same result (a second pass)") {
    const OfferFile& full = offer_with_dropped(16);
    check_same_result(import_streamed(offer_text(full, true)), import_streamed(offer_text(full)));

    OfferFile bad = full;
    bad.on_demand[full.kept_skus[0]].begin()->erase("priceDimensions");
    const error e = same_failure(offer_text(bad, true));
    CHECK(e.code() == errc::missing_key);
    CHECK(e.path() == "/terms/OnDemand/" + full.kept_skus[0] + "/" + full.kept_skus[0] + ".JRTCKXETXF/priceDimensions");
}

TEST_CASE("offer stream: errors inside kept products and their terms carry their exact JSON pointer") {
    const OfferFile& full = offer_with_dropped(16);
    const std::size_t m7g = full.kept_skus.size() - 4;  // the added types come last
    const std::string m7g_sku = full.kept_skus[m7g];
    const std::string first_sku = full.kept_skus[0];

    OfferFile f = full;
    f.products[m7g_sku]["attributes"]["memory"] = "512 MiB";
    error e = same_failure(offer_text(f));
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == "/products/" + m7g_sku + "/attributes/memory");

    f = full;
    f.products[first_sku]["attributes"].erase("tenancy");
    e = same_failure(offer_text(f));
    CHECK(e.code() == errc::missing_key);
    CHECK(e.path() == "/products/" + first_sku + "/attributes/tenancy");

    f = full;
    const std::string od_term = first_sku + ".JRTCKXETXF";
    const std::string od_dimension = od_term + ".6YS6EN2CT7";
    f.on_demand[first_sku][od_term]["priceDimensions"][od_dimension]["pricePerUnit"]["USD"] = "0.1O";
    e = same_failure(offer_text(f));
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == "/terms/OnDemand/" + first_sku + "/" + od_term + "/priceDimensions/" + od_dimension + "/pricePerUnit/USD");

    f = full;
    const std::string ri_term = first_sku + ".NQ3QZPMQV9";
    f.reserved[first_sku][ri_term]["termAttributes"]["LeaseContractLength"] = "5yr";
    e = same_failure(offer_text(f));
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == "/terms/Reserved/" + first_sku + "/" + ri_term + "/termAttributes/LeaseContractLength");

    f = full;
    f.products[sku_of(100000)] = f.products[first_sku];  // a second kept product for the first type
    e = same_failure(offer_text(f));
    CHECK(e.code() == errc::inconsistent);
}

TEST_CASE("offer stream: a dropped product the filter cannot read fails as it does in the whole file") {
    const OfferFile& full = offer_with_dropped(16);
    std::vector<std::string> dropped;
    for (const auto& [sku, product] : full.products.items())
        if (product["productFamily"] == "Compute Instance" && product["attributes"]["operatingSystem"] == "Windows") dropped.push_back(sku);
    REQUIRE(dropped.size() > 3);

    OfferFile f = full;
    f.products[dropped[2]]["attributes"].erase("regionCode");
    error e = same_failure(offer_text(f));
    CHECK(e.code() == errc::missing_key);
    CHECK(e.path() == "/products/" + dropped[2] + "/attributes/regionCode");

    // Several bad products: the first in key order is reported, wherever it is in the file.
    f.products[dropped[1]]["attributes"]["operatingSystem"] = 7;
    f.products[dropped[0]]["productFamily"] = Json::array();
    e = same_failure(offer_text(f));
    CHECK(e.code() == errc::wrong_type);
    CHECK(e.path() == "/products/" + dropped[0] + "/productFamily");

    // A kept product's duplicate type and a bad product: the first in key order wins, as in the whole file.
    f = full;
    f.products["00000000000000AA"] = f.products[full.kept_skus[3]];
    f.products["ZZZZZZZZZZZZZZZZ"] = "not a product";
    e = same_failure(offer_text(f));
    CHECK(e.code() == errc::inconsistent);
    f.products["0000000000000000"] = Json::array({1, 2});
    e = same_failure(offer_text(f));
    CHECK(e.code() == errc::wrong_type);
    CHECK(e.path() == "/products/0000000000000000");
}

TEST_CASE("offer stream: invalid JSON, duplicate keys and deep nesting anywhere fail as parse_exact fails") {
    const OfferFile& full = offer_with_dropped(16);
    const std::string text = offer_text(full);
    std::string dropped_sku;
    for (const auto& [sku, product] : full.products.items())
        if (product["productFamily"] == "Compute Instance" && product["attributes"]["tenancy"] == "Dedicated") dropped_sku = sku;
    REQUIRE(!dropped_sku.empty());
    const std::string dropped_product = "\"" + dropped_sku + "\":{";

    // A duplicate key in a dropped product, in the products object, in a dropped SKU's terms, in an array.
    error e = same_failure(inserted_after(text, dropped_product + "\"attributes\":{", "\"tenancy\":\"Shared\",\"tenancy\":\"Shared\","));
    CHECK(e.code() == errc::parse_duplicate_key);
    CHECK(e.path() == "/products/" + dropped_sku + "/attributes/tenancy");
    e = same_failure(inserted_after(text, "\"products\":{", dropped_product + "},"));
    CHECK(e.code() == errc::parse_duplicate_key);
    CHECK(e.path() == "/products/" + dropped_sku);
    e = same_failure(inserted_after(text, "\"OnDemand\":{", dropped_product + "},"));
    CHECK(e.path() == "/terms/OnDemand/" + dropped_sku);
    e = same_failure(inserted_after(text, "\"termAttributes\":{", "\"x\":1,\"x\":2"));
    CHECK(e.code() == errc::parse_duplicate_key);
    e = same_failure(inserted_after(text, "\"appliesTo\":[", "1,{\"a\":[{\"b\":1,\"b\":2}]}"));
    CHECK(e.code() == errc::parse_duplicate_key);
    e = same_failure(inserted_after(text, "{", "\"version\":\"1\","));
    CHECK(e.path() == "/version");

    // Nesting too deep in a dropped product and in a skipped array.
    e = same_failure(inserted_after(text, dropped_product, "\"deep\":" + std::string(70, '[') + std::string(70, ']') + ","));
    CHECK(e.code() == errc::parse_too_deep);
    e = same_failure(inserted_after(text, "\"appliesTo\":[", "7," + std::string(70, '[') + std::string(70, ']')));
    CHECK(e.code() == errc::parse_too_deep);

    // Invalid JSON: a parse error wins over a bad product read before it.
    for (const std::string& bad : {text.substr(0, text.size() - 3), text + "x", text.substr(0, text.size() / 2) + "NaN", std::string()}) {
        e = same_failure(bad);
        CHECK(e.code() == errc::parse_invalid_json);
    }
    OfferFile f = full;
    f.products[full.kept_skus[0]]["attributes"].erase("tenancy");
    const std::string bad_product = offer_text(f);
    e = same_failure(bad_product.substr(0, bad_product.size() - 1));
    CHECK(e.code() == errc::parse_invalid_json);
}

TEST_CASE("offer stream: members of the wrong kind fail as in the whole file") {
    const OfferFile& full = offer_with_dropped(8);
    const std::string products = "\"products\":" + full.products.dump();
    const std::string terms = "\"terms\":" + terms_text(full);
    const std::string header = header_text();
    const std::string cases[] = {
        "[1, 2]",
        "\"an offer\"",
        "{" + header + ",\"products\":[1,2]," + terms + "}",
        "{" + header + ",\"products\":12.50," + terms + "}",
        "{" + header + "," + products + ",\"terms\":\"none\"}",
        "{" + header + "," + products + ",\"terms\":{\"OnDemand\":[{\"a\":1}]}}",
        "{" + header + "," + products + ",\"terms\":{\"OnDemand\":{},\"Reserved\":1e400}}",
        "{" + header + "," + products + "}",
        "{\"formatVersion\":{\"v\":1},\"offerCode\":\"AmazonEC2\"," + products + "," + terms + "}",
        "{\"formatVersion\":\"v1.0\",\"offerCode\":\"AmazonEC2\",\"version\":2.50,\"publicationDate\":\"2026-07-20T18:22:41Z\"," +
            products + "," + terms + "}",
        "{" + header + ",\"products\":{}," + terms + "}",
        "{" + header + "," + terms + "}",
    };
    for (const std::string& text : cases) {
        CAPTURE(text.substr(0, 200));
        (void)same_failure(text);
    }
}

TEST_CASE("offer stream: the key set finds a duplicate among many keys, and empties") {
    detail::KeySet keys;
    for (int round = 0; round < 2; ++round) {
        for (std::uint64_t i = 0; i < 50000; ++i) REQUIRE(keys.insert(sku_of(i)));
        CHECK_FALSE(keys.insert(sku_of(0)));
        CHECK_FALSE(keys.insert(sku_of(49999)));
        CHECK(keys.insert(""));
        CHECK_FALSE(keys.insert(""));
        CHECK(keys.insert(std::string(1000, 'k')));
        keys.clear();
    }
}
