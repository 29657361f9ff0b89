#pragma once
// Umbrella header: everything a planning tool needs. The layers, bottom to top (each includes only
// the layers below it): core, catalog, scenario, placement, costing, analysis and projection, io.

#include <libtco/core/calendar.hpp>
#include <libtco/core/decimal.hpp>
#include <libtco/core/error.hpp>
#include <libtco/core/limits.hpp>
#include <libtco/core/parallel.hpp>
#include <libtco/core/quantity.hpp>
#include <libtco/core/rounding.hpp>
#include <libtco/core/source.hpp>
#include <libtco/core/text.hpp>

#include <libtco/catalog/assumptions.hpp>
#include <libtco/catalog/catalog.hpp>
#include <libtco/catalog/catalog_import.hpp>
#include <libtco/catalog/commitment.hpp>
#include <libtco/catalog/embedded_catalog.hpp>
#include <libtco/catalog/fargate.hpp>
#include <libtco/catalog/price_overlay.hpp>
#include <libtco/catalog/spot.hpp>
#include <libtco/catalog/type_pricing.hpp>

#include <libtco/scenario/default_scenario.hpp>
#include <libtco/scenario/demand_profile.hpp>
#include <libtco/scenario/gpu_sharing.hpp>
#include <libtco/scenario/purchase_options.hpp>
#include <libtco/scenario/scenario.hpp>

#include <libtco/placement/gpu_need.hpp>
#include <libtco/placement/mig.hpp>
#include <libtco/placement/placement.hpp>

#include <libtco/costing/embedded_compare.hpp>
#include <libtco/costing/engine.hpp>
#include <libtco/costing/report.hpp>

#include <libtco/analysis/breakeven.hpp>
#include <libtco/analysis/closed_form_kernel.hpp>
#include <libtco/analysis/distribution.hpp>
#include <libtco/analysis/evaluator.hpp>
#include <libtco/analysis/montecarlo.hpp>
#include <libtco/analysis/parameter.hpp>
#include <libtco/analysis/random.hpp>
#include <libtco/analysis/recommendation.hpp>
#include <libtco/analysis/sensitivity.hpp>
#include <libtco/analysis/sweep.hpp>

#include <libtco/projection/eks_lifecycle.hpp>
#include <libtco/projection/projection.hpp>

#include <libtco/io/aligned_table.hpp>
#include <libtco/io/analysis_csv.hpp>
#include <libtco/io/analysis_json.hpp>
#include <libtco/io/analysis_table.hpp>
#include <libtco/io/comparison_csv.hpp>
#include <libtco/io/comparison_json.hpp>
#include <libtco/io/comparison_table.hpp>
#include <libtco/io/import_json.hpp>
#include <libtco/io/number_text.hpp>
#include <libtco/io/projection_csv.hpp>
#include <libtco/io/projection_json.hpp>
#include <libtco/io/projection_table.hpp>
#include <libtco/io/recommendation_json.hpp>
#include <libtco/io/recommendation_text.hpp>
#include <libtco/io/table.hpp>

#include <libtco/version.hpp>
