#pragma once
// Numbers as the analysis documents write them: whole cents as dollars, amounts grouped by
// thousands, doubles in their shortest exact form, decimals to a number of significant digits.
// The forms are Python's (repr of a float, format(Decimal, ".6g")) because the CLI printed them
// first; every front end now prints these.

#include <libtco/core/decimal.hpp>
#include <libtco/core/text.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

namespace libtco {

// Whole cents as exact dollars: 870722 -> "8707.22", -5 -> "-0.05".
inline std::string cents_text(std::int64_t cents) {
    const bool negative = cents < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
    const std::uint64_t fraction = magnitude % 100;
    return (negative ? "-" : "") + std::to_string(magnitude / 100) + (fraction < 10 ? ".0" : ".") + std::to_string(fraction);
}

// An amount rounded half-even to cents and grouped by thousands: -1234.505 -> "-1,234.50".
inline std::string grouped_amount(const Decimal& d) { return with_thousands(d.to_fixed(2)); }

// A double with `places` decimals (rounded as printf rounds its exact binary value), grouped by
// thousands: 2058.1578 -> "2,058.16".
inline std::string grouped_float(double v, int places) {
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, "%.*f", places, v);
    return with_thousands(buffer);
}

// A double with `places` decimals, not grouped: 0.25 -> "0.2500" for 4.
inline std::string fixed_float(double v, int places) {
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, "%.*f", places, v);
    return buffer;
}

// The shortest digits that read back as the same double, positional for decimal exponents -4 to 15
// ("0.1", "1.0", "0.0001"), scientific beyond ("1e-05", "1.5e+16"): Python's repr of a float.
inline std::string shortest_float_text(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
    char buffer[64];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::scientific);
    std::string scientific(buffer, written.ptr);  // "-2.058157873054299e+03"
    const bool negative = scientific[0] == '-';
    if (negative) scientific.erase(0, 1);
    const std::size_t e = scientific.find('e');
    const int exponent = std::stoi(scientific.substr(e + 1));
    std::string digits = scientific.substr(0, e);
    if (digits.size() > 1) digits.erase(1, 1);  // the point after the first digit
    std::string out;
    if (exponent >= 16 || exponent < -4) {
        const int magnitude = exponent < 0 ? -exponent : exponent;
        out = digits.substr(0, 1) + (digits.size() > 1 ? "." + digits.substr(1) : "") + (exponent < 0 ? "e-" : "e+") +
              (magnitude < 10 ? "0" : "") + std::to_string(magnitude);
    } else if (exponent < 0) {
        out = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    } else {
        const auto whole = static_cast<std::size_t>(exponent) + 1;
        out = digits.size() <= whole ? digits + std::string(whole - digits.size(), '0') + ".0" : digits.substr(0, whole) + "." + digits.substr(whole);
    }
    return (negative ? "-" : "") + out;
}

namespace detail {

// A decimal's digits without leading zeros and the power of ten of the last one: 0.1530 -> ("1530", -4).
struct DecimalDigits {
    bool negative = false;
    std::string digits;
    int exponent = 0;
};

inline DecimalDigits digits_of(const Decimal& d) {
    std::string text = d.to_string();
    DecimalDigits out;
    out.negative = !text.empty() && text[0] == '-';
    if (out.negative) text.erase(0, 1);
    const std::size_t point = text.find('.');
    if (point != std::string::npos) {
        out.exponent = -static_cast<int>(text.size() - point - 1);
        text.erase(point, 1);
    }
    const std::size_t first = text.find_first_not_of('0');
    out.digits = first == std::string::npos ? "0" : text.substr(first);
    return out;
}

// Keeps the first `count` digits, rounding half-even on what is dropped.
inline void round_digits(DecimalDigits& d, std::size_t count) {
    const std::size_t dropped = d.digits.size() - count;
    const std::string rest = d.digits.substr(count);
    std::string kept = d.digits.substr(0, count);
    const bool above_half = rest[0] > '5' || (rest[0] == '5' && rest.find_first_not_of('0', 1) != std::string::npos);
    const bool half = rest[0] == '5' && rest.find_first_not_of('0', 1) == std::string::npos;
    if (above_half || (half && (kept.back() - '0') % 2 == 1)) {
        std::size_t i = kept.size();
        while (i > 0 && kept[i - 1] == '9') kept[--i] = '0';
        if (i == 0) kept.insert(kept.begin(), '1');
        else ++kept[i - 1];
    }
    d.exponent += static_cast<int>(dropped);
    if (kept.size() > count) {  // 999.5 -> 1000: one digit too many
        kept.pop_back();
        ++d.exponent;
    }
    d.digits = kept;
}

}  // namespace detail

// A decimal to `significant` digits, rounded half-even only when it has more, positional unless
// that needs a positive exponent or six leading zeros: 0.153029579538 -> "0.153030", 6 -> "6",
// 12345678 -> "1.23457e+7" for 6. Python's format(Decimal, ".6g").
inline std::string significant_text(const Decimal& value, int significant) {
    detail::DecimalDigits d = detail::digits_of(value);
    if (d.digits.size() > static_cast<std::size_t>(significant)) detail::round_digits(d, static_cast<std::size_t>(significant));
    const int left_digits = d.exponent + static_cast<int>(d.digits.size());
    const int dot = d.exponent <= 0 && left_digits > -6 ? left_digits : 1;
    std::string whole;
    std::string fraction;
    if (dot < 0) {
        whole = "0";
        fraction = std::string(static_cast<std::size_t>(-dot), '0') + d.digits;
    } else if (static_cast<std::size_t>(dot) > d.digits.size()) {
        whole = d.digits + std::string(static_cast<std::size_t>(dot) - d.digits.size(), '0');
    } else {
        whole = dot == 0 ? "0" : d.digits.substr(0, static_cast<std::size_t>(dot));
        fraction = d.digits.substr(static_cast<std::size_t>(dot));
    }
    const int exponent = left_digits - dot;
    std::string out = (d.negative ? "-" : "") + whole + (fraction.empty() ? "" : "." + fraction);
    if (exponent != 0) out += (exponent < 0 ? "e-" : "e+") + std::to_string(exponent < 0 ? -exponent : exponent);
    return out;
}

}  // namespace libtco
