#pragma once
// Demand that changes over the day: how many replicas a workload needs in each hour of a weekday
// and of a weekend day, and what that comes to over a billed month.
//
// Two JSON spellings are read; the first is the normal form written back:
//   {"weekday": [24 counts], "weekend": [24 counts]}       (weekend defaults to weekday)
//   {"base": 2, "peaks": [{"days": "weekdays", "from": "08:00", "to": "20:00", "replicas": 10}]}
// Index h of an array is the hour h:00 to h+1:00 (UTC, like the billed month).
//
// A month's days: on the calendar basis the real Mon-Fri and Sat-Sun days of the month; on the
// aws-730 basis the month has no dates, so its hours are split as a week is, 5/7 weekdays and
// 2/7 weekend. Month sums (replica-hours, slot hours, scale-ups) are computed from that split as
// one exact fraction and rounded half-even once, so a flat profile of n replicas gives exactly
// n x the month's hours on either basis.

#include <libtco/core/calendar.hpp>
#include <libtco/core/decimal.hpp>
#include <libtco/core/detail/json_reader.hpp>
#include <libtco/core/error.hpp>
#include <libtco/core/quantity.hpp>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace libtco {

inline constexpr std::size_t hours_per_day = 24;

// Replicas needed in each hour of the day, for Monday-Friday and for Saturday-Sunday.
struct DemandProfile {
    // The most replicas any hour may ask for; the same bound as a workload's flat replica count
    // (limits::max_replicas_per_workload in scenario.hpp).
    static constexpr std::int64_t max_replicas = 20000;

    std::array<std::int64_t, hours_per_day> weekday{};
    std::array<std::int64_t, hours_per_day> weekend{};

    // The same count in every hour of every day.
    static DemandProfile constant(std::int64_t replicas) {
        DemandProfile p;
        p.weekday.fill(replicas);
        p.weekend.fill(replicas);
        return p;
    }
    // No replicas in any hour.
    bool empty() const {
        const auto zero = [](std::int64_t n) { return n == 0; };
        return std::all_of(weekday.begin(), weekday.end(), zero) && std::all_of(weekend.begin(), weekend.end(), zero);
    }
    // The same count in every hour (a flat workload).
    bool is_constant() const {
        const std::int64_t first = weekday[0];
        const auto same = [first](std::int64_t n) { return n == first; };
        return std::all_of(weekday.begin(), weekday.end(), same) && std::all_of(weekend.begin(), weekend.end(), same);
    }
    friend bool operator==(const DemandProfile&, const DemandProfile&) = default;
};

// The most replicas needed in any hour: what the fleet must hold at its busiest.
inline std::int64_t peak(const DemandProfile& p) {
    return std::max(*std::max_element(p.weekday.begin(), p.weekday.end()), *std::max_element(p.weekend.begin(), p.weekend.end()));
}

// ---------------------------------------------------------------------------------------------
// The days of a billed month.

// The aws-730 month has no dates; its hours are split between weekdays and weekend days in the
// proportion of a calendar week: 5 of 7 days are Monday-Friday, 2 of 7 Saturday-Sunday.
inline constexpr std::int64_t aws_weekdays_per_week = 5;
inline constexpr std::int64_t aws_weekend_days_per_week = 2;

// Build with month_days(). weekdays and weekend_days are for reading and display; the month sums
// below use hours and the exact split weekday_parts : weekend_parts instead, because on aws-730 the
// days are rounded (730 h / 24 = 30.41666... days).
struct MonthDays {
    // Monday-Friday days billed: whole on the calendar basis; on aws-730 hours x 5 / (24 x 7),
    // rounded half-even to 12 places.
    Decimal weekdays;
    // Saturday-Sunday days billed: whole on the calendar basis; on aws-730 hours / 24 - weekdays,
    // so that weekdays + weekend_days == hours / 24 (as rounded to 12 places) exactly.
    Decimal weekend_days;
    // The month's billed hours (hours_in_month).
    Hours hours;
    // The month's hours fall on weekdays and weekend days in the ratio weekday_parts : weekend_parts
    // (the real day counts on the calendar basis, 5 : 2 on aws-730).
    std::int64_t weekday_parts = aws_weekdays_per_week;
    std::int64_t weekend_parts = aws_weekend_days_per_week;
};

