#include <libtco/scenario/demand_profile.hpp>

#include "capture.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace libtco;

namespace {

const std::string demand_path = "/workloads/0/demand";

DemandProfile read(const std::string& text) { return read_demand_profile(detail::parse_exact(text), demand_path); }

libtco::error read_error(const std::string& text) {
    return fixture::capture([&] { read(text); });
}

// The issue's example: 10 replicas from 08:00 to 20:00 on weekdays and 2 otherwise.
const char* office_hours_peaks = R"({"base": 2, "peaks": [{"days": "weekdays", "from": "08:00", "to": "20:00", "replicas": 10}]})";

DemandProfile office_hours() {
    DemandProfile p = DemandProfile::constant(2);
    for (std::size_t h = 8; h < 20; ++h) p.weekday[h] = 10;
    return p;
}

MonthDays calendar_days(const char* month) {
    return month_days(HoursBasis::calendar, BillingMonth::parse(month), aws_month_hours_default());
}
MonthDays aws_days(std::int64_t hours = 730) {
    return month_days(HoursBasis::aws_730, BillingMonth::parse("2026-09"), Hours(Decimal(hours)));
}

Decimal dec(const char* text) { return Decimal::parse(text); }

Hours total_hours(const std::vector<DemandSlot>& slots) {
    Hours total;
    for (const DemandSlot& s : slots) total += s.hours;
    return total;
}

}  // namespace

TEST_CASE("the peak spelling and the 24-hour arrays give the same profile") {
    const DemandProfile p = read(office_hours_peaks);
    CHECK(p == office_hours());
    CHECK(p.weekday[7] == 2);
    CHECK(p.weekday[8] == 10);
    CHECK(p.weekday[19] == 10);
    CHECK(p.weekday[20] == 2);
    CHECK(p.weekend == DemandProfile::constant(2).weekend);

    const auto j = to_json(p);
    CHECK(j.dump() ==
          R"({"weekday":[2,2,2,2,2,2,2,2,10,10,10,10,10,10,10,10,10,10,10,10,2,2,2,2],)"
          R"("weekend":[2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2]})");
    CHECK(read(j.dump()) == p);  // the normal form reads back
}

TEST_CASE("weekend defaults to weekday in the array spelling") {
    const DemandProfile p = read(R"({"weekday": [0,0,0,0,0,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,20000]})");
    CHECK(p.weekend == p.weekday);
    CHECK(p.weekday[23] == 20000);
    CHECK(peak(p) == 20000);
}

TEST_CASE("peaks: hours outside every peak run base, overlaps take the larger count, a peak may go below base") {
    const DemandProfile p = read(R"({"base": 4, "peaks": [
        {"days": "all", "from": "00:00", "to": "06:00", "replicas": 0},
        {"days": "weekdays", "from": "09:00", "to": "17:00", "replicas": 8},
        {"days": "weekdays", "from": "12:00", "to": "14:00", "replicas": 12},
        {"days": "all", "from": "13:00", "to": "15:00", "replicas": 6},
        {"days": "weekends", "from": "22:00", "to": "24:00", "replicas": 5}]})");
    const std::array<std::int64_t, 24> weekday = {0, 0, 0, 0, 0, 0, 4, 4, 4, 8, 8, 8, 12, 12, 8, 8, 8, 4, 4, 4, 4, 4, 4, 4};
    const std::array<std::int64_t, 24> weekend = {0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 6, 6, 4, 4, 4, 4, 4, 4, 4, 5, 5};
    CHECK(p.weekday == weekday);
    CHECK(p.weekend == weekend);
    CHECK(peak(p) == 12);
    // No peaks at all: a flat profile.
    CHECK(read(R"({"base": 3})") == DemandProfile::constant(3));
    CHECK(read(R"({"base": 3, "peaks": []})").is_constant());
}

TEST_CASE("empty, constant and peak") {
    CHECK(DemandProfile{}.empty());
    CHECK(DemandProfile{}.is_constant());
    CHECK(peak(DemandProfile{}) == 0);
    CHECK_FALSE(office_hours().empty());
    CHECK_FALSE(office_hours().is_constant());
    CHECK(peak(office_hours()) == 10);
    DemandProfile weekend_only;
    weekend_only.weekend[3] = 1;
    CHECK_FALSE(weekend_only.empty());
    CHECK(peak(weekend_only) == 1);
}

