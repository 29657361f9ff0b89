// The deterministic generator: published reference outputs of SplitMix64 and xoshiro256**, the
// (seed, stream) seeding against an independent computation, repeatability, distinct streams, and
// uniform01 / uniform_open01 / below(n) exact and unbiased.
#include <libtco/analysis/random.hpp>

#include "capture.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <set>
#include <vector>

using namespace libtco;
using fixture::capture;

TEST_CASE("SplitMix64 gives its published outputs") {
    // Vigna's splitmix64.c from state 0: the first outputs as published with the algorithm.
    SplitMix64 zero(0);
    CHECK(zero.next() == 0xe220a8397b1dcdafULL);
    CHECK(zero.next() == 0x6e789e6aa1b965f4ULL);
    CHECK(zero.next() == 0x06c45d188009454fULL);
    CHECK(zero.next() == 0xf88bb8a8724c81ecULL);
    // ... and from state 1234567, the reference vector of the same file
    SplitMix64 other(1234567);
    for (const std::uint64_t expected : {6457827717110365317ULL, 3203168211198807973ULL, 9817491932198370423ULL,
                                         4593380528125082431ULL, 16408922859458223821ULL})
        CHECK(other.next() == expected);
}

TEST_CASE("xoshiro256** gives the published outputs from the state {1, 2, 3, 4}") {
    // Produced with the reference xoshiro256starstar.c (Blackman and Vigna), e.g. the test vector of
    // the Rust rand_xoshiro crate. The first is rotl(2 x 5, 7) x 9 = 1280 x 9 = 11520.
    Rng r = Rng::from_state({1, 2, 3, 4});
    for (const std::uint64_t expected : {11520ULL, 0ULL, 1509978240ULL, 1215971899390074240ULL, 1216172134540287360ULL,
                                         607988272756665600ULL, 16172922978634559625ULL, 8476171486693032832ULL,
                                         10595114339597558777ULL, 2904607092377533576ULL})
        CHECK(r.next_u64() == expected);
    const error e = capture([] { (void)Rng::from_state({0, 0, 0, 0}); });
    CHECK(e.code() == errc::out_of_range);
}

TEST_CASE("Rng(seed, stream) seeds xoshiro256** from SplitMix64 at mix(mix(seed + gamma) ^ stream)") {
    // An independent Python computation (integers masked to 64 bits):
    //   M = 2**64 - 1; G = 0x9e3779b97f4a7c15
    //   mix(z): z = ((z ^ z >> 30) * 0xbf58476d1ce4e5b9) & M; z = ((z ^ z >> 27) * 0x94d049bb133111eb) & M; return z ^ z >> 31
    //   x = mix(mix((42 + G) & M) ^ 7); s = [mix(x := (x + G) & M) for _ in range(4)]
    //   then xoshiro256** steps: r = rotl(s1 * 5, 7) * 9; t = s1 << 17; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)
    Rng r(42, 7);
    CHECK(r.next_u64() == 17190828867733075631ULL);
    CHECK(r.next_u64() == 16334900773410409268ULL);
    CHECK(r.next_u64() == 145951546422690444ULL);
}

TEST_CASE("the same (seed, stream) repeats, other streams and seeds differ") {
    Rng a(7, 3), b(7, 3);
    int differ = 0;
    for (int i = 0; i < 1000; ++i) differ += a.next_u64() != b.next_u64() ? 1 : 0;
    CHECK(differ == 0);

    // the first output of 10,000 neighbouring streams, and of 1,000 neighbouring seeds: all distinct
    std::set<std::uint64_t> firsts;
    for (std::uint64_t stream = 0; stream < 10000; ++stream) firsts.insert(Rng(7, stream).next_u64());
    CHECK(firsts.size() == 10000);
    std::set<std::uint64_t> by_seed;
    for (std::uint64_t seed = 0; seed < 1000; ++seed) by_seed.insert(Rng(seed, 0).next_u64());
    CHECK(by_seed.size() == 1000);

    // neighbouring streams are not shifted copies of each other
    Rng s0(7, 0), s1(7, 1);
    std::vector<std::uint64_t> x0, x1;
    for (int i = 0; i < 64; ++i) { x0.push_back(s0.next_u64()); x1.push_back(s1.next_u64()); }
    for (std::size_t shift = 0; shift < 8; ++shift) CHECK(x0[shift + 1] != x1[0]);
    CHECK(Rng(7, 0).state() != Rng(7, 1).state());
    CHECK(Rng(0, 1).state() != Rng(1, 0).state());
}

