#pragma once
// Exact fixed-point decimal: a checked 128-bit integer counting 10^-12 units.
//
// Rounding rule (the only one in libtco): half-to-even. It is applied at two defined points:
//   1. a product or quotient whose exact value has more than 12 decimal places is rounded to 12;
//   2. presentation rounds to cents (see rounding.hpp).
// Inputs with more than 12 decimal places are rejected rather than rounded.
// Any result outside the 128-bit range raises arithmetic_error (never wraps).

#include <libtco/core/error.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <compare>
#include <concepts>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

namespace libtco {

class Decimal {
public:
    using raw_type = boost::multiprecision::checked_int128_t;
    using wide_type = boost::multiprecision::checked_int256_t;
    static constexpr int places = 12;

    Decimal() = default;
    // Whole numbers convert implicitly: Decimal d = 730;
    Decimal(std::int64_t whole) : raw_(scaled(whole)) {}  // NOLINT(google-explicit-constructor)
    // Binary floats never become money: 0.1 is not 1/10 in binary. Parse text instead.
    template <std::floating_point F>
    Decimal(F) = delete;

    // Parses a JSON-number-like text: -?digits(.digits)?([eE][+-]?digits)?
    // Throws validation_error (bad_format / too_precise) and arithmetic_error (overflow).
    static Decimal parse(std::string_view text, const std::string& path = {});
    static Decimal from_raw(const raw_type& raw) { Decimal d; d.raw_ = raw; return d; }

    const raw_type& raw() const noexcept { return raw_; }
    static const raw_type& unit();  // 10^12

    // Canonical text: no exponent, no trailing fractional zeros ("1.006", "16", "-0.5").
    std::string to_string() const;
    // Fixed number of decimal places (after rounding half-even): to_fixed(2) -> "5875.04".
    std::string to_fixed(int decimals) const;

    Decimal rounded(int decimals) const;  // half-even
    Decimal floored(int decimals) const;  // toward -infinity
    bool is_whole() const { return raw_ % unit() == 0; }
    // Whole part as an integer; requires is_whole() and a value that fits.
    std::int64_t to_int64() const;
    double to_double() const;  // for statistics and plots only, never for money arithmetic

    bool is_zero() const { return raw_.is_zero(); }
    int sign() const { return raw_.sign(); }

    friend Decimal operator+(const Decimal& a, const Decimal& b) { return from_raw(guard([&] { return raw_type(a.raw_ + b.raw_); })); }
    friend Decimal operator-(const Decimal& a, const Decimal& b) { return from_raw(guard([&] { return raw_type(a.raw_ - b.raw_); })); }
    friend Decimal operator-(const Decimal& a) { return from_raw(-a.raw_); }
    friend Decimal operator*(const Decimal& a, const Decimal& b);
    friend Decimal operator/(const Decimal& a, const Decimal& b);
    Decimal& operator+=(const Decimal& b) { return *this = *this + b; }
    Decimal& operator-=(const Decimal& b) { return *this = *this - b; }

    friend bool operator==(const Decimal& a, const Decimal& b) { return a.raw_ == b.raw_; }
    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
        const int c = a.raw_.compare(b.raw_);
        return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
    }

    // Runs f, turning Boost's overflow exceptions into libtco's.
    template <class F>
    static auto guard(F&& f) -> decltype(f()) {
        try {
            return f();
        } catch (const std::overflow_error&) {
            throw arithmetic_error(errc::overflow, "", "arithmetic overflow: a value exceeds the exact decimal range (about 3.4e26)");
        } catch (const std::range_error&) {
            throw arithmetic_error(errc::overflow, "", "arithmetic overflow: a value exceeds the exact decimal range (about 3.4e26)");
        }
    }

private:
    static raw_type scaled(std::int64_t whole) { return raw_type(whole) * unit(); }
    // q = n / d rounded half-even, for d > 0.
    static wide_type divide_half_even(const wide_type& n, const wide_type& d);
    static raw_type narrow(const wide_type& w);

    raw_type raw_{0};
};

// ---------------------------------------------------------------------------------------------
inline const Decimal::raw_type& Decimal::unit() {
    static const raw_type u = [] {
        raw_type v = 1;
        for (int i = 0; i < places; ++i) v *= 10;
        return v;
    }();
    return u;
}

inline Decimal::wide_type Decimal::divide_half_even(const wide_type& n, const wide_type& d) {
    wide_type q = n / d;  // truncates toward zero
    wide_type r = n % d;  // same sign as n
    if (r.is_zero()) return q;
    const wide_type twice = abs(r) * 2;
    const int direction = n.sign();  // d > 0
    if (twice > d || (twice == d && q % 2 != 0)) q += direction;
    return q;
}

