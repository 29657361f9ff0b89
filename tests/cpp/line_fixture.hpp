#pragma once
// A costing context and fleet plan for one producer's tests: a tiny scenario planned by the engine's
// own planner, or a plan of nodes given by hand.
#include "scenario_fixture.hpp"

#include <libtco/costing/producers.hpp>

#include <memory>
#include <string>
#include <vector>

namespace fixture {

// A scenario priced on the embedded catalog (aws-us-east-1-2026-07-20), costed for one platform.
struct Costing {
    Costing(const std::string& json, libtco::detail::Platform p)
        : catalog(libtco::embedded_catalog()), scenario(libtco::Scenario::from_json_text(json)), ctx(scenario, catalog, p) {}

    libtco::Catalog catalog;
    libtco::Scenario scenario;
    libtco::detail::CostContext ctx;

    libtco::detail::FleetPlan plan() const { return libtco::detail::plan_fleet(ctx); }

    // `count` new nodes of `type` running `hours`, holding `replicas` of workload 0 each.
    void add_nodes(libtco::detail::FleetPlan& plan, const std::string& type, std::int64_t count, const char* hours, bool spot_eligible = false,
                   std::int64_t replicas = 0) const {
        const auto shape = libtco::detail::shape_for(catalog.instance_type(type), ctx.platform, scenario, catalog, ctx.sharing);
        plan.shapes.push_back(*shape);
        for (std::int64_t k = 0; k < count; ++k) {
            libtco::PlacedNode n = libtco::detail::open_node(plan.shapes.back(), libtco::Hours(libtco::Decimal::parse(hours)), false);
            n.spot_eligible = spot_eligible;
            if (replicas > 0) n.replicas[0] = replicas;
            plan.nodes.push_back(n);
        }
    }
};

inline libtco::detail::Bill bill_of(const Costing& c, const libtco::detail::FleetPlan& plan, const libtco::detail::LineProducer& producer) {
    libtco::detail::Bill bill;
    producer.add(c.ctx, plan, libtco::detail::Detail::report, bill);
    return bill;
}

inline bool declares(const libtco::detail::LineProducer& p, const std::string& read) {
    return std::find(p.reads.begin(), p.reads.end(), read) != p.reads.end();
}

}  // namespace fixture
