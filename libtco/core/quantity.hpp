#pragma once
// Strong types for the quantities a cost model mixes up: money, hourly rates, hours and fractions.
// Each wraps an exact Decimal. Only meaningful arithmetic compiles:
//   Money + Money, HourlyRate * Hours -> Money, Money * Fraction -> Money, Money / Hours -> HourlyRate,
//   any quantity * a plain Decimal (a count); but never Money + Hours or Hours * Hours.

#include <libtco/core/decimal.hpp>

#include <compare>
#include <concepts>
#include <string>

namespace libtco {

template <class Tag>
class Quantity {
public:
    Quantity() = default;
    explicit Quantity(Decimal value) : value_(value) {}
    static Quantity parse(std::string_view text, const std::string& path = {}) { return Quantity(Decimal::parse(text, path)); }

    const Decimal& value() const noexcept { return value_; }
    std::string to_string() const { return value_.to_string(); }

    friend Quantity operator+(const Quantity& a, const Quantity& b) { return Quantity(a.value_ + b.value_); }
    friend Quantity operator-(const Quantity& a, const Quantity& b) { return Quantity(a.value_ - b.value_); }
    friend Quantity operator-(const Quantity& a) { return Quantity(-a.value_); }
    Quantity& operator+=(const Quantity& b) { value_ += b.value_; return *this; }
    Quantity& operator-=(const Quantity& b) { value_ -= b.value_; return *this; }

    // Scaling by a dimensionless count keeps the kind.
    friend Quantity operator*(const Quantity& a, const Decimal& n) { return Quantity(a.value_ * n); }
    friend Quantity operator*(const Decimal& n, const Quantity& a) { return Quantity(a.value_ * n); }
    friend Quantity operator/(const Quantity& a, const Decimal& n) { return Quantity(a.value_ / n); }
    // The ratio of two like quantities is a plain number.
    friend Decimal operator/(const Quantity& a, const Quantity& b) { return a.value_ / b.value_; }

    friend bool operator==(const Quantity&, const Quantity&) = default;
    friend std::strong_ordering operator<=>(const Quantity& a, const Quantity& b) { return a.value_ <=> b.value_; }

private:
    Decimal value_;
};

struct money_tag {};
struct hourly_rate_tag {};
struct hours_tag {};
struct fraction_tag {};

using Money = Quantity<money_tag>;            // US dollars
using HourlyRate = Quantity<hourly_rate_tag>;  // US dollars per hour
using Hours = Quantity<hours_tag>;            // hours of running time
using Fraction = Quantity<fraction_tag>;      // a share, usually in [0, 1]

inline Money operator*(const HourlyRate& rate, const Hours& hours) { return Money(rate.value() * hours.value()); }
inline Money operator*(const Hours& hours, const HourlyRate& rate) { return rate * hours; }
inline HourlyRate operator/(const Money& money, const Hours& hours) { return HourlyRate(money.value() / hours.value()); }
inline Money operator*(const Money& money, const Fraction& share) { return Money(money.value() * share.value()); }
inline Money operator*(const Fraction& share, const Money& money) { return money * share; }
inline HourlyRate operator*(const HourlyRate& rate, const Fraction& share) { return HourlyRate(rate.value() * share.value()); }
inline HourlyRate operator*(const Fraction& share, const HourlyRate& rate) { return rate * share; }
inline Fraction operator*(const Fraction& a, const Fraction& b) { return Fraction(a.value() * b.value()); }

// Concepts that state which arithmetic exists; tests prove the forbidden cases with static_assert.
template <class A, class B>
concept addable = requires(const A& a, const B& b) { a + b; };
template <class A, class B>
concept multipliable = requires(const A& a, const B& b) { a * b; };

}  // namespace libtco
