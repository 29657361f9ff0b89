#pragma once
// One exception hierarchy for every bad input: a stable code, the JSON pointer of the
// offending value, and what was expected. Messages read
//   [libtco.validation.103] /workloads/2/replicas: must be > 0, got -1

#include <stdexcept>
#include <string>
#include <utility>

namespace libtco {

// Stable error codes. Numbers never change meaning; new ones are appended.
enum class errc : int {
    // JSON text
    parse_invalid_json = 100,
    parse_duplicate_key = 101,
    parse_too_deep = 102,
    parse_too_large = 103,  // more bytes or values than limits.hpp allows
    // shape and values
    wrong_type = 110,
    missing_key = 111,
    unknown_key = 112,
    out_of_range = 113,
    bad_format = 114,
    too_precise = 115,
    not_whole = 116,
    duplicate_name = 117,
    inconsistent = 118,
    // names that resolve against the catalog
    unknown_instance_type = 200,
    unknown_gpu_model = 201,
    unknown_source = 202,
    region_mismatch = 203,
    no_price = 204,
    missing_figure = 205,
    unknown_catalog = 206,
    // placement
    unplaceable_replica = 300,
    // arithmetic
    overflow = 400,
    division_by_zero = 401,
    // files and front ends
    io = 500,
    unsupported = 501,
    // long runs
    cancelled = 600,
};

// Every code by the name of its enumerator, in code order: what front ends list and test against.
struct NamedCode {
    const char* name;
    errc code;
};
inline constexpr NamedCode all_error_codes[] = {
    {"parse_invalid_json", errc::parse_invalid_json}, {"parse_duplicate_key", errc::parse_duplicate_key},
    {"parse_too_deep", errc::parse_too_deep},         {"parse_too_large", errc::parse_too_large},
    {"wrong_type", errc::wrong_type},                 {"missing_key", errc::missing_key},
    {"unknown_key", errc::unknown_key},               {"out_of_range", errc::out_of_range},
    {"bad_format", errc::bad_format},                 {"too_precise", errc::too_precise},
    {"not_whole", errc::not_whole},                   {"duplicate_name", errc::duplicate_name},
    {"inconsistent", errc::inconsistent},             {"unknown_instance_type", errc::unknown_instance_type},
    {"unknown_gpu_model", errc::unknown_gpu_model},   {"unknown_source", errc::unknown_source},
    {"region_mismatch", errc::region_mismatch},       {"no_price", errc::no_price},
    {"missing_figure", errc::missing_figure},         {"unknown_catalog", errc::unknown_catalog},
    {"unplaceable_replica", errc::unplaceable_replica}, {"overflow", errc::overflow},
    {"division_by_zero", errc::division_by_zero},     {"io", errc::io},
    {"unsupported", errc::unsupported},               {"cancelled", errc::cancelled},
};

inline const char* errc_family(errc code) noexcept {
    const int n = static_cast<int>(code);
    if (n < 110) return "parse";
    if (n < 200) return "validation";
    if (n < 300) return "lookup";
    if (n < 400) return "placement";
    if (n < 500) return "arithmetic";
    if (n < 600) return "io";
    return "run";
}

class error : public std::runtime_error {
public:
    error(errc code, std::string path, std::string detail)
        : std::runtime_error(format(code, path, detail)),
          code_(code), path_(std::move(path)), detail_(std::move(detail)) {}

    errc code() const noexcept { return code_; }
    int code_number() const noexcept { return static_cast<int>(code_); }
    // "libtco.validation.113"
    std::string code_name() const { return name_of(code_); }
    // JSON pointer of the offending value ("" for the document itself).
    const std::string& path() const noexcept { return path_; }
    // The message without the code and path prefix.
    const std::string& detail() const noexcept { return detail_; }

    static std::string name_of(errc code) {
        return std::string("libtco.") + errc_family(code) + "." + std::to_string(static_cast<int>(code));
    }

private:
    static std::string format(errc code, const std::string& path, const std::string& detail) {
        std::string out = "[" + name_of(code) + "] ";
        out += path.empty() ? std::string("(document)") : path;
        out += ": ";
        out += detail;
        return out;
    }

    errc code_;
    std::string path_;
    std::string detail_;
};

// The JSON text itself is malformed.
class parse_error : public error { using error::error; };
// A value is present but wrong: type, range, format, unknown or missing key.
class validation_error : public error { using error::error; };
// A name does not resolve: instance type, GPU model, source, region.
class lookup_error : public error { using error::error; };
// The workloads cannot be placed on the allowed capacity.
class placement_error : public error { using error::error; };
// Exact arithmetic would overflow or divide by zero.
class arithmetic_error : public error { using error::error; };
// A file cannot be read or an option is not supported.
class io_error : public error { using error::error; };
// A long run (sweep, Monte Carlo) was stopped by its progress callback.
class cancelled_error : public error { using error::error; };

// Rethrows `e` as the same class, code and path with `prefix` before its detail: where in a long
// run (which sweep point, which sample) the error happened.
[[noreturn]] inline void rethrow_with_context(const error& e, const std::string& prefix) {
    const std::string detail = prefix + e.detail();
    if (dynamic_cast<const parse_error*>(&e)) throw parse_error(e.code(), e.path(), detail);
    if (dynamic_cast<const validation_error*>(&e)) throw validation_error(e.code(), e.path(), detail);
    if (dynamic_cast<const lookup_error*>(&e)) throw lookup_error(e.code(), e.path(), detail);
    if (dynamic_cast<const placement_error*>(&e)) throw placement_error(e.code(), e.path(), detail);
    if (dynamic_cast<const arithmetic_error*>(&e)) throw arithmetic_error(e.code(), e.path(), detail);
    if (dynamic_cast<const io_error*>(&e)) throw io_error(e.code(), e.path(), detail);
    if (dynamic_cast<const cancelled_error*>(&e)) throw cancelled_error(e.code(), e.path(), detail);
    throw error(e.code(), e.path(), detail);
}

}  // namespace libtco
