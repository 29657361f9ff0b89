// Built twice: as a control (must compile and run) and with LIBTCO_EXPECT_COMPILE_ERROR (must not compile).
#include <libtco/core/quantity.hpp>

int main() {
    const libtco::Money money(libtco::Decimal(73));
    const libtco::Hours hours(libtco::Decimal(730));
#ifdef LIBTCO_EXPECT_COMPILE_ERROR
    const auto nonsense = money + hours;
    (void)nonsense;
#endif
    const libtco::Money fee = libtco::HourlyRate(libtco::Decimal::parse("0.1")) * hours;
    return fee == money ? 0 : 1;
}