namespace detail {

inline bool is_weekend(date::weekday d) { return d == date::Saturday || d == date::Sunday; }

inline MonthDays calendar_month_days(const BillingMonth& month) {
    MonthDays m;
    m.weekday_parts = 0;
    m.weekend_parts = 0;
    const date::sys_days first{first_day(month)};
    for (int i = 0; i < month.days(); ++i) ++(is_weekend(date::weekday{first + date::days{i}}) ? m.weekend_parts : m.weekday_parts);
    m.weekdays = Decimal(m.weekday_parts);
    m.weekend_days = Decimal(m.weekend_parts);
    m.hours = hours_in_month(HoursBasis::calendar, month, Hours{});
    return m;
}

inline MonthDays aws_month_days(const Hours& aws_month_hours) {
    MonthDays m;
    m.hours = aws_month_hours;
    const std::int64_t week_days = aws_weekdays_per_week + aws_weekend_days_per_week;
    m.weekdays = times(aws_month_hours.value(), aws_weekdays_per_week) / Decimal(static_cast<std::int64_t>(hours_per_day) * week_days);
    m.weekend_days = aws_month_hours.value() / Decimal(static_cast<std::int64_t>(hours_per_day)) - m.weekdays;
    return m;
}

// weekday_count x (weekdays in the month) + weekend_count x (weekend days), from the exact split
// hours x (weekday_count x weekday_parts + weekend_count x weekend_parts) / (24 x all parts),
// rounded half-even once (exact on the calendar basis, where hours = 24 x all parts).
inline Decimal per_day_sum(const MonthDays& m, std::int64_t weekday_count, std::int64_t weekend_count) {
    const std::int64_t parts = m.weekday_parts + m.weekend_parts;
    if (parts == 0) return Decimal{};
    const Decimal shares = Decimal(weekday_count * m.weekday_parts + weekend_count * m.weekend_parts);
    return m.hours.value() * shares / Decimal(static_cast<std::int64_t>(hours_per_day) * parts);
}

inline std::int64_t hour_total(const std::array<std::int64_t, hours_per_day>& a) {
    std::int64_t total = 0;
    for (std::int64_t n : a) total += n;
    return total;
}

}  // namespace detail

// The weekdays and weekend days of a billed month on the given hours basis.
inline MonthDays month_days(HoursBasis basis, const BillingMonth& month, const Hours& aws_month_hours) {
    return basis == HoursBasis::calendar ? detail::calendar_month_days(month) : detail::aws_month_days(aws_month_hours);
}

// Replica-hours in the month: the sum over hours h of weekday[h] x weekdays + weekend[h] x weekend days,
// computed exactly and rounded half-even once to 12 places.
inline Decimal replica_hours(const DemandProfile& p, const MonthDays& m) {
    return detail::per_day_sum(m, detail::hour_total(p.weekday), detail::hour_total(p.weekend));
}

// ---------------------------------------------------------------------------------------------
// Slots: how long in the month each replica count runs, whatever the hour. An autoscaled fleet is
// sized per slot.
struct DemandSlot {
    std::int64_t replicas = 0;
    Hours hours;
    friend bool operator==(const DemandSlot&, const DemandSlot&) = default;
};

