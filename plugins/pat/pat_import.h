#pragma once
// PAT's sheets of the import workbook (docs/import.md): accompaniments (request,
// decision, funder, phase), their sessions and hires, each accompaniment named by its
// institution and request date.
namespace maillage::pat {

// Registers the importers with the core (core/entity_import.h); called by the plugin.
void register_pat_importers();

}  // namespace maillage::pat
