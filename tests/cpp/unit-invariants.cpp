// Generated cases: invariants of the model checked on scenarios drawn by a seeded generator, and
// determinism (the same inputs give the same bytes, on every thread count).
//
// The generator (splitmix64, fixed seeds, so every run and machine checks the same cases) writes
// scenarios as JSON the way users do: several workloads, CPU-only and GPU (whole and fractional,
// with memory needs and model lists), some spot-tolerant, some running part of the month; per
// platform a GPU-sharing mode, a spot share, a commitment; a team of any size. The invariants:
//   - the rounded line items add up to the rounded total, each within a cent of its exact amount,
//     and the confidence split adds up to it too;
//   - the showback adds up to the compute lines: exactly, and in cents to their exact sum rounded once;
//   - adding a workload never lowers a platform's exact total (a theorem where placement is exact;
//     checked on greedily placed fleets too);
//   - sharing GPUs (time-slicing, MPS) on whole-GPU types never needs more GPUs than not sharing, and
//     on any types, fractional ones included, never costs more where placement is exact (spot
//     savings equal across types);
//   - a bigger spot discount (the same share off every type) never raises a platform's total;
//   - scenario JSON and report JSON round-trip to the same text.
#include "scenario_fixture.hpp"

#include <libtco/analysis/breakeven.hpp>
#include <libtco/analysis/montecarlo.hpp>
#include <libtco/analysis/sensitivity.hpp>
#include <libtco/analysis/sweep.hpp>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

using namespace libtco;

