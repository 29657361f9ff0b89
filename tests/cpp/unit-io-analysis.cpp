// The analyses' writers (libtco/io) on small results built by hand; every expected text is worked
// out from the figures below, column by column.
#include <libtco/io/analysis_csv.hpp>
#include <libtco/io/analysis_json.hpp>
#include <libtco/io/analysis_table.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace libtco;

namespace {

Decimal dec(const char* text) { return Decimal::parse(text); }
Money money(const char* text) { return Money(dec(text)); }
std::string spaces(std::size_t n) { return std::string(n, ' '); }

// Break-even of /team/engineers over [0, 40]: one root just above 0.153, ECS cheaper above it.
BreakEven one_root() {
    BreakEven b;
    b.parameter = "/team/engineers";
    b.base_value = dec("6");
    b.low = dec("0");
    b.high = dec("40");
    b.difference_at_low = money("-1234.505");
    b.difference_at_high = money("76373.359");
    b.crossings.push_back({dec("0.153029579538"), dec("0.153029579538"), dec("0.153029579539"), CrossingKind::root, "ecs"});
    b.evaluations = 82;
    return b;
}

// Two bars: EKS's ops share (swing 10,000.00) and ECS's (swing 3,000.00).
Tornado two_bars() {
    Tornado t;
    t.base = {money("21207.22"), money("10000.52")};
    t.base_difference = money("11206.70");
    TornadoBar eks;
    eks.parameter = "/eks/operations/share";
    eks.base_value = dec("0.15");
    eks.low = dec("0.1");
    eks.high = dec("0.2");
    eks.difference_at_low = money("6206.70");
    eks.difference_at_high = money("16206.70");
    TornadoBar ecs;
    ecs.parameter = "/ecs/operations/share";
    ecs.base_value = dec("0.035");
    ecs.low = dec("0.02");
    ecs.high = dec("0.05");
    ecs.difference_at_low = money("12706.70");
    ecs.difference_at_high = money("9706.70");
    t.bars = {eks, ecs};
    return t;
}

// Five samples of one uniform parameter. EKS 10, 10, 30, 50, 50 dollars: mean 30, deviations
// -20, -20, 0, 20, 20, so the sample standard deviation is sqrt(1600 / 4) = 20. ECS 35 throughout.
// EKS - ECS: -25, -25, -5, 15, 15 (mean -5, the same spread); EKS is cheaper in 3 of 5.
MonteCarloResult five_samples() {
    MonteCarloResult r;
    r.spec.seed = 7;
    r.spec.samples = 5;
    r.spec.parameters.push_back({"/eks/operations/share", Distribution(Distribution::Uniform{dec("0.1"), dec("0.2")})});
    r.draws = {{dec("0.1"), dec("0.125"), dec("0.15"), dec("0.2"), dec("0.2")}};
    r.eks_cents = {1000, 1000, 3000, 5000, 5000};
    r.ecs_cents = {3500, 3500, 3500, 3500, 3500};
    summarize_samples(r);
    return r;
}

// 2 x 2 points: engineers 1 and 3, reserved memory 0 and 0.5 GiB (the last fastest).
SweepResult four_points() {
    SweepResult r;
    r.axes = {{"/team/engineers", {dec("1"), dec("3")}}, {"/ecs/reserved_memory_gib", {dec("0"), dec("0.5")}}};
    r.eks_cents = {870722, 870722, 1370722, 1370722};
    r.ecs_cents = {690267, 708386, 806934, 825052};
    return r;
}

}  // namespace

TEST_CASE("a break-even with one root: its table rounds the root to six significant digits and the differences to cents") {
    CHECK(format_table(one_root()) ==
          "EKS and ECS cost the same at /team/engineers = 0.153030 (root; ECS cheaper above).\n"
          "EKS - ECS: -1,234.50 at 0, 76,373.36 at 40 (the scenario has 6; 82 evaluations).\n");
}

