// The recommendation: reasons cite figures worked out by hand for the "shared" scenario of
// unit-analysis.cpp (1 engineer at $120,000): EKS 73 + 2,937.52 + 1,500 = 4,510.52; ECS 5,875.04 +
// 350 = 6,225.04; EKS cheaper by 1,714.52 = 27.5% of ECS's month; teams above 2.49 engineers flip it.
#include "scenario_fixture.hpp"

#include <libtco/analysis/recommendation.hpp>
#include <libtco/io/recommendation_text.hpp>

using namespace libtco;

namespace {

Scenario shared(const std::string& criteria = "") {
    return Scenario::from_json_text(R"({"schema_version": 1, "name": "shared", "month": "2026-09",
      "team": {"engineers": 1, "loaded_cost_per_engineer_year": 120000},
      "workloads": [{"name": "w", "replicas": 8, "gpus": 0.4, "gpu_memory_gib": 8, "vcpu": 1, "memory_gib": 4}],
      "eks": {"node_types": ["g5.xlarge"], "gpu_sharing": "time-slicing"},
      "ecs": {"node_types": ["g5.xlarge"]})" + (criteria.empty() ? "" : ", \"criteria\": " + criteria) + "}");
}

Recommendation recommend_for(const Scenario& s) {
    const Catalog catalog = embedded_catalog();
    return recommend(s, catalog, compare(s, catalog));
}

}  // namespace

TEST_CASE("cost, sharing, staff and team size reasons cite their figures") {
    const Recommendation r = recommend_for(shared());
    REQUIRE(r.reasons.size() == 5);
    CHECK(r.reasons[0].text == "EKS costs $1,714.52 a month less (27.5% of ECS's $6,225.04)");
    CHECK(r.reasons[0].favours == "eks");
    CHECK(r.reasons[0].points == 3);
    CHECK(r.reasons[1].text ==
          "GPU sharing on EKS (time-slicing) saves $2,937.52 a month (50% of EKS compute without it; 8 GPUs unshared, 4 shared)");
    CHECK(r.reasons[2].text == "EKS takes $1,150.00 a month more staff time (15% vs 3.5% of 1 engineers)");
    CHECK(r.reasons[3].text == "ECS stays cheaper above 2.5 engineers (EKS is cheaper below)");
    CHECK(r.reasons[4].text == "only 1 distinct workload(s): a straightforward setup");
    CHECK(r.reasons[4].favours == "ecs");
    CHECK(r.score == 2);  // 3 for cost to EKS, 1 for the simple setup to ECS
    CHECK(r.platform == "eks");
}

TEST_CASE("criteria move the verdict, each with its points") {
    const Recommendation none = recommend_for(shared(R"({"kubernetes_expertise": "none"})"));
    CHECK(none.score == 0);  // 3 - 1 - 2
    CHECK(none.platform == "either");
    const Recommendation platform = recommend_for(shared(R"({"ml_platforms": ["kubeflow", "ray"], "multi_cloud": true, "ai_core_business": true})"));
    CHECK(platform.score == 2 + 2 + 1 + 1);
    CHECK(platform.reasons[4].text == "the team wants kubeflow, ray, which run on Kubernetes");
    const Recommendation sagemaker = recommend_for(shared(R"({"sagemaker_for_most_ml": true, "kubernetes_expertise": "none"})"));
    CHECK(sagemaker.score == 3 - 1 - 2 - 1);
    CHECK(sagemaker.platform == "either");  // within one point of zero
    // Three engineers: EKS 3,010.52 + 4,500 = 7,510.52; ECS 5,875.04 + 1,050 = 6,925.04: ECS cheaper by
    // 585.48 = 7.8% of EKS's month, 2 points to ECS; with the simple setup, -3.
    Scenario three = shared();
    three.team.engineers = Decimal(3);
    const Recommendation ecs = recommend_for(three);
    CHECK(ecs.reasons[0].text == "ECS costs $585.48 a month less (7.8% of EKS's $7,510.52)");
    CHECK(ecs.score == -3);
    CHECK(ecs.platform == "ecs");
}

TEST_CASE("criteria are read strictly and written back") {
    const auto code_at = [](const std::string& criteria) {
        const libtco::error e = fixture::capture([&] { (void)shared(criteria); });
        return e.code_name() + " " + e.path();
    };
    CHECK(code_at(R"({"ml_platforms": ["mlflow"]})") == "libtco.validation.114 /criteria/ml_platforms/0");
    CHECK(code_at(R"({"kubernetes_expertise": "expert"})") == "libtco.validation.114 /criteria/kubernetes_expertise");
    CHECK(code_at(R"({"multicloud": true})") == "libtco.validation.112 /criteria/multicloud");
    const Scenario s = shared(R"({"ml_platforms": ["kserve"], "kubernetes_expertise": "strong"})");
    const Scenario again = Scenario::from_json(detail::parse_exact(to_json(s).dump()));
    CHECK(again.criteria.ml_platforms == std::vector<std::string>{"kserve"});
    CHECK(again.criteria.kubernetes_expertise == KubernetesExpertise::strong);
}

TEST_CASE("the default scenario gets a recommendation with reasons") {
    const Recommendation r = recommend_for(default_scenario());
    CHECK(r.reasons[0].text.rfind("ECS costs $11,206.70 a month less", 0) == 0);  // the README's default figures
    CHECK(format_recommendation(r).find("Recommendation: ") == 0);
}
