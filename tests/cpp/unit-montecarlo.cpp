// Monte Carlo: reproducible by seed across thread counts, statistics checked against closed forms.
// The "shared" scenario is the one of unit-analysis.cpp, staff time by the seed's shares:
// d(E) = EKS - ECS = 1,150 E - 2,864.52.
#include "scenario_fixture.hpp"

#include <libtco/analysis/montecarlo.hpp>

using namespace libtco;

namespace {

Scenario shared() {
    return Scenario::from_json_text(R"({"schema_version": 1, "name": "shared", "month": "2026-09",
      "team": {"engineers": 1, "loaded_cost_per_engineer_year": 120000},
      "workloads": [{"name": "w", "replicas": 8, "gpus": 0.4, "gpu_memory_gib": 8, "vcpu": 1, "memory_gib": 4}],
      "eks": {"node_types": ["g5.xlarge"], "gpu_sharing": "time-slicing", "operations": {"share": "0.15"}},
      "ecs": {"node_types": ["g5.xlarge"], "operations": {"share": "0.035"}}})");
}

Decimal d(const char* text) { return Decimal::parse(text); }

MonteCarloSpec spec_of(const char* json) { return MonteCarloSpec::from_json(detail::parse_exact(json)); }

}  // namespace

TEST_CASE("the same seed gives bit-identical results on 1, 2 and 5 threads") {
    const Catalog catalog = embedded_catalog();
    const MonteCarloSpec spec = spec_of(R"({"seed": 7, "samples": 3000, "parameters": [
        {"parameter": "/team/engineers", "distribution": {"distribution": "normal", "mean": 2.5, "sd": 1, "low": 0, "high": 6}},
        {"parameter": "/eks/operations/share", "distribution": {"distribution": "triangular", "low": 0.1, "mode": 0.15, "high": 0.2}},
        {"parameter": "/ecs/operations/share", "distribution": {"distribution": "uniform", "low": 0.02, "high": 0.05}}]})");
    const MonteCarloResult one = monte_carlo(shared(), catalog, spec, RunOptions{1, {}});
    for (int threads : {2, 5}) {
        const MonteCarloResult many = monte_carlo(shared(), catalog, spec, RunOptions{threads, {}});
        CHECK(many.eks_cents == one.eks_cents);
        CHECK(many.ecs_cents == one.ecs_cents);
        CHECK(many.draws == one.draws);
        CHECK(many.difference.mean == one.difference.mean);
    }
    MonteCarloSpec other = spec;
    other.seed = 8;
    CHECK(monte_carlo(shared(), catalog, other).eks_cents != one.eks_cents);
}

TEST_CASE("a uniform team size gives P(EKS cheaper) = P(E < 2.4909) = 0.4982") {
    // E ~ U(0, 5); EKS is cheaper where 1,150 E < 2,864.52, i.e. E < 2.490887: probability 0.498177.
    const Catalog catalog = embedded_catalog();
    const MonteCarloResult r = monte_carlo(shared(), catalog, spec_of(R"({"seed": 1, "samples": 20000, "parameters": [
        {"parameter": "/team/engineers", "distribution": {"distribution": "uniform", "low": 0, "high": 5}}]})"));
    CHECK(r.closed_form);
    const double p = r.probability_eks_cheaper().to_double();
    CHECK(p > 0.498177 - 0.0106);  // 3 standard errors: sqrt(0.25 / 20000) = 0.0035
    CHECK(p < 0.498177 + 0.0106);
    // The mean difference: 1,150 x 2.5 - 2,864.52 = 10.48, standard error 1,150 x 5 / sqrt(12 x 20000) = 11.7.
    CHECK(r.difference.mean.to_double() > 10.48 - 35.2);
    CHECK(r.difference.mean.to_double() < 10.48 + 35.2);
    // Every sample is one of the engine's figures for its team size.
    for (std::size_t i = 0; i < 50; ++i) {
        const Decimal e = r.draws[0][i];
        const Money exact_difference(d("1150") * e - d("2864.52"));
        CHECK(r.eks_cents[i] - r.ecs_cents[i] == cents_of(Money(d("3010.52") + d("1500") * e)) - cents_of(Money(d("5875.04") + d("350") * e)));
        CHECK(std::abs(r.eks_cents[i] - r.ecs_cents[i] - cents_of(exact_difference)) <= 1);
    }
}

