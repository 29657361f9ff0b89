// Measures the import of a large Price List offer file for EC2: time, throughput and peak memory.
// The file is generated in memory in AWS's format: every type of the embedded catalog (and made-up
// CPU-only types, to reach the size asked for) in 216 variants (OS x pre-installed software x tenancy
// x capacity status), each with its on-demand term, and the Reserved terms AWS lists for them.
//   cmake -S . -B build/bench -DLIBTCO_BUILD_BENCH=ON -DLIBTCO_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release && cmake --build build/bench
//   build/bench/bench/bench_import [MB, default 200] [--dom: the whole file parsed as a DOM, for comparison]
#include <libtco/libtco.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using namespace libtco;

long peak_rss_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;  // KiB on Linux
}

double mib(double bytes) { return bytes / (1024.0 * 1024.0); }

// --- the synthetic offer file -------------------------------------------------------------------

struct TypeSpec {
    std::string name;
    std::string vcpu;
    std::string memory;  // "8 GiB"
    std::string gpus;    // "" for CPU-only types (AWS omits the attribute)
};

struct Variant {
    std::string_view operating_system;
    std::string_view pre_installed_sw;
    std::string_view tenancy;
    std::string_view capacity_status;
    bool has_reserved_terms() const { return pre_installed_sw == "NA" && tenancy != "Host" && capacity_status == "Used"; }
};

std::vector<Variant> variants() {
    std::vector<Variant> out;
    for (std::string_view os : {"Linux", "Windows", "RHEL", "SUSE", "Red Hat Enterprise Linux with HA", "Ubuntu Pro"})
        for (std::string_view sw : {"NA", "SQL Std", "SQL Web", "SQL Ent"})
            for (std::string_view tenancy : {"Shared", "Dedicated", "Host"})
                for (std::string_view status : {"Used", "UnusedCapacityReservation", "AllocatedCapacityReservation"})
                    out.push_back({os, sw, tenancy, status});
    return out;
}

