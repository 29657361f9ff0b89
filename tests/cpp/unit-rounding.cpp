#include <libtco/core/rounding.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

using namespace libtco;

static Money m(const char* s) { return Money::parse(s); }

static std::vector<std::string> cents(const std::vector<Money>& parts) {
    std::vector<std::string> out;
    for (const Money& p : parts) out.push_back(p.value().to_fixed(2));
    return out;
}

TEST_CASE("three thirds of a dollar round to 0.34 + 0.33 + 0.33 = 1.00") {
    const Money third(Decimal(1) / Decimal(3));  // 0.333333333333
    const std::vector<Money> parts{third, third, third};
    // exact total 0.999999999999 rounds to 1.00; floors 0.33 x 3 = 0.99; one cent to the first
    CHECK(cents(round_parts_to_cents(parts)) == std::vector<std::string>{"0.34", "0.33", "0.33"});
}

TEST_CASE("ties go to the earlier parts, and the total is rounded half-even") {
    // 1.005 + 2.005 + 3.005 = 6.015 -> 6.02 (half-even: 1 is odd, so up); floors 6.00; two cents to share
    const std::vector<Money> parts{m("1.005"), m("2.005"), m("3.005")};
    CHECK(cents(round_parts_to_cents(parts)) == std::vector<std::string>{"1.01", "2.01", "3.00"});
    // 0.125 + 0.125 = 0.25 exactly: no cent is invented
    CHECK(cents(round_parts_to_cents(std::vector<Money>{m("0.125"), m("0.125")})) == std::vector<std::string>{"0.13", "0.12"});
}

TEST_CASE("negative parts (credits) floor toward minus infinity") {
    // -0.005 + 1.005 = 1.00; floors -0.01 + 1.00 = 0.99; remainders equal, the first part gets the cent
    CHECK(cents(round_parts_to_cents(std::vector<Money>{m("-0.005"), m("1.005")})) == std::vector<std::string>{"0.00", "1.00"});
}

TEST_CASE("largest remainder wins the cent") {
    // 0.004 + 0.006 = 0.01; floors 0 + 0; the cent goes to 0.006
    CHECK(cents(round_parts_to_cents(std::vector<Money>{m("0.004"), m("0.006")})) == std::vector<std::string>{"0.00", "0.01"});
}

TEST_CASE("generated cases: rounded parts always sum to the rounded total, each within a cent") {
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;  // fixed seed: the same cases everywhere
    const auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    const Decimal cent = Decimal::parse("0.01");
    for (int round = 0; round < 500; ++round) {
        std::vector<Money> parts;
        const std::size_t n = 1 + next() % 12;
        for (std::size_t i = 0; i < n; ++i) {
            // up to $10^7 with 6 decimals, sometimes negative
            const auto micro = static_cast<std::int64_t>(next() % 10000000000000ULL);
            Decimal v = Decimal(micro) / Decimal(1000000);
            if (next() % 5 == 0) v = -v;
            parts.emplace_back(v);
        }
        Money exact, sum;
        for (const Money& p : parts) exact += p;
        const std::vector<Money> rounded = round_parts_to_cents(parts);
        for (std::size_t i = 0; i < n; ++i) {
            sum += rounded[i];
            const Decimal gap = (rounded[i] - parts[i]).value();
            CHECK(gap < cent);
            CHECK(gap > -cent);
            CHECK(rounded[i].value() == rounded[i].value().rounded(2));
        }
        CHECK(sum == round_to_cents(exact));
    }
}
