#pragma once
// A scenario: the team, the workloads, and how each platform would run them, for one billed month.
// Read from JSON (strict: unknown keys are errors, numbers exact) and written back to JSON.

#include <libtco/catalog/assumptions.hpp>
#include <libtco/core/calendar.hpp>
#include <libtco/catalog/catalog.hpp>
#include <libtco/scenario/demand_profile.hpp>
#include <libtco/core/detail/json_reader.hpp>
#include <libtco/scenario/gpu_sharing.hpp>
#include <libtco/scenario/operations.hpp>
#include <libtco/core/limits.hpp>
#include <libtco/catalog/price_overlay.hpp>
#include <libtco/scenario/purchase_options.hpp>
#include <libtco/core/quantity.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace libtco {

enum class EksSupport { standard, extended };
inline std::string to_string(EksSupport s) { return s == EksSupport::standard ? "standard" : "extended"; }

struct Team {
    Decimal engineers;
    Money loaded_cost_per_engineer_year;
    Decimal working_hours_per_year = assumptions::working_hours_per_year().default_value;  // turns the loaded cost into an hourly rate
    Decimal service_hours_per_month = assumptions::service_hours_per_month().default_value;  // per workload, the same on both platforms
};

struct Workload {
    std::string name;
    std::int64_t replicas = 1;
    Decimal gpus;            // per replica: a fraction of one GPU (below 1) or whole GPUs
    Decimal gpu_memory_gib;  // needed on each GPU; 0 = any (for a fraction: its share of the GPU's memory)
    Decimal vcpu;
    Decimal memory_gib;
    std::optional<Hours> hours;           // per month; default: the whole month
    std::vector<std::string> gpu_models;  // allowed GPU models; empty = any
    std::string arch = "x86_64";          // CPU architecture of its images: x86_64, arm64 or any
    std::optional<DemandProfile> demand;  // replicas by hour of day; then `replicas` is its peak
    bool spot_tolerant = false;           // may run on spot capacity
    bool fargate = false;                 // runs on Fargate (an EKS Fargate profile, an ECS Fargate service); CPU only
    Decimal checkpoint_interval_minutes = assumptions::checkpoint_interval_minutes().default_value;
    Decimal restart_minutes = assumptions::restart_minutes().default_value;
};

// Capacity a team already runs, charged as given and filled before new nodes are added.
struct NodeGroup {
    std::string instance_type;
    std::int64_t count = 1;
    std::optional<Hours> hours;  // default: the whole month
};

// How a platform follows demand profiles.
enum class Autoscaler { karpenter, cluster_autoscaler, capacity_provider };

inline std::string to_string(Autoscaler a) {
    switch (a) {
        case Autoscaler::karpenter: return "karpenter";
        case Autoscaler::cluster_autoscaler: return "cluster-autoscaler";
        case Autoscaler::capacity_provider: return "capacity-provider";
    }
    return "karpenter";
}

struct Autoscaling {
    Autoscaler autoscaler = Autoscaler::karpenter;
    bool scale_to_zero = false;            // KEDA (EKS) or a service minimum of 0 (ECS); else at least one replica
    Fraction target_capacity = Fraction(Decimal(1));  // ECS capacity provider target: below 1 keeps headroom
    Decimal scale_up_lag_minutes;          // a new node is paid this long before it serves
    Decimal scale_down_delay_minutes;      // an empty node is paid this long before it goes
};

inline Autoscaling default_autoscaling(Autoscaler a) {
    Autoscaling s;
    s.autoscaler = a;
    s.scale_up_lag_minutes = assumptions::scale_up_lag_minutes(to_string(a)).default_value;
    s.scale_down_delay_minutes = assumptions::scale_down_delay_minutes(to_string(a)).default_value;
    return s;
}

struct PlatformSpec {
    Operations operations;  // staff time: the effort model, the team's own hours or the seed's share
    Autoscaling autoscaling;
    std::vector<std::string> node_types;  // allowed instance types; empty = every priced type in the catalog
    std::vector<NodeGroup> nodes;
    GpuSharing gpu_sharing;
    SpotPolicy spot;
    std::vector<CommitmentRequest> commitments;
    std::vector<ExtraItem> extra_items;
};

// EKS Auto Mode's management fee: as AWS publishes it, or with the reported 2026-07 cut for GPU families.
enum class AutoModeFeeBasis { published, gpu_cut_2026_07 };

struct EksSpec : PlatformSpec {
    std::int64_t clusters = 1;
    EksSupport support = EksSupport::standard;
    bool auto_mode = false;
    AutoModeFeeBasis auto_mode_fee = AutoModeFeeBasis::published;
};