TEST_CASE("multiply_wide: the exact 128-bit product") {
    // (2^64 - 1)^2 = 2^128 - 2^65 + 1: high word 2^64 - 2, low word 1
    const auto a = detail::multiply_wide(~0ULL, ~0ULL);
    CHECK(a.high == 0xfffffffffffffffeULL);
    CHECK(a.low == 1);
    // 10^12 x 10^12 = 10^24 = 54210 x 2^64 + 2003764205206896640
    const auto b = detail::multiply_wide(1000000000000ULL, 1000000000000ULL);
    CHECK(b.high == 54210);
    CHECK(b.low == 2003764205206896640ULL);
    const auto c = detail::multiply_wide(0x100000000ULL, 0x100000000ULL);  // 2^64
    CHECK(c.high == 1);
    CHECK(c.low == 0);
}

TEST_CASE("uniform01 is the top 53 bits over 2^53, uniform_open01 is (2k + 1) / 2^53") {
    Rng r(1, 2), raw(1, 2);
    double sum = 0;
    int bad = 0;
    for (int i = 0; i < 100000; ++i) {
        const std::uint64_t bits = raw.next_u64();
        const double u = r.uniform01();
        if (u != static_cast<double>(bits >> 11) / 9007199254740992.0 || !(u >= 0.0 && u < 1.0)) ++bad;  // exact: k < 2^53
        sum += u;
    }
    CHECK(bad == 0);
    // mean 1/2, standard error sqrt(1/12 / 100000) = 0.00091: within 4 standard errors
    CHECK(std::fabs(sum / 100000 - 0.5) < 4 * 0.00091);

    Rng o(1, 2), raw2(1, 2);
    int bad_open = 0;
    for (int i = 0; i < 100000; ++i) {
        const std::uint64_t k = raw2.next_u64() >> 12;
        const double u = o.uniform_open01();
        if (u != static_cast<double>(2 * k + 1) / 9007199254740992.0 || !(u > 0.0 && u < 1.0)) ++bad_open;
    }
    CHECK(bad_open == 0);
    // the extremes k = 0 and k = 2^52 - 1 give 2^-53 and 1 - 2^-53, both exact
    CHECK(static_cast<double>(1) / 9007199254740992.0 == std::ldexp(1.0, -53));
    CHECK(static_cast<double>(2 * ((1ULL << 52) - 1) + 1) / 9007199254740992.0 == 1.0 - std::ldexp(1.0, -53));
}

TEST_CASE("below n covers 0 to n - 1 without bias") {
    Rng r(2026, 0);
    // six faces, 60,000 draws: 10,000 expected each. Chi-square with 5 degrees of freedom is below
    // 20.52 with probability 0.999.
    std::array<int, 6> counts{};
    for (int i = 0; i < 60000; ++i) {
        const std::uint64_t face = r.below(6);
        REQUIRE(face < 6);  // (a failure stops here: counts[] must not be overrun)
        ++counts[face];
    }
    double chi2 = 0;
    for (const int c : counts) chi2 += (c - 10000.0) * (c - 10000.0) / 10000.0;
    CAPTURE(chi2);
    CHECK(chi2 < 20.52);

    // n = 3 x 2^62: taking next_u64() mod n would give the lowest third twice the draws of the others
    // (2^64 = n + 2^62); the rejection keeps the thirds equal: 1/3 each, standard error
    // sqrt(2/9 / 30000) = 0.0027.
    const std::uint64_t n = 3ULL << 62;
    std::array<int, 3> thirds{};
    for (int i = 0; i < 30000; ++i) {
        const std::uint64_t v = r.below(n);
        REQUIRE(v < n);
        ++thirds[v / (1ULL << 62)];
    }
    for (const int t : thirds) CHECK(std::fabs(t / 30000.0 - 1.0 / 3) < 4 * 0.0027);

    for (int i = 0; i < 100; ++i) CHECK(r.below(1) == 0);
    const error e = capture([&] { (void)r.below(0); });
    CHECK(e.code() == errc::out_of_range);
}

TEST_CASE("below(n) is Lemire's method: the high word of x n, redrawn only in the rejection zone") {
    // n = 6: the high word of x * 6 is floor(x * 6 / 2^64); the zone (low word < 2^64 mod 6 = 4)
    // is practically never hit, so each draw uses exactly one next_u64().
    Rng r(5, 5), raw(5, 5);
    int differ = 0;
    for (int i = 0; i < 1000; ++i) {
        const std::uint64_t x = raw.next_u64();
        const auto m = detail::multiply_wide(x, 6);
        REQUIRE(m.low >= 4);  // not in the rejection zone for this seed
        differ += r.below(6) != m.high ? 1 : 0;
    }
    CHECK(differ == 0);
}
