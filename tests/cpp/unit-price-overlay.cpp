// Price overlays: a blanket discount off every catalog price (not off shares), fee prices and
// per-type prices taken as paid, errors with JSON pointers, and the JSON round trip.
#include "scenario_fixture.hpp"

#include <nlohmann/json.hpp>

#include <string>

using namespace libtco;
using fixture::capture;
using fixture::category_cents;
using fixture::cents;
using fixture::scenario_json;

namespace {

PriceOverlay overlay(const std::string& text) { return PriceOverlay::from_json_text(text); }

error overlay_error(const std::string& text) {
    return capture([&] { (void)PriceOverlay::from_json_text(text); });
}

// A type with a commitment price (the embedded catalogs give none): recurring 0.05, upfront 1000.
const char* priced_catalog = R"({
  "schema_version": 1, "name": "overlay-test", "region": "us-east-1", "effective_date": "2026-07-20",
  "sources": {"s": {"title": "specs and prices", "retrieved": "2026-07-20", "confidence": "high"}},
  "default_sources": {"specs": "s", "on_demand": "s"},
  "fees": {"eks_cluster_standard": {"usd": "0.1", "per": "cluster-hour", "source": "s"},
           "eks_cluster_extended": {"usd": "0.6", "per": "cluster-hour", "source": "s"},
           "ecs_cluster": {"usd": "0", "per": "cluster-hour", "source": "s"}},
  "gpu_models": {},
  "instance_types": {
    "box.large": {"vcpu": 2, "memory_gib": 8, "on_demand_usd_per_hour": "0.2",
                  "commitments": [{"plan": "reserved_instance", "term": "1y", "payment": "partial_upfront",
                                   "usd_per_hour": "0.05", "upfront_usd": "1000", "source": "s"}]}
  }
})";

}  // namespace

TEST_CASE("a blanket discount scales on-demand, observed spot, published Auto Mode fees and fees") {
    const Catalog c = embedded_catalog();
    const Catalog o = apply_overlay(c, overlay(R"({"name": "EDP", "discount": "0.1"})"), "/price_overlay");
    // kept share 1 - 0.1 = 0.9
    CHECK(o.instance_type("p5.48xlarge").on_demand->to_string() == "49.536");     // 55.04 x 0.9
    CHECK(o.instance_type("g5.xlarge").on_demand->to_string() == "0.9054");       // 1.006 x 0.9
    CHECK(o.instance_type("p5en.48xlarge").spot->price->to_string() == "24.47892");  // 27.1988 x 0.9
    CHECK(o.instance_type("m5.large").eks_auto_mode->usd.to_string() == "0.010368");  // 0.01152 x 0.9
    CHECK(o.fee("eks_cluster_standard").usd.to_string() == "0.09");   // 0.1 x 0.9
    CHECK(o.fee("eks_cluster_extended").usd.to_string() == "0.54");   // 0.6 x 0.9
    CHECK(o.fee("fargate_x86_vcpu").usd.to_string() == "0.036432");   // 0.04048 x 0.9
    CHECK(o.fee("ecs_cluster").usd.value().is_zero());
    // the sources do not change: a discount is not a new figure
    CHECK(o.instance_type("g5.xlarge").price_source == c.instance_type("g5.xlarge").price_source);
    // and the catalog it was applied to is untouched
    CHECK(c.instance_type("p5.48xlarge").on_demand->to_string() == "55.04");
}

