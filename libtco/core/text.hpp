#pragma once
// Money, shares and verdicts in words: the one place every front end's text comes from (the Python
// package reads these through its bindings rather than writing its own).

#include <libtco/core/quantity.hpp>
#include <libtco/core/rounding.hpp>

#include <string>
#include <string_view>

namespace libtco {

// A fixed-point number with a comma every three digits of its whole part: 1234567.5 -> 1,234,567.5.
inline std::string with_thousands(const std::string& fixed) {
    const bool negative = !fixed.empty() && fixed[0] == '-';
    const std::string body = negative ? fixed.substr(1) : fixed;
    const std::size_t point = body.find('.');
    std::string whole = body.substr(0, point);
    const std::string frac = point == std::string::npos ? "" : body.substr(point);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<std::size_t>(i), ",");
    return (negative ? "-" : "") + whole + frac;
}

// An amount as exact cents text ("1234.50"): what reports and CSV carry. Amounts are already rounded.
inline std::string usd(const Money& m) { return m.value().to_fixed(cents_places); }

// An amount rounded to cents, for a sentence: "$1,234.50".
inline std::string dollars(const Money& m) { return "$" + with_thousands(usd(round_to_cents(m))); }

// An exact figure as a line's detail shows it: "$0.1" per hour, never rounded.
inline std::string money_text(const Decimal& d) { return "$" + d.to_string(); }

// A share as a percentage, exact: 0.035 -> "3.5%".
inline std::string percent_text(const Decimal& share) { return (share * Decimal(100)).to_string() + "%"; }

// Which platform a difference (EKS minus ECS, on rounded totals) favours: "eks", "ecs" or "tie".
inline std::string cheaper_of(const Money& eks_minus_ecs) {
    const int s = eks_minus_ecs.value().sign();
    return s > 0 ? "ecs" : s < 0 ? "eks" : "tie";
}

// The verdict: "ECS is cheaper by $11,206.70 a month", or "EKS and ECS cost the same" followed by
// `period_on_tie` when that is not empty. No final full stop: callers add what follows.
inline std::string verdict_sentence(const Money& eks_minus_ecs, std::string_view period, std::string_view period_on_tie) {
    const std::string cheaper = cheaper_of(eks_minus_ecs);
    if (cheaper == "tie") return "EKS and ECS cost the same" + (period_on_tie.empty() ? std::string() : " " + std::string(period_on_tie));
    const Money magnitude = eks_minus_ecs.value().sign() < 0 ? -eks_minus_ecs : eks_minus_ecs;
    return std::string(cheaper == "ecs" ? "ECS" : "EKS") + " is cheaper by " + dollars(magnitude) + " " + std::string(period);
}

namespace detail {

inline std::string pad_left(const std::string& s, std::size_t width) { return s.size() >= width ? s : std::string(width - s.size(), ' ') + s; }
inline std::string pad_right(const std::string& s, std::size_t width) { return s.size() >= width ? s : s + std::string(width - s.size(), ' '); }

// A CSV field, quoted when it holds a comma, a quote or a newline.
inline std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

}  // namespace detail

}  // namespace libtco
