// Everything a catalog says about one instance type, resolved and cited: specs, GPU model and MIG,
// on-demand, spot, the 18 commitment rates and the EKS Auto Mode fee with its reported variants.
#include <libtco/catalog/catalog.hpp>
#include <libtco/catalog/embedded_catalog.hpp>
#include <libtco/catalog/type_pricing.hpp>

#include "capture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

using namespace libtco;
using fixture::capture;

TEST_CASE("p5.48xlarge: 8 x H100 80 GiB with MIG, 55.04 on-demand, its own spot figure") {
    const Catalog c = embedded_catalog();
    const TypePricing p = price_instance_type(c, "p5.48xlarge");
    REQUIRE(p.type != nullptr);
    CHECK(p.type->name == "p5.48xlarge");
    CHECK(p.type->gpus == Decimal(8));
    CHECK(p.type->gpu_memory_gib == Decimal(80));  // 81920 MiB / 1024
    REQUIRE(p.gpu_model != nullptr);
    CHECK(p.gpu_model->id == "H100");
    CHECK(p.gpu_model->memory_gib == Decimal(80));
    REQUIRE(p.gpu_model->mig.has_value());
    CHECK(p.gpu_model->mig->max_instances == 7);  // NVIDIA: up to 7 MIG instances per GPU
    CHECK(p.type->on_demand->to_string() == "55.04");

    REQUIRE(p.spot.has_value());
    CHECK(p.spot->basis == FigureBasis::instance_type);
    CHECK(p.spot->savings.to_string() == "0.57");
    CHECK(p.spot->price.to_string() == "23.6672");  // 55.04 x (1 - 0.57)
    CHECK(p.spot->interruption == InterruptionBucket::under_5);
}

TEST_CASE("p5.48xlarge: all 18 commitment rates, from the generic table, in the stable order") {
    const Catalog c = embedded_catalog();
    const TypePricing p = price_instance_type(c, "p5.48xlarge");
    REQUIRE(p.commitments.size() == 18);
    const auto keys = all_commitment_keys();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        CAPTURE(to_string(keys[i]));
        CHECK(p.commitments[i].key == keys[i]);
        CHECK(p.commitments[i].basis == FigureBasis::generic);
        CHECK_FALSE(p.commitments[i].upfront.has_value());  // discounts only: no price split
    }
    // compute_savings_plan 1y no_upfront 0.3392: 55.04 x 0.6608 = 36.370432
    CHECK(p.commitments.front().effective.to_string() == "36.370432");
    // reserved_instance 3y all_upfront 0.62: 55.04 x 0.38 = 20.9152
    CHECK(p.commitments.back().effective.to_string() == "20.9152");
    // ec2_instance_savings_plan 1y no_upfront (index 6) = RI 0.37: 55.04 x 0.63 = 34.6752
    CHECK(to_string(p.commitments[6].key) == "ec2_instance_savings_plan 1y no_upfront");
    CHECK(p.commitments[6].effective.to_string() == "34.6752");
}

TEST_CASE("p5.48xlarge: Auto Mode 12% of on-demand and the reported P-family variant") {
    const Catalog c = embedded_catalog();
    const TypePricing p = price_instance_type(c, "p5.48xlarge");
    REQUIRE(p.eks_auto_mode.size() == 2);
    CHECK(p.eks_auto_mode[0].basis == "eks_auto_mode_fee");
    CHECK(p.eks_auto_mode[0].fee.usd.to_string() == "6.6048");  // 0.12 x 55.04 = 6.6048
    CHECK(c.confidence_of(p.eks_auto_mode[0].fee.source) == Confidence::high);
    CHECK(p.eks_auto_mode[1].basis == "eks_auto_mode_fee_p_2026_07");
    CHECK(p.eks_auto_mode[1].fee.usd.to_string() == "2.64192");  // 0.048 x 55.04 = 2.64192 (0.12 x 0.4 = 0.048)
    CHECK(c.confidence_of(p.eks_auto_mode[1].fee.source) == Confidence::low);  // a single third-party report
}

TEST_CASE("m5.large: the published Auto Mode fee 0.01152 and no G/P variant") {
    const Catalog c = embedded_catalog();
    const TypePricing p = price_instance_type(c, "m5.large");
    CHECK(p.gpu_model == nullptr);
    REQUIRE(p.eks_auto_mode.size() == 1);
    CHECK(p.eks_auto_mode[0].basis == "published");
    CHECK(p.eks_auto_mode[0].fee.usd.to_string() == "0.01152");  // AWS's figure; = 0.12 x 0.096
    CHECK(c.confidence_of(p.eks_auto_mode[0].fee.source) == Confidence::high);
    // the published figure agrees with the share it documents
    CHECK(p.eks_auto_mode[0].fee.usd == *c.instance_type("m5.large").on_demand * c.share("eks_auto_mode_fee").value);
}

