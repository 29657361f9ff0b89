// The row kernel of evenly spaced ops-share axes gives exactly the cents of the point-by-point
// kernel and of the Decimal evaluation.
#include <doctest/doctest.h>

#include "scenario_fixture.hpp"

#include <libtco/analysis/closed_form_kernel.hpp>
#include <libtco/scenario/default_scenario.hpp>
#include <libtco/catalog/embedded_catalog.hpp>
#include <libtco/analysis/evaluator.hpp>
#include <libtco/core/rounding.hpp>
#include <libtco/analysis/sweep.hpp>

#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

using libtco::Decimal;
using libtco::detail::ClosedFormKernel;
using libtco::detail::StaffFigures;

namespace {

constexpr std::int64_t unit = 1000000000000;  // raw units of 10^-12

Decimal d(const char* s) { return Decimal::parse(s); }

// Every point of a row by cents(), the reference.
void point_by_point(ClosedFormKernel k, StaffFigures f, bool eks, std::int64_t first, std::int64_t step, std::int64_t n,
                    std::vector<std::int64_t>& eks_out, std::vector<std::int64_t>& ecs_out) {
    for (std::int64_t j = 0; j < n; ++j) {
        (eks ? f.eks_ops_share : f.ecs_ops_share) = first + j * step;
        const auto c = k.cents(f);
        REQUIRE(c);
        eks_out.push_back(c->first);
        ecs_out.push_back(c->second);
    }
}

// A row both ways: four points at a time where the processor can, and one at a time. They must
// agree; the first is written to eks_row and ecs_row.
bool share_row_both_ways(ClosedFormKernel k, const StaffFigures& f, bool eks, std::int64_t first, std::int64_t step, std::int64_t n,
                         std::vector<std::int64_t>& eks_row, std::vector<std::int64_t>& ecs_row) {
    ClosedFormKernel scalar_kernel = k;
    std::vector<std::int64_t> eks_scalar(eks_row.size()), ecs_scalar(ecs_row.size());
    const bool vector_done = k.share_row(f, eks, first, step, n, eks_row.data(), ecs_row.data(), true);
    const bool scalar_done = scalar_kernel.share_row(f, eks, first, step, n, eks_scalar.data(), ecs_scalar.data(), false);
    REQUIRE(vector_done == scalar_done);
    if (vector_done) {
        CHECK(eks_row == eks_scalar);
        CHECK(ecs_row == ecs_scalar);
    }
    return vector_done;
}

// A row by the row kernel, both ways, against point_by_point(); false when the kernel declines it.
bool row_matches_points(const ClosedFormKernel& kernel, const StaffFigures& f, bool eks, std::int64_t first, std::int64_t step, std::int64_t n) {
    std::vector<std::int64_t> eks_ref, ecs_ref;
    point_by_point(kernel, f, eks, first, step, n, eks_ref, ecs_ref);
    std::vector<std::int64_t> eks_row(static_cast<std::size_t>(n)), ecs_row(static_cast<std::size_t>(n));
    if (!share_row_both_ways(kernel, f, eks, first, step, n, eks_row, ecs_row)) return false;
    CHECK(eks_row == eks_ref);
    CHECK(ecs_row == ecs_ref);
    return true;
}

}  // namespace

