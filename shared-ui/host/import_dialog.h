#pragma once
// File > Import: shows what a CSV file of institutions or people would create or
// update (core preview, nothing written), then imports it in one transaction on OK.
#include "core/entity_import.h"

#include <wx/dialog.h>
#include <wx/window.h>

#include <filesystem>

namespace maillage {
class Database;
}

namespace maillage::ui {

enum class ImportKind { Institutions, People };

// Asks for the file, previews, imports on confirmation. Returns true when data changed.
bool run_import(wxWindow* parent, Database& db, ImportKind kind);

// File > Import a workbook: what each sheet would create, update or leave (a dry run of
// core import_workbook, nothing written), then Import loads every sheet in one
// transaction (one Edit > Undo). The list is named "workbook_preview".
class WorkbookPreviewDialog : public wxDialog {
public:
    WorkbookPreviewDialog(wxWindow* parent, const wxString& file, const WorkbookImport& preview);
};

// Asks for the workbook (or a CSV file of one sheet), then import_workbook_file. Returns
// true when data changed.
bool run_workbook_import(wxWindow* parent, Database& db);
// Reads and previews `file`; a refused workbook shows its sheet, row, column and reason.
// A CSV file (or a workbook of one sheet no import knows by its name) holds one sheet: the
// dialog "csv_sheet_dialog" asks which (the one its file name suggests chosen), and it is
// previewed and imported as a workbook of that sheet.
// `confirm` shows the preview (ShowModal by default) and says whether to import.
bool import_workbook_file(wxWindow* parent, Database& db, const std::filesystem::path& file,
                          const std::function<bool(WorkbookPreviewDialog&)>& confirm = {});

// File > Save the import template: asks where, then writes the workbook `import workbook`
// reads (core write_import_template), with progress when it takes a while. Returns the
// file written, empty when the user cancelled or it failed (the error was shown).
wxString run_save_template(wxWindow* parent, Database& db);

}  // namespace maillage::ui
