#pragma once
// Strict, exact reading of JSON documents.
//  - Numbers are kept as their source text (never through a double) so money and rates are exact.
//  - Duplicate keys, nesting deeper than max_depth and unknown keys are errors.
//  - A document larger than limits.hpp allows (bytes, values) is refused before it costs much.
//  - Every error carries the JSON pointer of the offending value.

#include <libtco/core/decimal.hpp>
#include <libtco/core/error.hpp>
#include <libtco/core/limits.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace libtco::detail {

using json = nlohmann::json;

// Non-integer numbers (and integers too large for 64 bits) are stored as JSON *binary* values
// holding the number's exact source text: JSON text can never produce a binary value, so they
// cannot be confused with strings. Nothing outside this header sees them.
inline constexpr std::size_t max_depth = limits::max_json_depth;

inline bool is_number_text(const json& v) { return v.is_binary(); }

inline std::string number_text(const json& v) {
    const auto& bytes = v.get_binary();
    return std::string(bytes.begin(), bytes.end());
}

inline std::string escape_pointer_token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}
inline std::string child_path(const std::string& path, std::string_view key) { return path + "/" + escape_pointer_token(key); }
inline std::string child_path(const std::string& path, std::size_t index) { return path + "/" + std::to_string(index); }

// How big a document may be (see limits.hpp); a bench reading a whole offer file may lift them.
struct DocumentLimits {
    std::size_t bytes = limits::max_document_bytes;
    std::size_t values = limits::max_document_values;
};

inline libtco::parse_error too_large(const std::string& what, std::size_t limit) {
    return libtco::parse_error(errc::parse_too_large, "", "document too large: more than " + std::to_string(limit) + " " + what +
                                                              " (a limit of libtco, see limits.hpp)");
}

// Builds a DOM through nlohmann's SAX interface, keeping number text.
class ExactDomBuilder {
public:
    ExactDomBuilder() = default;
    explicit ExactDomBuilder(std::size_t max_values) : max_values_(max_values) {}

    bool null() { return put(json(nullptr)); }
    bool boolean(bool v) { return put(json(v)); }
    bool number_integer(json::number_integer_t v) { return put(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
    bool number_float(json::number_float_t, const std::string& text) { return put(json::binary(json::binary_t::container_type(text.begin(), text.end()))); }
    bool string(std::string& v) { return put(json(v)); }
    bool binary(json::binary_t&) { return fail(errc::wrong_type, "binary values are not JSON"); }
    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k) {
        if (stack_.back()->contains(k)) {
            keys_.back() = k;
            return fail(errc::parse_duplicate_key, "duplicate key \"" + k + "\"");
        }
        keys_.back() = k;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) {
        std::string what = ex.what();
        if (const auto pos = what.find("] "); what.rfind("[json.exception", 0) == 0 && pos != std::string::npos) what.erase(0, pos + 2);
        error_ = libtco::parse_error(errc::parse_invalid_json, "", "invalid JSON: " + what);
        return false;
    }

    json take() { return std::move(root_); }
    const std::optional<libtco::error>& error() const { return error_; }

private:
    std::string current_path() const {
        std::string path;
        for (std::size_t i = 0; i < stack_.size(); ++i) {
            // An enclosing array already holds the element we are inside; the innermost one is about
            // to receive the value in error.
            const bool inside_element = i + 1 < stack_.size();
            if (stack_[i]->is_array()) path = child_path(path, stack_[i]->size() - (inside_element ? 1 : 0));
            else path = child_path(path, keys_[i]);
        }
        return path;
    }
    bool fail(errc code, const std::string& detail) {
        const std::string path = current_path();
        if (code == errc::parse_duplicate_key || code == errc::parse_too_deep) error_ = libtco::parse_error(code, path, detail);
        else error_ = validation_error(code, path, detail);
        return false;
    }
    // Counts one more value; false (with the error set) past the limit.
    bool count_value() {
        if (++values_ <= max_values_) return true;
        error_ = too_large("values", max_values_);
        return false;
    }
    json* place(json&& v) {
        if (stack_.empty()) { root_ = std::move(v); return &root_; }
        json& top = *stack_.back();
        if (top.is_array()) { top.push_back(std::move(v)); return &top.back(); }
        json& slot = top[keys_.back()];
        slot = std::move(v);
        return &slot;
    }
    bool put(json&& v) {
        if (!count_value()) return false;
        place(std::move(v));
        return true;
    }
    bool open(json&& container) {
        if (stack_.size() >= max_depth)
            return fail(errc::parse_too_deep, "nesting deeper than " + std::to_string(max_depth) + " levels");
        if (!count_value()) return false;
        json* slot = place(std::move(container));
        stack_.push_back(slot);
        keys_.emplace_back();
        return true;
    }
    bool close() { stack_.pop_back(); keys_.pop_back(); return true; }

    json root_;
    std::vector<json*> stack_;
    std::vector<std::string> keys_;
    std::optional<libtco::error> error_;
    std::size_t values_ = 0;
    std::size_t max_values_ = static_cast<std::size_t>(-1);
};

// Parses JSON text exactly (see ExactDomBuilder), within `bounds`. Throws parse_error.
inline json parse_exact(std::string_view text, const DocumentLimits& bounds = {}) {
    if (text.size() > bounds.bytes) throw too_large("bytes", bounds.bytes);
    ExactDomBuilder builder(bounds.values);
    const bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true);
    if (!ok || builder.error()) {
        if (builder.error()) {
            const libtco::error& e = *builder.error();
            if (e.code() == errc::parse_invalid_json || e.code() == errc::parse_duplicate_key || e.code() == errc::parse_too_deep ||
                e.code() == errc::parse_too_large)
                throw libtco::parse_error(e.code(), e.path(), e.detail());
            throw validation_error(e.code(), e.path(), e.detail());
        }
        throw libtco::parse_error(errc::parse_invalid_json, "", "invalid JSON");
    }
    return builder.take();
}

