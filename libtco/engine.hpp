#pragma once
// The monthly comparison: for each platform, the control-plane fee, the compute fleet that runs the
// workloads (placed on the allowed instance types plus any capacity given), and the staff time the
// platform takes; then the difference.

#include <libtco/catalog.hpp>
#include <libtco/embedded_catalog.hpp>
#include <libtco/price_overlay.hpp>
#include <libtco/placement.hpp>
#include <libtco/report.hpp>
#include <libtco/scenario.hpp>

#include <deque>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace libtco {

inline constexpr std::int64_t months_per_year = 12;

namespace detail {

enum class Platform { eks, ecs };
inline const char* platform_key(Platform p) { return p == Platform::eks ? "eks" : "ecs"; }
inline const char* platform_label(Platform p) { return p == Platform::eks ? "EKS" : "ECS"; }

// The capacity a node of this type offers to replicas on the platform.
inline std::optional<NodeShape> shape_for(const InstanceType& t, Platform p, const Scenario& s) {
    NodeShape shape;
    shape.type = &t;
    shape.gpus = t.gpus.floored(0);  // whole GPUs only (fractional-GPU types offer none)
    shape.gpu_memory_gib = t.gpu_memory_gib;
    shape.price = t.on_demand.value_or(HourlyRate{});
    if (p == Platform::eks) {
        shape.vcpu = t.allocatable_vcpu.value_or(t.vcpu);
        shape.memory_gib = t.allocatable_memory_gib.value_or(t.memory_gib);
        if (t.max_pods) shape.pods = *t.max_pods;
    } else {
        shape.vcpu = t.vcpu;
        shape.memory_gib = t.memory_gib - s.ecs.reserved_memory_gib;
        if (shape.memory_gib.sign() <= 0) return std::nullopt;
    }
    return shape;
}

inline HourlyRate require_price(const InstanceType& t, const std::string& path) {
    if (!t.on_demand)
        throw lookup_error(errc::no_price, path,
                           "instance type \"" + t.name + "\" has no on-demand price in this catalog; give one under /instance_types/" +
                               t.name + "/on_demand_usd_per_hour");
    return *t.on_demand;
}

inline std::string describe_demand(const Workload& w) {
    std::string out = w.gpus.to_string() + " GPU";
    if (w.gpu_memory_gib.sign() > 0) out += " (" + w.gpu_memory_gib.to_string() + " GiB each)";
    if (w.arch != "any") out += " on " + w.arch;
    if (!w.gpu_models.empty()) {
        out += " of model ";
        for (std::size_t i = 0; i < w.gpu_models.size(); ++i) out += (i ? "/" : "") + w.gpu_models[i];
    }
    return out + ", " + w.vcpu.to_string() + " vCPU, " + w.memory_gib.to_string() + " GiB";
}

inline std::string money_text(const Decimal& d) { return "$" + d.to_string(); }

class PlatformCosting {
public:
    PlatformCosting(const Scenario& s, const Catalog& c, Platform p) : s_(s), c_(c), p_(p), spec_(spec_of(s, p)) {}

    PlatformReport run() {
        PlatformReport report;
        report.platform = platform_key(p_);
        report.line_items.push_back(control_plane());
        build_allowed_shapes();
        place();
        for (InstanceGroup& g : group_instances()) {
            report.line_items.push_back(compute_line(g));
            report.instances.push_back(std::move(g));
        }
        report.line_items.push_back(operations());
        return report;
    }

private:
    static const PlatformSpec& spec_of(const Scenario& s, Platform p) {
        return p == Platform::eks ? static_cast<const PlatformSpec&>(s.eks) : static_cast<const PlatformSpec&>(s.ecs);
    }
    std::string path(const std::string& rest) const { return std::string("/") + platform_key(p_) + rest; }