struct EcsSpec : PlatformSpec {
    std::int64_t clusters = 1;  // ECS clusters: no fee, but each takes its per-cluster staff time
    Decimal reserved_memory_gib;
    Fraction fargate_spot_share;  // of spot-tolerant x86 Fargate tasks run on Fargate Spot (ECS only)
};

// What the team needs beyond cost: the seed's "when to choose EKS / ECS" criteria. Only the
// recommendation reads them; they change no figure.
enum class KubernetesExpertise { none, some, strong };

inline std::string to_string(KubernetesExpertise e) {
    switch (e) {
        case KubernetesExpertise::none: return "none";
        case KubernetesExpertise::some: return "some";
        case KubernetesExpertise::strong: return "strong";
    }
    return "some";
}

struct Criteria {
    bool needs_gpu_sharing = false;        // must share GPUs between workloads (time-slicing or MIG: EKS only)
    std::vector<std::string> ml_platforms; // Kubernetes-native ML platforms wanted: kubeflow, ray, kserve
    bool multi_cloud = false;              // must stay portable to other clouds
    KubernetesExpertise kubernetes_expertise = KubernetesExpertise::some;
    bool ai_core_business = false;         // AI is the core business (many models, a platform of its own)
    bool sagemaker_for_most_ml = false;    // SageMaker does most ML; containers run supporting services
};

struct Scenario {
    static constexpr std::int64_t schema_version = 1;

    std::string name = "scenario";
    std::string description;
    std::string region = "us-east-1";
    std::string catalog;  // an embedded catalog by name; empty: the one for the region and month
    BillingMonth month;
    HoursBasis hours_basis = HoursBasis::aws_730;
    Hours aws_hours_per_month = Hours(assumptions::aws_hours_per_month().default_value);
    Fraction partial_upfront_share = Fraction(assumptions::partial_upfront_share().default_value);
    Fraction gpu_share_of_node_cost = Fraction(assumptions::gpu_share_of_node_cost().default_value);
    PriceOverlay price_overlay;
    std::map<std::string, InstanceTypeOverride> instance_types;
    Team team;
    std::vector<Workload> workloads;
    EksSpec eks;
    EcsSpec ecs;
    Criteria criteria;

    Hours month_hours() const { return hours_in_month(hours_basis, month, aws_hours_per_month); }

    static Scenario from_json_text(std::string_view text) { return from_json(detail::parse_exact(text)); }
    static Scenario from_json(const detail::json& document);
};

// ---------------------------------------------------------------------------------------------
namespace detail {

inline std::vector<std::string> read_string_list(const json& v, const std::string& path) {
    require_array(v, path);
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < v.size(); ++i) {
        std::string s = read_string(v[i], child_path(path, i));
        if (!seen.insert(s).second) throw validation_error(errc::duplicate_name, child_path(path, i), "\"" + s + "\" is listed twice");
        out.push_back(std::move(s));
    }
    return out;
}

inline Hours read_hours(ObjectReader& r, const std::string& key, const Hours& month_hours) {
    const Decimal h = require_positive(r.decimal(key), r.path_of(key));
    require_at_most(h, month_hours.value(), r.path_of(key));
    return Hours(h);
}

inline Fraction read_share(ObjectReader& r, const std::string& key, const Decimal& fallback) {
    const Decimal share = r.optional_decimal(key).value_or(fallback);
    require_at_most(require_non_negative(share, r.path_of(key)), Decimal(1), r.path_of(key));
    return Fraction(share);
}