#ifdef __SIZEOF_INT128__
TEST_CASE("the share row kernel matches the point-by-point kernel on random rows") {
    std::mt19937_64 random(20261128);  // the test's own data; std:: distributions are fine here
    const auto below = [&](std::int64_t n) { return static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(n)); };
    int rows = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        StaffFigures f;
        f.engineers = below(50) * unit + below(unit);                // 0 to 50 engineers, 12 places
        f.loaded_cost = below(400000) * unit + below(unit);          // up to $400,000 a year
        f.ecs_ops_share = below(unit + 1);
        f.eks_ops_share = below(unit + 1);
        f.clusters = below(4);
        // Rests with every digit set, sometimes negative (credits larger than the bill), so cents round both ways.
        const std::int64_t eks_rest = below(std::int64_t{1} << 55) - (trial % 7 == 0 ? std::int64_t{1} << 54 : 0);
        const std::int64_t ecs_rest = below(std::int64_t{1} << 55);
        const ClosedFormKernel kernel(eks_rest, ecs_rest, 73 * unit);
        const bool eks = trial % 2 == 0;
        const std::int64_t n = 1 + below(60);
        // Shares in [0, 1], ascending or descending, steps from one raw unit to a fortieth.
        const std::int64_t step = (1 + below(unit / 40 / n)) * (trial % 3 == 0 ? -1 : 1);
        const std::int64_t first = step < 0 ? unit - below(unit / 2) : below(unit / 2);
        if (!row_matches_points(kernel, f, eks, first, step, n)) {
            // Declined only when annual x share reaches 2^62 units somewhere on the row.
            const long double annual = static_cast<long double>(f.engineers) / unit * static_cast<long double>(f.loaded_cost);
            const long double top_share = static_cast<long double>(step < 0 ? first : first + step * (n - 1)) / unit;
            CHECK(annual * top_share > 0.99L * static_cast<long double>(std::int64_t{1} << 62));
            continue;
        }
        ++rows;
    }
    CHECK(rows > 2000);
}

TEST_CASE("the share row kernel matches the point-by-point kernel on long rows with large steps") {
    // Rows of thousands of points whose steps move the total by up to hundreds of dollars a point,
    // so every level of the row's counters carries at most points.
    std::mt19937_64 random(20261129);
    const auto below = [&](std::int64_t n) { return static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(n)); };
    for (int trial = 0; trial < 40; ++trial) {
        StaffFigures f;
        f.engineers = (1 + below(19)) * unit + below(unit);     // an annual cost within the row kernel's 62 bits
        f.loaded_cost = below(230000) * unit + below(unit);
        f.ecs_ops_share = below(unit + 1);
        f.eks_ops_share = below(unit + 1);
        f.clusters = below(3);
        const ClosedFormKernel kernel(below(std::int64_t{1} << 50) - (std::int64_t{1} << 49), below(std::int64_t{1} << 50), 73 * unit);
        const bool eks = trial % 2 == 1;
        const std::int64_t n = 1000 + below(4000);
        const std::int64_t step = (1 + below(unit / n)) * (trial % 4 == 0 ? -1 : 1);
        const std::int64_t first = step < 0 ? -step * (n - 1) + below(unit + 1 + step * (n - 1)) : below(unit + 1 - step * (n - 1));
        CHECK(row_matches_points(kernel, f, eks, first, step, n));
    }
}

TEST_CASE("the share row kernel hits half-even ties exactly") {
    // One engineer at $120,000: annual x share is a whole number of units times 120,000, so with these
    // steps the twelfth of it, and the cents of that, fall on exact halves at some points.
    StaffFigures f{unit, 120000 * unit, 0, 0, 1};
    const ClosedFormKernel kernel(0, 0, 0);
    for (const std::int64_t step : {std::int64_t{1}, std::int64_t{4166666}, std::int64_t{500000}, std::int64_t{41666666667}}) {
        CHECK(row_matches_points(kernel, f, true, 0, step, 24));
    }
}

namespace {
using libtco::detail::native_int128;

native_int128 half_even_quotient(native_int128 n, native_int128 d) {  // d > 0
    native_int128 q = n / d;
    native_int128 r = n % d;
    if (r < 0) {
        r += d;
        --q;
    }
    return q + ((2 * r > d || (2 * r == d && q % 2 != 0)) ? 1 : 0);
}
}  // namespace