TEST_CASE("a break-even with one root as CSV and JSON keeps every digit") {
    CHECK(format_csv(one_root()) == "parameter,value,low,high,kind,cheaper_above\n"
                                    "/team/engineers,0.153029579538,0.153029579538,0.153029579539,root,ecs\n");
    CHECK(analysis_json_text(to_json(one_root())) == R"({
  "parameter": "/team/engineers",
  "base_value": "6",
  "low": "0",
  "high": "40",
  "difference_at_low_usd": "-1234.505",
  "difference_at_high_usd": "76373.359",
  "crossings": [
    {
      "value": "0.153029579538",
      "low": "0.153029579538",
      "high": "0.153029579539",
      "kind": "root",
      "cheaper_above": "ecs"
    }
  ],
  "evaluations": 82
})");
}

TEST_CASE("a break-even without a crossing says which platform is cheaper throughout, and its CSV is the header alone") {
    BreakEven b = one_root();
    b.crossings.clear();
    b.difference_at_low = money("500");
    CHECK(break_even_summary(b) == "no crossing of /team/engineers in [0, 40]: ECS is cheaper throughout (EKS - ECS = 500.00 at 0, 76,373.36 at 40)");
    CHECK(format_csv(b) == "parameter,value,low,high,kind,cheaper_above\n");
    CHECK(to_json(b)["crossings"].dump() == "[]");
}

TEST_CASE("a step crossing is placed between the values on either side") {
    BreakEven b = one_root();
    b.crossings = {{dec("4.5"), dec("4"), dec("5"), CrossingKind::step, "eks"}};
    CHECK(break_even_summary(b) == "EKS and ECS cost the same at /team/engineers = between 4 and 5 (step; EKS cheaper above)");
}

TEST_CASE("a tornado with two bars: the table aligns the parameter left and every figure right") {
    // Widths: parameter 21 (/eks/operations/share), base 5 (0.035), low 4, high 4, the two differences
    // their headers' 16 and 17, swing 9 (10,000.00).
    const std::string header = "parameter" + spaces(12) + "  " + " base" + "  " + " low" + "  " + "high" + "  " + "EKS - ECS at low" + "  " +
                               "EKS - ECS at high" + "  " + spaces(4) + "swing";
    const std::string eks_row = "/eks/operations/share  " + std::string(" 0.15") + "  " + " 0.1" + "  " + " 0.2" + "  " + spaces(8) + "6,206.70" + "  " +
                                spaces(8) + "16,206.70" + "  " + "10,000.00";
    const std::string ecs_row = "/ecs/operations/share  " + std::string("0.035") + "  " + "0.02" + "  " + "0.05" + "  " + spaces(7) + "12,706.70" + "  " +
                                spaces(9) + "9,706.70" + "  " + " 3,000.00";
    CHECK(header.size() == 88);
    CHECK(format_table(two_bars()) == "EKS - ECS at the scenario's values: 11,206.70 (EKS 21,207.22, ECS 10,000.52)\n\n" + header + "\n" +
                                          std::string(88, '-') + "\n" + eks_row + "\n" + ecs_row + "\n");
}

