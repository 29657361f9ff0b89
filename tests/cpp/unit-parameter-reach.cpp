// The costing's declared reads are complete: for every numeric value of every example scenario (and
// the assumptions they leave at their defaults), an evaluation through whatever tier the declarations
// choose (closed form, the kept plan, or a full rerun) gives exactly the totals of a fresh comparison
// of the changed scenario. A read the fleet plan forgot to declare sends its parameter to the kept-plan
// tier, which reuses a plan the value changes; a read forgotten by a line beside the closed-form ones
// sends it to the closed form or to no total. Either fails here (checked by deleting
// "/workloads/*/gpus" from fleet_plan_reads()).
#include "scenario_fixture.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace libtco;

namespace {

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void numeric_leaves(const nlohmann::ordered_json& v, const std::string& at, std::vector<std::string>& out) {
    if (v.is_object()) {
        for (const auto& [key, child] : v.items()) numeric_leaves(child, at + "/" + detail::escape_token(key), out);
    } else if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i) numeric_leaves(v[i], at + "/" + std::to_string(i), out);
    } else if (v.is_number() || (v.is_string() && !v.get<std::string>().empty() && (std::isdigit(static_cast<unsigned char>(v.get<std::string>()[0])) != 0))) {
        out.push_back(at);
    }
}

// Values a parameter could move to: a larger and a smaller one, whole for whole numbers.
std::vector<Decimal> moves_of(const Decimal& v, bool whole) {
    if (whole) return {v + Decimal(1), v > Decimal(1) ? v - Decimal(1) : v + Decimal(2)};
    if (v.is_zero()) return {Decimal::parse("0.5"), Decimal(1)};
    return {v * Decimal::parse("1.5"), v / Decimal(2)};
}

struct Checked {
    int evaluated = 0;
    int by_tier[5] = {0, 0, 0, 0, 0};
};

void check_every_value(const Scenario& base, const Catalog& catalog, Checked& checked) {
    std::vector<std::string> pointers;
    numeric_leaves(to_json(base), "", pointers);
    for (const char* implicit : {"/assumptions/partial_upfront_share", "/assumptions/gpu_share_of_node_cost", "/ecs/reserved_memory_gib",
                                 "/eks/scale_up_lag_minutes", "/ecs/scale_down_delay_minutes"})
        pointers.push_back(implicit);
    for (const std::string& pointer : pointers) {
        if (pointer == "/schema_version") continue;
        CAPTURE(base.name);
        CAPTURE(pointer);
        std::optional<Evaluator> evaluate;
        try {
            evaluate.emplace(base, catalog, std::vector<std::string>{pointer});
        } catch (const error&) {
            continue;  // not a parameter of this scenario
        }
        const Parameter& p = evaluate->parameters()[0];
        for (const Decimal& v : moves_of(evaluate->base_values()[0], p.whole)) {
            CAPTURE(v.to_string());
            const std::vector<Decimal> point{v};
            Totals expected;
            try {
                const Scenario s = evaluate->scenario_at(point);
                expected = compare_totals(s, effective_catalog(s, catalog));
            } catch (const error&) {
                continue;  // the value is out of its range, or the changed scenario does not place
            }
            const Totals got = (*evaluate)(point);
            CHECK(got.eks == expected.eks);
            CHECK(got.ecs == expected.ecs);
            ++checked.evaluated;
            ++checked.by_tier[static_cast<int>(p.reach)];
            break;
        }
    }
}

}  // namespace

TEST_CASE("every numeric value of every example evaluates, through its derived tier, to a fresh comparison's totals") {
    const Catalog catalog = embedded_catalog();
    std::vector<Scenario> scenarios{default_scenario()};
    for (const auto& entry : std::filesystem::directory_iterator(LIBTCO_GOLDEN_SCENARIOS_DIR))
        if (entry.path().extension() == ".json") scenarios.push_back(Scenario::from_json_text(read_file(entry.path())));
    REQUIRE(scenarios.size() >= 5);
    Checked checked;
    for (const Scenario& s : scenarios) check_every_value(s, catalog, checked);
    // Every tier is exercised, so a wrong tier cannot hide behind a full rerun.
    CHECK(checked.evaluated > 100);
    CHECK(checked.by_tier[static_cast<int>(ParameterReach::staff)] > 0);
    CHECK(checked.by_tier[static_cast<int>(ParameterReach::cluster_fee)] > 0);
    CHECK(checked.by_tier[static_cast<int>(ParameterReach::no_total)] > 0);
    CHECK(checked.by_tier[static_cast<int>(ParameterReach::lines)] > 10);
    CHECK(checked.by_tier[static_cast<int>(ParameterReach::engine)] > 10);
}
