#include <libtco/core/quantity.hpp>

#include <doctest/doctest.h>

#include <type_traits>

using namespace libtco;

// Only meaningful arithmetic compiles.
static_assert(addable<Money, Money>);
static_assert(addable<Hours, Hours>);
static_assert(!addable<Money, Hours>);
static_assert(!addable<Hours, Money>);
static_assert(!addable<Money, HourlyRate>);
static_assert(!addable<Money, Fraction>);
static_assert(!addable<Money, Decimal>);
static_assert(!addable<Money, int>);
static_assert(multipliable<HourlyRate, Hours>);
static_assert(multipliable<Money, Fraction>);
static_assert(multipliable<Money, Decimal>);
static_assert(!multipliable<Money, Money>);
static_assert(!multipliable<Hours, Hours>);
static_assert(!multipliable<Money, Hours>);
static_assert(!multipliable<Money, HourlyRate>);
static_assert(std::is_same_v<decltype(HourlyRate{} * Hours{}), Money>);
static_assert(std::is_same_v<decltype(Hours{} * HourlyRate{}), Money>);
static_assert(std::is_same_v<decltype(Money{} / Hours{}), HourlyRate>);
static_assert(std::is_same_v<decltype(Money{} / Money{}), Decimal>);
static_assert(std::is_same_v<decltype(HourlyRate{} * Fraction{}), HourlyRate>);
static_assert(!std::is_convertible_v<Decimal, Money>);  // a raw number becomes money only explicitly
static_assert(!std::is_convertible_v<Money, Hours>);
// binary floats never become exact amounts
static_assert(!std::is_constructible_v<Decimal, double>);
static_assert(!std::is_constructible_v<Decimal, float>);
static_assert(!multipliable<Money, double>);
static_assert(!multipliable<HourlyRate, double>);

static HourlyRate rate(const char* s) { return HourlyRate::parse(s); }
static Hours hours(std::int64_t h) { return Hours(Decimal(h)); }

TEST_CASE("3 x m5.xlarge at $0.192/h for 730 h is $420.48") {
    const Money cost = rate("0.192") * hours(730) * Decimal(3);
    CHECK(cost.to_string() == "420.48");
}

TEST_CASE("8 one-GPU replicas on g5.xlarge: 8 x $1.006 x 730 = $5,875.04") {
    CHECK((rate("1.006") * hours(730) * Decimal(8)).to_string() == "5875.04");
}

TEST_CASE("an EKS cluster: $0.10/h for 730 h is $73, extended $0.60/h is $438") {
    CHECK((rate("0.10") * hours(730)).to_string() == "73");
    CHECK((rate("0.60") * hours(730)).to_string() == "438");
    CHECK((Money::parse("73") / hours(730)).to_string() == "0.1");
}

TEST_CASE("staff: 6 engineers at $200,000 a year, ops share 0.15, is $15,000 a month") {
    const Money annual = Money::parse("200000") * Decimal(6);
    CHECK((annual * Fraction::parse("0.15") / Decimal(12)).to_string() == "15000");
}

TEST_CASE("a discount fraction scales a rate") {
    // 37% off $0.0416/h: 0.0416 x 0.63 = 0.026208
    CHECK((rate("0.0416") * Fraction::parse("0.63")).to_string() == "0.026208");
}

TEST_CASE("ordering and accumulation") {
    Money m;
    m += Money::parse("1.25");
    m -= Money::parse("0.25");
    CHECK(m == Money::parse("1"));
    CHECK(Money::parse("1") < Money::parse("1.01"));
    CHECK((-m).to_string() == "-1");
}