TEST_CASE("a tornado with two bars as CSV and JSON: the swing is the distance between the two differences") {
    CHECK(format_csv(two_bars()) == "parameter,base_value,low,high,difference_at_low_usd,difference_at_high_usd,swing_usd\n"
                                    "/eks/operations/share,0.15,0.1,0.2,6206.70,16206.70,10000.00\n"
                                    "/ecs/operations/share,0.035,0.02,0.05,12706.70,9706.70,3000.00\n");
    const std::string json = analysis_json_text(to_json(two_bars()));
    CHECK(json.find(R"({
  "base_difference_usd": "11206.70",
  "base_eks_usd": "21207.22",
  "base_ecs_usd": "10000.52",
  "bars": [
    {
      "parameter": "/eks/operations/share",
      "base_value": "0.15",
      "low": "0.1",
      "high": "0.2",
      "difference_at_low": "6206.70",
      "difference_at_high": "16206.70",
      "swing": "10000.00"
    },)") == 0);
    CHECK(json.find(R"("swing": "3000.00")") != std::string::npos);
}

TEST_CASE("a Monte Carlo summary: mean, spread and nearest-rank percentiles of five samples") {
    // Nearest rank of 5 samples: p5, p10 and p25 are the 1st and 2nd (both the lowest here), p50 the
    // 3rd, p75 the 4th, p90 and p95 the 5th.
    const std::string header = spaces(12) + "mean" + "  stdev" + spaces(6) + "p5" + spaces(5) + "p25" + spaces(4) + "p50" + spaces(4) + "p75" +
                               spaces(4) + "p95";
    const std::string eks = "EKS      " + std::string("  30.00  20.00   10.00   10.00  30.00  50.00  50.00");
    const std::string ecs = "ECS      " + std::string("  35.00   0.00   35.00   35.00  35.00  35.00  35.00");
    const std::string difference = "EKS - ECS" + std::string("  -5.00  20.00  -25.00  -25.00  -5.00  15.00  15.00");
    CHECK(header.size() == 60);
    CHECK(format_table(five_samples()) == "Monte Carlo: 5 samples, seed 7 (/eks/operations/share ~ uniform)\n\n" + header + "\n" + std::string(60, '-') +
                                              "\n" + eks + "\n" + ecs + "\n" + difference + "\n\nP(EKS cheaper) = 0.6000 (" + monte_carlo_note + ")\n");
}

TEST_CASE("a Monte Carlo summary as JSON: dollars exact, the spread a number") {
    CHECK(analysis_json_text(to_json(five_samples())) == R"({
  "spec": {
    "seed": 7,
    "samples": 5,
    "parameters": [
      {
        "parameter": "/eks/operations/share",
        "distribution": {
          "distribution": "uniform",
          "low": "0.1",
          "high": "0.2"
        }
      }
    ]
  },
  "closed_form": false,
  "samples": 5,
  "probability_eks_cheaper": "0.6",
  "note": "the share of samples in which EKS costs less: it follows from the ranges assumed for the parameters drawn, not from observed data",
  "summary": {
    "eks": {
      "mean": "30",
      "stdev": 20.0,
      "min": "10.00",
      "max": "50.00",
      "percentiles": {
        "5": "10.00",
        "10": "10.00",
        "25": "10.00",
        "50": "30.00",
        "75": "50.00",
        "90": "50.00",
        "95": "50.00"
      }
    },
    "ecs": {
      "mean": "35",
      "stdev": 0.0,
      "min": "35.00",
      "max": "35.00",
      "percentiles": {
        "5": "35.00",
        "10": "35.00",
        "25": "35.00",
        "50": "35.00",
        "75": "35.00",
        "90": "35.00",
        "95": "35.00"
      }
    },
    "difference": {
      "mean": "-5",
      "stdev": 20.0,
      "min": "-25.00",
      "max": "15.00",
      "percentiles": {
        "5": "-25.00",
        "10": "-25.00",
        "25": "-25.00",
        "50": "-5.00",
        "75": "15.00",
        "90": "15.00",
        "95": "15.00"
      }
    }
  }
})");
}

TEST_CASE("Monte Carlo samples as CSV: each draw in its shortest form, then the totals in dollars") {
    CHECK(format_csv(five_samples()) == "sample,/eks/operations/share,eks_usd,ecs_usd,difference_usd\n"
                                        "0,0.1,10.00,35.00,-25.00\n"
                                        "1,0.125,10.00,35.00,-25.00\n"
                                        "2,0.15,30.00,35.00,-5.00\n"
                                        "3,0.2,50.00,35.00,15.00\n"
                                        "4,0.2,50.00,35.00,15.00\n");
}

TEST_CASE("a sweep's points as CSV, a table and JSON, the last parameter fastest") {
    CHECK(format_csv(four_points()) == "/team/engineers,/ecs/reserved_memory_gib,eks_usd,ecs_usd,difference_usd\n"
                                       "1,0,8707.22,6902.67,1804.55\n"
                                       "1,0.5,8707.22,7083.86,1623.36\n"
                                       "3,0,13707.22,8069.34,5637.88\n"
                                       "3,0.5,13707.22,8250.52,5456.70\n");
    // Every column right-aligned to its header: 15, 24 and 9 characters.
    const std::string table = "/team/engineers  /ecs/reserved_memory_gib  EKS (USD)  ECS (USD)  EKS - ECS\n" + std::string(74, '-') + "\n" +
                              spaces(14) + "1  " + spaces(23) + "0   8,707.22   6,902.67   1,804.55\n" + spaces(14) + "1  " + spaces(21) +
                              "0.5   8,707.22   7,083.86   1,623.36\n" + spaces(14) + "3  " + spaces(23) + "0  13,707.22   8,069.34   5,637.88\n" +
                              spaces(14) + "3  " + spaces(21) + "0.5  13,707.22   8,250.52   5,456.70\n" + "4 points, each point re-placed.\n";
    CHECK(format_table(four_points()) == table);
    const nlohmann::ordered_json j = to_json(four_points());
    CHECK(j["axes"][1].dump() == R"({"parameter":"/ecs/reserved_memory_gib","values":["0","0.5"]})");
    CHECK(j["closed_form"] == false);
    CHECK(j["eks_usd"].dump() == R"(["8707.22","8707.22","13707.22","13707.22"])");
    CHECK(j["ecs_usd"].dump() == R"(["6902.67","7083.86","8069.34","8250.52"])");
}

TEST_CASE("a sweep evaluated in closed form says so") {
    SweepResult r = four_points();
    r.closed_form = true;
    const std::string table = format_table(r);
    CHECK(table.substr(table.rfind("4 points")) == "4 points, closed form (placement unchanged).\n");
}

TEST_CASE("a parameter outside ASCII is as wide as its characters in a table and escaped in JSON") {
    Tornado t = two_bars();
    t.bars.resize(1);
    t.bars[0].parameter = "/workloads/api-\xc3\x9f/replicas";  // 25 characters, 26 bytes
    const std::string table = format_table(t);
    CHECK(table.find("parameter" + spaces(16) + "  base") != std::string::npos);
    CHECK(analysis_json_text(to_json(t)).find(R"("/workloads/api-\u00df/replicas")") != std::string::npos);
}

TEST_CASE("whole cents as dollars") {
    CHECK(cents_text(870722) == "8707.22");
    CHECK(cents_text(-5) == "-0.05");
    CHECK(cents_text(0) == "0.00");
    CHECK(cents_text(-100) == "-1.00");
}

TEST_CASE("a double in its shortest form, positional from 1e-4 to below 1e16") {
    CHECK(shortest_float_text(1.0) == "1.0");
    CHECK(shortest_float_text(0.1) == "0.1");
    CHECK(shortest_float_text(0.0001) == "0.0001");
    CHECK(shortest_float_text(0.00001) == "1e-05");
    CHECK(shortest_float_text(1.5e-7) == "1.5e-07");
    CHECK(shortest_float_text(1e15) == "1000000000000000.0");
    CHECK(shortest_float_text(1e16) == "1e+16");
    CHECK(shortest_float_text(123456789012345680.0) == "1.2345678901234568e+17");
    CHECK(shortest_float_text(-0.0) == "-0.0");
    CHECK(shortest_float_text(-2.5) == "-2.5");
}

TEST_CASE("a decimal to six significant digits, rounded half-even only when it has more") {
    CHECK(significant_text(dec("0.153029579538"), 6) == "0.153030");
    CHECK(significant_text(dec("6"), 6) == "6");
    CHECK(significant_text(dec("0"), 6) == "0");
    CHECK(significant_text(dec("100"), 6) == "100");
    CHECK(significant_text(dec("-2.5"), 6) == "-2.5");
    CHECK(significant_text(dec("123456.75"), 6) == "123457");
    CHECK(significant_text(dec("1234567.5"), 6) == "1.23457e+6");
    CHECK(significant_text(dec("12345678"), 6) == "1.23457e+7");
    CHECK(significant_text(dec("999999.5"), 6) == "1.00000e+6");   // rounds up to seven digits, then back to six
    CHECK(significant_text(dec("0.1234565"), 6) == "0.123456");    // a half rounds to the even digit
    CHECK(significant_text(dec("0.1234575"), 6) == "0.123458");
    CHECK(significant_text(dec("0.000000123457"), 6) == "1.23457e-7");
    CHECK(significant_text(dec("-0.00000123"), 6) == "-0.00000123");
}
