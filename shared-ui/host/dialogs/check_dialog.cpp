#include "check_dialog.h"

#include "core/database.h"
#include "core/integrity.h"

#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

namespace maillage::ui {

CheckDialog::CheckDialog(wxWindow* parent, Database& db, const std::vector<MigrationSet>& migrations)
    : wxDialog(parent, wxID_ANY, _("Check the database"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("check_dialog");
    {
        wxBusyCursor busy;
        problems_ = check_database(db, migrations);
    }
    const int width = FromDIP(620);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* summary = new wxStaticText(
        this, wxID_ANY,
        problems_.empty() ? _("No problem found.")
                          : wxString::Format(wxPLURAL("%zu problem found.", "%zu problems found.", problems_.size()),
                                             problems_.size()));
    summary->SetName("summary");
    summary->SetFont(summary->GetFont().Bold().Larger());
    sizer->Add(summary, 0, wxALL, 12);
    auto* file = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(db.path().string()));
    sizer->Add(file, 0, wxLEFT | wxRIGHT, 12);
    auto* what = new wxStaticText(
        this, wxID_ANY,
        _("Checked: the file itself, the links between records, the history of changes (nothing altered or "
          "removed), the suite's rules (erased people hold no personal data, merged institutions are no longer "
          "used, versions of the data structure) and the automatic rules stored in the file."));
    what->Wrap(width);
    sizer->Add(what, 0, wxALL, 12);
    auto* findings = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(width, FromDIP(200)));
    findings->SetName("findings");
    for (const auto& p : problems_) findings->Append(wxString::FromUTF8(p));
    sizer->Add(findings, 1, wxEXPAND | wxLEFT | wxRIGHT, 12);
    if (problems_.empty()) findings->Hide();  // nothing to list: the summary says it
    if (!problems_.empty()) {
        auto* advice = new wxStaticText(
            this, wxID_ANY,
            _("If these problems are new, restore a recent backup (File > Backups). Otherwise, send this list to "
              "whoever looks after your installation; nothing was changed."));
        advice->Wrap(width);
        sizer->Add(advice, 0, wxALL, 12);
    }
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    auto* close = new wxButton(this, wxID_CANCEL, _("Close"));
    close->SetDefault();
    buttons->Add(close);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CANCEL);
}

}  // namespace maillage::ui