namespace {

// splitmix64 (Steele, Lea and Flood, 2014): tiny, seedable, the same sequence everywhere.
class Generator {
public:
    explicit Generator(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::int64_t between(std::int64_t low, std::int64_t high) { return low + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(high - low + 1)); }
    bool chance(int percent) { return between(1, 100) <= percent; }
    template <class T, std::size_t N>
    const T& pick(const T (&options)[N]) { return options[next() % N]; }

private:
    std::uint64_t state_;
};

const char* const whole_gpu_types = R"("g4dn.xlarge", "g4dn.12xlarge", "g5.xlarge", "g5.2xlarge", "g5.12xlarge", "g6.xlarge", "g6.4xlarge")";
const char* const fractional_gpu_types = R"("g6f.large", "g6f.2xlarge", "g6f.4xlarge")";
const char* const mig_gpu_types = R"("p4d.24xlarge", "p5.4xlarge")";
const char* const cpu_types = R"("m5.large", "m5.xlarge", "m5.4xlarge", "c5.2xlarge", "r5.large", "t3.xlarge")";

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// One workload as JSON; `mig`: GPU workloads allow only MIG-capable models.
std::string workload_json(Generator& g, const std::string& name, bool mig, std::int64_t most_replicas = 8) {
    std::string w = R"({"name": )" + quoted(name);
    const std::int64_t kind = g.between(0, 9);
    const auto replicas = [&](std::int64_t most) { return std::to_string(g.between(1, std::min(most, most_replicas))); };
    if (kind < 4) {  // CPU-only
        w += R"(, "replicas": )" + replicas(8);
        w += R"(, "vcpu": )" + quoted(g.pick({"0.25", "0.5", "1", "2", "3.5"}));
        w += R"(, "memory_gib": )" + quoted(g.pick({"0.5", "1", "2", "6", "12"}));
    } else if (kind < 7) {  // whole GPUs
        w += R"(, "replicas": )" + replicas(4);
        w += R"(, "gpus": )" + std::string(g.chance(75) ? "1" : "2");
        w += R"(, "vcpu": )" + quoted(g.pick({"1", "2", "3"}));
        w += R"(, "memory_gib": )" + quoted(g.pick({"4", "8", "12"}));
        if (mig) w += R"(, "gpu_models": ["A100-40GB", "H100"])";
        else if (g.chance(50)) w += R"(, "gpu_models": )" + std::string(g.pick({R"(["A10G", "L4"])", R"(["T4", "A10G", "L4"])"}));
    } else {  // a fraction of a GPU
        w += R"(, "replicas": )" + replicas(6);
        w += R"(, "gpus": )" + quoted(g.pick({"0.125", "0.25", "0.5"}));
        w += R"(, "vcpu": )" + quoted(g.pick({"0.5", "1", "2"}));
        w += R"(, "memory_gib": )" + quoted(g.pick({"1", "2", "4"}));
        if (g.chance(50)) w += R"(, "gpu_memory_gib": )" + quoted(g.pick({"2", "5"}));
        if (mig) w += R"(, "gpu_models": ["A100-40GB", "H100"])";
    }
    if (g.chance(30)) w += R"(, "hours": )" + std::to_string(g.between(1, 672));
    if (g.chance(30)) w += R"(, "spot_tolerant": true)";
    return w + "}";
}

struct Drawn {
    std::string eks_sharing;
    std::string ecs_sharing;
    std::vector<std::string> workloads;  // JSON objects
    std::string eks_rest;  // the rest of each platform object
    std::string ecs_rest;
    std::string top;       // month, hours basis, team
};

std::string platform_rest(Generator& g) {
    std::string p = R"("operations": )" + g.pick({std::string(R"({"share": "0.15"})"), std::string("{}"), std::string(R"({"on_call_hours_per_month": "6", "node_pools": 2})"),
                                                  std::string(R"({"total_hours_per_month": "30"})")});
    if (g.chance(50)) p += R"(, "spot": {"share": )" + quoted(g.pick({"0.1", "0.5", "1"})) + "}";
    if (g.chance(40)) {
        p += R"(, "commitments": [{"plan": )" + quoted(g.pick({"compute_savings_plan", "ec2_instance_savings_plan", "reserved_instance"})) +
             R"(, "term": )" + quoted(g.pick({"1y", "3y"})) + R"(, "payment": )" + quoted(g.pick({"no_upfront", "partial_upfront", "all_upfront"})) +
             R"(, "coverage": )" + quoted(g.pick({"0.25", "0.5", "1"})) + "}]";
    }
    return p;
}

// `small`: at most 3 workloads of at most 3 replicas, so one more keeps a group within 12 replicas.
Drawn draw(Generator& g, bool small = false) {
    Drawn d;
    d.eks_sharing = g.pick({"none", "time-slicing", "mps", "mig"});
    d.ecs_sharing = g.pick({"none", "mps"});
    const bool mig = d.eks_sharing == "mig";
    const std::int64_t n = g.between(1, small ? 3 : 4);
    for (std::int64_t i = 0; i < n; ++i) d.workloads.push_back(workload_json(g, "w" + std::to_string(i), mig, small ? 3 : 8));
    d.eks_rest = platform_rest(g) + R"(, "clusters": )" + std::to_string(g.between(0, 2));
    d.ecs_rest = platform_rest(g);
    d.top = R"("month": )" + quoted(g.pick({"2026-09", "2027-02", "2028-02"})) + R"(, "hours_basis": )" + quoted(g.pick({"aws-730", "calendar"})) +
            R"(, "team": {"engineers": )" + std::to_string(g.between(0, 40)) + R"(, "loaded_cost_per_engineer_year": )" +
            std::to_string(g.between(0, 400000)) + "}";
    return d;
}

std::string node_types(const std::string& sharing) {
    const std::string gpus = sharing == "mig" ? std::string(mig_gpu_types) + ", " + whole_gpu_types
                                              : std::string(whole_gpu_types) + ", " + fractional_gpu_types + ", " + mig_gpu_types;
    return "[" + gpus + ", " + cpu_types + "]";
}

// A few types, so that placement of a small group is searched exhaustively.
std::string exact_types(const std::string& sharing) {
    return sharing == "mig" ? R"(["p5.4xlarge", "g5.xlarge", "m5.large", "c5.2xlarge"])"
                            : R"(["g4dn.12xlarge", "g5.xlarge", "g6.xlarge", "g6f.2xlarge", "m5.large", "c5.2xlarge"])";
}

std::string scenario_text(const Drawn& d, const std::string& eks_sharing, const std::string& ecs_sharing,
                          const std::vector<std::string>& workloads, const std::string& eks_types, const std::string& ecs_types) {
    std::string list = "[";
    for (std::size_t i = 0; i < workloads.size(); ++i) list += (i ? ", " : "") + workloads[i];
    list += "]";
    return R"({"schema_version": 1, "name": "generated", )" + d.top + R"(, "workloads": )" + list + R"(, "eks": {"node_types": )" + eks_types +
           R"(, "gpu_sharing": )" + quoted(eks_sharing) + ", " + d.eks_rest + R"(}, "ecs": {"node_types": )" + ecs_types +
           R"(, "gpu_sharing": )" + quoted(ecs_sharing) + ", " + d.ecs_rest + "}}";
}

std::string scenario_text(const Drawn& d) {
    return scenario_text(d, d.eks_sharing, d.ecs_sharing, d.workloads, node_types(d.eks_sharing), node_types(d.ecs_sharing));
}

// The comparison, or none when a drawn replica fits none of the allowed types.
std::optional<Comparison> compare_or_skip(const std::string& text, const Catalog& catalog) {
    try {
        return compare(Scenario::from_json_text(text), catalog);
    } catch (const placement_error&) {
        return std::nullopt;
    }
}

const Decimal cent = Decimal::parse("0.01");

bool within_a_cent(const Money& rounded, const Money& exact) {
    const Decimal gap = (rounded - exact).value();
    return gap < cent && gap > -cent;
}

Money sum_of(const std::vector<Money>& parts) {
    Money sum;
    for (const Money& m : parts) sum += m;
    return sum;
}

void check_rounding(const PlatformReport& r, const std::string& text) {
    INFO(r.platform, ": ", text);
    const std::vector<Money> rounded = r.rounded_line_items();
    CHECK(sum_of(rounded) == r.rounded_total());
    CHECK(r.rounded_total() == round_to_cents(r.total()));
    for (std::size_t i = 0; i < rounded.size(); ++i) {
        CHECK(within_a_cent(rounded[i], r.line_items[i].amount));
        CHECK(rounded[i].value() == rounded[i].value().rounded(2));
    }
    Money by_category;
    std::map<std::string, int> lines_in;
    for (const LineItem& li : r.line_items) ++lines_in[li.category];
    for (const auto& [category, lines] : lines_in) {
        Money subtotal;
        for (std::size_t i = 0; i < rounded.size(); ++i)
            if (r.line_items[i].category == category) subtotal += rounded[i];
        by_category += subtotal;
        const Decimal gap = (subtotal - r.category_total(category)).value();
        CHECK(gap < cent * Decimal(lines));
        CHECK(gap > -(cent * Decimal(lines)));
    }
    CHECK(by_category == r.rounded_total());
    Money by_confidence;
    for (const auto& [level, amount] : r.rounded_by_confidence()) by_confidence += amount;
    CHECK(by_confidence == r.rounded_total());
}

void check_showback(const PlatformReport& r, const Scenario& s, const std::string& text) {
    INFO(r.platform, ": ", text);
    REQUIRE(r.showback.size() == s.workloads.size() + 1);
    Money exact;
    for (std::size_t i = 0; i < r.showback.size(); ++i) {
        exact += r.showback[i].amount;
        if (i < s.workloads.size()) {
            CHECK(r.showback[i].workload == s.workloads[i].name);
            CHECK(r.showback[i].amount.value().sign() >= 0);
        }
    }
    CHECK(r.showback.back().workload == "(idle)");
    CHECK(exact == r.category_total(category::compute));
    // In cents, the compute cost rounded once (half-even); the line items are rounded by largest
    // remainder over the whole bill, so the compute lines' own cents can differ from it by a cent.
    const std::vector<Money> rounded = r.rounded_showback();
    CHECK(sum_of(rounded) == round_to_cents(r.category_total(category::compute)));
    for (std::size_t i = 0; i < rounded.size(); ++i) CHECK(within_a_cent(rounded[i], r.showback[i].amount));
}

// The catalog with every spot figure replaced by the same savings, the one thing that differs.
Catalog with_uniform_spot(Catalog c, const char* savings) {
    SpotFigure figure = *c.spot_generic;
    figure.savings = Fraction(Decimal::parse(savings));
    figure.price.reset();
    figure.savings_low.reset();
    figure.savings_high.reset();
    figure.interruption = InterruptionBucket::from_10_to_15;
    c.spot_generic = figure;
    for (auto& [family, f] : c.spot_families) f = figure;
    for (auto& [name, t] : c.instance_types)
        if (t.spot) t.spot = figure;
    return c;
}

// Cases per test: 80, or LIBTCO_INVARIANT_CASES for a longer run.
const int generated_cases = [] {
    const char* cases = std::getenv("LIBTCO_INVARIANT_CASES");
    return cases != nullptr && std::atoi(cases) > 0 ? std::atoi(cases) : 80;
}();

RunOptions on_threads(int threads) {
    RunOptions o;
    o.threads = threads;
    return o;
}

}  // namespace

