// Importing AWS's own files: tests/data/import/offer-small.json is a small Price List bulk offer file
// for EC2 and spot-advisor-small.json a small Spot Instance Advisor data file, both in the exact
// formats AWS publishes. Every expected figure is the file's own, or worked out by hand in a comment.

#include <libtco/catalog/catalog_import.hpp>
#include <libtco/catalog/embedded_catalog.hpp>

#include "capture.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

using namespace libtco;

using fixture::capture;

namespace {

const std::string m5_sku = "S8T5WZQ5ZPJ6C3AT";
const std::string m5_on_demand_term = "/terms/OnDemand/" + m5_sku + "/" + m5_sku + ".JRTCKXETXF";
const std::string m5_on_demand_usd = m5_on_demand_term + "/priceDimensions/" + m5_sku + ".JRTCKXETXF.6YS6EN2CT7/pricePerUnit/USD";
const std::string imported_source_id = "aws-price-list-2026-07-20";

std::string data_file(const std::string& name) {
    const std::string path = std::string(LIBTCO_TEST_DATA_DIR) + "/import/" + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The files as plain JSON, to make malformed variants of them.
nlohmann::json offer_document() { return nlohmann::json::parse(data_file("offer-small.json")); }
nlohmann::json advisor_document() { return nlohmann::json::parse(data_file("spot-advisor-small.json")); }

ImportResult import_offer(const nlohmann::json& doc, const Catalog& base = embedded_catalog(), const ImportOptions& options = {}) {
    return import_offer_file(doc.dump(), base, options);
}
ImportResult import_advisor(const nlohmann::json& doc, const Catalog& base = embedded_catalog(), const ImportOptions& options = {}) {
    return import_spot_advisor(doc.dump(), base, options);
}

const CommitmentOffer* find_commitment(const InstanceType& t, CommitmentTerm term, UpfrontPayment payment) {
    for (const CommitmentOffer& o : t.commitments)
        if (o.key == CommitmentKey{CommitmentPlan::reserved_instance, term, payment}) return &o;
    return nullptr;
}

Catalog round_trip(const Catalog& c) { return Catalog::from_json(detail::parse_exact(to_json(c).dump())); }

}  // namespace

// --- the offer file -----------------------------------------------------------------------------

TEST_CASE("offer file: on-demand prices reproduce the file exactly and cite the new source") {
    Catalog base = embedded_catalog();
    base.instance_types.at("m5.large").on_demand = HourlyRate(Decimal(1) / Decimal(10));  // a stale price to be replaced
    const ImportResult r = import_offer_file(data_file("offer-small.json"), base, {});
    const Catalog& c = r.catalog;

    const InstanceType& m5 = c.instance_type("m5.large");
    CHECK(m5.on_demand->to_string() == "0.096");  // "0.0960000000": not the Windows 0.188, dedicated 0.106 or stale 0.1
    CHECK(m5.price_source == imported_source_id);
    CHECK(m5.spec_source == base.instance_type("m5.large").spec_source);  // specs stay the base's
    CHECK(m5.allocatable_vcpu == base.instance_type("m5.large").allocatable_vcpu);
    CHECK(c.instance_type("p5.48xlarge").on_demand->to_string() == "55.04");
    CHECK(c.instance_type("t3.medium").on_demand->to_string() == "0.0416");

    const Source* source = c.find_source(imported_source_id);
    REQUIRE(source != nullptr);
    CHECK(source->title == "AWS Price List bulk offer file AmazonEC2 version 20260720182241, published 2026-07-20T18:22:41Z, us-east-1");
    CHECK(source->url == "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/us-east-1/index.json");
    CHECK(source->retrieved == "2026-07-20");
    CHECK(source->confidence == Confidence::high);
    CHECK(c.name == base.name);
    CHECK(c.region == "us-east-1");
    CHECK(c.effective_date == "2026-07-20");  // the date of publicationDate
    CHECK(c.instance_type("m5.xlarge").on_demand == base.instance_type("m5.xlarge").on_demand);  // not in the file: untouched
}

TEST_CASE("offer file: standard Reserved Instance prices reproduce the file exactly") {
    const Catalog c = import_offer_file(data_file("offer-small.json"), embedded_catalog(), {}).catalog;
    const InstanceType& m5 = c.instance_type("m5.large");
    CHECK(m5.commitments.size() == 3);  // the convertible RI is ignored

    const CommitmentOffer* no_upfront = find_commitment(m5, CommitmentTerm::one_year, UpfrontPayment::none);
    REQUIRE(no_upfront != nullptr);
    CHECK(no_upfront->recurring->to_string() == "0.06");  // "0.0600000000"
    CHECK(no_upfront->upfront.value().is_zero());
    CHECK(no_upfront->source == imported_source_id);

    const CommitmentOffer* partial = find_commitment(m5, CommitmentTerm::one_year, UpfrontPayment::partial);
    REQUIRE(partial != nullptr);
    CHECK(partial->recurring->to_string() == "0.029");
    CHECK(partial->upfront.to_string() == "251");

    const CommitmentOffer* all = find_commitment(m5, CommitmentTerm::three_years, UpfrontPayment::all);
    REQUIRE(all != nullptr);
    CHECK(all->recurring->value().is_zero());  // "0.0000000000"
    CHECK(all->upfront.to_string() == "1006");
    CHECK_FALSE(all->discount.has_value());

    // 3 years all upfront: $1006 / 26280 h (3 x 365 x 24) = 0.03828006088280... -> 0.038280060883 to 12 places.
    const auto all_quote = c.commitment_quote(m5, all->key);
    REQUIRE(all_quote.has_value());
    CHECK(all_quote->effective.to_string() == "0.038280060883");
    // 1 year partial upfront: $251 / 8760 h = 0.02865296803652... -> 0.028652968037, plus $0.029/h.
    CHECK(c.commitment_quote(m5, partial->key)->effective.to_string() == "0.057652968037");
    CHECK(c.commitment_quote(m5, no_upfront->key)->effective.to_string() == "0.06");
}

TEST_CASE("offer file: an RI price replaces the base's entry of the same plan, term and payment only") {
    const Catalog base = embedded_catalog();
    const Catalog c = import_offer_file(data_file("offer-small.json"), base, {}).catalog;
    const InstanceType& t3 = c.instance_type("t3.medium");
    CHECK(t3.commitments.size() == base.instance_type("t3.medium").commitments.size());
    const CommitmentOffer* one_year = find_commitment(t3, CommitmentTerm::one_year, UpfrontPayment::none);
    REQUIRE(one_year != nullptr);
    CHECK_FALSE(one_year->discount.has_value());
    CHECK(one_year->recurring->to_string() == "0.026");
    CHECK(one_year->source == imported_source_id);
    const CommitmentOffer* three_years = find_commitment(t3, CommitmentTerm::three_years, UpfrontPayment::none);
    REQUIRE(three_years != nullptr);
    CHECK(*three_years->discount == *find_commitment(base.instance_type("t3.medium"), CommitmentTerm::three_years, UpfrontPayment::none)->discount);
    CHECK(three_years->source != imported_source_id);
    const CommitmentOffer* p5 = find_commitment(c.instance_type("p5.48xlarge"), CommitmentTerm::one_year, UpfrontPayment::none);
    REQUIRE(p5 != nullptr);
    CHECK(p5->recurring->to_string() == "38.53");
}

TEST_CASE("offer file: new CPU types are added, new GPU types skipped, and the summary says so") {
    const ImportResult r = import_offer_file(data_file("offer-small.json"), embedded_catalog(), {});
    CHECK(r.summary.updated == std::vector<std::string>{"m5.large", "p5.48xlarge", "t3.medium"});
    CHECK(r.summary.added == std::vector<std::string>{"m7g.large", "t4g.nano", "x1.32xlarge"});
    REQUIRE(r.summary.skipped.size() == 1);
    CHECK(r.summary.skipped[0].first == "g4ad.xlarge");
    CHECK(r.summary.skipped[0].second == "GPU type not in the base catalog: add its GPU model and specs with an overlay");
    CHECK(r.catalog.find_instance_type("g4ad.xlarge") == nullptr);

    const InstanceType& m7g = r.catalog.instance_type("m7g.large");
    CHECK(m7g.family == "m7g");
    CHECK(m7g.arch == "arm64");  // "AWS Graviton3 Processor"
    CHECK(m7g.vcpu == Decimal(2));
    CHECK(m7g.memory_gib == Decimal(8));  // "8 GiB"
    CHECK_FALSE(m7g.has_gpus());
    CHECK_FALSE(m7g.allocatable_vcpu.has_value());
    CHECK_FALSE(m7g.max_pods.has_value());
    CHECK(m7g.on_demand->to_string() == "0.0816");
    CHECK(m7g.spec_source == imported_source_id);
    CHECK(m7g.price_source == imported_source_id);
    const CommitmentOffer* m7g_all = find_commitment(m7g, CommitmentTerm::three_years, UpfrontPayment::all);
    REQUIRE(m7g_all != nullptr);
    CHECK(m7g_all->upfront.to_string() == "893");

    CHECK(r.catalog.instance_type("t4g.nano").memory_gib.to_string() == "0.5");  // "0.5 GiB"
    const InstanceType& x1 = r.catalog.instance_type("x1.32xlarge");
    CHECK(x1.memory_gib == Decimal(1952));  // "1,952 GiB"
    CHECK(x1.vcpu == Decimal(128));
    CHECK(x1.arch == "x86_64");
    CHECK(x1.on_demand->to_string() == "13.338");
}

TEST_CASE("offer file: the imported catalog reads back from its own JSON") {
    const Catalog c = import_offer_file(data_file("offer-small.json"), embedded_catalog(), {}).catalog;
    const Catalog again = round_trip(c);
    CHECK(to_json(again) == to_json(c));
    CHECK(again.instance_type("m5.large").on_demand->to_string() == "0.096");
    CHECK(again.instance_type("m7g.large").arch == "arm64");
}

TEST_CASE("offer file: options name the catalog, date it and set the source's retrieval date") {
    ImportOptions options;
    options.region = "us-east-1";
    options.name = "aws-us-east-1-2026-08-01";
    options.effective_date = "2026-08-01";
    options.retrieved = "2026-08-02";
    const Catalog c = import_offer_file(data_file("offer-small.json"), embedded_catalog(), options).catalog;
    CHECK(c.name == "aws-us-east-1-2026-08-01");
    CHECK(c.effective_date == "2026-08-01");
    REQUIRE(c.find_source("aws-price-list-2026-08-01") != nullptr);
    CHECK(c.find_source("aws-price-list-2026-08-01")->retrieved == "2026-08-02");
    CHECK(c.instance_type("m5.large").price_source == "aws-price-list-2026-08-01");
    CHECK(round_trip(c).name == "aws-us-east-1-2026-08-01");

    options.effective_date = "2026-8-1";
    const error e = capture([&] { (void)import_offer_file(data_file("offer-small.json"), embedded_catalog(), options); });
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == "");
}

