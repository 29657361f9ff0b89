#pragma once
// Parameter distributions for Monte Carlo: fixed, uniform, triangular, truncated normal and a
// weighted choice, read from and written to JSON, sampled to exact decimals.
//
//   {"distribution": "fixed", "value": "0.15"}
//   {"distribution": "uniform", "low": "0.10", "high": "0.20"}
//   {"distribution": "triangular", "low": "0.10", "mode": "0.15", "high": "0.20"}
//   {"distribution": "normal", "mean": "0.15", "sd": "0.02", "low": "0.10", "high": "0.20"}
//   {"distribution": "choice", "values": ["0.1", "0.2"], "weights": ["1", "3"]}
//
// Numbers may be JSON numbers or decimal strings; they are read from their text, exactly. The
// normal is always truncated to [low, high]; a choice without weights weighs its values equally.
//
// Bit-identical samples. sample() gives the same Decimal for the same (distribution, Rng) on every
// compiler, standard library and machine with IEEE-754 doubles:
//  - the parameters become doubles by exact, correctly rounded conversion (double_from_decimal);
//  - transforms use only + - * / and std::sqrt, which IEEE-754 rounds correctly; no libm function
//    (log, exp, erf, cos) whose last bits differ between platforms. The logarithm the inverse
//    normal CDF needs is computed here from frexp (exact) and a series;
//  - every product that feeds an addition goes through rounded_product(), so the compiler cannot
//    fuse it into a fused multiply-add (GCC does so by default on targets with FMA, e.g. aarch64
//    or x86-64 with -march=haswell, and an FMA rounds once where a * b + c rounds twice);
//  - constants are hexadecimal literals (exact), with the published decimal beside them;
//  - the double result becomes a Decimal by rounding its exact binary value half-even to 12
//    places in integer arithmetic (decimal_from_double), then is clamped into [low, high].
// Compiling with -ffast-math (or anything that breaks IEEE semantics) voids this and is refused.
//
// Transforms, with u from Rng::uniform01() in [0, 1) unless said otherwise:
//   uniform      low + (high - low) u
//   triangular   inverse CDF: u < (m - l) / (h - l) ? l + sqrt(u (h - l)(m - l)) : h - sqrt((1 - u)(h - l)(h - m))
//   normal       z = Phi^-1(p), p from Rng::uniform_open01() in (0, 1), by Wichura's AS241 (PPND16,
//                Applied Statistics 37(3), 1988, accurate to about 1e-16); x = mean + sd z, redrawn
//                while outside [low, high]. Validation keeps the acceptance at least 19% (mean in
//                [low, high] and high - low >= sd / 2: P(0 <= Z <= 1/2) = 0.1915).
//   choice       an integer below the weight sum in 10^-12 units, Rng::below(), against the
//                cumulative weights, exactly; without weights, Rng::below(count).
//   fixed        the value, drawing nothing.
//
// Cost per sample, measured with a throwaway timing loop over 10^6 samples (GCC 12, -O2, x86-64;
// each sample constructs its Rng(seed, i), ~8 ns, and is added to a Decimal sum, both included):
// fixed 15 ns, uniform 45 ns, triangular 55 ns, truncated normal 105 ns (350 ns at the worst
// acceptance validation allows, 19%), choice 28 ns weighted / 22 ns equal weights. Of this,
// decimal_from_double is ~29 ns and the inverse normal CDF ~40 ns.

#include <libtco/core/decimal.hpp>
#include <libtco/core/detail/json_reader.hpp>
#include <libtco/core/error.hpp>
#include <libtco/analysis/random.hpp>

#include <boost/multiprecision/cpp_int.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#if defined(__FAST_MATH__)
#error "libtco/analysis/distribution.hpp needs IEEE-754 semantics for bit-identical samples; do not compile it with -ffast-math"
#endif

