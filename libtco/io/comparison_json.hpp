#pragma once
// A comparison as JSON: stable key order, amounts as strings (cents, and exact beside them), the
// placement, utilisation, GPU sharing, assumptions, sources and warnings. The report model is in
// costing/report.hpp.

#include <libtco/catalog/assumptions.hpp>
#include <libtco/core/text.hpp>
#include <libtco/costing/report.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace libtco {

inline nlohmann::ordered_json sharing_json(const std::string& platform, const GpuSharing& g) {
    nlohmann::ordered_json j{{"strategy", to_string(g.strategy)}};
    if (g.strategy == SharingStrategy::time_slicing || g.strategy == SharingStrategy::mps) j["replicas_per_gpu"] = g.replicas_per_gpu;
    if (g.strategy == SharingStrategy::time_slicing) j["time_slicing_efficiency"] = g.time_slicing_efficiency.to_string();
    j["description"] = describe_sharing(platform, g);
    return j;
}

inline nlohmann::ordered_json utilization_json(const Utilization& u) {
    nlohmann::ordered_json j;
    j["gpus"] = u.gpus_paid.to_string();
    j["gpu_hours_paid"] = u.gpu_hours_paid.to_string();
    j["gpu_hours_requested"] = u.gpu_hours_requested.to_string();
    j["gpu_utilization"] = u.gpu_utilization() ? nlohmann::ordered_json(u.gpu_utilization()->value().rounded(4).to_string()) : nlohmann::ordered_json(nullptr);
    if (u.compute_without_sharing) {
        j["without_sharing"] = nlohmann::ordered_json{{"gpus", u.gpus_without_sharing->to_string()},
                                                      {"compute_usd", usd(round_to_cents(*u.compute_without_sharing))},
                                                      {"saving_usd", usd(round_to_cents(*u.compute_without_sharing - u.compute))}};
    }
    return j;
}

inline nlohmann::ordered_json placement_json(const std::vector<NodePlan>& plan) {
    using nlohmann::ordered_json;
    ordered_json out = ordered_json::array();
    for (const NodePlan& n : plan) {
        ordered_json gpus = ordered_json::array();
        for (const GpuPlan& g : n.gpus) {
            ordered_json gj{{"index", g.index}, {"capacity", g.capacity.to_string()}, {"requested", g.requested.to_string()},
                            {"exclusive", g.exclusive}};
            if (g.memory_used.sign() > 0) gj["memory_gib"] = g.memory_used.to_string();
            gj["replicas"] = g.replicas;
            if (!g.mig_layout.empty()) {
                ordered_json layout = ordered_json::array();
                for (const auto& [profile, start] : g.mig_layout) layout.push_back(ordered_json{{"profile", profile}, {"start", start}});
                gj["mig"] = std::move(layout);
            }
            gpus.push_back(std::move(gj));
        }
        out.push_back(ordered_json{{"instance_type", n.instance_type}, {"hours", n.hours.to_string()}, {"origin", n.given ? "given" : "placed"},
                                   {"autoscaled", n.autoscaled}, {"replicas", n.replicas}, {"gpus", std::move(gpus)}});
    }
    return out;
}