inline Workload read_workload(const json& v, const std::string& path, const Hours& month_hours) {
    ObjectReader r(v, path);
    Workload w;
    w.name = r.string("name");
    if (w.name.empty()) throw validation_error(errc::out_of_range, r.path_of("name"), "must not be empty");
    if (const json* demand = r.find("demand")) {
        if (r.has("replicas")) throw validation_error(errc::inconsistent, r.path_of("replicas"), "give either replicas or a demand profile, not both");
        w.demand = read_demand_profile(*demand, r.path_of("demand"));
        w.replicas = peak(*w.demand);
        if (w.replicas < 1) throw validation_error(errc::out_of_range, r.path_of("demand"), "the profile asks for no replica in any hour");
    } else {
        w.replicas = require_in(r.integer("replicas"), 1, limits::max_replicas_per_workload, r.path_of("replicas"));
    }
    w.gpus = require_non_negative(r.optional_decimal("gpus").value_or(Decimal{}), r.path_of("gpus"));
    if (w.gpus > Decimal(1) && !w.gpus.is_whole())
        throw validation_error(errc::not_whole, r.path_of("gpus"),
                               "expected a fraction of one GPU (below 1) or a whole number of GPUs, got " + w.gpus.to_string());
    require_at_most(w.gpus, Decimal(limits::max_gpus_per_replica), r.path_of("gpus"));
    w.gpu_memory_gib = require_non_negative(r.optional_decimal("gpu_memory_gib").value_or(Decimal{}), r.path_of("gpu_memory_gib"));
    if (w.gpus.is_zero() && w.gpu_memory_gib.sign() > 0)
        throw validation_error(errc::inconsistent, r.path_of("gpu_memory_gib"), "given for a workload without GPUs (gpus is 0)");
    w.vcpu = require_positive(r.decimal("vcpu"), r.path_of("vcpu"));
    w.memory_gib = require_positive(r.decimal("memory_gib"), r.path_of("memory_gib"));
    if (r.has("hours")) {
        if (w.demand) throw validation_error(errc::inconsistent, r.path_of("hours"), "a workload with a demand profile runs the hours its profile gives");
        w.hours = read_hours(r, "hours", month_hours);
    }
    if (const json* models = r.find("gpu_models")) w.gpu_models = read_string_list(*models, r.path_of("gpu_models"));
    w.spot_tolerant = r.optional_bool("spot_tolerant").value_or(false);
    w.fargate = r.optional_bool("fargate").value_or(false);
    if (w.fargate && w.gpus.sign() > 0)
        throw validation_error(errc::inconsistent, r.path_of("fargate"), "GPUs are not available on Fargate, on EKS or on ECS: run \"" + w.name + "\" on EC2 instances");
    const auto minutes = [&](const char* key, const Decimal& fallback) {
        const Decimal m = r.optional_decimal(key).value_or(fallback);
        return require_at_most(require_non_negative(m, r.path_of(key)), Decimal(24 * 60), r.path_of(key));
    };
    w.checkpoint_interval_minutes = minutes("checkpoint_interval_minutes", w.checkpoint_interval_minutes);
    w.restart_minutes = minutes("restart_minutes", w.restart_minutes);
    if (!w.spot_tolerant)
        for (const char* key : {"checkpoint_interval_minutes", "restart_minutes"})
            if (r.has(key)) throw validation_error(errc::inconsistent, r.path_of(key), "applies only to a spot_tolerant workload");
    if (auto arch = r.optional_string("arch")) {
        if (*arch != "x86_64" && *arch != "arm64" && *arch != "any")
            throw validation_error(errc::bad_format, r.path_of("arch"), "expected \"x86_64\", \"arm64\" or \"any\", got \"" + *arch + "\"");
        w.arch = *arch;
    }
    r.finish();
    return w;
}

inline NodeGroup read_node_group(const json& v, const std::string& path, const Hours& month_hours) {
    ObjectReader r(v, path);
    NodeGroup n;
    n.instance_type = r.string("instance_type");
    n.count = require_in(r.integer("count"), 1, limits::max_nodes_per_group, r.path_of("count"));
    if (r.has("hours")) n.hours = read_hours(r, "hours", month_hours);
    r.finish();
    return n;
}

inline void read_purchase_options(ObjectReader& r, PlatformSpec& p) {
    if (const json* spot = r.find("spot")) p.spot = read_spot_policy(*spot, r.path_of("spot"), p.spot.diversification);
    if (const json* list = r.find("commitments")) {
        require_array(*list, r.path_of("commitments"));
        require_at_most_entries(*list, limits::max_commitments, "commitments", r.path_of("commitments"));
        for (std::size_t i = 0; i < list->size(); ++i) p.commitments.push_back(read_commitment_request((*list)[i], child_path(r.path_of("commitments"), i)));
    }
    if (const json* list = r.find("extra_items")) {
        require_array(*list, r.path_of("extra_items"));
        require_at_most_entries(*list, limits::max_extra_items, "extra items", r.path_of("extra_items"));
        std::set<std::string> names;
        for (std::size_t i = 0; i < list->size(); ++i) {
            p.extra_items.push_back(read_extra_item((*list)[i], child_path(r.path_of("extra_items"), i)));
            if (!names.insert(p.extra_items.back().name).second)
                throw validation_error(errc::duplicate_name, child_path(child_path(r.path_of("extra_items"), i), "name"),
                                       "another extra item is already named \"" + p.extra_items.back().name + "\"");
        }
    }
}

