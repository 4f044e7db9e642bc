#pragma once
// The exchange plugin's tables (namespace "exchange"): event types, events and their
// days (core sessions of kind "exchange"), steering committees (meetings are core
// sessions of kind "exchange_committee"), tables, registrations, publications and the
// services taking part in working groups.
#include "core/migration.h"

namespace maillage::exchange {

// The plugin's migration set, namespace "exchange".
MigrationSet exchange_migrations();

// Session kinds owned by the plugin.
inline constexpr const char* kEventSessionKind = "exchange";
inline constexpr const char* kCommitteeSessionKind = "exchange_committee";

}  // namespace maillage::exchange
