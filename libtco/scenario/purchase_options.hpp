#pragma once
// How a platform buys its capacity beyond plain on-demand: spot for the workloads that tolerate
// interruption, commitments (Savings Plans, Reserved Instances) on the steady baseline, and the
// line items a team adds (monitoring, load balancers, data transfer).

#include <libtco/catalog/assumptions.hpp>
#include <libtco/catalog/commitment.hpp>
#include <libtco/core/detail/json_reader.hpp>
#include <libtco/core/quantity.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace libtco {

// Karpenter picks from many instance types, so spot is rarely unavailable; an ECS capacity provider
// (or a fixed node group) draws from a fixed list and falls back to on-demand more often.
enum class SpotDiversification { diversified, fixed_list };

inline std::string to_string(SpotDiversification d) { return d == SpotDiversification::diversified ? "diversified" : "fixed-list"; }

struct SpotPolicy {
    Fraction share;  // of spot-tolerant capacity run on spot; 0 = no spot
    SpotDiversification diversification = SpotDiversification::diversified;
    std::optional<Fraction> fallback_share;          // given; else the diversification's default
    std::optional<Decimal> interruptions_per_month;  // given; else from each type's interruption bucket

    bool used() const { return share.value().sign() > 0; }
    Fraction fallback() const {
        if (fallback_share) return *fallback_share;
        return Fraction(diversification == SpotDiversification::diversified ? assumptions::spot_fallback_diversified().default_value
                                                                              : assumptions::spot_fallback_fixed_list().default_value);
    }
};

// A commitment bought for the platform's steady on-demand use.
struct CommitmentRequest {
    CommitmentKey key;
    Fraction coverage = Fraction(Decimal(1));  // share of the eligible baseline covered
    std::optional<HourlyRate> usd_per_hour;    // a Savings Plan commitment in spend per hour (instead of coverage)
};

// A line item a team adds: a fixed amount a month, or an amount per instance-hour of the fleet.
struct ExtraItem {
    std::string name;
    std::optional<Money> usd_per_month;
    std::optional<HourlyRate> usd_per_instance_hour;
};

namespace detail {

inline SpotPolicy read_spot_policy(const json& v, const std::string& path, SpotDiversification default_diversification) {
    ObjectReader r(v, path);
    SpotPolicy p;
    p.diversification = default_diversification;
    p.share = Fraction(read_unit_interval(r, "share"));
    if (auto d = r.optional_string("diversification")) {
        if (*d == "diversified") p.diversification = SpotDiversification::diversified;
        else if (*d == "fixed-list") p.diversification = SpotDiversification::fixed_list;
        else throw validation_error(errc::bad_format, r.path_of("diversification"), "expected \"diversified\" or \"fixed-list\", got \"" + *d + "\"");
    }
    if (r.has("fallback_share")) p.fallback_share = Fraction(read_unit_interval(r, "fallback_share"));
    if (auto rate = r.optional_decimal("interruptions_per_month"))
        p.interruptions_per_month = require_at_most(require_non_negative(*rate, r.path_of("interruptions_per_month")), Decimal(30),
                                                    r.path_of("interruptions_per_month"));
    r.finish();
    return p;
}

inline CommitmentRequest read_commitment_request(const json& v, const std::string& path) {
    ObjectReader r(v, path);
    CommitmentRequest c;
    c.key.plan = read_enum_name<CommitmentPlan>(r.at("plan"), r.path_of("plan"), commitment_plan_names);
    c.key.term = read_enum_name<CommitmentTerm>(r.at("term"), r.path_of("term"), commitment_term_names);
    c.key.payment = read_enum_name<UpfrontPayment>(r.at("payment"), r.path_of("payment"), upfront_payment_names);
    if (r.has("usd_per_hour")) {
        if (c.key.plan == CommitmentPlan::reserved_instance)
            throw validation_error(errc::inconsistent, r.path_of("usd_per_hour"),
                                   "a Reserved Instance covers instances, not spend: give coverage (a share of the baseline)");
        if (r.has("coverage")) throw validation_error(errc::inconsistent, r.path_of("coverage"), "give either coverage or usd_per_hour, not both");
        c.usd_per_hour = HourlyRate(require_positive(r.decimal("usd_per_hour"), r.path_of("usd_per_hour")));
    } else if (r.has("coverage")) {
        c.coverage = Fraction(read_unit_interval(r, "coverage"));
    }
    r.finish();
    return c;
}

inline ExtraItem read_extra_item(const json& v, const std::string& path) {
    ObjectReader r(v, path);
    ExtraItem e;
    e.name = r.string("name");
    if (e.name.empty()) throw validation_error(errc::out_of_range, r.path_of("name"), "must not be empty");
    if (auto m = r.optional_decimal("usd_per_month")) e.usd_per_month = Money(require_non_negative(*m, r.path_of("usd_per_month")));
    if (auto h = r.optional_decimal("usd_per_instance_hour"))
        e.usd_per_instance_hour = HourlyRate(require_non_negative(*h, r.path_of("usd_per_instance_hour")));
    if (!e.usd_per_month == !e.usd_per_instance_hour)
        throw validation_error(errc::inconsistent, path, "give exactly one of usd_per_month and usd_per_instance_hour");
    r.finish();
    return e;
}

inline nlohmann::ordered_json spot_policy_json(const SpotPolicy& p) {
    nlohmann::ordered_json j{{"share", p.share.to_string()}, {"diversification", to_string(p.diversification)}};
    if (p.fallback_share) j["fallback_share"] = p.fallback_share->to_string();
    if (p.interruptions_per_month) j["interruptions_per_month"] = p.interruptions_per_month->to_string();
    return j;
}

inline nlohmann::ordered_json commitment_request_json(const CommitmentRequest& c) {
    nlohmann::ordered_json j{{"plan", to_string(c.key.plan)}, {"term", to_string(c.key.term)}, {"payment", to_string(c.key.payment)}};
    if (c.usd_per_hour) j["usd_per_hour"] = c.usd_per_hour->to_string();
    else j["coverage"] = c.coverage.to_string();
    return j;
}

inline nlohmann::ordered_json extra_item_json(const ExtraItem& e) {
    nlohmann::ordered_json j{{"name", e.name}};
    if (e.usd_per_month) j["usd_per_month"] = e.usd_per_month->to_string();
    if (e.usd_per_instance_hour) j["usd_per_instance_hour"] = e.usd_per_instance_hour->to_string();
    return j;
}

}  // namespace detail
}  // namespace libtco
