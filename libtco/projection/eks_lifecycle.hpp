#pragma once
// The EKS Kubernetes version lifecycle, month by month: which version a cluster runs, whether it is
// in standard or extended support, and when it is upgraded, under an upgrade policy.
//
// The model (AWS EKS version lifecycle; figures are named assumptions in assumptions.hpp):
//  - EKS releases a new minor version every `release_interval_months` (4: Kubernetes ships three a
//    year). Version 0 is the one the cluster runs at the start, released in `first_release`;
//    version n is released n x interval months later.
//  - A version has `standard_support_months` (14) of standard support from the month of its EKS
//    release, then `extended_support_months` (12) of extended support. A cluster on a version past
//    standard support is billed extended support ($0.60 instead of $0.10 per cluster-hour).
//  - At the end of extended support AWS upgrades the cluster one minor version (in the month after
//    the last month of extended support).
//  - Policies: `none` (never upgrade by choice), `before-end-of-standard` (in the last month of a
//    version's standard support, or at once if it is already past it, upgrade to the newest version
//    released by then), `every-release` (upgrade to each version in the month it comes out, and at
//    once to the newest if the cluster is behind).
// Months are whole calendar months: a version released in 2027-01 is in standard support in
// 2027-01 .. 2028-02 and in extended support in 2028-03 .. 2029-02.
//
// Everything here is a pure function of its arguments.

#include <libtco/catalog/assumptions.hpp>
#include <libtco/core/calendar.hpp>
#include <libtco/core/detail/json_reader.hpp>
#include <libtco/core/error.hpp>
#include <libtco/scenario/scenario.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace libtco {

namespace detail {

// Months since January 1970 (BillingMonth starts there): month arithmetic on whole calendar months.
inline std::int64_t month_number(const BillingMonth& m) {
    const date::year_month ym = m.year_month();
    return static_cast<std::int64_t>(static_cast<int>(ym.year())) * 12 + static_cast<std::int64_t>(static_cast<unsigned>(ym.month())) - 1;
}

inline BillingMonth month_of_number(std::int64_t n) {
    const std::int64_t year = n >= 0 ? n / 12 : (n - 11) / 12;
    const std::int64_t month = n - year * 12 + 1;
    return BillingMonth(date::year{static_cast<int>(year)} / date::month{static_cast<unsigned>(month)});
}

// The month `n` calendar months after `m` (before it for negative n).
inline BillingMonth shift_month(const BillingMonth& m, std::int64_t n) { return month_of_number(month_number(m) + n); }

// Calendar months from `from` to `to` (negative when `to` is earlier).
inline std::int64_t month_distance(const BillingMonth& from, const BillingMonth& to) { return month_number(to) - month_number(from); }

}  // namespace detail

enum class UpgradePolicy { none, before_end_of_standard, every_release };

inline std::string to_string(UpgradePolicy p) {
    switch (p) {
        case UpgradePolicy::none: return "none";
        case UpgradePolicy::before_end_of_standard: return "before-end-of-standard";
        case UpgradePolicy::every_release: return "every-release";
    }
    return "before-end-of-standard";
}

inline UpgradePolicy parse_upgrade_policy(std::string_view text, const std::string& path = {}) {
    for (UpgradePolicy p : {UpgradePolicy::none, UpgradePolicy::before_end_of_standard, UpgradePolicy::every_release})
        if (text == to_string(p)) return p;
    throw validation_error(errc::bad_format, path,
                           "expected \"none\", \"before-end-of-standard\" or \"every-release\", got \"" + std::string(text) + "\"");
}

// When EKS versions come out and how long each is supported.
struct EksVersionCalendar {
    BillingMonth first_release;  // EKS release of version 0, the version the cluster runs at the start
    std::int64_t release_interval_months = 4;
    std::int64_t standard_support_months = 14;
    std::int64_t extended_support_months = 12;

