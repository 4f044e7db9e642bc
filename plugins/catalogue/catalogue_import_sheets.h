#pragma once
// The catalogue's sheets of the import workbook (docs/import.md): editions, trainings,
// training days with their trainers, registrations and attendance per day.
namespace maillage::catalogue {

// Registers the importers with the core (core/entity_import.h); called by the plugin.
void register_catalogue_importers();

}  // namespace maillage::catalogue