TEST_CASE("generated scenarios: rounding, showback and round trips") {
    const Catalog catalog = embedded_catalog();
    Generator g(20260901);
    int compared = 0;
    for (int k = 0; k < generated_cases; ++k) {
        const std::string text = scenario_text(draw(g));
        const Scenario s = Scenario::from_json_text(text);
        // The normal form is a fixed point: read back, it writes the same text.
        const std::string normal = to_json(s).dump(2);
        CHECK(to_json(Scenario::from_json_text(normal)).dump(2) == normal);
        const auto c = compare_or_skip(text, catalog);
        if (!c) continue;
        ++compared;
        for (const PlatformReport* r : {&c->eks, &c->ecs}) {
            check_rounding(*r, text);
            check_showback(*r, s, text);
        }
        CHECK(c->difference() == c->eks.rounded_total() - c->ecs.rounded_total());
        // The report is plain JSON: parsed and written again it is the same text; a second run of the
        // same inputs gives the same bytes.
        const std::string report = to_json(*c).dump(2);
        CHECK(nlohmann::ordered_json::parse(report).dump(2) == report);
        if (k % 4 == 0) CHECK(to_json(compare(s, catalog)).dump(2) == report);
    }
    CHECK(compared > generated_cases / 2);  // the generator mostly draws scenarios that place
}

