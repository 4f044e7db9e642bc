#pragma once
// File > Import: shows what a CSV file of institutions or people would create or
// update (core preview, nothing written), then imports it in one transaction on OK.
#include <wx/window.h>

namespace maillage {
class Database;
}

namespace maillage::ui {

enum class ImportKind { Institutions, People };

// Asks for the file, previews, imports on confirmation. Returns true when data changed.
bool run_import(wxWindow* parent, Database& db, ImportKind kind);

}  // namespace maillage::ui