// A short description of a value for error messages: got "abc", got 2.5, got an object.
inline std::string describe(const json& v) {
    if (is_number_text(v)) return number_text(v);
    if (v.is_string()) {
        std::string s = v.get_ref<const std::string&>();
        if (s.size() > 40) {
            std::size_t cut = 40;  // back up to a UTF-8 character boundary
            while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
            s = s.substr(0, cut) + "...";
        }
        return "\"" + s + "\"";
    }
    if (v.is_object()) return "an object";
    if (v.is_array()) return "an array";
    return v.dump();
}

inline validation_error type_error(const std::string& path, const std::string& expected, const json& v) {
    return validation_error(errc::wrong_type, path, "expected " + expected + ", got " + describe(v));
}

// A number or a decimal string, read exactly.
inline Decimal read_decimal(const json& v, const std::string& path) {
    if (v.is_number_integer()) {
        return v.is_number_unsigned() ? Decimal::parse(std::to_string(v.get<std::uint64_t>()), path)
                                      : Decimal::parse(std::to_string(v.get<std::int64_t>()), path);
    }
    if (is_number_text(v)) return Decimal::parse(number_text(v), path);
    if (v.is_string()) return Decimal::parse(v.get_ref<const std::string&>(), path);
    throw type_error(path, "a number or a decimal string", v);
}

inline std::int64_t read_integer(const json& v, const std::string& path) {
    if (v.is_number_integer()) {
        if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>((std::numeric_limits<std::int64_t>::max)()))
            throw validation_error(errc::out_of_range, path, "whole number too large, got " + describe(v));
        return v.get<std::int64_t>();
    }
    if (is_number_text(v)) {
        const Decimal d = read_decimal(v, path);
        if (!d.is_whole()) throw validation_error(errc::not_whole, path, "expected a whole number, got " + describe(v));
        try {
            return d.to_int64();
        } catch (const arithmetic_error&) {
            throw validation_error(errc::out_of_range, path, "whole number too large, got " + describe(v));
        }
    }
    throw type_error(path, "a whole number", v);
}

inline std::string read_string(const json& v, const std::string& path) {
    if (!v.is_string()) throw type_error(path, "a string", v);
    return v.get<std::string>();
}

inline bool read_bool(const json& v, const std::string& path) {
    if (!v.is_boolean()) throw type_error(path, "true or false", v);
    return v.get<bool>();
}

inline std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Reads the members of one JSON object, remembering which keys were used so that finish()
// can reject the rest as unknown (typos must fail loudly).
class ObjectReader {
public:
    ObjectReader(const json& object, std::string path) : object_(object), path_(std::move(path)) {
        if (!object_.is_object()) throw type_error(path_, "an object", object_);
    }

