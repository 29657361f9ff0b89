#pragma once
// A recommendation with its reasons: the seed's "when to choose EKS / ECS" criteria (from the
// scenario's `criteria`) combined with the computed figures, each reason citing its figure.
//
// Cost comes in two bands, infrastructure (what AWS bills, and the team's own items) first, then
// staff time, each its own reason: a reader can agree with the bill and disagree with the hours.
// Every reason carries points for the platform it favours; the verdict is the sign of the sum, and
// "either" when it lies within one point of zero. The points are the model's judgement, stated here
// and printed with each reason so a reader can disagree with a specific one:
//   a cost band  the smaller of two tiers, by the gap's share of the dearer platform's month
//                (3 from 10%, 2 from 5%, 1 from 2%) and by its size ($5,000, $1,000, $100 a month);
//                one point less when the gap rests on low-confidence figures (without the band's
//                low-confidence lines, less than half of it would remain)
//   GPU sharing   2 to EKS when the team needs time-slicing or MIG (ECS shares only through MPS)
//   ML platforms  2 to EKS when Kubeflow, Ray or KServe are wanted (they run on Kubernetes)
//   expertise     2 to ECS when the team has no Kubernetes expertise, 1 to EKS when it is strong
//   multi-cloud   1 to EKS; AI as the core business 1 to EKS; SageMaker for most ML 1 to ECS
//   workloads     1 to EKS from 10 distinct workloads (shared infrastructure), 1 to ECS up to 3

#include <libtco/costing/engine.hpp>
#include <libtco/core/text.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <tuple>
#include <vector>

namespace libtco {

namespace recommendation_points {
inline constexpr int cost_large = 3;   // gap >= 10% of the dearer month and >= $5,000
inline constexpr int cost_medium = 2;  // >= 5% and >= $1,000
inline constexpr int cost_small = 1;   // >= 2% and >= $100
inline constexpr std::int64_t large_gap_usd = 5000;
inline constexpr std::int64_t medium_gap_usd = 1000;
inline constexpr std::int64_t small_gap_usd = 100;
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

inline Money magnitude(const Money& m) { return m.value().sign() < 0 ? -m : m; }

// A band of each platform's rounded lines: staff time (operations) or infrastructure (the rest).
struct Band {
    Money eks;
    Money ecs;
    Money eks_low;  // of which on low-confidence lines
    Money ecs_low;

