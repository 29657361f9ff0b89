// Commitments: Savings Plans and Reserved Instances by plan, term and payment; discount-based and
// price-based quotes; per-type figures over the generic table; errors in a catalog's entries.
#include <libtco/catalog/catalog.hpp>
#include <libtco/catalog/commitment.hpp>
#include <libtco/catalog/embedded_catalog.hpp>

#include "capture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

using namespace libtco;
using fixture::capture;
using nlohmann::json;

namespace {

// A tiny catalog; the generic table is filled in by with_generic_table() (every entry 0.2 off,
// except reserved_instance 3y all_upfront at 0.6, so that a lookup of the wrong entry shows).
// box.large (on-demand 0.2) has its own entries: a discount and two prices.
const char* commitment_catalog = R"({
  "schema_version": 1, "name": "commitment-test", "region": "us-east-1", "effective_date": "2026-07-20",
  "sources": {"s": {"title": "specs and prices", "retrieved": "2026-07-20", "confidence": "high"},
              "gen": {"title": "generic defaults", "retrieved": "2026-07-20", "confidence": "low"},
              "quote": {"title": "a quote", "retrieved": "2026-07-20", "confidence": "medium"}},
  "default_sources": {"specs": "s", "on_demand": "s"},
  "fees": {"eks_cluster_standard": {"usd": "0.1", "per": "cluster-hour", "source": "s"},
           "eks_cluster_extended": {"usd": "0.6", "per": "cluster-hour", "source": "s"},
           "ecs_cluster": {"usd": "0", "per": "cluster-hour", "source": "s"}},
  "gpu_models": {},
  "instance_types": {
    "box.large": {"vcpu": 2, "memory_gib": 8, "on_demand_usd_per_hour": "0.2",
                  "commitments": [
                    {"plan": "reserved_instance", "term": "1y", "payment": "no_upfront", "discount": "0.3", "source": "quote"},
                    {"plan": "reserved_instance", "term": "1y", "payment": "partial_upfront", "usd_per_hour": "0.05", "upfront_usd": "1000", "source": "quote"},
                    {"plan": "reserved_instance", "term": "3y", "payment": "all_upfront", "usd_per_hour": "0", "upfront_usd": "3000", "source": "quote"}
                  ]},
    "plain.large": {"vcpu": 2, "memory_gib": 8, "on_demand_usd_per_hour": "0.5"},
    "noprice.large": {"vcpu": 2, "memory_gib": 8}
  }
})";

json generic_table() {
    json generic = json::object();
    for (const auto plan : commitment_plan_names)
        for (const auto term : commitment_term_names)
            for (const auto payment : upfront_payment_names)
                generic[std::string(plan)][std::string(term)][std::string(payment)] = json{{"discount", "0.2"}, {"source", "gen"}};
    generic["reserved_instance"]["3y"]["all_upfront"]["discount"] = "0.6";
    return generic;
}

json base() {
    json doc = json::parse(commitment_catalog);
    doc["commitments"] = json{{"generic", generic_table()}};
    return doc;
}

error error_of(const json& doc) {
    return capture([&] { (void)Catalog::from_json_text(doc.dump()); });
}

CommitmentKey key(CommitmentPlan plan, CommitmentTerm term, UpfrontPayment payment) { return {plan, term, payment}; }

}  // namespace

TEST_CASE("commitment terms are 365-day years: 8760 h and 26280 h") {
    CHECK(term_hours(CommitmentTerm::one_year) == Hours(Decimal(8760)));    // 365 x 24
    CHECK(term_hours(CommitmentTerm::three_years) == Hours(Decimal(26280)));  // 3 x 8760
}

TEST_CASE("there are 18 plan x term x payment combinations, each once") {
    const auto keys = all_commitment_keys();
    std::set<CommitmentKey> distinct(keys.begin(), keys.end());
    CHECK(distinct.size() == 18);  // 3 plans x 2 terms x 3 payments
    CHECK(to_string(keys.front()) == "compute_savings_plan 1y no_upfront");
    CHECK(to_string(keys.back()) == "reserved_instance 3y all_upfront");
    CHECK(to_string(key(CommitmentPlan::ec2_instance_savings_plan, CommitmentTerm::three_years, UpfrontPayment::partial)) ==
          "ec2_instance_savings_plan 3y partial_upfront");
}

