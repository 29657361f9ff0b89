// Fargate: the size a task or pod rounds up to (EKS's 256 MiB per pod included), its hourly price
// on x86 and ARM, Fargate Spot and where it is offered, and the errors.
#include <libtco/catalog/catalog.hpp>
#include <libtco/catalog/embedded_catalog.hpp>
#include <libtco/catalog/fargate.hpp>

#include "capture.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>

using namespace libtco;
using fixture::capture;

namespace {

Decimal d(const char* text) { return Decimal::parse(text); }

// "vcpu/memory" of a size, or "none".
std::string sized(const std::optional<FargateSize>& s) {
    return s ? s->vcpu.to_string() + "/" + s->memory_gb.to_string() : std::string("none");
}

std::string sized(const FargateSize& s) { return sized(std::optional<FargateSize>(s)); }

}  // namespace

TEST_CASE("the table: 74 sizes, from .25 vCPU / 0.5 GB to 16 vCPU / 120 GB") {
    // .25: 3, .5: 4 (1-4), 1: 7 (2-8), 2: 13 (4-16), 4: 23 (8-30), 8: 12 (16-60 by 4), 16: 12 (32-120 by 8)
    const auto sizes = fargate_sizes();
    REQUIRE(sizes.size() == 74);
    CHECK(sized(sizes.front()) == "0.25/0.5");
    CHECK(sized(sizes[1]) == "0.25/1");
    CHECK(sized(sizes[2]) == "0.25/2");
    CHECK(sized(sizes[3]) == "0.5/1");
    CHECK(sized(sizes.back()) == "16/120");
    // every size is its own smallest fit
    for (const FargateSize& s : sizes) {
        CAPTURE(sized(s));
        CHECK(fargate_size(s.vcpu, s.memory_gb) == s);
    }
}

TEST_CASE("fargate_size rounds the vCPU up to an option, then the memory up to that option's step") {
    CHECK(sized(fargate_size(Decimal(1), Decimal(2))) == "1/2");         // exact
    CHECK(sized(fargate_size(d("0.3"), d("0.5"))) == "0.5/1");           // .5 vCPU starts at 1 GB
    CHECK(sized(fargate_size(Decimal(3), Decimal(5))) == "4/8");         // 4 vCPU starts at 8 GB
    CHECK(sized(fargate_size(Decimal(8), Decimal(17))) == "8/20");       // 8 vCPU steps by 4 GB: 16, 20
    CHECK(sized(fargate_size(Decimal(16), Decimal(33))) == "16/40");     // 16 vCPU steps by 8 GB: 32, 40
    CHECK(sized(fargate_size(d("0.25"), d("0.75"))) == "0.25/1");        // 0.5, 1, 2
    CHECK(sized(fargate_size(Decimal(0), Decimal(0))) == "0.25/0.5");    // nothing asked: the smallest size
    CHECK(sized(fargate_size(Decimal(1), d("2.000000000001"))) == "1/3");  // exact: a trillionth over is a step up
}

TEST_CASE("fargate_size moves to a larger vCPU when the memory is beyond the option's range") {
    CHECK(sized(fargate_size(d("0.25"), Decimal(3))) == "0.5/3");   // .25 stops at 2 GB
    CHECK(sized(fargate_size(d("0.5"), Decimal(5))) == "1/5");      // .5 stops at 4 GB
    CHECK(sized(fargate_size(Decimal(1), Decimal(9))) == "2/9");     // 1 stops at 8 GB
    CHECK(sized(fargate_size(Decimal(4), Decimal(31))) == "8/32");   // 4 stops at 30 GB; 8 steps 16, 20, ..., 32
    CHECK(sized(fargate_size(Decimal(2), Decimal(61))) == "16/64");  // 8 stops at 60 GB; 16 steps 32, 40, ..., 64
    CHECK(sized(fargate_size(d("0.25"), Decimal(120))) == "16/120");
}

TEST_CASE("fargate_size: nothing above 16 vCPU or 120 GB") {
    CHECK(sized(fargate_size(Decimal(16), Decimal(121))) == "none");
    CHECK(sized(fargate_size(Decimal(16), d("120.000000000001"))) == "none");
    CHECK(sized(fargate_size(Decimal(17), Decimal(1))) == "none");
    CHECK(sized(fargate_size(d("16.001"), Decimal(32))) == "none");
}