    LineItem control_plane() const {
        const Hours hours = s_.month_hours();
        if (p_ == Platform::eks) {
            const bool standard = s_.eks.support == EksSupport::standard;
            const Fee& fee = c_.fee(standard ? "eks_cluster_standard" : "eks_cluster_extended");
            const Money amount = fee.usd * hours * Decimal(s_.eks.clusters);
            return cited(category::control_plane, std::string("EKS cluster fee (") + (standard ? "standard" : "extended") + " support)",
                          std::to_string(s_.eks.clusters) + " cluster(s) x " + hours.to_string() + " h x " + money_text(fee.usd.value()) + "/h",
                          amount, fee.source);
        }
        const Fee& fee = c_.fee("ecs_cluster");
        return cited(category::control_plane, "ECS control plane",
                      fee.usd.value().is_zero() ? std::string("no orchestration fee") : hours.to_string() + " h x " + money_text(fee.usd.value()) + "/h",
                      fee.usd * hours, fee.source);
    }

    LineItem cited(const char* cat, std::string item, std::string detail, Money amount, const std::string& source) const {
        return {cat, std::move(item), std::move(detail), amount, {source}, c_.confidence_of(source)};
    }

    LineItem operations() const {
        const Money annual = s_.team.loaded_cost_per_engineer_year * s_.team.engineers;
        const Money amount = annual * spec_.ops_share / Decimal(months_per_year);
        const Assumption share = p_ == Platform::eks ? assumptions::eks_ops_share() : assumptions::ecs_ops_share();
        LineItem item{category::operations, std::string(platform_label(p_)) + " operations (staff time)",
                      spec_.ops_share.to_string() + " x " + s_.team.engineers.to_string() + " engineers x " +
                          money_text(s_.team.loaded_cost_per_engineer_year.value()) + "/year / " + std::to_string(months_per_year),
                      amount, {}, Confidence::low};
        // The default share is the model's weak assumption; a share the team gives is its own figure.
        item.sources = {share.name};
        item.confidence = spec_.ops_share.value() == share.default_value ? share.confidence : Confidence::high;
        return item;
    }

    void build_allowed_shapes() {
        if (spec_.node_types.empty()) {
            for (const auto& [name, t] : c_.instance_types)
                if (t.on_demand)
                    if (auto shape = shape_for(t, p_, s_)) shapes_.push_back(*shape);
        } else {
            for (std::size_t i = 0; i < spec_.node_types.size(); ++i) {
                const std::string at = path("/node_types/" + std::to_string(i));
                const InstanceType& t = c_.instance_type(spec_.node_types[i], at);
                require_price(t, at);
                if (auto shape = shape_for(t, p_, s_)) shapes_.push_back(*shape);
            }
        }
        for (const NodeShape& shape : shapes_) allowed_.push_back(&shape);
    }

    void open_given_nodes() {
        for (std::size_t i = 0; i < spec_.nodes.size(); ++i) {
            const NodeGroup& g = spec_.nodes[i];
            const std::string at = path("/nodes/" + std::to_string(i) + "/instance_type");
            const InstanceType& t = c_.instance_type(g.instance_type, at);
            require_price(t, at);
            auto shape = shape_for(t, p_, s_);
            if (!shape) throw validation_error(errc::out_of_range, at, "instance type \"" + t.name + "\" has no memory left after the ECS reservation");
            given_shapes_.push_back(*shape);
            for (std::int64_t k = 0; k < g.count; ++k)
                given_.push_back(open_node(given_shapes_.back(), g.hours.value_or(s_.month_hours()), true));
        }
    }

