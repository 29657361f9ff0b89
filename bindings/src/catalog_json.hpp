#pragma once
// Glue the C++ API lacks: writing a Catalog back to JSON (libtco has to_json for Scenario and
// Comparison, but not for Catalog). Every field, defaults made explicit (family, arch, sources),
// stable key order, exact decimals as strings; Catalog::from_json(to_json(c)) reads back the same
// catalog.

#include <libtco/catalog.hpp>

#include <nlohmann/json.hpp>

namespace libtco::python {

inline nlohmann::ordered_json to_json(const GpuModel& g) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["vendor"] = g.vendor;
    j["memory_gib"] = g.memory_gib.to_string();
    if (g.mig) {
        ordered_json profiles = ordered_json::array();
        for (const MigProfile& p : g.mig->profiles)
            profiles.push_back(ordered_json{{"name", p.name},
                                            {"compute_slices", p.compute_slices},
                                            {"memory_gib", p.memory_gib.to_string()},
                                            {"max_per_gpu", p.max_per_gpu},
                                            {"size", p.size},
                                            {"starts", p.starts}});
        j["mig"] = ordered_json{{"max_instances", g.mig->max_instances}, {"profiles", std::move(profiles)}};
    } else {
        j["mig"] = nullptr;
    }
    j["time_slicing"] = g.time_slicing;
    j["mps"] = g.mps;
    j["source"] = g.source;
    return j;
}

inline nlohmann::ordered_json to_json(const InstanceType& t) {
    nlohmann::ordered_json j;
    j["family"] = t.family;
    j["arch"] = t.arch;
    j["vcpu"] = t.vcpu.to_string();
    j["memory_gib"] = t.memory_gib.to_string();
    if (t.has_gpus()) {
        j["gpus"] = t.gpus.to_string();
        j["gpu_model"] = t.gpu_model;
        j["gpu_memory_gib"] = t.gpu_memory_gib.to_string();
    }
    if (t.allocatable_vcpu) j["allocatable_vcpu"] = t.allocatable_vcpu->to_string();
    if (t.allocatable_memory_gib) j["allocatable_memory_gib"] = t.allocatable_memory_gib->to_string();
    if (t.max_pods) j["max_pods"] = *t.max_pods;
    if (t.on_demand) j["on_demand_usd_per_hour"] = t.on_demand->to_string();
    j["spec_source"] = t.spec_source;
    if (t.on_demand) j["price_source"] = t.price_source;
    return j;
}

inline nlohmann::ordered_json to_json(const Catalog& c) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["schema_version"] = Catalog::schema_version;
    j["name"] = c.name;
    j["region"] = c.region;
    j["currency"] = c.currency;
    j["effective_date"] = c.effective_date;
    if (!c.description.empty()) j["description"] = c.description;
    ordered_json sources = ordered_json::object();
    for (const auto& [id, s] : c.sources) {
        ordered_json sj;
        sj["title"] = s.title;
        if (!s.url.empty()) sj["url"] = s.url;
        sj["retrieved"] = s.retrieved;
        sj["confidence"] = to_string(s.confidence);
        sources[id] = std::move(sj);
    }
    j["sources"] = std::move(sources);
    j["default_sources"] = ordered_json{{"specs", c.default_spec_source}, {"on_demand", c.default_price_source}};
    ordered_json fees = ordered_json::object();
    for (const auto& [id, f] : c.fees) {
        ordered_json fj;
        fj["usd"] = f.usd.to_string();
        fj["per"] = f.per;
        fj["source"] = f.source;
        if (!f.note.empty()) fj["note"] = f.note;
        fees[id] = std::move(fj);
    }
    j["fees"] = std::move(fees);
    ordered_json models = ordered_json::object();
    for (const auto& [id, g] : c.gpu_models) models[id] = to_json(g);
    j["gpu_models"] = std::move(models);
    ordered_json types = ordered_json::object();
    for (const auto& [name, t] : c.instance_types) types[name] = to_json(t);
    j["instance_types"] = std::move(types);
    return j;
}

}  // namespace libtco::python