TEST_CASE("a discount-based quote: effective = on-demand x (1 - discount), no price split") {
    CommitmentOffer offer;
    offer.key = key(CommitmentPlan::reserved_instance, CommitmentTerm::three_years, UpfrontPayment::all);
    offer.discount = Fraction::parse("0.62");
    offer.source = "gen";
    const CommitmentQuote q = quote_commitment(offer, HourlyRate::parse("55.04"), FigureBasis::generic);
    CHECK(q.effective.to_string() == "20.9152");  // 55.04 x (1 - 0.62) = 55.04 x 0.38 = 20.9152
    CHECK(q.discount.to_string() == "0.62");
    CHECK_FALSE(q.recurring.has_value());
    CHECK_FALSE(q.upfront.has_value());
    CHECK(q.basis == FigureBasis::generic);
    CHECK(q.key == offer.key);
}

TEST_CASE("a price-based quote: effective = recurring + upfront / term hours") {
    CommitmentOffer offer;
    offer.key = key(CommitmentPlan::reserved_instance, CommitmentTerm::one_year, UpfrontPayment::partial);
    offer.recurring = HourlyRate::parse("0.05");
    offer.upfront = Money::parse("1000");
    offer.source = "quote";
    const CommitmentQuote q = quote_commitment(offer, HourlyRate::parse("0.2"), FigureBasis::instance_type);
    // 1000 / 8760 = 0.114155251141|55... -> 0.114155251142 (12 places, half-even: the 13th digit is 5, then 5)
    // 0.05 + 0.114155251142 = 0.164155251142
    CHECK(q.effective.to_string() == "0.164155251142");
    // 0.164155251142 / 0.2 = 0.82077625571 (exact); 1 - 0.82077625571 = 0.17922374429
    CHECK(q.discount.to_string() == "0.17922374429");
    REQUIRE(q.recurring.has_value());
    CHECK(q.recurring->to_string() == "0.05");
    REQUIRE(q.upfront.has_value());
    CHECK(q.upfront->to_string() == "1000");

    // the same upfront spread over 3 years: 1000 / 26280 = 0.038051750380|517... -> 0.038051750381
    offer.key.term = CommitmentTerm::three_years;
    CHECK(quote_commitment(offer, HourlyRate::parse("0.2"), FigureBasis::instance_type).effective.to_string() ==
          "0.088051750381");  // 0.05 + 0.038051750381
    // a price above on-demand is a negative discount, not an error: 0.3 vs 0.2 -> 1 - 1.5 = -0.5
    CommitmentOffer dear = offer;
    dear.upfront = Money{};
    dear.recurring = HourlyRate::parse("0.3");
    CHECK(quote_commitment(dear, HourlyRate::parse("0.2"), FigureBasis::instance_type).discount.to_string() == "-0.5");
}

