// The bad-input corpus (tests/data/bad, listed with the error each file must produce in
// expected.json) run through the library, and the limits of limits.hpp hit just over and, where it
// is cheap, just at. The Python and CLI runners of the same corpus are tests/python/test_bad_input.py.

#include <libtco/catalog/catalog.hpp>
#include <libtco/scenario/default_scenario.hpp>
#include <libtco/costing/embedded_compare.hpp>
#include <libtco/core/limits.hpp>
#include <libtco/analysis/montecarlo.hpp>
#include <libtco/catalog/price_overlay.hpp>
#include <libtco/projection/projection.hpp>
#include <libtco/scenario/scenario.hpp>

#include "capture.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

using namespace libtco;
using fixture::capture;

namespace {

const std::string corpus_dir = std::string(LIBTCO_TEST_DATA_DIR) + "/bad/";

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Reads (and, for stage "compare", compares) one corpus document as its kind says.
void run_case(const std::string& kind, const std::string& stage, const std::string& text) {
    const bool compares = stage == "compare";
    if (kind == "scenario") {
        const Scenario s = Scenario::from_json_text(text);
        if (compares) (void)compare(s);
    } else if (kind == "catalog") {
        const Catalog c = Catalog::from_json_text(text);
        if (compares) (void)compare(default_scenario(), c);
    } else if (kind == "projection") {
        (void)ProjectionSpec::from_json_text(text);
    } else if (kind == "montecarlo") {
        (void)MonteCarloSpec::from_json(detail::parse_exact(text));
    } else if (kind == "overlay") {
        (void)PriceOverlay::from_json_text(text);
    } else {
        FAIL("unknown kind " << kind);
    }
}

// The family of the exception class `f` throws (capture() returns a copy of the base class only).
template <class F>
std::string thrown_class(F&& f) {
    try {
        f();
    } catch (const parse_error&) {
        return "parse";
    } catch (const validation_error&) {
        return "validation";
    } catch (const lookup_error&) {
        return "lookup";
    } catch (const placement_error&) {
        return "placement";
    } catch (const arithmetic_error&) {
        return "arithmetic";
    } catch (const error&) {
        return "error";
    }
    return "nothing";
}

double seconds_of(const std::function<void()>& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string workloads_scenario(std::int64_t workloads, const std::string& eks = "{}") {
    std::string text = R"({"schema_version": 1, "month": "2026-09", "team": {"engineers": 1, "loaded_cost_per_engineer_year": 1}, "eks": )" +
                       eks + R"(, "ecs": )" + eks + R"(, "workloads": [)";
    for (std::int64_t i = 0; i < workloads; ++i)
        text += (i ? "," : "") + std::string(R"({"name": "w)") + std::to_string(i) + R"(", "replicas": 1, "vcpu": 1, "memory_gib": 1})";
    return text + "]}";
}

std::string catalog_with_types(std::int64_t types) {
    std::string text = R"({"schema_version": 1, "name": "many", "region": "us-east-1", "effective_date": "2026-07-20",
        "sources": {"s": {"title": "t", "retrieved": "2026-07-20", "confidence": "high"}},
        "default_sources": {"specs": "s", "on_demand": "s"},
        "fees": {"eks_cluster_standard": {"usd": "0.1", "per": "cluster-hour", "source": "s"},
                 "eks_cluster_extended": {"usd": "0.6", "per": "cluster-hour", "source": "s"},
                 "ecs_cluster": {"usd": "0", "per": "cluster-hour", "source": "s"}},
        "gpu_models": {}, "instance_types": {)";
    for (std::int64_t i = 0; i < types; ++i)
        text += (i ? "," : "") + std::string(R"("c9.x)") + std::to_string(i) + R"(": {"vcpu": "4", "memory_gib": "16", "on_demand_usd_per_hour": "0.2"})";
    return text + "}}";
}

}  // namespace

TEST_CASE("every file of the bad-input corpus fails with the code and JSON path expected.json gives") {
    const nlohmann::json manifest = nlohmann::json::parse(read_file(corpus_dir + "expected.json"));
    REQUIRE(manifest.size() >= 60);
    std::size_t catalogs = 0;
    for (const auto& [file, expected] : manifest.items()) {
        CAPTURE(file);
        const std::string kind = expected.at("kind");
        const std::string stage = expected.value("stage", "read");
        catalogs += kind == "catalog";
        const std::string text = read_file(corpus_dir + file);
        if (stage == "compare") {  // the document itself reads; the error comes from comparing it
            if (kind == "scenario") CHECK_NOTHROW((void)Scenario::from_json_text(text));
            if (kind == "catalog") CHECK_NOTHROW((void)Catalog::from_json_text(text));
        }
        const error e = capture([&] { run_case(kind, stage, text); });
        CHECK(e.code_name() == expected.at("code").get<std::string>());
        CHECK(e.path() == expected.at("path").get<std::string>());
        CHECK(thrown_class([&] { run_case(kind, stage, text); }) == errc_family(e.code()));
        CHECK(!e.detail().empty());
    }
    CHECK(catalogs >= 15);
}

TEST_CASE("deep nesting is refused while parsing, at any depth, without recursion") {
    for (const std::size_t depth : {65, 1000, 100000, 1000000}) {
        CAPTURE(depth);
        const std::string arrays = std::string(depth, '[') + std::string(depth, ']');
        const error e = capture([&] { (void)detail::parse_exact(arrays); });
        CHECK(e.code_name() == "libtco.parse.102");
        CHECK(e.path() == [] { std::string p; for (std::size_t i = 0; i < limits::max_json_depth; ++i) p += "/0"; return p; }());
        std::string objects;
        for (std::size_t i = 0; i < depth; ++i) objects += R"({"a":)";
        objects += "1" + std::string(depth, '}');
        CHECK(capture([&] { (void)detail::parse_exact(objects); }).code_name() == "libtco.parse.102");
        // Unclosed: the same error, before the text runs out.
        CHECK(capture([&] { (void)detail::parse_exact(std::string(depth, '[')); }).code_name() == "libtco.parse.102");
    }
    // Exactly 64 levels parse.
    const std::size_t at = limits::max_json_depth;
    CHECK_NOTHROW((void)detail::parse_exact(std::string(at, '[') + std::string(at, ']')));
}

TEST_CASE("a document over the size limits is refused fast, with its own code") {
    // Bytes: checked before parsing.
    const std::string big(limits::max_document_bytes + 1, ' ');
    error e = capture([&] { (void)Scenario::from_json_text(big); });
    CHECK(e.code_name() == "libtco.parse.103");
    CHECK(e.path() == "");
    CHECK(thrown_class([&] { (void)Scenario::from_json_text(big); }) == "parse");
    CHECK(seconds_of([&] { (void)capture([&] { (void)Catalog::from_json_text(big); }); }) < 0.5);
    // The limits themselves, at and over, on small bounds.
    const detail::DocumentLimits small{12, 5};
    CHECK_NOTHROW((void)detail::parse_exact("[1, 2, [3]] ", small));   // 12 bytes, 5 values
    CHECK(capture([&] { (void)detail::parse_exact("[1, 2, [3]]  ", small); }).code_name() == "libtco.parse.103");
    CHECK(capture([&] { (void)detail::parse_exact("[1,2,[3,4]]", small); }).code_name() == "libtco.parse.103");
    CHECK(capture([&] { (void)detail::parse_exact("{\"a\":{}, \"b\":1, \"c\":2}", {100, 3}); }).code_name() == "libtco.parse.103");

    // Values: a huge array stops at the limit, well within a second, with the values it had built freed.
    std::string values = R"({"schema_version": 1, "description": [)";
    for (std::size_t i = 0; i < limits::max_document_values + 1; ++i) values += i ? ",0" : "0";
    values += "]}";
    REQUIRE(values.size() < limits::max_document_bytes);
    double took = 0;
    took = seconds_of([&] { e = capture([&] { (void)Scenario::from_json_text(values); }); });
    CHECK(e.code_name() == "libtco.parse.103");
    CHECK(e.path() == "");
    CHECK(e.detail().find("500000 values") != std::string::npos);
    MESSAGE("500,001 values refused in " << took << " s");
    CHECK(took < 5.0);  // about 0.15 s optimized; a Debug build is several times slower
}

TEST_CASE("scenario limits: workloads, replicas, given nodes, at the limit the scenario still reads") {
    // 10,000 workloads read; 10,001 are refused at /workloads before any is read.
    CHECK(Scenario::from_json_text(workloads_scenario(limits::max_workloads)).workloads.size() == 10000);
    const std::string over = workloads_scenario(limits::max_workloads + 1);
    error e = capture([&] { (void)Scenario::from_json_text(over); });
    CHECK(e.code_name() == "libtco.validation.113");
    CHECK(e.path() == "/workloads");
    CHECK(seconds_of([&] { (void)capture([&] { (void)Scenario::from_json_text(over); }); }) < 1.0);

    // 20,000 replicas in all compare. On ECS (nominal size, nothing reserved) 4 replicas of 1 vCPU and
    // 4 GiB fill an m5.xlarge (4 vCPU, 16 GiB): 5,000 at $0.192/h x 730 h = $700,800.00. One replica
    // more is refused at the workload that passes the limit.
    const auto replicas = [](std::int64_t second) {
        return std::string(R"({"schema_version": 1, "month": "2026-09", "team": {"engineers": 0, "loaded_cost_per_engineer_year": 0},
            "eks": {"node_types": ["m5.xlarge"]}, "ecs": {"node_types": ["m5.xlarge"], "reserved_memory_gib": 0},
            "workloads": [{"name": "a", "replicas": 19990, "vcpu": 1, "memory_gib": 4},
                          {"name": "b", "replicas": )") + std::to_string(second) + R"(, "vcpu": 1, "memory_gib": 4}]})";
    };
    const Comparison c = compare(Scenario::from_json_text(replicas(10)));
    Decimal compute;
    for (const LineItem& line : c.ecs.line_items)
        if (line.category == category::compute) compute += line.amount.value();
    CHECK(compute.to_string() == "700800");
    CHECK(c.eks.rounded_total().value().sign() > 0);
    e = capture([&] { (void)Scenario::from_json_text(replicas(11)); });
    CHECK(e.code_name() == "libtco.validation.113");
    CHECK(e.path() == "/workloads/1/replicas");
}

TEST_CASE("catalog limit: instance types") {
    CHECK(Catalog::from_json_text(catalog_with_types(limits::max_catalog_instance_types)).instance_types.size() == 5000);
    const std::string over = catalog_with_types(limits::max_catalog_instance_types + 1);
    error e = capture([&] { (void)Catalog::from_json_text(over); });
    CHECK(e.code_name() == "libtco.validation.113");
    CHECK(e.path() == "/instance_types");
    CHECK(seconds_of([&] { (void)capture([&] { (void)Catalog::from_json_text(over); }); }) < 1.0);
}

TEST_CASE("money: the exact range ends at (2^128 - 1) / 10^12, beyond is an overflow error, never a wrapped number") {
    const Decimal most = Decimal::parse(limits::max_decimal_text);
    CHECK(most.to_string() == limits::max_decimal_text);
    CHECK((-most).to_string() == std::string("-") + limits::max_decimal_text);
    const Decimal tick = Decimal::parse("0.000000000001");
    CHECK(capture([&] { (void)(most + tick); }).code_name() == "libtco.arithmetic.400");
    CHECK(capture([&] { (void)(-most - tick); }).code_name() == "libtco.arithmetic.400");
    CHECK(capture([&] { (void)(most * Decimal(2)); }).code_name() == "libtco.arithmetic.400");
    CHECK(capture([&] { (void)Decimal::parse("340282366920938463463374607.431768211456", "/x"); }).code_name() == "libtco.arithmetic.400");
    // In a scenario: a price just past the range is refused at its path.
    const std::string price = R"({"schema_version": 1, "month": "2026-09", "team": {"engineers": 1, "loaded_cost_per_engineer_year": 1},
        "workloads": [], "instance_types": {"m5.xlarge": {"on_demand_usd_per_hour": "340282366920938463463374608"}}})";
    const error e = capture([&] { (void)Scenario::from_json_text(price); });
    CHECK(e.code_name() == "libtco.arithmetic.400");
    CHECK(e.path() == "/instance_types/m5.xlarge/on_demand_usd_per_hour");
    // A price that reads but whose month does not fit: 1e24 USD/h x 730 h overflows in the comparison.
    const std::string month = R"({"schema_version": 1, "month": "2026-09", "team": {"engineers": 1, "loaded_cost_per_engineer_year": 1},
        "eks": {"node_types": ["m5.xlarge"]}, "ecs": {"node_types": ["m5.xlarge"]},
        "workloads": [{"name": "w", "replicas": 1, "vcpu": 1, "memory_gib": 1}],
        "instance_types": {"m5.xlarge": {"on_demand_usd_per_hour": "1e24"}}})";
    const Scenario s = Scenario::from_json_text(month);
    CHECK(capture([&] { (void)compare(s); }).code_name() == "libtco.arithmetic.400");
}
