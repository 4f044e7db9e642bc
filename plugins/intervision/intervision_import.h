#pragma once
// The intervision sheets of the import workbook (docs/import.md): cycles, groups,
// enrolments, sessions and attendance, each referring to records by natural keys.
namespace maillage::intervision {

// Registers the importers with the core (core/entity_import.h); called by the plugin.
void register_intervision_importers();

}  // namespace maillage::intervision