TEST_CASE("calendar months count their real weekdays and weekend days") {
    // 2026-09: Tuesday 1st to Wednesday 30th.
    const MonthDays sep = calendar_days("2026-09");
    CHECK(sep.weekdays == Decimal(22));
    CHECK(sep.weekend_days == Decimal(8));
    CHECK(sep.hours == Hours(Decimal(720)));
    // 2026-02: Sunday 1st, 28 days = four whole weeks.
    CHECK(calendar_days("2026-02").weekdays == Decimal(20));
    CHECK(calendar_days("2026-02").weekend_days == Decimal(8));
    // 2028-02 (leap year): Tuesday 1st; the 29th is a Tuesday too.
    CHECK(calendar_days("2028-02").weekdays == Decimal(21));
    CHECK(calendar_days("2028-02").weekend_days == Decimal(8));
    CHECK(calendar_days("2028-02").hours == Hours(Decimal(696)));
    // 2026-05: Friday 1st, 31 days: five Fridays, Saturdays and Sundays.
    CHECK(calendar_days("2026-05").weekdays == Decimal(21));
    CHECK(calendar_days("2026-05").weekend_days == Decimal(10));
    // The aws hours are not used on the calendar basis.
    CHECK(month_days(HoursBasis::calendar, BillingMonth::parse("2026-09"), Hours(Decimal(1))).weekdays == Decimal(22));
}

TEST_CASE("the aws-730 month is split as a week: 5/7 weekdays, 2/7 weekend") {
    const MonthDays m = aws_days();
    // 730 x 5 / 168 = 21.726190476190|476... -> 21.726190476190
    CHECK(m.weekdays == dec("21.72619047619"));
    // 730 / 24 = 30.416666666666|67 -> 30.416666666667; minus the weekdays.
    CHECK(m.weekend_days == dec("8.690476190477"));
    CHECK(m.weekdays + m.weekend_days == Decimal(730) / Decimal(24));
    CHECK(m.weekdays + m.weekend_days == dec("30.416666666667"));
    CHECK(m.hours == Hours(Decimal(730)));
    // The month whatever: the basis has no dates.
    const MonthDays feb = month_days(HoursBasis::aws_730, BillingMonth::parse("2028-02"), aws_month_hours_default());
    CHECK(feb.weekdays == m.weekdays);
    // A configured month length: 720 h -> 720 x 5 / 168 = 21.428571428571|43.
    CHECK(aws_days(720).weekdays == dec("21.428571428571"));
    CHECK(aws_days(720).weekend_days == dec("8.571428571429"));  // 30 - 21.428571428571
}

TEST_CASE("replica-hours in the month") {
    // Calendar 2026-09: 22 x (12 x 10 + 12 x 2) + 8 x (24 x 2) = 3168 + 384.
    CHECK(replica_hours(office_hours(), calendar_days("2026-09")) == Decimal(3552));
    // 2026-02: 20 x 144 + 8 x 48; 2028-02: 21 x 144 + 8 x 48.
    CHECK(replica_hours(office_hours(), calendar_days("2026-02")) == Decimal(3264));
    CHECK(replica_hours(office_hours(), calendar_days("2028-02")) == Decimal(3408));
    // aws-730: 730 x (144 x 5 + 48 x 2) / 168 = 595680 / 168 = 3545.714285714285|714... rounded once.
    CHECK(replica_hours(office_hours(), aws_days()) == dec("3545.714285714286"));
    // A flat profile gives exactly replicas x the month's hours on either basis.
    CHECK(replica_hours(DemandProfile::constant(3), aws_days()) == Decimal(2190));
    CHECK(replica_hours(DemandProfile::constant(3), calendar_days("2028-02")) == Decimal(2088));
    CHECK(replica_hours(DemandProfile{}, aws_days()) == Decimal(0));
}

