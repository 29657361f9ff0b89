#pragma once
// The platform work staff time is made of, as hours per unit of what drives it, in five labelled
// presets. Every figure is a named, ranged assumption: the evidence (model-review.md section 3,
// pricing-facts.md "Staff time") is about effort per cluster, per upgrade, per node pool and per
// add-on, and it is thin, so most figures are low confidence planning defaults with wide ranges.
//
// Cross-checks the presets are held against (README, "Staff time"):
//  - "ECS about 0.1 FTE vs EKS 0.5-2 FTE" (a write-up, low): about 15 h against 75-300 h a month;
//  - "Auto Mode cut Kubernetes ops from 80 to 35 hours a month for about 12 nodes in 3 clusters"
//    (an illustration, not a cited client): Auto Mode takes a bit under half the self-managed hours;
//  - Komodor's 2025 survey: 34 workdays a year per team resolving Kubernetes issues, about 23 h a
//    month for an enterprise team with many clusters: the top of the on-call range.

#include <libtco/core/decimal.hpp>
#include <libtco/core/error.hpp>
#include <libtco/core/source.hpp>

#include <array>
#include <cstddef>
#include <string>

namespace libtco {

// What a preset gives a figure for. Hours are per month and per unit of the item's driver, except
// upgrade_hours (per cluster and upgrade); upgrades_per_year and add_ons are counts.
enum class EffortFigure {
    cluster_care_hours,   // per cluster: access, IAM, quotas, capacity settings, cluster components
    upgrade_hours,        // per cluster and version upgrade
    upgrades_per_year,    // version upgrades a cluster goes through a year
    node_rotation_hours,  // per node pool: AMI and patch rotation, launch templates, disruption
    add_on_hours,         // per add-on the team runs and updates
    add_ons,              // how many
    on_call_hours,        // per cluster: on-call and incidents of the platform itself
};

// The work per workload (its deployment, scaling and configuration) is the same on both platforms,
// so it is one figure of the team's (/team/service_hours_per_month), not a preset's.
inline constexpr std::array<EffortFigure, 7> effort_figures = {
    EffortFigure::cluster_care_hours, EffortFigure::upgrade_hours, EffortFigure::upgrades_per_year, EffortFigure::node_rotation_hours,
    EffortFigure::add_on_hours,       EffortFigure::add_ons,       EffortFigure::on_call_hours};

// The scenario key under {eks,ecs}.operations.
inline const char* effort_key(EffortFigure f) {
    switch (f) {
        case EffortFigure::cluster_care_hours: return "cluster_care_hours_per_month";
        case EffortFigure::upgrade_hours: return "upgrade_hours_per_upgrade";
        case EffortFigure::upgrades_per_year: return "upgrades_per_year";
        case EffortFigure::node_rotation_hours: return "node_rotation_hours_per_month";
        case EffortFigure::add_on_hours: return "add_on_hours_per_month";
        case EffortFigure::add_ons: return "add_ons";
        case EffortFigure::on_call_hours: return "on_call_hours_per_month";
    }
    return "";
}

inline const char* effort_unit(EffortFigure f) {
    switch (f) {
        case EffortFigure::cluster_care_hours: return "hours a month per cluster";
        case EffortFigure::upgrade_hours: return "hours per cluster and upgrade";
        case EffortFigure::upgrades_per_year: return "upgrades a year";
        case EffortFigure::node_rotation_hours: return "hours a month per node pool";
        case EffortFigure::add_on_hours: return "hours a month per add-on";
        case EffortFigure::add_ons: return "add-ons";
        case EffortFigure::on_call_hours: return "hours a month per cluster";
    }
    return "";
}

inline constexpr std::size_t index_of(EffortFigure f) { return static_cast<std::size_t>(f); }

enum class OperationsPreset { eks_karpenter, eks_auto_mode, ecs_asg, ecs_managed_instances, fargate };

inline constexpr std::array<OperationsPreset, 5> operations_presets = {OperationsPreset::eks_karpenter, OperationsPreset::eks_auto_mode,
                                                                       OperationsPreset::ecs_asg, OperationsPreset::ecs_managed_instances,
                                                                       OperationsPreset::fargate};

inline std::string to_string(OperationsPreset p) {
    switch (p) {
        case OperationsPreset::eks_karpenter: return "eks-karpenter";
        case OperationsPreset::eks_auto_mode: return "eks-auto-mode";
        case OperationsPreset::ecs_asg: return "ecs-asg";
        case OperationsPreset::ecs_managed_instances: return "ecs-managed-instances";
        case OperationsPreset::fargate: return "fargate";
    }
    return "";
}

inline bool is_eks_preset(OperationsPreset p) { return p == OperationsPreset::eks_karpenter || p == OperationsPreset::eks_auto_mode; }

// One figure of a preset: its default, plausible range, where it comes from and how sure we are.
struct EffortDefault {
    Decimal value;
    Decimal low;
    Decimal high;
    std::string source;
    Confidence confidence = Confidence::low;
};

struct EffortPreset {
    OperationsPreset id;
    std::string description;
    std::array<EffortDefault, effort_figures.size()> figures;

