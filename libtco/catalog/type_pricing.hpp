#pragma once
// Everything a catalog says about one instance type, with every figure resolved and cited: its
// specs and GPU model (with MIG profiles), on-demand price, spot price, the 18 commitment rates and
// the EKS Auto Mode fee. What `tco catalog show TYPE` prints.

#include <libtco/catalog/catalog.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace libtco {

struct AutoModeFee {
    std::string basis;  // "published" | the share id it was derived from
    PublishedFee fee;
};

struct TypePricing {
    const InstanceType* type = nullptr;
    const GpuModel* gpu_model = nullptr;
    std::optional<SpotQuote> spot;
    std::vector<CommitmentQuote> commitments;
    std::vector<AutoModeFee> eks_auto_mode;
};

namespace detail {

// A reported variant of the Auto Mode fee for one GPU family letter: eks_auto_mode_fee_g_2026_07
// applies to the G families (g5, g6e, ...), eks_auto_mode_fee_p_2026_07 to the P families.
inline bool auto_mode_variant_applies(const std::string& share_id, const InstanceType& t) {
    const std::string prefix = "eks_auto_mode_fee_";
    if (share_id.rfind(prefix, 0) != 0 || share_id.size() < prefix.size() + 2 || share_id[prefix.size() + 1] != '_') return false;
    return t.has_gpus() && !t.family.empty() && t.family[0] == share_id[prefix.size()];
}

}  // namespace detail

inline TypePricing price_instance_type(const Catalog& c, const std::string& name, const std::string& path = {}) {
    TypePricing p;
    p.type = &c.instance_type(name, path);
    if (p.type->has_gpus()) p.gpu_model = &c.gpu_models.at(p.type->gpu_model);
    p.spot = c.spot_quote(*p.type);
    for (const CommitmentKey& key : all_commitment_keys())
        if (auto q = c.commitment_quote(*p.type, key)) p.commitments.push_back(*q);
    if (p.type->eks_auto_mode) p.eks_auto_mode.push_back({"published", *p.type->eks_auto_mode});
    else if (p.type->on_demand && c.shares.count("eks_auto_mode_fee"))
        p.eks_auto_mode.push_back({"eks_auto_mode_fee", *c.eks_auto_mode_fee(*p.type)});
    if (p.type->on_demand)
        for (const auto& [id, share] : c.shares)
            if (detail::auto_mode_variant_applies(id, *p.type)) p.eks_auto_mode.push_back({id, *c.eks_auto_mode_fee(*p.type, id)});
    return p;
}

namespace detail {

inline nlohmann::ordered_json with_citation(nlohmann::ordered_json j, const Catalog& c, const std::string& source) {
    j["source"] = source;
    j["confidence"] = to_string(c.confidence_of(source));
    return j;
}

}  // namespace detail

inline nlohmann::ordered_json to_json(const TypePricing& p, const Catalog& c) {
    using nlohmann::ordered_json;
    const InstanceType& t = *p.type;
    ordered_json j;
    j["instance_type"] = t.name;
    j["catalog"] = ordered_json{{"name", c.name}, {"region", c.region}, {"effective_date", c.effective_date}};
    ordered_json specs = to_json(t);
    for (const char* key : {"spot", "eks_auto_mode", "commitments", "on_demand_usd_per_hour", "price_source", "spec_source"}) specs.erase(key);
    j["specs"] = detail::with_citation(std::move(specs), c, t.spec_source);
    if (p.gpu_model) {
        ordered_json model{{"id", p.gpu_model->id}};
        const ordered_json full = to_json(*p.gpu_model);
        for (const auto& [key, value] : full.items())
            if (key != "source") model[key] = value;
        j["gpu_model"] = detail::with_citation(std::move(model), c, p.gpu_model->source);
    }
    if (t.on_demand)
        j["on_demand"] = detail::with_citation(ordered_json{{"usd_per_hour", t.on_demand->to_string()}}, c, t.price_source);
    else
        j["on_demand"] = nullptr;
    if (p.spot) {
        ordered_json spot{{"usd_per_hour", p.spot->price.to_string()}, {"savings", p.spot->savings.to_string()}};
        if (p.spot->savings_low) spot["savings_low"] = p.spot->savings_low->to_string();
        if (p.spot->savings_high) spot["savings_high"] = p.spot->savings_high->to_string();
        spot["interruption"] = p.spot->interruption ? ordered_json(to_string(*p.spot->interruption)) : ordered_json(nullptr);
        spot["basis"] = to_string(p.spot->basis);
        j["spot"] = detail::with_citation(std::move(spot), c, p.spot->source);
    } else {
        j["spot"] = nullptr;
    }
    ordered_json commitments = ordered_json::array();
    for (const CommitmentQuote& q : p.commitments) {
        ordered_json cj{{"plan", to_string(q.key.plan)}, {"term", to_string(q.key.term)}, {"payment", to_string(q.key.payment)},
                        {"effective_usd_per_hour", q.effective.to_string()}, {"discount", q.discount.to_string()}};
        if (q.recurring) cj["usd_per_hour"] = q.recurring->to_string();
        if (q.upfront) cj["upfront_usd"] = q.upfront->to_string();
        cj["basis"] = to_string(q.basis);
        commitments.push_back(detail::with_citation(std::move(cj), c, q.source));
    }
    j["commitments"] = std::move(commitments);
    ordered_json auto_mode = ordered_json::array();
    for (const AutoModeFee& f : p.eks_auto_mode)
        auto_mode.push_back(detail::with_citation(ordered_json{{"basis", f.basis}, {"usd_per_hour", f.fee.usd.to_string()}}, c, f.fee.source));
    j["eks_auto_mode"] = std::move(auto_mode);
    return j;
}

}  // namespace libtco
