#pragma once
// Every line producer, in the order a platform's bill lists their lines.

#include <libtco/costing/lines/autoscaling.hpp>
#include <libtco/costing/lines/commitments.hpp>
#include <libtco/costing/lines/compute.hpp>
#include <libtco/costing/lines/control_plane.hpp>
#include <libtco/costing/lines/extra_items.hpp>
#include <libtco/costing/lines/fargate.hpp>
#include <libtco/costing/lines/management.hpp>
#include <libtco/costing/lines/operations.hpp>
#include <libtco/costing/lines/spot_interruptions.hpp>

#include <vector>

namespace libtco::detail {

inline const std::vector<LineProducer>& line_producers() {
    static const std::vector<LineProducer> producers{control_plane_producer(), compute_producer(),     fargate_producer(),
                                                     spot_interruptions_producer(), autoscaling_producer(), commitments_producer(),
                                                     management_producer(),   extra_items_producer(), operations_producer()};
    return producers;
}

// The bill of a planned fleet: every producer's lines, in order.
inline Bill bill_of(const CostContext& ctx, const FleetPlan& plan, Detail detail) {
    Bill bill;
    for (const LineProducer& p : line_producers()) p.add(ctx, plan, detail, bill);
    return bill;
}

inline Money total_of(const std::vector<LineItem>& lines) {
    Money sum;
    for (const LineItem& li : lines) sum += li.amount;
    return sum;
}

}  // namespace libtco::detail