TEST_CASE("a two-point choice gives two totals in the weights' proportion") {
    // E = 1 (weight 3) or 5 (weight 1): d = -1,714.52 or 2,885.48.
    const Catalog catalog = embedded_catalog();
    const MonteCarloResult r = monte_carlo(shared(), catalog, spec_of(R"({"seed": 3, "samples": 8000, "parameters": [
        {"parameter": "/team/engineers", "distribution": {"distribution": "choice", "values": [1, 5], "weights": [3, 1]}}]})"));
    std::int64_t low = 0;
    for (std::int64_t i = 0; i < r.samples(); ++i) {
        const std::int64_t diff = r.eks_cents[static_cast<std::size_t>(i)] - r.ecs_cents[static_cast<std::size_t>(i)];
        CHECK((diff == -171452 || diff == 288548));
        low += diff == -171452;
    }
    CHECK(low == r.eks_cheaper);
    CHECK(std::abs(static_cast<double>(low) / 8000 - 0.75) < 3 * 0.00484);  // sqrt(0.75 x 0.25 / 8000)
    CHECK(r.difference.min_cents == -171452);
    CHECK(r.difference.max_cents == 288548);
    CHECK(r.difference.percentile(50) == -171452);
    CHECK(r.difference.percentile(95) == 288548);
    // The exact mean: (low x -1,714.52 + (8000 - low) x 2,885.48) / 8000.
    const Decimal expected = (Decimal(low) * d("-1714.52") + Decimal(8000 - low) * d("2885.48")) / Decimal(8000);
    CHECK(r.difference.mean == expected);
}

TEST_CASE("percentiles are nearest-rank") {
    std::vector<std::int64_t> cents;
    for (int i = 10; i >= 1; --i) cents.push_back(i * 10);  // 100, 90, ..., 10
    const Distribution1D s = detail::summarize(cents);
    CHECK(s.percentile(5) == 10);    // rank ceil(0.5) = 1
    CHECK(s.percentile(25) == 30);   // rank ceil(2.5) = 3
    CHECK(s.percentile(50) == 50);   // rank 5
    CHECK(s.percentile(95) == 100);  // rank ceil(9.5) = 10
    CHECK(s.mean == d("0.55"));      // 550 cents / 10
    CHECK(s.stdev == doctest::Approx(0.302765).epsilon(1e-5));  // sample sd of 10..100 cents = 30.2765 cents
}

TEST_CASE("the default uncertainty is the effort model's ranges, centred on the scenario's values") {
    const Scenario s = default_scenario();
    const std::vector<UncertainParameter> u = default_uncertainty(s);
    // Service hours, EKS's seven figures, and ECS's five with a range (no upgrades on ECS).
    REQUIRE(u.size() == 13);
    CHECK(u[0].parameter == "/team/service_hours_per_month");
    CHECK(describe(u[0].distribution) == "triangular(1, 4, 8)");
    CHECK(u[1].parameter == "/eks/operations/cluster_care_hours_per_month");
    CHECK(describe(u[1].distribution) == "triangular(8, 16, 32)");
    const auto add_ons = std::find_if(u.begin(), u.end(), [](const UncertainParameter& p) { return p.parameter == "/eks/operations/add_ons"; });
    REQUIRE(add_ons != u.end());
    // Whole add-ons 5..12 peaking at 7: weights 6, 12, 18 rising, 15, 12, 9, 6, 3 falling (both sides reach 18).
    const auto& choice = std::get<Distribution::Choice>(add_ons->distribution.parameters());
    CHECK(choice.values.front() == Decimal(5));
    CHECK(choice.values.back() == Decimal(12));
    std::vector<std::string> weights;
    for (const Decimal& w : choice.weights) weights.push_back(w.to_string());
    CHECK(weights == std::vector<std::string>{"6", "12", "18", "15", "12", "9", "6", "3"});
    // The means, by independence (E[XY] = E[X] E[Y]); a triangle's mean is (low + mode + high) / 3.
    // EKS: service (13/3 - 4) x 6 = 2 h; care 56/3 - 16 = 8/3; upgrades 176/3 x 8/3 / 12 - 10 = 82/27;
    // rotation (14/3 - 4) x 2 = 4/3; add-ons 7/3 x 8 - 14 = 14/3 (E[add-ons] = 648 / 81 = 8); on-call
    // 40/3 - 12 = 4/3: 15.037 h more than the 84 h, x 200,000 / 1,840 = $1,634.46 above the base total.
    // Its spread: the variances (a² + b² + c² - ab - ac - bc) / 18, and for a product of independent
    // figures E[X]² Var Y + E[Y]² Var X + Var X Var Y, add up to 192.26 h², a sd of 13.87 h = $1,507.14.
    // 20,000 samples put the mean within 3 x 1,507 / sqrt(20000) = $32 of its expectation.
    const Catalog catalog = embedded_catalog();
    const MonteCarloResult r = monte_carlo(s, catalog, MonteCarloSpec{5, 20000, {}});
    CHECK(r.closed_form);
    const double base = compare(s, catalog).eks.total().value().to_double();
    CHECK(std::abs(r.eks.mean.to_double() - (base + 1634.46)) < 32.0);
    CHECK(r.eks.stdev == doctest::Approx(1507.14).epsilon(0.03));
}

