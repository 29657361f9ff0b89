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

}  // namespace assumptions
}  // namespace libtco
