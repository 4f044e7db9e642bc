#include "import_dialog.h"

#include "shared-ui/dialog_frame.h"
#include "shared-ui/list_panel.h"
#include "shared-ui/messages.h"
#include "shared-ui/progress.h"

#include "core/csv.h"
#include "core/error.h"
#include "core/import_export.h"
#include "core/import_template.h"
#include "core/xlsx_read.h"

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <cctype>
#include <fstream>
#include <optional>

namespace maillage::ui {
namespace {
wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

// A workbook is a ZIP archive; anything else is read as a CSV file.
bool is_workbook(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char head[4] = {};
    in.read(head, sizeof head);
    return xlsx::looks_like_xlsx(std::string_view(head, static_cast<std::size_t>(in.gcount())));
}

// The sheet a CSV file's name suggests ("intervision_groups.csv", "Groupes 2025
// intervision-groups.csv"): the longest sheet name the folded name contains.
int guessed_sheet(const std::filesystem::path& file, const std::vector<EntityImporter>& importers) {
    std::string name;
    for (char c : file.stem().string())
        name += c == '-' || c == ' ' ? '_' : char(std::tolower(static_cast<unsigned char>(c)));
    int best = -1;
    for (std::size_t i = 0; i < importers.size(); ++i)
        if (name.find(importers[i].sheet) != std::string::npos &&
            (best < 0 || importers[i].sheet.size() > importers[std::size_t(best)].sheet.size()))
            best = int(i);
    return best;
}

// Which sheet of the import template a file of one sheet holds; nullopt when the user cancels.
// A sheet as the user knows it: its title, then its name in the template.
wxString sheet_label(const EntityImporter& importer) {
    return u8(importer.title()) + "  (" + u8(importer.sheet) + ")";
}
wxString sheet_label(const std::string& sheet) {
    const auto importer = find_importer(sheet);
    return importer ? sheet_label(*importer) : u8(sheet);
}

std::optional<std::string> ask_sheet(wxWindow* parent, const std::filesystem::path& file) {
    const auto importers = registered_importers();
    wxArrayString choices;
    for (const auto& i : importers) choices.Add(sheet_label(i));
    wxSingleChoiceDialog ask(parent,
                             wxString::Format(_("%s holds the rows of one sheet of the import template. Which one? "
                                                "Its columns are those of that sheet."),
                                              u8(file.filename().string())),
                             _("Which sheet is it?"), choices);
    ask.SetName("csv_sheet_dialog");
    ask.SetSize(wxSize(560, 520));
    const int guess = guessed_sheet(file, importers);
    if (guess >= 0) ask.SetSelection(guess);
    if (ask.ShowModal() != wxID_OK || ask.GetSelection() < 0) return std::nullopt;
    return importers[std::size_t(ask.GetSelection())].sheet;
}

wxString joined(const std::vector<std::string>& items, const char* separator) {
    wxString out;
    for (const auto& item : items) out += (out.empty() ? "" : separator) + u8(item);
    return out;
}

// What both previews show: the summary, wrapped, over the list; Import and Cancel under it.
void lay_out_preview(wxDialog* dialog, const wxString& summary, ListPanel* list) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* text = new wxStaticText(dialog, wxID_ANY, summary);
    text->Wrap(720);
    sizer->Add(text, 0, wxALL | wxEXPAND, 10);
    sizer->Add(list, 1, wxLEFT | wxRIGHT | wxEXPAND, 2);
    sizer->Add(action_buttons(dialog, _("Import")), 0, wxALL | wxALIGN_RIGHT, 10);
    dialog->SetSizer(sizer);
}

class PreviewDialog : public wxDialog {
public:
    PreviewDialog(wxWindow* parent, const wxString& file, const ImportPreview& preview)
        : wxDialog(parent, wxID_ANY, _("Import preview"), wxDefaultPosition, wxSize(760, 480),
                   wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
        wxString summary = wxString::Format(_("%s: %d to create, %d to update, %d unchanged. Nothing is written "
                                              "until you choose Import."),
                                            file, preview.creates, preview.updates, preview.unchanged);
        if (!preview.new_institutions.empty())
            summary += "\n" + wxString::Format(_("New institutions: %s"), joined(preview.new_institutions, ", "));
        // The shared list: a file of thousands of rows previews at once, searchable.
        auto* list = new ListPanel(this, nullptr,
                                   {.title = _("Import preview"),
                                    .columns = {{_("Line"), 60, ColumnKind::Integer},
                                                {_("Action"), 100, ColumnKind::Status},
                                                {_("Record"), 300},
                                                {_("Notes"), 260}},
                                    .statuses = {_("create"), _("update"), _("unchanged")}});
        auto rows = std::make_shared<TableRowSource>();
        rows->reserve(preview.rows.size());
        for (const auto& r : preview.rows) {
            rows->add(r.line, {wxString::Format("%d", r.line),
                               r.action == ImportRow::Action::Create   ? _("create")
                               : r.action == ImportRow::Action::Update ? _("update")
                                                                       : _("unchanged"),
                               u8(r.key), joined(r.notes, "; ")});
        }
        list->set_source(rows);
        lay_out_preview(this, summary, list);
    }
};
}  // namespace

