// The EKS version lifecycle on hand-made dates: releases every 4 months, 14 months of standard
// support, 12 of extended, and the three upgrade policies.
#include "capture.hpp"

#include <libtco/projection/eks_lifecycle.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace libtco;
using fixture::capture;

namespace {

BillingMonth month(const char* text) { return BillingMonth::parse(text); }

EksVersionCalendar calendar_from(const char* first_release) { return EksVersionCalendar{month(first_release), 4, 14, 12}; }

// The months (as text) in which the timeline shows an upgrade.
std::vector<std::string> upgrade_months(const std::vector<EksVersionMonth>& timeline) {
    std::vector<std::string> out;
    for (const EksVersionMonth& v : timeline)
        if (v.upgraded()) out.push_back(v.month.to_string());
    return out;
}

const EksVersionMonth& at(const std::vector<EksVersionMonth>& timeline, const char* m) {
    for (const EksVersionMonth& v : timeline)
        if (v.month == month(m)) return v;
    FAIL("no month " << m);
    return timeline.front();
}

}  // namespace

TEST_CASE("calendar months: shifting and distances across year ends") {
    CHECK(detail::shift_month(month("2027-11"), 3).to_string() == "2028-02");
    CHECK(detail::shift_month(month("2027-01"), -1).to_string() == "2026-12");
    CHECK(detail::shift_month(month("2027-01"), 35).to_string() == "2029-12");
    CHECK(detail::month_distance(month("2027-01"), month("2028-03")) == 14);
    CHECK(detail::month_distance(month("2028-03"), month("2027-01")) == -14);
}

TEST_CASE("a version released 2027-01: standard through 2028-02, extended 2028-03 to 2029-02") {
    const EksVersionCalendar c = calendar_from("2027-01");
    CHECK(c.released(0).to_string() == "2027-01");
    CHECK(c.released(3).to_string() == "2028-01");  // 3 x 4 months later
    CHECK(c.released(6).to_string() == "2029-01");
    CHECK(c.last_standard_month(0).to_string() == "2028-02");  // 14 months: 2027-01 .. 2028-02
    CHECK(c.last_extended_month(0).to_string() == "2029-02");  // 12 more: 2028-03 .. 2029-02
    CHECK(c.support(0, month("2028-02")) == EksSupport::standard);
    CHECK(c.support(0, month("2028-03")) == EksSupport::extended);
    CHECK(c.newest_by(month("2026-12")) == -1);
    CHECK(c.newest_by(month("2027-04")) == 0);
    CHECK(c.newest_by(month("2027-05")) == 1);
    CHECK(c.newest_by(month("2028-02")) == 3);  // 13 months after 2027-01: releases at 0, 4, 8, 12
}

TEST_CASE("policy none: extended support from 2028-03, AWS upgrades one minor version at the end of extended support") {
    const auto t = eks_version_timeline(calendar_from("2027-01"), UpgradePolicy::none, month("2027-01"), 36);
    REQUIRE(t.size() == 36);
    for (std::size_t k = 0; k < 14; ++k) CHECK(t[k].support == EksSupport::standard);  // 2027-01 .. 2028-02
    for (std::size_t k = 14; k < 36; ++k) CHECK(t[k].support == EksSupport::extended);  // 2028-03 .. 2029-12
    // Version 0 leaves extended support after 2029-02; AWS moves it to version 1 (released 2027-05,
    // itself 22 months old and so in extended support); that one ends after 2029-06, and so on.
    CHECK(upgrade_months(t) == std::vector<std::string>{"2029-03", "2029-07", "2029-11"});
    const EksVersionMonth& march = at(t, "2029-03");
    CHECK(march.cause == UpgradeCause::end_of_extended_support);
    CHECK(march.minor_versions_upgraded() == 1);
    CHECK(march.version_released.to_string() == "2027-05");
    CHECK(march.version_age_months == 22);
    CHECK(at(t, "2028-02").version_age_months == 13);
    CHECK(at(t, "2029-12").version_released.to_string() == "2028-01");
}

TEST_CASE("policy before-end-of-standard: upgrade in the last standard month to the newest release") {
    const auto t = eks_version_timeline(calendar_from("2027-01"), UpgradePolicy::before_end_of_standard, month("2027-01"), 36);
    // 2028-02 is the last standard month of the 2027-01 version; the newest by then came out 2028-01
    // (3 minor versions on). Its last standard month is 2029-02 (2028-01 + 13), when the newest is the
    // 2029-01 release, whose own comes in 2030-02, after the horizon.
    CHECK(upgrade_months(t) == std::vector<std::string>{"2028-02", "2029-02"});
    const EksVersionMonth& feb = at(t, "2028-02");
    CHECK(feb.minor_versions_upgraded() == 3);
    CHECK(feb.cause == UpgradeCause::policy);
    CHECK(feb.version_released.to_string() == "2028-01");
    CHECK(feb.version_age_months == 1);
    CHECK(at(t, "2029-02").version_released.to_string() == "2029-01");
    for (const EksVersionMonth& v : t) CHECK(v.support == EksSupport::standard);
}

TEST_CASE("policy every-release: an upgrade every 4 months") {
    const auto t = eks_version_timeline(calendar_from("2027-01"), UpgradePolicy::every_release, month("2027-01"), 36);
    CHECK(upgrade_months(t) ==
          std::vector<std::string>{"2027-05", "2027-09", "2028-01", "2028-05", "2028-09", "2029-01", "2029-05", "2029-09"});
    for (const EksVersionMonth& v : t) {
        CHECK(v.support == EksSupport::standard);
        CHECK(v.version_age_months < 4);
        if (v.upgraded()) CHECK(v.minor_versions_upgraded() == 1);
    }
}

