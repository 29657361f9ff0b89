#include <libtco/core/detail/json_reader.hpp>

#include "capture.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace libtco;
using namespace libtco::detail;

using fixture::capture;

TEST_CASE("numbers are read from their text, never through a double") {
    const json doc = parse_exact(R"({"a": 0.1, "b": 1.006000, "c": 123456789012345678901, "d": 7, "e": "0.2"})");
    CHECK(read_decimal(doc["a"], "/a").to_string() == "0.1");
    CHECK(read_decimal(doc["b"], "/b").to_string() == "1.006");
    CHECK(read_decimal(doc["c"], "/c").to_string() == "123456789012345678901");
    CHECK(read_decimal(doc["d"], "/d") == Decimal(7));
    CHECK(read_decimal(doc["e"], "/e").to_string() == "0.2");
    // 0.1 + 0.2 through doubles is 0.30000000000000004; read exactly it is 0.3
    CHECK((read_decimal(doc["a"], "") + read_decimal(doc["e"], "")).to_string() == "0.3");
}

TEST_CASE("malformed JSON, duplicate keys and deep nesting are parse errors") {
    CHECK(capture([] { parse_exact("{\"a\": }"); }).code() == errc::parse_invalid_json);
    CHECK(capture([] { parse_exact(""); }).code() == errc::parse_invalid_json);
    CHECK(capture([] { parse_exact("{\"a\": NaN}"); }).code() == errc::parse_invalid_json);
    const error dup = capture([] { parse_exact(R"({"x": {"a": 1, "a": 2}})"); });
    CHECK(dup.code() == errc::parse_duplicate_key);
    CHECK(dup.path() == "/x/a");
    // Inside an array element, the path names that element: the second is /a/1.
    CHECK(capture([] { parse_exact(R"({"a": [{"x": 1}, {"x": 1, "x": 2}]})"); }).path() == "/a/1/x");
    CHECK(capture([] { parse_exact(R"([1, [2, {"k": 1, "k": 2}]])"); }).path() == "/1/1/k");
    const std::string deep = std::string(100, '[') + std::string(100, ']');
    CHECK(capture([&] { parse_exact(deep); }).code() == errc::parse_too_deep);
    // Too deep: the path names the element that would open the 65th level.
    CHECK(capture([&] { parse_exact(deep); }).path() == "/0" + [] { std::string p; for (int i = 1; i < 64; ++i) p += "/0"; return p; }());
    CHECK_NOTHROW(parse_exact(std::string(60, '[') + std::string(60, ']')));
}

TEST_CASE("whole numbers, strings and booleans are typed") {
    const json doc = parse_exact(R"({"n": 3, "f": 2.5, "s": "3", "e": 1e2, "neg": -4, "huge": 99999999999999999999999})");
    CHECK(read_integer(doc["n"], "/n") == 3);
    CHECK(read_integer(doc["e"], "/e") == 100);
    CHECK(read_integer(doc["neg"], "/neg") == -4);
    const error frac = capture([&] { read_integer(doc["f"], "/f"); });
    CHECK(frac.code() == errc::not_whole);
    CHECK(frac.path() == "/f");
    CHECK(capture([&] { read_integer(doc["s"], "/s"); }).code() == errc::wrong_type);
    CHECK(capture([&] { read_integer(doc["huge"], "/huge"); }).code() == errc::out_of_range);
    CHECK(capture([&] { read_string(doc["n"], "/n"); }).code() == errc::wrong_type);
    CHECK(capture([&] { read_string(doc["f"], "/f"); }).code() == errc::wrong_type);
    CHECK(capture([&] { read_bool(doc["s"], "/s"); }).code() == errc::wrong_type);
    CHECK(capture([&] { read_decimal(json(true), "/b"); }).code() == errc::wrong_type);
}

TEST_CASE("object readers reject unknown keys and report missing ones by path") {
    const json doc = parse_exact(R"({"team": {"engineers": 6, "enginers": 7}})");
    ObjectReader team(doc["team"], "/team");
    CHECK(team.integer("engineers") == 6);
    const error unknown = capture([&] { team.finish(); });
    CHECK(unknown.code() == errc::unknown_key);
    CHECK(unknown.path() == "/team/enginers");
    const error missing = capture([&] { team.decimal("loaded_cost_per_engineer_year"); });
    CHECK(missing.code() == errc::missing_key);
    CHECK(missing.path() == "/team/loaded_cost_per_engineer_year");
    CHECK(capture([&] { ObjectReader r(doc["team"]["engineers"], "/team/engineers"); }).code() == errc::wrong_type);
}

TEST_CASE("error messages carry code, path and the offending value") {
    const error e = capture([] { require_positive(Decimal(-1), "/workloads/2/replicas"); });
    CHECK(std::string(e.what()) == "[libtco.validation.113] /workloads/2/replicas: must be > 0, got -1");
    CHECK(e.code_name() == "libtco.validation.113");
    CHECK(child_path("/instance_types", "a/b~c") == "/instance_types/a~1b~0c");
}

TEST_CASE("a misspelt required key is reported as the unknown key it is") {
    const json doc = parse_exact(R"({"replicaz": 3})");
    ObjectReader r(doc, "/workloads/0");
    const error e = capture([&] { r.integer("replicas"); });
    CHECK(e.code() == errc::unknown_key);
    CHECK(e.path() == "/workloads/0/replicaz");
    CHECK(std::string(e.what()).find("did you mean \"replicas\"") != std::string::npos);
    CHECK(edit_distance("replicaz", "replicas") == 1);
    CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("strings are never mistaken for numbers, whatever they start with") {
    const json doc = parse_exact(R"({"name": "\u0001abc", "vcpu": "\u00011"})");
    CHECK(read_string(doc["name"], "/name") == std::string("\x01" "abc"));
    CHECK(capture([&] { read_decimal(doc["vcpu"], "/vcpu"); }).code() == errc::bad_format);
}

TEST_CASE("long values in messages are cut on a UTF-8 character boundary") {
    std::string value = "a";
    for (int i = 0; i < 30; ++i) value += "\xc3\xa9";  // e-acute, two bytes each
    const std::string shown = describe(json(value));
    // "a" + 19 whole characters (39 bytes); the 40th byte would split a character
    CHECK(shown == "\"a" + value.substr(1, 38) + "...\"");
    CHECK_NOTHROW((void)json(shown).dump());
}