TEST_CASE("the share row kernel rounds every level's ties as the Decimal path does") {
    // Half-dollar annual costs and odd shares put the product annual x share on an exact half unit;
    // rests are then chosen so that one point's total falls on, just below or just above half a
    // cent, with an even or an odd number of cents. A rounding slip of one unit at any level then
    // changes that point's cents. With even steps every point's product is a tie and the point is
    // one whose twelfth is a tie too; with odd steps products alternate between a tie and a whole
    // number, and the point is the row's last, which four-at-a-time rows compute on their own when
    // the row's length is not a multiple of four.
    std::mt19937_64 random(20261130);
    const auto below = [&](std::int64_t n) { return static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(n)); };
    constexpr std::int64_t cent = 10000000000;
    int twelfth_ties = 0;
    for (int trial = 0; trial < 300; ++trial) {
        const std::int64_t annual = (2 * below(200000) + 1) * (unit / 2);
        StaffFigures f{unit, annual, 0, 0, 0};  // one engineer: annual is the loaded cost exactly
        const bool eks = trial % 2 == 0;
        const bool odd_steps = trial % 3 == 2;
        const std::int64_t n = 50 + below(450);
        const std::int64_t span = (2 * (1 + below(unit / 8 / n)) + (odd_steps ? 1 : 0));  // spans at most half of [0, 1]
        const std::int64_t step = span * (trial % 5 == 0 ? -1 : 1);
        std::int64_t first = (step < 0 ? unit - 1 - below(unit / 4) : below(unit / 4)) | 1;
        std::int64_t j0 = below(n);
        if (odd_steps) {
            j0 = n - 1;
            if ((first + j0 * step) % 2 == 0) first += step < 0 ? -1 : 1;  // an odd share at the last point
        } else {
            for (std::int64_t j = 0; j < n; ++j)
                if (half_even_quotient(static_cast<native_int128>(annual) * (first + j * step), unit) % 12 == 6) {
                    j0 = j;
                    ++twelfth_ties;
                    break;
                }
        }
        const native_int128 twelfths_times_12 = half_even_quotient(static_cast<native_int128>(annual) * (first + j0 * step), unit);
        const auto monthly = static_cast<std::int64_t>(half_even_quotient(twelfths_times_12, 12));
        for (const std::int64_t target : {cent / 2 - 1, cent / 2, cent / 2 + 1})
            for (const std::int64_t parity : {0, 1}) {
                const std::int64_t rest = (2 * (1000 + below(1000000)) + parity) * cent + target - monthly;
                const ClosedFormKernel kernel(eks ? rest : below(unit), eks ? below(unit) : rest, 73 * unit);
                REQUIRE(row_matches_points(kernel, f, eks, first, step, n));
            }
    }
    CHECK(twelfth_ties > 50);
}

TEST_CASE("the share row kernel declines figures beyond 62 bits") {
    StaffFigures f{40000 * unit, 987654 * unit, unit, unit, 1};  // annual about 4e22 units
    ClosedFormKernel kernel(0, 0, 73 * unit);
    std::vector<std::int64_t> eks(3), ecs(3);
    CHECK_FALSE(kernel.share_row(f, true, 0, unit / 2, 3, eks.data(), ecs.data()));
}
#endif

TEST_CASE("a sweep over an evenly spaced ops share equals the Decimal evaluation point by point") {
    const libtco::Catalog catalog = libtco::embedded_catalog();
    const libtco::Scenario base = fixture::with_seed_shares(libtco::default_scenario());
    for (const char* inner : {"/eks/operations/share", "/ecs/operations/share"}) {
        const std::vector<libtco::SweepAxis> axes{{"/team/engineers", libtco::linspace(d("0"), d("37.3"), 7)},
                                                  {inner, libtco::linspace(d("0.000000000003"), d("0.900000000003"), 301)}};
        // Threads split rows in the middle: a row then starts and ends inside a thread's share.
        for (const int threads : {1, 3}) {
            const libtco::SweepResult r = libtco::sweep(base, catalog, axes, libtco::RunOptions{threads, {}});
            const libtco::Evaluator evaluate(base, catalog, {"/team/engineers", inner});
            REQUIRE(r.size() == 7 * 301);
            for (std::int64_t i = 0; i < r.size(); ++i) {
                const std::vector<Decimal> values{r.value(i, 0), r.value(i, 1)};
                const libtco::Totals t = evaluate(values);
                REQUIRE(r.eks_cents[static_cast<std::size_t>(i)] == libtco::cents_of(t.eks));
                REQUIRE(r.ecs_cents[static_cast<std::size_t>(i)] == libtco::cents_of(t.ecs));
            }
        }
    }
}

