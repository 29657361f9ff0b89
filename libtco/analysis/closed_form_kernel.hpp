#pragma once
// The closed form of a sweep point on the machine's own integers. It performs exactly the Decimal
// operations of the engine's staff and cluster-fee lines (a product rounded half-even to 12 places,
// the quotient by a whole 12, exact sums, cents half-even), on raw 10^-12 units held in 64 bits, so
// its totals are bit-identical to the Decimal path (whose rule is the exact result rounded half-even,
// however it is computed). Inputs are 64-bit raw values; intermediates are 128-bit. A point whose
// figures would leave 128 bits is reported as not handled, and the caller evaluates it with Decimals.

#include <libtco/core/decimal.hpp>
#include <libtco/analysis/detail/share_row.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>

namespace libtco::detail {

#ifdef __SIZEOF_INT128__

struct StaffFigures {  // raw 10^-12 units, except clusters
    std::int64_t engineers = 0;
    std::int64_t loaded_cost = 0;
    std::int64_t eks_ops_share = 0;
    std::int64_t ecs_ops_share = 0;
    std::int64_t clusters = 0;
};

class ClosedFormKernel {
public:
    // eks_rest and ecs_rest: each platform's total without the closed-form lines; cluster_month:
    // one cluster's fee for the month. Raw units.
    ClosedFormKernel(std::int64_t eks_rest, std::int64_t ecs_rest, std::int64_t cluster_month)
        : eks_rest_(eks_rest), ecs_rest_(ecs_rest), cluster_month_(cluster_month) {}

    // Both totals in cents, or nothing when a value would leave 128 bits. Not thread-safe (it
    // remembers the last team and ECS share, and ECS's total with them, which a grid repeats along
    // its inner axes): one kernel per thread.
    std::optional<std::pair<std::int64_t, std::int64_t>> cents(const StaffFigures& f) {
        const bool same_team = memo_valid_ && f.engineers == memo_.engineers && f.loaded_cost == memo_.loaded_cost;
        if (!same_team || f.ecs_ops_share != memo_.ecs_ops_share) {
            memo_valid_ = false;
            if (!same_team && !product(f.loaded_cost, f.engineers, annual_)) return std::nullopt;
            if (!operations(annual_, f.ecs_ops_share, ecs_operations_)) return std::nullopt;
            if (!to_cents(ecs_rest_ + ecs_operations_, ecs_cents_)) return std::nullopt;
            memo_ = f;
            memo_valid_ = true;
        }
        native_int128 eks_operations = 0;
        if (!operations(annual_, f.eks_ops_share, eks_operations)) return std::nullopt;
        const native_int128 control_plane = static_cast<native_int128>(cluster_month_) * f.clusters;
        std::int64_t eks_cents = 0;
        if (!to_cents(eks_rest_ + eks_operations + control_plane, eks_cents)) return std::nullopt;
        return std::pair{eks_cents, ecs_cents_};
    }

