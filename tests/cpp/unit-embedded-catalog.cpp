// The catalogs compiled into the library (every pricing/*.json): they load and validate, carry the
// published figures of their date, and are chosen by region and billed month.
#include <libtco/core/calendar.hpp>
#include <libtco/catalog/catalog.hpp>
#include <libtco/catalog/embedded_catalog.hpp>

#include "capture.hpp"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

using namespace libtco;
using fixture::capture;

namespace {

const std::string old_name = "aws-us-east-1-2025-04-01";
const std::string new_name = "aws-us-east-1-2026-07-20";

std::string selected(const std::string& region, const char* month) { return select_catalog(region, BillingMonth::parse(month)).name; }

std::string on_demand(const Catalog& c, const std::string& type) { return c.instance_type(type).on_demand->to_string(); }

}  // namespace

TEST_CASE("every embedded catalog loads and validates, ordered by region and date") {
    // the library-side "every file in pricing/ validates": each embedded text goes through the strict reader
    const std::vector<Catalog> all = embedded_catalogs();
    REQUIRE(all.size() == 2);
    CHECK(all[0].name == old_name);
    CHECK(all[0].effective_date == "2025-04-01");
    CHECK(all[1].name == new_name);
    CHECK(all[1].effective_date == "2026-07-20");
    CHECK(embedded_catalog_names() == old_name + ", " + new_name);
    for (const Catalog& c : all) {
        CAPTURE(c.name);
        CHECK(c.region == "us-east-1");
        CHECK(c.currency == "USD");
        CHECK(c.name == "aws-" + c.region + "-" + c.effective_date);  // the file name rule of pricing/README.md
        for (const char* fee : {"eks_cluster_standard", "eks_cluster_extended", "ecs_cluster"}) CHECK(c.fees.count(fee) == 1);
        CHECK(c.commitment_generic.size() == 18);
        CHECK(c.spot_generic.has_value());
        // the committed text is what the library reads, and writing it back reads the same
        const Catalog from_text = Catalog::from_json_text(embedded_catalog_text(c.name));
        CHECK(to_json(from_text) == to_json(c));
        CHECK(to_json(Catalog::from_json_text(to_json(c).dump())) == to_json(c));
        // every figure a type cites resolves to a source with a confidence
        for (const auto& [name, t] : c.instance_types) {
            CAPTURE(name);
            CHECK(c.find_source(t.spec_source) != nullptr);
            if (t.on_demand) {
                CHECK(c.find_source(t.price_source) != nullptr);
            }
            if (t.has_gpus()) {
                CHECK(c.gpu_models.count(t.gpu_model) == 1);
            }
        }
    }
}

TEST_CASE("the default embedded catalog is the newest us-east-1 one") {
    CHECK(embedded_catalog().name == new_name);
    CHECK(embedded_catalog(old_name).effective_date == "2025-04-01");
    CHECK(embedded_catalog(new_name).effective_date == "2026-07-20");
}

TEST_CASE("an unknown catalog name is errc::unknown_catalog, at the caller's path") {
    const error e = capture([] { (void)embedded_catalog("nope"); });
    CHECK(e.code() == errc::unknown_catalog);
    CHECK(e.path().empty());
    CHECK(e.detail().find(new_name) != std::string::npos);  // the message lists what is available
    CHECK(capture([] { (void)embedded_catalog("nope", "/catalog"); }).path() == "/catalog");
    CHECK(capture([] { (void)embedded_catalog_text("aws-us-east-1-2026-07-21"); }).code() == errc::unknown_catalog);
    CHECK_THROWS_AS((void)embedded_catalog("nope"), lookup_error);
}

TEST_CASE("the June 2025 GPU price cut: old and new on-demand prices") {
    // pricing-facts.md (H): p5.48xlarge 98.32 -> 55.04; p4d.24xlarge 32.7726 -> 21.957642;
    // p4de.24xlarge 40.96575 -> 27.44705; p5en.48xlarge 84.80 -> 63.296
    const Catalog before = embedded_catalog(old_name);
    const Catalog after = embedded_catalog(new_name);
    CHECK(on_demand(before, "p5.48xlarge") == "98.32");
    CHECK(on_demand(after, "p5.48xlarge") == "55.04");
    CHECK(on_demand(before, "p4d.24xlarge") == "32.7726");
    CHECK(on_demand(after, "p4d.24xlarge") == "21.957642");
    CHECK(on_demand(before, "p4de.24xlarge") == "40.96575");
    CHECK(on_demand(after, "p4de.24xlarge") == "27.44705");
    CHECK(on_demand(before, "p5en.48xlarge") == "84.8");
    CHECK(on_demand(after, "p5en.48xlarge") == "63.296");
    // the cut is cited to AWS's announcement, a high-confidence source
    CHECK(before.confidence_of(before.instance_type("p5.48xlarge").price_source) == Confidence::high);
    // types untouched by the cut cost the same in both: g5.xlarge 1.006, m5.large 0.096
    CHECK(on_demand(before, "g5.xlarge") == "1.006");
    CHECK(on_demand(after, "g5.xlarge") == "1.006");
    CHECK(on_demand(before, "m5.large") == "0.096");
    // p5e.48xlarge is Capacity Blocks only in both
    CHECK_FALSE(before.instance_type("p5e.48xlarge").on_demand.has_value());
    CHECK_FALSE(after.instance_type("p5e.48xlarge").on_demand.has_value());
}

