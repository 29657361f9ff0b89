// The error table front ends list: every code once, in code order, with the README's families
// (parse 100-103, validation 110-118, lookup 200-206, placement 300, arithmetic 400-401, io 500-501,
// run 600: 26 codes).
#include <libtco/core/error.hpp>

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace libtco;

TEST_CASE("the error table holds the 26 documented codes once each, in code order") {
    std::set<std::string> names;
    int previous = 0;
    for (const NamedCode& c : all_error_codes) {
        CAPTURE(c.name);
        CHECK(static_cast<int>(c.code) > previous);
        previous = static_cast<int>(c.code);
        CHECK(names.insert(c.name).second);
    }
    CHECK(names.size() == 26);
}

TEST_CASE("each code's family is the README's") {
    CHECK(error::name_of(errc::parse_too_large) == "libtco.parse.103");
    CHECK(error::name_of(errc::inconsistent) == "libtco.validation.118");
    CHECK(error::name_of(errc::unknown_catalog) == "libtco.lookup.206");
    CHECK(error::name_of(errc::unplaceable_replica) == "libtco.placement.300");
    CHECK(error::name_of(errc::division_by_zero) == "libtco.arithmetic.401");
    CHECK(error::name_of(errc::unsupported) == "libtco.io.501");
    CHECK(error::name_of(errc::cancelled) == "libtco.run.600");
}
