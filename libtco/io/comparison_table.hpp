#pragma once
// A comparison as a side-by-side text table: a row per item, EKS and ECS in columns, in cents
// rounded by largest remainder so every column adds up to its total; then the verdict.

#include <libtco/core/text.hpp>
#include <libtco/costing/report.hpp>

#include <algorithm>
#include <sstream>
#include <tuple>
#include <string>
#include <vector>

namespace libtco {

namespace detail {

struct TableRow {
    std::string category;
    std::string item;
    std::string eks;
    std::string ecs;
};

// One platform's line as the table shows it: its category, item and amount in text.
struct LineText {
    std::string category;
    std::string item;
    std::string usd;
};

// "EKS cluster care (staff time)" -> "cluster care (staff time)": staff items side by side.
inline std::string without_platform(const std::string& item) {
    return item.rfind("EKS ", 0) == 0 || item.rfind("ECS ", 0) == 0 ? item.substr(4) : item;
}

// The rows of the side-by-side table: fees and staff items, whose names differ by platform, on one row
// each; an item on one platform only has an empty amount on the other; categories kept together, in
// the order control plane, compute, the rest, operations.
inline std::vector<TableRow> side_by_side(const std::vector<LineText>& eks, const std::vector<LineText>& ecs) {
    std::vector<TableRow> rows;
    const auto add = [&](const std::vector<LineText>& lines, bool is_eks) {
        for (const LineText& li : lines) {
            const std::string key = li.category == category::operations      ? without_platform(li.item)
                                    : li.category == category::control_plane ? std::string("control plane fee")
                                                                             : li.item;
            auto it = std::find_if(rows.begin(), rows.end(), [&](const TableRow& row) { return row.category == li.category && row.item == key; });
            if (it == rows.end()) {
                // Keep categories together: insert after the last row of the same category.
                auto last = std::find_if(rows.rbegin(), rows.rend(), [&](const TableRow& row) { return row.category == li.category; });
                it = rows.insert(last == rows.rend() ? rows.end() : last.base(), TableRow{li.category, key, "", ""});
            }
            (is_eks ? it->eks : it->ecs) = li.usd;
        }
    };
    add(eks, true);
    add(ecs, false);
    const auto rank = [](const std::string& cat) {
        if (cat == category::control_plane) return 0;
        if (cat == category::compute) return 1;
        if (cat == category::operations) return 3;
        return 2;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const TableRow& a, const TableRow& b) { return rank(a.category) < rank(b.category); });
    return rows;
}

// A report's lines in cents, rounded by largest remainder so they add up to its rounded total.
inline std::vector<LineText> line_texts(const PlatformReport& r) {
    const std::vector<Money> rounded = r.rounded_line_items();
    std::vector<LineText> out;
    for (std::size_t i = 0; i < r.line_items.size(); ++i)
        out.push_back({r.line_items[i].category, r.line_items[i].item, with_thousands(usd(rounded[i]))});
    return out;
}

inline std::vector<TableRow> side_by_side(const Comparison& c) { return side_by_side(line_texts(c.eks), line_texts(c.ecs)); }

}  // namespace detail