// Placement is exact for a group of at most 12 replicas on at most 12 non-dominated types; an
// exact fleet for more workloads holds the fewer too, so it cannot cost less. Spot savings are the
// same for every type: the packer chooses by on-demand price, so with savings that differ by type a
// pricier on-demand fleet can be the cheaper one on spot.
namespace {
// Generated scenarios and the same with one workload more, compared on a catalog with one spot
// saving: `exact` draws groups small enough for the exhaustive search, on a few types; otherwise
// fleets of up to 4 workloads of up to 8 replicas on 15 to 18 types, placed greedily.
void check_adding_a_workload_never_lowers_a_total(std::uint64_t seed, bool exact) {
    const Catalog catalog = with_uniform_spot(embedded_catalog(), "0.5");
    Generator g(seed);
    int compared = 0;
    for (int k = 0; k < generated_cases; ++k) {
        const Drawn d = draw(g, exact);
        std::vector<std::string> more = d.workloads;
        more.push_back(workload_json(g, "added", d.eks_sharing == "mig", exact ? 3 : 8));
        const auto types = [&](const std::string& sharing) { return exact ? exact_types(sharing) : node_types(sharing); };
        const std::string before_text = scenario_text(d, d.eks_sharing, d.ecs_sharing, d.workloads, types(d.eks_sharing), types(d.ecs_sharing));
        const std::string after_text = scenario_text(d, d.eks_sharing, d.ecs_sharing, more, types(d.eks_sharing), types(d.ecs_sharing));
        const auto before = compare_or_skip(before_text, catalog);
        const auto after = compare_or_skip(after_text, catalog);
        if (!before || !after) continue;
        ++compared;
        INFO(after_text);
        CHECK(after->eks.total() >= before->eks.total());
        CHECK(after->ecs.total() >= before->ecs.total());
    }
    CHECK(compared > generated_cases / 2);
}
}  // namespace

TEST_CASE("generated scenarios: adding a workload never lowers a platform's total when placement is exact") {
    check_adding_a_workload_never_lowers_a_total(20260902, true);
}

// Beyond the exact cut the packer is greedy, with no proof of monotony. Its one known lapse on this
// generator's fleets (about 1 case in 1,500: 4 p5.4xlarge where one p4d.24xlarge holds everything,
// and the p4d.24xlarge once more replicas are added; a test in unit-engine.cpp) is closed by the
// shared-room fleet small groups also try; 4,500 generated fleets on 15 to 18 types, every sharing
// mode, then show no total that falls. These cases keep it so.
TEST_CASE("generated scenarios: adding a workload to a greedily placed fleet does not lower a platform's total") {
    check_adding_a_workload_never_lowers_a_total(20261129, false);
}