TEST_CASE("offer file: another region than the base catalog's is refused") {
    ImportOptions options;
    options.region = "us-west-2";
    const error e = capture([&] { (void)import_offer_file(data_file("offer-small.json"), embedded_catalog(), options); });
    CHECK(e.code() == errc::region_mismatch);
    CHECK(e.path() == "");
}

TEST_CASE("offer file: no kept product for the region is an error") {
    Catalog base = embedded_catalog();
    base.region = "eu-west-3";
    const error e = capture([&] { (void)import_offer_file(data_file("offer-small.json"), base, {}); });
    CHECK(e.code() == errc::out_of_range);
    CHECK(e.path() == "/products");
    CHECK(e.detail().find("no Linux shared-tenancy compute products for region \"eu-west-3\"") != std::string::npos);
}

TEST_CASE("offer file: malformed values fail with their code and JSON pointer") {
    const auto failure = [](const nlohmann::json& doc) { return capture([&] { (void)import_offer(doc); }); };

    nlohmann::json doc = offer_document();
    doc["terms"]["OnDemand"][m5_sku][m5_sku + ".JRTCKXETXF"]["priceDimensions"][m5_sku + ".JRTCKXETXF.6YS6EN2CT7"]["pricePerUnit"]["USD"] = "0.096O";
    error e = failure(doc);
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == m5_on_demand_usd);

    doc = offer_document();
    doc["terms"]["OnDemand"][m5_sku][m5_sku + ".JRTCKXETXF"]["priceDimensions"][m5_sku + ".JRTCKXETXF.6YS6EN2CT7"]["pricePerUnit"]["USD"] =
        nlohmann::json::object();
    e = failure(doc);
    CHECK(e.code() == errc::wrong_type);
    CHECK(e.path() == m5_on_demand_usd);

    doc = offer_document();
    doc["terms"]["OnDemand"][m5_sku][m5_sku + ".JRTCKXETXF"].erase("priceDimensions");
    e = failure(doc);
    CHECK(e.code() == errc::missing_key);
    CHECK(e.path() == m5_on_demand_term + "/priceDimensions");

    doc = offer_document();
    doc["offerCode"] = "AmazonRDS";
    e = failure(doc);
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == "/offerCode");

    doc = offer_document();
    doc["publicationDate"] = "20 July 2026";
    e = failure(doc);
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == "/publicationDate");

    doc = offer_document();
    doc["products"]["G9PHZ5T4AJ7ERGBU"]["attributes"]["memory"] = "512 MiB";
    e = failure(doc);
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == "/products/G9PHZ5T4AJ7ERGBU/attributes/memory");

    doc = offer_document();
    doc["products"][m5_sku]["attributes"].erase("tenancy");
    e = failure(doc);
    CHECK(e.code() == errc::missing_key);
    CHECK(e.path() == "/products/" + m5_sku + "/attributes/tenancy");
}