TEST_CASE("g5.xlarge: Auto Mode 12% and the reported G-family variant 0.078 x 1.006 = 0.078468") {
    const Catalog c = embedded_catalog();
    const TypePricing p = price_instance_type(c, "g5.xlarge");
    REQUIRE(p.eks_auto_mode.size() == 2);
    CHECK(p.eks_auto_mode[0].basis == "eks_auto_mode_fee");
    CHECK(p.eks_auto_mode[0].fee.usd.to_string() == "0.12072");  // 0.12 x 1.006
    CHECK(p.eks_auto_mode[1].basis == "eks_auto_mode_fee_g_2026_07");
    CHECK(p.eks_auto_mode[1].fee.usd.to_string() == "0.078468");  // 0.078 x 1.006 (0.12 x 0.65 = 0.078)
    // spot from the g5 family default: 62% off, 15-20% (g5.2xlarge's Advisor figure): 1.006 x 0.38 = 0.38228
    REQUIRE(p.spot.has_value());
    CHECK(p.spot->basis == FigureBasis::family);
    CHECK(p.spot->price.to_string() == "0.38228");
    CHECK(p.spot->interruption == InterruptionBucket::from_15_to_20);
}

TEST_CASE("the G/P variants need GPUs and the family letter") {
    const Catalog base = embedded_catalog();
    std::map<std::string, InstanceTypeOverride> custom;
    custom["pcpu.large"].vcpu = Decimal(2);  // a P-lettered family without GPUs
    custom["pcpu.large"].memory_gib = Decimal(8);
    custom["pcpu.large"].on_demand = HourlyRate::parse("0.1");
    custom["pgpu.xlarge"].vcpu = Decimal(4);  // a P-lettered family with a GPU
    custom["pgpu.xlarge"].memory_gib = Decimal(16);
    custom["pgpu.xlarge"].gpus = Decimal(1);
    custom["pgpu.xlarge"].gpu_model = "L4";
    custom["pgpu.xlarge"].on_demand = HourlyRate::parse("0.5");
    const Catalog c = base.with_overrides(custom, "/instance_types");

    const TypePricing cpu = price_instance_type(c, "pcpu.large");
    REQUIRE(cpu.eks_auto_mode.size() == 1);
    CHECK(cpu.eks_auto_mode[0].fee.usd.to_string() == "0.012");  // 0.12 x 0.1

    const TypePricing gpu = price_instance_type(c, "pgpu.xlarge");
    REQUIRE(gpu.eks_auto_mode.size() == 2);
    CHECK(gpu.eks_auto_mode[0].fee.usd.to_string() == "0.06");  // 0.12 x 0.5
    CHECK(gpu.eks_auto_mode[1].basis == "eks_auto_mode_fee_p_2026_07");
    CHECK(gpu.eks_auto_mode[1].fee.usd.to_string() == "0.024");  // 0.048 x 0.5
}

TEST_CASE("the old catalog: p5.48xlarge at 98.32, Auto Mode 11.7984 and no reported variant yet") {
    const Catalog c = embedded_catalog("aws-us-east-1-2025-04-01");
    const TypePricing p = price_instance_type(c, "p5.48xlarge");
    REQUIRE(p.eks_auto_mode.size() == 1);
    CHECK(p.eks_auto_mode[0].fee.usd.to_string() == "11.7984");  // 0.12 x 98.32
    // no spot figure of its own then: the generic 50%: 98.32 x 0.5 = 49.16
    REQUIRE(p.spot.has_value());
    CHECK(p.spot->basis == FigureBasis::generic);
    CHECK(p.spot->price.to_string() == "49.16");
}

TEST_CASE("p5e.48xlarge (Capacity Blocks only): specs, but no price, spot, commitment or Auto Mode fee") {
    const Catalog c = embedded_catalog();
    const TypePricing p = price_instance_type(c, "p5e.48xlarge");
    REQUIRE(p.gpu_model != nullptr);
    CHECK(p.gpu_model->id == "H200");
    CHECK_FALSE(p.spot.has_value());
    CHECK(p.commitments.empty());
    CHECK(p.eks_auto_mode.empty());
    const nlohmann::ordered_json j = to_json(p, c);
    CHECK(j["on_demand"].is_null());
    CHECK(j["spot"].is_null());
    CHECK(j["commitments"].empty());
}

