#pragma once
// What a comparison produces: per platform, line items and the instances chosen; the difference;
// the assumptions used. Amounts are exact; rounding to cents happens only when presenting
// (rounded_line_items / rounded_total), by largest remainder so the parts add up to the total.

#include <libtco/catalog/assumptions.hpp>
#include <libtco/core/calendar.hpp>
#include <libtco/scenario/gpu_sharing.hpp>
#include <libtco/core/quantity.hpp>
#include <libtco/core/rounding.hpp>
#include <libtco/core/text.hpp>
#include <libtco/core/source.hpp>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace libtco {

namespace category {
inline constexpr const char* control_plane = "control_plane";
inline constexpr const char* compute = "compute";                      // instance-hours, by purchase option
inline constexpr const char* spot_interruptions = "spot_interruptions";  // work lost to reclaimed spot instances
inline constexpr const char* commitment = "commitment";                  // Savings Plans and Reserved Instances
inline constexpr const char* management = "management";                  // per-instance management fees (EKS Auto Mode)
inline constexpr const char* fargate = "fargate";                        // serverless tasks and pods, per vCPU and GB
inline constexpr const char* autoscaling = "autoscaling";                // idle capacity autoscaling pays for
inline constexpr const char* other = "other";                            // items the team adds
inline constexpr const char* operations = "operations";
inline constexpr const char* one_time = "one_time";  // one-time costs and their amortization (projections)
// Every category, in the order a bill lists them.
inline constexpr std::array<const char*, 10> all = {control_plane, compute, fargate, spot_interruptions, autoscaling,
                                                    commitment, management, other, operations, one_time};
}  // namespace category

struct LineItem {
    std::string category;
    std::string item;
    std::string detail;  // how the amount was worked out, e.g. "8 x 730 h x $1.006/h"
    Money amount;        // exact
    std::vector<std::string> sources;  // catalog source ids or assumption names the amount rests on
    Confidence confidence = Confidence::low;  // the weakest of them
};

// Something a reader should know about the numbers, e.g. prices older than the billed month.
struct Warning {
    std::string code;  // stable: stale_catalog, superseded_catalog, catalog_after_month, catalog_not_as_named
    std::string message;
};

// Instances of one type running the same hours.
struct InstanceGroup {
    std::string instance_type;
    std::int64_t count = 0;
    Hours hours;
    std::string purchase = "on-demand";  // "on-demand" or "spot"
    Fraction share = Fraction(Decimal(1));  // of the instances' hours bought this way
    HourlyRate usd_per_hour;
    Money amount;  // exact: count x hours x share x usd_per_hour
    bool given = false;  // explicit capacity from the scenario rather than placed by libtco
    bool autoscaled = false;  // follows a demand profile: `hours` are the hours of one of its slots
    std::string price_source;
    std::map<std::string, std::int64_t> replicas;  // workload name -> replicas on these instances
};

// One GPU of a placed node and what shares it.
struct GpuPlan {
    std::int64_t index = 0;
    Decimal capacity;   // 1, or the share of a GPU a fractional-GPU type offers
    bool exclusive = false;  // taken whole by one replica
    Decimal requested;  // GPUs its replicas request (at most its capacity)
    Decimal memory_used;  // GiB reserved by shared replicas
    std::map<std::string, std::int64_t> replicas;  // workload -> replicas on this GPU
    std::vector<std::pair<std::string, std::int64_t>> mig_layout;  // MIG profile, first memory slice
};

struct NodePlan {
    std::string instance_type;
    Hours hours;
    bool given = false;
    bool autoscaled = false;  // serves a demand profile for `hours`
    std::map<std::string, std::int64_t> replicas;  // workload -> replicas on this node
    std::vector<GpuPlan> gpus;
};

// A workload's share of the compute cost, by what it requests; "(idle)" is what no replica requests.
struct ShowbackLine {
    std::string workload;
    Money amount;  // exact
};

inline constexpr const char* idle_showback_line = "(idle)";

struct Utilization {
    Decimal gpus_paid;            // GPUs of the fleet (a fractional-GPU instance counts its share)
    Decimal gpu_hours_paid;
    Decimal gpu_hours_requested;  // replicas x GPUs each x hours
    Money compute;                // the compute total with the platform's sharing
    std::optional<Decimal> gpus_without_sharing;
    std::optional<Money> compute_without_sharing;

    std::optional<Fraction> gpu_utilization() const {
        if (gpu_hours_paid.is_zero()) return std::nullopt;
        return Fraction(gpu_hours_requested / gpu_hours_paid);
    }
};