inline void read_autoscaling(ObjectReader& r, PlatformSpec& p, bool is_eks) {
    if (auto name = r.optional_string("autoscaler")) {
        const std::vector<Autoscaler> allowed = is_eks ? std::vector{Autoscaler::karpenter, Autoscaler::cluster_autoscaler}
                                                       : std::vector{Autoscaler::capacity_provider};
        const auto it = std::find_if(allowed.begin(), allowed.end(), [&](Autoscaler a) { return to_string(a) == *name; });
        if (it == allowed.end())
            throw validation_error(errc::bad_format, r.path_of("autoscaler"),
                                   is_eks ? "expected \"karpenter\" or \"cluster-autoscaler\", got \"" + *name + "\""
                                          : "expected \"capacity-provider\" (ECS service auto scaling), got \"" + *name + "\"");
        p.autoscaling = default_autoscaling(*it);
    }
    p.autoscaling.scale_to_zero = r.optional_bool("scale_to_zero").value_or(false);
    if (r.has("target_capacity")) {
        if (is_eks) throw validation_error(errc::inconsistent, r.path_of("target_capacity"), "an ECS capacity provider setting");
        const Decimal t = r.decimal("target_capacity");
        if (t.sign() <= 0 || t > Decimal(1))
            throw validation_error(errc::out_of_range, r.path_of("target_capacity"), "expected a share in (0, 1], got " + t.to_string());
        p.autoscaling.target_capacity = Fraction(t);
    }
    for (auto [key, field] : {std::pair{"scale_up_lag_minutes", &p.autoscaling.scale_up_lag_minutes},
                              std::pair{"scale_down_delay_minutes", &p.autoscaling.scale_down_delay_minutes}})
        if (auto m = r.optional_decimal(key)) *field = require_at_most(require_non_negative(*m, r.path_of(key)), Decimal(24 * 60), r.path_of(key));
}

inline void read_platform_common(ObjectReader& r, PlatformSpec& p, bool is_eks, const Hours& month_hours) {
    if (r.has("ops_share"))
        throw validation_error(errc::unknown_key, r.path_of("ops_share"),
                               "staff time is now \"operations\": give {\"share\": ...} there for the seed's share of the team, or hours (the effort model)");
    p.operations = read_operations(r.find("operations"), r.path_of("operations"), is_eks, month_hours);
    read_purchase_options(r, p);
    if (const json* types = r.find("node_types")) p.node_types = read_string_list(*types, r.path_of("node_types"));
    if (const json* nodes = r.find("nodes")) {
        require_array(*nodes, r.path_of("nodes"));
        std::int64_t total = 0;
        for (std::size_t i = 0; i < nodes->size(); ++i) {
            p.nodes.push_back(read_node_group((*nodes)[i], child_path(r.path_of("nodes"), i), month_hours));
            total += p.nodes.back().count;
            if (total > limits::max_given_nodes)
                throw validation_error(errc::out_of_range, child_path(child_path(r.path_of("nodes"), i), "count"),
                                       "at most " + std::to_string(limits::max_given_nodes) + " given nodes in all");
        }
    }
}

// Settings whose default follows another key (the mode): the reader fills them in from the mode
// when they are absent, so an edit that changes the mode drops them unless it gives them too (the
// normal form spells every default out). A workload's replicas and demand exclude each other.
inline const std::vector<std::pair<std::string, std::vector<std::string>>>& settings_following_a_mode() {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> table = {
        {"gpu_sharing", {"replicas_per_gpu", "time_slicing_efficiency"}},
        {"autoscaler", {"scale_up_lag_minutes", "scale_down_delay_minutes"}},
        {"replicas", {"demand"}},
        {"demand", {"replicas"}},
    };
    return table;
}

// Time-slicing advertises each GPU as this many schedulable units unless the scenario says otherwise.
inline constexpr std::int64_t default_replicas_per_gpu = 4;
inline constexpr std::int64_t max_time_slicing_replicas = 64;

