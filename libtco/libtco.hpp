#pragma once
// Umbrella header: everything a planning tool needs.

#include <libtco/assumptions.hpp>
#include <libtco/calendar.hpp>
#include <libtco/catalog.hpp>
#include <libtco/catalog_import.hpp>
#include <libtco/commitment.hpp>
#include <libtco/decimal.hpp>
#include <libtco/default_scenario.hpp>
#include <libtco/embedded_catalog.hpp>
#include <libtco/engine.hpp>
#include <libtco/error.hpp>
#include <libtco/format.hpp>
#include <libtco/gpu_sharing.hpp>
#include <libtco/mig.hpp>
#include <libtco/placement.hpp>
#include <libtco/price_overlay.hpp>
#include <libtco/quantity.hpp>
#include <libtco/report.hpp>
#include <libtco/rounding.hpp>
#include <libtco/scenario.hpp>
#include <libtco/source.hpp>
#include <libtco/spot.hpp>
#include <libtco/type_pricing.hpp>
#include <libtco/version.hpp>
