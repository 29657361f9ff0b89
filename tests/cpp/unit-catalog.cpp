#include <libtco/catalog/catalog.hpp>
#include <libtco/catalog/embedded_catalog.hpp>

#include "capture.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace libtco;

using fixture::capture;

// Figures from AWS's published us-east-1 Linux on-demand prices and instance specs.
TEST_CASE("the embedded catalog has the real us-east-1 figures") {
    const Catalog c = embedded_catalog();
    CHECK(c.region == "us-east-1");
    CHECK(c.effective_date == "2026-07-20");
    const InstanceType& p5 = c.instance_type("p5.48xlarge");
    CHECK(p5.gpus == Decimal(8));
    CHECK(p5.gpu_model == "H100");
    CHECK(p5.vcpu == Decimal(192));
    CHECK(p5.memory_gib == Decimal(2048));
    CHECK(p5.on_demand->to_string() == "55.04");
    CHECK(c.instance_type("g5.xlarge").on_demand->to_string() == "1.006");
    CHECK(c.instance_type("g5.xlarge").gpu_model == "A10G");
    CHECK(c.instance_type("m5.xlarge").on_demand->to_string() == "0.192");
    CHECK(c.instance_type("t3.medium").on_demand->to_string() == "0.0416");
    CHECK(c.instance_type("p4d.24xlarge").on_demand->to_string() == "21.957642");
    CHECK(c.instance_type("p5en.48xlarge").on_demand->to_string() == "63.296");
    CHECK_FALSE(c.instance_type("p5e.48xlarge").on_demand.has_value());  // Capacity Blocks only
    CHECK(c.instance_type("g6f.large").gpus.to_string() == "0.125");
    CHECK(c.fee("eks_cluster_standard").usd.to_string() == "0.1");
    CHECK(c.fee("eks_cluster_extended").usd.to_string() == "0.6");
    CHECK(c.fee("ecs_cluster").usd.value().is_zero());
    CHECK(c.find_source(c.instance_type("g5.xlarge").price_source) != nullptr);
}

TEST_CASE("the embedded catalog covers the families the core needs") {
    const Catalog c = embedded_catalog();
    std::set<std::string> families;
    for (const auto& [name, t] : c.instance_types) families.insert(t.family);
    for (const char* f : {"g4dn", "g5", "g6", "g6e", "p4d", "p4de", "p5", "p5en", "m5", "c5", "t3"}) {
        CAPTURE(f);
        CHECK(families.count(f) == 1);
    }
}

static const char* minimal_catalog = R"({
  "schema_version": 1, "name": "tiny", "region": "us-east-1", "effective_date": "2026-07-20",
  "sources": {"s": {"title": "t", "retrieved": "2026-07-20", "confidence": "high"}},
  "default_sources": {"specs": "s", "on_demand": "s"},
  "fees": {"eks_cluster_standard": {"usd": "0.10", "per": "cluster-hour", "source": "s"},
           "eks_cluster_extended": {"usd": "0.60", "per": "cluster-hour", "source": "s"},
           "ecs_cluster": {"usd": 0, "per": "cluster-hour", "source": "s"}},
  "gpu_models": {"L4": {"vendor": "nvidia", "memory_gib": "22.3515625", "mig": null, "source": "s"}},
  "instance_types": {"g6.xlarge": {"vcpu": 4, "memory_gib": 16, "gpus": 1, "gpu_model": "L4", "gpu_memory_gib": "22.3515625",
                                   "on_demand_usd_per_hour": "0.8048"}}
})";