TEST_CASE("Monte Carlo specs are read strictly") {
    const auto code_at = [](const char* json) {
        const libtco::error e = fixture::capture([&] { (void)spec_of(json); });
        return e.code_name() + " " + e.path();
    };
    CHECK(code_at(R"({"samples": 0})") == "libtco.validation.113 /samples");
    CHECK(code_at(R"({"samples": 100, "seeds": 1})") == "libtco.validation.112 /seeds");
    CHECK(code_at(R"({"seed": -1})") == "libtco.validation.113 /seed");
    CHECK(code_at(R"({"parameters": [{"parameter": "/team/engineers"}]})") == "libtco.validation.111 /parameters/0/distribution");
    CHECK(code_at(R"({"parameters": [{"parameter": "/team/engineers", "distribution": {"distribution": "uniform", "low": 2, "high": 1}}]})") ==
          "libtco.validation.118 /parameters/0/distribution/high");
    const Catalog catalog = embedded_catalog();
    const libtco::error e = fixture::capture([&] {
        (void)monte_carlo(shared(), catalog, spec_of(R"({"parameters": [{"parameter": "/eks/operations/share", "distribution": {"distribution": "uniform", "low": 0.5, "high": 1.5}}]})"));
    });
    CHECK(e.code_name() == "libtco.validation.113");
    CHECK(e.path() == "/eks/operations/share");
}

TEST_CASE("two ranges of samples, concatenated, are the run of both, bit for bit") {
    // Samples [0, 1200) in one run; [0, 500) and [500, 1200) as two batches (first_sample 0 and 500),
    // with a parameter that re-runs the engine, so both evaluation paths are covered.
    const Catalog catalog = embedded_catalog();
    const MonteCarloSpec whole = spec_of(R"({"seed": 11, "samples": 1200, "parameters": [
        {"parameter": "/team/engineers", "distribution": {"distribution": "normal", "mean": 2.5, "sd": 1, "low": 0, "high": 6}},
        {"parameter": "/eks/operations/share", "distribution": {"distribution": "triangular", "low": 0.1, "mode": 0.15, "high": 0.2}},
        {"parameter": "/workloads/w/replicas", "distribution": {"distribution": "choice", "values": [6, 8, 11]}}]})");
    MonteCarloSpec head = whole;
    head.samples = 500;
    MonteCarloSpec tail = whole;
    tail.samples = 700;
    tail.first_sample = 500;
    const MonteCarloResult one = monte_carlo(shared(), catalog, whole, RunOptions{1, {}});
    const MonteCarloResult a = monte_carlo(shared(), catalog, head, RunOptions{2, {}});
    const MonteCarloResult b = monte_carlo(shared(), catalog, tail, RunOptions{1, {}});

    MonteCarloResult joined;
    for (const MonteCarloResult* part : {&a, &b}) {
        joined.eks_cents.insert(joined.eks_cents.end(), part->eks_cents.begin(), part->eks_cents.end());
        joined.ecs_cents.insert(joined.ecs_cents.end(), part->ecs_cents.begin(), part->ecs_cents.end());
    }
    CHECK(joined.eks_cents == one.eks_cents);
    CHECK(joined.ecs_cents == one.ecs_cents);
    CHECK_FALSE(one.closed_form);
    for (std::size_t p = 0; p < 3; ++p) {
        std::vector<Decimal> draws = a.draws[p];
        draws.insert(draws.end(), b.draws[p].begin(), b.draws[p].end());
        CHECK(draws == one.draws[p]);
    }
    // A batch is not the first samples again: sample 500 of the run is the tail's first.
    CHECK(b.eks_cents.front() == one.eks_cents[500]);
    CHECK(b.draws[0] != std::vector<Decimal>(one.draws[0].begin(), one.draws[0].begin() + 700));

    summarize_samples(joined);
    CHECK(joined.eks_cheaper == one.eks_cheaper);
    CHECK(joined.ties == one.ties);
    for (const auto& [got, want] : {std::pair{&joined.eks, &one.eks}, {&joined.ecs, &one.ecs}, {&joined.difference, &one.difference}}) {
        CHECK(got->mean == want->mean);
        CHECK(got->stdev == want->stdev);  // the same sums in the same order: bit-identical
        CHECK(got->min_cents == want->min_cents);
        CHECK(got->max_cents == want->max_cents);
        CHECK(got->percentiles == want->percentiles);
    }
    CHECK(joined.probability_eks_cheaper() == one.probability_eks_cheaper());
}

TEST_CASE("first_sample is read, written only when set, and bounded by the sample limit") {
    CHECK(to_json(spec_of(R"({"samples": 10})")).contains("first_sample") == false);
    const MonteCarloSpec batch = spec_of(R"({"samples": 10, "first_sample": 40})");
    CHECK(batch.first_sample == 40);
    CHECK(to_json(batch)["first_sample"] == 40);
    const auto code_at = [](const char* json) {
        const libtco::error e = fixture::capture([&] { (void)checked_spec(shared(), spec_of(json)); });
        return e.code_name() + " " + e.path();
    };
    CHECK(code_at(R"({"first_sample": -1})") == "libtco.validation.113 /first_sample");
    // 9,999,995 + 10 samples would reach past sample 10,000,000 (the limit of one run).
    CHECK(code_at(R"({"samples": 10, "first_sample": 9999995})") == "libtco.validation.113 /first_sample");
    CHECK(checked_spec(shared(), spec_of(R"({"samples": 10, "first_sample": 9999990})")).parameters.size() == 2);  // the default uncertainty: the two shares
}