    Money gap() const { return eks - ecs; }
    Money low_gap() const { return eks_low - ecs_low; }
};

inline Band band_of(const Comparison& c, bool staff) {
    Band b;
    for (const auto& [report, total, low] : {std::tuple{&c.eks, &b.eks, &b.eks_low}, std::tuple{&c.ecs, &b.ecs, &b.ecs_low}}) {
        const std::vector<Money> rounded = report->rounded_line_items();
        for (std::size_t i = 0; i < rounded.size(); ++i) {
            if ((report->line_items[i].category == category::operations) != staff) continue;
            *total += rounded[i];
            if (report->line_items[i].confidence == Confidence::low) *low += rounded[i];
        }
    }
    return b;
}

// Without its low-confidence lines, less than half of the gap would remain (or it would flip).
inline bool rests_on_low_confidence(const Band& b) {
    const Decimal gap = b.gap().value();
    const Decimal rest = (b.gap() - b.low_gap()).value();
    return gap.sign() > 0 ? rest * Decimal(2) < gap : rest * Decimal(2) > gap;
}

// The band's points: the smaller of its share and size tiers, one less on low-confidence figures.
inline int band_points(const Band& b, const Money& dearer_month) {
    namespace pts = recommendation_points;
    const Decimal gap = magnitude(b.gap()).value();
    const Decimal share = dearer_month.value().is_zero() ? Decimal{} : gap / dearer_month.value();
    const int by_share = share >= Decimal::parse("0.10") ? pts::cost_large : share >= Decimal::parse("0.05") ? pts::cost_medium
                         : share >= Decimal::parse("0.02")                     ? pts::cost_small : 0;
    const int by_size = gap >= Decimal(pts::large_gap_usd) ? pts::cost_large : gap >= Decimal(pts::medium_gap_usd) ? pts::cost_medium
                        : gap >= Decimal(pts::small_gap_usd)                   ? pts::cost_small : 0;
    const int points = std::min(by_share, by_size);
    return std::max(0, points - (rests_on_low_confidence(b) ? 1 : 0));
}

inline Money dearer_month(const Comparison& c) { return std::max(c.eks.rounded_total(), c.ecs.rounded_total()); }

inline std::string low_confidence_note(const Band& b) {
    return rests_on_low_confidence(b) ? "; the gap rests on low-confidence figures" : "";
}

inline Reason infrastructure_reason(const Comparison& c) {
    const Band b = band_of(c, false);
    if (b.gap().value().is_zero()) return {"neither", 0, "On infrastructure (without staff time) EKS and ECS cost the same: " + dollars(b.eks) + " a month"};
    const std::string cheaper = cheaper_of(b.gap());
    const int points = band_points(b, dearer_month(c));
    return {points ? cheaper : "neither", points,
            "On infrastructure (without staff time) " + std::string(cheaper == "ecs" ? "ECS" : "EKS") + " costs " + dollars(magnitude(b.gap())) +
                " a month less: " + dollars(b.eks) + " on EKS, " + dollars(b.ecs) + " on ECS (" + percent_of(magnitude(b.gap()), dearer_month(c)) +
                " of the dearer month" + low_confidence_note(b) + ")"};
}

inline std::string hours_text(const Decimal& h) { return h.rounded(1).to_string() + " h"; }

inline std::string staff_basis_text(const StaffTime& eks, const StaffTime& ecs) {
    const auto one = [](const StaffTime& t) {
        return t.basis == "share" ? std::string("the seed's share of the team") : t.basis == "hours" ? std::string("the team's own hours") : t.preset;
    };
    if (eks.basis == "effort" && ecs.basis == "effort") return "presets " + eks.preset + " and " + ecs.preset;
    return one(eks) + " and " + one(ecs);
}

// Where staff time would flip the verdict, in hours a month of platform work.
inline std::string staff_break_even_text(const Comparison& c) {
    const Decimal rate = c.eks.staff.usd_per_hour;
    if (rate.sign() <= 0) return "";
    const Decimal hours_gap = c.eks.staff.hours_per_month - c.ecs.staff.hours_per_month;
    const Decimal allowance = -c.infrastructure_difference().value() / rate;  // more EKS hours the infrastructure gap pays for
    const std::string here = " (here " + hours_text(hours_gap.sign() < 0 ? -hours_gap : hours_gap) + (hours_gap.sign() < 0 ? " fewer)" : " more)");
    if (allowance.sign() > 0) return "EKS needs fewer than " + hours_text(allowance) + " more a month of platform work than ECS to be cheaper" + here;
    if (allowance.sign() < 0) return "ECS is cheaper on infrastructure too: EKS would need more than " + hours_text(-allowance) +
                                     " a month less platform work than ECS to be cheaper" + here;
    return "the infrastructure costs the same: the platform that takes fewer hours is cheaper" + here;
}

inline Reason staff_reason(const Comparison& c) {
    const Band b = band_of(c, true);
    const StaffTime& eks = c.eks.staff;
    const StaffTime& ecs = c.ecs.staff;
    const std::string figures = hours_text(eks.hours_per_month) + " of platform work a month on EKS, " + hours_text(ecs.hours_per_month) + " on ECS, at $" +
                                eks.usd_per_hour.to_fixed(2) + "/h (" + staff_basis_text(eks, ecs) + low_confidence_note(b) + ")";
    const std::string break_even = staff_break_even_text(c);
    const std::string tail = break_even.empty() ? "" : ". " + break_even;
    if (b.gap().value().is_zero()) return {"neither", 0, "Staff time is the same on both: " + figures + tail};
    const std::string cheaper = cheaper_of(b.gap());
    const int points = band_points(b, dearer_month(c));
    return {points ? cheaper : "neither", points,
            "Staff time: " + std::string(cheaper == "ecs" ? "EKS" : "ECS") + " takes " + dollars(magnitude(b.gap())) + " a month more: " + figures + tail};
}

inline Reason total_reason(const Comparison& c) {
    return {"neither", 0, "With staff time, " + verdict_sentence(c.difference(), "a month in total", "in total")};
}

inline bool asks_for_part_of_a_gpu(const Scenario& s) {
    return std::any_of(s.workloads.begin(), s.workloads.end(), [](const Workload& w) { return w.gpus.sign() > 0 && w.gpus < Decimal(1); });
}

inline std::vector<Reason> sharing_reasons(const Scenario& s, const Comparison& c) {
    std::vector<Reason> out;
    for (const PlatformReport* r : {&c.eks, &c.ecs}) {
        const Utilization& u = r->utilization;
        if (!r->gpu_sharing.shares() || !u.compute_without_sharing) continue;
        const std::string label = r->platform == "eks" ? "EKS" : "ECS";
        const Money saving = *u.compute_without_sharing - u.compute;
        out.push_back({"neither", 0, "GPU sharing on " + label + " (" + to_string(r->gpu_sharing.strategy) + ") saves " + dollars(saving) + " a month (" +
                                         percent_of(saving, *u.compute_without_sharing) + " of " + label + " compute without it; " +
                                         u.gpus_without_sharing->to_string() + " GPUs unshared, " + u.gpus_paid.to_string() + " shared)"});
    }
    if (asks_for_part_of_a_gpu(s) && (!c.eks.gpu_sharing.shares() || !c.ecs.gpu_sharing.shares()))
        out.push_back({"neither", 0,
                       "A workload asks for part of a GPU but " + std::string(!c.eks.gpu_sharing.shares() ? "EKS" : "ECS") +
                           " runs whole GPUs here: set eks.gpu_sharing to time-slicing, mps or mig, or ecs.gpu_sharing to mps, to see what sharing saves"});
    return out;
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

// The recommendation for a scenario whose comparison is `c`.
inline Recommendation recommend(const Scenario& s, const Catalog&, const Comparison& c) {
    Recommendation r;
    r.reasons.push_back(detail::infrastructure_reason(c));
    r.reasons.push_back(detail::staff_reason(c));
    r.reasons.push_back(detail::total_reason(c));
    for (Reason& reason : detail::sharing_reasons(s, c)) r.reasons.push_back(std::move(reason));
    for (Reason& reason : detail::criteria_reasons(s)) r.reasons.push_back(std::move(reason));
    for (const Reason& reason : r.reasons) r.score += reason.favours == "eks" ? reason.points : reason.favours == "ecs" ? -reason.points : 0;
    r.platform = r.score > 1 ? "eks" : r.score < -1 ? "ecs" : "either";
    const std::string score = " (score " + std::string(r.score > 0 ? "+" : "") + std::to_string(r.score) + ", positive favours EKS)";
    r.headline = r.platform == "either" ? "Either platform: cost and needs are balanced" + score
                                        : std::string("Choose ") + (r.platform == "eks" ? "EKS" : "ECS") + score;
    return r;
}

}  // namespace libtco