// The platform work staff time stands for: how it was given, and its hours at the team's rate.
struct StaffTime {
    std::string basis;   // "effort" (the effort model), "hours" (the team's own total) or "share" (the seed's rule)
    std::string preset;  // the effort model's preset; empty otherwise
    Decimal hours_per_month;
    Decimal usd_per_hour;  // the loaded cost a year / working hours a year (exact to 12 places)
};

struct PlatformReport {
    std::string platform;  // "eks" or "ecs"
    GpuSharing gpu_sharing;
    StaffTime staff;
    std::vector<LineItem> line_items;
    std::vector<InstanceGroup> instances;
    std::vector<NodePlan> placement;
    std::vector<ShowbackLine> showback;
    Utilization utilization;

    std::vector<Money> rounded_showback() const {
        std::vector<Money> exact;
        for (const ShowbackLine& line : showback) exact.push_back(line.amount);
        return round_parts_to_cents(exact);
    }

    Money total() const {
        Money sum;
        for (const LineItem& li : line_items) sum += li.amount;
        return sum;
    }
    Money rounded_total() const { return round_to_cents(total()); }
    std::vector<Money> rounded_line_items() const {
        std::vector<Money> exact;
        exact.reserve(line_items.size());
        for (const LineItem& li : line_items) exact.push_back(li.amount);
        return round_parts_to_cents(exact);
    }
    // The rounded total split by the confidence of the figures each line rests on.
    std::map<Confidence, Money> rounded_by_confidence() const {
        std::map<Confidence, Money> out{{Confidence::high, Money{}}, {Confidence::medium, Money{}}, {Confidence::low, Money{}}};
        const std::vector<Money> rounded = rounded_line_items();
        for (std::size_t i = 0; i < line_items.size(); ++i) out[line_items[i].confidence] += rounded[i];
        return out;
    }
    Money category_total(const std::string& cat) const {
        Money sum;
        for (const LineItem& li : line_items)
            if (li.category == cat) sum += li.amount;
        return sum;
    }
    // The two bands of the rounded total, from the rounded lines so they add up to it: staff time
    // (the operations lines) and infrastructure (everything AWS bills, and the team's own items).
    Money rounded_staff() const {
        const std::vector<Money> rounded = rounded_line_items();
        Money sum;
        for (std::size_t i = 0; i < line_items.size(); ++i)
            if (line_items[i].category == category::operations) sum += rounded[i];
        return sum;
    }
    Money rounded_infrastructure() const { return rounded_total() - rounded_staff(); }
};

struct Comparison {
    static constexpr std::int64_t schema_version = 1;

    std::string scenario;
    std::string catalog;
    std::string catalog_date;
    std::string region;
    std::string overlay;                     // name of the price overlay applied, if any
    std::optional<Fraction> overlay_discount;
    BillingMonth month;
    HoursBasis hours_basis = HoursBasis::aws_730;
    Hours hours;
    PlatformReport eks;
    PlatformReport ecs;
    std::vector<Assumption> assumptions;
    std::vector<Source> sources;  // every catalog source a line item cites
    std::vector<Warning> warnings;

    // EKS minus ECS, on the rounded totals a reader sees: positive means EKS costs more.
    Money difference() const { return eks.rounded_total() - ecs.rounded_total(); }
    std::string cheaper() const {
        return cheaper_of(difference());
    }
    // The same without staff time: what the two bills differ by before any assumption about people.
    Money infrastructure_difference() const { return eks.rounded_infrastructure() - ecs.rounded_infrastructure(); }
    Money staff_difference() const { return eks.rounded_staff() - ecs.rounded_staff(); }
};

// How a platform shares GPUs, in words a report can show.
inline std::string describe_sharing(const std::string& platform, const GpuSharing& g) {
    switch (g.strategy) {
        case SharingStrategy::none:
            return platform == "ecs" ? "whole GPUs per task (ECS classic, the seed's view)" : "whole GPUs per pod";
        case SharingStrategy::time_slicing:
            return "NVIDIA device plugin time-slicing: up to " + std::to_string(g.replicas_per_gpu) + " pods per GPU at " +
                   g.time_slicing_efficiency.to_string() + " throughput efficiency";
        case SharingStrategy::mps:
            return g.mps_placement == MpsPlacement::by_memory
                       ? "ECS nvidiaMps: tasks share a GPU by memory, up to " + std::to_string(g.replicas_per_gpu) + " per GPU (today's view)"
                       : "NVIDIA device plugin MPS: " + std::to_string(g.replicas_per_gpu) + " equal clients per GPU";
        case SharingStrategy::mig: return "MIG: each replica gets the smallest profile that fits";
    }
    return "";
}

}  // namespace libtco