TEST_CASE("sweep_into writes the sweep's points into the caller's buffers") {
    const libtco::Catalog catalog = libtco::embedded_catalog();
    const libtco::Scenario base = fixture::with_seed_shares(libtco::default_scenario());
    const std::vector<libtco::SweepAxis> axes{{"/team/engineers", libtco::linspace(d("1"), d("9"), 5)},
                                              {"/eks/operations/share", libtco::linspace(d("0.05"), d("0.25"), 11)}};
    const libtco::SweepResult whole = libtco::sweep(base, catalog, axes);
    REQUIRE(libtco::sweep_size(axes) == 55);
    std::vector<std::int64_t> eks(55, -1), ecs(55, -1);
    const libtco::SweepLayout layout = libtco::sweep_into(base, catalog, axes, eks, ecs);
    CHECK(layout.closed_form);
    CHECK(layout.axes[1].parameter == "/eks/operations/share");
    CHECK(eks == whole.eks_cents);
    CHECK(ecs == whole.ecs_cents);
    // The first point against the Decimal evaluation.
    const libtco::Evaluator evaluate(base, catalog, {"/team/engineers", "/eks/operations/share"});
    CHECK(eks[0] == libtco::cents_of(evaluate(std::vector<Decimal>{d("1"), d("0.05")}).eks));

    std::vector<std::int64_t> short_buffer(54, -1);
    CHECK_THROWS_AS(libtco::sweep_into(base, catalog, axes, short_buffer, ecs), std::invalid_argument);
    CHECK(short_buffer == std::vector<std::int64_t>(54, -1));
}

#ifdef __SIZEOF_INT128__
TEST_CASE("an ops-share axis is cut into runs of even steps") {
    const libtco::detail::ShareRuns runs = libtco::detail::share_runs({0, 2, 4, 7, 8, 9, 20});
    CHECK(runs.end == std::vector<std::size_t>{3, 3, 3, 6, 6, 6, 7});
    CHECK(runs.step == std::vector<std::int64_t>{2, 2, 2, 1, 1, 1, 0});
}
#endif

TEST_CASE("a sweep over a linspace whose step is not exact equals the Decimal evaluation point by point") {
    // 0.2 / 999 has no exact 12-place form: the values step by its rounding, and the last is 0.25
    // exactly, so the axis is a run of 999 even steps and a run of one.
    const libtco::Catalog catalog = libtco::embedded_catalog();
    const libtco::Scenario base = fixture::with_seed_shares(libtco::default_scenario());
    const std::vector<libtco::SweepAxis> axes{{"/team/engineers", {d("2"), d("7.5")}},
                                              {"/ecs/operations/share", libtco::linspace(d("0.05"), d("0.25"), 1000)}};
    const libtco::Evaluator evaluate(base, catalog, {"/team/engineers", "/ecs/operations/share"});
    for (const int threads : {1, 3}) {
        const libtco::SweepResult r = libtco::sweep(base, catalog, axes, libtco::RunOptions{threads, {}});
        REQUIRE(r.size() == 2000);
        CHECK(r.value(999, 1) == d("0.25"));
        for (std::int64_t i = 0; i < r.size(); ++i) {
            const libtco::Totals t = evaluate(std::vector<Decimal>{r.value(i, 0), r.value(i, 1)});
            REQUIRE(r.eks_cents[static_cast<std::size_t>(i)] == libtco::cents_of(t.eks));
            REQUIRE(r.ecs_cents[static_cast<std::size_t>(i)] == libtco::cents_of(t.ecs));
        }
    }
}