// One slot per distinct replica count (0 included), most replicas first. Each slot's hours are the
// exact fraction of the month's hours its hour-of-day cells take up; they are rounded cumulatively
// (slot i gets round(sum through i) - round(sum through i-1)), so the slots add up to exactly the
// month's hours and none is off by more than 10^-12 h.
inline std::vector<DemandSlot> slots(const DemandProfile& p, const MonthDays& m) {
    std::vector<std::int64_t> counts(p.weekday.begin(), p.weekday.end());
    counts.insert(counts.end(), p.weekend.begin(), p.weekend.end());
    std::sort(counts.begin(), counts.end(), std::greater<>());
    counts.erase(std::unique(counts.begin(), counts.end()), counts.end());

    std::vector<DemandSlot> out;
    std::int64_t weekday_cells = 0;  // hour-of-day cells through this slot
    std::int64_t weekend_cells = 0;
    Decimal through_previous;
    for (std::int64_t replicas : counts) {
        weekday_cells += std::count(p.weekday.begin(), p.weekday.end(), replicas);
        weekend_cells += std::count(p.weekend.begin(), p.weekend.end(), replicas);
        const Decimal through = detail::per_day_sum(m, weekday_cells, weekend_cells);
        out.push_back(DemandSlot{replicas, Hours(through - through_previous)});
        through_previous = through;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Changes of a count by the hour (autoscaled nodes), to charge the lag between demand rising and
// capacity arriving and the delay before idle capacity goes.
//
// Approximation: each day is taken as followed by a day of the same kind, so an array is read as a
// cycle (23:00 -> 00:00 included) and the Friday -> Saturday and Sunday -> Monday boundaries are
// counted as weekday -> weekday and weekend -> weekend. Month figures are per-day counts times the
// month's weekdays and weekend days (fractional on aws-730), computed as replica_hours is.
namespace detail {

// How a count changes over one day read as a cycle: the sum of its rises and of its falls at the
// hour boundaries (23:00 -> 00:00 included). Autoscaling counts node starts and stops with it.
struct DayChanges {
    std::int64_t rises = 0;
    std::int64_t falls = 0;
};

inline DayChanges day_changes(const std::array<std::int64_t, hours_per_day>& a) {
    DayChanges r;
    for (std::size_t h = 0; h < hours_per_day; ++h) {
        const std::int64_t before = a[(h + hours_per_day - 1) % hours_per_day];
        r.rises += std::max<std::int64_t>(0, a[h] - before);
        r.falls += std::max<std::int64_t>(0, before - a[h]);
    }
    return r;
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Reading and writing.
namespace detail {

using HourArray = std::array<std::int64_t, hours_per_day>;

inline std::int64_t read_replica_count(const json& v, const std::string& path) {
    return require_in(read_integer(v, path), 0, DemandProfile::max_replicas, path);
}

inline HourArray read_hour_array(const json& v, const std::string& path) {
    require_array(v, path);
    if (v.size() != hours_per_day)
        throw validation_error(errc::bad_format, path,
                               "expected 24 replica counts, one per hour from 00:00 to 23:00, got " + std::to_string(v.size()));
    HourArray out{};
    for (std::size_t h = 0; h < hours_per_day; ++h) out[h] = read_replica_count(v[h], child_path(path, h));
    return out;
}

// "HH:00" -> HH, for HH in [lo, hi].
inline std::int64_t read_whole_hour(const json& v, const std::string& path, std::int64_t lo, std::int64_t hi) {
    const std::string text = read_string(v, path);
    const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (text.size() != 5 || !digit(0) || !digit(1) || text[2] != ':' || !digit(3) || !digit(4))
        throw validation_error(errc::bad_format, path, "expected a time \"HH:00\", got " + describe(v));
    if (text[3] != '0' || text[4] != '0')
        throw validation_error(errc::bad_format, path, "expected a whole hour \"HH:00\", got " + describe(v));
    const std::int64_t hour = (text[0] - '0') * 10 + (text[1] - '0');
    if (hour < lo || hour > hi)
        throw validation_error(errc::out_of_range, path,
                               "expected an hour from " + std::string(lo < 10 ? "0" : "") + std::to_string(lo) + ":00 to " +
                                   std::to_string(hi) + ":00, got " + describe(v));
    return hour;
}

enum class PeakDays { weekdays, weekends, all };

inline PeakDays read_peak_days(const json& v, const std::string& path) {
    const std::string text = read_string(v, path);
    if (text == "weekdays") return PeakDays::weekdays;
    if (text == "weekends") return PeakDays::weekends;
    if (text == "all") return PeakDays::all;
    throw validation_error(errc::bad_format, path, "expected \"weekdays\", \"weekends\" or \"all\", got " + describe(v));
}

// Hours from <= h < to of the chosen days, at `replicas`.
struct Peak {
    PeakDays days = PeakDays::all;
    std::int64_t from = 0;
    std::int64_t to = 24;
    std::int64_t replicas = 0;
};

inline Peak read_peak(const json& v, const std::string& path) {
    ObjectReader r(v, path);
    Peak p;
    p.days = read_peak_days(r.at("days"), r.path_of("days"));
    p.from = read_whole_hour(r.at("from"), r.path_of("from"), 0, 23);
    p.to = read_whole_hour(r.at("to"), r.path_of("to"), 1, 24);
    if (p.to <= p.from)
        throw validation_error(errc::inconsistent, r.path_of("to"),
                               "must be later than \"from\" (" + read_string(r.at("from"), r.path_of("from")) +
                                   "); a peak across midnight is two peaks, one ending at \"24:00\"");
    p.replicas = read_replica_count(r.at("replicas"), r.path_of("replicas"));
    r.finish();
    return p;
}

// Hours inside no peak run base; a peak sets the count of its hours; where peaks overlap the
// larger count wins.
inline void apply_peak(HourArray& hours, std::array<bool, hours_per_day>& set, const Peak& p) {
    for (auto h = static_cast<std::size_t>(p.from); h < static_cast<std::size_t>(p.to); ++h) {
        hours[h] = set[h] ? std::max(hours[h], p.replicas) : p.replicas;
        set[h] = true;
    }
}

inline DemandProfile read_peak_form(ObjectReader& r) {
    const std::int64_t base = read_replica_count(r.at("base"), r.path_of("base"));
    DemandProfile out = DemandProfile::constant(base);
    std::array<bool, hours_per_day> weekday_set{};
    std::array<bool, hours_per_day> weekend_set{};
    if (const json* peaks = r.find("peaks")) {
        const std::string path = r.path_of("peaks");
        require_array(*peaks, path);
        for (std::size_t i = 0; i < peaks->size(); ++i) {
            const Peak p = read_peak((*peaks)[i], child_path(path, i));
            if (p.days != PeakDays::weekends) apply_peak(out.weekday, weekday_set, p);
            if (p.days != PeakDays::weekdays) apply_peak(out.weekend, weekend_set, p);
        }
    }
    return out;
}

inline DemandProfile read_array_form(ObjectReader& r) {
    DemandProfile out;
    out.weekday = read_hour_array(r.at("weekday"), r.path_of("weekday"));
    const json* weekend = r.find("weekend");
    out.weekend = weekend ? read_hour_array(*weekend, r.path_of("weekend")) : out.weekday;
    return out;
}

inline void require_one_form(const ObjectReader& r) {
    for (const char* peak_key : {"base", "peaks"})
        for (const char* array_key : {"weekday", "weekend"})
            if (r.has(peak_key) && r.has(array_key))
                throw validation_error(errc::inconsistent, r.path_of(peak_key),
                                       std::string("cannot be combined with \"") + array_key +
                                           "\"; give either \"weekday\"/\"weekend\" arrays or \"base\" and \"peaks\"");
}

}  // namespace detail

// Reads a demand profile in either spelling (see the top of this header).
inline DemandProfile read_demand_profile(const detail::json& v, const std::string& path) {
    detail::ObjectReader r(v, path);
    detail::require_one_form(r);
    const bool peak_form = r.has("base") || r.has("peaks");
    DemandProfile out = peak_form ? detail::read_peak_form(r) : detail::read_array_form(r);
    r.finish();
    return out;
}

// The normal form: both 24-hour arrays.
inline nlohmann::ordered_json to_json(const DemandProfile& p) {
    nlohmann::ordered_json j;
    j["weekday"] = p.weekday;
    j["weekend"] = p.weekend;
    return j;
}

}  // namespace libtco
