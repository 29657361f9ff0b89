#include <libtco/core/decimal.hpp>
#include <libtco/core/rounding.hpp>

#include "capture.hpp"

#include <doctest/doctest.h>

#include <utility>

using libtco::Decimal;
using libtco::errc;

static Decimal d(const char* text) { return Decimal::parse(text); }

template <class F>
static errc code_of(F&& f) {
    return fixture::capture(std::forward<F>(f)).code();
}

TEST_CASE("decimal sums are exact where binary floats are not") {
    CHECK(d("0.1") + d("0.2") == d("0.3"));
    CHECK((d("0.1") + d("0.2")).to_string() == "0.3");
}

TEST_CASE("parse accepts JSON number syntax and canonicalises") {
    CHECK(d("1.006000").to_string() == "1.006");
    CHECK(d("16.0").to_string() == "16");
    CHECK(d("-0.5").to_string() == "-0.5");
    CHECK(d("1e3") == Decimal(1000));
    CHECK(d("1.5E-2").to_string() == "0.015");
    CHECK(d("0").to_string() == "0");
    CHECK(d("-0").to_string() == "0");
    CHECK(d("1.50000000000000").to_string() == "1.5");  // trailing zeros beyond 12 places are fine
    CHECK(d("123456789012345678901").to_string() == "123456789012345678901");
}

TEST_CASE("parse rejects malformed text with bad_format") {
    for (const char* bad : {"", "abc", "1.", ".5", "1e", "--1", "+1", "1.2.3", "1,5", " 1", "0x10", "NaN", "inf"}) {
        CAPTURE(bad);
        CHECK(code_of([&] { (void)d(bad); }) == errc::bad_format);
    }
}

TEST_CASE("more than 12 decimal places is rejected, not rounded") {
    CHECK(code_of([] { (void)d("0.0000000000001"); }) == errc::too_precise);
    CHECK(code_of([] { (void)d("1e-13"); }) == errc::too_precise);
    CHECK(d("0.000000000001").to_string() == "0.000000000001");
}

TEST_CASE("numbers beyond the exact range overflow loudly") {
    CHECK(code_of([] { (void)d("1e30"); }) == errc::overflow);
    CHECK(code_of([] { (void)(d("1e20") * d("1e20")); }) == errc::overflow);
    const Decimal big = d("300000000000000000000000000");  // 3e26 fits (the limit is 2^128 - 1 units of 10^-12)
    CHECK(code_of([&] { (void)(big + big); }) == errc::overflow);
    CHECK(code_of([] { (void)(d("1") / d("0")); }) == errc::division_by_zero);
}

TEST_CASE("products: a 1-year no-upfront commitment at 37% off $0.0416/h for 730 h") {
    // 0.0416 x 0.63 = 0.026208; x 730 = 19.13184
    const Decimal monthly = d("0.0416") * d("0.63") * Decimal(730);
    CHECK(monthly.to_string() == "19.13184");
    CHECK(monthly.to_fixed(2) == "19.13");
}

TEST_CASE("quotients round half-even at 12 places") {
    CHECK((Decimal(1) / Decimal(3)).to_string() == "0.333333333333");
    CHECK((Decimal(2) / Decimal(3)).to_string() == "0.666666666667");
    CHECK((Decimal(-2) / Decimal(3)).to_string() == "-0.666666666667");
    CHECK((Decimal(200000) * Decimal(6) * d("0.15") / Decimal(12)).to_string() == "15000");
}

TEST_CASE("rounding to cents is half-to-even") {
    CHECK(d("2.345").rounded(2).to_string() == "2.34");
    CHECK(d("2.355").rounded(2).to_string() == "2.36");
    CHECK(d("2.3451").rounded(2).to_string() == "2.35");
    CHECK(d("-2.345").rounded(2).to_string() == "-2.34");
    CHECK(d("0.005").to_fixed(2) == "0.00");
    CHECK(d("0.015").to_fixed(2) == "0.02");
    CHECK(d("5875.04").to_fixed(2) == "5875.04");
    CHECK(d("73").to_fixed(2) == "73.00");
}

TEST_CASE("floor goes toward minus infinity") {
    CHECK(d("1.239").floored(2).to_string() == "1.23");
    CHECK(d("-1.234").floored(2).to_string() == "-1.24");
    CHECK(d("-1.23").floored(2).to_string() == "-1.23");
}

TEST_CASE("whole numbers and comparisons") {
    CHECK(d("8").is_whole());
    CHECK_FALSE(d("0.4").is_whole());
    CHECK(d("8").to_int64() == 8);
    CHECK(d("0.4") < d("0.5"));
    CHECK(d("-1") < Decimal{});
    CHECK(d("0.25").to_double() == doctest::Approx(0.25));
}

