// The row kernel of evenly spaced ops-share axes gives exactly the cents of the point-by-point
// kernel and of the Decimal evaluation.
#include <doctest/doctest.h>

#include <libtco/closed_form_kernel.hpp>
#include <libtco/default_scenario.hpp>
#include <libtco/embedded_catalog.hpp>
#include <libtco/evaluator.hpp>
#include <libtco/rounding.hpp>
#include <libtco/sweep.hpp>

#include <cstdint>
#include <random>
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
        std::vector<std::int64_t> eks_ref, ecs_ref;
        point_by_point(kernel, f, eks, first, step, n, eks_ref, ecs_ref);
        ClosedFormKernel row_kernel = kernel;
        std::vector<std::int64_t> eks_row(static_cast<std::size_t>(n)), ecs_row(static_cast<std::size_t>(n));
        if (!row_kernel.share_row(f, eks, first, step, n, eks_row.data(), ecs_row.data())) {
            // Declined only when annual x share reaches 2^62 units somewhere on the row.
            const long double annual = static_cast<long double>(f.engineers) / unit * static_cast<long double>(f.loaded_cost);
            const long double top_share = static_cast<long double>(step < 0 ? first : first + step * (n - 1)) / unit;
            CHECK(annual * top_share > 0.99L * static_cast<long double>(std::int64_t{1} << 62));
            continue;
        }
        CHECK(eks_row == eks_ref);
        CHECK(ecs_row == ecs_ref);
        ++rows;
    }
    CHECK(rows > 2000);
}

TEST_CASE("the share row kernel hits half-even ties exactly") {
    // One engineer at $120,000: annual x share is a whole number of units times 120,000, so with these
    // steps the twelfth of it, and the cents of that, fall on exact halves at some points.
    StaffFigures f{unit, 120000 * unit, 0, 0, 1};
    const ClosedFormKernel kernel(0, 0, 0);
    for (const std::int64_t step : {std::int64_t{1}, std::int64_t{4166666}, std::int64_t{500000}, std::int64_t{41666666667}}) {
        std::vector<std::int64_t> eks_ref, ecs_ref;
        point_by_point(kernel, f, true, 0, step, 24, eks_ref, ecs_ref);
        ClosedFormKernel k = kernel;
        std::vector<std::int64_t> eks_row(24), ecs_row(24);
        REQUIRE(k.share_row(f, true, 0, step, 24, eks_row.data(), ecs_row.data()));
        CHECK(eks_row == eks_ref);
    }
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
    const libtco::Scenario base = libtco::default_scenario();
    for (const char* inner : {"/eks/ops_share", "/ecs/ops_share"}) {
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