// Under time-slicing and MPS a replica too large to share a GPU runs alone on one, so every
// unshared fleet is a fleet under sharing too, and the optimal shared fleet costs no more. Spot
// savings are the same for every type, as the packer compares on-demand prices. On fractional-GPU
// types sharing may pay for more GPU capacity when that is cheaper (a shared L4 instead of several
// eighths of one): the model minimises cost, not GPUs.
TEST_CASE("generated scenarios: time-slicing and MPS never cost more than not sharing when placement is exact, fractional GPUs included") {
    const Catalog catalog = with_uniform_spot(embedded_catalog(), "0.5");
    Generator g(20261130);
    const std::string types = R"(["g6f.large", "g6f.2xlarge", "g5.xlarge", "g6.xlarge", "m5.large", "c5.2xlarge"])";
    int compared = 0;
    for (int k = 0; k < generated_cases; ++k) {
        const Drawn d = draw(g, true);
        const std::string eks_sharing = d.eks_sharing == "mps" ? "mps" : "time-slicing";
        std::vector<std::string> workloads;
        for (std::string w : d.workloads) {
            const auto models = w.find(R"(, "gpu_models")");
            if (models != std::string::npos) w.erase(models, w.find(']', models) + 1 - models);
            workloads.push_back(w);
        }
        const std::string shared_text = scenario_text(d, eks_sharing, "mps", workloads, types, types);
        const auto with = compare_or_skip(shared_text, catalog);
        const auto without = compare_or_skip(scenario_text(d, "none", "none", workloads, types, types), catalog);
        if (!with || !without) continue;
        ++compared;
        INFO(shared_text);
        CHECK(with->eks.category_total(category::compute) <= without->eks.category_total(category::compute));
        CHECK(with->ecs.category_total(category::compute) <= without->ecs.category_total(category::compute));
    }
    CHECK(compared > generated_cases / 2);
}

TEST_CASE("generated scenarios: time-slicing and MPS on whole GPUs never need more GPUs than not sharing") {
    const Catalog catalog = embedded_catalog();
    Generator g(20260903);
    const std::string whole = R"(["g4dn.12xlarge", "g5.xlarge", "g6.xlarge", "g6.4xlarge", "m5.large", "c5.2xlarge"])";
    int shared = 0;
    for (int k = 0; k < generated_cases / 2; ++k) {
        const Drawn d = draw(g);
        const std::string eks_sharing = d.eks_sharing == "mps" ? "mps" : "time-slicing";
        const auto with = compare_or_skip(scenario_text(d, eks_sharing, "mps", d.workloads, whole, whole), catalog);
        const auto without = compare_or_skip(scenario_text(d, "none", "none", d.workloads, whole, whole), catalog);
        if (!with || !without) continue;
        INFO(scenario_text(d, eks_sharing, "mps", d.workloads, whole, whole));
        for (const auto& [shared_report, unshared_report] : {std::pair{&with->eks, &without->eks}, std::pair{&with->ecs, &without->ecs}}) {
            CHECK(shared_report->utilization.gpus_paid <= unshared_report->utilization.gpus_paid);
            if (shared_report->utilization.gpus_without_sharing) {
                ++shared;
                CHECK(*shared_report->utilization.gpus_without_sharing == unshared_report->utilization.gpus_paid);
            }
        }
    }
    CHECK(shared > 0);
}

TEST_CASE("generated scenarios: a bigger spot discount never raises a platform's total") {
    const Catalog base = embedded_catalog();
    const std::vector<Catalog> discounts{with_uniform_spot(base, "0"), with_uniform_spot(base, "0.3"), with_uniform_spot(base, "0.62"),
                                         with_uniform_spot(base, "0.9")};
    Generator g(20260904);
    int compared = 0;
    for (int k = 0; k < generated_cases / 2; ++k) {
        Drawn d = draw(g);
        if (d.workloads.front().find("spot_tolerant") == std::string::npos)
            d.workloads.front().insert(d.workloads.front().size() - 1, R"(, "spot_tolerant": true)");
        if (d.eks_rest.find(R"("spot")") == std::string::npos) d.eks_rest += R"(, "spot": {"share": "0.5"})";
        if (d.ecs_rest.find(R"("spot")") == std::string::npos) d.ecs_rest += R"(, "spot": {"share": "0.8"})";
        const std::string text = scenario_text(d, d.eks_sharing, d.ecs_sharing, d.workloads, exact_types(d.eks_sharing), exact_types(d.ecs_sharing));
        std::optional<Comparison> previous;
        for (const Catalog& c : discounts) {
            std::optional<Comparison> now;
            try {
                now = compare(Scenario::from_json_text(text), c);
            } catch (const placement_error&) {
                break;
            }
            if (previous) {
                INFO(text);
                CHECK(now->eks.total() <= previous->eks.total());
                CHECK(now->ecs.total() <= previous->ecs.total());
                ++compared;
            }
            previous = std::move(now);
        }
    }
    CHECK(compared > 0);
}

