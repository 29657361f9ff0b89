#include <libtco/core/calendar.hpp>

#include <doctest/doctest.h>

using namespace libtco;

static Decimal hours_of(const char* month, HoursBasis basis) {
    return hours_in_month(basis, BillingMonth::parse(month), aws_month_hours_default()).value();
}

TEST_CASE("calendar months have their real hours") {
    CHECK(hours_of("2028-02", HoursBasis::calendar) == Decimal(696));  // leap year: 29 x 24
    CHECK(hours_of("2027-02", HoursBasis::calendar) == Decimal(672));  // 28 x 24
    CHECK(hours_of("2027-03", HoursBasis::calendar) == Decimal(744));  // 31 x 24
    CHECK(hours_of("2026-04", HoursBasis::calendar) == Decimal(720));  // 30 x 24
    CHECK(hours_of("2100-02", HoursBasis::calendar) == Decimal(672));  // 2100 is not a leap year
    CHECK(hours_of("2000-02", HoursBasis::calendar) == Decimal(696));  // 2000 is
}

TEST_CASE("the AWS basis is 730 hours whatever the month") {
    CHECK(hours_of("2028-02", HoursBasis::aws_730) == Decimal(730));
    CHECK(hours_of("2027-03", HoursBasis::aws_730) == Decimal(730));
    CHECK(hours_in_month(HoursBasis::aws_730, BillingMonth::parse("2027-03"), Hours(Decimal(720))).value() == Decimal(720));
}

TEST_CASE("months parse strictly and print back") {
    CHECK(BillingMonth::parse("2026-09").to_string() == "2026-09");
    CHECK(BillingMonth::parse("2026-12").days() == 31);
    for (const char* bad : {"2026-13", "2026-00", "2026-1", "26-01", "abcd-ef", "2026/01", "2026-01-01", ""}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(BillingMonth::parse(bad, "/month"), validation_error);
    }
    try {
        BillingMonth::parse("2026-13", "/month");
    } catch (const error& e) {
        CHECK(e.path() == "/month");
        CHECK(e.code() == errc::bad_format);
    }
}

TEST_CASE("hours basis names") {
    CHECK(parse_hours_basis("aws-730") == HoursBasis::aws_730);
    CHECK(parse_hours_basis("calendar") == HoursBasis::calendar);
    CHECK(to_string(HoursBasis::calendar) == "calendar");
    CHECK_THROWS_AS(parse_hours_basis("730"), validation_error);
}
