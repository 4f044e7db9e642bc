#pragma once
// Demo content: an exchange table this year (two tables, about sixty participants, six
// facilitators/speakers, a steering committee with three meetings), a study morning,
// a working group with its meetings, and a publication.
#include "core/plugin_api.h"

namespace maillage::exchange {

void seed_exchange_demo(Database& db, const DemoContext& context);

}  // namespace maillage::exchange
