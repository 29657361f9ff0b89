#pragma once
// A projection as CSV in long format: a row per line item of each month and platform, each month's
// totals, then the horizon's.

#include <libtco/core/text.hpp>
#include <libtco/projection/projection.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace libtco {

namespace detail {

// A text field for a spreadsheet: quoted when needed, and never read as a formula.
inline std::string spreadsheet_text(const std::string& s) {
    const bool formula = !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
    return csv_field(formula ? "'" + s : s);
}

}  // namespace detail

// Long format, one row per line item of each month and platform, then each month's totals, then the
// horizon's: month,platform,category,item,usd (cents, no thousands separators). Item names that a
// spreadsheet would take for a formula are prefixed with an apostrophe.
inline std::string format_csv(const Projection& p) {
    std::ostringstream out;
    out << "month,platform,category,item,usd\n";
    for (const ProjectionMonth& m : p.months) {
        for (const PlatformReport* r : {&m.eks, &m.ecs}) {
            const std::vector<Money> rounded = r->rounded_line_items();
            for (std::size_t i = 0; i < r->line_items.size(); ++i)
                out << m.month.to_string() << "," << r->platform << "," << r->line_items[i].category << ","
                    << detail::spreadsheet_text(r->line_items[i].item) << "," << usd(rounded[i]) << "\n";
            out << m.month.to_string() << "," << r->platform << ",total,month total," << usd(r->rounded_total()) << "\n";
            out << m.month.to_string() << "," << r->platform << ",total,cumulative," << usd(&m.eks == r ? m.eks_cumulative : m.ecs_cumulative) << "\n";
        }
        out << m.month.to_string() << ",eks-ecs,difference,EKS minus ECS," << usd(m.difference()) << "\n";
    }
    const std::string horizon = "total";
    for (const std::string& platform : {std::string("eks"), std::string("ecs")}) {
        const ProjectionTotals& t = p.totals(platform);
        out << horizon << "," << platform << ",total," << p.months.size() << " months," << usd(t.total) << "\n";
        out << horizon << "," << platform << ",npv,net present value at " << p.spec.discount_rate.to_string() << " a year,"
            << usd(round_to_cents(t.npv)) << "\n";
        if (!t.unamortized_after_horizon.value().is_zero())
            out << horizon << "," << platform << ",one_time,unamortized after the horizon," << usd(round_to_cents(t.unamortized_after_horizon)) << "\n";
    }
    out << horizon << ",eks-ecs,difference,EKS minus ECS," << usd(p.difference()) << "\n";
    out << horizon << ",eks-ecs,npv,EKS minus ECS (net present value)," << usd(p.npv_difference()) << "\n";
    return out.str();
}

}  // namespace libtco
