// Spot figures: quotes from savings or an observed price, the type > family > generic precedence,
// the Advisor's interruption buckets, and errors in a catalog's spot entries.
#include <libtco/catalog/catalog.hpp>
#include <libtco/catalog/embedded_catalog.hpp>
#include <libtco/catalog/spot.hpp>

#include "capture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace libtco;
using fixture::capture;
using nlohmann::json;

namespace {

// Prices: g6.xlarge 0.8 (own spot figure 0.3 off), g6.2xlarge 2 (family g6: 0.4 off),
// m9.large 0.1 (generic: 0.5 off), x9.large 1 (own observed price 0.2).
const char* spot_catalog = R"({
  "schema_version": 1, "name": "spot-test", "region": "us-east-1", "effective_date": "2026-07-20",
  "sources": {"s": {"title": "specs and prices", "retrieved": "2026-07-20", "confidence": "high"},
              "adv": {"title": "advisor", "retrieved": "2026-09-01", "confidence": "low"},
              "obs": {"title": "observed", "retrieved": "2026-08-01", "confidence": "medium"}},
  "default_sources": {"specs": "s", "on_demand": "s"},
  "fees": {"eks_cluster_standard": {"usd": "0.1", "per": "cluster-hour", "source": "s"},
           "eks_cluster_extended": {"usd": "0.6", "per": "cluster-hour", "source": "s"},
           "ecs_cluster": {"usd": "0", "per": "cluster-hour", "source": "s"}},
  "spot": {"generic": {"savings": "0.5", "low": "0.3", "high": "0.7", "interruption": "10-15%", "source": "adv"},
           "families": {"g6": {"savings": "0.4", "interruption": ">20%", "source": "adv"}}},
  "gpu_models": {"L4": {"vendor": "nvidia", "memory_gib": "22.3515625", "mig": null, "source": "s"}},
  "instance_types": {
    "g6.xlarge": {"vcpu": 4, "memory_gib": 16, "gpus": 1, "gpu_model": "L4", "gpu_memory_gib": "22.3515625",
                  "on_demand_usd_per_hour": "0.8", "spot": {"savings": "0.3", "interruption": "<5%", "source": "adv"}},
    "g6.2xlarge": {"vcpu": 8, "memory_gib": 32, "gpus": 1, "gpu_model": "L4", "gpu_memory_gib": "22.3515625",
                   "on_demand_usd_per_hour": "2"},
    "m9.large": {"vcpu": 2, "memory_gib": 8, "on_demand_usd_per_hour": "0.1"},
    "x9.large": {"vcpu": 2, "memory_gib": 8, "on_demand_usd_per_hour": "1",
                 "spot": {"usd_per_hour": "0.2", "source": "obs"}},
    "n9.large": {"vcpu": 2, "memory_gib": 8}
  }
})";

json base() { return json::parse(spot_catalog); }

error error_of(const json& doc) {
    return capture([&] { (void)Catalog::from_json_text(doc.dump()); });
}

}  // namespace

TEST_CASE("interruption labels round-trip and anything else is rejected") {
    CHECK(interruption_labels.size() == 5);
    CHECK(to_string(InterruptionBucket::under_5) == "<5%");
    CHECK(to_string(InterruptionBucket::from_5_to_10) == "5-10%");
    CHECK(to_string(InterruptionBucket::from_10_to_15) == "10-15%");
    CHECK(to_string(InterruptionBucket::from_15_to_20) == "15-20%");
    CHECK(to_string(InterruptionBucket::over_20) == ">20%");
    for (const InterruptionBucket b : {InterruptionBucket::under_5, InterruptionBucket::from_5_to_10, InterruptionBucket::from_10_to_15,
                                       InterruptionBucket::from_15_to_20, InterruptionBucket::over_20}) {
        CAPTURE(to_string(b));
        const auto parsed = parse_interruption(to_string(b));
        REQUIRE(parsed.has_value());
        CHECK(*parsed == b);
    }
    for (const char* bad : {"", "5%", "< 5%", "<5", "20%+", ">20", "10-15", "10 - 15%", "over_20"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_interruption(bad).has_value());
    }
}

