#pragma once
// Limits on what the readers accept, so that hostile or mistaken input is a clear error (a stable
// code and the JSON pointer of the value) rather than a hang or an out-of-memory. Each is generous
// for real use: a fleet of thousands of workloads and tens of thousands of replicas fits well within.
//
// Long runs have their own limits next to them: limits::max_monte_carlo_samples (10^7),
// max_uncertain_parameters (64) and max_monte_carlo_draws in montecarlo.hpp;
// max_projection_months (120), max_projection_entries and max_amortize_months in projection.hpp;
// max_sweep_points (10^8) and max_sweep_parameters (8) in sweep.hpp.

#include <cstddef>
#include <cstdint>

namespace libtco::limits {

// ---- JSON documents (scenarios, catalogs, overlays, specs); libtco.parse.* ----------------------
// Containers nested deeper than this are refused while parsing (libtco.parse.102), so the nesting
// of hostile input never reaches any recursive code.
inline constexpr std::size_t max_json_depth = 64;
// The text of one document: a 10,000-workload scenario is about 2 MB, the embedded catalogs 72 KB
// (libtco.parse.103). AWS offer files are streamed and exempt (catalog_import.hpp).
inline constexpr std::size_t max_document_bytes = 64u * 1024u * 1024u;
// Values (scalars, arrays, objects) in one document: bounds the memory of the parsed tree (some
// 100 bytes a value at most) and the time to reach the error (well under a second) (libtco.parse.103).
inline constexpr std::size_t max_document_values = 500'000;

// ---- scenarios; libtco.validation.113 at the offending value -----------------------------------
inline constexpr std::int64_t max_workloads = 10000;
inline constexpr std::int64_t max_replicas_per_workload = 20000;
// Placement is close to linear in replicas; these keep a comparison (whose report lists every node) within seconds.
inline constexpr std::int64_t max_total_replicas = 20000;
inline constexpr std::int64_t max_nodes_per_group = 10000;
inline constexpr std::int64_t max_given_nodes = 10000;
inline constexpr std::int64_t max_clusters = 1000;
inline constexpr std::int64_t max_gpus_per_replica = 64;
inline constexpr std::int64_t max_hours_in_month = 31 * 24;

// ---- catalogs; libtco.validation.113 ------------------------------------------------------------
// AWS lists about 900 instance types in its largest region. Instance type overrides (a scenario's
// or a price overlay's instance_types) have the same bound.
inline constexpr std::int64_t max_catalog_instance_types = 5000;

// ---- lists whose cost grows with their length (a few entries in real use) -----------------------
inline constexpr std::int64_t max_commitments = 1000;   // eks/ecs .commitments[]
inline constexpr std::int64_t max_extra_items = 1000;   // eks/ecs .extra_items[]
inline constexpr std::int64_t max_overlay_fees = 1000;  // price_overlay.fees

// ---- money ------------------------------------------------------------------------------------
// Every amount is a Decimal: a 128-bit integer of 10^-12 units, so magnitudes up to
// (2^128 - 1) / 10^12 = 340,282,366,920,938,463,463,374,607.431768211455 (about 3.4e26) are exact.
// A number beyond it in a document is libtco.arithmetic.400 at its path; a result beyond it (a
// price times hours times a count, a sum) is libtco.arithmetic.400 too: never a wrapped number.
inline constexpr const char* max_decimal_text = "340282366920938463463374607.431768211455";

}  // namespace libtco::limits