TEST_CASE("a blanket discount leaves shares alone: savings, commitment discounts, the Auto Mode share") {
    const Catalog c = embedded_catalog();
    const Catalog o = apply_overlay(c, overlay(R"({"discount": "0.1"})"), "/price_overlay");
    CHECK(o.share("eks_auto_mode_fee").value.to_string() == "0.12");
    CHECK(o.share("fargate_spot_discount").value.to_string() == "0.7");
    CHECK(o.spot_generic->savings->to_string() == "0.5");
    CHECK(o.instance_type("p5.48xlarge").spot->savings->to_string() == "0.57");

    // quotes follow the discounted on-demand price
    const auto spot = o.spot_quote(o.instance_type("p5.48xlarge"));
    REQUIRE(spot.has_value());
    CHECK(spot->price.to_string() == "21.30048");  // 49.536 x (1 - 0.57) = 49.536 x 0.43 = 21.30048
    // the observed p5en price and its on-demand price shrink alike: the savings stay
    // 1 - 24.47892 / 56.9664 = 1 - 27.1988 / 63.296 -> 0.570291961577 (12 places, half-even)
    const auto p5en = o.spot_quote(o.instance_type("p5en.48xlarge"));
    REQUIRE(p5en.has_value());
    CHECK(p5en->savings.to_string() == "0.570291961577");
    // t3.medium 1y RI no upfront: 37% off the discounted 0.0416 x 0.9 = 0.03744: 0.03744 x 0.63 = 0.0235872
    const auto ri = o.commitment_quote(o.instance_type("t3.medium"),
                                       {CommitmentPlan::reserved_instance, CommitmentTerm::one_year, UpfrontPayment::none});
    REQUIRE(ri.has_value());
    CHECK(ri->discount.to_string() == "0.37");
    CHECK(ri->effective.to_string() == "0.0235872");
    // a derived Auto Mode fee: the undiscounted share of the discounted price, 0.12 x 0.9054 = 0.108648
    CHECK(o.eks_auto_mode_fee(o.instance_type("g5.xlarge"))->usd.to_string() == "0.108648");
}

TEST_CASE("a blanket discount scales commitment prices, recurring and upfront") {
    const Catalog c = Catalog::from_json_text(priced_catalog);
    const Catalog o = apply_overlay(c, overlay(R"({"discount": "0.1"})"), "/price_overlay");
    const CommitmentOffer& offer = o.instance_type("box.large").commitments.at(0);
    CHECK(offer.recurring->to_string() == "0.045");  // 0.05 x 0.9
    CHECK(offer.upfront.to_string() == "900");       // 1000 x 0.9
    // effective: 0.045 + 900 / 8760; 900 / 8760 = 0.102739726027|39... -> 0.102739726027; sum 0.147739726027
    const auto q = o.commitment_quote(o.instance_type("box.large"),
                                      {CommitmentPlan::reserved_instance, CommitmentTerm::one_year, UpfrontPayment::partial});
    REQUIRE(q.has_value());
    CHECK(q->effective.to_string() == "0.147739726027");
}

TEST_CASE("overlay fees and per-type prices are taken as paid, not discounted") {
    const Catalog c = embedded_catalog();
    const Catalog o = apply_overlay(c, overlay(R"({"discount": "0.1", "fees": {"eks_cluster_standard": "0.08"},
                                                   "instance_types": {"g5.xlarge": {"on_demand_usd_per_hour": "0.9"}}})"),
                                    "/price_overlay");
    CHECK(o.fee("eks_cluster_standard").usd.to_string() == "0.08");  // not 0.08 x 0.9 = 0.072
    CHECK(o.fee("eks_cluster_standard").source == "scenario");
    CHECK(o.confidence_of("scenario") == Confidence::high);
    CHECK(o.fee("eks_cluster_extended").usd.to_string() == "0.54");  // not in the overlay: 0.6 x 0.9
    CHECK(o.instance_type("g5.xlarge").on_demand->to_string() == "0.9");  // not 0.9 x 0.9 = 0.81
    CHECK(o.instance_type("g5.xlarge").price_source == "scenario");
    CHECK(o.instance_type("g5.2xlarge").on_demand->to_string() == "1.0908");  // 1.212 x 0.9
}

