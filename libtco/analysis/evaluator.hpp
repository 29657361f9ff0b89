#pragma once
// Evaluates a scenario's totals for many values of a few parameters: the building block of sweeps,
// break-even, sensitivity and Monte Carlo.
//
// Three tiers, by what the parameters reach (analysis/parameter.hpp, derived from what the fleet plan
// and the line producers declare they read):
//   - only the staff lines or the EKS control-plane fee: placement and every other line are
//     unchanged, so each evaluation is the base totals with those lines recomputed by the engine's
//     own functions (staff_total, eks_control_plane_cost), in a microsecond or two;
//   - only line producers, not the plan (extra items, commitments, spot fallback, ...): each
//     platform's base fleet plan is kept, shared read-only by every thread, and only the producers
//     run again on the changed scenario;
//   - the plan: the engine runs again, placement included.
// Each gives the same exact sums compare() makes.

#include <libtco/analysis/closed_form_kernel.hpp>
#include <libtco/costing/engine.hpp>
#include <libtco/analysis/parameter.hpp>

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace libtco {

namespace detail {

// Each platform's fleet plan of the base scenario, with the catalog its nodes point into.
class PlannedBase {
public:
    PlannedBase(const Scenario& base, const Catalog& effective)
        : effective_(effective), eks_(plan_fleet(CostContext(base, effective_, Platform::eks))),
          ecs_(plan_fleet(CostContext(base, effective_, Platform::ecs))) {}
    PlannedBase(const PlannedBase&) = delete;  // the plans point into effective_
    PlannedBase& operator=(const PlannedBase&) = delete;

    // `s` differs from the base scenario only in values no plan reads.
    Totals totals(const Scenario& s) const {
        return {platform_total(CostContext(s, effective_, Platform::eks), eks_), platform_total(CostContext(s, effective_, Platform::ecs), ecs_)};
    }

private:
    Catalog effective_;
    FleetPlan eks_;
    FleetPlan ecs_;
};

}  // namespace detail

class Evaluator {
public:
    // `catalog` is the catalog as loaded (the scenario's overlay is applied here).
    Evaluator(Scenario base, Catalog catalog, const std::vector<std::string>& pointers)
        : base_(std::move(base)), catalog_(std::move(catalog)) {
        for (std::size_t i = 0; i < pointers.size(); ++i) {
            parameters_.push_back(resolve_parameter(base_, pointers[i]));
            for (std::size_t j = 0; j < i; ++j)
                if (parameters_[j].path == parameters_[i].path)
                    throw validation_error(errc::duplicate_name, parameters_[i].path,
                                           "the same parameter is given twice (\"" + pointers[j] + "\" and \"" + pointers[i] + "\")");
        }
        for (const Parameter& p : parameters_) {
            keys_.push_back(detail::closed_form_key(p.path));
            targets_.push_back(keys_.back() == detail::ClosedFormKey::operations ? detail::operations_target(p.path) : detail::OperationsTarget{});
        }
        closed_form_ = true;
        bool plan_moves = false;
        for (std::size_t i = 0; i < parameters_.size(); ++i) {
            const ParameterReach r = parameters_[i].reach;
            // A value no total reads still needs checking: only the closed form's own keys check it.
            closed_form_ = closed_form_ && (r == ParameterReach::staff || r == ParameterReach::cluster_fee ||
                                            (r == ParameterReach::no_total && keys_[i] != detail::ClosedFormKey::none));
            plan_moves = plan_moves || r == ParameterReach::engine;
        }
        reprices_ = std::any_of(parameters_.begin(), parameters_.end(), [](const Parameter& p) {
            return p.path.rfind("/price_overlay", 0) == 0 || p.path.rfind("/instance_types", 0) == 0;
        });
        effective_ = effective_catalog(base_, catalog_);
        if (closed_form_) prepare_closed_form();
        else if (!plan_moves) prepare_planned_base();
    }

    const std::vector<Parameter>& parameters() const { return parameters_; }
    const Scenario& base() const { return base_; }
    const Catalog& catalog() const { return catalog_; }
    bool closed_form() const { return closed_form_; }
    // Evaluated on the base scenario's fleet plans, only the line producers running again.
    bool keeps_plan() const { return planned_ != nullptr; }

    // The parameters' values in the base scenario.
    std::vector<Decimal> base_values() const {
        std::vector<Decimal> out;
        for (const Parameter& p : parameters_) out.push_back(parameter_value(base_, p));
        return out;
    }

    // Exact totals with the parameters set to `values` (in the order given). Thread-safe.
    Totals operator()(std::span<const Decimal> values) const {
        if (values.size() != parameters_.size())
            throw validation_error(errc::inconsistent, "", "expected " + std::to_string(parameters_.size()) + " parameter values, got " + std::to_string(values.size()));
        if (closed_form_) return closed_form(values);
        if (planned_) return planned_->totals(scenario_at(values));
        return rerun(values);
    }

#ifdef __SIZEOF_INT128__
    // The closed form on native integers (bit-identical), when the base figures fit 64 bits.
    std::optional<detail::ClosedFormKernel> kernel() const {
        std::int64_t eks = 0, ecs = 0, cluster = 0;
        if (!native_kernel_applies() || !detail::as_int64(eks_rest_.value().raw(), eks) || !detail::as_int64(ecs_rest_.value().raw(), ecs) ||
            !detail::as_int64(cluster_month_.value().raw(), cluster))
            return std::nullopt;
        return detail::ClosedFormKernel(eks, ecs, cluster);
    }

    // The base scenario's closed-form figures in raw units; nothing when one does not fit 64 bits,
    // or when the kernel's rule (the seed's share on both platforms) is not the scenario's.
    std::optional<detail::StaffFigures> base_figures() const {
        detail::StaffFigures f;
        f.clusters = staff_.clusters;
        if (!native_kernel_applies() || !detail::as_int64(staff_.team.engineers.raw(), f.engineers) ||
            !detail::as_int64(staff_.team.loaded_cost_per_engineer_year.value().raw(), f.loaded_cost) ||
            !detail::as_int64(staff_.eks_operations.share->value().raw(), f.eks_ops_share) ||
            !detail::as_int64(staff_.ecs_operations.share->value().raw(), f.ecs_ops_share))
            return std::nullopt;
        return f;
    }

    detail::ClosedFormKey key(std::size_t parameter) const { return keys_[parameter]; }
#endif

    // The scenario with the parameters set (for a full report of one point).
    Scenario scenario_at(std::span<const Decimal> values) const {
        Scenario s = base_;
        for (std::size_t i = 0; i < parameters_.size(); ++i) set_parameter(s, parameters_[i], values[i]);
        return s;
    }

private:
    // The native kernel works the seed's share rule (annual x share / 12) on both platforms, with
    // only the team, the shares and the cluster count moving.
    bool native_kernel_applies() const {
        if (!closed_form_ || !staff_.eks_operations.share || !staff_.ecs_operations.share) return false;
        return std::none_of(keys_.begin(), keys_.end(), [](detail::ClosedFormKey k) { return k == detail::ClosedFormKey::operations; });
    }

    void prepare_closed_form() {
        staff_ = detail::staff_and_fees_of(base_);
        cluster_month_ = detail::cluster_month_cost(detail::eks_cluster_fee(effective_, base_.eks.support), base_.month_hours());
        clusters_move_ = std::find(keys_.begin(), keys_.end(), detail::ClosedFormKey::clusters) != keys_.end();
        const detail::CostContext eks(base_, effective_, detail::Platform::eks);
        const detail::CostContext ecs(base_, effective_, detail::Platform::ecs);
        eks_effort_ = detail::effort_basis(eks, detail::plan_fleet(eks));
        ecs_effort_ = detail::effort_basis(ecs, detail::plan_fleet(ecs));
        base_control_plane_ = detail::eks_control_plane_cost(cluster_month_, staff_.clusters);
        const Totals full = compare_totals(base_, effective_);
        eks_rest_ = full.eks - detail::staff_total(eks_effort_) - base_control_plane_;
        ecs_rest_ = full.ecs - detail::staff_total(ecs_effort_);
    }

    // A base scenario that cannot be planned fails at every point as a rerun would: no plan to keep.
    void prepare_planned_base() {
        try {
            planned_ = std::make_shared<const detail::PlannedBase>(base_, effective_);
        } catch (const error&) {
            planned_.reset();
        }
    }

    // The engine's own line functions on the new values; what the values cannot move is reused.
    Totals closed_form(std::span<const Decimal> values) const {
        detail::StaffAndFees f = staff_;
        for (std::size_t i = 0; i < parameters_.size(); ++i) {
            if (keys_[i] == detail::ClosedFormKey::operations) detail::set_operations_figure(f, targets_[i], values[i], parameters_[i].path);
            else detail::set_closed_form(f, keys_[i], values[i], parameters_[i].path);
        }
        const Money control_plane = clusters_move_ ? detail::eks_control_plane_cost(cluster_month_, f.clusters) : base_control_plane_;
        return {eks_rest_ + detail::staff_total(with(eks_effort_, f.team, f.eks_operations, f.clusters)) + control_plane,
                ecs_rest_ + detail::staff_total(with(ecs_effort_, f.team, f.ecs_operations, f.ecs_clusters))};
    }

    static detail::EffortBasis with(detail::EffortBasis b, const Team& team, const Operations& operations, std::int64_t clusters) {
        b.team = team;
        b.operations = operations;
        b.clusters = clusters;
        return b;
    }

    Totals rerun(std::span<const Decimal> values) const {
        const Scenario s = scenario_at(values);
        if (reprices_) return compare_totals(s, effective_catalog(s, catalog_));
        return compare_totals(s, effective_);
    }

    Scenario base_;
    Catalog catalog_;
    Catalog effective_;
    std::vector<Parameter> parameters_;
    std::vector<detail::ClosedFormKey> keys_;
    std::vector<detail::OperationsTarget> targets_;  // of the ClosedFormKey::operations parameters
    bool closed_form_ = false;
    bool reprices_ = false;
    detail::StaffAndFees staff_;
    detail::EffortBasis eks_effort_;
    detail::EffortBasis ecs_effort_;
    Money cluster_month_;
    bool clusters_move_ = false;
    Money base_control_plane_;
    Money eks_rest_;
    Money ecs_rest_;
    std::shared_ptr<const detail::PlannedBase> planned_;  // shared read-only by copies and threads
};

}  // namespace libtco