inline GpuSharing read_gpu_sharing(ObjectReader& r, bool is_eks) {
    GpuSharing g;
    g.mps_placement = is_eks ? MpsPlacement::equal_clients : MpsPlacement::by_memory;
    if (auto name = r.optional_string("gpu_sharing")) {
        const auto strategy = parse_sharing_strategy(*name);
        if (!strategy)
            throw validation_error(errc::bad_format, r.path_of("gpu_sharing"),
                                   "expected \"none\", \"time-slicing\", \"mps\" or \"mig\", got \"" + *name + "\"");
        if (!is_eks && (*strategy == SharingStrategy::time_slicing || *strategy == SharingStrategy::mig))
            throw validation_error(errc::out_of_range, r.path_of("gpu_sharing"),
                                   "ECS shares GPUs only through MPS (nvidiaMps); " + *name + " is an EKS (NVIDIA device plugin) feature");
        g.strategy = *strategy;
    }
    const bool counted = g.strategy == SharingStrategy::time_slicing || g.strategy == SharingStrategy::mps;
    if (r.has("replicas_per_gpu") && !counted)
        throw validation_error(errc::inconsistent, r.path_of("replicas_per_gpu"), "applies only to gpu_sharing \"time-slicing\" or \"mps\"");
    const bool by_memory = g.strategy == SharingStrategy::mps && !is_eks;
    g.replicas_per_gpu = counted ? (by_memory ? mps_max_clients : default_replicas_per_gpu) : 1;
    if (r.has("replicas_per_gpu")) {
        const std::int64_t most = g.strategy == SharingStrategy::mps ? mps_max_clients : max_time_slicing_replicas;
        const std::int64_t n = r.integer("replicas_per_gpu");
        if (n < 1 || n > most)
            throw validation_error(errc::out_of_range, r.path_of("replicas_per_gpu"),
                                   g.strategy == SharingStrategy::mps
                                       ? "MPS serves at most 48 clients per GPU (compute capability 7.5 and later); expected 1 to 48, got " + std::to_string(n)
                                       : "expected 1 to " + std::to_string(most) + " time-slicing replicas per GPU, got " + std::to_string(n));
        g.replicas_per_gpu = n;
    }
    if (r.has("time_slicing_efficiency")) {
        if (g.strategy != SharingStrategy::time_slicing)
            throw validation_error(errc::inconsistent, r.path_of("time_slicing_efficiency"), "applies only to gpu_sharing \"time-slicing\"");
        const Decimal e = r.decimal("time_slicing_efficiency");
        if (e.sign() <= 0 || e > Decimal(1))
            throw validation_error(errc::out_of_range, r.path_of("time_slicing_efficiency"), "must be in (0, 1], got " + e.to_string());
        g.time_slicing_efficiency = Fraction(e);
    }
    return g;
}

inline Criteria read_criteria(const json& v) {
    ObjectReader r(v, "/criteria");
    Criteria c;
    c.needs_gpu_sharing = r.optional_bool("needs_gpu_sharing").value_or(false);
    if (const json* list = r.find("ml_platforms")) {
        c.ml_platforms = read_string_list(*list, r.path_of("ml_platforms"));
        for (std::size_t i = 0; i < c.ml_platforms.size(); ++i) {
            const std::string& name = c.ml_platforms[i];
            if (name != "kubeflow" && name != "ray" && name != "kserve")
                throw validation_error(errc::bad_format, child_path(r.path_of("ml_platforms"), i),
                                       "expected \"kubeflow\", \"ray\" or \"kserve\", got \"" + name + "\"");
        }
    }
    c.multi_cloud = r.optional_bool("multi_cloud").value_or(false);
    if (auto e = r.optional_string("kubernetes_expertise")) {
        if (*e == "none") c.kubernetes_expertise = KubernetesExpertise::none;
        else if (*e == "some") c.kubernetes_expertise = KubernetesExpertise::some;
        else if (*e == "strong") c.kubernetes_expertise = KubernetesExpertise::strong;
        else throw validation_error(errc::bad_format, r.path_of("kubernetes_expertise"), "expected \"none\", \"some\" or \"strong\", got \"" + *e + "\"");
    }
    c.ai_core_business = r.optional_bool("ai_core_business").value_or(false);
    c.sagemaker_for_most_ml = r.optional_bool("sagemaker_for_most_ml").value_or(false);
    r.finish();
    return c;
}

inline EksSpec read_eks(const json* v, const Hours& month_hours) {
    EksSpec eks;
    eks.autoscaling = default_autoscaling(Autoscaler::karpenter);
    if (!v) return eks;
    ObjectReader r(*v, "/eks");
    read_platform_common(r, eks, true, month_hours);
    read_autoscaling(r, eks, true);
    eks.gpu_sharing = read_gpu_sharing(r, true);
    if (r.has("fargate_spot_share"))
        throw validation_error(errc::inconsistent, r.path_of("fargate_spot_share"), "Fargate Spot is an ECS feature: EKS has no Fargate Spot");
    eks.auto_mode = r.optional_bool("auto_mode").value_or(false);
    if (auto fee = r.optional_string("auto_mode_fee")) {
        if (*fee == "published") eks.auto_mode_fee = AutoModeFeeBasis::published;
        else if (*fee == "gpu-cut-2026-07") eks.auto_mode_fee = AutoModeFeeBasis::gpu_cut_2026_07;
        else throw validation_error(errc::bad_format, r.path_of("auto_mode_fee"), "expected \"published\" or \"gpu-cut-2026-07\", got \"" + *fee + "\"");
        if (!eks.auto_mode) throw validation_error(errc::inconsistent, r.path_of("auto_mode_fee"), "applies only with \"auto_mode\": true");
    }
    eks.clusters = require_in(r.optional_integer("clusters").value_or(1), 0, limits::max_clusters, r.path_of("clusters"));
    if (auto support = r.optional_string("support")) {
        if (*support == "standard") eks.support = EksSupport::standard;
        else if (*support == "extended") eks.support = EksSupport::extended;
        else throw validation_error(errc::bad_format, r.path_of("support"), "expected \"standard\" or \"extended\", got \"" + *support + "\"");
    }
    r.finish();
    return eks;
}