inline Decimal::raw_type Decimal::narrow(const wide_type& w) {
    static const wide_type limit = wide_type((std::numeric_limits<raw_type>::max)());
    if (w > limit || w < -limit)
        throw arithmetic_error(errc::overflow, "", "arithmetic overflow: a value exceeds the exact decimal range (about 3.4e26)");
    return raw_type(w);
}

namespace detail {

// n / d rounded half-even, d > 0, on 64-bit integers.
inline std::int64_t divide_half_even_64(std::int64_t n, std::int64_t d) {
    std::int64_t q = n / d;
    const std::int64_t r = n % d;
    if (r == 0) return q;
    const auto twice = static_cast<std::uint64_t>(r < 0 ? -r : r) * 2;
    if (twice > static_cast<std::uint64_t>(d) || (twice == static_cast<std::uint64_t>(d) && q % 2 != 0)) q += n < 0 ? -1 : 1;
    return q;
}

// The raw value as a 64-bit integer when it fits, read off the big integer's limbs (a comparison
// through the big-integer interface costs more than the arithmetic it guards).
inline bool as_int64(const Decimal::raw_type& raw, std::int64_t& out) {
    const auto& b = raw.backend();
    if (b.size() != 1) return false;
    // A limb is 64 bits, or (Boost's fixed 128-bit backend on compilers with __int128) the whole
    // 128-bit magnitude: compare in the limb's own type, never a truncated one.
    using limb = std::remove_cv_t<std::remove_reference_t<decltype(b.limbs()[0])>>;
    const limb magnitude = b.limbs()[0];
    if (magnitude > static_cast<limb>((std::numeric_limits<std::int64_t>::max)())) return false;
    const auto value = static_cast<std::int64_t>(magnitude);
    out = b.sign() ? -value : value;
    return true;
}

#ifdef __SIZEOF_INT128__
// The common case, on the machine's own 128-bit integers: both operands' raw values fit 64 bits,
// so a product fits 126 bits and needs no 256-bit arithmetic. The result is bit-identical to the
// wide path (same half-even rule); the wide path remains for everything else.
__extension__ using native_int128 = __int128;
__extension__ using native_uint128 = unsigned __int128;

inline Decimal::raw_type to_raw(native_int128 v) {
    const bool negative = v < 0;
    const auto magnitude = static_cast<native_uint128>(negative ? -v : v);
    const auto high = static_cast<std::uint64_t>(magnitude >> 64);
    Decimal::raw_type raw = static_cast<std::uint64_t>(magnitude);
    if (high != 0) {
        Decimal::raw_type upper = high;
        upper <<= 64;
        raw += upper;
    }
    return negative ? Decimal::raw_type(-raw) : raw;
}

inline constexpr native_int128 raw_unit = 1000000000000;

// n / 10^12 rounded half-even, without a 128-bit division: n = 4096 m + b, then m is divided by
// 5^12 (< 2^28) limb by limb in 32-bit pieces, which the compiler turns into multiplications.
inline native_int128 divide_by_unit_half_even(native_int128 n) {
    const bool negative = n < 0;
    const auto magnitude = static_cast<native_uint128>(negative ? -n : n);
    constexpr std::uint64_t five_12 = 244140625;  // 5^12; 10^12 = 4096 x 5^12
    const native_uint128 m = magnitude >> 12;
    const auto high = static_cast<std::uint64_t>(m >> 64);
    const auto low = static_cast<std::uint64_t>(m);
    // Long division of m's four 32-bit limbs (most significant first); each step's dividend stays below 2^60.
    const std::uint64_t limbs[4] = {high >> 32, high & 0xFFFFFFFFu, low >> 32, low & 0xFFFFFFFFu};
    std::uint64_t rest = 0;
    std::uint64_t q_limbs[4] = {};
    for (int i = 0; i < 4; ++i) {
        const std::uint64_t current = (rest << 32) | limbs[i];
        q_limbs[i] = current / five_12;
        rest = current % five_12;
    }
    native_uint128 q = (static_cast<native_uint128>((q_limbs[0] << 32) | q_limbs[1]) << 64) | ((q_limbs[2] << 32) | q_limbs[3]);
    const std::uint64_t remainder = (rest << 12) | static_cast<std::uint64_t>(magnitude & 0xFFFu);  // magnitude mod 10^12
    constexpr std::uint64_t half = 500000000000;
    if (remainder > half || (remainder == half && (q & 1) != 0)) ++q;
    const auto result = static_cast<native_int128>(q);
    return negative ? -result : result;
}

// n / d rounded half-even, d > 0.
inline native_int128 divide_half_even(native_int128 n, native_int128 d) {
    native_int128 q = n / d;
    const native_int128 r = n % d;
    if (r == 0) return q;
    const native_int128 twice = (r < 0 ? -r : r) * 2;
    if (twice > d || (twice == d && q % 2 != 0)) q += n < 0 ? -1 : 1;
    return q;
}

#endif
}  // namespace detail