TEST_CASE("offer file: two kept products for one type are an error at the second") {
    nlohmann::json doc = offer_document();
    doc["products"]["ZZ9XQ6WQ3M8RKEC7"] = doc["products"][m5_sku];
    doc["products"]["ZZ9XQ6WQ3M8RKEC7"]["sku"] = "ZZ9XQ6WQ3M8RKEC7";
    const error e = capture([&] { (void)import_offer(doc); });
    CHECK(e.code() == errc::inconsistent);
    CHECK(e.path() == "/products/ZZ9XQ6WQ3M8RKEC7");
}

TEST_CASE("offer file: malformed Reserved terms fail with their code and JSON pointer") {
    const std::string term = m5_sku + ".NQ3QZPMQV9";  // 3yr standard All Upfront
    const std::string term_path = "/terms/Reserved/" + m5_sku + "/" + term;
    const auto failure = [](const nlohmann::json& doc) { return capture([&] { (void)import_offer(doc); }); };

    nlohmann::json doc = offer_document();
    doc["terms"]["Reserved"][m5_sku][term]["termAttributes"]["LeaseContractLength"] = "5yr";
    error e = failure(doc);
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == term_path + "/termAttributes/LeaseContractLength");

    doc = offer_document();
    doc["terms"]["Reserved"][m5_sku][term]["termAttributes"].erase("PurchaseOption");
    e = failure(doc);
    CHECK(e.code() == errc::missing_key);
    CHECK(e.path() == term_path + "/termAttributes/PurchaseOption");

    doc = offer_document();
    doc["terms"]["Reserved"][m5_sku][term]["priceDimensions"].erase(term + ".2TG2D8R56U");  // an all-upfront RI without its fee
    e = failure(doc);
    CHECK(e.code() == errc::missing_key);
    CHECK(e.path() == term_path + "/priceDimensions");

    doc = offer_document();
    doc["terms"]["Reserved"][m5_sku][term]["priceDimensions"][term + ".2TG2D8R56U"]["unit"] = "Months";
    e = failure(doc);
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == term_path + "/priceDimensions/" + term + ".2TG2D8R56U/unit");
}