inline EcsSpec read_ecs(const json* v, const Hours& month_hours) {
    EcsSpec ecs;
    ecs.reserved_memory_gib = assumptions::ecs_reserved_memory_gib().default_value;
    ecs.gpu_sharing.mps_placement = MpsPlacement::by_memory;
    ecs.spot.diversification = SpotDiversification::fixed_list;  // a capacity provider's instance list
    ecs.autoscaling = default_autoscaling(Autoscaler::capacity_provider);
    if (!v) return ecs;
    ObjectReader r(*v, "/ecs");
    read_platform_common(r, ecs, false, month_hours);
    read_autoscaling(r, ecs, false);
    ecs.gpu_sharing = read_gpu_sharing(r, false);
    if (auto reserved = r.optional_decimal("reserved_memory_gib"))
        ecs.reserved_memory_gib = require_non_negative(*reserved, r.path_of("reserved_memory_gib"));
    if (r.has("fargate_spot_share")) ecs.fargate_spot_share = Fraction(read_unit_interval(r, "fargate_spot_share"));
    ecs.clusters = require_in(r.optional_integer("clusters").value_or(1), 0, limits::max_clusters, r.path_of("clusters"));
    r.finish();
    return ecs;
}

inline bool every_workload_on_fargate(const Scenario& s) {
    return !s.workloads.empty() && std::all_of(s.workloads.begin(), s.workloads.end(), [](const Workload& w) { return w.fargate; });
}

}  // namespace detail

// The preset of a platform's effort model: the scenario's own, else the one its configuration implies.
inline OperationsPreset operations_preset(const Scenario& s, bool eks) {
    const Operations& o = eks ? s.eks.operations : s.ecs.operations;
    return o.preset.value_or(default_preset(eks, s.eks.auto_mode, detail::every_workload_on_fargate(s)));
}

namespace detail {

// A preset that contradicts the platform's configuration would price work the bill does not match.
inline void check_presets(const Scenario& s) {
    if (s.eks.operations.preset == OperationsPreset::eks_auto_mode && !s.eks.auto_mode)
        throw validation_error(errc::inconsistent, "/eks/operations/preset", "\"eks-auto-mode\" applies with \"auto_mode\": true (it prices the work Auto Mode takes over)");
    if (s.ecs.operations.preset == OperationsPreset::fargate && !every_workload_on_fargate(s))
        throw validation_error(errc::inconsistent, "/ecs/operations/preset", "\"fargate\" applies when every workload runs on Fargate; some run on EC2 instances");
}

}  // namespace detail

