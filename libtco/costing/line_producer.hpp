#pragma once
// A producer of cost lines: one cost concern (the control plane, compute, Fargate, ...) that turns a
// context and a fleet plan into line items, and declares which scenario values it reads.
//
// Reads are JSON-pointer patterns into the scenario (costing/reads.hpp): "/team" covers everything
// under /team; "{platform}" stands for the platform's own key (eks or ecs); "*" for any one token
// (a workload's index). A producer that reads a value must declare it: analysis decides from these
// declarations which parameters a sweep can evaluate without placing the fleet again.

#include <libtco/catalog/catalog.hpp>
#include <libtco/costing/context.hpp>
#include <libtco/costing/fleet_plan.hpp>
#include <libtco/costing/purchase.hpp>
#include <libtco/costing/report.hpp>

#include <string>
#include <vector>

namespace libtco::detail {

// What the producers have added so far: the lines, and the compute instances they were made of
// (commitments cover some of those).
struct Bill {
    std::vector<LineItem> line_items;
    std::vector<InstanceGroup> instances;
};

struct LineProducer {
    const char* name;
    std::vector<std::string> reads;
    // Analysis has a closed form of its lines for the parameters analysis/parameter.hpp maps
    // (closed_form_key): a sweep over those evaluates without this producer.
    bool closed_form = false;
    void (*add)(const CostContext&, const FleetPlan&, Detail, Bill&);
};

// The month's length: what every line priced per hour reads.
inline const std::vector<std::string>& month_reads() {
    static const std::vector<std::string> reads{"/month", "/hours_basis", "/assumptions/aws_hours_per_month"};
    return reads;
}

inline std::vector<std::string> with_month(std::vector<std::string> reads) {
    reads.insert(reads.end(), month_reads().begin(), month_reads().end());
    return reads;
}

inline LineItem cited(const Catalog& c, const char* cat, std::string item, std::string detail, Money amount, const std::string& source) {
    return {cat, std::move(item), std::move(detail), amount, {source}, c.confidence_of(source)};
}

}  // namespace libtco::detail
