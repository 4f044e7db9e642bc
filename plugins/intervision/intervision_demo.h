#pragma once
// Demo content: last year's and this year's Connect cycles (four groups, one
// Dutch-speaking), and a PAT peer-worker cycle of two groups, with sessions, attendance,
// notes and evaluations. Runs after the core's demo content.
#include "core/plugin_api.h"

namespace maillage::intervision {

void seed_intervision_demo(Database& db, const DemoContext& context);

}  // namespace maillage::intervision