TEST_CASE("an overlay fee the catalog does not have is a lookup error at its path") {
    const error e = capture([] {
        (void)apply_overlay(embedded_catalog(), overlay(R"({"fees": {"eks_cluster_premium": "1"}})"), "/price_overlay");
    });
    CHECK(e.code() == errc::missing_figure);
    CHECK(e.path() == "/price_overlay/fees/eks_cluster_premium");
    CHECK(e.code_name() == "libtco.lookup.205");
    CHECK_THROWS_AS((void)apply_overlay(embedded_catalog(), overlay(R"({"fees": {"eks_cluster_premium": "1"}})"), "/price_overlay"),
                    lookup_error);

    // the same through compare(): the path points into the scenario
    const std::string json = scenario_json("[]", "{}", "{}", R"("price_overlay": {"fees": {"nope": "1"}}, )");
    const error via = capture([&] { (void)fixture::compare(json); });
    CHECK(via.code() == errc::missing_figure);
    CHECK(via.path() == "/price_overlay/fees/nope");
}

TEST_CASE("an empty overlay changes nothing") {
    const PriceOverlay o = overlay("{}");
    CHECK(o.empty());
    CHECK(o.name == "price overlay");
    const Catalog c = embedded_catalog();
    CHECK(to_json(apply_overlay(c, o, "/price_overlay")) == to_json(c));
    CHECK_FALSE(overlay(R"({"discount": "0"})").empty());
}

TEST_CASE("an overlay in a scenario: the comparison uses and names it") {
    // 8 one-GPU replicas on g5.xlarge, 10% off: 8 x (1.006 x 0.9 = 0.9054) x 730 = 5,287.536 -> 5,287.54
    // EKS fee 0.1 x 0.9 = 0.09 x 730 = 65.70; staff is not a catalog price: 60 h x 200,000 / 1,840 = 6,521.74
    // (one GPU pool, one workload: unit-engine)
    const std::string json = scenario_json(R"([{"name": "infer", "replicas": 8, "gpus": 1, "vcpu": 1, "memory_gib": 4}])",
                                           R"({"node_types": ["g5.xlarge"]})", R"({"node_types": ["g5.xlarge"]})",
                                           R"("price_overlay": {"name": "EDP 2026", "discount": "0.1"}, )");
    const Comparison c = fixture::compare(json);
    CHECK(category_cents(c.eks, category::compute) == "5287.54");
    CHECK(category_cents(c.ecs, category::compute) == "5287.54");
    CHECK(category_cents(c.eks, category::control_plane) == "65.70");
    CHECK(category_cents(c.eks, category::operations) == "6521.74");
    CHECK(c.overlay == "EDP 2026");
    REQUIRE(c.overlay_discount.has_value());
    CHECK(c.overlay_discount->to_string() == "0.1");
    CHECK(c.catalog == "aws-us-east-1-2026-07-20");  // the catalog's name, not the overlay's
    // the overlay with an instance type price on top: 8 x 0.8 x 730 = 4,672.00
    const Comparison priced = fixture::compare(scenario_json(
        R"([{"name": "infer", "replicas": 8, "gpus": 1, "vcpu": 1, "memory_gib": 4}])", R"({"node_types": ["g5.xlarge"]})",
        R"({"node_types": ["g5.xlarge"]})",
        R"("price_overlay": {"discount": "0.1", "instance_types": {"g5.xlarge": {"on_demand_usd_per_hour": "0.8"}}}, )"));
    CHECK(category_cents(priced.ecs, category::compute) == "4672.00");
    CHECK(priced.ecs.instances.at(0).price_source == "scenario");
}