// The embedded catalog's types, then made-up CPU-only ones.
std::vector<TypeSpec> types(const Catalog& base, std::size_t count) {
    std::vector<TypeSpec> out;
    for (const auto& [name, t] : base.instance_types)
        out.push_back({name, t.vcpu.to_string(), t.memory_gib.to_string() + " GiB", t.has_gpus() ? t.gpus.to_string() : ""});
    static constexpr std::array<std::string_view, 8> sizes = {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"};
    for (std::size_t i = 0; out.size() < count; ++i) {
        const std::size_t size = i % sizes.size();
        const std::size_t vcpu = size == 0 ? 2 : 4 << (size - 1);
        out.push_back({"z" + std::to_string(i / sizes.size()) + "." + std::string(sizes[size]), std::to_string(vcpu),
                       std::to_string(4 * vcpu) + " GiB", ""});
    }
    return out;
}

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

std::string usd(std::uint64_t micro_dollars) {
    return std::to_string(micro_dollars / 1000000) + "." + std::to_string(1000000 + micro_dollars % 1000000).substr(1) + "0000";
}

struct ByteCounter {
    std::size_t bytes = 0;
    void put(std::string_view s) { bytes += s.size(); }
};
struct TextSink {
    std::string& text;
    void put(std::string_view s) { text.append(s); }
};

// Writes compact JSON members: "key":"value", with the separators.
template <class Sink>
class JsonWriter {
public:
    explicit JsonWriter(Sink& out) : out_(out) {}
    void raw(std::string_view s) { out_.put(s); }
    void key(std::string_view k) {
        out_.put("\"");
        out_.put(k);
        out_.put("\":");
    }
    void member(std::string_view k, std::string_view value, bool last = false) {
        key(k);
        out_.put("\"");
        out_.put(value);
        out_.put(last ? "\"" : "\",");
    }

private:
    Sink& out_;
};

struct ReservedOption {
    std::string_view code, lease, offering, purchase;
};
constexpr std::array<ReservedOption, 12> reserved_options = {{
    {"4NA7Y494T4", "1yr", "standard", "No Upfront"},    {"HU7G6KETJZ", "1yr", "standard", "Partial Upfront"},
    {"6QCMYABX3D", "1yr", "standard", "All Upfront"},   {"BPH4J8HBKS", "3yr", "standard", "No Upfront"},
    {"38NPMPTW36", "3yr", "standard", "Partial Upfront"}, {"NQ3QZPMQV9", "3yr", "standard", "All Upfront"},
    {"7NE97W5U4E", "1yr", "convertible", "No Upfront"}, {"CUZHX8X6JH", "1yr", "convertible", "Partial Upfront"},
    {"VJWZNREJX2", "1yr", "convertible", "All Upfront"}, {"Z2E3P23VKM", "3yr", "convertible", "No Upfront"},
    {"R5XV2EPZQZ", "3yr", "convertible", "Partial Upfront"}, {"MZU6U2429S", "3yr", "convertible", "All Upfront"},
}};

template <class Sink>
void write_product(JsonWriter<Sink>& w, const std::string& sku, const TypeSpec& t, const Variant& v) {
    w.key(sku);
    w.raw("{");
    w.member("sku", sku);
    w.member("productFamily", "Compute Instance");
    w.key("attributes");
    w.raw("{");
    w.member("servicecode", "AmazonEC2");
    w.member("location", "US East (N. Virginia)");
    w.member("locationType", "AWS Region");
    w.member("instanceType", t.name);
    w.member("currentGeneration", "Yes");
    w.member("instanceFamily", "General purpose");
    w.member("vcpu", t.vcpu);
    w.member("physicalProcessor", "Intel Xeon Platinum 8175");
    w.member("memory", t.memory);
    w.member("storage", "EBS only");
    w.member("networkPerformance", "Up to 10 Gigabit");
    w.member("processorArchitecture", "64-bit");
    w.member("tenancy", v.tenancy);
    w.member("operatingSystem", v.operating_system);
    w.member("licenseModel", "No License required");
    w.member("usagetype", "BoxUsage:" + t.name);
    w.member("operation", "RunInstances");
    w.member("availabilityzone", "NA");
    w.member("capacitystatus", v.capacity_status);
    w.member("classicnetworkingsupport", "false");
    w.member("ecu", "NA");
    w.member("enhancedNetworkingSupported", "Yes");
    if (!t.gpus.empty()) w.member("gpu", t.gpus);
    w.member("gpuMemory", "NA");
    w.member("marketoption", "OnDemand");
    w.member("normalizationSizeFactor", "4");
    w.member("preInstalledSw", v.pre_installed_sw);
    w.member("regionCode", "us-east-1");
    w.member("servicename", "Amazon Elastic Compute Cloud");
    w.member("vpcnetworkingsupport", "true", true);
    w.raw("}}");
}

template <class Sink>
void write_dimension(JsonWriter<Sink>& w, const std::string& rate_code, const std::string& description, std::string_view unit,
                     const std::string& price) {
    w.key(rate_code);
    w.raw("{");
    w.member("rateCode", rate_code);
    w.member("description", description);
    if (unit == "Hrs") {
        w.member("beginRange", "0");
        w.member("endRange", "Inf");
    }
    w.member("unit", unit);
    w.key("pricePerUnit");
    w.raw("{");
    w.member("USD", price, true);
    w.raw("},\"appliesTo\":[]}");
}

template <class Sink>
void write_term_start(JsonWriter<Sink>& w, const std::string& sku, std::string_view code) {
    w.key(sku + "." + std::string(code));
    w.raw("{");
    w.member("offerTermCode", code);
    w.member("sku", sku);
    w.member("effectiveDate", "2026-07-01T00:00:00Z");
    w.key("priceDimensions");
    w.raw("{");
}

template <class Sink>
void write_on_demand(JsonWriter<Sink>& w, const std::string& sku, const TypeSpec& t, std::uint64_t hourly) {
    w.key(sku);
    w.raw("{");
    write_term_start(w, sku, "JRTCKXETXF");
    write_dimension(w, sku + ".JRTCKXETXF.6YS6EN2CT7", "$" + usd(hourly) + " per On Demand " + t.name + " Instance Hour", "Hrs", usd(hourly));
    w.raw("},\"termAttributes\":{}}}");
}

template <class Sink>
void write_reserved(JsonWriter<Sink>& w, const std::string& sku, const TypeSpec& t, std::uint64_t hourly) {
    w.key(sku);
    w.raw("{");
    for (std::size_t i = 0; i < reserved_options.size(); ++i) {
        const ReservedOption& o = reserved_options[i];
        const std::string term = sku + "." + std::string(o.code);
        if (i > 0) w.raw(",");
        write_term_start(w, sku, o.code);
        const bool upfront = o.purchase != "No Upfront";
        if (upfront) write_dimension(w, term + ".2TG2D8R56U", "Upfront Fee", "Quantity", std::to_string(hourly * 5000 / 1000000 + 1));
        if (upfront) w.raw(",");
        write_dimension(w, term + ".6YS6EN2CT7", "Linux/UNIX (Amazon VPC), " + t.name + " reserved instance applied", "Hrs",
                        usd(o.purchase == "All Upfront" ? 0 : hourly * (6 + i % 3) / 10));
        w.raw("},");
        w.key("termAttributes");
        w.raw("{");
        w.member("LeaseContractLength", o.lease);
        w.member("OfferingClass", o.offering);
        w.member("PurchaseOption", o.purchase, true);
        w.raw("}}");
    }
    w.raw("}");
}

struct OfferShape {
    std::vector<TypeSpec> types;
    std::vector<Variant> variants;
    std::uint64_t sku_serial(std::size_t type, std::size_t variant) const { return type * variants.size() + variant; }
    std::uint64_t hourly(std::size_t type, std::size_t variant) const { return 20000 + 997 * type + 131 * variant; }
};

// Calls f(type, variant, sku) for every product, in file order.
template <class F>
void for_each_product(const OfferShape& shape, std::size_t type_count, F&& f) {
    for (std::size_t t = 0; t < type_count; ++t)
        for (std::size_t v = 0; v < shape.variants.size(); ++v) f(t, v, sku_of(shape.sku_serial(t, v)));
}

template <class Sink>
void write_offer(Sink& out, const OfferShape& shape, std::size_t type_count) {
    JsonWriter<Sink> w(out);
    w.raw("{");
    w.member("formatVersion", "v1.0");
    w.member("disclaimer", "This pricing list is for informational purposes only.");
    w.member("offerCode", "AmazonEC2");
    w.member("version", "20260720182241");
    w.member("publicationDate", "2026-07-20T18:22:41Z");
    w.key("products");
    w.raw("{");
    bool first = true;
    for_each_product(shape, type_count, [&](std::size_t t, std::size_t v, const std::string& sku) {
        if (!std::exchange(first, false)) w.raw(",");
        write_product(w, sku, shape.types[t], shape.variants[v]);
    });
    w.raw("},\"terms\":{\"OnDemand\":{");
    first = true;
    for_each_product(shape, type_count, [&](std::size_t t, std::size_t v, const std::string& sku) {
        if (!std::exchange(first, false)) w.raw(",");
        write_on_demand(w, sku, shape.types[t], shape.hourly(t, v));
    });
    w.raw("},\"Reserved\":{");
    first = true;
    for_each_product(shape, type_count, [&](std::size_t t, std::size_t v, const std::string& sku) {
        if (!shape.variants[v].has_reserved_terms()) return;
        if (!std::exchange(first, false)) w.raw(",");
        write_reserved(w, sku, shape.types[t], shape.hourly(t, v));
    });
    w.raw("}}}");
}

// The file of about `target_bytes`, written into a string reserved to its exact size (so that its
// generation does not raise the peak memory above the text itself).
std::string offer_text(const OfferShape& shape, std::size_t type_count) {
    ByteCounter counter;
    write_offer(counter, shape, type_count);
    std::string text;
    text.reserve(counter.bytes);
    TextSink sink{text};
    write_offer(sink, shape, type_count);
    return text;
}

std::size_t types_for(const OfferShape& shape, std::size_t target_bytes) {
    ByteCounter one_type;
    write_offer(one_type, shape, 1);
    return std::max<std::size_t>(1, target_bytes / one_type.bytes);
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t target_mb = 200;
    bool whole_dom = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--dom") whole_dom = true;
        else target_mb = std::strtoull(argv[i], nullptr, 10);
    }
    const Catalog base = embedded_catalog();
    OfferShape shape{{}, variants()};
    shape.types = types(base, 1);
    const std::size_t type_count = types_for(shape, target_mb * 1000 * 1000);
    shape.types = types(base, type_count);
    const std::string text = offer_text(shape, type_count);
    const std::size_t products = type_count * shape.variants.size();

    const long rss_before = peak_rss_kib();
    const auto start = std::chrono::steady_clock::now();
    const ImportResult r = whole_dom ? detail::import_offer_document(detail::parse_exact(text, {text.size(), text.size()}), base.region, base, {})
                                     : import_offer_file(text, base, {});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const long rss_after = peak_rss_kib();

    std::printf("import_offer_file (%s)\n", whole_dom ? "whole file as a DOM, for comparison" : "streamed");
    std::printf("  file             %10.1f MB (%zu bytes), %zu products of %zu types, %zu kept\n", text.size() / 1e6, text.size(), products,
                type_count, type_count);
    std::printf("  result           %zu updated, %zu added, %zu skipped\n", r.summary.updated.size(), r.summary.added.size(),
                r.summary.skipped.size());
    std::printf("  time             %10.3f s\n", seconds);
    std::printf("  throughput       %10.1f MB/s\n", text.size() / 1e6 / seconds);
    std::printf("  peak RSS before  %10.1f MiB (the file's text included)\n", rss_before / 1024.0);
    std::printf("  peak RSS after   %10.1f MiB\n", rss_after / 1024.0);
    std::printf("  peak RSS growth  %10.1f MiB (%.1f%% of the file)\n", (rss_after - rss_before) / 1024.0,
                100.0 * (rss_after - rss_before) * 1024.0 / static_cast<double>(text.size()));
    if (!whole_dom) {
        detail::OfferReading untrimmed = detail::offer_reading(base.region);
        untrimmed.trim_terms = nullptr;
        const std::size_t kept_bytes = detail::read_offer_extract(text, untrimmed).dump().size();
        std::printf("  kept products and their terms in the file: %.1f MiB (as compact JSON)\n", mib(static_cast<double>(kept_bytes)));
    }
    return 0;
}
