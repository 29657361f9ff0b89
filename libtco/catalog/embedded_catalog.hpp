#pragma once
// The catalogs compiled into the library (every pricing/<name>.json), so that a user needs no file,
// and the choice among them by region and billed month. The texts are parsed once per process, on
// first use (a thread-safe static that is never mutated); every call returns its own copy.

#include <libtco/core/calendar.hpp>
#include <libtco/catalog/catalog.hpp>
#include <libtco/catalog/embedded_catalog_data.hpp>

#include <algorithm>
#include <string>
#include <tuple>
#include <string_view>
#include <vector>

namespace libtco {

namespace detail {

// Every embedded catalog, parsed once, ordered by region and then effective date. Parsing them
// costs milliseconds, more than a whole comparison of a small scenario.
inline const std::vector<Catalog>& parsed_embedded_catalogs() {
    static const std::vector<Catalog> catalogs = [] {
        std::vector<Catalog> out;
        for (std::string_view text : embedded_catalog_texts) out.push_back(Catalog::from_json_text(text));
        std::sort(out.begin(), out.end(), [](const Catalog& a, const Catalog& b) {
            return std::tie(a.region, a.effective_date, a.name) < std::tie(b.region, b.effective_date, b.name);
        });
        return out;
    }();
    return catalogs;
}

}  // namespace detail

// Every embedded catalog, ordered by region and then effective date.
inline std::vector<Catalog> embedded_catalogs() { return detail::parsed_embedded_catalogs(); }

inline std::string embedded_catalog_names() {
    std::string out;
    for (const Catalog& c : detail::parsed_embedded_catalogs()) out += (out.empty() ? "" : ", ") + c.name;
    return out;
}

namespace detail {

// The name a committed catalog file declares near its top ("name": "..."), read without parsing
// the whole document; empty if it is not found there.
inline std::string_view declared_name(std::string_view text) {
    constexpr std::string_view key = "\"name\": \"";
    const std::size_t at = text.substr(0, 512).find(key);
    if (at == std::string_view::npos) return {};
    const std::size_t start = at + key.size();
    const std::size_t end = text.find('"', start);
    return end == std::string_view::npos ? std::string_view{} : text.substr(start, end - start);
}

}  // namespace detail

// The committed JSON text of an embedded catalog, byte for byte.
inline std::string_view embedded_catalog_text(std::string_view name, const std::string& path = {}) {
    for (std::string_view text : detail::embedded_catalog_texts)
        if (detail::declared_name(text) == name) return text;
    for (std::string_view text : detail::embedded_catalog_texts)  // a file laid out differently
        if (Catalog::from_json_text(text).name == name) return text;
    throw lookup_error(errc::unknown_catalog, path,
                       "no embedded catalog \"" + std::string(name) + "\" (available: " + embedded_catalog_names() + ")");
}

// An embedded catalog by name; `path` locates the name in the caller's document for errors.
inline Catalog embedded_catalog(std::string_view name, const std::string& path = {}) {
    for (const Catalog& c : detail::parsed_embedded_catalogs())
        if (c.name == name) return c;
    throw lookup_error(errc::unknown_catalog, path,
                       "no embedded catalog \"" + std::string(name) + "\" (available: " + embedded_catalog_names() + ")");
}

// The default: the newest us-east-1 catalog.
inline Catalog embedded_catalog() { return embedded_catalog(detail::default_catalog_name); }

// Were the catalog's prices in effect during the month? (dated no later than its last day, and
// not superseded before its first day)
inline bool in_effect(const Catalog& c, const BillingMonth& month) {
    if (parse_iso_date(c.effective_date) > last_day(month)) return false;
    return c.valid_until.empty() || parse_iso_date(c.valid_until) >= first_day(month);
}

// The embedded catalog for a region whose prices were in effect in `month`: the newest in effect;
// else the oldest dated after the month (prices from later are the nearest known); else the newest.
inline Catalog select_catalog(const std::string& region, const BillingMonth& month, const std::string& path = {}) {
    std::vector<const Catalog*> candidates;
    for (const Catalog& c : detail::parsed_embedded_catalogs())
        if (c.region == region) candidates.push_back(&c);
    if (candidates.empty())
        throw lookup_error(errc::unknown_catalog, path,
                           "no embedded catalog for region \"" + region + "\" (available: " + embedded_catalog_names() +
                               "); pass a catalog file for it");
    for (auto it = candidates.rbegin(); it != candidates.rend(); ++it)
        if (in_effect(**it, month)) return **it;
    for (const Catalog* c : candidates)
        if (parse_iso_date(c->effective_date) > last_day(month)) return *c;
    return *candidates.back();
}

}  // namespace libtco
