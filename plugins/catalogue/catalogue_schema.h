#pragma once
// The catalogue's tables (namespace "catalogue"): themes, versioned module sheets,
// trainer qualifications and availability, editions, open and custom trainings with
// their days (core sessions of kind "training"), registrations and expectations.
#include "core/migration.h"

#include <vector>

namespace maillage::catalogue {

inline constexpr const char* kSessionKind = "training";

std::vector<Migration> catalogue_migrations();
MigrationSet catalogue_migration_set();

}  // namespace maillage::catalogue