inline std::string format_table(const Comparison& c) {
    using detail::pad_left;
    using detail::pad_right;
    const std::vector<detail::TableRow> rows = detail::side_by_side(c);
    std::size_t item_width = 36;
    for (const auto& row : rows) item_width = std::max(item_width, row.item.size() + 2);
    std::size_t cat_width = 15;
    for (const auto& row : rows) cat_width = std::max(cat_width, row.category.size() + 2);
    const std::size_t money_width = 16;
    std::ostringstream out;
    out << "libtco: " << c.scenario << ", " << c.month.to_string() << " (" << c.hours.to_string() << " h, " << to_string(c.hours_basis)
        << "), catalog " << c.catalog << " (" << c.catalog_date << ")";
    if (!c.overlay.empty()) {
        out << ", price overlay " << c.overlay;
        if (c.overlay_discount) out << " (" << (c.overlay_discount->value() * Decimal(100)).to_string() << "% off catalog prices)";
    }
    out << "\n\n";
    out << pad_right("category", cat_width) << pad_right("item", item_width) << pad_left("EKS (USD)", money_width)
        << pad_left("ECS (USD)", money_width) << "\n";
    const std::string rule(cat_width + item_width + 2 * money_width, '-');
    out << rule << "\n";
    std::string previous;
    for (const auto& row : rows) {
        std::string cat = row.category == previous ? "" : row.category;
        std::replace(cat.begin(), cat.end(), '_', ' ');
        previous = row.category;
        out << pad_right(cat, cat_width) << pad_right(row.item, item_width) << pad_left(row.eks.empty() ? "-" : row.eks, money_width)
            << pad_left(row.ecs.empty() ? "-" : row.ecs, money_width) << "\n";
    }
    out << rule << "\n";
    out << pad_right("total", cat_width + item_width) << pad_left(with_thousands(usd(c.eks.rounded_total())), money_width)
        << pad_left(with_thousands(usd(c.ecs.rounded_total())), money_width) << "\n";
    for (const auto& [label, eks_band, ecs_band] : {std::tuple{"  infrastructure (without staff time)", c.eks.rounded_infrastructure(), c.ecs.rounded_infrastructure()},
                                                    std::tuple{"  staff time", c.eks.rounded_staff(), c.ecs.rounded_staff()}})
        out << pad_right(label, cat_width + item_width) << pad_left(with_thousands(usd(eks_band)), money_width)
            << pad_left(with_thousands(usd(ecs_band)), money_width) << "\n";
    const auto staff_hours = [](const PlatformReport& r) { return r.staff.hours_per_month.rounded(1).to_string() + " h"; };
    out << pad_right("  platform work a month", cat_width + item_width) << pad_left(staff_hours(c.eks), money_width)
        << pad_left(staff_hours(c.ecs), money_width) << "\n";
    const auto eks_by = c.eks.rounded_by_confidence();
    const auto ecs_by = c.ecs.rounded_by_confidence();
    for (Confidence level : {Confidence::high, Confidence::medium, Confidence::low}) {
        if (eks_by.at(level).value().is_zero() && ecs_by.at(level).value().is_zero()) continue;
        out << pad_right("  of which on " + to_string(level) + "-confidence figures", cat_width + item_width)
            << pad_left(with_thousands(usd(eks_by.at(level))), money_width)
            << pad_left(with_thousands(usd(ecs_by.at(level))), money_width) << "\n";
    }
    if (c.eks.utilization.gpus_paid.sign() > 0 || c.ecs.utilization.gpus_paid.sign() > 0) {
        const auto gpus = [](const Utilization& u) {
            const auto used = u.gpu_utilization();
            return u.gpus_paid.to_string() + (used ? " (" + (used->value() * Decimal(100)).rounded(1).to_string() + "% used)" : "");
        };
        out << pad_right("GPUs paid for", cat_width + item_width) << pad_left(gpus(c.eks.utilization), money_width)
            << pad_left(gpus(c.ecs.utilization), money_width) << "\n";
    }
    out << "\n";
    for (const PlatformReport* r : {&c.eks, &c.ecs}) {
        if (!r->gpu_sharing.shares()) continue;
        out << (r->platform == "eks" ? "EKS" : "ECS") << " GPU sharing: " << describe_sharing(r->platform, r->gpu_sharing);
        if (const Utilization& u = r->utilization; u.compute_without_sharing)
            out << "; saves $" << with_thousands(usd(round_to_cents(*u.compute_without_sharing - u.compute)))
                << " a month against none (" << u.gpus_without_sharing->to_string() << " GPUs unshared)";
        out << ".\n";
    }
    const Money diff = c.difference();
    out << verdict_sentence(diff, "a month", "");
    if (c.cheaper() != "tie") out << " (EKS minus ECS: " << with_thousands(usd(diff)) << ")";
    out << ".\n";
    out << "On infrastructure alone (without staff time), " << verdict_sentence(c.infrastructure_difference(), "a month", "") << ".\n";
    for (const Warning& w : c.warnings) out << "warning (" << w.code << "): " << w.message << "\n";
    return out.str();
}

}  // namespace libtco