inline nlohmann::ordered_json to_json(const PlatformReport& r) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["total_usd"] = usd(r.rounded_total());
    j["infrastructure_usd"] = usd(r.rounded_infrastructure());
    j["staff_usd"] = usd(r.rounded_staff());
    ordered_json staff{{"basis", r.staff.basis}};
    if (!r.staff.preset.empty()) staff["preset"] = r.staff.preset;
    staff["hours_per_month"] = r.staff.hours_per_month.rounded(2).to_string();
    staff["usd_per_hour"] = r.staff.usd_per_hour.to_fixed(2);
    j["staff"] = std::move(staff);
    j["gpu_sharing"] = sharing_json(r.platform, r.gpu_sharing);
    ordered_json items = ordered_json::array();
    const std::vector<Money> rounded = r.rounded_line_items();
    for (std::size_t i = 0; i < r.line_items.size(); ++i) {
        const LineItem& li = r.line_items[i];
        items.push_back(ordered_json{{"category", li.category}, {"item", li.item}, {"detail", li.detail},
                                     {"usd", usd(rounded[i])}, {"usd_exact", li.amount.to_string()},
                                     {"sources", li.sources}, {"confidence", to_string(li.confidence)}});
    }
    j["line_items"] = std::move(items);
    ordered_json by_confidence = ordered_json::object();
    for (Confidence level : {Confidence::high, Confidence::medium, Confidence::low})
        by_confidence[to_string(level)] = usd(r.rounded_by_confidence().at(level));
    j["usd_by_confidence"] = std::move(by_confidence);
    ordered_json instances = ordered_json::array();
    for (const InstanceGroup& g : r.instances) {
        ordered_json replicas = ordered_json::object();
        for (const auto& [name, n] : g.replicas) replicas[name] = n;
        instances.push_back(ordered_json{{"instance_type", g.instance_type}, {"count", g.count}, {"hours", g.hours.to_string()},
                                         {"purchase", g.purchase}, {"share", g.share.to_string()}, {"autoscaled", g.autoscaled},
                                         {"usd_per_hour", g.usd_per_hour.to_string()}, {"usd_exact", g.amount.to_string()},
                                         {"origin", g.given ? "given" : "placed"}, {"price_source", g.price_source},
                                         {"replicas", std::move(replicas)}});
    }
    j["instances"] = std::move(instances);
    j["utilization"] = utilization_json(r.utilization);
    ordered_json showback = ordered_json::array();
    const std::vector<Money> rounded_showback = r.rounded_showback();
    for (std::size_t i = 0; i < r.showback.size(); ++i)
        showback.push_back(ordered_json{{"workload", r.showback[i].workload}, {"usd", usd(rounded_showback[i])},
                                        {"usd_exact", r.showback[i].amount.to_string()}});
    j["showback"] = std::move(showback);
    j["placement"] = placement_json(r.placement);
    return j;
}

inline nlohmann::ordered_json to_json(const Assumption& a) {
    nlohmann::ordered_json j;
    j["name"] = a.name;
    j["value"] = a.value.to_string();
    j["default"] = a.default_value.to_string();
    if (a.low) j["low"] = a.low->to_string();
    if (a.high) j["high"] = a.high->to_string();
    j["unit"] = a.unit;
    j["confidence"] = to_string(a.confidence);
    j["source"] = a.source;
    return j;
}

inline nlohmann::ordered_json to_json(const Comparison& c) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["schema_version"] = Comparison::schema_version;
    j["scenario"] = c.scenario;
    j["month"] = c.month.to_string();
    j["hours_basis"] = to_string(c.hours_basis);
    j["hours"] = c.hours.to_string();
    j["region"] = c.region;
    ordered_json catalog{{"name", c.catalog}, {"region", c.region}, {"effective_date", c.catalog_date}};
    if (!c.overlay.empty()) {
        catalog["overlay"] = ordered_json{{"name", c.overlay}};
        if (c.overlay_discount) catalog["overlay"]["discount"] = c.overlay_discount->to_string();
    }
    j["catalog"] = std::move(catalog);
    ordered_json warnings = ordered_json::array();
    for (const Warning& w : c.warnings) warnings.push_back(ordered_json{{"code", w.code}, {"message", w.message}});
    j["warnings"] = std::move(warnings);
    j["eks"] = to_json(c.eks);
    j["ecs"] = to_json(c.ecs);
    j["difference_usd"] = usd(c.difference());
    j["cheaper"] = c.cheaper();
    j["infrastructure_difference_usd"] = usd(c.infrastructure_difference());
    j["cheaper_on_infrastructure"] = cheaper_of(c.infrastructure_difference());
    j["staff_difference_usd"] = usd(c.staff_difference());
    ordered_json assumptions = ordered_json::array();
    for (const Assumption& a : c.assumptions) assumptions.push_back(to_json(a));
    j["assumptions"] = std::move(assumptions);
    ordered_json sources = ordered_json::array();
    for (const Source& s : c.sources) {
        ordered_json sj{{"id", s.id}, {"title", s.title}};
        if (!s.url.empty()) sj["url"] = s.url;
        if (!s.retrieved.empty()) sj["retrieved"] = s.retrieved;
        sj["confidence"] = to_string(s.confidence);
        sources.push_back(std::move(sj));
    }
    j["sources"] = std::move(sources);
    return j;
}

}  // namespace libtco