TEST_CASE("the embedded catalog: t3.medium's own RI figures, the generic table for the rest") {
    const Catalog c = embedded_catalog();
    const InstanceType& t3 = c.instance_type("t3.medium");  // on-demand 0.0416
    // AWS's worked figure (H): 1-year Standard RI, no upfront, 37% off: 0.0416 x 0.63 = 0.026208
    const auto ri1 = c.commitment_quote(t3, key(CommitmentPlan::reserved_instance, CommitmentTerm::one_year, UpfrontPayment::none));
    REQUIRE(ri1.has_value());
    CHECK(ri1->basis == FigureBasis::instance_type);
    CHECK(ri1->discount.to_string() == "0.37");
    CHECK(ri1->effective.to_string() == "0.026208");
    CHECK(c.confidence_of(ri1->source) == Confidence::high);
    // 3-year no upfront, 57% off: 0.0416 x 0.43 = 0.017888
    const auto ri3 = c.commitment_quote(t3, key(CommitmentPlan::reserved_instance, CommitmentTerm::three_years, UpfrontPayment::none));
    REQUIRE(ri3.has_value());
    CHECK(ri3->basis == FigureBasis::instance_type);
    CHECK(ri3->effective.to_string() == "0.017888");
    // 1-year all upfront has no figure of its own: generic 37 + 5 points = 42%: 0.0416 x 0.58 = 0.024128
    const auto all1 = c.commitment_quote(t3, key(CommitmentPlan::reserved_instance, CommitmentTerm::one_year, UpfrontPayment::all));
    REQUIRE(all1.has_value());
    CHECK(all1->basis == FigureBasis::generic);
    CHECK(all1->discount.to_string() == "0.42");
    CHECK(all1->effective.to_string() == "0.024128");
    CHECK(c.confidence_of(all1->source) == Confidence::low);
    // Compute Savings Plan 3y partial: RI 57 + 3 = 60%, x 66/72 = 0.55 exactly: 0.0416 x 0.45 = 0.01872
    const auto csp = c.commitment_quote(t3, key(CommitmentPlan::compute_savings_plan, CommitmentTerm::three_years, UpfrontPayment::partial));
    REQUIRE(csp.has_value());
    CHECK(csp->basis == FigureBasis::generic);
    CHECK(csp->discount.to_string() == "0.55");
    CHECK(csp->effective.to_string() == "0.01872");
    // EC2 Instance Savings Plan 1y no upfront: as the RI, 37%, but from the generic table
    const auto isp = c.commitment_quote(t3, key(CommitmentPlan::ec2_instance_savings_plan, CommitmentTerm::one_year, UpfrontPayment::none));
    REQUIRE(isp.has_value());
    CHECK(isp->basis == FigureBasis::generic);
    CHECK(isp->effective.to_string() == "0.026208");
}

TEST_CASE("the embedded catalogs' generic tables follow the documented derivation") {
    // RI: 1y 0.37 / 0.40 / 0.42, 3y 0.57 / 0.60 / 0.62 (+3 / +5 points); EC2 Instance SP = RI;
    // Compute SP = RI x 66/72 to 4 places: 0.37 x 66/72 = 0.339166.. -> 0.3392, 0.40 -> 0.366666.. -> 0.3667,
    // 0.42 -> 0.385, 0.57 -> 0.5225, 0.60 -> 0.55, 0.62 -> 0.568333.. -> 0.5683
    const char* ri[2][3] = {{"0.37", "0.4", "0.42"}, {"0.57", "0.6", "0.62"}};
    const char* csp[2][3] = {{"0.3392", "0.3667", "0.385"}, {"0.5225", "0.55", "0.5683"}};
    for (const Catalog& c : embedded_catalogs()) {
        CAPTURE(c.name);
        REQUIRE(c.commitment_generic.size() == 18);
        for (std::size_t t = 0; t < 2; ++t)
            for (std::size_t u = 0; u < 3; ++u) {
                const auto term = static_cast<CommitmentTerm>(t);
                const auto pay = static_cast<UpfrontPayment>(u);
                CAPTURE(to_string(term));
                CAPTURE(to_string(pay));
                CHECK(c.commitment_generic.at(key(CommitmentPlan::reserved_instance, term, pay)).discount->to_string() == ri[t][u]);
                CHECK(c.commitment_generic.at(key(CommitmentPlan::ec2_instance_savings_plan, term, pay)).discount->to_string() == ri[t][u]);
                CHECK(c.commitment_generic.at(key(CommitmentPlan::compute_savings_plan, term, pay)).discount->to_string() == csp[t][u]);
            }
    }
}