    BillingMonth released(std::int64_t version) const { return detail::shift_month(first_release, version * release_interval_months); }
    // The newest version released in or before `m`; -1 before the first release.
    std::int64_t newest_by(const BillingMonth& m) const {
        const std::int64_t since = detail::month_distance(first_release, m);
        return since < 0 ? -1 : since / release_interval_months;
    }
    BillingMonth last_standard_month(std::int64_t version) const { return detail::shift_month(released(version), standard_support_months - 1); }
    BillingMonth last_extended_month(std::int64_t version) const {
        return detail::shift_month(released(version), standard_support_months + extended_support_months - 1);
    }
    // Standard through the last month of standard support, extended after it (also past the end of
    // extended support, which happens only when no newer version is out to upgrade to).
    EksSupport support(std::int64_t version, const BillingMonth& m) const {
        return detail::month_distance(released(version), m) < standard_support_months ? EksSupport::standard : EksSupport::extended;
    }
};

// Why a cluster was upgraded in a month.
enum class UpgradeCause { none, policy, end_of_extended_support };

inline std::string to_string(UpgradeCause c) {
    switch (c) {
        case UpgradeCause::none: return "none";
        case UpgradeCause::policy: return "policy";
        case UpgradeCause::end_of_extended_support: return "end-of-extended-support";
    }
    return "none";
}

// A cluster's version in one month (after any upgrade in that month).
struct EksVersionMonth {
    BillingMonth month;
    std::int64_t version = 0;  // 0: the version run at the start; n: the n-th release after it
    BillingMonth version_released;
    std::int64_t version_age_months = 0;  // months since that version's EKS release (0 in its release month)
    EksSupport support = EksSupport::standard;
    std::int64_t upgraded_from = 0;  // the version before this month's upgrade (= version without one)
    UpgradeCause cause = UpgradeCause::none;

    bool upgraded() const { return version != upgraded_from; }
    // Minor versions stepped this month (EKS upgrades a control plane one minor version at a time).
    std::int64_t minor_versions_upgraded() const { return version - upgraded_from; }
};