TEST_CASE("the old catalog has nothing dated after April 2025") {
    const Catalog before = embedded_catalog(old_name);
    const Catalog after = embedded_catalog(new_name);
    // g6f (fractional L4) launched in July 2025
    CHECK(before.find_instance_type("g6f.large") == nullptr);
    CHECK(after.find_instance_type("g6f.large") != nullptr);
    // the reported July 2026 Auto Mode cut for G and P families
    CHECK(before.shares.count("eks_auto_mode_fee_g_2026_07") == 0);
    CHECK(before.shares.count("eks_auto_mode_fee_p_2026_07") == 0);
    CHECK(after.share("eks_auto_mode_fee_g_2026_07").value.to_string() == "0.078");  // 0.12 x (1 - 0.35)
    CHECK(after.share("eks_auto_mode_fee_p_2026_07").value.to_string() == "0.048");  // 0.12 x (1 - 0.60)
    // the p5en spot price observed in Aug 2026
    CHECK_FALSE(before.instance_type("p5en.48xlarge").spot.has_value());
    CHECK(after.instance_type("p5en.48xlarge").spot->price->to_string() == "27.1988");
    // the Auto Mode share itself (m5.large: 0.01152 / 0.096 = 0.12) is in both
    CHECK(before.share("eks_auto_mode_fee").value.to_string() == "0.12");
}

TEST_CASE("select_catalog: the newest catalog in effect in the month") {
    CHECK(selected("us-east-1", "2025-04") == old_name);  // dated 2025-04-01, within the month
    CHECK(selected("us-east-1", "2025-05") == old_name);  // valid until 2025-05-31
    // From June 2025 the pre-cut prices no longer held (pricing-facts.md: the June 2025 cut); no
    // catalog covers 2025-06 to 2026-06, so the nearest later one is used (with a warning).
    CHECK(selected("us-east-1", "2025-06") == new_name);
    CHECK(selected("us-east-1", "2026-06") == new_name);
    CHECK(selected("us-east-1", "2026-07") == new_name);  // 2026-07-20 <= 2026-07-31
    CHECK(selected("us-east-1", "2026-09") == new_name);
    CHECK(selected("us-east-1", "2030-01") == new_name);
    // a month before every catalog: the oldest one
    CHECK(selected("us-east-1", "2020-01") == old_name);
    CHECK(selected("us-east-1", "2025-03") == old_name);
}

TEST_CASE("select_catalog: a region without an embedded catalog is errc::unknown_catalog") {
    const error e = capture([] { (void)select_catalog("eu-west-1", BillingMonth::parse("2026-09"), "/region"); });
    CHECK(e.code() == errc::unknown_catalog);
    CHECK(e.path() == "/region");
    CHECK(e.detail().find("eu-west-1") != std::string::npos);
    CHECK(capture([] { (void)select_catalog("US-EAST-1", BillingMonth::parse("2026-09")); }).code() == errc::unknown_catalog);
}

TEST_CASE("embedded catalogs are parsed once and handed out as independent copies, from any thread") {
    Catalog first = embedded_catalog();
    const std::size_t types = first.instance_types.size();
    first.instance_types.clear();
    first.name = "changed by the caller";
    const Catalog again = embedded_catalog();
    CHECK(again.instance_types.size() == types);
    CHECK(again.name == std::string(detail::default_catalog_name));
    CHECK(again.name == Catalog::from_json_text(embedded_catalog_text(again.name)).name);
    // Concurrent callers all see the same, whole catalogs.
    std::vector<std::size_t> seen(8);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < seen.size(); ++i)
        threads.emplace_back([&seen, i] { seen[i] = select_catalog("us-east-1", BillingMonth::parse("2026-09")).instance_types.size(); });
    for (std::thread& t : threads) t.join();
    for (const std::size_t n : seen) CHECK(n == types);
}