TEST_CASE("offer file: keys AWS may add are ignored") {
    nlohmann::json doc = offer_document();
    doc["attributesList"] = nlohmann::json::object();
    doc["products"][m5_sku]["attributes"]["newAttribute"] = "whatever";
    doc["terms"]["OnDemand"][m5_sku][m5_sku + ".JRTCKXETXF"]["newField"] = nlohmann::json::array();
    CHECK(import_offer(doc).catalog.instance_type("m5.large").on_demand->to_string() == "0.096");
}

// --- the Spot Instance Advisor ------------------------------------------------------------------

TEST_CASE("spot advisor: savings and interruption buckets reproduce the file exactly") {
    const Catalog base = embedded_catalog();
    const ImportResult r = import_spot_advisor(data_file("spot-advisor-small.json"), base, {});
    const Catalog& c = r.catalog;
    const std::string source_id = "aws-spot-advisor-" + base.effective_date;

    const InstanceType& m5 = c.instance_type("m5.large");
    REQUIRE(m5.spot.has_value());
    CHECK(m5.spot->savings->to_string() == "0.57");  // "s": 57 (the Windows figure is 40)
    CHECK(m5.spot->interruption == InterruptionBucket::from_5_to_10);  // "r": 1 -> "5-10%"
    CHECK(m5.spot->source == source_id);
    // m5.large at $0.096/h, 57 % off: 0.096 x 0.43 = 0.04128.
    CHECK(c.spot_quote(m5)->price.to_string() == "0.04128");
    CHECK(c.instance_type("p5.48xlarge").spot->savings->to_string() == "0.62");
    CHECK(c.instance_type("p5.48xlarge").spot->interruption == InterruptionBucket::under_5);
    CHECK(c.instance_type("t3.medium").spot->interruption == InterruptionBucket::over_20);

    CHECK(r.summary.updated == std::vector<std::string>{"m5.large", "p5.48xlarge", "t3.medium"});
    CHECK(r.summary.added.empty());
    REQUIRE(r.summary.skipped.size() == 1);
    CHECK(r.summary.skipped[0] == std::pair<std::string, std::string>{"g4ad.xlarge", "not in the base catalog"});

    const Source* source = c.find_source(source_id);
    REQUIRE(source != nullptr);
    CHECK(source->title == "AWS Spot Instance Advisor data, us-east-1 Linux");
    CHECK(source->url == "https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json");
    CHECK(source->retrieved == base.effective_date);
    CHECK(source->confidence == Confidence::high);
    CHECK(c.effective_date == base.effective_date);

    const Catalog again = round_trip(c);
    CHECK(to_json(again) == to_json(c));
}