namespace libtco {

static_assert(std::numeric_limits<double>::is_iec559 && std::numeric_limits<double>::digits == 53,
              "bit-identical sampling needs IEEE-754 binary64 doubles");
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD != 0
// e.g. 32-bit x86 with the x87 unit: intermediate results in 80 bits round differently
static_assert(FLT_EVAL_METHOD == 0, "bit-identical sampling needs doubles evaluated in double precision (FLT_EVAL_METHOD 0)");
#endif

namespace detail {

// ---------------------------------------------------------------------------------------------
// Floating point with one rounding per operation.

// a x b rounded to double on its own: the volatile store keeps the compiler from fusing the product
// with a following addition into a fused multiply-add.
inline double rounded_product(double a, double b) noexcept {
    volatile double p = a * b;
    return p;
}

// Horner's rule, highest coefficient last: c[0] + x (c[1] + x (c[2] + ...)), one rounding per step.
template <std::size_t N>
inline double horner(const std::array<double, N>& c, double x) noexcept {
    double v = c[N - 1];
    for (std::size_t i = N - 1; i-- > 0;) v = rounded_product(v, x) + c[i];
    return v;
}

inline constexpr double ln2_hi = 0x1.62e42fee00000p-1;   // 6.93147180369123816490e-01, low 21 bits zero (fdlibm)
inline constexpr double ln2_lo = 0x1.a39ef35793c76p-33;  // 1.90821492927058770002e-10, ln 2 - ln2_hi
inline constexpr double sqrt_half = 0x1.6a09e667f3bcdp-1;  // 0.7071067811865476

// 1/3, 1/5, ..., 1/23: the series of atanh(s) / s - 1 in s^2.
inline constexpr std::array<double, 11> log_series = {1.0 / 3, 1.0 / 5, 1.0 / 7, 1.0 / 9, 1.0 / 11, 1.0 / 13,
                                                       1.0 / 15, 1.0 / 17, 1.0 / 19, 1.0 / 21, 1.0 / 23};

// Natural logarithm of a finite x > 0, deterministic to the bit (within 2 ulp of the true value).
// x = m 2^e with m in [sqrt(1/2), sqrt(2)) (frexp: exact); ln m = 2 atanh(s), s = (m - 1) / (m + 1),
// |s| <= 0.1716, summed to s^23 (the next term is below 1e-18 of the sum); ln 2 is split in two so
// that e ln2_hi is exact (Cody and Waite).
inline double log_of(double x) noexcept {
    int e = 0;
    double m = std::frexp(x, &e);  // m in [1/2, 1)
    if (m < sqrt_half) {
        m *= 2;  // exact
        --e;
    }
    const double f = m - 1;  // exact (Sterbenz)
    const double s = f / (2 + f);
    const double z = s * s;
    const double t = 2 * s;  // exact
    const double ln_m = t + rounded_product(t, rounded_product(z, horner(log_series, z)));
    const double de = static_cast<double>(e);
    return rounded_product(de, ln2_hi) + (ln_m + rounded_product(de, ln2_lo));
}

inline constexpr double inv_ln2 = 0x1.71547652b82fep+0;  // 1.4426950408889634
// 1/n! for n = 0..14 (n! is exact in a double, the quotient correctly rounded)
inline constexpr std::array<double, 15> exp_series = {
    1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880, 1.0 / 3628800,
    1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800, 1.0 / 87178291200};

// e^x for finite x in [-700, 700], deterministic to the bit: x = k ln 2 + r with |r| <= ln 2 / 2,
// e^r by its Taylor series to r^14 (the next term is below 4e-18), times 2^k (ldexp: exact).
inline double exp_of(double x) noexcept {
    const double k = std::floor(rounded_product(x, inv_ln2) + 0.5);
    const double r = (x - rounded_product(k, ln2_hi)) - rounded_product(k, ln2_lo);
    return std::ldexp(horner(exp_series, r), static_cast<int>(k));
}

// ---------------------------------------------------------------------------------------------
// The standard normal distribution.

inline constexpr double inv_sqrt_2pi = 0x1.9884533d43651p-2;  // 0.39894228040143267794

inline double normal_pdf(double x) noexcept { return rounded_product(inv_sqrt_2pi, exp_of(-0.5 * (x * x))); }

// Phi(x) - 1/2 = phi(x) (x + x^3/3 + x^5/(3 5) + ...): all terms of one sign, no cancellation.
// Beyond |x| = 8.5, 1 - Phi(|x|) < 1e-17 is below half an ulp of 1/2, and the result is +-1/2.
inline double normal_cdf_minus_half(double x) noexcept {
    if (x >= 8.5) return 0.5;
    if (x <= -8.5) return -0.5;
    if (x == 0) return 0;
    const double x2 = x * x;
    double term = x;
    double sum = x;
    for (int n = 1; n < 1000; ++n) {
        term = rounded_product(term, x2) / static_cast<double>(2 * n + 1);
        const double next = sum + term;
        if (next == sum) break;
        sum = next;
    }
    return rounded_product(normal_pdf(x), sum);
}

// Wichura's AS241 (PPND16) coefficients, numerators then denominators, lowest power first.
inline constexpr std::array<double, 8> as241_a = {
    0x1.b18d91e9eef75p+1,  // 3.387132872796366608
    0x1.0a4888b1a436ep+7,  // 133.14166789178437745
    0x1.ece5d2213c0ccp+10, // 1971.5909503065514427
    0x1.ad1d8cd4ee71dp+13, // 13731.693765509461125
    0x1.66c3e869b752ap+15, // 45921.953931549871457
    0x1.06c1c55b78f20p+16, // 67265.770927008700853
    0x1.052d26b2e45e4p+15, // 33430.575583588128105
    0x1.39a296f7d925ep+11, // 2509.0809287301226727
};
inline constexpr std::array<double, 8> as241_b = {
    0x1.0000000000000p+0,  // 1
    0x1.5281b386e1ab5p+5,  // 42.313330701600911252
    0x1.5797efdc8b3f7p+9,  // 687.1870074920579083
    0x1.512322e75c89fp+12, // 5394.1960214247511077
    0x1.4b772d5d65266p+14, // 21213.794301586595867
    0x1.3317caa64f4bep+15, // 39307.89580009271061
    0x1.c0e457cb1ae76p+14, // 28729.085735721942674
    0x1.46a7eca984b69p+12, // 5226.495278852854561
};
inline constexpr std::array<double, 8> as241_c = {
    0x1.6c665fde9526ap+0,  // 1.42343711074968357734
    0x1.2857748cab19bp+2,  // 4.6303378461565452959
    0x1.713f71462256ap+2,  // 5.7694972214606914055
    0x1.d2ecb1a3d02c4p+1,  // 3.64784832476320460504
    0x1.453cc085375b2p+0,  // 1.27045825245236838258
    0x1.ef2abb9b85c37p-3,  // 0.24178072517745061177
    0x1.744eb6c45ec67p-6,  // 0.0227238449892691845833
    0x1.9615ac0b7ace9p-11, // 7.7454501427834140764e-4
};
inline constexpr std::array<double, 8> as241_d = {
    0x1.0000000000000p+0,  // 1
    0x1.06cefbb46a449p+1,  // 2.05319162663775882187
    0x1.ad278e6526633p+0,  // 1.6763848301838038494
    0x1.61292f23385c9p-1,  // 0.68976733498510000455
    0x1.2f5123394f040p-3,  // 0.14810397642748007459
    0x1.f207a7eab17bfp-7,  // 0.0151986665636164571966
    0x1.1f18cbfdf2728p-11, // 5.475938084995344946e-4
    0x1.20d3f686439e4p-30, // 1.05075007164441684324e-9
};
inline constexpr std::array<double, 8> as241_e = {
    0x1.aa1b1c13ee526p+2,  // 6.6579046435011037772
    0x1.5daea6e875003p+2,  // 5.4637849111641143699
    0x1.c8ea6461fa445p+0,  // 1.7848265399172913358
    0x1.2fad9315255cfp-2,  // 0.29656057182850489123
    0x1.b2b41193b4ee7p-6,  // 0.026532189526576123093
    0x1.45c1908425345p-10, // 0.0012426609473880784386
    0x1.c6ec6cc59e02ap-16, // 2.71155556874348757815e-5
    0x1.afb74d693bf93p-23, // 2.01033439929228813265e-7
};
inline constexpr std::array<double, 8> as241_f = {
    0x1.0000000000000p+0,  // 1
    0x1.331d34fc7d77fp-1,  // 0.59983220655588793769
    0x1.186eb183443fbp-3,  // 0.13692988092273580531
    0x1.e76f93215462ap-7,  // 0.0148753612908506148525
    0x1.9c8bc979dc5d7p-11, // 7.868691311456132591e-4
    0x1.35c2c496374bfp-16, // 1.8463183175100546818e-5
    0x1.31446f740b9e0p-23, // 1.4215117583164458887e-7
    0x1.269bff1f8c190p-49, // 2.04426310338993978564e-15
};

// Phi^-1(p) for p in (0, 1) by AS241: a rational function of (p - 1/2)^2 in the centre, of
// sqrt(-ln min(p, 1 - p)) in the tails.
inline double inverse_normal_cdf(double p) noexcept {
    const double q = p - 0.5;
    if (std::fabs(q) <= 0.425) {
        const double r = 0.180625 - rounded_product(q, q);
        return rounded_product(q, horner(as241_a, r)) / horner(as241_b, r);
    }
    double r = std::sqrt(-log_of(q < 0 ? p : 1 - p));
    double value = 0;
    if (r <= 5) {
        r -= 1.6;
        value = horner(as241_c, r) / horner(as241_d, r);
    } else {
        r -= 5;
        value = horner(as241_e, r) / horner(as241_f, r);
    }
    return q < 0 ? -value : value;
}

// ---------------------------------------------------------------------------------------------
// Exact conversions between Decimal and double.

using uint128 = boost::multiprecision::uint128_t;

// The double nearest raw / 10^12 (ties to even), in integer arithmetic: the same on every platform,
// and equal to what a correctly rounding strtod gives for the decimal's text.
inline double double_from_decimal(const Decimal& d) {
    using boost::multiprecision::cpp_int;
    if (d.is_zero()) return 0.0;
    const cpp_int n = abs(cpp_int(d.raw()));
    const cpp_int den = cpp_int(Decimal::unit());
    // scale by 2^k so that the quotient q = floor(n 2^k / den) has exactly 54 bits: 53 + a rounding bit
    long k = 53 - (static_cast<long>(msb(n)) - static_cast<long>(msb(den)));
    cpp_int q, rem;
    for (;;) {
        const cpp_int num = k >= 0 ? cpp_int(n << k) : n;
        const cpp_int div = k >= 0 ? den : cpp_int(den << -k);
        divide_qr(num, div, q, rem);
        if (msb(q) > 53) { --k; continue; }
        if (msb(q) < 53) { ++k; continue; }
        break;
    }
    auto mantissa = cpp_int(q >> 1).convert_to<std::uint64_t>();
    const bool round_bit = bit_test(q, 0);
    if (round_bit && (!rem.is_zero() || (mantissa & 1U) != 0)) ++mantissa;  // may reach 2^53: still exact
    const double magnitude = std::ldexp(static_cast<double>(mantissa), static_cast<int>(1 - k));
    return d.sign() < 0 ? -magnitude : magnitude;
}

// The exact binary value of a finite double, rounded half-even to 12 decimal places, in integer
// arithmetic (no printf, no strtod): |x| = m 2^e with a 53-bit integer m, so |x| 10^12 = m 10^12 2^e,
// an integer shifted left, or a quotient by 2^-e rounded on its remainder. Throws arithmetic_error
// if x is not finite or beyond the decimal range.
inline Decimal decimal_from_double(double x) {
    if (!std::isfinite(x)) throw arithmetic_error(errc::overflow, "", "cannot make an exact decimal of a non-finite double");
    if (x == 0) return Decimal{};
    int exponent = 0;
    const double fraction = std::frexp(std::fabs(x), &exponent);  // |x| = fraction 2^exponent, fraction in [1/2, 1)
    const auto m = static_cast<std::uint64_t>(std::ldexp(fraction, 53));  // exact: a 53-bit integer
    const int e = exponent - 53;                                          // |x| = m 2^e
    const U128 wide = multiply_wide(m, 1'000'000'000'000ULL);            // m 10^12 < 2^93
    uint128 n = (uint128(wide.high) << 64) | wide.low;
    if (e >= 0) {
        if (static_cast<int>(msb(n)) + e > 126)
            throw arithmetic_error(errc::overflow, "", "a double beyond the exact decimal range (about 1.7e26)");
        n <<= e;
    } else {
        const int s = -e;
        if (s > 93) return Decimal{};  // n < 2^93 <= 2^(s-1): below half a unit
        const uint128 q = n >> s;
        const uint128 rem = n - (q << s);
        const uint128 half = uint128(1) << (s - 1);
        n = (rem > half || (rem == half && bit_test(q, 0))) ? uint128(q + 1) : q;
    }
    const Decimal::raw_type raw(n);  // < 2^127
    return Decimal::from_raw(std::signbit(x) ? Decimal::raw_type(-raw) : raw);
}

// n / d rounded half-even, for d > 0 (as Decimal does for its own quotients).
inline Decimal::wide_type quotient_half_even(const Decimal::wide_type& n, const Decimal::wide_type& d) {
    Decimal::wide_type q = n / d;
    const Decimal::wide_type r = n % d;
    if (r.is_zero()) return q;
    const Decimal::wide_type twice = abs(r) * 2;
    if (twice > d || (twice == d && q % 2 != 0)) q += n.sign();
    return q;
}

// An unbiased integer in [0, n) for any n > 0: below() when n fits 64 bits, else draws of
// bit_width(n) bits (the high word first) redrawn while >= n.
inline uint128 below_wide(Rng& rng, const uint128& n) {
    if (n <= uint128((std::numeric_limits<std::uint64_t>::max)())) return uint128(rng.below(static_cast<std::uint64_t>(n)));
    const unsigned high_bits = static_cast<unsigned>(msb(n)) + 1 - 64;  // 1..64
    for (;;) {
        const std::uint64_t high = rng.next_u64() >> (64 - high_bits);
        const std::uint64_t low = rng.next_u64();
        const uint128 v = (uint128(high) << 64) | low;
        if (v < n) return v;
    }
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// A validated parameter distribution. Build from one of the parameter structs; the constructor
// checks them and throws validation_error with the JSON path of the bad value (path + "/mode").
class Distribution {
public:
    struct Fixed {
        Decimal value;
        friend bool operator==(const Fixed&, const Fixed&) = default;
    };
    struct Uniform {
        Decimal low, high;
        friend bool operator==(const Uniform&, const Uniform&) = default;
    };
    struct Triangular {
        Decimal low, mode, high;
        friend bool operator==(const Triangular&, const Triangular&) = default;
    };
    // A normal distribution truncated to [low, high].
    struct Normal {
        Decimal mean, sd, low, high;
        friend bool operator==(const Normal&, const Normal&) = default;
    };
    // Values with relative weights (>= 0, not all zero); no weights means equal weights.
    struct Choice {
        std::vector<Decimal> values;
        std::vector<Decimal> weights;
        friend bool operator==(const Choice&, const Choice&) = default;
    };
    using Parameters = std::variant<Fixed, Uniform, Triangular, Normal, Choice>;

    // The fixed value 0.
    Distribution() : Distribution(Fixed{}) {}
    explicit Distribution(Parameters parameters, const std::string& path = {});

    const Parameters& parameters() const noexcept { return parameters_; }
    // "fixed", "uniform", "triangular", "normal" or "choice": the JSON "distribution" key.
    std::string_view kind() const noexcept;
    // Every sample lies in [low(), high()].
    const Decimal& low() const noexcept { return low_; }
    const Decimal& high() const noexcept { return high_; }

    friend bool operator==(const Distribution& a, const Distribution& b) { return a.parameters_ == b.parameters_; }
    friend Decimal sample(const Distribution& d, Rng& rng);

private:
    // A truncated normal gives up after this many rejections and returns its mean; validation keeps
    // the acceptance >= 19%, so this happens with probability below 0.81^1000 = 1e-92.
    static constexpr int max_normal_attempts = 1000;

    Decimal clamped(const Decimal& d) const { return d < low_ ? low_ : (d > high_ ? high_ : d); }

    Parameters parameters_;
    Decimal low_, high_;
    // The parameters as doubles (correctly rounded) and derived figures, for sampling.
    double low_d_ = 0, high_d_ = 0, width_d_ = 0;
    double mode_fraction_ = 0, left_area_ = 0, right_area_ = 0;  // triangular
    double mean_d_ = 0, sd_d_ = 0;                              // normal
    std::vector<std::uint64_t> cumulative_;                     // choice: running weight sums in 10^-12 units
    std::vector<detail::uint128> wide_cumulative_;              // ... when the sum does not fit 64 bits
};

inline std::string_view Distribution::kind() const noexcept {
    switch (parameters_.index()) {
        case 0: return "fixed";
        case 1: return "uniform";
        case 2: return "triangular";
        case 3: return "normal";
        default: return "choice";
    }
}

inline Distribution::Distribution(Parameters parameters, const std::string& path) : parameters_(std::move(parameters)) {
    using detail::child_path;
    const auto require_ordered = [&](const Decimal& low, const Decimal& high) {
        if (high < low)
            throw validation_error(errc::inconsistent, child_path(path, "high"), "must be >= low " + low.to_string() + ", got " + high.to_string());
    };
    const auto require_within = [&](const Decimal& v, const Decimal& low, const Decimal& high, const char* key) {
        if (v < low || v > high)
            throw validation_error(errc::out_of_range, child_path(path, key),
                                   "must be in [low, high] = [" + low.to_string() + ", " + high.to_string() + "], got " + v.to_string());
    };
    if (const auto* f = std::get_if<Fixed>(&parameters_)) {
        low_ = high_ = f->value;
    } else if (const auto* u = std::get_if<Uniform>(&parameters_)) {
        require_ordered(u->low, u->high);
        low_ = u->low;
        high_ = u->high;
        low_d_ = detail::double_from_decimal(low_);
        high_d_ = detail::double_from_decimal(high_);
        width_d_ = high_d_ - low_d_;
    } else if (const auto* t = std::get_if<Triangular>(&parameters_)) {
        require_ordered(t->low, t->high);
        require_within(t->mode, t->low, t->high, "mode");
        low_ = t->low;
        high_ = t->high;
        low_d_ = detail::double_from_decimal(low_);
        high_d_ = detail::double_from_decimal(high_);
        const double mode_d = detail::double_from_decimal(t->mode);
        width_d_ = high_d_ - low_d_;
        if (width_d_ > 0) {
            mode_fraction_ = (mode_d - low_d_) / width_d_;
            left_area_ = width_d_ * (mode_d - low_d_);
            right_area_ = width_d_ * (high_d_ - mode_d);
        }
    } else if (const auto* n = std::get_if<Normal>(&parameters_)) {
        detail::require_positive(n->sd, child_path(path, "sd"));
        require_ordered(n->low, n->high);
        require_within(n->mean, n->low, n->high, "mean");
        const Decimal limit = times(n->high - n->low, 2);
        if (n->sd > limit)
            throw validation_error(errc::out_of_range, child_path(path, "sd"),
                                   "must be <= 2 x (high - low) = " + limit.to_string() +
                                       " so that the truncation keeps enough of the normal to sample, got " + n->sd.to_string());
        low_ = n->low;
        high_ = n->high;
        low_d_ = detail::double_from_decimal(low_);
        high_d_ = detail::double_from_decimal(high_);
        mean_d_ = detail::double_from_decimal(n->mean);
        sd_d_ = detail::double_from_decimal(n->sd);
    } else {
        const auto& c = std::get<Choice>(parameters_);
        if (c.values.empty()) throw validation_error(errc::out_of_range, child_path(path, "values"), "must hold at least one value");
        low_ = *std::min_element(c.values.begin(), c.values.end());
        high_ = *std::max_element(c.values.begin(), c.values.end());
        if (!c.weights.empty()) {
            const std::string weights_path = child_path(path, "weights");
            if (c.weights.size() != c.values.size())
                throw validation_error(errc::inconsistent, weights_path,
                                       "must hold one weight per value: " + std::to_string(c.values.size()) + " values, got " +
                                           std::to_string(c.weights.size()) + " weights");
            detail::uint128 sum = 0;
            std::vector<detail::uint128> running;
            for (std::size_t i = 0; i < c.weights.size(); ++i) {
                detail::require_non_negative(c.weights[i], child_path(weights_path, i));
                sum += detail::uint128(c.weights[i].raw());  // both terms < 2^127: no wrap
                if (sum >= (detail::uint128(1) << 127))
                    throw validation_error(errc::out_of_range, weights_path, "the weights add up beyond the exact decimal range");
                running.push_back(sum);
            }
            if (sum == 0) throw validation_error(errc::out_of_range, weights_path, "must not all be zero");
            if (sum <= detail::uint128((std::numeric_limits<std::uint64_t>::max)())) {
                cumulative_.reserve(running.size());
                for (const auto& r : running) cumulative_.push_back(static_cast<std::uint64_t>(r));
            } else {
                wide_cumulative_ = std::move(running);
            }
        }
    }
}

// One draw, bit-identical everywhere (see the top of this header).
inline Decimal sample(const Distribution& d, Rng& rng) {
    switch (d.parameters_.index()) {
        case 0: return d.low_;
        case 1: {
            const double x = d.low_d_ + detail::rounded_product(d.width_d_, rng.uniform01());
            return d.clamped(detail::decimal_from_double(x));
        }
        case 2: {
            const double u = rng.uniform01();
            if (!(d.width_d_ > 0)) return d.low_;
            const double x = u < d.mode_fraction_ ? d.low_d_ + std::sqrt(u * d.left_area_)
                                                  : d.high_d_ - std::sqrt((1 - u) * d.right_area_);
            return d.clamped(detail::decimal_from_double(x));
        }
        case 3: {
            for (int attempt = 0; attempt < Distribution::max_normal_attempts; ++attempt) {
                const double z = detail::inverse_normal_cdf(rng.uniform_open01());
                const double x = d.mean_d_ + detail::rounded_product(d.sd_d_, z);
                if (x >= d.low_d_ && x <= d.high_d_) return d.clamped(detail::decimal_from_double(x));
            }
            return std::get<Distribution::Normal>(d.parameters_).mean;
        }
        default: {
            const auto& c = std::get<Distribution::Choice>(d.parameters_);
            if (!d.cumulative_.empty()) {
                const std::uint64_t u = rng.below(d.cumulative_.back());
                return c.values[static_cast<std::size_t>(std::upper_bound(d.cumulative_.begin(), d.cumulative_.end(), u) - d.cumulative_.begin())];
            }
            if (!d.wide_cumulative_.empty()) {
                const detail::uint128 u = detail::below_wide(rng, d.wide_cumulative_.back());
                return c.values[static_cast<std::size_t>(std::upper_bound(d.wide_cumulative_.begin(), d.wide_cumulative_.end(), u) -
                                                         d.wide_cumulative_.begin())];
            }
            return c.values[static_cast<std::size_t>(rng.below(c.values.size()))];
        }
    }
}

// The distribution's mean: exact (rounded half-even to 12 places) for fixed, uniform (l + h) / 2,
// triangular (l + m + h) / 3 and choice (sum of w v / sum of w). For the truncated normal, the
// textbook mean + sd (phi(a) - phi(b)) / (Phi(b) - Phi(a)) with a = (low - mean) / sd and
// b = (high - mean) / sd, computed in double with this header's deterministic exp (accurate to a
// few 1e-16 relative), rounded to 12 places and kept in [low, high].
inline Decimal mean_of(const Distribution& d) {
    const auto& p = d.parameters();
    if (const auto* f = std::get_if<Distribution::Fixed>(&p)) return f->value;
    if (const auto* u = std::get_if<Distribution::Uniform>(&p)) return (u->low + u->high) / Decimal(2);
    if (const auto* t = std::get_if<Distribution::Triangular>(&p)) return (t->low + t->mode + t->high) / Decimal(3);
    if (const auto* n = std::get_if<Distribution::Normal>(&p)) {
        const double mean = detail::double_from_decimal(n->mean);
        const double sd = detail::double_from_decimal(n->sd);
        const double a = (detail::double_from_decimal(n->low) - mean) / sd;
        const double b = (detail::double_from_decimal(n->high) - mean) / sd;
        const double mass = detail::normal_cdf_minus_half(b) - detail::normal_cdf_minus_half(a);
        const double shift = (detail::normal_pdf(a) - detail::normal_pdf(b)) / mass;
        const Decimal m = detail::decimal_from_double(mean + detail::rounded_product(sd, shift));
        return std::clamp(m, n->low, n->high);
    }
    const auto& c = std::get<Distribution::Choice>(p);
    return Decimal::guard([&] {
        using W = Decimal::wide_type;
        W numerator = 0;
        W denominator = 0;
        for (std::size_t i = 0; i < c.values.size(); ++i) {
            const W weight = c.weights.empty() ? W(Decimal::unit()) : W(c.weights[i].raw());
            numerator += weight * W(c.values[i].raw());  // 10^-24 units
            denominator += weight;                       // 10^-12 units
        }
        const W q = detail::quotient_half_even(numerator, denominator);  // 10^-12 units, within the values' range
        return Decimal::from_raw(Decimal::raw_type(q));
    });
}

// A short label for reports: "triangular(0.1, 0.15, 0.2)", "normal(mean 0.15, sd 0.02, [0.1, 0.2])",
// "choice(0.1, 0.2)" or with weights "choice(0.1: 1, 0.2: 3)". Decimals in their canonical form.
inline std::string describe(const Distribution& d) {
    const auto& p = d.parameters();
    if (const auto* f = std::get_if<Distribution::Fixed>(&p)) return "fixed(" + f->value.to_string() + ")";
    if (const auto* u = std::get_if<Distribution::Uniform>(&p)) return "uniform(" + u->low.to_string() + ", " + u->high.to_string() + ")";
    if (const auto* t = std::get_if<Distribution::Triangular>(&p))
        return "triangular(" + t->low.to_string() + ", " + t->mode.to_string() + ", " + t->high.to_string() + ")";
    if (const auto* n = std::get_if<Distribution::Normal>(&p))
        return "normal(mean " + n->mean.to_string() + ", sd " + n->sd.to_string() + ", [" + n->low.to_string() + ", " + n->high.to_string() + "])";
    const auto& c = std::get<Distribution::Choice>(p);
    std::string out = "choice(";
    for (std::size_t i = 0; i < c.values.size(); ++i) {
        if (i > 0) out += ", ";
        out += c.values[i].to_string();
        if (!c.weights.empty()) out += ": " + c.weights[i].to_string();
    }
    return out + ")";
}

// ---------------------------------------------------------------------------------------------
// JSON (see the top of this header). Decimals are written as strings; read_distribution(to_json(d))
// gives d again.

namespace detail {

inline std::vector<Decimal> read_decimal_array(const json& v, const std::string& path) {
    require_array(v, path);
    std::vector<Decimal> out;
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back(read_decimal(v[i], child_path(path, i)));
    return out;
}

}  // namespace detail

// Reads {"distribution": kind, ...parameters}; strict: unknown or missing keys, bad kinds and
// invalid parameters throw validation_error with the JSON path of the offending value.
inline Distribution read_distribution(const detail::json& v, const std::string& path) {
    detail::ObjectReader r(v, path);
    const std::string kind = r.string("distribution");
    Distribution::Parameters parameters;
    if (kind == "fixed") {
        parameters = Distribution::Fixed{r.decimal("value")};
    } else if (kind == "uniform") {
        Distribution::Uniform u;
        u.low = r.decimal("low");
        u.high = r.decimal("high");
        parameters = u;
    } else if (kind == "triangular") {
        Distribution::Triangular t;
        t.low = r.decimal("low");
        t.mode = r.decimal("mode");
        t.high = r.decimal("high");
        parameters = t;
    } else if (kind == "normal") {
        Distribution::Normal n;
        n.mean = r.decimal("mean");
        n.sd = r.decimal("sd");
        n.low = r.decimal("low");
        n.high = r.decimal("high");
        parameters = n;
    } else if (kind == "choice") {
        Distribution::Choice c;
        c.values = detail::read_decimal_array(r.at("values"), r.path_of("values"));
        if (const detail::json* w = r.find("weights")) c.weights = detail::read_decimal_array(*w, r.path_of("weights"));
        parameters = std::move(c);
    } else {
        throw validation_error(errc::bad_format, r.path_of("distribution"),
                               "expected \"fixed\", \"uniform\", \"triangular\", \"normal\" or \"choice\", got \"" + kind + "\"");
    }
    r.finish();
    return Distribution(std::move(parameters), path);
}

inline nlohmann::ordered_json to_json(const Distribution& d) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["distribution"] = std::string(d.kind());
    const auto& p = d.parameters();
    if (const auto* f = std::get_if<Distribution::Fixed>(&p)) {
        j["value"] = f->value.to_string();
    } else if (const auto* u = std::get_if<Distribution::Uniform>(&p)) {
        j["low"] = u->low.to_string();
        j["high"] = u->high.to_string();
    } else if (const auto* t = std::get_if<Distribution::Triangular>(&p)) {
        j["low"] = t->low.to_string();
        j["mode"] = t->mode.to_string();
        j["high"] = t->high.to_string();
    } else if (const auto* n = std::get_if<Distribution::Normal>(&p)) {
        j["mean"] = n->mean.to_string();
        j["sd"] = n->sd.to_string();
        j["low"] = n->low.to_string();
        j["high"] = n->high.to_string();
    } else {
        const auto& c = std::get<Distribution::Choice>(p);
        ordered_json values = ordered_json::array();
        for (const Decimal& v : c.values) values.push_back(v.to_string());
        j["values"] = std::move(values);
        if (!c.weights.empty()) {
            ordered_json weights = ordered_json::array();
            for (const Decimal& w : c.weights) weights.push_back(w.to_string());
            j["weights"] = std::move(weights);
        }
    }
    return j;
}

}  // namespace libtco
