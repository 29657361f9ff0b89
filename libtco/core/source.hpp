#pragma once
// Where a figure comes from: a cited source with a confidence, and whether a resolved figure was
// the instance type's own, its family's, or the catalog's generic default.

#include <libtco/core/detail/json_reader.hpp>
#include <libtco/core/error.hpp>

#include <string>

namespace libtco {

enum class Confidence { low, medium, high };  // ordered: the weakest compares least

inline std::string to_string(Confidence c) {
    switch (c) {
        case Confidence::high: return "high";
        case Confidence::medium: return "medium";
        case Confidence::low: return "low";
    }
    return "low";
}

struct Source {
    std::string id;
    std::string title;
    std::string url;
    std::string retrieved;  // YYYY-MM-DD
    Confidence confidence = Confidence::low;
};

// Which entry of the catalog a resolved figure (a spot price, a commitment rate) was taken from.
enum class FigureBasis { instance_type, family, generic };

inline std::string to_string(FigureBasis b) {
    switch (b) {
        case FigureBasis::instance_type: return "type";
        case FigureBasis::family: return "family";
        case FigureBasis::generic: return "generic";
    }
    return "generic";
}

namespace detail {

inline Confidence read_confidence(const json& v, const std::string& path) {
    const std::string s = read_string(v, path);
    if (s == "high") return Confidence::high;
    if (s == "medium") return Confidence::medium;
    if (s == "low") return Confidence::low;
    throw validation_error(errc::bad_format, path, "expected \"high\", \"medium\" or \"low\", got \"" + s + "\"");
}

inline Source read_source(const std::string& id, const json& v, const std::string& path) {
    ObjectReader r(v, path);
    Source s;
    s.id = id;
    s.title = r.string("title");
    s.url = r.optional_string("url").value_or("");
    s.retrieved = r.string("retrieved");
    s.confidence = read_confidence(r.at("confidence"), r.path_of("confidence"));
    r.finish();
    return s;
}

// A share in [0, 1], e.g. a discount.
inline Decimal read_unit_interval(ObjectReader& r, const std::string& key) {
    return require_at_most(require_non_negative(r.decimal(key), r.path_of(key)), Decimal(1), r.path_of(key));
}

}  // namespace detail
}  // namespace libtco