TEST_CASE("quote_spot from savings: price is on-demand x (1 - savings)") {
    SpotFigure f;
    f.savings = Fraction::parse("0.57");
    f.interruption = InterruptionBucket::under_5;
    f.source = "adv";
    const SpotQuote q = quote_spot(f, HourlyRate::parse("55.04"), FigureBasis::family);
    CHECK(q.price.to_string() == "23.6672");  // 55.04 x (1 - 0.57) = 55.04 x 0.43 = 23.6672
    CHECK(q.savings.to_string() == "0.57");
    CHECK(q.interruption == InterruptionBucket::under_5);
    CHECK(q.basis == FigureBasis::family);
    CHECK(q.source == "adv");
}

TEST_CASE("quote_spot from an observed price: savings is 1 - spot / on-demand") {
    SpotFigure f;
    f.price = HourlyRate::parse("27.1988");
    f.source = "obs";
    const SpotQuote q = quote_spot(f, HourlyRate::parse("63.296"), FigureBasis::instance_type);
    CHECK(q.price.to_string() == "27.1988");
    // 27.1988 / 63.296 = 0.429708038422|649... -> 0.429708038423 (12 places, half-even: the 13th digit is 6)
    // 1 - 0.429708038423 = 0.570291961577
    CHECK(q.savings.to_string() == "0.570291961577");
    CHECK_FALSE(q.interruption.has_value());
    // an observed price on a free type has no meaningful savings: 0, not a division by zero
    CHECK(quote_spot(f, HourlyRate{}, FigureBasis::instance_type).savings.value().is_zero());
}

TEST_CASE("the embedded catalog: p5en.48xlarge observed at 27.1988 against 63.296 on-demand") {
    const Catalog c = embedded_catalog();
    const auto q = c.spot_quote(c.instance_type("p5en.48xlarge"));
    REQUIRE(q.has_value());
    CHECK(q->basis == FigureBasis::instance_type);
    CHECK(q->price.to_string() == "27.1988");
    CHECK(q->savings.to_string() == "0.570291961577");  // 1 - 27.1988 / 63.296, as above
    CHECK_FALSE(q->interruption.has_value());  // the observation gives no bucket
    CHECK(c.confidence_of(q->source) == Confidence::medium);  // pricing-facts: (M)
}

TEST_CASE("the embedded catalog: spot precedence is type, then family, then generic") {
    const Catalog c = embedded_catalog();
    // p5.48xlarge: its own Advisor figure, 57% off, <5%: 55.04 x 0.43 = 23.6672
    const auto p5 = c.spot_quote(c.instance_type("p5.48xlarge"));
    REQUIRE(p5.has_value());
    CHECK(p5->basis == FigureBasis::instance_type);
    CHECK(p5->savings.to_string() == "0.57");
    CHECK(p5->price.to_string() == "23.6672");
    CHECK(p5->interruption == InterruptionBucket::under_5);
    CHECK(c.confidence_of(p5->source) == Confidence::low);  // a single third-party write-up

    // g6e.12xlarge has no figure of its own: the g6e family default is the lowest quoted savings
    // (g6e.2xlarge 54%, 4xlarge 62%, 8xlarge 62% -> 54%) and the highest bucket (>20%, g6e.4xlarge)
    const auto g6e = c.spot_quote(c.instance_type("g6e.12xlarge"));
    REQUIRE(g6e.has_value());
    CHECK(g6e->basis == FigureBasis::family);
    CHECK(g6e->savings.to_string() == "0.54");
    CHECK(g6e->interruption == InterruptionBucket::over_20);
    CHECK(g6e->price.to_string() == "4.8266144");  // 10.49264 x (1 - 0.54) = 10.49264 x 0.46 = 4.8266144
    // ... while g6e.2xlarge keeps its own bucket 5-10%
    const auto g6e2 = c.spot_quote(c.instance_type("g6e.2xlarge"));
    REQUIRE(g6e2.has_value());
    CHECK(g6e2->basis == FigureBasis::instance_type);
    CHECK(g6e2->interruption == InterruptionBucket::from_5_to_10);

    // m5.large: no type or family figure, the generic 50% (30-70%) and 10-15%
    const auto m5 = c.spot_quote(c.instance_type("m5.large"));
    REQUIRE(m5.has_value());
    CHECK(m5->basis == FigureBasis::generic);
    CHECK(m5->savings.to_string() == "0.5");
    CHECK(m5->savings_low->to_string() == "0.3");
    CHECK(m5->savings_high->to_string() == "0.7");
    CHECK(m5->interruption == InterruptionBucket::from_10_to_15);
    CHECK(m5->price.to_string() == "0.048");  // 0.096 x (1 - 0.5) = 0.048
}

