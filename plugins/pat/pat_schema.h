#pragma once
// The PAT plugin's tables (namespace "pat"): the guide's steps, session types,
// accompaniments and what hangs off them, stand-alone trainings, advocacy actions and
// the map of peer-support workplaces.
#include "core/migration.h"

namespace maillage::pat {

MigrationSet pat_migrations();

}  // namespace maillage::pat