TEST_CASE("slots merge equal replica counts and add up to the month's hours") {
    // Calendar 2026-09: 10 replicas 12 h x 22 weekdays; 2 replicas 12 h x 22 + 24 h x 8.
    const auto sep = slots(office_hours(), calendar_days("2026-09"));
    REQUIRE(sep.size() == 2);
    CHECK(sep[0] == DemandSlot{10, Hours(Decimal(264))});
    CHECK(sep[1] == DemandSlot{2, Hours(Decimal(456))});
    CHECK(total_hours(sep) == Hours(Decimal(720)));

    // aws-730: 730 x 60 / 168 = 260.714285714285|71 -> 260.714285714286; the rest 469.285714285714.
    const auto aws = slots(office_hours(), aws_days());
    REQUIRE(aws.size() == 2);
    CHECK(aws[0] == DemandSlot{10, Hours(dec("260.714285714286"))});
    CHECK(aws[1] == DemandSlot{2, Hours(dec("469.285714285714"))});
    CHECK(total_hours(aws) == Hours(Decimal(730)));

    // Zero-replica hours are a slot too, so the month is always covered.
    const auto night = slots(read(R"({"base": 0, "peaks": [{"days": "all", "from": "09:00", "to": "17:00", "replicas": 1}]})"), aws_days());
    REQUIRE(night.size() == 2);
    CHECK(night[1].replicas == 0);
    CHECK(night[0].hours == Hours(dec("243.333333333333")));  // 730 x 8 / 24
    CHECK(total_hours(night) == Hours(Decimal(730)));

    const auto flat = slots(DemandProfile::constant(5), calendar_days("2028-02"));
    REQUIRE(flat.size() == 1);
    CHECK(flat[0] == DemandSlot{5, Hours(Decimal(696))});
}

TEST_CASE("a day's rises and falls, read as a cycle") {
    // Office hours: 2 replicas, 10 from 08:00 to 20:00: one rise by 8 at 08:00, one fall by 8 at 20:00.
    const DemandProfile office = office_hours();
    CHECK(detail::day_changes(office.weekday).rises == 8);
    CHECK(detail::day_changes(office.weekday).falls == 8);
    CHECK(detail::day_changes(office.weekend).rises == 0);
    CHECK(detail::day_changes(DemandProfile::constant(7).weekday).falls == 0);

    // 23:00 (1) -> 00:00 (5) is a rise by 4 and 00:00 -> 01:00 a fall by 4; on weekends 02:00 -> 03:00
    // (1 -> 2) and back.
    DemandProfile p = DemandProfile::constant(1);
    p.weekday[0] = 5;
    p.weekend[3] = 2;
    const detail::DayChanges weekday = detail::day_changes(p.weekday);
    const detail::DayChanges weekend = detail::day_changes(p.weekend);
    CHECK(weekday.rises == 4);
    CHECK(weekday.falls == 4);
    CHECK(weekend.rises == 1);
    CHECK(weekend.falls == 1);
    // 2026-02: 20 weekdays x 4 + 8 weekend days x 1 replicas started in the month.
    CHECK(detail::per_day_sum(calendar_days("2026-02"), weekday.rises, weekend.rises) == Decimal(88));
    // aws-730: 730 x 5 / 168 weekdays x 8 = 173.809523809524 (12 places, half-even).
    CHECK(detail::per_day_sum(aws_days(), detail::day_changes(office.weekday).rises, 0) == dec("173.809523809524"));
}

TEST_CASE("array spelling errors name the bad value") {
    const std::string short_day = R"({"weekday": [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]})";
    auto e = read_error(short_day);
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == "/workloads/0/demand/weekday");
    CHECK(e.detail() == "expected 24 replica counts, one per hour from 00:00 to 23:00, got 23");

    e = read_error(R"({"weekday": [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1], "weekend": [1,1,1,-1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]})");
    CHECK(e.code() == errc::out_of_range);
    CHECK(e.path() == "/workloads/0/demand/weekend/3");
    CHECK(e.detail() == "must be in [0, 20000], got -1");

    e = read_error(R"({"weekday": [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,20001]})");
    CHECK(e.code() == errc::out_of_range);
    CHECK(e.path() == "/workloads/0/demand/weekday/23");

    e = read_error(R"({"weekday": [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1.5]})");
    CHECK(e.code() == errc::not_whole);
    CHECK(e.path() == "/workloads/0/demand/weekday/23");

    e = read_error(R"({"weekday": [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,"1"]})");
    CHECK(e.code() == errc::wrong_type);
    CHECK(e.path() == "/workloads/0/demand/weekday/23");

    e = read_error(R"({"weekday": 24})");
    CHECK(e.code() == errc::wrong_type);
    CHECK(e.path() == "/workloads/0/demand/weekday");

    e = read_error(R"({"weekdays": []})");  // a typo is reported as such
    CHECK(e.code() == errc::unknown_key);
    CHECK(e.path() == "/workloads/0/demand/weekdays");

    e = read_error(R"({})");
    CHECK(e.code() == errc::missing_key);
    CHECK(e.path() == "/workloads/0/demand/weekday");

    e = read_error(R"({"weekend": [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]})");
    CHECK(e.code() == errc::missing_key);
    CHECK(e.path() == "/workloads/0/demand/weekday");

    e = read_error(R"([1, 2])");
    CHECK(e.code() == errc::wrong_type);
    CHECK(e.path() == "/workloads/0/demand");
}