// The native 128-bit fast path of * and / must agree bit for bit with exact big-integer arithmetic.
TEST_CASE("products and quotients agree with exact 256-bit half-even arithmetic") {
    using big = boost::multiprecision::cpp_int;
    const auto half_even = [](const big& n, const big& d) {  // d > 0
        big q = n / d;
        const big r = n % d;
        const big twice = abs(r) * 2;
        if (r != 0 && (twice > d || (twice == d && q % 2 != 0))) q += n < 0 ? -1 : 1;
        return q;
    };
    const big unit("1000000000000");
    std::uint64_t state = 12345;
    const auto next = [&] {  // a 64-bit LCG (Knuth's MMIX constants)
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state;
    };
    const auto operand = [&] {
        // Spread magnitudes from a few units of 10^-12 to the 64-bit edge, both signs.
        const std::uint64_t bits = next() >> (next() % 63);
        const auto magnitude = static_cast<std::int64_t>(bits >> 1);
        return (next() & 1) ? -magnitude : magnitude;
    };
    for (int i = 0; i < 20000; ++i) {
        const std::int64_t x = operand();
        std::int64_t y = operand();
        if (y == 0) y = 7;
        const Decimal a = Decimal::from_raw(Decimal::raw_type(x));
        const Decimal b = Decimal::from_raw(Decimal::raw_type(y));
        const big product = half_even(big(x) * big(y), unit);
        CHECK((a * b).raw().str() == product.str());
        const big n = big(x) * unit;
        const big quotient = y < 0 ? half_even(-n, big(-y)) : half_even(n, big(y));
        CHECK((a / b).raw().str() == quotient.str());
    }
    // The halfway cases round to even in both directions.
    CHECK(Decimal::parse("0.000001") * Decimal::parse("0.0000005") == Decimal{});                       // 0.5e-12 -> 0
    CHECK(Decimal::parse("0.000003") * Decimal::parse("0.0000005") == Decimal::parse("0.000000000002"));  // 1.5e-12 -> 2e-12
    CHECK(Decimal::parse("-0.000003") * Decimal::parse("0.0000005") == Decimal::parse("-0.000000000002"));
    CHECK(Decimal::parse("0.000000000001") / Decimal(2) == Decimal{});
    CHECK(Decimal::parse("0.000000000003") / Decimal(-2) == Decimal::parse("-0.000000000002"));
}

TEST_CASE("rounding to fewer places is half-even on both the native and the wide path") {
    // Native path (raw value within 64 bits) and wide path (beyond), same rule.
    CHECK(Decimal::parse("0.125").rounded(2) == Decimal::parse("0.12"));
    CHECK(Decimal::parse("0.135").rounded(2) == Decimal::parse("0.14"));
    CHECK(Decimal::parse("-0.125").rounded(2) == Decimal::parse("-0.12"));
    CHECK(Decimal::parse("-0.1250000001").rounded(2) == Decimal::parse("-0.13"));
    CHECK(Decimal::parse("123456789012345.125").rounded(2) == Decimal::parse("123456789012345.12"));
    CHECK(Decimal::parse("123456789012345.135").rounded(2) == Decimal::parse("123456789012345.14"));
    CHECK(Decimal::parse("2.5").rounded(0) == Decimal(2));
    CHECK(Decimal::parse("3.5").rounded(0) == Decimal(4));
}

TEST_CASE("values just beyond 64 bits take the wide path") {
    // 19,628,818.461676403036 is 19,628,818,461,676,403,036 units: more than 2^63 (and 2^64).
    CHECK(Decimal::parse("19628818.461676403036").rounded(2) == Decimal::parse("19628818.46"));
    CHECK(Decimal::parse("9223372.036854775808").rounded(2) == Decimal::parse("9223372.04"));  // 2^63 units
    CHECK(Decimal::parse("9223372.036854775807").rounded(2) == Decimal::parse("9223372.04"));  // 2^63 - 1 units
    CHECK(Decimal::parse("9223372.036854775808") * Decimal(2) == Decimal::parse("18446744.073709551616"));
    CHECK(Decimal::parse("-18446744.073709551616") / Decimal(2) == Decimal::parse("-9223372.036854775808"));
    CHECK(libtco::cents_of(libtco::Money(Decimal::parse("19628818.465"))) == 1962881846);  // half-even
}

TEST_CASE("rounding to negative places (tens, thousands) stays exact and half-even") {
    CHECK(Decimal::parse("12345").rounded(-3) == Decimal::parse("12000"));
    CHECK(Decimal::parse("12500").rounded(-3) == Decimal::parse("12000"));
    CHECK(Decimal::parse("13500").rounded(-3) == Decimal::parse("14000"));
}
