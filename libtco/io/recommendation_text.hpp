#pragma once
// A recommendation as a text block: the headline, then a line per reason marked with the platform
// it favours and its points.

#include <libtco/analysis/recommendation.hpp>
#include <libtco/core/text.hpp>

#include <string>

namespace libtco {

inline std::string format_recommendation(const Recommendation& r) {
    std::string out = "Recommendation: " + r.headline + "\n";
    for (const Reason& x : r.reasons) {
        const std::string mark = x.favours == "eks" ? "EKS +" + std::to_string(x.points) : x.favours == "ecs" ? "ECS +" + std::to_string(x.points) : "     ";
        out += "  " + detail::pad_right(mark, 7) + x.text + "\n";
    }
    return out;
}

}  // namespace libtco