// The cluster's version month by month from `start` for `months` months. Requires
// calendar.first_release <= start and a version still supported at the start (see
// check_version_released).
inline std::vector<EksVersionMonth> eks_version_timeline(const EksVersionCalendar& calendar, UpgradePolicy policy, const BillingMonth& start,
                                                         std::int64_t months) {
    if (calendar.release_interval_months < 1)
        throw validation_error(errc::out_of_range, "", "release interval must be at least 1 month, got " + std::to_string(calendar.release_interval_months));
    if (detail::month_distance(calendar.first_release, start) < 0)
        throw validation_error(errc::inconsistent, "", "the cluster's version is released in " + calendar.first_release.to_string() +
                                                           ", after the start " + start.to_string());
    std::vector<EksVersionMonth> out;
    out.reserve(static_cast<std::size_t>(std::max<std::int64_t>(months, 0)));
    std::int64_t current = 0;
    for (std::int64_t k = 0; k < months; ++k) {
        const BillingMonth m = detail::shift_month(start, k);
        const std::int64_t newest = calendar.newest_by(m);
        EksVersionMonth row;
        row.month = m;
        row.upgraded_from = current;
        switch (policy) {
            case UpgradePolicy::none: break;
            case UpgradePolicy::before_end_of_standard:
                if (detail::month_distance(calendar.last_standard_month(current), m) >= 0 && newest > current) current = newest;
                break;
            case UpgradePolicy::every_release:
                if (newest > current) current = newest;
                break;
        }
        if (current != row.upgraded_from) row.cause = UpgradeCause::policy;
        // Past the end of extended support AWS upgrades the cluster one minor version.
        if (detail::month_distance(calendar.last_extended_month(current), m) > 0 && newest > current) {
            ++current;
            row.cause = UpgradeCause::end_of_extended_support;
        }
        row.version = current;
        row.version_released = calendar.released(current);
        row.version_age_months = detail::month_distance(row.version_released, m);
        row.support = calendar.support(current, m);
        out.push_back(row);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// The lifecycle part of a projection spec (an upgrade's staff time is the scenario's effort model).

struct EksLifecycleSpec {
    std::optional<BillingMonth> version_released;  // default: the projection's start (a new cluster on the newest version)
    UpgradePolicy upgrade_policy = UpgradePolicy::before_end_of_standard;
    std::int64_t release_interval_months = assumptions::eks_release_interval_months().default_value.to_int64();
    std::int64_t standard_support_months = assumptions::eks_standard_support_months().default_value.to_int64();
    std::int64_t extended_support_months = assumptions::eks_extended_support_months().default_value.to_int64();

    EksVersionCalendar calendar(const BillingMonth& start) const {
        return {version_released.value_or(start), release_interval_months, standard_support_months, extended_support_months};
    }

    static EksLifecycleSpec from_json(const detail::json& v, const std::string& path);
};

inline constexpr std::int64_t max_support_months = 120;

inline EksLifecycleSpec EksLifecycleSpec::from_json(const detail::json& v, const std::string& path) {
    using namespace detail;
    ObjectReader r(v, path);
    EksLifecycleSpec s;
    if (auto released = r.optional_string("version_released")) s.version_released = BillingMonth::parse(*released, r.path_of("version_released"));
    if (auto policy = r.optional_string("upgrade_policy")) s.upgrade_policy = parse_upgrade_policy(*policy, r.path_of("upgrade_policy"));
    s.standard_support_months = require_in(r.optional_integer("standard_support_months").value_or(s.standard_support_months), 1,
                                           max_support_months, r.path_of("standard_support_months"));
    s.extended_support_months = require_in(r.optional_integer("extended_support_months").value_or(s.extended_support_months), 0,
                                           max_support_months, r.path_of("extended_support_months"));
    // A release cadence slower than standard support would leave a cluster nothing to upgrade to.
    s.release_interval_months = require_in(r.optional_integer("release_interval_months").value_or(s.release_interval_months), 1,
                                           s.standard_support_months, r.path_of("release_interval_months"));
    for (const char* moved : {"upgrade_engineer_days", "working_days_per_year"})
        if (r.has(moved))
            throw validation_error(errc::unknown_key, r.path_of(moved),
                                   "an upgrade's staff time is now the scenario's effort model: /eks/operations/upgrade_hours_per_upgrade and "
                                   "/team/working_hours_per_year");
    r.finish();
    return s;
}

inline nlohmann::ordered_json to_json(const EksLifecycleSpec& s) {
    nlohmann::ordered_json j;
    if (s.version_released) j["version_released"] = s.version_released->to_string();
    j["upgrade_policy"] = to_string(s.upgrade_policy);
    j["release_interval_months"] = s.release_interval_months;
    j["standard_support_months"] = s.standard_support_months;
    j["extended_support_months"] = s.extended_support_months;
    return j;
}

// The version a cluster runs at the start must be released by then and still supported (at most
// standard + extended months old), else AWS would already have upgraded it.
inline void check_version_released(const EksLifecycleSpec& s, const BillingMonth& start, const std::string& path) {
    const BillingMonth released = s.version_released.value_or(start);
    const std::int64_t age = detail::month_distance(released, start);
    if (age < 0)
        throw validation_error(errc::inconsistent, path,
                               "the cluster's version cannot be released after the projection's start " + start.to_string() + ", got \"" +
                                   released.to_string() + "\"");
    if (age >= s.standard_support_months + s.extended_support_months)
        throw validation_error(errc::out_of_range, path,
                               "a version released " + std::to_string(age) + " months before the start " + start.to_string() +
                                   " is past the end of extended support (" + std::to_string(s.standard_support_months + s.extended_support_months) +
                                   " months), so AWS would have upgraded the cluster already; give the release month of the version it runs, got \"" +
                                   released.to_string() + "\"");
}

}  // namespace libtco