TEST_CASE("a small catalog: per-type discounts and prices win over the generic table") {
    const Catalog c = Catalog::from_json_text(base().dump());
    const InstanceType& box = c.instance_type("box.large");  // on-demand 0.2
    const auto own = c.commitment_quote(box, key(CommitmentPlan::reserved_instance, CommitmentTerm::one_year, UpfrontPayment::none));
    REQUIRE(own.has_value());
    CHECK(own->basis == FigureBasis::instance_type);
    CHECK(own->effective.to_string() == "0.14");  // 0.2 x (1 - 0.3) = 0.14
    CHECK(c.confidence_of(own->source) == Confidence::medium);

    const auto priced = c.commitment_quote(box, key(CommitmentPlan::reserved_instance, CommitmentTerm::one_year, UpfrontPayment::partial));
    REQUIRE(priced.has_value());
    CHECK(priced->basis == FigureBasis::instance_type);
    CHECK(priced->effective.to_string() == "0.164155251142");  // 0.05 + 1000 / 8760, as above
    CHECK(priced->upfront->to_string() == "1000");

    // 3000 upfront over 3 years = 1000 a year: 3000 / 26280 = 1000 / 8760 -> 0.114155251142
    const auto all3 = c.commitment_quote(box, key(CommitmentPlan::reserved_instance, CommitmentTerm::three_years, UpfrontPayment::all));
    REQUIRE(all3.has_value());
    CHECK(all3->effective.to_string() == "0.114155251142");
    // 1 - 0.114155251142 / 0.2 = 1 - 0.57077625571 = 0.42922374429
    CHECK(all3->discount.to_string() == "0.42922374429");

    // combinations box.large does not give come from the generic table
    const auto fallback = c.commitment_quote(box, key(CommitmentPlan::compute_savings_plan, CommitmentTerm::one_year, UpfrontPayment::none));
    REQUIRE(fallback.has_value());
    CHECK(fallback->basis == FigureBasis::generic);
    CHECK(fallback->effective.to_string() == "0.16");  // 0.2 x 0.8
    const auto other = c.commitment_quote(c.instance_type("plain.large"),
                                          key(CommitmentPlan::reserved_instance, CommitmentTerm::three_years, UpfrontPayment::all));
    REQUIRE(other.has_value());
    CHECK(other->effective.to_string() == "0.2");  // 0.5 x (1 - 0.6)
    // no on-demand price, no quote
    CHECK_FALSE(c.commitment_quote(c.instance_type("noprice.large"),
                                   key(CommitmentPlan::reserved_instance, CommitmentTerm::one_year, UpfrontPayment::none)).has_value());
}

TEST_CASE("without a generic table only a type's own entries are quoted") {
    json doc = base();
    doc.erase("commitments");
    const Catalog c = Catalog::from_json_text(doc.dump());
    CHECK(c.commitment_generic.empty());
    CHECK(c.commitment_quote(c.instance_type("box.large"), key(CommitmentPlan::reserved_instance, CommitmentTerm::one_year, UpfrontPayment::none)));
    CHECK_FALSE(c.commitment_quote(c.instance_type("box.large"), key(CommitmentPlan::compute_savings_plan, CommitmentTerm::one_year, UpfrontPayment::none)));
    CHECK_FALSE(c.commitment_quote(c.instance_type("plain.large"), key(CommitmentPlan::reserved_instance, CommitmentTerm::one_year, UpfrontPayment::none)));
}

TEST_CASE("commitment entries survive to_json and back") {
    const Catalog c = Catalog::from_json_text(base().dump());
    const Catalog again = Catalog::from_json_text(to_json(c).dump());
    CHECK(to_json(again) == to_json(c));
    CHECK(again.commitment_generic.size() == 18);
    REQUIRE(again.instance_type("box.large").commitments.size() == 3);
    CHECK(again.instance_type("box.large").commitments[1].upfront.to_string() == "1000");
}

