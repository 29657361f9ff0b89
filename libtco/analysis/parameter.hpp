#pragma once
// A numeric scenario parameter, named by the JSON pointer of its value in a scenario (the same
// pointers errors carry): /team/engineers, /eks/operations/on_call_hours_per_month, /workloads/chat-llm/replicas. A workload
// may be named by its index or its name. Setting a parameter validates the value as reading the
// scenario would, so a sweep never evaluates a scenario a file could not hold.

#include <libtco/costing/engine.hpp>
#include <libtco/costing/fleet_plan.hpp>
#include <libtco/costing/producers.hpp>
#include <libtco/costing/reads.hpp>
#include <libtco/core/error.hpp>
#include <libtco/scenario/scenario.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace libtco {

// What a parameter can change, which decides how cheaply a new value is evaluated. Derived from what
// the fleet plan and each line producer declare they read (reach_of).
enum class ParameterReach {
    staff,        // only the operations lines (team, effort figures, shares): closed form
    cluster_fee,  // the EKS control-plane line and per-cluster staff time (clusters): closed form
    no_total,     // nothing a total is made of (the showback split)
    lines,        // line producers only, not the fleet plan: the base plan is kept, the producers run again
    engine,       // the fleet plan: the engine runs again, placement included
};

struct Parameter {
    std::string path;  // canonical: a workload by its index
    ParameterReach reach = ParameterReach::engine;
    bool whole = false;  // takes whole numbers only (replicas, clusters)
};

