#pragma once
// The embedded default scenario: a realistic AI team of six engineers with several inference services
// (the chat service follows office hours), CPU services around them and a monthly fine-tuning job
// that checkpoints and so runs on spot; the steady baseline is under a one-year Compute Savings Plan. `tco compare` uses it when given no file;
// `tco scenario` prints it as a starting point.

#include <libtco/scenario/scenario.hpp>

#include <string_view>

namespace libtco {

inline constexpr std::string_view default_scenario_json = R"libtco_json({
  "schema_version": 1,
  "name": "ai-team-default",
  "description": "Six engineers running LLM chat (busier in office hours), embeddings and reranking inference, CPU services around them, and a monthly fine-tuning run on 8 x H100 on spot; a one-year Compute Savings Plan on the steady baseline.",
  "region": "us-east-1",
  "month": "2026-09",
  "hours_basis": "aws-730",
  "team": {"engineers": 6, "loaded_cost_per_engineer_year": "200000"},
  "workloads": [
    {"name": "chat-llm", "demand": {"base": 2, "peaks": [{"days": "weekdays", "from": "08:00", "to": "20:00", "replicas": 4}]},
     "gpus": 1, "gpu_memory_gib": 20, "vcpu": 3, "memory_gib": 12, "gpu_models": ["A10G", "L4"]},
    {"name": "embeddings", "replicas": 3, "gpus": 1, "gpu_memory_gib": 8, "vcpu": 2, "memory_gib": 8},
    {"name": "reranker", "replicas": 2, "gpus": 1, "gpu_memory_gib": 6, "vcpu": 2, "memory_gib": 8},
    {"name": "fine-tuning", "replicas": 1, "gpus": 8, "gpu_memory_gib": 80, "vcpu": 96, "memory_gib": 1024, "hours": 120, "gpu_models": ["H100"],
     "spot_tolerant": true, "checkpoint_interval_minutes": 30},
    {"name": "api-gateway", "replicas": 6, "vcpu": 1, "memory_gib": 2},
    {"name": "feature-pipeline", "replicas": 4, "vcpu": 2, "memory_gib": 8}
  ],
  "eks": {"clusters": 1, "support": "standard", "spot": {"share": 1},
          "commitments": [{"plan": "compute_savings_plan", "term": "1y", "payment": "no_upfront"}]},
  "ecs": {"spot": {"share": 1},
          "commitments": [{"plan": "compute_savings_plan", "term": "1y", "payment": "no_upfront"}]}
})libtco_json";

inline Scenario default_scenario() { return Scenario::from_json_text(default_scenario_json); }

}  // namespace libtco