TEST_CASE("commitment reading errors name the offending value") {
    SUBCASE("an incomplete generic table") {
        json doc = base();
        doc["commitments"]["generic"]["reserved_instance"]["3y"].erase("all_upfront");
        const error e = error_of(doc);
        CHECK(e.code() == errc::missing_key);
        CHECK(e.path() == "/commitments/generic/reserved_instance/3y/all_upfront");
    }
    SUBCASE("a generic plan missing altogether") {
        json doc = base();
        doc["commitments"]["generic"].erase("ec2_instance_savings_plan");
        const error e = error_of(doc);
        CHECK(e.code() == errc::missing_key);
        CHECK(e.path() == "/commitments/generic/ec2_instance_savings_plan");
    }
    SUBCASE("an unknown plan name in the generic table") {
        json doc = base();
        doc["commitments"]["generic"]["dedicated_host"] = doc["commitments"]["generic"]["reserved_instance"];
        const error e = error_of(doc);
        CHECK(e.code() == errc::unknown_key);
        CHECK(e.path() == "/commitments/generic/dedicated_host");
    }
    SUBCASE("a price in the generic table (discounts only)") {
        json doc = base();
        doc["commitments"]["generic"]["compute_savings_plan"]["1y"]["no_upfront"] = json{{"usd_per_hour", "0.1"}, {"source", "gen"}};
        const error e = error_of(doc);
        CHECK(e.code() == errc::missing_key);
        CHECK(e.path() == "/commitments/generic/compute_savings_plan/1y/no_upfront/discount");
    }
    SUBCASE("an unknown plan name in a type's entry") {
        json doc = base();
        doc["instance_types"]["box.large"]["commitments"][0]["plan"] = "dedicated_host";
        const error e = error_of(doc);
        CHECK(e.code() == errc::bad_format);
        CHECK(e.path() == "/instance_types/box.large/commitments/0/plan");
    }
    SUBCASE("an unknown term and payment in a type's entry") {
        json doc = base();
        doc["instance_types"]["box.large"]["commitments"][1]["term"] = "2y";
        CHECK(error_of(doc).path() == "/instance_types/box.large/commitments/1/term");
        doc = base();
        doc["instance_types"]["box.large"]["commitments"][1]["payment"] = "some_upfront";
        CHECK(error_of(doc).path() == "/instance_types/box.large/commitments/1/payment");
    }
    SUBCASE("the same combination twice for one type") {
        json doc = base();
        doc["instance_types"]["box.large"]["commitments"].push_back(
            json{{"plan", "reserved_instance"}, {"term", "1y"}, {"payment", "no_upfront"}, {"discount", "0.35"}, {"source", "quote"}});
        const error e = error_of(doc);
        CHECK(e.code() == errc::duplicate_name);
        CHECK(e.path() == "/instance_types/box.large/commitments/3");
    }
    SUBCASE("upfront_usd on a no_upfront entry") {
        json doc = base();
        doc["instance_types"]["box.large"]["commitments"][0] =
            json{{"plan", "reserved_instance"}, {"term", "1y"}, {"payment", "no_upfront"}, {"usd_per_hour", "0.1"}, {"upfront_usd", "5"}, {"source", "quote"}};
        const error e = error_of(doc);
        CHECK(e.code() == errc::inconsistent);
        CHECK(e.path() == "/instance_types/box.large/commitments/0/upfront_usd");
    }
    SUBCASE("both a discount and a price") {
        json doc = base();
        doc["instance_types"]["box.large"]["commitments"][1]["discount"] = "0.3";
        const error e = error_of(doc);
        CHECK(e.code() == errc::inconsistent);
        CHECK(e.path() == "/instance_types/box.large/commitments/1/discount");
    }
    SUBCASE("a discount above 1") {
        json doc = base();
        doc["instance_types"]["box.large"]["commitments"][0]["discount"] = "1.01";
        const error e = error_of(doc);
        CHECK(e.code() == errc::out_of_range);
        CHECK(e.path() == "/instance_types/box.large/commitments/0/discount");
        doc = base();
        doc["commitments"]["generic"]["reserved_instance"]["1y"]["partial_upfront"]["discount"] = "1.5";
        const error g = error_of(doc);
        CHECK(g.code() == errc::out_of_range);
        CHECK(g.path() == "/commitments/generic/reserved_instance/1y/partial_upfront/discount");
    }
    SUBCASE("a negative upfront payment") {
        json doc = base();
        doc["instance_types"]["box.large"]["commitments"][2]["upfront_usd"] = "-3000";
        const error e = error_of(doc);
        CHECK(e.code() == errc::out_of_range);
        CHECK(e.path() == "/instance_types/box.large/commitments/2/upfront_usd");
    }
    SUBCASE("an unknown key in an entry") {
        json doc = base();
        doc["commitments"]["generic"]["reserved_instance"]["1y"]["no_upfront"]["colour"] = "red";
        const error e = error_of(doc);
        CHECK(e.code() == errc::unknown_key);
        CHECK(e.path() == "/commitments/generic/reserved_instance/1y/no_upfront/colour");
    }
    SUBCASE("an entry citing an unknown source") {
        json doc = base();
        doc["instance_types"]["box.large"]["commitments"][0]["source"] = "nowhere";
        const error e = error_of(doc);
        CHECK(e.code() == errc::unknown_source);
        CHECK(e.path() == "/instance_types/box.large/commitments/0/source");
    }
}
