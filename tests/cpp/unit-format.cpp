#include "scenario_fixture.hpp"

#include <sstream>

using namespace libtco;
using fixture::compare;
using fixture::scenario_json;

static Comparison eight_on_g5() {
    return compare(scenario_json(R"([{"name": "infer", "replicas": 8, "gpus": 1, "vcpu": 1, "memory_gib": 4}])",
                                 R"({"node_types": ["g5.xlarge"]})", R"({"node_types": ["g5.xlarge"]})"));
}

TEST_CASE("the table shows both platforms side by side with totals and the difference") {
    const std::string table = format_table(eight_on_g5());
    CHECK(table.find("EKS (USD)") != std::string::npos);
    CHECK(table.find("ECS (USD)") != std::string::npos);
    CHECK(table.find("g5.xlarge") != std::string::npos);
    CHECK(table.find("5,875.04") != std::string::npos);
    // Staff time (unit-engine): EKS 60 h = 6,521.74, ECS 18 h = 1,956.52.
    CHECK(table.find("12,469.78") != std::string::npos);  // 73 + 5,875.04 + 6,521.74
    CHECK(table.find("7,831.56") != std::string::npos);   // 0 + 5,875.04 + 1,956.52
    CHECK(table.find("ECS is cheaper by $4,638.22 a month") != std::string::npos);
    CHECK(table.find("cluster care (staff time)") != std::string::npos);  // staff items side by side, without the platform
    CHECK(table.find("  infrastructure (without staff time)") != std::string::npos);
    CHECK(table.find("  platform work a month                  ") != std::string::npos);
    CHECK(table.find("On infrastructure alone (without staff time), ECS is cheaper by $73.00 a month.") != std::string::npos);
}

TEST_CASE("CSV rows add up to each platform's total row") {
    const std::string csv = format_csv(eight_on_g5());
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);
    CHECK(line == "month,platform,category,item,detail,usd,confidence");
    std::map<std::string, Money> sums, totals, infrastructure, infrastructure_sums;
    while (std::getline(in, line)) {
        std::vector<std::string> fields;
        std::string field;
        bool quoted = false;
        for (char ch : line) {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { fields.push_back(field); field.clear(); }
            else field += ch;
        }
        fields.push_back(field);
        REQUIRE(fields.size() == 7);
        const Money amount = Money::parse(fields[5]);
        if (fields[2] == "total") totals[fields[1]] = amount;
        else if (fields[2] == "infrastructure") infrastructure[fields[1]] = amount;
        else if (fields[2] == "difference") CHECK(fields[5] == "4638.22");
        else if (fields[2] == "infrastructure_difference") CHECK(fields[5] == "73.00");
        else {
            sums[fields[1]] += amount;
            if (fields[2] != "operations") infrastructure_sums[fields[1]] += amount;
        }
    }
    CHECK(sums["eks"] == totals["eks"]);
    CHECK(sums["ecs"] == totals["ecs"]);
    CHECK(infrastructure_sums["eks"] == infrastructure["eks"]);
    CHECK(infrastructure_sums["ecs"] == infrastructure["ecs"]);
    CHECK(totals["eks"].to_string() == "12469.78");
}

TEST_CASE("the JSON report has a stable key order and cents as strings") {
    const nlohmann::ordered_json j = to_json(eight_on_g5());
    std::vector<std::string> keys;
    for (const auto& [k, v] : j.items()) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"schema_version", "scenario", "month", "hours_basis", "hours", "region", "catalog", "warnings", "eks",
                                           "ecs", "difference_usd", "cheaper", "infrastructure_difference_usd", "cheaper_on_infrastructure",
                                           "staff_difference_usd", "assumptions", "sources"});
    CHECK(j["eks"]["total_usd"] == "12469.78");
    CHECK(j["eks"]["infrastructure_usd"] == "5948.04");
    CHECK(j["eks"]["staff_usd"] == "6521.74");
    CHECK(j["eks"]["staff"] == nlohmann::ordered_json{{"basis", "effort"}, {"preset", "eks-karpenter"}, {"hours_per_month", "60"}, {"usd_per_hour", "108.70"}});
    CHECK(j["infrastructure_difference_usd"] == "73.00");
    CHECK(j["cheaper_on_infrastructure"] == "ecs");
    CHECK(j["staff_difference_usd"] == "4565.22");
    CHECK(j["eks"]["line_items"][0]["usd"] == "73.00");
    CHECK(j["ecs"]["line_items"][0]["usd"] == "0.00");
    CHECK(j["difference_usd"] == "4638.22");
    CHECK(j["cheaper"] == "ecs");
    CHECK(j["eks"]["instances"][0]["count"] == 8);
}

TEST_CASE("thousands separators") {
    CHECK(with_thousands("1234567.89") == "1,234,567.89");
    CHECK(with_thousands("-1234.50") == "-1,234.50");
    CHECK(with_thousands("999.00") == "999.00");
}
