#pragma once
// Every modelling assumption as a named parameter: its default, where the figure comes from, how
// sure we are, and (where the source is weak) the plausible range. Reports list the ones they used.

#include <libtco/decimal.hpp>
#include <libtco/source.hpp>

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

inline Assumption eks_ops_share() {
    return {"/eks/ops_share", Decimal::parse("0.15"), Decimal::parse("0.15"), Decimal::parse("0.10"), Decimal::parse("0.20"),
            "share of team time",
            "Seed comparison: teams spend 10-20% of their time on EKS cluster operations (no primary source found)", Confidence::low};
}

inline Assumption ecs_ops_share() {
    return {"/ecs/ops_share", Decimal::parse("0.035"), Decimal::parse("0.035"), Decimal::parse("0.02"), Decimal::parse("0.05"),
            "share of team time", "Seed comparison: ECS reduces operations time to 2-5% (no primary source found)", Confidence::low};
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

}  // namespace assumptions
}  // namespace libtco