TEST_CASE("no spot quote for a type without an on-demand price (p5e.48xlarge: Capacity Blocks only)") {
    const Catalog c = embedded_catalog();
    CHECK_FALSE(c.spot_quote(c.instance_type("p5e.48xlarge")).has_value());
}

TEST_CASE("a small catalog: distinct type, family and generic figures show which one wins") {
    const Catalog c = Catalog::from_json_text(spot_catalog);
    const auto own = c.spot_quote(c.instance_type("g6.xlarge"));  // own 0.3 beats family 0.4 and generic 0.5
    REQUIRE(own.has_value());
    CHECK(own->basis == FigureBasis::instance_type);
    CHECK(own->savings.to_string() == "0.3");
    CHECK(own->price.to_string() == "0.56");  // 0.8 x 0.7 = 0.56
    CHECK(own->interruption == InterruptionBucket::under_5);
    CHECK_FALSE(own->savings_low.has_value());  // the generic range does not leak into a type figure

    const auto family = c.spot_quote(c.instance_type("g6.2xlarge"));  // family 0.4 beats generic 0.5
    REQUIRE(family.has_value());
    CHECK(family->basis == FigureBasis::family);
    CHECK(family->price.to_string() == "1.2");  // 2 x 0.6 = 1.2
    CHECK(family->interruption == InterruptionBucket::over_20);

    const auto generic = c.spot_quote(c.instance_type("m9.large"));
    REQUIRE(generic.has_value());
    CHECK(generic->basis == FigureBasis::generic);
    CHECK(generic->price.to_string() == "0.05");  // 0.1 x 0.5 = 0.05
    CHECK(generic->savings_low->to_string() == "0.3");

    const auto observed = c.spot_quote(c.instance_type("x9.large"));
    REQUIRE(observed.has_value());
    CHECK(observed->price.to_string() == "0.2");
    CHECK(observed->savings.to_string() == "0.8");  // 1 - 0.2 / 1 = 0.8
    CHECK(c.confidence_of(observed->source) == Confidence::medium);

    CHECK_FALSE(c.spot_quote(c.instance_type("n9.large")).has_value());  // no on-demand price
}

TEST_CASE("a catalog without spot figures quotes spot only for types with their own") {
    json doc = base();
    doc.erase("spot");
    const Catalog c = Catalog::from_json_text(doc.dump());
    CHECK_FALSE(c.spot_generic.has_value());
    CHECK_FALSE(c.spot_quote(c.instance_type("m9.large")).has_value());
    CHECK_FALSE(c.spot_quote(c.instance_type("g6.2xlarge")).has_value());
    CHECK(c.spot_quote(c.instance_type("g6.xlarge")).has_value());
}