static std::string with(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

TEST_CASE("a small catalog loads from text") {
    const Catalog c = Catalog::from_json_text(minimal_catalog);
    CHECK(c.name == "tiny");
    CHECK(c.instance_type("g6.xlarge").family == "g6");
    CHECK(c.instance_type("g6.xlarge").on_demand->to_string() == "0.8048");
}

TEST_CASE("catalog errors name the bad value") {
    const auto path_of = [](const std::string& text) { return capture([&] { (void)Catalog::from_json_text(text); }).path(); };
    const auto code_of = [](const std::string& text) { return capture([&] { (void)Catalog::from_json_text(text); }).code(); };
    std::string t = with(minimal_catalog, "\"vcpu\": 4", "\"vcpus\": 4");
    CHECK(path_of(t) == "/instance_types/g6.xlarge/vcpus");  // a typo of a required key is reported as unknown
    CHECK(code_of(t) == errc::unknown_key);
    t = with(minimal_catalog, "\"vcpu\": 4", "\"cores\": 4");
    CHECK(path_of(t) == "/instance_types/g6.xlarge/vcpu");  // nothing like it: the required key is missing
    CHECK(code_of(t) == errc::missing_key);
    t = with(minimal_catalog, "\"on_demand_usd_per_hour\": \"0.8048\"", "\"on_demand_usd_per_hour\": \"0.8048\", \"colour\": 1");
    CHECK(path_of(t) == "/instance_types/g6.xlarge/colour");
    CHECK(code_of(t) == errc::unknown_key);
    t = with(minimal_catalog, "\"gpu_model\": \"L4\"", "\"gpu_model\": \"L5\"");
    CHECK(code_of(t) == errc::unknown_gpu_model);
    t = with(minimal_catalog, "\"on_demand_usd_per_hour\": \"0.8048\"", "\"on_demand_usd_per_hour\": \"-1\"");
    CHECK(path_of(t) == "/instance_types/g6.xlarge/on_demand_usd_per_hour");
    t = with(minimal_catalog, "\"source\": \"s\"}}", "\"source\": \"nowhere\"}}");
    CHECK(code_of(t) == errc::unknown_source);
    t = with(minimal_catalog, "\"ecs_cluster\"", "\"ecs_fee\"");
    CHECK(path_of(t) == "/fees/ecs_cluster");
    t = with(minimal_catalog, "\"schema_version\": 1", "\"schema_version\": 2");
    CHECK(path_of(t) == "/schema_version");
    CHECK(code_of("[1, 2]") == errc::wrong_type);
    CHECK(code_of("{") == errc::parse_invalid_json);
    CHECK(capture([] { (void)load_catalog_file("/nonexistent/catalog.json"); }).code() == errc::io);
}

TEST_CASE("scenario overrides change prices and add custom types") {
    const Catalog c = Catalog::from_json_text(minimal_catalog);
    std::map<std::string, InstanceTypeOverride> overrides;
    overrides["g6.xlarge"].on_demand = HourlyRate::parse("0.5");
    overrides["my.box"].vcpu = Decimal(8);
    overrides["my.box"].memory_gib = Decimal(32);
    overrides["my.box"].on_demand = HourlyRate::parse("0.25");
    const Catalog o = c.with_overrides(overrides, "/instance_types");
    CHECK(o.instance_type("g6.xlarge").on_demand->to_string() == "0.5");
    CHECK(o.instance_type("g6.xlarge").price_source == "scenario");
    CHECK(o.instance_type("g6.xlarge").vcpu == Decimal(4));
    CHECK(o.instance_type("my.box").vcpu == Decimal(8));
    CHECK(c.instance_type("g6.xlarge").on_demand->to_string() == "0.8048");  // the original is untouched

    std::map<std::string, InstanceTypeOverride> incomplete;
    incomplete["x.large"].vcpu = Decimal(2);
    const error e = capture([&] { (void)c.with_overrides(incomplete, "/instance_types"); });
    CHECK(e.path() == "/instance_types/x.large/memory_gib");
    CHECK(e.code() == errc::missing_key);

    std::map<std::string, InstanceTypeOverride> bad_model;
    bad_model["g6.xlarge"].gpu_model = "Z9";
    CHECK(capture([&] { (void)c.with_overrides(bad_model, "/instance_types"); }).path() == "/instance_types/g6.xlarge/gpu_model");
    CHECK_THROWS_AS(c.instance_type("nope.large", "/eks/node_types/0"), lookup_error);
}
