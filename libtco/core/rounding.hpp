#pragma once
// Presentation rounding: half-to-even to cents, with line items allocated by largest remainder
// so that the rounded parts always add up exactly to the rounded total.

#include <libtco/core/quantity.hpp>

#include <algorithm>
#include <numeric>
#include <span>
#include <vector>

namespace libtco {

inline constexpr int cents_places = 2;

inline Money round_to_cents(const Money& amount) { return Money(amount.value().rounded(cents_places)); }

// The rounded amount as a whole number of cents (the form sweeps and Monte Carlo store and hand
// to numpy without loss).
inline std::int64_t cents_of(const Money& amount) {
    if (std::int64_t raw = 0; detail::as_int64(amount.value().raw(), raw)) return detail::divide_half_even_64(raw, 10000000000);  // 10^12 / 100
    static const Decimal::raw_type most = (std::numeric_limits<std::int64_t>::max)();
    static const Decimal::raw_type per_cent = Decimal::unit() / 100;
    const Decimal::raw_type cents = round_to_cents(amount).value().raw() / per_cent;
    if (cents > most || cents < -most) throw arithmetic_error(errc::overflow, "", "an amount of " + amount.to_string() + " does not fit 64-bit cents");
    return cents.convert_to<std::int64_t>();
}

// Rounds each part to cents so that the parts sum to round_to_cents(sum of the exact parts).
// Every part is floored, then the missing cents go one each to the parts with the largest
// remainders (ties: the earlier part). No part moves by a cent or more from its exact value.
inline std::vector<Money> round_parts_to_cents(std::span<const Money> parts) {
    std::vector<Money> rounded;
    rounded.reserve(parts.size());
    std::vector<Decimal> remainders;
    remainders.reserve(parts.size());
    Money exact_total;
    Money floored_total;
    for (const Money& part : parts) {
        const Money floor(part.value().floored(cents_places));
        rounded.push_back(floor);
        remainders.push_back(part.value() - floor.value());
        exact_total += part;
        floored_total += floor;
    }
    const Decimal cent = Decimal::parse("0.01");
    const Decimal missing = (round_to_cents(exact_total) - floored_total).value() / cent;
    std::vector<std::size_t> order(parts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    const std::int64_t extra_cents = missing.to_int64();
    for (std::int64_t k = 0; k < extra_cents; ++k) rounded[order[static_cast<std::size_t>(k)]] += Money(cent);
    return rounded;
}

}  // namespace libtco