namespace detail {

inline std::vector<std::string> pointer_tokens(const std::string& pointer) {
    std::vector<std::string> out;
    if (pointer.empty() || pointer[0] != '/') return out;
    std::string token;
    for (std::size_t i = 1; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            out.push_back(token);
            token.clear();
        } else if (pointer[i] == '~' && i + 1 < pointer.size() && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
            token += pointer[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            token += pointer[i];
        }
    }
    return out;
}

// A token that names an array entry by its index: digits only (a workload may be named instead).
inline bool is_index_token(const std::string& token) {
    return !token.empty() && std::all_of(token.begin(), token.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

inline std::string escape_token(const std::string& token) {
    std::string out;
    for (char ch : token) out += ch == '~' ? std::string("~0") : ch == '/' ? std::string("~1") : std::string(1, ch);
    return out;
}

// The pointer with a workload's name replaced by its index: /workloads/chat-llm/gpus -> /workloads/0/gpus.
inline std::string canonical_pointer(const Scenario& s, const std::string& pointer, const std::string& where) {
    std::vector<std::string> tokens = pointer_tokens(pointer);
    if (tokens.empty())
        throw validation_error(errc::bad_format, where, "expected a JSON pointer into the scenario such as /team/engineers, got \"" + pointer + "\"");
    if (tokens[0] == "workloads" && tokens.size() >= 2) {
        if (!is_index_token(tokens[1])) {
            const auto it = std::find_if(s.workloads.begin(), s.workloads.end(), [&](const Workload& w) { return w.name == tokens[1]; });
            if (it == s.workloads.end())
                throw lookup_error(errc::missing_figure, where, "the scenario has no workload named \"" + tokens[1] + "\" (in " + pointer + ")");
            tokens[1] = std::to_string(it - s.workloads.begin());
        }
    }
    std::string out;
    for (const std::string& t : tokens) out += "/" + escape_token(t);
    return out;
}

// The closed-form parameters, resolved once so an evaluation compares no strings; `operations` is
// any other figure of staff time (an effort figure, a team's own total, working hours, ECS clusters).
enum class ClosedFormKey { engineers, loaded_cost, eks_ops_share, ecs_ops_share, clusters, showback_gpu_share, operations, none };

inline bool is_operations_figure(const std::string& canonical) {
    if (canonical == "/team/working_hours_per_year" || canonical == "/team/service_hours_per_month" || canonical == "/ecs/clusters") return true;
    const std::vector<std::string> t = pointer_tokens(canonical);
    if (t.size() != 3 || (t[0] != "eks" && t[0] != "ecs") || t[1] != "operations") return false;
    if (t[2] == "total_hours_per_month" || t[2] == "node_pools") return true;
    return std::any_of(effort_figures.begin(), effort_figures.end(), [&](EffortFigure f) { return t[2] == effort_key(f); });
}

inline ClosedFormKey closed_form_key(const std::string& canonical) {
    if (canonical == "/team/engineers") return ClosedFormKey::engineers;
    if (canonical == "/team/loaded_cost_per_engineer_year") return ClosedFormKey::loaded_cost;
    if (canonical == "/eks/operations/share") return ClosedFormKey::eks_ops_share;
    if (canonical == "/ecs/operations/share") return ClosedFormKey::ecs_ops_share;
    if (canonical == "/eks/clusters") return ClosedFormKey::clusters;
    if (canonical == "/assumptions/gpu_share_of_node_cost") return ClosedFormKey::showback_gpu_share;
    if (is_operations_figure(canonical)) return ClosedFormKey::operations;
    return ClosedFormKey::none;
}

// Which producers read the parameter, and whether the plan does: read by the plan, the engine runs
// again; by none, it moves no total; by closed-form producers alone and mapped by the closed form,
// the closed form; else only the producers run again on the base plan.
inline ParameterReach reach_of(const std::string& canonical) {
    if (reads_any(fleet_plan_reads(), canonical)) return ParameterReach::engine;
    bool read = false;
    bool closed = true;
    for (const LineProducer& p : line_producers())
        if (reads_any(p.reads, canonical)) {
            read = true;
            closed = closed && p.closed_form;
        }
    if (!read) return ParameterReach::no_total;
    const ClosedFormKey key = closed_form_key(canonical);
    if (!closed || key == ClosedFormKey::none) return ParameterReach::lines;
    return key == ClosedFormKey::clusters ? ParameterReach::cluster_fee : ParameterReach::staff;
}

inline const nlohmann::ordered_json* find_pointer(const nlohmann::ordered_json& doc, const std::string& canonical) {
    const nlohmann::ordered_json* at = &doc;
    for (const std::string& token : pointer_tokens(canonical)) {
        if (at->is_object()) {
            const auto it = at->find(token);
            if (it == at->end()) return nullptr;
            at = &*it;
        } else if (at->is_array()) {
            if (!is_index_token(token) || token.size() > 9 || std::stoul(token) >= at->size()) return nullptr;
            at = &(*at)[std::stoul(token)];
        } else {
            return nullptr;
        }
    }
    return at;
}

// The parameters the closed form evaluates: the staff lines and the EKS control-plane line.
struct StaffAndFees {
    Team team;
    Operations eks_operations;
    Operations ecs_operations;
    std::int64_t clusters = 1;  // EKS
    std::int64_t ecs_clusters = 1;
    Hours month_hours;          // bounds an effort figure's hours
};

inline std::int64_t checked_whole(const Decimal& v, const std::string& path, std::int64_t low, std::int64_t high) {
    if (!v.is_whole()) throw validation_error(errc::not_whole, path, "expected a whole number, got " + v.to_string());
    if (v < Decimal(low) || v > Decimal(high))
        throw validation_error(errc::out_of_range, path,
                               "expected " + std::to_string(low) + " to " + std::to_string(high) + ", got " + v.to_string());
    return v.to_int64();
}

// Which staff-time figure a ClosedFormKey::operations parameter sets, resolved once per parameter.
struct OperationsTarget {
    enum class Field { working_hours, service_hours, ecs_clusters, total_hours, node_pools, figure } field = Field::figure;
    bool eks = true;
    EffortFigure figure = EffortFigure::cluster_care_hours;
};

inline OperationsTarget operations_target(const std::string& canonical) {
    using Field = OperationsTarget::Field;
    if (canonical == "/team/working_hours_per_year") return {Field::working_hours};
    if (canonical == "/team/service_hours_per_month") return {Field::service_hours};
    if (canonical == "/ecs/clusters") return {Field::ecs_clusters};
    const std::vector<std::string> t = pointer_tokens(canonical);
    OperationsTarget target{Field::figure, t[0] == "eks"};
    if (t[2] == "total_hours_per_month") target.field = Field::total_hours;
    else if (t[2] == "node_pools") target.field = Field::node_pools;
    else
        for (EffortFigure f : effort_figures)
            if (t[2] == effort_key(f)) target.figure = f;
    return target;
}

// Sets the figure, validated as the scenario reader validates it.
inline void set_operations_figure(StaffAndFees& f, const OperationsTarget& target, const Decimal& v, const std::string& canonical) {
    using Field = OperationsTarget::Field;
    Operations& o = target.eks ? f.eks_operations : f.ecs_operations;
    switch (target.field) {
        case Field::working_hours:
            f.team.working_hours_per_year = require_at_most(require_positive(v, canonical), Decimal(limits::hours_in_a_year), canonical);
            break;
        case Field::service_hours:
            f.team.service_hours_per_month = require_at_most(require_non_negative(v, canonical), f.month_hours.value(), canonical);
            break;
        case Field::ecs_clusters: f.ecs_clusters = checked_whole(v, canonical, 0, limits::max_clusters); break;
        case Field::total_hours: o.total_hours_per_month = checked_total_hours(v, canonical); break;
        case Field::node_pools: o.node_pools = checked_whole(v, canonical, 0, limits::max_effort_count); break;
        case Field::figure: o.figure(target.figure) = checked_effort_figure(target.figure, v, f.month_hours, canonical); break;
    }
}

// Sets a closed-form parameter, validated as the scenario reader validates it.
inline void set_closed_form(StaffAndFees& f, ClosedFormKey key, const Decimal& v, const std::string& canonical) {
    switch (key) {
        case ClosedFormKey::engineers: f.team.engineers = require_non_negative(v, canonical); break;
        case ClosedFormKey::loaded_cost: f.team.loaded_cost_per_engineer_year = Money(require_non_negative(v, canonical)); break;
        case ClosedFormKey::eks_ops_share: f.eks_operations.share = checked_operations_share(v, canonical); break;
        case ClosedFormKey::ecs_ops_share: f.ecs_operations.share = checked_operations_share(v, canonical); break;
        case ClosedFormKey::clusters: f.clusters = checked_whole(v, canonical, 0, limits::max_clusters); break;
        case ClosedFormKey::showback_gpu_share: (void)checked_operations_share(v, canonical); break;  // moves no total, but must be valid
        case ClosedFormKey::operations: set_operations_figure(f, operations_target(canonical), v, canonical); break;
        case ClosedFormKey::none: break;
    }
}

inline StaffAndFees staff_and_fees_of(const Scenario& s) {
    return {s.team, s.eks.operations, s.ecs.operations, s.eks.clusters, s.ecs.clusters, s.month_hours()};
}

inline void store(Scenario& s, const StaffAndFees& f) {
    s.team = f.team;
    s.eks.operations = f.eks_operations;
    s.ecs.operations = f.ecs_operations;
    s.eks.clusters = f.clusters;
    s.ecs.clusters = f.ecs_clusters;
}

// /workloads/<i>/replicas, set directly: the common re-placing sweep.
inline std::optional<std::size_t> replicas_parameter(const std::string& canonical) {
    const std::vector<std::string> t = pointer_tokens(canonical);
    if (t.size() != 3 || t[0] != "workloads" || t[2] != "replicas") return std::nullopt;
    return static_cast<std::size_t>(std::stoul(t[1]));
}

inline void set_replicas(Scenario& s, std::size_t index, const Decimal& v, const std::string& canonical) {
    if (index >= s.workloads.size()) throw lookup_error(errc::missing_figure, canonical, "the scenario has no workload " + std::to_string(index));
    Workload& w = s.workloads[index];
    if (w.demand)
        throw validation_error(errc::inconsistent, canonical, "\"" + w.name + "\" follows a demand profile; its replicas come from the profile");
    std::int64_t others = 0;
    for (const Workload& o : s.workloads) others += &o == &w ? 0 : o.replicas;
    const std::int64_t most = std::min(limits::max_replicas_per_workload, limits::max_total_replicas - others);
    w.replicas = checked_whole(v, canonical, 1, std::max<std::int64_t>(most, 1));
}

// An assumption the scenario uses without writing it (e.g. /eks/spot/fallback_share): its value.
inline std::optional<Decimal> implicit_assumption(const Scenario& s, const std::string& canonical) {
    for (const Assumption& a : detail::assumptions_used(s))
        if (a.name == canonical) return a.value;
    return std::nullopt;
}

inline bool numeric_text(const nlohmann::ordered_json& v) {
    if (!v.is_string()) return false;
    try {
        (void)Decimal::parse(v.get<std::string>());
        return true;
    } catch (const error&) {
        return false;
    }
}

// Any other parameter: through the scenario's own JSON, so the reader validates the new value. A
// value the scenario leaves to its default (an assumption) is written into its object.
inline void set_through_json(Scenario& s, const std::string& canonical, const Decimal& v) {
    nlohmann::ordered_json doc = to_json(s);
    const nlohmann::ordered_json::json_pointer pointer(canonical);
    const nlohmann::ordered_json* current = find_pointer(doc, canonical);
    const nlohmann::ordered_json* parent = find_pointer(doc, pointer.parent_pointer().to_string());
    if (!current && !(parent && parent->is_object() && implicit_assumption(s, canonical)))
        throw lookup_error(errc::missing_figure, canonical, "the scenario has no value at " + canonical);
    if (current && !current->is_number() && !numeric_text(*current))
        throw validation_error(errc::wrong_type, canonical, "not a numeric parameter");
    nlohmann::ordered_json& slot = doc[pointer];
    if (current && current->is_number_integer()) {
        if (!v.is_whole()) throw validation_error(errc::not_whole, canonical, "expected a whole number, got " + v.to_string());
        slot = v.to_int64();
    } else {
        slot = v.to_string();
    }
    s = Scenario::from_json_text(doc.dump());
}

}  // namespace detail

// The parameter at `pointer` (a workload by name or index), checked to exist and to be numeric.
inline Parameter resolve_parameter(const Scenario& s, const std::string& pointer, const std::string& where = "") {
    const std::string at = where.empty() ? pointer : where;
    const std::string canonical = detail::canonical_pointer(s, pointer, at);
    const nlohmann::ordered_json doc = to_json(s);
    const nlohmann::ordered_json* v = detail::find_pointer(doc, canonical);
    if (!v && detail::implicit_assumption(s, canonical)) return {canonical, detail::reach_of(canonical), false};
    if (!v || !(v->is_number() || detail::numeric_text(*v)))
        throw lookup_error(errc::missing_figure, at,
                           "\"" + pointer + "\" is not a numeric value of the scenario (`tco scenario` prints every key; assumptions are listed in the report)");
    return {canonical, detail::reach_of(canonical), v->is_number_integer()};
}

// The value a scenario gives the parameter.
inline Decimal parameter_value(const Scenario& s, const Parameter& p) {
    const nlohmann::ordered_json doc = to_json(s);
    const nlohmann::ordered_json* v = detail::find_pointer(doc, p.path);
    if (!v) {
        if (auto implicit = detail::implicit_assumption(s, p.path)) return *implicit;
        throw lookup_error(errc::missing_figure, p.path, "the scenario has no value at " + p.path);
    }
    if (v->is_number_integer()) return Decimal(v->get<std::int64_t>());
    return Decimal::parse(v->get<std::string>(), p.path);
}

// Sets the parameter; the value is validated as the scenario reader validates it (same codes, the
// parameter's pointer as the path).
inline void set_parameter(Scenario& s, const Parameter& p, const Decimal& value) {
    if (p.reach == ParameterReach::staff || p.reach == ParameterReach::cluster_fee) {
        detail::StaffAndFees f = detail::staff_and_fees_of(s);
        detail::set_closed_form(f, detail::closed_form_key(p.path), value, p.path);
        detail::store(s, f);
    } else if (const auto index = detail::replicas_parameter(p.path)) {
        detail::set_replicas(s, *index, value, p.path);
    } else {
        detail::set_through_json(s, p.path, value);
    }
}

}  // namespace libtco