    // The totals along a row of the grid in which only one platform's ops share varies, as
    // share_j = first + j * step for j < n (an evenly spaced axis): n cents per platform into eks_out
    // and ecs_out. The same figures as cents() point by point, in a few additions a point (see
    // share_row.hpp): no point needs a division. False (nothing written) when a figure would leave
    // 62 bits (a team costing more than about $4.6 million a year at a share of 1). allow_vector =
    // false keeps to one point at a time (tests compare the two).
    bool share_row(StaffFigures f, bool eks_varies, std::int64_t first, std::int64_t step, std::int64_t n, std::int64_t* eks_out,
                   std::int64_t* ecs_out, bool allow_vector = true) {
        if (n <= 0) return true;
        (eks_varies ? f.eks_ops_share : f.ecs_ops_share) = first;
        const auto at_first = cents(f);  // also leaves annual_ as this team's
        if (!at_first) return false;
        const native_int128 rest = eks_varies ? eks_rest_ + static_cast<native_int128>(cluster_month_) * f.clusters : ecs_rest_;
        const native_int128 last = static_cast<native_int128>(first) + static_cast<native_int128>(step) * (n - 1);
        // Shares within [0, 1] and an annual cost below 2^86 units keep the products within 127 bits.
        const auto is_share = [](native_int128 s) { return s >= 0 && s <= raw_unit; };
        if (!is_share(first) || !is_share(last) || annual_ < 0 || annual_ >= (native_int128{1} << 86) || !fits_62(rest)) return false;
        // Both ends bound every point: the product, and so each rounded figure, is monotonic in j.
        for (const native_int128 share : {static_cast<native_int128>(first), last})
            if (!fits_62(annual_ * share / raw_unit + 1) || !fits_62(rest + annual_ * share / raw_unit / 12 + 1)) return false;

        const std::int64_t fixed_cents = eks_varies ? at_first->second : at_first->first;
        std::fill(eks_varies ? ecs_out : eks_out, (eks_varies ? ecs_out : eks_out) + n, fixed_cents);
        // A lone point takes no step, and nothing bounds the step beside it: not multiplied at all.
        share_row_cents(annual_ * first, n > 1 ? annual_ * step : 0, static_cast<std::int64_t>(rest), n, eks_varies ? eks_out : ecs_out,
                        allow_vector);
        return true;
    }

private:
    static bool fits_62(native_int128 v) { return v < (native_int128{1} << 62) && v > -(native_int128{1} << 62); }

    static constexpr std::int64_t raw_per_cent = 10000000000;  // 10^-12 units in a cent
    static constexpr native_int128 int128_max = static_cast<native_int128>(~static_cast<native_uint128>(0) >> 1);
    static constexpr native_int128 sum_limit = int128_max / 4;  // three terms of this size still add up in range

    // Decimal's a * b: the exact product rounded half-even to 12 places (a may exceed 64 bits).
    static bool product(native_int128 a, std::int64_t b, native_int128& out) {
        native_int128 exact = 0;
        if (a <= (std::numeric_limits<std::int64_t>::max)() && a >= -(std::numeric_limits<std::int64_t>::max)())
            exact = static_cast<native_int128>(static_cast<std::int64_t>(a)) * b;  // 64 x 64 bits: cannot overflow 128
        else if (__builtin_mul_overflow(a, static_cast<native_int128>(b), &exact))
            return false;
        out = divide_by_unit_half_even(exact);
        return out < sum_limit && out > -sum_limit;
    }

    // operations_cost: annual x share / 12 (the quotient by a whole 12, half-even).
    static bool operations(native_int128 annual, std::int64_t share, native_int128& out) {
        native_int128 monthly = 0;
        if (!product(annual, share, monthly)) return false;
        if (monthly <= (std::numeric_limits<std::int64_t>::max)() && monthly >= -(std::numeric_limits<std::int64_t>::max)())
            out = divide_half_even_64(static_cast<std::int64_t>(monthly), 12);
        else
            out = divide_half_even(monthly, 12);
        return true;
    }

    // cents_of: half-even to whole cents (10^10 raw units).
    static bool to_cents(native_int128 raw, std::int64_t& out) {
        if (raw <= (std::numeric_limits<std::int64_t>::max)() && raw >= -(std::numeric_limits<std::int64_t>::max)()) {
            out = divide_half_even_64(static_cast<std::int64_t>(raw), raw_per_cent);
            return true;
        }
        const native_int128 cents = divide_half_even(raw, raw_per_cent);
        if (cents > (std::numeric_limits<std::int64_t>::max)() || cents < -(std::numeric_limits<std::int64_t>::max)()) return false;
        out = static_cast<std::int64_t>(cents);
        return true;
    }

    native_int128 eks_rest_;
    native_int128 ecs_rest_;
    std::int64_t cluster_month_;
    StaffFigures memo_;
    bool memo_valid_ = false;
    native_int128 annual_ = 0;
    native_int128 ecs_operations_ = 0;
    std::int64_t ecs_cents_ = 0;
};

#endif

}  // namespace libtco::detail