TEST_CASE("overlay reading errors name the offending value") {
    const auto check = [](const std::string& text, errc code, const std::string& path) {
        CAPTURE(text);
        const error e = overlay_error(text);
        CHECK(e.code() == code);
        CHECK(e.path() == path);
    };
    check(R"({"discount": "1.5"})", errc::out_of_range, "/discount");
    check(R"({"discount": "1"})", errc::out_of_range, "/discount");  // nothing left to pay
    check(R"({"discount": "-0.1"})", errc::out_of_range, "/discount");
    check(R"({"discount": "ten percent"})", errc::bad_format, "/discount");
    check(R"({"discunt": "0.1"})", errc::unknown_key, "/discunt");
    check(R"({"schema_version": 2})", errc::out_of_range, "/schema_version");
    check(R"({"fees": {"eks_cluster_standard": "-1"}})", errc::out_of_range, "/fees/eks_cluster_standard");
    check(R"({"fees": {"eks_cluster_standard": "cheap"}})", errc::bad_format, "/fees/eks_cluster_standard");
    check(R"({"fees": []})", errc::wrong_type, "/fees");
    check(R"({"instance_types": {"g5.xlarge": {"vcpu": 0}}})", errc::out_of_range, "/instance_types/g5.xlarge/vcpu");
    check(R"({"instance_types": {"g5.xlarge": {"on_demand_usd_per_hour": "-0.5"}}})", errc::out_of_range,
          "/instance_types/g5.xlarge/on_demand_usd_per_hour");
    check(R"({"instance_types": {"g5.xlarge": {"colour": "red"}}})", errc::unknown_key, "/instance_types/g5.xlarge/colour");
    check("[]", errc::wrong_type, "");

    // inside a scenario the paths start at /price_overlay
    const auto scenario_error = [](const std::string& overlay_json) {
        return capture([&] { (void)Scenario::from_json_text(scenario_json("[]", "{}", "{}", R"("price_overlay": )" + overlay_json + ", ")); });
    };
    CHECK(scenario_error(R"({"discount": "2"})").path() == "/price_overlay/discount");
    CHECK(scenario_error(R"({"fees": {"ecs_cluster": "x"}})").path() == "/price_overlay/fees/ecs_cluster");
    const error version = scenario_error(R"({"schema_version": 1})");
    CHECK(version.code() == errc::unknown_key);
    CHECK(version.path() == "/price_overlay/schema_version");
}

TEST_CASE("an overlay round-trips through JSON") {
    const PriceOverlay o = overlay(R"({"schema_version": 1, "name": "EDP 2026", "discount": "0.125",
        "fees": {"eks_cluster_standard": "0.08", "ecs_anywhere_instance": "0.01"},
        "instance_types": {"g5.xlarge": {"on_demand_usd_per_hour": "0.9"},
                           "my.gpu": {"vcpu": 8, "memory_gib": 32, "gpus": 1, "gpu_model": "L4", "gpu_memory_gib": "22.3515625",
                                      "allocatable_vcpu": "7.5", "allocatable_memory_gib": "30", "on_demand_usd_per_hour": "0.5"}}})");
    const PriceOverlay again = PriceOverlay::from_json_text(to_json(o).dump());
    CHECK(again.name == "EDP 2026");
    CHECK(again.discount->to_string() == "0.125");
    CHECK(again.fees.size() == 2);
    CHECK(again.fees.at("ecs_anywhere_instance").to_string() == "0.01");
    const InstanceTypeOverride& t = again.instance_types.at("my.gpu");
    CHECK(t.vcpu->to_string() == "8");
    CHECK(t.gpus->to_string() == "1");
    CHECK(*t.gpu_model == "L4");
    CHECK(t.gpu_memory_gib->to_string() == "22.3515625");
    CHECK(t.allocatable_vcpu->to_string() == "7.5");
    CHECK(t.allocatable_memory_gib->to_string() == "30");
    CHECK(t.on_demand->to_string() == "0.5");
    CHECK_FALSE(again.instance_types.at("g5.xlarge").vcpu.has_value());
    CHECK(to_json(again) == to_json(o));
    // and it does the same to a catalog
    const Catalog c = embedded_catalog();
    CHECK(to_json(apply_overlay(c, again, "/price_overlay")) == to_json(apply_overlay(c, o, "/price_overlay")));
}
