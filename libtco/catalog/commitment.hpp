#pragma once
// Commitment discounts: Savings Plans and Reserved Instances, by plan, term and payment option.
// A catalog gives either a discount off on-demand or a price (recurring hourly rate plus upfront);
// both resolve to an effective hourly rate over the term.

#include <libtco/core/detail/json_reader.hpp>
#include <libtco/core/quantity.hpp>
#include <libtco/core/source.hpp>

#include <array>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace libtco {

enum class CommitmentPlan { compute_savings_plan, ec2_instance_savings_plan, reserved_instance };
enum class CommitmentTerm { one_year, three_years };
enum class UpfrontPayment { none, partial, all };

inline constexpr std::array<std::string_view, 3> commitment_plan_names = {"compute_savings_plan", "ec2_instance_savings_plan", "reserved_instance"};
inline constexpr std::array<std::string_view, 2> commitment_term_names = {"1y", "3y"};
inline constexpr std::array<std::string_view, 3> upfront_payment_names = {"no_upfront", "partial_upfront", "all_upfront"};

inline std::string to_string(CommitmentPlan p) { return std::string(commitment_plan_names[static_cast<std::size_t>(p)]); }
inline std::string to_string(CommitmentTerm t) { return std::string(commitment_term_names[static_cast<std::size_t>(t)]); }
inline std::string to_string(UpfrontPayment p) { return std::string(upfront_payment_names[static_cast<std::size_t>(p)]); }

// AWS commitment terms are 365-day years: 1 year = 8760 h, 3 years = 26280 h.
inline constexpr std::int64_t hours_per_commitment_year = 365 * 24;

inline Hours term_hours(CommitmentTerm t) {
    return Hours(Decimal(hours_per_commitment_year * (t == CommitmentTerm::one_year ? 1 : 3)));
}

struct CommitmentKey {
    CommitmentPlan plan = CommitmentPlan::compute_savings_plan;
    CommitmentTerm term = CommitmentTerm::one_year;
    UpfrontPayment payment = UpfrontPayment::none;
    friend auto operator<=>(const CommitmentKey&, const CommitmentKey&) = default;
};

inline std::string to_string(const CommitmentKey& k) { return to_string(k.plan) + " " + to_string(k.term) + " " + to_string(k.payment); }

// Every plan x term x payment combination, in a stable order.
inline std::array<CommitmentKey, 18> all_commitment_keys() {
    std::array<CommitmentKey, 18> out{};
    std::size_t i = 0;
    for (std::size_t p = 0; p < 3; ++p)
        for (std::size_t t = 0; t < 2; ++t)
            for (std::size_t u = 0; u < 3; ++u)
                out[i++] = {static_cast<CommitmentPlan>(p), static_cast<CommitmentTerm>(t), static_cast<UpfrontPayment>(u)};
    return out;
}

// A catalog entry: a discount off on-demand, or a price (recurring rate plus an upfront payment).
struct CommitmentOffer {
    CommitmentKey key;
    std::optional<Fraction> discount;
    std::optional<HourlyRate> recurring;
    Money upfront;
    std::string source;
    std::string note;
};

// A commitment resolved for one instance type. For a discount-only figure the price split between
// upfront and recurring is not known: `recurring` and `upfront` are then left unset.
struct CommitmentQuote {
    CommitmentKey key;
    HourlyRate effective;  // per hour over the whole term, upfront included
    Fraction discount;     // off on-demand
    std::optional<HourlyRate> recurring;
    std::optional<Money> upfront;
    std::string source;
    FigureBasis basis = FigureBasis::generic;
};

inline CommitmentQuote quote_commitment(const CommitmentOffer& offer, const HourlyRate& on_demand, FigureBasis basis) {
    CommitmentQuote q;
    q.key = offer.key;
    if (offer.discount) {
        q.discount = *offer.discount;
        q.effective = on_demand * Fraction(Decimal(1) - offer.discount->value());
    } else {
        q.recurring = *offer.recurring;
        q.upfront = offer.upfront;
        q.effective = *offer.recurring + offer.upfront / term_hours(offer.key.term);
        q.discount = on_demand.value().sign() > 0 ? Fraction(Decimal(1) - q.effective / on_demand) : Fraction{};
    }
    q.source = offer.source;
    q.basis = basis;
    return q;
}

namespace detail {

template <class Enum, std::size_t N>
Enum read_enum_name(const json& v, const std::string& path, const std::array<std::string_view, N>& names) {
    const std::string s = read_string(v, path);
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == s) return static_cast<Enum>(i);
    std::string expected;
    for (std::size_t i = 0; i < N; ++i) expected += (i ? ", \"" : "\"") + std::string(names[i]) + "\"";
    throw validation_error(errc::bad_format, path, "expected one of " + expected + ", got \"" + s + "\"");
}

// A discount-only entry (the catalog's generic table) or, for an instance type, a price.
inline CommitmentOffer read_commitment_terms(ObjectReader& r, const CommitmentKey& key, bool price_allowed) {
    CommitmentOffer o;
    o.key = key;
    if (price_allowed && r.has("usd_per_hour")) {
        if (r.has("discount")) throw validation_error(errc::inconsistent, r.path_of("discount"), "give either discount or usd_per_hour, not both");
        o.recurring = HourlyRate(require_non_negative(r.decimal("usd_per_hour"), r.path_of("usd_per_hour")));
        if (r.has("upfront_usd")) o.upfront = Money(require_non_negative(r.decimal("upfront_usd"), r.path_of("upfront_usd")));
        if (key.payment == UpfrontPayment::none && o.upfront.value().sign() > 0)
            throw validation_error(errc::inconsistent, r.path_of("upfront_usd"), "a no_upfront commitment has no upfront payment");
    } else {
        o.discount = Fraction(read_unit_interval(r, "discount"));
    }
    o.source = r.string("source");
    o.note = r.optional_string("note").value_or("");
    r.finish();
    return o;
}

inline CommitmentOffer read_type_commitment(const json& v, const std::string& path) {
    ObjectReader r(v, path);
    CommitmentKey key;
    key.plan = read_enum_name<CommitmentPlan>(r.at("plan"), r.path_of("plan"), commitment_plan_names);
    key.term = read_enum_name<CommitmentTerm>(r.at("term"), r.path_of("term"), commitment_term_names);
    key.payment = read_enum_name<UpfrontPayment>(r.at("payment"), r.path_of("payment"), upfront_payment_names);
    return read_commitment_terms(r, key, true);
}

}  // namespace detail
}  // namespace libtco