TEST_CASE("peak spelling errors name the bad value") {
    const auto peaks = [](const std::string& second) {
        return R"({"base": 2, "peaks": [{"days": "weekdays", "from": "08:00", "to": "20:00", "replicas": 10}, )" + second + "]}";
    };
    auto e = read_error(peaks(R"({"days": "all", "from": "08:30", "to": "20:00", "replicas": 10})"));
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == "/workloads/0/demand/peaks/1/from");
    CHECK(e.detail() == "expected a whole hour \"HH:00\", got \"08:30\"");

    e = read_error(peaks(R"({"days": "all", "from": "8:00", "to": "20:00", "replicas": 10})"));
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == "/workloads/0/demand/peaks/1/from");
    CHECK(e.detail() == "expected a time \"HH:00\", got \"8:00\"");

    e = read_error(peaks(R"({"days": "all", "from": "08:00", "to": "25:00", "replicas": 10})"));
    CHECK(e.code() == errc::out_of_range);
    CHECK(e.path() == "/workloads/0/demand/peaks/1/to");
    CHECK(e.detail() == "expected an hour from 01:00 to 24:00, got \"25:00\"");

    e = read_error(peaks(R"({"days": "all", "from": "24:00", "to": "24:00", "replicas": 10})"));
    CHECK(e.code() == errc::out_of_range);
    CHECK(e.path() == "/workloads/0/demand/peaks/1/from");
    CHECK(e.detail() == "expected an hour from 00:00 to 23:00, got \"24:00\"");

    e = read_error(peaks(R"({"days": "all", "from": "20:00", "to": "08:00", "replicas": 10})"));
    CHECK(e.code() == errc::inconsistent);
    CHECK(e.path() == "/workloads/0/demand/peaks/1/to");
    CHECK(e.detail() == "must be later than \"from\" (20:00); a peak across midnight is two peaks, one ending at \"24:00\"");

    e = read_error(peaks(R"({"days": "all", "from": "08:00", "to": "08:00", "replicas": 10})"));
    CHECK(e.code() == errc::inconsistent);
    CHECK(e.path() == "/workloads/0/demand/peaks/1/to");

    e = read_error(peaks(R"({"days": "all", "from": 8, "to": "20:00", "replicas": 10})"));
    CHECK(e.code() == errc::wrong_type);
    CHECK(e.path() == "/workloads/0/demand/peaks/1/from");

    e = read_error(peaks(R"({"days": "weekend", "from": "08:00", "to": "20:00", "replicas": 10})"));
    CHECK(e.code() == errc::bad_format);
    CHECK(e.path() == "/workloads/0/demand/peaks/1/days");
    CHECK(e.detail() == "expected \"weekdays\", \"weekends\" or \"all\", got \"weekend\"");

    e = read_error(peaks(R"({"days": "all", "from": "08:00", "to": "20:00", "replicas": 10, "note": "x"})"));
    CHECK(e.code() == errc::unknown_key);
    CHECK(e.path() == "/workloads/0/demand/peaks/1/note");

    e = read_error(peaks(R"({"from": "08:00", "to": "20:00", "replicas": 10})"));
    CHECK(e.code() == errc::missing_key);
    CHECK(e.path() == "/workloads/0/demand/peaks/1/days");

    e = read_error(peaks(R"({"days": "all", "from": "08:00", "to": "20:00", "replicas": -1})"));
    CHECK(e.code() == errc::out_of_range);
    CHECK(e.path() == "/workloads/0/demand/peaks/1/replicas");

    e = read_error(R"({"base": 20001})");
    CHECK(e.code() == errc::out_of_range);
    CHECK(e.path() == "/workloads/0/demand/base");

    e = read_error(R"({"peaks": []})");
    CHECK(e.code() == errc::missing_key);
    CHECK(e.path() == "/workloads/0/demand/base");

    e = read_error(R"({"base": 2, "peaks": {}})");
    CHECK(e.code() == errc::wrong_type);
    CHECK(e.path() == "/workloads/0/demand/peaks");

    e = read_error(R"({"base": 2, "color": "red"})");
    CHECK(e.code() == errc::unknown_key);
    CHECK(e.path() == "/workloads/0/demand/color");

    e = read_error(R"({"base": 2, "weekday": [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]})");
    CHECK(e.code() == errc::inconsistent);
    CHECK(e.path() == "/workloads/0/demand/base");
}