TEST_CASE("a cluster already behind at the start") {
    SUBCASE("in its last standard month: before-end-of-standard upgrades at once") {
        // released 2025-12: standard through 2027-01 (2025-12 + 13); newest by 2027-01 is 13 / 4 = 3
        // releases on, 2026-12
        const auto t = eks_version_timeline(calendar_from("2025-12"), UpgradePolicy::before_end_of_standard, month("2027-01"), 3);
        CHECK(t[0].upgraded());
        CHECK(t[0].version_released.to_string() == "2026-12");
        CHECK(t[0].version_age_months == 1);
    }
    SUBCASE("past standard support: extended now, before-end-of-standard catches up in the first month") {
        // released 2025-09: standard through 2026-10, extended 2026-11 .. 2027-10
        const auto none = eks_version_timeline(calendar_from("2025-09"), UpgradePolicy::none, month("2027-01"), 12);
        CHECK(none[0].support == EksSupport::extended);
        CHECK(none[0].version_age_months == 16);
        CHECK(upgrade_months(none) == std::vector<std::string>{"2027-11"});  // AWS: to the 2026-01 release, 22 months old
        CHECK(at(none, "2027-11").version_released.to_string() == "2026-01");
        const auto policy = eks_version_timeline(calendar_from("2025-09"), UpgradePolicy::before_end_of_standard, month("2027-01"), 12);
        CHECK(policy[0].support == EksSupport::standard);
        CHECK(policy[0].version_released.to_string() == "2027-01");  // 16 / 4 = 4 releases on
        CHECK(policy[0].minor_versions_upgraded() == 4);
    }
    SUBCASE("every-release catches up at once, then follows each release") {
        // released 2026-06: the next came 2026-10, the one after comes 2027-02
        const auto t = eks_version_timeline(calendar_from("2026-06"), UpgradePolicy::every_release, month("2027-01"), 3);
        CHECK(upgrade_months(t) == std::vector<std::string>{"2027-01", "2027-02"});
        CHECK(t[0].version_released.to_string() == "2026-10");
    }
}

TEST_CASE("reading the lifecycle spec: defaults, round trip, errors with paths") {
    const EksLifecycleSpec d = EksLifecycleSpec::from_json(detail::parse_exact("{}"), "/eks_lifecycle");
    CHECK(d.upgrade_policy == UpgradePolicy::before_end_of_standard);
    CHECK(d.release_interval_months == 4);
    CHECK(d.standard_support_months == 14);
    CHECK(d.extended_support_months == 12);
    CHECK(!d.version_released);

    const std::string text =
        R"({"version_released": "2026-05", "upgrade_policy": "none", "release_interval_months": 3, "standard_support_months": 13,
            "extended_support_months": 11})";
    const EksLifecycleSpec s = EksLifecycleSpec::from_json(detail::parse_exact(text), "/eks_lifecycle");
    CHECK(s.upgrade_policy == UpgradePolicy::none);
    CHECK(s.release_interval_months == 3);
    const nlohmann::ordered_json j = to_json(s);
    CHECK(j["extended_support_months"] == 11);
    CHECK(to_json(EksLifecycleSpec::from_json(detail::parse_exact(j.dump()), "")).dump() == j.dump());

    const auto error_of = [](const std::string& body) {
        return capture([&] { EksLifecycleSpec::from_json(detail::parse_exact(body), "/eks_lifecycle"); });
    };
    const error policy = error_of(R"({"upgrade_policy": "sometimes"})");
    CHECK(policy.code_name() == "libtco.validation.114");
    CHECK(policy.path() == "/eks_lifecycle/upgrade_policy");
    const error interval = error_of(R"({"release_interval_months": 15})");  // slower than 14 months of standard support
    CHECK(interval.code_name() == "libtco.validation.113");
    CHECK(interval.path() == "/eks_lifecycle/release_interval_months");
    CHECK(error_of(R"({"version_released": "2027-1"})").path() == "/eks_lifecycle/version_released");
    // An upgrade's staff time moved to the scenario's effort model; the old keys say where.
    const error moved = error_of(R"({"upgrade_engineer_days": 5})");
    CHECK(moved.code_name() == "libtco.validation.112");
    CHECK(moved.detail().find("/eks/operations/upgrade_hours_per_upgrade") != std::string::npos);
    CHECK(error_of(R"({"working_days_per_year": 230})").path() == "/eks_lifecycle/working_days_per_year");
    const error unknown = error_of(R"({"upgrade_polcy": "none"})");
    CHECK(unknown.code_name() == "libtco.validation.112");
    CHECK(unknown.path() == "/eks_lifecycle/upgrade_polcy");
}

TEST_CASE("the version run at the start must be released by then and still supported") {
    EksLifecycleSpec s;
    const std::string path = "/eks_lifecycle/version_released";
    s.version_released = month("2027-02");
    const error later = capture([&] { check_version_released(s, month("2027-01"), path); });
    CHECK(later.code_name() == "libtco.validation.118");
    CHECK(later.path() == path);
    s.version_released = month("2024-11");  // 26 months before 2027-01: past 14 + 12 months
    const error old = capture([&] { check_version_released(s, month("2027-01"), path); });
    CHECK(old.code_name() == "libtco.validation.113");
    CHECK(old.path() == path);
    s.version_released = month("2024-12");  // 25 months: the last month of extended support
    CHECK_NOTHROW(check_version_released(s, month("2027-01"), path));
    CHECK(to_string(UpgradePolicy::every_release) == "every-release");
    CHECK(parse_upgrade_policy("none") == UpgradePolicy::none);
}