    void place() {
        open_given_nodes();
        std::vector<ReplicaDemand> replicas;
        for (std::size_t i = 0; i < s_.workloads.size(); ++i) {
            const Workload& w = s_.workloads[i];
            const ReplicaDemand demand{i, w.gpus, w.gpu_memory_gib, w.vcpu, w.memory_gib, &w.gpu_models, &w.arch,
                                       w.hours.value_or(s_.month_hours())};
            const bool fits_new = std::any_of(allowed_.begin(), allowed_.end(), [&](const NodeShape* sh) { return fits_shape(demand, *sh); });
            const bool fits_given = std::any_of(given_.begin(), given_.end(), [&](const PlacedNode& n) { return fits_shape(demand, *n.shape); });
            if (!fits_new && !fits_given)
                throw placement_error(errc::unplaceable_replica, "/workloads/" + std::to_string(i),
                                      "a replica of \"" + w.name + "\" needs " + describe_demand(w) + ", which fits none of the " +
                                          std::to_string(allowed_.size()) + " instance types allowed on " + platform_label(p_) +
                                          (spec_.node_types.empty() ? "" : " (" + path("/node_types") + ")"));
            replicas.insert(replicas.end(), static_cast<std::size_t>(w.replicas), demand);
        }
        // Fill the given capacity first, largest replicas first; what is left is grouped by hours.
        sort_largest_first(replicas);
        std::map<Hours, std::vector<ReplicaDemand>> remaining;
        for (const ReplicaDemand& demand : replicas) {
            bool placed = false;
            for (PlacedNode& n : given_) {
                if (n.hours >= demand.hours && fits_free(demand, n)) { put(n, demand); placed = true; break; }
            }
            if (placed) continue;
            if (!std::any_of(allowed_.begin(), allowed_.end(), [&](const NodeShape* sh) { return fits_shape(demand, *sh); }))
                throw placement_error(errc::unplaceable_replica, "/workloads/" + std::to_string(demand.workload),
                                      "the given " + std::string(platform_label(p_)) + " nodes are full and no allowed instance type fits a replica of \"" +
                                          s_.workloads[demand.workload].name + "\"");
            remaining[demand.hours].push_back(demand);
        }
        placed_ = given_;
        for (auto& [hours, group] : remaining) {
            std::vector<PlacedNode> nodes = pack_replicas(group, allowed_, hours);
            placed_.insert(placed_.end(), std::make_move_iterator(nodes.begin()), std::make_move_iterator(nodes.end()));
        }
    }

    std::vector<InstanceGroup> group_instances() const {
        // Key: given first, then type name, then hours (longest first).
        std::map<std::tuple<bool, std::string, Decimal>, InstanceGroup> groups;
        for (const PlacedNode& n : placed_) {
            const InstanceType& t = *n.shape->type;
            InstanceGroup& g = groups[{!n.given, t.name, -n.hours.value()}];
            g.instance_type = t.name;
            g.hours = n.hours;
            g.given = n.given;
            g.usd_per_hour = n.shape->price;
            g.price_source = t.price_source;
            ++g.count;
            for (const auto& [workload, count] : n.replicas) g.replicas[s_.workloads[workload].name] += count;
        }
        std::vector<InstanceGroup> out;
        for (auto& [key, g] : groups) {
            g.amount = g.usd_per_hour * g.hours * Decimal(g.count);
            out.push_back(std::move(g));
        }
        return out;
    }

    LineItem compute_line(const InstanceGroup& g) const {
        std::string item = g.instance_type;
        if (g.hours != s_.month_hours()) item += " @ " + g.hours.to_string() + " h";
        if (g.given) item += " (given)";
        return cited(category::compute, item,
                      std::to_string(g.count) + " x " + g.hours.to_string() + " h x " + money_text(g.usd_per_hour.value()) + "/h", g.amount,
                     g.price_source);
    }