inline Scenario Scenario::from_json(const detail::json& document) {
    using namespace detail;
    ObjectReader r(document, "");
    r.allow("$schema");
    Scenario s;
    const std::int64_t version = r.integer("schema_version");
    if (version != schema_version)
        throw validation_error(errc::out_of_range, "/schema_version", "unsupported scenario schema_version " + std::to_string(version) + " (this libtco reads 1)");
    s.name = r.optional_string("name").value_or(s.name);
    s.description = r.optional_string("description").value_or("");
    s.region = r.optional_string("region").value_or(s.region);
    s.month = BillingMonth::parse(r.string("month"), "/month");
    if (auto basis = r.optional_string("hours_basis")) s.hours_basis = parse_hours_basis(*basis, "/hours_basis");
    if (const json* a = r.find("assumptions")) {
        ObjectReader ar(*a, "/assumptions");
        if (auto h = ar.optional_decimal("aws_hours_per_month"))
            s.aws_hours_per_month = Hours(require_at_most(require_positive(*h, ar.path_of("aws_hours_per_month")), Decimal(limits::max_hours_in_month), ar.path_of("aws_hours_per_month")));
        if (ar.has("gpu_share_of_node_cost")) s.gpu_share_of_node_cost = Fraction(read_unit_interval(ar, "gpu_share_of_node_cost"));
        if (ar.has("partial_upfront_share")) s.partial_upfront_share = Fraction(read_unit_interval(ar, "partial_upfront_share"));
        ar.finish();
    }
    const Hours month_hours = s.month_hours();

    s.catalog = r.optional_string("catalog").value_or("");
    if (const json* overlay = r.find("price_overlay")) {
        if (overlay->is_object() && overlay->contains("schema_version"))
            throw validation_error(errc::unknown_key, "/price_overlay/schema_version", "belongs to a price overlay file, not to a scenario's price_overlay");
        s.price_overlay = PriceOverlay::from_json(*overlay, "/price_overlay");
    }
    if (const json* types = r.find("instance_types")) s.instance_types = read_overrides(*types, "/instance_types");

    ObjectReader team(r.at("team"), "/team");
    s.team.engineers = require_non_negative(team.decimal("engineers"), team.path_of("engineers"));
    s.team.loaded_cost_per_engineer_year =
        Money(require_non_negative(team.decimal("loaded_cost_per_engineer_year"), team.path_of("loaded_cost_per_engineer_year")));
    if (auto h = team.optional_decimal("working_hours_per_year"))
        s.team.working_hours_per_year = require_at_most(require_positive(*h, team.path_of("working_hours_per_year")), Decimal(limits::hours_in_a_year),
                                                        team.path_of("working_hours_per_year"));
    if (auto h = team.optional_decimal("service_hours_per_month"))
        s.team.service_hours_per_month = require_at_most(require_non_negative(*h, team.path_of("service_hours_per_month")), month_hours.value(),
                                                         team.path_of("service_hours_per_month"));
    team.finish();

    const json& workloads = r.at("workloads");
    require_array(workloads, "/workloads");
    if (static_cast<std::int64_t>(workloads.size()) > limits::max_workloads)
        throw validation_error(errc::out_of_range, "/workloads", "at most " + std::to_string(limits::max_workloads) + " workloads, got " + std::to_string(workloads.size()));
    std::set<std::string> names;
    std::int64_t total_replicas = 0;
    for (std::size_t i = 0; i < workloads.size(); ++i) {
        const std::string path = child_path("/workloads", i);
        Workload w = read_workload(workloads[i], path, month_hours);
        if (!names.insert(w.name).second)
            throw validation_error(errc::duplicate_name, child_path(path, "name"), "another workload is already named \"" + w.name + "\"");
        total_replicas += w.replicas;
        if (total_replicas > limits::max_total_replicas)
            throw validation_error(errc::out_of_range, child_path(path, "replicas"), "at most " + std::to_string(limits::max_total_replicas) + " replicas in all");
        s.workloads.push_back(std::move(w));
    }
    s.eks = read_eks(r.find("eks"), month_hours);
    s.ecs = read_ecs(r.find("ecs"), month_hours);
    if (const json* criteria = r.find("criteria")) s.criteria = read_criteria(*criteria);
    r.finish();
    check_presets(s);
    return s;
}

// ---------------------------------------------------------------------------------------------
// Writing a scenario back: every field, defaults made explicit, stable key order, exact decimals
// as strings. Scenario::from_json(to_json(s)) gives s again.
namespace detail {

inline nlohmann::ordered_json node_groups_json(const std::vector<NodeGroup>& nodes) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const NodeGroup& n : nodes) {
        nlohmann::ordered_json j;
        j["instance_type"] = n.instance_type;
        j["count"] = n.count;
        if (n.hours) j["hours"] = n.hours->to_string();
        out.push_back(std::move(j));
    }
    return out;
}

