#pragma once
// Demo content of the catalogue: fifty modules across the eight themes (French and
// Dutch), trainer qualifications, an edition of the demo year with a dozen open
// trainings (one a three-day mental-health awareness course), two custom trainings,
// registrations, attendance, expectations and evaluations. Deterministic.
#include "core/plugin_api.h"  // DemoContext

namespace maillage::catalogue {

void seed_catalogue_demo(Database& db, const DemoContext& context);

}  // namespace maillage::catalogue
