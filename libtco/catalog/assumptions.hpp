#pragma once
// Every modelling assumption as a named parameter: its default, where the figure comes from, how
// sure we are, and (where the source is weak) the plausible range. Reports list the ones they used.

#include <libtco/core/decimal.hpp>
#include <libtco/core/source.hpp>
#include <libtco/catalog/effort_presets.hpp>
#include <libtco/catalog/spot.hpp>

#include <optional>
#include <string>
#include <vector>

namespace libtco {

struct Assumption {
    std::string name;     // the scenario key that sets it, as a JSON pointer
    Decimal value;        // what the report used
    Decimal default_value;
    std::optional<Decimal> low;   // plausible range where the source is weak
    std::optional<Decimal> high;
    std::string unit;
    std::string source;
    Confidence confidence = Confidence::low;
};

namespace assumptions {

inline Assumption aws_hours_per_month() {
    return {"/assumptions/aws_hours_per_month", Decimal(730), Decimal(730), std::nullopt, std::nullopt, "hours",
            "AWS Pricing Calculator and Infracost bill a month as 365 x 24 / 12 = 730 hours", Confidence::high};
}

// The seed's rule of thumb, kept as an explicit alternative to the effort model (`operations.share`).
inline Assumption eks_ops_share() {
    return {"/eks/operations/share", Decimal::parse("0.15"), Decimal::parse("0.15"), Decimal::parse("0.10"), Decimal::parse("0.20"),
            "share of team time",
            "Seed comparison: teams spend 10-20% of their time on EKS cluster operations (no primary source found; grows with "
            "the team, which the evidence on effort per cluster does not support)",
            Confidence::low};
}

inline Assumption ecs_ops_share() {
    return {"/ecs/operations/share", Decimal::parse("0.035"), Decimal::parse("0.035"), Decimal::parse("0.02"), Decimal::parse("0.05"),
            "share of team time", "Seed comparison: ECS reduces operations time to 2-5% (no primary source found)", Confidence::low};
}

inline Assumption working_hours_per_year() {
    return {"/team/working_hours_per_year", Decimal(1840), Decimal(1840), Decimal(1700), Decimal(2000), "hours",
            "About 260 weekdays less public holidays and leave, 230 days of 8 hours: turns the loaded cost a year into the "
            "cost of an hour of platform work",
            Confidence::medium};
}

inline Assumption service_hours_per_month() {
    return {"/team/service_hours_per_month", Decimal(4), Decimal(4), Decimal(1), Decimal(8), "hours a month per workload",
            "Per workload: its deployment pipeline, manifest or task definition, scaling settings and their review. One figure "
            "for both platforms, so it moves both totals alike and never the difference; a planning default",
            Confidence::low};
}

// One figure of a platform's effort model, as the preset gives it (`value` is what the report used).
inline Assumption effort_assumption(const std::string& platform_key, const EffortPreset& preset, EffortFigure f, const Decimal& value) {
    const EffortDefault& d = preset[f];
    std::optional<Decimal> low, high;
    if (d.low != d.high) {
        low = d.low;
        high = d.high;
    }
    return {"/" + platform_key + "/operations/" + effort_key(f), value, d.value, low, high, effort_unit(f),
            "Preset " + to_string(preset.id) + ": " + d.source, d.confidence};
}

inline Assumption ecs_reserved_memory_gib() {
    return {"/ecs/reserved_memory_gib", Decimal::parse("0.25"), Decimal::parse("0.25"), Decimal(0), Decimal(1), "GiB per instance",
            "ECS registers an instance's memory less what the OS and the ECS agent keep (ECS_RESERVED_MEMORY); "
            "AWS documents no fixed figure, 256 MiB is a planning default",
            Confidence::low};
}

inline Assumption time_slicing_efficiency() {
    return {"/eks/time_slicing_efficiency", Decimal::parse("0.9"), Decimal::parse("0.9"), Decimal::parse("0.7"), Decimal(1),
            "share of GPU throughput kept under time-slicing",
            "Time-sliced pods share a GPU by context switching, which costs throughput; NVIDIA gives no figure "
            "(k8s-device-plugin docs; gpu-sharing-facts.md). A planning default with a wide range",
            Confidence::low};
}

inline Assumption gpu_share_of_node_cost() {
    return {"/assumptions/gpu_share_of_node_cost", Decimal::parse("0.7"), Decimal::parse("0.7"), Decimal::parse("0.5"), Decimal::parse("0.9"),
            "share of a GPU instance's price",
            "Showback: the share of a GPU instance's price attributed to its GPUs; one cost exporter uses a fixed 70% derived "
            "from p5.48xlarge (gpu-sharing-facts.md)",
            Confidence::low};
}

// OpenCost's default unit prices, used only as the ratio that splits a node's non-GPU cost between
// vCPU and memory.
inline Assumption opencost_usd_per_vcpu_hour() {
    return {"opencost_cpu_usd_per_vcpu_hour", Decimal::parse("0.021811"), Decimal::parse("0.021811"), std::nullopt, std::nullopt,
            "USD per vCPU-hour (as a ratio)", "OpenCost default CPU price, used when no better data is configured", Confidence::medium};
}

inline Assumption opencost_usd_per_gib_hour() {
    return {"opencost_ram_usd_per_gib_hour", Decimal::parse("0.002923"), Decimal::parse("0.002923"), std::nullopt, std::nullopt,
            "USD per GiB-hour (as a ratio)", "OpenCost default RAM price, used when no better data is configured", Confidence::medium};
}

inline Assumption spot_fallback_diversified() {
    return {"/eks/spot/fallback_share", Decimal::parse("0.05"), Decimal::parse("0.05"), Decimal(0), Decimal::parse("0.15"),
            "share of spot node-hours run on-demand",
            "Spot capacity drawn from many instance types (Karpenter) is rarely unavailable; no published figure, a planning "
            "default. The same key under /ecs sets it for ECS",
            Confidence::low};
}

inline Assumption spot_fallback_fixed_list() {
    return {"/ecs/spot/fallback_share", Decimal::parse("0.15"), Decimal::parse("0.15"), Decimal::parse("0.05"), Decimal::parse("0.3"),
            "share of spot node-hours run on-demand",
            "A capacity provider or node group with a fixed instance list falls back to on-demand more often when its types "
            "lack spot capacity; no published figure, a planning default",
            Confidence::low};
}

inline Assumption checkpoint_interval_minutes() {
    return {"/workloads/N/checkpoint_interval_minutes", Decimal(60), Decimal(60), Decimal(15), Decimal(240), "minutes",
            "Work since the last checkpoint is lost when a spot instance is reclaimed: on average half the interval. "
            "A planning default per workload",
            Confidence::low};
}

inline Assumption restart_minutes() {
    return {"/workloads/N/restart_minutes", Decimal(10), Decimal(10), Decimal(2), Decimal(30), "minutes",
            "Time to reschedule, pull images and reload state after an interruption (beyond the 2-minute notice). A planning default",
            Confidence::low};
}

inline Assumption partial_upfront_share() {
    return {"/assumptions/partial_upfront_share", Decimal::parse("0.5"), Decimal::parse("0.5"), Decimal::parse("0.4"), Decimal::parse("0.6"),
            "share of a partial-upfront commitment paid upfront",
            "AWS partial-upfront Reserved Instances and Savings Plans take about half of the term's cost upfront; used only to "
            "split a discount-only catalog figure into upfront and recurring",
            Confidence::low};
}

// How long a new node is paid before it serves, by autoscaler.
inline Assumption scale_up_lag_minutes(const std::string& autoscaler) {
    const bool karpenter = autoscaler == "karpenter";
    const Decimal minutes = karpenter ? Decimal(2) : Decimal(4);
    return {"/{eks,ecs}/scale_up_lag_minutes (" + autoscaler + ")", minutes, minutes, Decimal(1), Decimal(10), "minutes",
            karpenter ? "Karpenter launches a right-sized node directly from pending pods; boot and image pull take a couple of minutes"
                      : "Cluster Autoscaler and ECS managed scaling react to pending work through node groups or CloudWatch alarms, then boot",
            Confidence::low};
}

// How long an emptied node is paid before it goes, by autoscaler.
inline Assumption scale_down_delay_minutes(const std::string& autoscaler) {
    const Decimal minutes = autoscaler == "karpenter" ? Decimal(1) : autoscaler == "cluster-autoscaler" ? Decimal(10) : Decimal(15);
    const std::string source =
        autoscaler == "karpenter"          ? "Karpenter consolidates empty nodes almost at once (consolidateAfter); a planning default"
        : autoscaler == "cluster-autoscaler" ? "Cluster Autoscaler's default scale-down-unneeded-time is 10 minutes"
                                             : "ECS managed scaling scales in after its CloudWatch alarm holds for 15 one-minute periods";
    return {"/{eks,ecs}/scale_down_delay_minutes (" + autoscaler + ")", minutes, minutes, Decimal(0), Decimal(30), "minutes", source,
            autoscaler == "cluster-autoscaler" ? Confidence::high : Confidence::medium};
}

// The Spot Instance Advisor's buckets give the share of a type's spot instances reclaimed in a
// month; a bucket's midpoint (25% for ">20%") is taken as the interruptions per instance-month.
inline Decimal interruptions_per_month(InterruptionBucket b) {
    switch (b) {
        case InterruptionBucket::under_5: return Decimal::parse("0.025");
        case InterruptionBucket::from_5_to_10: return Decimal::parse("0.075");
        case InterruptionBucket::from_10_to_15: return Decimal::parse("0.125");
        case InterruptionBucket::from_15_to_20: return Decimal::parse("0.175");
        case InterruptionBucket::over_20: return Decimal::parse("0.25");
    }
    return Decimal::parse("0.25");
}

// --- projections over several months (projection.hpp, eks_lifecycle.hpp); names are keys of the
// projection spec, not of the scenario.

inline Assumption projection_discount_rate() {
    return {"projection:/discount_rate", Decimal::parse("0.08"), Decimal::parse("0.08"), Decimal::parse("0.05"), Decimal::parse("0.12"),
            "per year, compounded monthly",
            "A planning default for a company's cost of capital (WACC); published estimates for US companies mostly fall in 5-12%. "
            "No libtco source fits every team: use your finance team's hurdle rate",
            Confidence::low};
}

inline Assumption eks_release_interval_months() {
    return {"projection:/eks_lifecycle/release_interval_months", Decimal(4), Decimal(4), Decimal(3), Decimal(6), "months",
            "Kubernetes ships three minor versions a year (release cadence KEP-2572, since 1.22); EKS follows each some weeks "
            "after upstream, at a similar but irregular rhythm",
            Confidence::medium};
}

inline Assumption eks_standard_support_months() {
    return {"projection:/eks_lifecycle/standard_support_months", Decimal(14), Decimal(14), std::nullopt, std::nullopt, "months",
            "AWS EKS Kubernetes version lifecycle: 14 months of standard support after a version's release on EKS", Confidence::high};
}

inline Assumption eks_extended_support_months() {
    return {"projection:/eks_lifecycle/extended_support_months", Decimal(12), Decimal(12), std::nullopt, std::nullopt, "months",
            "AWS EKS Kubernetes version lifecycle: 12 months of extended support after standard support, billed $0.60 instead "
            "of $0.10 per cluster-hour; at its end AWS upgrades the cluster one minor version",
            Confidence::high};
}

}  // namespace assumptions
}  // namespace libtco