TEST_CASE("EKS adds 256 MiB per pod before rounding up, ECS adds nothing") {
    CHECK(eks_fargate_pod_overhead_mib == 256);
    // 2 GiB + 256 MiB = 2.25 GiB -> 3 GB
    CHECK(sized(fargate_size_for(Decimal(1), Decimal(2), FargatePlatform::eks)) == "1/3");
    CHECK(sized(fargate_size_for(Decimal(1), Decimal(2), FargatePlatform::ecs)) == "1/2");
    // AWS's own example: 1 vCPU / 8 GB + 256 MiB has no 1 vCPU size -> 2 vCPU / 9 GB
    CHECK(sized(fargate_size_for(Decimal(1), Decimal(8), FargatePlatform::eks)) == "2/9");
    // 0.25 + 0.25 = 0.5 exactly: the smallest size still fits
    CHECK(sized(fargate_size_for(d("0.25"), d("0.25"), FargatePlatform::eks)) == "0.25/0.5");
    CHECK(sized(fargate_size_for(d("0.25"), d("1.75"), FargatePlatform::eks)) == "0.25/2");
    // 119.75 + 0.25 = 120 exactly: the largest size
    CHECK(sized(fargate_size_for(Decimal(16), d("119.75"), FargatePlatform::eks)) == "16/120");
}

TEST_CASE("a request above the largest size is errc::out_of_range naming the request and the largest size") {
    const error ecs = capture([] { (void)fargate_size_for(Decimal(16), Decimal(121), FargatePlatform::ecs, "/workloads/0"); });
    CHECK(ecs.code() == errc::out_of_range);
    CHECK(ecs.path() == "/workloads/0");
    CHECK(ecs.detail() == "no Fargate size fits 16 vCPU and 121 GiB: Fargate runs at most 16 vCPU and 120 GB per task");

    // 119.9 GiB fits ECS but not EKS (120.15 GiB with the pod overhead)
    CHECK(sized(fargate_size_for(Decimal(16), d("119.9"), FargatePlatform::ecs)) == "16/120");
    const error eks = capture([] { (void)fargate_size_for(Decimal(16), d("119.9"), FargatePlatform::eks, "/workloads/1"); });
    CHECK(eks.code() == errc::out_of_range);
    CHECK(eks.path() == "/workloads/1");
    CHECK(eks.detail() ==
          "no Fargate size fits 16 vCPU and 119.9 GiB (120.15 GiB with the 256 MiB EKS adds per pod): "
          "Fargate runs at most 16 vCPU and 120 GB per task");

    const error cpu = capture([] { (void)fargate_size_for(Decimal(32), Decimal(64), FargatePlatform::ecs); });
    CHECK(cpu.code() == errc::out_of_range);
}

TEST_CASE("x86: 1 vCPU / 2 GB = 0.04048 + 2 x 0.004445 = 0.04937 $/h, 36.0401 in a 730-hour month") {
    const Catalog c = embedded_catalog();
    const FargateRate r = fargate_rate(c, fargate_size_for(Decimal(1), Decimal(2), FargatePlatform::ecs), "x86_64");
    CHECK(r.usd_per_hour.to_string() == "0.04937");
    CHECK((r.usd_per_hour * Hours(Decimal(730))).to_string() == "36.0401");
    CHECK(sized(r.size) == "1/2");
    CHECK(r.vcpu_source == "aws-fargate-pricing");
    CHECK(r.memory_source == "aws-fargate-pricing");
    CHECK(c.confidence_of(r.vcpu_source) == Confidence::high);
}

