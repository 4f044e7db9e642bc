#pragma once
// The exchange sheets of the import workbook (docs/import.md): events with their first
// day, tables with their facilitators, registrations with role, table and attendance.
// An event is named by its date and title.
namespace maillage::exchange {

// Registers the importers with the core (core/entity_import.h); called by the plugin.
void register_exchange_importers();

}  // namespace maillage::exchange
