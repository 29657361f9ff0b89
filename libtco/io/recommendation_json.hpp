#pragma once
// A recommendation as JSON: {platform, score, headline, reasons: [{favours, points, text}]}.

#include <libtco/analysis/recommendation.hpp>

#include <nlohmann/json.hpp>

namespace libtco {

inline nlohmann::ordered_json to_json(const Recommendation& r) {
    nlohmann::ordered_json reasons = nlohmann::ordered_json::array();
    for (const Reason& x : r.reasons) reasons.push_back({{"favours", x.favours}, {"points", x.points}, {"text", x.text}});
    return {{"platform", r.platform}, {"score", r.score}, {"headline", r.headline}, {"reasons", std::move(reasons)}};
}

}  // namespace libtco
