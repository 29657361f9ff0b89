#pragma once
// A text table of aligned columns: a header, a rule of dashes as wide as the header, then the rows.
// Columns are as wide as their widest cell (in characters, not bytes), two spaces apart; every line
// is trimmed on the right. The analyses' and the projection's tables share it.

#include <algorithm>
#include <string>
#include <vector>

namespace libtco {

enum class Align { left, right };

struct AlignedTable {
    std::vector<std::string> header;
    std::vector<Align> align;  // one per column
    std::vector<std::vector<std::string>> rows;
};

namespace detail {

// Characters of UTF-8 text: every byte but the continuation bytes.
inline std::size_t text_width(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

inline std::string aligned_cell(const std::string& cell, std::size_t width, Align align) {
    const std::string padding(width - std::min(width, text_width(cell)), ' ');
    return align == Align::left ? cell + padding : padding + cell;
}

}  // namespace detail

// The width of each column: its widest cell, header included.
inline std::vector<std::size_t> column_widths(const AlignedTable& t) {
    std::vector<std::size_t> widths(t.header.size(), 0);
    const auto widen = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) widths[i] = std::max(widths[i], detail::text_width(row[i]));
    };
    widen(t.header);
    for (const auto& row : t.rows) widen(row);
    return widths;
}

// One row as a line: cells aligned to `widths`, two spaces apart, no trailing spaces.
inline std::string aligned_line(const AlignedTable& t, const std::vector<std::string>& row, const std::vector<std::size_t>& widths) {
    std::string out;
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "  " : "") + detail::aligned_cell(row[i], widths[i], t.align[i]);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// The header, its rule and the rows, each line ending in a newline.
inline std::string format_aligned(const AlignedTable& t) {
    const std::vector<std::size_t> widths = column_widths(t);
    const std::string header = aligned_line(t, t.header, widths);
    std::string out = header + "\n" + std::string(detail::text_width(header), '-') + "\n";
    for (const auto& row : t.rows) out += aligned_line(t, row, widths) + "\n";
    return out;
}

// Every column aligned left up to `left_columns`, right after: the analyses' tables.
inline std::vector<Align> left_then_right(std::size_t columns, std::size_t left_columns) {
    std::vector<Align> out(columns, Align::right);
    for (std::size_t i = 0; i < std::min(columns, left_columns); ++i) out[i] = Align::left;
    return out;
}

}  // namespace libtco