TEST_CASE("spot reading errors name the offending value") {
    SUBCASE("both savings and usd_per_hour in a type entry") {
        json doc = base();
        doc["instance_types"]["x9.large"]["spot"]["savings"] = "0.5";
        const error e = error_of(doc);
        CHECK(e.code() == errc::inconsistent);
        CHECK(e.path() == "/instance_types/x9.large/spot/savings");
    }
    SUBCASE("usd_per_hour beside savings in a family entry is an unknown key") {
        json doc = base();
        doc["spot"]["families"]["g6"]["usd_per_hour"] = "0.5";
        const error e = error_of(doc);
        CHECK(e.code() == errc::unknown_key);
        CHECK(e.path() == "/spot/families/g6/usd_per_hour");
    }
    SUBCASE("usd_per_hour instead of savings in a family entry: savings is required there") {
        json doc = base();
        doc["spot"]["families"]["g6"].erase("savings");
        doc["spot"]["families"]["g6"]["usd_per_hour"] = "0.5";
        const error e = error_of(doc);
        CHECK(e.code() == errc::missing_key);
        CHECK(e.path() == "/spot/families/g6/savings");
    }
    SUBCASE("usd_per_hour in the generic entry") {
        json doc = base();
        doc["spot"]["generic"]["usd_per_hour"] = "0.5";
        const error e = error_of(doc);
        CHECK(e.code() == errc::unknown_key);
        CHECK(e.path() == "/spot/generic/usd_per_hour");
    }
    SUBCASE("low above savings") {
        json doc = base();
        doc["spot"]["generic"]["low"] = "0.6";  // savings 0.5
        const error e = error_of(doc);
        CHECK(e.code() == errc::inconsistent);
        CHECK(e.path() == "/spot/generic/low");
    }
    SUBCASE("high below savings in a family entry") {
        json doc = base();
        doc["spot"]["families"]["g6"]["high"] = "0.35";  // savings 0.4
        const error e = error_of(doc);
        CHECK(e.code() == errc::inconsistent);
        CHECK(e.path() == "/spot/families/g6/high");
    }
    SUBCASE("savings above 1") {
        json doc = base();
        doc["instance_types"]["g6.xlarge"]["spot"]["savings"] = "1.2";
        const error e = error_of(doc);
        CHECK(e.code() == errc::out_of_range);
        CHECK(e.path() == "/instance_types/g6.xlarge/spot/savings");
    }
    SUBCASE("a negative observed price") {
        json doc = base();
        doc["instance_types"]["x9.large"]["spot"]["usd_per_hour"] = "-0.2";
        const error e = error_of(doc);
        CHECK(e.code() == errc::out_of_range);
        CHECK(e.path() == "/instance_types/x9.large/spot/usd_per_hour");
    }
    SUBCASE("a bucket label that is not one of the Advisor's") {
        json doc = base();
        doc["spot"]["families"]["g6"]["interruption"] = "20-25%";
        const error e = error_of(doc);
        CHECK(e.code() == errc::bad_format);
        CHECK(e.path() == "/spot/families/g6/interruption");
    }
    SUBCASE("a bucket label that is not a string") {
        json doc = base();
        doc["instance_types"]["g6.xlarge"]["spot"]["interruption"] = 5;
        const error e = error_of(doc);
        CHECK(e.code() == errc::wrong_type);
        CHECK(e.path() == "/instance_types/g6.xlarge/spot/interruption");
    }
    SUBCASE("an unknown key in a spot entry") {
        json doc = base();
        doc["instance_types"]["g6.xlarge"]["spot"]["colour"] = "red";
        const error e = error_of(doc);
        CHECK(e.code() == errc::unknown_key);
        CHECK(e.path() == "/instance_types/g6.xlarge/spot/colour");
    }
    SUBCASE("an unknown key in the spot section") {
        json doc = base();
        doc["spot"]["types"] = json::object();
        const error e = error_of(doc);
        CHECK(e.code() == errc::unknown_key);
        CHECK(e.path() == "/spot/types");
    }
    SUBCASE("a spot figure citing an unknown source") {
        json doc = base();
        doc["spot"]["families"]["g6"]["source"] = "nowhere";
        const error e = error_of(doc);
        CHECK(e.code() == errc::unknown_source);
        CHECK(e.path() == "/spot/families/g6/source");
    }
}

TEST_CASE("spot figures survive to_json and back") {
    const Catalog c = Catalog::from_json_text(spot_catalog);
    const Catalog again = Catalog::from_json_text(to_json(c).dump());
    CHECK(again.spot_generic->savings->to_string() == "0.5");
    CHECK(again.spot_generic->interruption == InterruptionBucket::from_10_to_15);
    CHECK(again.spot_families.at("g6").interruption == InterruptionBucket::over_20);
    CHECK(again.instance_type("x9.large").spot->price->to_string() == "0.2");
    CHECK_FALSE(again.instance_type("x9.large").spot->savings.has_value());
    CHECK(to_json(again) == to_json(c));
}