    const EffortDefault& operator[](EffortFigure f) const { return figures[index_of(f)]; }
};

namespace detail {

inline EffortDefault effort(const char* value, const char* low, const char* high, std::string source, Confidence c = Confidence::low) {
    return {Decimal::parse(value), Decimal::parse(low), Decimal::parse(high), std::move(source), c};
}

inline const char* upgrade_cadence_source() {
    return "Kubernetes ships three minor versions a year (KEP-2572) and EKS upgrades one minor version at a time, so a cluster "
           "kept in standard support goes through about three upgrades a year";
}

inline const char* add_on_source() {
    return "Reading release notes, testing and rolling out an update of one add-on; a planning default";
}

inline EffortPreset eks_karpenter_preset() {
    return {OperationsPreset::eks_karpenter,
            "EKS with self-managed Karpenter, add-ons and node AMIs (the customer's side of EKS's shared responsibility)",
            {effort("16", "8", "32",
                    "Access entries and RBAC, IAM roles for service accounts, Karpenter NodePools and EC2NodeClasses, quotas, "
                    "observability of the cluster itself; EKS best practices list these as the customer's. A planning default"),
             effort("40", "16", "120",
                    "One minor-version upgrade: deprecated APIs, control plane, each add-on, then node pools, one version at a time "
                    "(EKS cluster upgrade best practices). 5 engineer-days, 2 to 15; vendor claims of 4-6 weeks across three "
                    "regions set the top"),
             effort("3", "2", "3", upgrade_cadence_source(), Confidence::medium),
             effort("4", "2", "8",
                    "EKS-optimized AMIs are released every week or two; Karpenter's drift replaces nodes, the team validates the "
                    "AMI and watches disruption budgets. A planning default per node pool"),
             effort("2", "1", "4", add_on_source()),
             effort("7", "5", "12",
                    "VPC CNI, CoreDNS, kube-proxy, EBS CSI driver, Karpenter, the NVIDIA device plugin and the AWS Load "
                    "Balancer Controller: what a GPU cluster without Auto Mode runs itself",
                    Confidence::medium),
             effort("12", "4", "24",
                    "Pages and incidents of the cluster itself (DNS, networking, node pressure, Karpenter). Komodor's 2025 survey: "
                    "34 workdays a year per enterprise team on Kubernetes issues (about 23 h a month) sets the top")}};
}

inline EffortPreset eks_auto_mode_preset() {
    return {OperationsPreset::eks_auto_mode,
            "EKS Auto Mode: AWS runs compute autoscaling, node AMIs (21-day maximum node lifetime), VPC CNI, CoreDNS, "
            "kube-proxy, EBS CSI, load balancing and the GPU plugins",
            {effort("8", "4", "16",
                    "Access, IAM and custom NodePools remain the team's; AWS manages the data-plane components (EKS Auto Mode "
                    "documentation). A planning default, about half of self-managed"),
             effort("16", "8", "40",
                    "The team still checks deprecated APIs and its workloads and starts the control-plane upgrade; Auto Mode "
                    "upgrades nodes and its components with it. A planning default"),
             effort("3", "2", "3", upgrade_cadence_source(), Confidence::medium),
             effort("0.5", "0", "2",
                    "Auto Mode patches and replaces nodes itself (at most 21 days old, new AMIs as often as weekly); the team "
                    "only sets disruption windows. A planning default"),
             effort("2", "1", "4", add_on_source()),
             effort("1", "0", "3", "Beyond what Auto Mode manages, typically a metrics or logging agent", Confidence::medium),
             effort("8", "3", "16",
                    "Fewer components of its own to page on; workload incidents remain. An illustration (80 to 35 h a month "
                    "across three clusters) puts Auto Mode at a bit under half of self-managed")}};
}

inline EffortPreset ecs_asg_preset() {
    return {OperationsPreset::ecs_asg,
            "ECS on EC2 with Auto Scaling group capacity providers: AWS runs the control plane, which has no versions",
            {effort("4", "2", "8",
                    "Capacity providers, task IAM roles, service quotas; ECS has no cluster components to run. A planning default"),
             effort("0", "0", "0", "ECS has no cluster versions to upgrade: AWS runs the scheduler and control plane", Confidence::high),
             effort("0", "0", "0", "ECS has no cluster versions", Confidence::high),
             effort("4", "2", "8",
                    "ECS-optimized AMIs (with the ECS agent) are updated through the launch template and an instance refresh, "
                    "the same work as a self-managed EKS node pool. A planning default"),
             effort("2", "1", "4", add_on_source()),
             effort("1", "0", "2", "A log router or metrics agent (FireLens, CloudWatch agent); GPU AMIs ship the NVIDIA drivers",
                    Confidence::medium),
             effort("4", "2", "10",
                    "Capacity-provider scaling and agent issues; no cluster DNS or overlay network to page on. A planning default")}};
}

inline EffortPreset ecs_managed_instances_preset() {
    return {OperationsPreset::ecs_managed_instances,
            "ECS Managed Instances: AWS provisions, patches and replaces the EC2 instances (its management fee is not yet "
            "a line of the bill)",
            {effort("3", "1", "6", "Task IAM roles, capacity settings and quotas; AWS selects and scales instances. A planning default"),
             effort("0", "0", "0", "ECS has no cluster versions to upgrade", Confidence::high),
             effort("0", "0", "0", "ECS has no cluster versions", Confidence::high),
             effort("0.5", "0", "2", "AWS patches and replaces the instances; the team sets maintenance windows. A planning default"),
             effort("2", "1", "4", add_on_source()),
             effort("1", "0", "2", "A log router or metrics agent", Confidence::medium),
             effort("3", "1", "8", "Fewer instance-level incidents than self-managed capacity. A planning default")}};
}

inline EffortPreset fargate_preset() {
    return {OperationsPreset::fargate, "ECS on Fargate only: no instances to run",
            {effort("2", "1", "4", "Task IAM roles, quotas and networking of the cluster; no capacity to manage. A planning default"),
             effort("0", "0", "0", "ECS has no cluster versions to upgrade", Confidence::high),
             effort("0", "0", "0", "ECS has no cluster versions", Confidence::high),
             effort("0", "0", "0", "Fargate runs no node the team patches: AWS patches the platform", Confidence::high),
             effort("2", "1", "4", add_on_source()),
             effort("1", "0", "2", "A log router sidecar (FireLens) or metrics agent", Confidence::medium),
             effort("2", "1", "6", "Task-level incidents only (image pulls, quotas). A planning default")}};
}

}  // namespace detail

inline EffortPreset effort_preset(OperationsPreset p) {
    switch (p) {
        case OperationsPreset::eks_karpenter: return detail::eks_karpenter_preset();
        case OperationsPreset::eks_auto_mode: return detail::eks_auto_mode_preset();
        case OperationsPreset::ecs_asg: return detail::ecs_asg_preset();
        case OperationsPreset::ecs_managed_instances: return detail::ecs_managed_instances_preset();
        case OperationsPreset::fargate: return detail::fargate_preset();
    }
    return detail::eks_karpenter_preset();
}

}  // namespace libtco
