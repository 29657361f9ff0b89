#pragma once
// A comparison as CSV for a spreadsheet: a row per line item and platform, in cents rounded by
// largest remainder so the rows add up to each platform's total row.

#include <libtco/core/text.hpp>
#include <libtco/costing/report.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace libtco {

// One row per line item and platform, then a total and an infrastructure (without staff time) row per
// platform, and the two differences.
inline std::string format_csv(const Comparison& c) {
    std::ostringstream out;
    out << "month,platform,category,item,detail,usd,confidence\n";
    const auto add = [&](const PlatformReport& r) {
        const std::vector<Money> rounded = r.rounded_line_items();
        for (std::size_t i = 0; i < r.line_items.size(); ++i) {
            const LineItem& li = r.line_items[i];
            out << c.month.to_string() << "," << r.platform << "," << li.category << "," << detail::csv_field(li.item) << ","
                << detail::csv_field(li.detail) << "," << usd(rounded[i]) << "," << to_string(li.confidence) << "\n";
        }
        out << c.month.to_string() << "," << r.platform << ",total,total,," << usd(r.rounded_total()) << ",\n";
        out << c.month.to_string() << "," << r.platform << ",infrastructure,infrastructure (without staff time),," << usd(r.rounded_infrastructure()) << ",\n";
    };
    add(c.eks);
    add(c.ecs);
    out << c.month.to_string() << ",eks-ecs,difference,EKS minus ECS,," << usd(c.difference()) << ",\n";
    out << c.month.to_string() << ",eks-ecs,infrastructure_difference,EKS minus ECS without staff time,," << usd(c.infrastructure_difference()) << ",\n";
    return out.str();
}

}  // namespace libtco