inline void platform_common_json(nlohmann::ordered_json& j, const PlatformSpec& p) {
    j["operations"] = operations_json(p.operations);
    j["node_types"] = p.node_types;
    j["nodes"] = node_groups_json(p.nodes);
    j["gpu_sharing"] = to_string(p.gpu_sharing.strategy);
    const SharingStrategy s = p.gpu_sharing.strategy;
    if (s == SharingStrategy::time_slicing || s == SharingStrategy::mps) j["replicas_per_gpu"] = p.gpu_sharing.replicas_per_gpu;
    if (s == SharingStrategy::time_slicing) j["time_slicing_efficiency"] = p.gpu_sharing.time_slicing_efficiency.to_string();
    if (p.spot.used()) j["spot"] = spot_policy_json(p.spot);
    j["autoscaler"] = to_string(p.autoscaling.autoscaler);
    j["scale_to_zero"] = p.autoscaling.scale_to_zero;
    if (p.autoscaling.autoscaler == Autoscaler::capacity_provider) j["target_capacity"] = p.autoscaling.target_capacity.to_string();
    j["scale_up_lag_minutes"] = p.autoscaling.scale_up_lag_minutes.to_string();
    j["scale_down_delay_minutes"] = p.autoscaling.scale_down_delay_minutes.to_string();
    nlohmann::ordered_json commitments = nlohmann::ordered_json::array();
    for (const CommitmentRequest& c : p.commitments) commitments.push_back(commitment_request_json(c));
    j["commitments"] = std::move(commitments);
    nlohmann::ordered_json extras = nlohmann::ordered_json::array();
    for (const ExtraItem& e : p.extra_items) extras.push_back(extra_item_json(e));
    j["extra_items"] = std::move(extras);
}

}  // namespace detail

inline nlohmann::ordered_json to_json(const Scenario& s) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["schema_version"] = Scenario::schema_version;
    j["name"] = s.name;
    if (!s.description.empty()) j["description"] = s.description;
    j["region"] = s.region;
    j["month"] = s.month.to_string();
    j["hours_basis"] = to_string(s.hours_basis);
    j["assumptions"] = ordered_json{{"aws_hours_per_month", s.aws_hours_per_month.to_string()},
                                    {"gpu_share_of_node_cost", s.gpu_share_of_node_cost.to_string()},
                                    {"partial_upfront_share", s.partial_upfront_share.to_string()}};
    if (!s.catalog.empty()) j["catalog"] = s.catalog;
    if (!s.price_overlay.empty()) j["price_overlay"] = to_json(s.price_overlay);
    j["instance_types"] = detail::overrides_json(s.instance_types);
    j["team"] = ordered_json{{"engineers", s.team.engineers.to_string()},
                             {"loaded_cost_per_engineer_year", s.team.loaded_cost_per_engineer_year.to_string()},
                             {"working_hours_per_year", s.team.working_hours_per_year.to_string()},
                             {"service_hours_per_month", s.team.service_hours_per_month.to_string()}};
    ordered_json workloads = ordered_json::array();
    for (const Workload& w : s.workloads) {
        ordered_json wj;
        wj["name"] = w.name;
        if (w.demand) wj["demand"] = to_json(*w.demand);
        else wj["replicas"] = w.replicas;
        wj["gpus"] = w.gpus.to_string();
        wj["gpu_memory_gib"] = w.gpu_memory_gib.to_string();
        wj["vcpu"] = w.vcpu.to_string();
        wj["memory_gib"] = w.memory_gib.to_string();
        if (w.hours) wj["hours"] = w.hours->to_string();
        wj["gpu_models"] = w.gpu_models;
        wj["arch"] = w.arch;
        wj["spot_tolerant"] = w.spot_tolerant;
        wj["fargate"] = w.fargate;
        if (w.spot_tolerant) {
            wj["checkpoint_interval_minutes"] = w.checkpoint_interval_minutes.to_string();
            wj["restart_minutes"] = w.restart_minutes.to_string();
        }
        workloads.push_back(std::move(wj));
    }
    j["workloads"] = std::move(workloads);
    ordered_json eks;
    detail::platform_common_json(eks, s.eks);
    eks["clusters"] = s.eks.clusters;
    eks["support"] = to_string(s.eks.support);
    eks["auto_mode"] = s.eks.auto_mode;
    if (s.eks.auto_mode) eks["auto_mode_fee"] = s.eks.auto_mode_fee == AutoModeFeeBasis::published ? "published" : "gpu-cut-2026-07";
    j["eks"] = std::move(eks);
    ordered_json ecs;
    detail::platform_common_json(ecs, s.ecs);
    ecs["clusters"] = s.ecs.clusters;
    ecs["reserved_memory_gib"] = s.ecs.reserved_memory_gib.to_string();
    ecs["fargate_spot_share"] = s.ecs.fargate_spot_share.to_string();
    j["ecs"] = std::move(ecs);
    j["criteria"] = ordered_json{{"needs_gpu_sharing", s.criteria.needs_gpu_sharing},
                                 {"ml_platforms", s.criteria.ml_platforms},
                                 {"multi_cloud", s.criteria.multi_cloud},
                                 {"kubernetes_expertise", to_string(s.criteria.kubernetes_expertise)},
                                 {"ai_core_business", s.criteria.ai_core_business},
                                 {"sagemaker_for_most_ml", s.criteria.sagemaker_for_most_ml}};
    return j;
}

}  // namespace libtco
