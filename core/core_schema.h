#pragma once
// The core's own schema: shared entities every plugin builds on.
#include "core/migration.h"

namespace maillage {

// The migrations of namespace "core", oldest first. Version 1 is the first release.
MigrationSet core_migrations();

}  // namespace maillage