TEST_CASE("x86 on EKS: the same pod at 1 vCPU / 3 GB = 0.04048 + 3 x 0.004445 = 0.053815 $/h") {
    const Catalog c = embedded_catalog();
    const FargateRate r = fargate_rate(c, fargate_size_for(Decimal(1), Decimal(2), FargatePlatform::eks), "x86_64");
    CHECK(r.usd_per_hour.to_string() == "0.053815");
    // 4 vCPU / 8 GB (from 3 vCPU / 5 GiB): 4 x 0.04048 + 8 x 0.004445 = 0.16192 + 0.03556 = 0.19748
    CHECK(fargate_rate(c, *fargate_size(Decimal(3), Decimal(5)), "x86_64").usd_per_hour.to_string() == "0.19748");
    // the largest, 16 vCPU / 120 GB: 0.64768 + 0.5334 = 1.18108
    CHECK(fargate_rate(c, *fargate_size(Decimal(16), Decimal(120)), "x86_64").usd_per_hour.to_string() == "1.18108");
}

TEST_CASE("ARM: 1 vCPU / 2 GB = 0.03238 + 2 x 0.00356 = 0.0395 $/h, from the ARM source") {
    const Catalog c = embedded_catalog();
    const FargateRate r = fargate_rate(c, *fargate_size(Decimal(1), Decimal(2)), "arm64");
    CHECK(r.usd_per_hour.to_string() == "0.0395");
    CHECK(r.vcpu_source == "aws-fargate-arm-pricing");
    CHECK(r.memory_source == "aws-fargate-arm-pricing");
    CHECK(c.confidence_of(r.vcpu_source) == Confidence::medium);
}

TEST_CASE("Fargate Spot: 0.04937 x (1 - 0.7) = 0.014811 $/h") {
    const Catalog c = embedded_catalog();
    const FargateRate r = fargate_rate(c, *fargate_size(Decimal(1), Decimal(2)), "x86_64");
    CHECK(fargate_spot_rate(c, r).to_string() == "0.014811");
}

TEST_CASE("Fargate Spot runs on ECS x86 only") {
    CHECK(fargate_spot_available(FargatePlatform::ecs, "x86_64"));
    CHECK_FALSE(fargate_spot_available(FargatePlatform::ecs, "arm64"));
    CHECK_FALSE(fargate_spot_available(FargatePlatform::eks, "x86_64"));
    CHECK_FALSE(fargate_spot_available(FargatePlatform::eks, "arm64"));
}

TEST_CASE("an architecture Fargate does not run is errc::bad_format at the caller's path") {
    const Catalog c = embedded_catalog();
    const error e = capture([&] { (void)fargate_rate(c, *fargate_size(Decimal(1), Decimal(2)), "any", "/workloads/0/arch"); });
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == "/workloads/0/arch");
}

TEST_CASE("a catalog without the Fargate fees or the Spot share: the catalog's own errc::missing_figure") {
    const Catalog c = Catalog::from_json_text(R"({
      "schema_version": 1, "name": "no-fargate", "region": "us-east-1", "effective_date": "2026-07-20",
      "sources": {"s": {"title": "t", "retrieved": "2026-07-20", "confidence": "high"}},
      "default_sources": {"specs": "s", "on_demand": "s"},
      "fees": {"eks_cluster_standard": {"usd": "0.1", "per": "cluster-hour", "source": "s"},
               "eks_cluster_extended": {"usd": "0.6", "per": "cluster-hour", "source": "s"},
               "ecs_cluster": {"usd": "0", "per": "cluster-hour", "source": "s"},
               "fargate_x86_vcpu": {"usd": "0.04", "per": "vCPU-hour", "source": "s"}},
      "gpu_models": {},
      "instance_types": {}
    })");
    const FargateSize size = *fargate_size(Decimal(1), Decimal(2));
    const error memory = capture([&] { (void)fargate_rate(c, size, "x86_64"); });
    CHECK(memory.code() == errc::missing_figure);
    CHECK(memory.path() == "/fees");
    CHECK(memory.detail() == "catalog no-fargate has no fee \"fargate_x86_memory\"");
    const error arm = capture([&] { (void)fargate_rate(c, size, "arm64"); });
    CHECK(arm.code() == errc::missing_figure);

    const FargateRate priced{HourlyRate(Decimal(1)), size, "s", "s"};
    const error spot = capture([&] { (void)fargate_spot_rate(c, priced); });
    CHECK(spot.code() == errc::missing_figure);
    CHECK(spot.path() == "/shares");
}