    const Scenario& s_;
    const Catalog& c_;
    Platform p_;
    const PlatformSpec& spec_;
    std::deque<NodeShape> shapes_;  // deque: stable addresses for the pointers below
    std::deque<NodeShape> given_shapes_;
    std::vector<const NodeShape*> allowed_;
    std::vector<PlacedNode> given_;
    std::vector<PlacedNode> placed_;
};

inline void check_against_catalog(const Scenario& s, const Catalog& c) {
    if (s.region != c.region)
        throw lookup_error(errc::region_mismatch, "/region",
                           "scenario region \"" + s.region + "\" does not match catalog " + c.name + " (region \"" + c.region + "\")");
    for (std::size_t i = 0; i < s.workloads.size(); ++i)
        for (std::size_t j = 0; j < s.workloads[i].gpu_models.size(); ++j)
            if (!c.gpu_models.count(s.workloads[i].gpu_models[j]))
                throw lookup_error(errc::unknown_gpu_model, "/workloads/" + std::to_string(i) + "/gpu_models/" + std::to_string(j),
                                   "unknown GPU model \"" + s.workloads[i].gpu_models[j] + "\" (not in catalog " + c.name + ")");
}

inline std::vector<Assumption> assumptions_used(const Scenario& s) {
    std::vector<Assumption> out;
    if (s.hours_basis == HoursBasis::aws_730) {
        Assumption a = assumptions::aws_hours_per_month();
        a.value = s.aws_hours_per_month.value();
        out.push_back(a);
    }
    Assumption eks = assumptions::eks_ops_share();
    eks.value = s.eks.ops_share.value();
    out.push_back(eks);
    Assumption ecs = assumptions::ecs_ops_share();
    ecs.value = s.ecs.ops_share.value();
    out.push_back(ecs);
    Assumption reserved = assumptions::ecs_reserved_memory_gib();
    reserved.value = s.ecs.reserved_memory_gib;
    out.push_back(reserved);
    return out;
}


inline std::vector<Warning> catalog_warnings(const Scenario& s, const Catalog& c) {
    std::vector<Warning> out;
    const date::year_month_day effective = parse_iso_date(c.effective_date, "/effective_date");
    date::year_month_day a_year_later = effective + date::years{1};
    if (!a_year_later.ok()) a_year_later = date::year_month_day{a_year_later.year() / a_year_later.month() / date::last};  // 29 Feb
    if (first_day(s.month) > a_year_later)
        out.push_back({"stale_catalog", "catalog " + c.name + " is dated " + c.effective_date + ", more than a year before the billed month " +
                                            s.month.to_string() + "; prices may have changed"});
    if (!c.valid_until.empty() && parse_iso_date(c.valid_until) < first_day(s.month))
        out.push_back({"superseded_catalog", "catalog " + c.name + " holds prices valid until " + c.valid_until + ", before the billed month " +
                                                 s.month.to_string() + "; a newer catalog has the prices of that month"});
    if (effective > last_day(s.month))
        out.push_back({"catalog_after_month", "catalog " + c.name + " is dated " + c.effective_date + ", after the billed month " +
                                                  s.month.to_string() + "; its prices may not have applied then"});
    if (!s.catalog.empty() && s.catalog != c.name)
        out.push_back({"catalog_not_as_named", "the scenario names catalog " + s.catalog + " but the comparison used " + c.name + " as asked"});
    return out;
}

inline std::vector<Source> cited_sources(const Catalog& c, const PlatformReport& eks, const PlatformReport& ecs) {
    std::set<std::string> ids;
    for (const PlatformReport* r : {&eks, &ecs})
        for (const LineItem& li : r->line_items) ids.insert(li.sources.begin(), li.sources.end());
    std::vector<Source> out;
    for (const std::string& id : ids)
        if (const Source* source = c.find_source(id)) out.push_back(*source);
    return out;
}

}  // namespace detail

// Both platforms side by side for the scenario's month.
inline Comparison compare(const Scenario& scenario, const Catalog& catalog) {
    detail::check_against_catalog(scenario, catalog);
    const Catalog effective = apply_overlay(catalog, scenario.price_overlay, "/price_overlay")
                                  .with_overrides(scenario.instance_types, "/instance_types");
    Comparison c;
    c.scenario = scenario.name;
    c.catalog = catalog.name;
    c.catalog_date = catalog.effective_date;
    c.region = catalog.region;
    if (!scenario.price_overlay.empty()) {
        c.overlay = scenario.price_overlay.name;
        c.overlay_discount = scenario.price_overlay.discount;
    }
    c.month = scenario.month;
    c.hours_basis = scenario.hours_basis;
    c.hours = scenario.month_hours();
    c.eks = detail::PlatformCosting(scenario, effective, detail::Platform::eks).run();
    c.ecs = detail::PlatformCosting(scenario, effective, detail::Platform::ecs).run();
    c.assumptions = detail::assumptions_used(scenario);
    c.sources = detail::cited_sources(effective, c.eks, c.ecs);
    c.warnings = detail::catalog_warnings(scenario, catalog);
    return c;
}

// The embedded catalog a scenario asks for: the one it names, else the one for its region and month.
inline Catalog catalog_for(const Scenario& scenario) {
    if (!scenario.catalog.empty()) return embedded_catalog(scenario.catalog, "/catalog");
    return select_catalog(scenario.region, scenario.month, "/region");
}

inline Comparison compare(const Scenario& scenario) { return compare(scenario, catalog_for(scenario)); }

}  // namespace libtco