// --- determinism across thread counts -------------------------------------------------------------

TEST_CASE("analyses give the same results on 1, 2 and 5 threads") {
    const Catalog catalog = embedded_catalog();
    const Scenario s = default_scenario();
    const auto d = [](const char* text) { return Decimal::parse(text); };

    SUBCASE("a sweep (closed form and with placement)") {
        const std::vector<SweepAxis> axes{{"/team/engineers", linspace(d("1"), d("20"), 4)}, {"/workloads/embeddings/replicas", {d("1"), d("4")}}};
        const SweepResult one = sweep(s, catalog, axes, on_threads(1));
        for (int threads : {2, 5}) {
            const SweepResult many = sweep(s, catalog, axes, on_threads(threads));
            CHECK(many.eks_cents == one.eks_cents);
            CHECK(many.ecs_cents == one.ecs_cents);
        }
    }
    SUBCASE("Monte Carlo") {
        MonteCarloSpec spec;
        spec.seed = 7;
        spec.samples = 24;
        spec.parameters = default_uncertainty(s);
        spec.parameters.push_back({"/ecs/reserved_memory_gib", Distribution(Distribution::Uniform{d("0"), d("1")}, "/ecs/reserved_memory_gib")});
        const MonteCarloResult one = monte_carlo(s, catalog, spec, on_threads(1));
        for (int threads : {2, 5}) {
            const MonteCarloResult many = monte_carlo(s, catalog, spec, on_threads(threads));
            CHECK(many.eks_cents == one.eks_cents);
            CHECK(many.ecs_cents == one.ecs_cents);
            CHECK(many.draws == one.draws);
            CHECK(many.difference.mean == one.difference.mean);
            CHECK(many.difference.stdev == one.difference.stdev);  // the same doubles, summed in the same order
            CHECK(many.difference.percentiles == one.difference.percentiles);
            CHECK(many.eks_cheaper == one.eks_cheaper);
        }
    }
    SUBCASE("break-even") {
        const auto options = [](int threads) {
            BreakEvenOptions o;
            o.run.threads = threads;
            return o;
        };
        const BreakEven one = break_even(s, catalog, "/workloads/embeddings/replicas", d("1"), d("12"), options(1));
        for (int threads : {2, 5}) {
            const BreakEven many = break_even(s, catalog, "/workloads/embeddings/replicas", d("1"), d("12"), options(threads));
            REQUIRE(many.crossings.size() == one.crossings.size());
            for (std::size_t i = 0; i < one.crossings.size(); ++i) {
                CHECK(many.crossings[i].value == one.crossings[i].value);
                CHECK(many.crossings[i].low == one.crossings[i].low);
                CHECK(many.crossings[i].high == one.crossings[i].high);
            }
            CHECK(many.evaluations == one.evaluations);
        }
    }
    SUBCASE("sensitivity") {
        const std::vector<SensitivityRange> ranges{{"/ecs/reserved_memory_gib", d("0"), d("1")}, {"/ecs/spot/fallback_share", d("0.05"), d("0.3")},
                                                   {"/eks/operations/on_call_hours_per_month", d("4"), d("24")}};
        const Tornado one = sensitivity(s, catalog, ranges, on_threads(1));
        for (int threads : {2, 5}) {
            const Tornado many = sensitivity(s, catalog, ranges, on_threads(threads));
            REQUIRE(many.bars.size() == one.bars.size());
            for (std::size_t i = 0; i < one.bars.size(); ++i) {
                CHECK(many.bars[i].parameter == one.bars[i].parameter);
                CHECK(many.bars[i].difference_at_low == one.bars[i].difference_at_low);
                CHECK(many.bars[i].difference_at_high == one.bars[i].difference_at_high);
            }
        }
    }
}
