#pragma once
// Billing months and how many hours they have.
// Two conventions: AWS's pricing calculator month (365 x 24 / 12 = 730 h, a named parameter) and the
// real calendar month in UTC (Feb 2028 = 29 days = 696 h). date::months is the average Gregorian
// month (730.485 h) and is deliberately not used for billing.

#include <libtco/core/error.hpp>
#include <libtco/core/quantity.hpp>

#include <date/date.h>

#include <string>
#include <string_view>

namespace libtco {

enum class HoursBasis { aws_730, calendar };

inline std::string to_string(HoursBasis basis) { return basis == HoursBasis::aws_730 ? "aws-730" : "calendar"; }

inline HoursBasis parse_hours_basis(std::string_view text, const std::string& path = {}) {
    if (text == "aws-730") return HoursBasis::aws_730;
    if (text == "calendar") return HoursBasis::calendar;
    throw validation_error(errc::bad_format, path, "expected \"aws-730\" or \"calendar\", got \"" + std::string(text) + "\"");
}

// A billed calendar month, "YYYY-MM".
class BillingMonth {
public:
    BillingMonth() = default;
    explicit BillingMonth(date::year_month ym) : ym_(ym) {}

    static BillingMonth parse(std::string_view text, const std::string& path = {}) {
        const auto digits = [&](std::size_t from, std::size_t n) {
            int v = 0;
            for (std::size_t i = from; i < from + n; ++i) {
                if (text[i] < '0' || text[i] > '9') return -1;
                v = v * 10 + (text[i] - '0');
            }
            return v;
        };
        if (text.size() != 7 || text[4] != '-' || digits(0, 4) < 0 || digits(5, 2) < 1 || digits(5, 2) > 12)
            throw validation_error(errc::bad_format, path, "expected a month as \"YYYY-MM\", got \"" + std::string(text) + "\"");
        if (digits(0, 4) < 1970)
            throw validation_error(errc::out_of_range, path, "expected a month from 1970-01 on, got \"" + std::string(text) + "\"");
        return BillingMonth(date::year{digits(0, 4)} / date::month{static_cast<unsigned>(digits(5, 2))});
    }

    date::year_month year_month() const noexcept { return ym_; }
    int days() const {
        const date::sys_days first{ym_ / 1};
        const date::sys_days next{(ym_ + date::months{1}) / 1};
        return static_cast<int>((next - first).count());
    }
    std::string to_string() const {
        const int y = static_cast<int>(ym_.year());
        const unsigned m = static_cast<unsigned>(ym_.month());
        std::string out = std::to_string(y) + "-";
        if (m < 10) out += "0";
        return out + std::to_string(m);
    }
    friend bool operator==(const BillingMonth&, const BillingMonth&) = default;

private:
    date::year_month ym_{date::year{2026}, date::month{1}};
};

// A calendar date "YYYY-MM-DD" (a catalog's effective date).
inline date::year_month_day parse_iso_date(std::string_view text, const std::string& path = {}) {
    const auto bad = [&] { return validation_error(errc::bad_format, path, "expected a date as \"YYYY-MM-DD\", got \"" + std::string(text) + "\""); };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw bad();
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') throw bad();
    const auto number = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (text[i] - '0');
        return v;
    };
    const date::year_month_day ymd{date::year{number(0, 4)}, date::month{static_cast<unsigned>(number(5, 2))},
                                   date::day{static_cast<unsigned>(number(8, 2))}};
    if (!ymd.ok()) throw bad();
    return ymd;
}

inline date::year_month_day first_day(const BillingMonth& m) { return m.year_month() / date::day{1}; }
inline date::year_month_day last_day(const BillingMonth& m) { return date::year_month_day{m.year_month() / date::last}; }

// AWS's pricing calculator and Infracost bill a month as 730 hours (365 x 24 / 12).
inline Hours aws_month_hours_default() { return Hours(Decimal(730)); }

inline Hours hours_in_month(HoursBasis basis, const BillingMonth& month, const Hours& aws_month_hours) {
    if (basis == HoursBasis::aws_730) return aws_month_hours;
    return Hours(Decimal(static_cast<std::int64_t>(month.days()) * 24));
}

}  // namespace libtco