bool run_import(wxWindow* parent, Database& db, ImportKind kind) {
    const bool people = kind == ImportKind::People;
    wxFileDialog choose(parent, people ? _("Import people from a CSV file") : _("Import institutions from a CSV file"),
                        {}, {}, _("CSV files (*.csv)|*.csv|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (choose.ShowModal() != wxID_OK) return false;
    const std::filesystem::path file(choose.GetPath().utf8_string());
    csv::Table table;
    ImportPreview preview;
    try {
        table = csv::read_file(file);
        preview = people ? preview_people(db, table) : preview_institutions(db, table);
    } catch (const Error& e) {
        // The first bad row: file, line, column, field and reason. Nothing was written.
        show_error(parent, _("This file cannot be imported; nothing was changed."), u8(e.what()));
        return false;
    }
    PreviewDialog dialog(parent, choose.GetFilename(), preview);
    if (dialog.ShowModal() != wxID_OK) return false;
    // On a worker thread, with progress and Cancel; one transaction, rolled back on Cancel.
    bool done = false;
    const bool ok = guarded(parent, _("The import failed; nothing was changed"), [&] {
        done = run_with_progress(parent, people ? _("Importing people") : _("Importing institutions"),
                                 [&](Progress& progress) {
                                     if (people)
                                         import_people(db, table, &progress);
                                     else
                                         import_institutions(db, table, &progress);
                                 });
    });
    if (ok && !done) show_info(parent, _("The import was stopped; nothing was changed."));
    return ok && done;
}

WorkbookPreviewDialog::WorkbookPreviewDialog(wxWindow* parent, const wxString& file, const WorkbookImport& preview)
    : wxDialog(parent, wxID_ANY, _("Workbook import preview"), wxDefaultPosition, wxSize(820, 520),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("workbook_preview_dialog");
    int creates = 0, updates = 0;
    for (const auto& [sheet, count] : preview.sheets) {
        creates += count.created;
        updates += count.updated;
    }
    wxString summary = wxString::Format(_("%s: every sheet was checked. %d records to create, %d to update, in one "
                                          "step you can undo. Nothing is written until you choose Import."),
                                        file, creates, updates);
    if (!preview.ignored.empty())
        summary += "\n" + wxString::Format(_("Sheets no import reads, left aside: %s"), joined(preview.ignored, ", "));
    auto* list = new ListPanel(this, nullptr,
                               {.title = _("Workbook import preview"),
                                .columns = {{_("Sheet"), 320},
                                            {_("To create"), 100, ColumnKind::Integer},
                                            {_("To update"), 130, ColumnKind::Integer},  // "À mettre à jour"
                                            {_("Unchanged"), 110, ColumnKind::Integer},
                                            {_("Notes"), 140}}});
    list->SetName("workbook_preview");
    auto rows = std::make_shared<TableRowSource>();
    int64_t key = 0;
    for (const auto& [sheet, count] : preview.sheets) {
        rows->add(++key, {sheet_label(sheet), wxString::Format("%d", count.created), wxString::Format("%d", count.updated),
                          wxString::Format("%d", count.unchanged), joined(count.notes, "; ")});
    }
    list->set_source(rows);
    lay_out_preview(this, summary, list);
}

bool import_workbook_file(wxWindow* parent, Database& db, const std::filesystem::path& file,
                          const std::function<bool(WorkbookPreviewDialog&)>& confirm) {
    std::vector<xlsx::Sheet> sheets;
    WorkbookImport preview;
    const bool workbook = is_workbook(file);
    try {
        if (workbook)
            sheets = xlsx::read_workbook(file);
        else
            sheets.push_back({{}, csv::read_file(file)});
    } catch (const Error& e) {
        show_error(parent, _("This file cannot be imported; nothing was changed."), u8(e.what()));
        return false;
    }
    // A CSV file, or a workbook of one sheet no import knows by its name (a one-entity
    // export): the user says which sheet of the template it holds.
    const bool one_sheet = sheets.size() == 1 && !find_importer(sheets.front().name);
    if (one_sheet) {
        const auto sheet = ask_sheet(parent, file);
        if (!sheet) return false;
        sheets.front().name = *sheet;
    }
    try {
        preview = import_workbook(db, sheets, true);
    } catch (const Error& e) {
        // The first bad row of any sheet: its sheet, row, column and reason. Nothing was written.
        show_error(parent, workbook && !one_sheet ? _("This workbook cannot be imported; nothing was changed.")
                                                  : _("This file cannot be imported; nothing was changed."),
                   u8(e.what()));
        return false;
    }
    if (preview.sheets.empty()) {
        show_error(parent, _("This workbook cannot be imported; nothing was changed."),
                   _("It has no sheet that an import reads: use the sheet names of the import template."));
        return false;
    }
    WorkbookPreviewDialog dialog(parent, u8(file.filename().string()), preview);
    const bool go = confirm ? confirm(dialog) : dialog.ShowModal() == wxID_OK;
    if (!go) return false;
    return guarded(parent, _("The import failed; nothing was changed"), [&] { import_workbook(db, sheets, false); });
}

bool run_workbook_import(wxWindow* parent, Database& db) {
    wxFileDialog choose(parent, _("Import a workbook (the import template, filled in) or a CSV file of one sheet"), {},
                        {},
                        _("Workbooks and CSV files (*.xlsx;*.csv)|*.xlsx;*.csv|Excel workbooks (*.xlsx)|*.xlsx|"
                          "CSV files (*.csv)|*.csv|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (choose.ShowModal() != wxID_OK) return false;
    return import_workbook_file(parent, db, std::filesystem::path(choose.GetPath().utf8_string()));
}

wxString run_save_template(wxWindow* parent, Database& db) {
    wxFileDialog choose(parent, _("Save the import template"), {}, _("import-template.xlsx"),
                        _("Excel workbooks (*.xlsx)|*.xlsx"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    choose.SetName("save_template_dialog");
    if (choose.ShowModal() != wxID_OK) return {};
    std::filesystem::path file(choose.GetPath().utf8_string());
    if (file.extension() != ".xlsx") file += ".xlsx";
    bool done = false;
    const bool ok = guarded(parent, _("The import template was not saved"), [&] {
        done = run_with_progress(
            parent, _("Writing the import template"),
            [&](Progress& progress) { write_import_template(db, file, &progress); }, std::chrono::milliseconds(400));
    });
    return ok && done ? u8(file.string()) : wxString();
}

}  // namespace maillage::ui
