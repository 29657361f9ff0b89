#pragma once
// Spot capacity: how much a type saves against on-demand and how often AWS reclaims it, in the
// Spot Instance Advisor's terms (savings as a share of on-demand; interruption-frequency buckets).

#include <libtco/core/detail/json_reader.hpp>
#include <libtco/core/quantity.hpp>
#include <libtco/core/source.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace libtco {

// The share of a type's spot instances reclaimed in the trailing month, as the Advisor buckets it.
enum class InterruptionBucket { under_5, from_5_to_10, from_10_to_15, from_15_to_20, over_20 };

inline constexpr std::array<std::string_view, 5> interruption_labels = {"<5%", "5-10%", "10-15%", "15-20%", ">20%"};

inline std::string to_string(InterruptionBucket b) { return std::string(interruption_labels[static_cast<std::size_t>(b)]); }

inline std::optional<InterruptionBucket> parse_interruption(std::string_view label) {
    for (std::size_t i = 0; i < interruption_labels.size(); ++i)
        if (interruption_labels[i] == label) return static_cast<InterruptionBucket>(i);
    return std::nullopt;
}

// A catalog entry: either savings against on-demand or an observed spot price.
struct SpotFigure {
    std::optional<Fraction> savings;
    std::optional<HourlyRate> price;
    std::optional<InterruptionBucket> interruption;
    std::optional<Fraction> savings_low;  // a range where the source is weak
    std::optional<Fraction> savings_high;
    std::string source;
    std::string note;
};

// A spot figure resolved for one instance type.
struct SpotQuote {
    HourlyRate price;
    Fraction savings;
    std::optional<InterruptionBucket> interruption;
    std::optional<Fraction> savings_low;
    std::optional<Fraction> savings_high;
    std::string source;
    FigureBasis basis = FigureBasis::generic;
};

inline SpotQuote quote_spot(const SpotFigure& figure, const HourlyRate& on_demand, FigureBasis basis) {
    SpotQuote q;
    if (figure.price) {
        q.price = *figure.price;
        q.savings = on_demand.value().sign() > 0 ? Fraction(Decimal(1) - *figure.price / on_demand) : Fraction{};
    } else {
        q.savings = *figure.savings;
        q.price = on_demand * Fraction(Decimal(1) - figure.savings->value());
    }
    q.interruption = figure.interruption;
    q.savings_low = figure.savings_low;
    q.savings_high = figure.savings_high;
    q.source = figure.source;
    q.basis = basis;
    return q;
}

namespace detail {

inline InterruptionBucket read_interruption(const json& v, const std::string& path) {
    const std::string label = read_string(v, path);
    if (auto b = parse_interruption(label)) return *b;
    throw validation_error(errc::bad_format, path, "expected one of \"<5%\", \"5-10%\", \"10-15%\", \"15-20%\", \">20%\", got \"" + label + "\"");
}

// `observed_price_allowed`: only an instance type's own entry may give a spot price instead of savings.
inline SpotFigure read_spot_figure(const json& v, const std::string& path, bool observed_price_allowed) {
    ObjectReader r(v, path);
    SpotFigure f;
    if (observed_price_allowed && r.has("usd_per_hour")) {
        if (r.has("savings")) throw validation_error(errc::inconsistent, r.path_of("savings"), "give either savings or usd_per_hour, not both");
        f.price = HourlyRate(require_non_negative(r.decimal("usd_per_hour"), r.path_of("usd_per_hour")));
    } else {
        f.savings = Fraction(read_unit_interval(r, "savings"));
        if (r.has("low")) f.savings_low = Fraction(read_unit_interval(r, "low"));
        if (r.has("high")) f.savings_high = Fraction(read_unit_interval(r, "high"));
        if ((f.savings_low && *f.savings_low > *f.savings) || (f.savings_high && *f.savings_high < *f.savings))
            throw validation_error(errc::inconsistent, r.path_of(f.savings_low && *f.savings_low > *f.savings ? "low" : "high"),
                                   "the range must contain savings " + f.savings->to_string());
    }
    if (r.has("interruption")) f.interruption = read_interruption(r.at("interruption"), r.path_of("interruption"));
    f.source = r.string("source");
    f.note = r.optional_string("note").value_or("");
    r.finish();
    return f;
}

}  // namespace detail
}  // namespace libtco
