#pragma once
// A recommendation with its reasons: the seed's "when to choose EKS / ECS" criteria (from the
// scenario's `criteria`) combined with the computed figures, each reason citing its figure.
//
// Every reason carries points for the platform it favours; the verdict is the sign of the sum, and
// "either" when it lies within one point of zero. The points are the model's judgement, stated here
// and printed with each reason so a reader can disagree with a specific one:
//   cost gap      3 if it is at least 10% of the dearer platform's month, 2 from 5%, 1 from 2%, else 0
//   GPU sharing   2 to EKS when the team needs time-slicing or MIG (ECS shares only through MPS)
//   ML platforms  2 to EKS when Kubeflow, Ray or KServe are wanted (they run on Kubernetes)
//   expertise     2 to ECS when the team has no Kubernetes expertise, 1 to EKS when it is strong
//   multi-cloud   1 to EKS; AI as the core business 1 to EKS; SageMaker for most ML 1 to ECS
//   workloads     1 to EKS from 10 distinct workloads (shared infrastructure), 1 to ECS up to 3

#include <libtco/analysis/breakeven.hpp>
#include <libtco/costing/engine.hpp>
#include <libtco/core/text.hpp>

#include <string>
#include <vector>

namespace libtco {

namespace recommendation_points {
inline constexpr int cost_large = 3;   // gap >= 10% of the dearer month
inline constexpr int cost_medium = 2;  // >= 5%
inline constexpr int cost_small = 1;   // >= 2%
inline constexpr int gpu_sharing_needed = 2;
inline constexpr int ml_platforms = 2;
inline constexpr int no_kubernetes_expertise = 2;
inline constexpr int strong_kubernetes_expertise = 1;
inline constexpr int multi_cloud = 1;
inline constexpr int ai_core_business = 1;
inline constexpr int sagemaker_for_most_ml = 1;
inline constexpr int workload_count = 1;
inline constexpr std::int64_t many_workloads = 10;
inline constexpr std::int64_t few_workloads = 3;
}  // namespace recommendation_points

struct Reason {
    std::string favours;  // "eks", "ecs" or "neither"
    int points = 0;
    std::string text;     // with its figure
};

struct Recommendation {
    std::string platform;  // "eks", "ecs" or "either"
    int score = 0;         // positive favours EKS
    std::string headline;
    std::vector<Reason> reasons;
};

namespace detail {

inline std::string percent_of(const Money& part, const Money& whole) {
    if (whole.value().sign() == 0) return "n/a";
    return (part.value() / whole.value() * Decimal(100)).rounded(1).to_string() + "%";
}

inline Reason cost_reason(const Comparison& c) {
    const Money eks = c.eks.rounded_total();
    const Money ecs = c.ecs.rounded_total();
    const Money diff = c.difference();
    const Money gap = diff.value().sign() < 0 ? -diff : diff;
    const Money dearer = eks > ecs ? eks : ecs;
    if (gap.value().is_zero()) return {"neither", 0, "EKS and ECS cost the same: " + dollars(eks) + " a month"};
    const Decimal share = dearer.value().is_zero() ? Decimal{} : gap.value() / dearer.value();
    namespace pts = recommendation_points;
    const int points = share >= Decimal::parse("0.10") ? pts::cost_large : share >= Decimal::parse("0.05") ? pts::cost_medium
                                                                           : share >= Decimal::parse("0.02") ? pts::cost_small : 0;
    const std::string cheaper = diff.value().sign() > 0 ? "ecs" : "eks";
    return {points ? cheaper : "neither", points,
            std::string(cheaper == "ecs" ? "ECS" : "EKS") + " costs " + dollars(gap) + " a month less (" + percent_of(gap, dearer) + " of " +
                (cheaper == "ecs" ? "EKS's " : "ECS's ") + dollars(dearer) + ")"};
}

inline std::vector<Reason> figure_reasons(const Scenario& s, const Comparison& c) {
    std::vector<Reason> out;
    const Utilization& u = c.eks.utilization;
    if (c.eks.gpu_sharing.shares() && u.compute_without_sharing) {
        const Money saving = *u.compute_without_sharing - u.compute;
        out.push_back({"neither", 0, "GPU sharing on EKS (" + to_string(c.eks.gpu_sharing.strategy) + ") saves " + dollars(saving) + " a month (" +
                                         percent_of(saving, *u.compute_without_sharing) + " of EKS compute without it; " +
                                         u.gpus_without_sharing->to_string() + " GPUs unshared, " + u.gpus_paid.to_string() + " shared)"});
    } else if (u.gpus_paid.sign() > 0) {
        out.push_back({"neither", 0, "EKS runs whole GPUs here (gpu_sharing none): set eks.gpu_sharing to time-slicing or mig to see what sharing saves"});
    }
    const Money eks_ops = c.eks.category_total(category::operations);
    const Money ecs_ops = c.ecs.category_total(category::operations);
    out.push_back({"neither", 0, "EKS takes " + dollars(eks_ops - ecs_ops) + " a month more staff time (" + percent_text(s.eks.ops_share.value()) +
                                     " vs " + percent_text(s.ecs.ops_share.value()) + " of " + s.team.engineers.to_string() + " engineers)"});
    return out;
}

inline std::string team_reason_text(const BreakEven& b) {
    if (b.crossings.empty())
        return std::string(b.difference_at_low.value().sign() > 0 ? "ECS" : "EKS") + " stays cheaper at any team size from " + b.low.to_string() +
               " to " + b.high.to_string() + " engineers";
    const Crossing& x = b.crossings.front();
    const std::string at = x.value.rounded(1).to_string();
    return x.cheaper_above == "ecs" ? "ECS stays cheaper above " + at + " engineers (EKS is cheaper below)"
                                    : "ECS stays cheaper below " + at + " engineers (EKS is cheaper above)";
}

inline std::vector<Reason> criteria_reasons(const Scenario& s) {
    namespace pts = recommendation_points;
    const Criteria& k = s.criteria;
    std::vector<Reason> out;
    if (k.needs_gpu_sharing)
        out.push_back({"eks", pts::gpu_sharing_needed, "the team needs GPU sharing between workloads: time-slicing and MIG run on EKS; ECS shares only through MPS"});
    if (!k.ml_platforms.empty()) {
        std::string names;
        for (const std::string& p : k.ml_platforms) names += (names.empty() ? "" : ", ") + p;
        out.push_back({"eks", pts::ml_platforms, "the team wants " + names + ", which run on Kubernetes"});
    }
    if (k.kubernetes_expertise == KubernetesExpertise::none)
        out.push_back({"ecs", pts::no_kubernetes_expertise, "the team has no Kubernetes expertise: EKS needs it, ECS does not"});
    if (k.kubernetes_expertise == KubernetesExpertise::strong)
        out.push_back({"eks", pts::strong_kubernetes_expertise, "the team has strong Kubernetes expertise"});
    if (k.multi_cloud) out.push_back({"eks", pts::multi_cloud, "multi-cloud portability: Kubernetes runs on every cloud, ECS only on AWS"});
    if (k.ai_core_business)
        out.push_back({"eks", pts::ai_core_business, "AI is the core business: EKS is the base for a sophisticated ML platform"});
    if (k.sagemaker_for_most_ml)
        out.push_back({"ecs", pts::sagemaker_for_most_ml, "SageMaker does most ML: containers only run supporting services"});
    const auto n = static_cast<std::int64_t>(s.workloads.size());
    if (n >= pts::many_workloads)
        out.push_back({"eks", pts::workload_count, std::to_string(n) + " distinct workloads on shared infrastructure"});
    else if (n <= pts::few_workloads)
        out.push_back({"ecs", pts::workload_count, "only " + std::to_string(n) + " distinct workload(s): a straightforward setup"});
    return out;
}

}  // namespace detail

// The recommendation for a scenario whose comparison is `c` (on `catalog`).
inline Recommendation recommend(const Scenario& s, const Catalog& catalog, const Comparison& c) {
    Recommendation r;
    r.reasons.push_back(detail::cost_reason(c));
    for (Reason& reason : detail::figure_reasons(s, c)) r.reasons.push_back(std::move(reason));
    const Decimal most = std::max(Decimal(100), s.team.engineers * Decimal(4));
    r.reasons.push_back({"neither", 0, detail::team_reason_text(break_even(s, catalog, "/team/engineers", Decimal(0), most, {64, Decimal{}, {1, {}}}))});
    for (Reason& reason : detail::criteria_reasons(s)) r.reasons.push_back(std::move(reason));
    for (const Reason& reason : r.reasons) r.score += reason.favours == "eks" ? reason.points : reason.favours == "ecs" ? -reason.points : 0;
    r.platform = r.score > 1 ? "eks" : r.score < -1 ? "ecs" : "either";
    const std::string score = " (score " + std::string(r.score > 0 ? "+" : "") + std::to_string(r.score) + ", positive favours EKS)";
    r.headline = r.platform == "either" ? "Either platform: cost and needs are balanced" + score
                                        : std::string("Choose ") + (r.platform == "eks" ? "EKS" : "ECS") + score;
    return r;
}

}  // namespace libtco