inline Decimal operator*(const Decimal& a, const Decimal& b) {
#ifdef __SIZEOF_INT128__
    std::int64_t a64 = 0;
    std::int64_t b64 = 0;
    if (detail::as_int64(a.raw_, a64) && detail::as_int64(b.raw_, b64)) {
        const auto product = static_cast<detail::native_int128>(a64) * b64;
        return Decimal::from_raw(detail::to_raw(detail::divide_by_unit_half_even(product)));
    }
#endif
    return Decimal::guard([&] {
        const Decimal::wide_type product = Decimal::wide_type(a.raw_) * Decimal::wide_type(b.raw_);
        return Decimal::from_raw(Decimal::narrow(Decimal::divide_half_even(product, Decimal::wide_type(Decimal::unit()))));
    });
}

inline Decimal operator/(const Decimal& a, const Decimal& b) {
    if (b.is_zero()) throw arithmetic_error(errc::division_by_zero, "", "division by zero");
#ifdef __SIZEOF_INT128__
    // a's raw value times 10^12 fits 127 bits when a's raw value fits 64 bits.
    std::int64_t a64 = 0;
    std::int64_t b64 = 0;
    if (detail::as_int64(a.raw_, a64) && detail::as_int64(b.raw_, b64)) {
        // A whole divisor k: a / k needs no scaling and fits 64 bits (the 10^12 cancels exactly).
        if (b64 % 1000000000000 == 0) {
            std::int64_t k = b64 / 1000000000000;
            std::int64_t n = a64;
            if (k < 0) { n = -n; k = -k; }  // |a64| < 2^63, so -a64 fits
            return Decimal::from_raw(detail::to_raw(detail::divide_half_even_64(n, k)));
        }
        detail::native_int128 n = static_cast<detail::native_int128>(a64) * detail::raw_unit;
        if (b64 < 0) { n = -n; b64 = -b64; }
        return Decimal::from_raw(detail::to_raw(detail::divide_half_even(n, b64)));
    }
#endif
    return Decimal::guard([&] {
        Decimal::wide_type n = Decimal::wide_type(a.raw_) * Decimal::wide_type(Decimal::unit());
        Decimal::wide_type d = Decimal::wide_type(b.raw_);
        if (d.sign() < 0) { n = -n; d = -d; }
        return Decimal::from_raw(Decimal::narrow(Decimal::divide_half_even(n, d)));
    });
}

inline Decimal Decimal::parse(std::string_view text, const std::string& path) {
    const auto bad = [&](const std::string& why) {
        return validation_error(errc::bad_format, path, why + ", got \"" + std::string(text) + "\"");
    };
    std::size_t i = 0;
    const bool negative = i < text.size() && text[i] == '-';
    if (negative) ++i;
    std::string digits;  // integer and fraction digits, without the point
    int fraction_digits = 0;
    const std::size_t int_start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') digits += text[i++];
    if (i == int_start) throw bad("expected a decimal number such as 12.34");
    if (i < text.size() && text[i] == '.') {
        ++i;
        const std::size_t frac_start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') digits += text[i++];
        fraction_digits = static_cast<int>(i - frac_start);
        if (fraction_digits == 0) throw bad("expected digits after the decimal point");
    }
    long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool exp_negative = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) exp_negative = text[i++] == '-';
        const std::size_t exp_start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (exponent < 100000) exponent = exponent * 10 + (text[i] - '0');
            ++i;
        }
        if (i == exp_start) throw bad("expected digits in the exponent");
        if (exp_negative) exponent = -exponent;
    }
    if (i != text.size()) throw bad("expected a decimal number such as 12.34");

    // value = digits * 10^(exponent - fraction_digits); drop trailing zeros first so that
    // "1.50000000000000" is as acceptable as "1.5".
    long shift = exponent - fraction_digits;
    while (digits.size() > 1 && digits.back() == '0' && shift < 0) { digits.pop_back(); ++shift; }
    const std::size_t first_nonzero = digits.find_first_not_of('0');
    if (first_nonzero == std::string::npos) return Decimal{};
    digits.erase(0, first_nonzero);
    if (shift < -places)
        throw validation_error(errc::too_precise, path,
                               "at most " + std::to_string(places) + " decimal places are supported, got \"" + std::string(text) + "\"");
    const long total_scale = shift + places;  // power of ten to multiply the digits by
    if (static_cast<long>(digits.size()) + total_scale > 39)
        throw arithmetic_error(errc::overflow, path, "number too large for exact arithmetic, got \"" + std::string(text) + "\"");
    try {  // 39 digits may still pass the 128-bit range: the same error, at the value's path
        return guard([&] {
            raw_type v = 0;
            for (char c : digits) v = v * 10 + (c - '0');
            for (long k = 0; k < total_scale; ++k) v *= 10;
            return from_raw(negative ? raw_type(-v) : v);
        });
    } catch (const arithmetic_error&) {
        throw arithmetic_error(errc::overflow, path, "number too large for exact arithmetic, got \"" + std::string(text) + "\"");
    }
}

