#pragma once
// Runs f and returns the libtco::error it throws; fails the test if it throws none.
#include <libtco/core/error.hpp>

#include <doctest/doctest.h>

namespace fixture {

template <class F>
libtco::error capture(F&& f) {
    try {
        f();
    } catch (const libtco::error& e) {
        return e;
    }
    FAIL("expected a libtco::error");
    return libtco::error(libtco::errc::io, "", "");
}

}  // namespace fixture
