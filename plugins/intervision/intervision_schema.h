#pragma once
// The intervision plugin's tables (namespace "intervision"): cycles, their closure
// periods, groups, enrolments and the link from core sessions to groups.
#include "core/migration.h"

#include <vector>

namespace maillage::intervision {

std::vector<Migration> intervision_migrations();
MigrationSet intervision_migration_set();

}  // namespace maillage::intervision
