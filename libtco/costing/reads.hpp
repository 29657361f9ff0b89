#pragma once
// Whether a scenario value is among the values a part of the costing declares it reads. A read is
// a JSON-pointer pattern: it covers the value at its pointer and everything under it; a token
// "{platform}" matches the platform's key (eks or ecs) and "*" any one token.

#include <string>
#include <vector>

namespace libtco::detail {

inline std::vector<std::string> read_tokens(const std::string& pointer) {
    std::vector<std::string> out;
    std::string token;
    for (std::size_t i = 1; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            out.push_back(token);
            token.clear();
        } else {
            token += pointer[i];
        }
    }
    return out;
}

// `path`: a canonical pointer (escaped tokens compare as written).
inline bool read_covers(const std::string& pattern, const std::string& path) {
    const std::vector<std::string> want = read_tokens(pattern);
    const std::vector<std::string> have = read_tokens(path);
    if (have.size() < want.size()) return false;
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (want[i] == "*") continue;
        if (want[i] == "{platform}" ? (have[i] != "eks" && have[i] != "ecs") : want[i] != have[i]) return false;
    }
    return true;
}

inline bool reads_any(const std::vector<std::string>& patterns, const std::string& path) {
    for (const std::string& p : patterns)
        if (read_covers(p, path)) return true;
    return false;
}

}  // namespace libtco::detail
