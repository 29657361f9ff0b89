// Parameter distributions: the deterministic log / exp / inverse normal CDF against known values,
// exact double <-> decimal conversions, sample moments against closed forms, golden samples
// computed independently (pinning bit-identity across platforms), exact means, labels, JSON
// round-trips and every parse error with its code and path.
#include <libtco/analysis/distribution.hpp>

#include "capture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

using namespace libtco;
using fixture::capture;

namespace {

Decimal dec(const char* text) { return Decimal::parse(text); }

Distribution parse(const std::string& text) { return read_distribution(detail::parse_exact(text), "/p"); }

error parse_error_of(const std::string& text) {
    return capture([&] { (void)parse(text); });
}

// n samples of d, sample i from Rng(seed, i) as a Monte Carlo run draws them.
std::vector<double> draws(const Distribution& d, int n, std::uint64_t seed = 1) {
    std::vector<double> out;
    out.reserve(static_cast<std::size_t>(n));
    int outside = 0;
    for (int i = 0; i < n; ++i) {
        Rng rng(seed, static_cast<std::uint64_t>(i));
        const Decimal x = sample(d, rng);
        if (x < d.low() || x > d.high()) ++outside;
        out.push_back(x.raw().convert_to<double>() / 1e12);  // close enough for moments, and cheap
    }
    CHECK(outside == 0);
    return out;
}

struct Moments {
    double mean;
    double variance;
};
Moments moments(const std::vector<double>& xs) {
    double sum = 0;
    for (const double x : xs) sum += x;
    const double mean = sum / static_cast<double>(xs.size());
    double squares = 0;
    for (const double x : xs) squares += (x - mean) * (x - mean);
    return {mean, squares / static_cast<double>(xs.size() - 1)};
}

// Sample mean within 4 standard errors of mean, sample variance within 4 standard errors of
// variance (the variance's standard error is at most variance x sqrt(2 / n) for these
// distributions, whose kurtosis is at most 3).
void check_moments(const std::vector<double>& xs, double mean, double variance) {
    const Moments m = moments(xs);
    const double n = static_cast<double>(xs.size());
    INFO("expected mean " << mean << ", calculated " << m.mean << "; expected variance " << variance << ", calculated " << m.variance);
    CHECK(std::fabs(m.mean - mean) < 4 * std::sqrt(variance / n));
    CHECK(std::fabs(m.variance - variance) < 4 * variance * std::sqrt(2 / n));
}

std::vector<std::string> first_five(const Distribution& d) {
    Rng rng(42, 7);
    std::vector<std::string> out;
    for (int i = 0; i < 5; ++i) out.push_back(sample(d, rng).to_string());
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
TEST_CASE("log_of against known values") {
    // ln 2 = 0.693147180559945309417..., ln 10 = 2.302585092994045684017...
    CHECK(std::fabs(detail::log_of(2) - 0.693147180559945309417) < 2e-16);
    CHECK(std::fabs(detail::log_of(10) - 2.302585092994045684017) < 5e-16);
    CHECK(detail::log_of(1) == 0);
    CHECK(std::fabs(detail::log_of(0.5) + 0.693147180559945309417) < 2e-16);
    // ln(1e-300) = -300 ln 10 = -690.7755278982137052...
    CHECK(std::fabs(detail::log_of(1e-300) + 690.7755278982137052) < 2e-13);
    // 2^-53, the least p the normal transform sees: -53 ln 2 = -36.7368005696771013...
    CHECK(std::fabs(detail::log_of(std::ldexp(1.0, -53)) + 36.7368005696771013) < 2e-14);
    // within 2 ulp of the (correctly rounded) C library over a sweep, as a sanity check
    Rng r(3, 3);
    int far = 0;
    for (int i = 0; i < 100000; ++i) {
        const double x = std::ldexp(0.5 + r.uniform01(), static_cast<int>(r.below(120)) - 60);
        const double ref = std::log(x);
        if (std::fabs(detail::log_of(x) - ref) > 2 * std::fabs(std::nextafter(ref, 0.0) - ref)) ++far;
    }
    CHECK(far == 0);
}

TEST_CASE("exp_of and the standard normal CDF against known values") {
    CHECK(std::fabs(detail::exp_of(1) - 2.7182818284590452354) < 1e-15);
    CHECK(std::fabs(detail::exp_of(-20) / 2.061153622438557828e-9 - 1) < 1e-15);
    CHECK(std::fabs(detail::exp_of(-40.5) / 2.5767571091549809481e-18 - 1) < 1e-14);
    CHECK(detail::exp_of(0) == 1);
    // Phi(1.96) = 0.97500210485177956, Phi(-1) = 0.15865525393145705, Phi(3) = 0.99865010196836991
    CHECK(std::fabs(0.5 + detail::normal_cdf_minus_half(1.96) - 0.97500210485177956) < 1e-15);
    CHECK(std::fabs(0.5 + detail::normal_cdf_minus_half(-1) - 0.15865525393145705) < 1e-15);
    CHECK(std::fabs(0.5 + detail::normal_cdf_minus_half(3) - 0.99865010196836991) < 1e-15);
    CHECK(detail::normal_cdf_minus_half(0) == 0);
    CHECK(0.5 + detail::normal_cdf_minus_half(40) == 1);
}

TEST_CASE("the inverse normal CDF (AS241) against known quantiles") {
    // Phi^-1(0.975) = 1.95996398454005424, Phi^-1(0.001) = -3.09023230616781354,
    // Phi^-1(1e-10) = -6.36134090240405620, Phi^-1(2^-53) = -8.20953615160138686 (the r > 5 branch)
    CHECK(std::fabs(detail::inverse_normal_cdf(0.975) - 1.959963985) < 1e-8);
    CHECK(std::fabs(detail::inverse_normal_cdf(0.975) - 1.95996398454005424) < 1e-15);
    CHECK(detail::inverse_normal_cdf(0.5) == 0);
    CHECK(std::fabs(detail::inverse_normal_cdf(0.001) - -3.090232306) < 1e-8);
    CHECK(std::fabs(detail::inverse_normal_cdf(0.001) - -3.09023230616781354) < 1e-14);
    CHECK(std::fabs(detail::inverse_normal_cdf(1e-10) - -6.36134090240405620) < 1e-13);
    CHECK(std::fabs(detail::inverse_normal_cdf(std::ldexp(1.0, -53)) - -8.20953615160138686) < 1e-13);
    CHECK(std::fabs(detail::inverse_normal_cdf(0.3) - -0.52440051270804078) < 1e-15);
    // exactly antisymmetric on the values uniform_open01 gives: 1 - p and p - 1/2 are exact
    Rng r(9, 9);
    int asymmetric = 0;
    for (int i = 0; i < 10000; ++i) {
        const double p = r.uniform_open01();
        if (detail::inverse_normal_cdf(1 - p) != -detail::inverse_normal_cdf(p)) ++asymmetric;
    }
    CHECK(asymmetric == 0);
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("decimal_from_double rounds the exact binary value half-even to 12 places") {
    using detail::decimal_from_double;
    // 0.1 is 0.1000000000000000055511...: 0.100000000000
    CHECK(decimal_from_double(0.1) == dec("0.1"));
    CHECK(decimal_from_double(-0.1) == dec("-0.1"));
    // 2.5e-13 is 2.4999999999999999497e-13: a quarter of a unit, 0
    CHECK(decimal_from_double(2.5e-13).is_zero());
    // 1.5e-12 is 1.50000000000000007080e-12: above the half, 2 units
    CHECK(decimal_from_double(1.5e-12) == dec("0.000000000002"));
    CHECK(decimal_from_double(-1.5e-12) == dec("-0.000000000002"));
    // exact ties: 1/2^13 = 0.0001220703125 (to the even 2), 3/2^13 = 0.0003662109375 (7 is odd: up)
    CHECK(decimal_from_double(1.0 / 8192) == dec("0.000122070312"));
    CHECK(decimal_from_double(3.0 / 8192) == dec("0.000366210938"));
    CHECK(decimal_from_double(-1.0 / 8192) == dec("-0.000122070312"));
    CHECK(decimal_from_double(-3.0 / 8192) == dec("-0.000366210938"));
    // 123456.789 is 123456.789000000004307...: 123456.789000000004
    CHECK(decimal_from_double(123456.789) == dec("123456.789000000004"));
    // large: 1e20 and 2^80 are exact, 2^87 = 1.5e26 still fits, 2^88 does not
    CHECK(decimal_from_double(1e20) == dec("100000000000000000000"));
    CHECK(decimal_from_double(std::ldexp(1.0, 80)) == dec("1208925819614629174706176"));
    CHECK(decimal_from_double(-std::ldexp(1.0, 87)) == dec("-154742504910672534362390528"));
    CHECK(capture([] { (void)decimal_from_double(std::ldexp(1.0, 88)); }).code() == errc::overflow);
    CHECK(capture([] { (void)decimal_from_double(HUGE_VAL); }).code() == errc::overflow);
    CHECK(capture([] { (void)decimal_from_double(std::nan("")); }).code() == errc::overflow);
    // tiny and subnormal: 0
    CHECK(decimal_from_double(4.9e-324).is_zero());
    CHECK(decimal_from_double(1e-200).is_zero());
    CHECK(decimal_from_double(0.0).is_zero());
    CHECK(decimal_from_double(-0.0).is_zero());
    // whole numbers and binary fractions are exact
    CHECK(decimal_from_double(0.375) == dec("0.375"));
    CHECK(decimal_from_double(9007199254740991.0) == dec("9007199254740991"));
}

TEST_CASE("double_from_decimal is the correctly rounded double, as strtod gives") {
    using detail::double_from_decimal;
    CHECK(double_from_decimal(dec("0.1")) == 0.1);
    CHECK(double_from_decimal(dec("-0.000000000001")) == -1e-12);
    CHECK(double_from_decimal(Decimal{}) == 0.0);
    // halfway between two doubles: 2^53 + 1 ties to the even 2^53, 2^53 + 3 to 2^53 + 4
    CHECK(double_from_decimal(dec("9007199254740993")) == 9007199254740992.0);
    CHECK(double_from_decimal(dec("9007199254740995")) == 9007199254740996.0);
    // just above the half: up
    CHECK(double_from_decimal(dec("9007199254740993.000000000001")) == 9007199254740994.0);
    // random decimals of every size against the C library's correctly rounding strtod
    Rng r(11, 0);
    for (int i = 0; i < 20000; ++i) {
        const int digits = 1 + static_cast<int>(r.below(38));
        Decimal::raw_type raw = 0;
        for (int k = 0; k < digits; ++k) raw = raw * 10 + static_cast<int>(r.below(10));
        if (r.below(2) == 1) raw = -raw;
        const Decimal d = Decimal::from_raw(raw);
        const std::string text = d.to_string();
        if (double_from_decimal(d) != std::strtod(text.c_str(), nullptr)) {
            CAPTURE(text);
            FAIL_CHECK("double_from_decimal differs from strtod");
        }
    }
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("uniform: mean (l + h) / 2, variance (h - l)^2 / 12") {
    const Distribution d(Distribution::Uniform{dec("2"), dec("5")});
    // mean 3.5, variance 9 / 12 = 0.75
    check_moments(draws(d, 200000), 3.5, 0.75);
    CHECK(mean_of(d) == dec("3.5"));
}

TEST_CASE("triangular: mean (l + m + h) / 3, variance (l^2 + m^2 + h^2 - lm - lh - mh) / 18") {
    const Distribution d(Distribution::Triangular{dec("1"), dec("2"), dec("6")});
    // mean 9 / 3 = 3; variance (1 + 4 + 36 - 2 - 6 - 12) / 18 = 21 / 18 = 1.1666...
    check_moments(draws(d, 200000), 3.0, 21.0 / 18);
    CHECK(mean_of(d) == dec("3"));
    // the mode at an end: (0, 0, 1) has mean 1/3 and variance (1 - 0) / 18 = 0.0555...
    const Distribution left(Distribution::Triangular{dec("0"), dec("0"), dec("1")});
    check_moments(draws(left, 200000), 1.0 / 3, 1.0 / 18);
    CHECK(mean_of(left) == dec("0.333333333333"));
    const Distribution right(Distribution::Triangular{dec("0"), dec("1"), dec("1")});
    check_moments(draws(right, 200000), 2.0 / 3, 1.0 / 18);
    CHECK(mean_of(right) == dec("0.666666666667"));
}

TEST_CASE("truncated normal: the textbook truncated mean and variance") {
    // mean 10, sd 2 truncated to [9, 14]: a = (9 - 10) / 2 = -0.5, b = (14 - 10) / 2 = 2.
    // phi(-0.5) = 0.3520653267642995, phi(2) = 0.0539909665131881,
    // Phi(2) = 0.9772498680518208, Phi(-0.5) = 0.3085375387259869, Z = Phi(b) - Phi(a) = 0.6687123293258339.
    // mean = 10 + 2 (phi(a) - phi(b)) / Z = 10 + 2 x 0.29807436025111144 / 0.6687123293258339
    //      = 10 + 2 x 0.4457437782725149 = 10.8914875565450297 (mpmath: 10.891487556545029675)
    // variance = 4 (1 + (a phi(a) - b phi(b)) / Z - ((phi(a) - phi(b)) / Z)^2)
    //          = 4 (1 + (-0.17603266338 - 0.10798193303) / 0.66871232933 - 0.19868751) = 1.5063753445
    const Distribution d(Distribution::Normal{dec("10"), dec("2"), dec("9"), dec("14")});
    check_moments(draws(d, 200000), 10.891487556545030, 1.5063753445473431);
    CHECK(mean_of(d) == dec("10.891487556545"));

    // symmetric truncation keeps the mean
    const Distribution sym(Distribution::Normal{dec("0.15"), dec("0.02"), dec("0.1"), dec("0.2")});
    CHECK(mean_of(sym) == dec("0.15"));
    // truncated at the mean: mean + sd sqrt(2 / pi) = 0.7978845608028654 for the standard normal on [0, 10]
    const Distribution half(Distribution::Normal{dec("0"), dec("1"), dec("0"), dec("10")});
    CHECK(mean_of(half) == dec("0.797884560803"));
    // the worst case validation allows, mean at an end and high - low = sd / 2 (19% acceptance)
    const Distribution narrow(Distribution::Normal{dec("0"), dec("2"), dec("0"), dec("1")});
    for (const double x : draws(narrow, 2000)) CHECK((x >= 0 && x <= 1));
}

TEST_CASE("choice: frequencies proportional to the weights, compared exactly") {
    const Distribution d(Distribution::Choice{{dec("1"), dec("2"), dec("3"), dec("4")}, {dec("1"), dec("2"), dec("7"), dec("0")}});
    std::map<std::string, int> counts;
    for (int i = 0; i < 100000; ++i) {
        Rng rng(5, static_cast<std::uint64_t>(i));
        ++counts[sample(d, rng).to_string()];
    }
    CHECK(counts.count("4") == 0);  // weight 0: never
    // 0.1, 0.2, 0.7 of 100,000; chi-square with 2 degrees of freedom below 13.8 with probability 0.999
    const double chi2 = (counts["1"] - 10000.0) * (counts["1"] - 10000.0) / 10000 +
                        (counts["2"] - 20000.0) * (counts["2"] - 20000.0) / 20000 +
                        (counts["3"] - 70000.0) * (counts["3"] - 70000.0) / 70000;
    CAPTURE(chi2);
    CHECK(chi2 < 13.8);
    // (1 x 1 + 2 x 2 + 3 x 7 + 4 x 0) / 10 = 26 / 10
    CHECK(mean_of(d) == dec("2.6"));
    CHECK(d.low() == dec("1"));
    CHECK(d.high() == dec("4"));

    // equal weights: 1/3 each; mean of (0, 0, 1) is 1/3, rounded half-even to 12 places
    const Distribution equal(Distribution::Choice{{dec("0"), dec("0"), dec("1")}, {}});
    int ones = 0;
    for (int i = 0; i < 30000; ++i) {
        Rng rng(6, static_cast<std::uint64_t>(i));
        ones += sample(equal, rng) == dec("1") ? 1 : 0;
    }
    CHECK(std::fabs(ones / 30000.0 - 1.0 / 3) < 4 * 0.0027);  // standard error sqrt(2/9 / 30000)
    CHECK(mean_of(equal) == dec("0.333333333333"));

    // weights summing beyond 2^64 units of 10^-12 (4e32 units here): the same exact comparison on
    // 128 bits; 1/4 and 3/4, standard error sqrt(3/16 / 40000) = 0.0022
    const Distribution wide(Distribution::Choice{{dec("10"), dec("20")}, {dec("100000000000000000000"), dec("300000000000000000000")}});
    int tens = 0;
    for (int i = 0; i < 40000; ++i) {
        Rng rng(7, static_cast<std::uint64_t>(i));
        tens += sample(wide, rng) == dec("10") ? 1 : 0;
    }
    CHECK(std::fabs(tens / 40000.0 - 0.25) < 4 * 0.0022);
    CHECK(mean_of(wide) == dec("17.5"));
    // the smallest weight still counts: one unit in 10^12 + 1
    const Distribution tiny(Distribution::Choice{{dec("1"), dec("2")}, {dec("0.000000000001"), dec("1")}});
    CHECK(mean_of(tiny) == dec("1.999999999999"));  // (1e-12 x 1 + 1 x 2) / (1 + 1e-12) = 1.999999999999000...
}

TEST_CASE("fixed: the value, drawing nothing") {
    const Distribution d(Distribution::Fixed{dec("0.15")});
    Rng rng(1, 1), untouched(1, 1);
    CHECK(sample(d, rng) == dec("0.15"));
    CHECK(rng.next_u64() == untouched.next_u64());
    CHECK(mean_of(d) == dec("0.15"));
    CHECK(mean_of(Distribution{}) == Decimal{});
}

TEST_CASE("samples never leave [low, high], even when the range is one unit wide") {
    const Distribution u(Distribution::Uniform{dec("0.1"), dec("0.100000000001")});
    const Distribution t(Distribution::Triangular{dec("0.1"), dec("0.1"), dec("0.100000000001")});
    const Distribution point(Distribution::Uniform{dec("7"), dec("7")});
    const Distribution flat(Distribution::Triangular{dec("7"), dec("7"), dec("7")});
    const Decimal lo = dec("0.1"), hi = dec("0.100000000001"), seven = dec("7");
    int bad = 0;
    for (int i = 0; i < 5000; ++i) {
        Rng rng(8, static_cast<std::uint64_t>(i));
        const Decimal a = sample(u, rng), b = sample(t, rng);
        if (!(a == lo || a == hi) || !(b == lo || b == hi) || sample(point, rng) != seven || sample(flat, rng) != seven) ++bad;
    }
    CHECK(bad == 0);
}

// ---------------------------------------------------------------------------------------------
// Golden samples: the first 5 of each distribution for Rng(42, 7), computed once by an independent
// Python re-implementation (Python floats are IEEE binary64 with one rounding per operation and never
// fused; Decimal(x) is a float's exact binary value):
//
//   M = 2**64 - 1; G = 0x9e3779b97f4a7c15
//   def mix(z): z = ((z ^ z >> 30) * 0xbf58476d1ce4e5b9) & M; z = ((z ^ z >> 27) * 0x94d049bb133111eb) & M; return z ^ z >> 31
//   rng(seed, stream): x = mix(mix((seed + G) & M) ^ stream); s = four times (x = (x + G) & M; mix(x))
//   next: r = rotl(s1 * 5 & M, 7) * 9 & M; t = s1 << 17 & M; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)
//   uniform01 = (next >> 11) * 2.0**-53;  open01 = ((next >> 12) << 1 | 1) * 2.0**-53
//   below(n): m = next * n; if m & M < n: t = (2**64 - n) % n; while m & M < t: m = next * n; return m >> 64
//   log(x): m, e = math.frexp(x); if m < sqrt(0.5): m *= 2; e -= 1
//           f = m - 1; s = f / (2 + f); z = s * s; t = 2 * s; P = horner([1/3, 1/5, ..., 1/23], z)
//           return e * LN2_HI + ((t + t * (z * P)) + e * LN2_LO)      (LN2_HI = 0x1.62e42fee00000p-1, LN2_LO = 0x1.a39ef35793c76p-33)
//   ppnd16(p): AS241 with the published coefficients, Horner v = v * r + c, and log above for the tails
//   to_decimal(x) = Decimal(x).quantize(Decimal('1e-12'), ROUND_HALF_EVEN), clamped into [low, high]
//   l, m, h = float(Decimal(text)) ...   (correctly rounded)
//   uniform:    l + (h - l) * uniform01
//   triangular: w = h - l; u = uniform01; l + sqrt(u * (w * (m - l))) if u < (m - l) / w else h - sqrt((1 - u) * (w * (h - m)))
//   normal:     repeat x = mean + sd * ppnd16(open01) until low <= x <= high
//   choice:     cum = running sums of int(w * 10**12); values[bisect_right(cum, below(cum[-1]))]; without weights values[below(n)]
//
// Python's statistics.NormalDist().inv_cdf (AS241 with the C library's log) gives the same z for
// these p. The same figures come out of a build with -march=native -ffp-contract=fast (FMA).
TEST_CASE("golden samples: the same bits on every compiler and machine") {
    CHECK(first_five(parse(R"({"distribution": "uniform", "low": "0.10", "high": "0.20"})")) ==
          std::vector<std::string>{"0.193191670026", "0.188551674529", "0.100791204919", "0.197350806559", "0.147546964905"});
    CHECK(first_five(parse(R"({"distribution": "triangular", "low": 0.1, "mode": 0.15, "high": 0.2})")) ==
          std::vector<std::string>{"0.181549620635", "0.176074777461", "0.106289693627", "0.188490887435", "0.148758058259"});
    CHECK(first_five(parse(R"({"distribution": "normal", "mean": "0.15", "sd": "0.02", "low": "0.10", "high": "0.20"})")) ==
          std::vector<std::string>{"0.179804384769", "0.174060507076", "0.101741049841", "0.188701047513", "0.148769454622"});
    // mostly rejected draws (mean 100, sd 30 on [90, 250])
    CHECK(first_five(parse(R"({"distribution": "normal", "mean": 100, "sd": 30, "low": 90, "high": 250})")) ==
          std::vector<std::string>{"144.706577153618", "136.090760614585", "158.051571269444", "98.154181932801", "106.870563372112"});
    CHECK(first_five(parse(R"({"distribution": "choice", "values": ["0.1", "0.2", "0.3"], "weights": ["1", "2.5", "0.000000000001"]})")) ==
          std::vector<std::string>{"0.2", "0.2", "0.1", "0.2", "0.2"});
    CHECK(first_five(parse(R"({"distribution": "choice", "values": [1, 2, 3, 4, 5, 6, 7]})")) ==
          std::vector<std::string>{"7", "7", "1", "7", "4"});
    CHECK(first_five(parse(R"({"distribution": "fixed", "value": "0.15"})")) ==
          std::vector<std::string>{"0.15", "0.15", "0.15", "0.15", "0.15"});
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("exact means and labels") {
    CHECK(mean_of(Distribution(Distribution::Uniform{dec("0.10"), dec("0.20")})) == dec("0.15"));
    CHECK(mean_of(Distribution(Distribution::Triangular{dec("0.10"), dec("0.15"), dec("0.20")})) == dec("0.15"));
    // (0 + 1e-12) / 2 = 0.5e-12: a tie, to the even 0
    CHECK(mean_of(Distribution(Distribution::Uniform{dec("0"), dec("0.000000000001")})).is_zero());
    // (0 + 3e-12) / 2 = 1.5e-12: a tie, to the even 2e-12
    CHECK(mean_of(Distribution(Distribution::Uniform{dec("0"), dec("0.000000000003")})) == dec("0.000000000002"));

    CHECK(describe(parse(R"({"distribution": "triangular", "low": "0.10", "mode": "0.15", "high": "0.20"})")) == "triangular(0.1, 0.15, 0.2)");
    CHECK(describe(parse(R"({"distribution": "uniform", "low": 1, "high": 2.5})")) == "uniform(1, 2.5)");
    CHECK(describe(parse(R"({"distribution": "normal", "mean": 0.15, "sd": 0.02, "low": 0.1, "high": 0.2})")) ==
          "normal(mean 0.15, sd 0.02, [0.1, 0.2])");
    CHECK(describe(parse(R"({"distribution": "choice", "values": [1, 2]})")) == "choice(1, 2)");
    CHECK(describe(parse(R"({"distribution": "choice", "values": [1, 2], "weights": [3, 1]})")) == "choice(1: 3, 2: 1)");
    CHECK(describe(parse(R"({"distribution": "fixed", "value": "-0.50"})")) == "fixed(-0.5)");
    CHECK(parse(R"({"distribution": "fixed", "value": 1})").kind() == "fixed");
    CHECK(parse(R"({"distribution": "normal", "mean": 0, "sd": 1, "low": -1, "high": 1})").kind() == "normal");
}

TEST_CASE("JSON: decimals written as strings, read back exactly") {
    const char* texts[] = {
        R"({"distribution": "fixed", "value": "0.15"})",
        R"({"distribution": "uniform", "low": "0.10", "high": "0.20"})",
        R"({"distribution": "triangular", "low": 0.1, "mode": 0.15, "high": 0.2})",
        R"({"distribution": "normal", "mean": "0.15", "sd": "0.02", "low": "0.1", "high": "0.2"})",
        R"({"distribution": "choice", "values": ["0.1", 0.2, 3], "weights": [1, "2.5", 0]})",
        R"({"distribution": "choice", "values": ["123456789012345.123456789012"]})",
    };
    for (const char* text : texts) {
        CAPTURE(text);
        const Distribution d = parse(text);
        const std::string dumped = to_json(d).dump();
        CHECK(parse(dumped) == d);
        CHECK(to_json(parse(dumped)).dump() == dumped);
    }
    CHECK(to_json(parse(texts[1])).dump() == R"({"distribution":"uniform","low":"0.1","high":"0.2"})");
    CHECK(to_json(parse(texts[3])).dump() == R"({"distribution":"normal","mean":"0.15","sd":"0.02","low":"0.1","high":"0.2"})");
    CHECK(to_json(parse(texts[4])).dump() == R"({"distribution":"choice","values":["0.1","0.2","3"],"weights":["1","2.5","0"]})");
    CHECK(to_json(parse(texts[5])).dump() == R"({"distribution":"choice","values":["123456789012345.123456789012"]})");
    CHECK(to_json(Distribution{}).dump() == R"({"distribution":"fixed","value":"0"})");
    CHECK(parse(texts[4]) != parse(R"({"distribution": "choice", "values": ["0.1", 0.2, 3]})"));
}

TEST_CASE("every parse error: its code and the path of the bad value") {
    struct Case {
        const char* text;
        errc code;
        const char* path;
    };
    const Case cases[] = {
        {R"([1, 2])", errc::wrong_type, "/p"},
        {R"({"low": 1, "high": 2})", errc::missing_key, "/p/distribution"},
        {R"({"distribution": "lognormal", "low": 1, "high": 2})", errc::bad_format, "/p/distribution"},
        {R"({"distribution": 3})", errc::wrong_type, "/p/distribution"},
        {R"({"distribution": "uniform", "low": 1, "high": 2, "mode": 1.5})", errc::unknown_key, "/p/mode"},
        {R"({"distribution": "uniform", "low": 1, "hihg": 2})", errc::unknown_key, "/p/hihg"},
        {R"({"distribution": "uniform", "low": 1})", errc::missing_key, "/p/high"},
        {R"({"distribution": "uniform", "low": 2, "high": 1})", errc::inconsistent, "/p/high"},
        {R"({"distribution": "uniform", "low": "abc", "high": 1})", errc::bad_format, "/p/low"},
        {R"({"distribution": "uniform", "low": "0.0000000000001", "high": 1})", errc::too_precise, "/p/low"},
        {R"({"distribution": "uniform", "low": null, "high": 1})", errc::wrong_type, "/p/low"},
        {R"({"distribution": "triangular", "low": 1, "high": 2})", errc::missing_key, "/p/mode"},
        {R"({"distribution": "triangular", "low": 1, "mode": 3, "high": 2})", errc::out_of_range, "/p/mode"},
        {R"({"distribution": "triangular", "low": 1, "mode": 0.5, "high": 2})", errc::out_of_range, "/p/mode"},
        {R"({"distribution": "triangular", "low": 3, "mode": 2, "high": 1})", errc::inconsistent, "/p/high"},
        {R"({"distribution": "normal", "mean": 1, "sd": 0, "low": 0, "high": 2})", errc::out_of_range, "/p/sd"},
        {R"({"distribution": "normal", "mean": 1, "sd": -1, "low": 0, "high": 2})", errc::out_of_range, "/p/sd"},
        {R"({"distribution": "normal", "mean": 1, "sd": 1})", errc::missing_key, "/p/low"},
        {R"({"distribution": "normal", "mean": 3, "sd": 1, "low": 0, "high": 2})", errc::out_of_range, "/p/mean"},
        {R"({"distribution": "normal", "mean": 1, "sd": 1, "low": 2, "high": 0})", errc::inconsistent, "/p/high"},
        // sd at most 2 x (high - low) = 1
        {R"({"distribution": "normal", "mean": 1, "sd": "1.000000000001", "low": 1, "high": 1.5})", errc::out_of_range, "/p/sd"},
        {R"({"distribution": "choice", "values": []})", errc::out_of_range, "/p/values"},
        {R"({"distribution": "choice", "values": 1})", errc::wrong_type, "/p/values"},
        {R"({"distribution": "choice", "values": [1, true]})", errc::wrong_type, "/p/values/1"},
        {R"({"distribution": "choice", "values": [1, 2], "weights": [1]})", errc::inconsistent, "/p/weights"},
        {R"({"distribution": "choice", "values": [1, 2], "weights": [1, 2, 3]})", errc::inconsistent, "/p/weights"},
        {R"({"distribution": "choice", "values": [1, 2], "weights": [1, -1]})", errc::out_of_range, "/p/weights/1"},
        {R"({"distribution": "choice", "values": [1, 2], "weights": [0, "0.0"]})", errc::out_of_range, "/p/weights"},
        {R"({"distribution": "choice", "values": [1, 2], "weights": {"a": 1}})", errc::wrong_type, "/p/weights"},
        {R"({"distribution": "choice", "values": [1, 2], "wieghts": [1, 1]})", errc::unknown_key, "/p/wieghts"},
        {R"({"distribution": "fixed"})", errc::missing_key, "/p/value"},
        {R"({"distribution": "fixed", "value": 1, "low": 1})", errc::unknown_key, "/p/low"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const error e = parse_error_of(c.text);
        CHECK(e.code() == c.code);
        CHECK(e.path() == c.path);
        CHECK_THROWS_AS((void)parse(c.text), validation_error);
        CHECK(e.code_name().rfind("libtco.validation.", 0) == 0);
    }
    // the boundary of the sd rule is allowed: sd = 2 x (high - low)
    CHECK_NOTHROW(parse(R"({"distribution": "normal", "mean": 1, "sd": 1, "low": 1, "high": 1.5})"));
    // messages name the offending value
    CHECK(parse_error_of(R"({"distribution": "triangular", "low": 1, "mode": 3, "high": 2})").detail() == "must be in [low, high] = [1, 2], got 3");
    CHECK(parse_error_of(R"({"distribution": "uniform", "low": 2, "high": 1})").detail() == "must be >= low 2, got 1");
}

TEST_CASE("built in code, a distribution is validated the same way") {
    const error e = capture([] { (void)Distribution(Distribution::Uniform{dec("2"), dec("1")}); });
    CHECK(e.code() == errc::inconsistent);
    CHECK(e.path() == "/high");
    const error w = capture([] { (void)Distribution(Distribution::Choice{{dec("1")}, {dec("1"), dec("1")}}, "/workloads/0/gpu"); });
    CHECK(w.code() == errc::inconsistent);
    CHECK(w.path() == "/workloads/0/gpu/weights");
    CHECK_THROWS_AS((void)Distribution(Distribution::Choice{}), validation_error);
}
