#pragma once
// The cents of one platform along a row of a sweep in which only an ops share varies in even steps:
// rest + half_even(half_even(annual x share_j / 10^12) / 12), in cents half-even, for j < n. That is
// the Decimal path's arithmetic (a product rounded to 12 places, its twelfth, the total's cents) on
// raw 10^-12 units, done as nested mixed-radix counters so that moving to the next point takes
// additions and comparisons only. With P = annual x share (10^-24 units):
//   P = product x 10^12 + fraction                    (0 <= fraction < 10^12)
//   product = twelfths x 12 + twelfth_rest            (0 <= twelfth_rest < 12)
//   rest + twelfths = whole_cents x 10^10 + sub_cent  (0 <= sub_cent < 10^10)
// All are floor divisions, so each rounding is half-even through the floor quotient's parity
// (product's parity is twelfth_rest's, as 12 is even). A step adds the same decomposition of
// annual x step, plus the carry from the level below. The same code runs on one point at a time and,
// where the processor has AVX2, on four at once (points j..j+3, each stepping four steps).

#include <libtco/core/decimal.hpp>

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace libtco::detail {

#ifdef __SIZEOF_INT128__

namespace share_row_units {
inline constexpr std::int64_t unit = 1000000000000;  // raw 10^-12 units in one
inline constexpr std::int64_t cent = 10000000000;    // raw units in a cent
}  // namespace share_row_units

template <class V>
struct RowState {
    V fraction, twelfth_rest, twelfths, sub_cent, whole_cents;
};

struct FloorQuotient {
    std::int64_t quotient;
    std::int64_t remainder;  // 0 <= remainder < divisor
};

template <class T>
FloorQuotient floor_quotient(T v, std::int64_t d) {
    T q = v / d;
    T r = v % d;
    if (r < 0) {
        r += d;
        --q;
    }
    return {static_cast<std::int64_t>(q), static_cast<std::int64_t>(r)};
}

// The counters of a point whose product is `product` (or of a step, with rest 0). The caller keeps
// product / 10^12 and rest + product / 10^12 / 12 within 63 bits.
inline RowState<std::int64_t> row_state(native_int128 product, std::int64_t rest) {
    const FloorQuotient p = floor_quotient(product, share_row_units::unit);
    const FloorQuotient twelfths = floor_quotient(p.quotient, 12);
    const FloorQuotient cents = floor_quotient(rest + twelfths.quotient, share_row_units::cent);
    return {p.remainder, twelfths.remainder, twelfths.quotient, cents.remainder, cents.quotient};
}

// Every function below takes and gives vectors by reference: one passing an AVX vector by value
// outside code compiled for AVX would change the ABI.

// 1 where a comparison holds: a scalar comparison gives true, a vector one lanes of -1.
template <class V, class C>
[[gnu::always_inline]] inline void set_one_where(V& out, const C& c) {
    if constexpr (std::is_integral_v<V>)
        out = static_cast<V>(c);
    else
        out = -c;
}

template <class V>
[[gnu::always_inline]] inline void row_cents(const RowState<V>& s, V& cents) {
    using namespace share_row_units;
    V up;
    set_one_where(up, s.fraction + (s.twelfth_rest & 1) > unit / 2);
    const V twelfth_rest = s.twelfth_rest + up;  // 0..12
    set_one_where(up, twelfth_rest + (s.twelfths & 1) > 6);
    const V sub_cent = s.sub_cent + up;
    set_one_where(up, sub_cent + (s.whole_cents & 1) > cent / 2);
    cents = s.whole_cents + up;
}

template <class V>
[[gnu::always_inline]] inline void row_advance(RowState<V>& s, const RowState<V>& step) {
    using namespace share_row_units;
    V carry;
    s.fraction += step.fraction;
    set_one_where(carry, s.fraction >= unit);
    s.fraction -= carry * unit;
    s.twelfth_rest += step.twelfth_rest + carry;
    set_one_where(carry, s.twelfth_rest >= 12);
    s.twelfth_rest -= carry * 12;
    s.twelfths += step.twelfths + carry;
    s.sub_cent += step.sub_cent + carry;
    set_one_where(carry, s.sub_cent >= cent);
    s.sub_cent -= carry * cent;
    s.whole_cents += step.whole_cents + carry;
}

inline void share_row_scalar(RowState<std::int64_t> s, const RowState<std::int64_t>& step, std::int64_t n, std::int64_t* out) {
    for (std::int64_t j = 0; j < n; ++j) {
        if (j > 0) row_advance(s, step);
        row_cents(s, out[j]);
    }
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define LIBTCO_SHARE_ROW_AVX2 1
using Lanes4 = std::int64_t __attribute__((vector_size(32)));

// Points j, j + 1, j + 2, j + 3 in the lanes, each lane stepping four steps; the last n % 4 points
// one at a time.
[[gnu::target("avx2")]] inline void share_row_avx2(native_int128 first_product, native_int128 step_product, std::int64_t rest, std::int64_t n,
                                                    std::int64_t* out) {
    RowState<std::int64_t> lane[4];
    for (int k = 0; k < 4; ++k) lane[k] = row_state(first_product + step_product * k, rest);
    const RowState<std::int64_t> four = row_state(step_product * 4, 0);
    // Built through memory, not helpers (see above).
    std::int64_t fields[5][4];
    for (int k = 0; k < 4; ++k) {
        fields[0][k] = lane[k].fraction;
        fields[1][k] = lane[k].twelfth_rest;
        fields[2][k] = lane[k].twelfths;
        fields[3][k] = lane[k].sub_cent;
        fields[4][k] = lane[k].whole_cents;
    }
    RowState<Lanes4> s;
    std::memcpy(&s.fraction, fields[0], sizeof(Lanes4));
    std::memcpy(&s.twelfth_rest, fields[1], sizeof(Lanes4));
    std::memcpy(&s.twelfths, fields[2], sizeof(Lanes4));
    std::memcpy(&s.sub_cent, fields[3], sizeof(Lanes4));
    std::memcpy(&s.whole_cents, fields[4], sizeof(Lanes4));
    const RowState<Lanes4> step{Lanes4{} + four.fraction, Lanes4{} + four.twelfth_rest, Lanes4{} + four.twelfths, Lanes4{} + four.sub_cent,
                                Lanes4{} + four.whole_cents};
    std::int64_t j = 0;
    for (; j + 4 <= n; j += 4) {
        Lanes4 cents;
        row_cents(s, cents);
        std::memcpy(out + j, &cents, sizeof cents);
        row_advance(s, step);  // past the row at the end: within 63 bits, as the row's span is
    }
    if (j < n) {
        const RowState<std::int64_t> tail{s.fraction[0], s.twelfth_rest[0], s.twelfths[0], s.sub_cent[0], s.whole_cents[0]};
        const RowState<std::int64_t> one_step = row_state(step_product, 0);
        share_row_scalar(tail, one_step, n - j, out + j);
    }
}

inline bool has_avx2() {
    static const bool yes = __builtin_cpu_supports("avx2");
    return yes;
}
#endif

// n cents into out: point j has the product first_product + j x step_product. The caller keeps every
// point's product / 10^12, and rest plus its twelfth, within 62 bits.
inline void share_row_cents(native_int128 first_product, native_int128 step_product, std::int64_t rest, std::int64_t n, std::int64_t* out,
                            bool allow_vector = true) {
    if (n <= 0) return;
    if (n == 1) step_product = 0;  // a lone point takes no step
#ifdef LIBTCO_SHARE_ROW_AVX2
    // Four steps at once stay within the row's span only when it has more than four points.
    if (allow_vector && n > 4 && has_avx2()) return share_row_avx2(first_product, step_product, rest, n, out);
#endif
    (void)allow_vector;
    share_row_scalar(row_state(first_product, rest), row_state(step_product, 0), n, out);
}

#endif

}  // namespace libtco::detail