TEST_CASE("spot advisor: options date the source") {
    ImportOptions options;
    options.effective_date = "2026-09-15";
    const Catalog c = import_spot_advisor(data_file("spot-advisor-small.json"), embedded_catalog(), options).catalog;
    CHECK(c.effective_date == "2026-09-15");
    CHECK(c.instance_type("m5.large").spot->source == "aws-spot-advisor-2026-09-15");
    CHECK(c.find_source("aws-spot-advisor-2026-09-15")->retrieved == "2026-09-15");
}

TEST_CASE("spot advisor: malformed values fail with their code and JSON pointer") {
    const auto failure = [](const nlohmann::json& doc) { return capture([&] { (void)import_advisor(doc); }); };

    nlohmann::json doc = advisor_document();
    doc["ranges"][1]["label"] = "5-11%";
    error e = failure(doc);
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == "/ranges/1/label");

    doc = advisor_document();
    doc["spot_advisor"]["us-east-1"]["Linux"]["m5.large"]["r"] = 7;
    e = failure(doc);
    CHECK(e.code() == errc::out_of_range);
    CHECK(e.path() == "/spot_advisor/us-east-1/Linux/m5.large/r");

    doc = advisor_document();
    doc["spot_advisor"]["us-east-1"]["Linux"]["m5.large"]["r"] = "1";
    e = failure(doc);
    CHECK(e.code() == errc::wrong_type);
    CHECK(e.path() == "/spot_advisor/us-east-1/Linux/m5.large/r");

    doc = advisor_document();
    doc["spot_advisor"]["us-east-1"]["Linux"]["g4ad.xlarge"]["s"] = 101;  // checked even for a type the base lacks
    e = failure(doc);
    CHECK(e.code() == errc::out_of_range);
    CHECK(e.path() == "/spot_advisor/us-east-1/Linux/g4ad.xlarge/s");

    doc = advisor_document();
    doc["spot_advisor"]["us-east-1"]["Linux"]["m5.large"].erase("s");
    e = failure(doc);
    CHECK(e.code() == errc::missing_key);
    CHECK(e.path() == "/spot_advisor/us-east-1/Linux/m5.large/s");

    Catalog paris = embedded_catalog();
    paris.region = "eu-west-3";
    e = capture([&] { (void)import_advisor(advisor_document(), paris); });
    CHECK(e.code() == errc::region_mismatch);
    CHECK(e.path() == "/spot_advisor");
    CHECK(e.detail().find("\"eu-west-3\"") != std::string::npos);
}