inline std::string Decimal::to_fixed(int decimals) const {
    const Decimal r = rounded(decimals);
    raw_type magnitude = abs(r.raw_);
    std::string whole = raw_type(magnitude / unit()).str();
    std::string frac = raw_type(magnitude % unit()).str();
    frac.insert(0, static_cast<std::size_t>(places) - frac.size(), '0');
    frac.resize(static_cast<std::size_t>(decimals));
    std::string out = r.raw_.sign() < 0 ? "-" : "";
    out += whole;
    if (decimals > 0) out += "." + frac;
    return out;
}

inline std::string Decimal::to_string() const {
    std::string s = to_fixed(places);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

inline Decimal Decimal::rounded(int decimals) const {
    if (decimals >= places) return *this;
#ifdef __SIZEOF_INT128__
    if (std::int64_t raw64 = 0; decimals >= 0 && detail::as_int64(raw_, raw64)) {  // a step of at most 10^12
        std::int64_t step = 1;
        for (int i = decimals; i < places; ++i) step *= 10;
        const std::int64_t q = detail::divide_half_even_64(raw64, step);
        return from_raw(detail::to_raw(static_cast<detail::native_int128>(q) * step));
    }
#endif
    raw_type step = 1;
    for (int i = decimals; i < places; ++i) step *= 10;
    const wide_type q = divide_half_even(wide_type(raw_), wide_type(step));
    return from_raw(guard([&] { return raw_type(raw_type(q) * step); }));
}

inline Decimal Decimal::floored(int decimals) const {
    if (decimals >= places) return *this;
    raw_type step = 1;
    for (int i = decimals; i < places; ++i) step *= 10;
    raw_type q = raw_ / step;
    if (raw_ % step != 0 && raw_.sign() < 0) q -= 1;
    return from_raw(q * step);
}

inline std::int64_t Decimal::to_int64() const {
    const raw_type whole = raw_ / unit();
    if (whole > (std::numeric_limits<std::int64_t>::max)() || whole < (std::numeric_limits<std::int64_t>::min)())
        throw arithmetic_error(errc::overflow, "", "value does not fit a 64-bit integer: " + to_string());
    return whole.convert_to<std::int64_t>();
}

inline double Decimal::to_double() const { return std::stod(to_string()); }

// A value times a count, on the raw integer (no rescaling): exact, and cheaper than a Decimal product.
inline Decimal times(const Decimal& value, std::int64_t count) {
    return Decimal::from_raw(Decimal::guard([&] { return Decimal::raw_type(value.raw() * Decimal::raw_type(count)); }));
}

// How many whole times `part` fits in `whole` (both non-negative, part > 0): floor(whole / part),
// on the raw integers, exact and much cheaper than a Decimal quotient.
inline std::int64_t whole_times(const Decimal& whole, const Decimal& part) {
    if (part.sign() <= 0) throw arithmetic_error(errc::division_by_zero, "", "whole_times by a non-positive part: " + part.to_string());
    if (whole.sign() <= 0) return 0;
    if (std::int64_t w = 0, p = 0; detail::as_int64(whole.raw(), w) && detail::as_int64(part.raw(), p)) return w / p;
    const Decimal::raw_type q = whole.raw() / part.raw();
    return q > (std::numeric_limits<std::int64_t>::max)() ? (std::numeric_limits<std::int64_t>::max)() : q.convert_to<std::int64_t>();
}

}  // namespace libtco