TEST_CASE("an unknown type is errc::unknown_instance_type at the caller's path") {
    const Catalog c = embedded_catalog();
    const error e = capture([&] { (void)price_instance_type(c, "p9.huge", "/instance_type"); });
    CHECK(e.code() == errc::unknown_instance_type);
    CHECK(e.path() == "/instance_type");
}

TEST_CASE("the JSON of a type's pricing cites every figure with its confidence") {
    const Catalog c = embedded_catalog();
    const nlohmann::ordered_json j = to_json(price_instance_type(c, "p5.48xlarge"), c);
    CHECK(j["instance_type"] == "p5.48xlarge");
    CHECK(j["catalog"]["name"] == "aws-us-east-1-2026-07-20");
    CHECK(j["specs"]["gpus"] == "8");
    CHECK_FALSE(j["specs"].contains("on_demand_usd_per_hour"));  // prices are under their own keys
    CHECK(j["specs"]["confidence"] == "high");
    CHECK(j["gpu_model"]["id"] == "H100");
    CHECK(j["gpu_model"]["mig"]["max_instances"] == 7);
    CHECK(j["on_demand"]["usd_per_hour"] == "55.04");
    CHECK(j["on_demand"]["confidence"] == "high");
    CHECK(j["spot"]["usd_per_hour"] == "23.6672");
    CHECK(j["spot"]["interruption"] == "<5%");
    CHECK(j["spot"]["basis"] == "type");
    CHECK(j["spot"]["confidence"] == "low");
    REQUIRE(j["commitments"].size() == 18);
    CHECK(j["commitments"][17]["effective_usd_per_hour"] == "20.9152");
    CHECK(j["commitments"][17]["basis"] == "generic");
    CHECK(j["commitments"][17]["confidence"] == "low");
    REQUIRE(j["eks_auto_mode"].size() == 2);
    CHECK(j["eks_auto_mode"][0]["usd_per_hour"] == "6.6048");
    CHECK(j["eks_auto_mode"][1]["usd_per_hour"] == "2.64192");
    CHECK(j["eks_auto_mode"][1]["confidence"] == "low");
}

TEST_CASE("Catalog::eks_auto_mode_fee: a published fee wins over the share, else the share of on-demand") {
    // pub.large: on-demand 1, published fee 0.05 (not 0.12 x 1 = 0.12); shr.large: on-demand 2, 0.12 x 2 = 0.24
    const Catalog c = Catalog::from_json_text(R"({
      "schema_version": 1, "name": "auto-mode-test", "region": "us-east-1", "effective_date": "2026-07-20",
      "sources": {"s": {"title": "t", "retrieved": "2026-07-20", "confidence": "high"}},
      "default_sources": {"specs": "s", "on_demand": "s"},
      "fees": {"eks_cluster_standard": {"usd": "0.1", "per": "cluster-hour", "source": "s"},
               "eks_cluster_extended": {"usd": "0.6", "per": "cluster-hour", "source": "s"},
               "ecs_cluster": {"usd": "0", "per": "cluster-hour", "source": "s"}},
      "shares": {"eks_auto_mode_fee": {"value": "0.12", "source": "s"}},
      "gpu_models": {},
      "instance_types": {"pub.large": {"vcpu": 2, "memory_gib": 8, "on_demand_usd_per_hour": "1",
                                       "eks_auto_mode": {"usd_per_hour": "0.05", "source": "s"}},
                         "shr.large": {"vcpu": 2, "memory_gib": 8, "on_demand_usd_per_hour": "2"},
                         "none.large": {"vcpu": 2, "memory_gib": 8}}
    })");
    CHECK(c.eks_auto_mode_fee(c.instance_type("pub.large"))->usd.to_string() == "0.05");
    CHECK(c.eks_auto_mode_fee(c.instance_type("shr.large"))->usd.to_string() == "0.24");
    CHECK(c.eks_auto_mode_fee(c.instance_type("shr.large"))->source == "s");
    CHECK_FALSE(c.eks_auto_mode_fee(c.instance_type("none.large")).has_value());
    const TypePricing pub = price_instance_type(c, "pub.large");
    REQUIRE(pub.eks_auto_mode.size() == 1);
    CHECK(pub.eks_auto_mode[0].basis == "published");
    CHECK(pub.eks_auto_mode[0].fee.usd.to_string() == "0.05");
    // a share the catalog does not have is a lookup error
    const error e = capture([&] { (void)c.eks_auto_mode_fee(c.instance_type("shr.large"), "eks_auto_mode_fee_g_2026_07"); });
    CHECK(e.code() == errc::missing_figure);
    CHECK(e.path() == "/shares");
}