    const std::string& path() const noexcept { return path_; }
    std::string path_of(std::string_view key) const { return child_path(path_, key); }
    bool has(const std::string& key) const { return object_.contains(key); }

    const json& at(const std::string& key) {
        known_.insert(key);
        const auto it = object_.find(key);
        if (it == object_.end()) {
            // A typo of a required key is reported as the unknown key it is, not as a missing one.
            for (const auto& [other, value] : object_.items())
                if (!known_.count(other) && edit_distance(other, key) <= 2)
                    throw validation_error(errc::unknown_key, path_of(other), "unknown key \"" + other + "\"; did you mean \"" + key + "\"?");
            throw validation_error(errc::missing_key, path_of(key), "required key is missing");
        }
        return *it;
    }
    const json* find(const std::string& key) {
        known_.insert(key);
        const auto it = object_.find(key);
        return it == object_.end() ? nullptr : &*it;
    }
    // Marks keys as allowed without reading them (e.g. "$schema", "description").
    void allow(const std::string& key) { known_.insert(key); }

    Decimal decimal(const std::string& key) { return read_decimal(at(key), path_of(key)); }
    std::int64_t integer(const std::string& key) { return read_integer(at(key), path_of(key)); }
    std::string string(const std::string& key) { return read_string(at(key), path_of(key)); }

    std::optional<Decimal> optional_decimal(const std::string& key) {
        const json* v = find(key);
        return v ? std::optional<Decimal>(read_decimal(*v, path_of(key))) : std::nullopt;
    }
    std::optional<std::int64_t> optional_integer(const std::string& key) {
        const json* v = find(key);
        return v ? std::optional<std::int64_t>(read_integer(*v, path_of(key))) : std::nullopt;
    }
    std::optional<std::string> optional_string(const std::string& key) {
        const json* v = find(key);
        return v ? std::optional<std::string>(read_string(*v, path_of(key))) : std::nullopt;
    }
    std::optional<bool> optional_bool(const std::string& key) {
        const json* v = find(key);
        return v ? std::optional<bool>(read_bool(*v, path_of(key))) : std::nullopt;
    }

    void finish() const {
        for (const auto& [key, value] : object_.items()) {
            if (!known_.count(key)) {
                std::string allowed;
                for (const auto& k : known_) allowed += (allowed.empty() ? "" : ", ") + k;
                throw validation_error(errc::unknown_key, child_path(path_, key), "unknown key \"" + key + "\"; expected one of: " + allowed);
            }
        }
    }

private:
    const json& object_;
    std::string path_;
    std::set<std::string> known_;
};

inline void require_array(const json& v, const std::string& path) {
    if (!v.is_array()) throw type_error(path, "an array", v);
}

// A list or object of at most `most` entries (limits.hpp), checked before any is read.
inline void require_at_most_entries(const json& v, std::int64_t most, const std::string& what, const std::string& path) {
    if (static_cast<std::int64_t>(v.size()) > most)
        throw validation_error(errc::out_of_range, path, "at most " + std::to_string(most) + " " + what + ", got " + std::to_string(v.size()));
}

// Range checks with the offending value in the message.
inline const Decimal& require_positive(const Decimal& d, const std::string& path) {
    if (d.sign() <= 0) throw validation_error(errc::out_of_range, path, "must be > 0, got " + d.to_string());
    return d;
}
inline const Decimal& require_non_negative(const Decimal& d, const std::string& path) {
    if (d.sign() < 0) throw validation_error(errc::out_of_range, path, "must be >= 0, got " + d.to_string());
    return d;
}
inline const Decimal& require_at_most(const Decimal& d, const Decimal& limit, const std::string& path) {
    if (d > limit) throw validation_error(errc::out_of_range, path, "must be <= " + limit.to_string() + ", got " + d.to_string());
    return d;
}
inline std::int64_t require_in(std::int64_t v, std::int64_t lo, std::int64_t hi, const std::string& path) {
    if (v < lo || v > hi)
        throw validation_error(errc::out_of_range, path,
                               "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " + std::to_string(v));
    return v;
}

}  // namespace libtco::detail
