#pragma once
// Commitments cover the steady baseline: the on-demand hours of nodes that run the whole month and
// are not bought on spot. Each request covers its share of what earlier ones left, at the type's
// commitment rate; a spend commitment (usd_per_hour) is used on the usage it saves most on first,
// and what it cannot use is paid as unused commitment.

#include <libtco/costing/line_producer.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace libtco::detail {

using Baseline = std::map<std::string, HourlyRate>;  // instance type -> on-demand $/h not yet covered

inline Baseline commitment_baseline(const CostContext& ctx, const std::vector<InstanceGroup>& groups) {
    Baseline out;
    for (const InstanceGroup& g : groups)
        if (g.purchase == std::string("on-demand") && g.share.value() == Decimal(1) && g.hours == ctx.month_hours)
            out[g.instance_type] += g.usd_per_hour * Decimal(g.count);
    return out;
}

// What one request covers, taken off the baseline.
struct Coverage {
    HourlyRate covered_on_demand;
    HourlyRate commitment_spend;
    std::optional<HourlyRate> spend_left;  // of a spend commitment, finding no use
    std::vector<std::string> sources;
};

inline Coverage cover_baseline(const Catalog& c, const CommitmentRequest& req, Baseline& baseline) {
    struct Cover { std::string type; HourlyRate on_demand; CommitmentQuote quote; };
    std::vector<Cover> covers;
    for (auto& [type, rate] : baseline) {
        if (rate.value().is_zero()) continue;
        if (const auto quote = c.commitment_quote(c.instance_type(type), req.key)) covers.push_back({type, rate, *quote});
    }
    std::sort(covers.begin(), covers.end(), [](const Cover& a, const Cover& b) { return a.quote.discount > b.quote.discount; });
    Coverage out;
    out.spend_left = req.usd_per_hour;
    std::set<std::string> sources;
    for (Cover& cv : covers) {
        HourlyRate od = req.usd_per_hour ? HourlyRate{} : cv.on_demand * req.coverage;
        if (out.spend_left) {
            const Decimal keep = Decimal(1) - cv.quote.discount.value();
            const HourlyRate can = keep.is_zero() ? cv.on_demand : HourlyRate(out.spend_left->value() / keep);
            od = std::min(cv.on_demand, can);
            *out.spend_left -= od * Fraction(keep);
        }
        if (od.value().is_zero()) continue;
        baseline[cv.type] -= od;
        out.covered_on_demand += od;
        out.commitment_spend += od * Fraction(Decimal(1) - cv.quote.discount.value());
        sources.insert(cv.quote.source);
    }
    out.sources.assign(sources.begin(), sources.end());
    return out;
}

inline Decimal upfront_share_of(const Scenario& s, UpfrontPayment payment) {
    return payment == UpfrontPayment::all ? Decimal(1) : payment == UpfrontPayment::partial ? s.partial_upfront_share.value() : Decimal(0);
}

inline void add_request_lines(const CostContext& ctx, const CommitmentRequest& req, const std::string& at, const Coverage& cov,
                              std::vector<LineItem>& out) {
    const Hours month = ctx.month_hours;
    const std::string name = to_string(req.key.plan) + " " + to_string(req.key.term) + " " + to_string(req.key.payment);
    const Confidence weakest = weakest_of(ctx.catalog, cov.sources);
    out.push_back({category::commitment, name + ": covered on-demand use",
                   money_text(cov.covered_on_demand.value()) + "/h of on-demand x " + month.to_string() + " h, now paid through the commitment",
                   -(cov.covered_on_demand * month), cov.sources, weakest});
    const Money spend = cov.commitment_spend * month;
    const Decimal upfront_share = upfront_share_of(ctx.scenario, req.key.payment);
    if (upfront_share.sign() > 0)
        out.push_back({category::commitment, name + ": upfront, amortized",
                       percent_text(upfront_share) + " of " + money_text(cov.commitment_spend.value()) + "/h paid upfront, spread over the term",
                       spend * Fraction(upfront_share), cov.sources, weakest});
    if (upfront_share < Decimal(1))
        out.push_back({category::commitment, name + ": recurring",
                       money_text((cov.commitment_spend * Fraction(Decimal(1) - upfront_share)).value()) + "/h x " + month.to_string() + " h",
                       spend - spend * Fraction(upfront_share), cov.sources, weakest});
    if (cov.spend_left && cov.spend_left->value().sign() > 0)
        out.push_back({category::commitment, name + ": unused commitment",
                       money_text(cov.spend_left->value()) + "/h of " + money_text(req.usd_per_hour->value()) + "/h committed finds no eligible use (" +
                           at + ")",
                       *cov.spend_left * month, {at}, Confidence::high});
}

// `groups`: the compute instances the commitments may cover.
inline std::vector<LineItem> commitment_lines(const CostContext& ctx, const std::vector<InstanceGroup>& groups) {
    std::vector<LineItem> out;
    if (ctx.spec.commitments.empty()) return out;
    Baseline baseline = commitment_baseline(ctx, groups);
    for (std::size_t i = 0; i < ctx.spec.commitments.size(); ++i) {
        const CommitmentRequest& req = ctx.spec.commitments[i];
        const Coverage cov = cover_baseline(ctx.catalog, req, baseline);
        add_request_lines(ctx, req, ctx.path("/commitments/" + std::to_string(i)), cov, out);
    }
    return out;
}

// Reads what the compute instances it covers read (the spot settings), as it covers compute's groups.
inline LineProducer commitments_producer() {
    return {"commitments", with_month({"/{platform}/commitments", "/assumptions/partial_upfront_share", "/{platform}/spot"}), false,
            [](const CostContext& ctx, const FleetPlan&, Detail, Bill& bill) {
                for (LineItem& li : commitment_lines(ctx, bill.instances)) bill.line_items.push_back(std::move(li));
            }};
}

}  // namespace libtco::detail
