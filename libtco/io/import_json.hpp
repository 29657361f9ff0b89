#pragma once
// A catalog import's result as JSON: {"catalog": <catalog>, "summary": {"updated", "added",
// "skipped": [{"instance_type", "reason"}]}}.

#include <libtco/catalog/catalog.hpp>
#include <libtco/catalog/catalog_import.hpp>

#include <nlohmann/json.hpp>

namespace libtco {

inline nlohmann::ordered_json to_json(const ImportSummary& s) {
    nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
    for (const auto& [type, reason] : s.skipped) skipped.push_back({{"instance_type", type}, {"reason", reason}});
    return {{"updated", s.updated}, {"added", s.added}, {"skipped", std::move(skipped)}};
}

inline nlohmann::ordered_json to_json(const ImportResult& r) { return {{"catalog", to_json(r.catalog)}, {"summary", to_json(r.summary)}}; }

}  // namespace libtco
