#include "backups_dialog.h"

#include "gdpr_dialogs.h"

#include "shared-ui/messages.h"

#include "core/backup.h"
#include "core/backup_policy.h"

#include <wx/button.h>
#include <wx/filename.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include <fmt/format.h>

#include <chrono>

namespace maillage::ui {
namespace {
wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

wxString kind_label(const std::string& tag) {
    if (tag == "auto") return _("Automatic (daily)");
    if (tag == "manual") return _("Made by hand");
    if (tag == "before-upgrade") return _("Before an upgrade");
    if (tag == "before-restore") return _("Before a restore");
    return u8(tag);
}
}  // namespace

std::vector<BackupRow> backup_rows(const std::filesystem::path& database) {
    std::vector<BackupRow> rows;
    for (const auto& b : list_backups(default_backup_dir(database), database)) {
        BackupRow r;
        r.file = b.file;
        r.tag = b.tag;
        const auto day = std::chrono::floor<std::chrono::days>(b.taken);
        const std::chrono::year_month_day ymd(day);
        const std::chrono::hh_mm_ss time(b.taken - day);
        r.taken = fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", int(ymd.year()), unsigned(ymd.month()),
                              unsigned(ymd.day()), time.hours().count(), time.minutes().count());
        std::error_code ec;
        r.size = std::filesystem::file_size(b.file, ec);
        r.problem = check_file(b.file);
        rows.push_back(std::move(r));
    }
    return rows;
}

BackupsDialog::BackupsDialog(wxWindow* parent, const std::filesystem::path& database)
    : wxDialog(parent, wxID_ANY, _("Backups"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      database_(database) {
    SetName("backups_dialog");
    {
        wxBusyCursor busy;
        rows_ = backup_rows(database);
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* where = new wxStaticText(this, wxID_ANY,
                                   wxString::Format(_("Backups of %s"), u8(database.filename().string())));
    where->SetFont(where->GetFont().Bold());
    sizer->Add(where, 0, wxALL, 12);
    auto* explain = new wxStaticText(
        this, wxID_ANY,
        rows_.empty() ? _("No backup yet. Maillage makes one automatically once a day when it closes; File > Backup "
                          "makes one now.")
                      : wxString::Format(_("In %s. Each backup was checked just now: only a verified one can be "
                                           "restored. Maillage keeps one a day for a week, one a week for a month "
                                           "and one a month for a year."),
                                         u8(default_backup_dir(database).string())));
    explain->Wrap(FromDIP(640));
    sizer->Add(explain, 0, wxLEFT | wxRIGHT | wxBOTTOM, 12);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(640, 260)),
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName("backups");
    list_->AppendColumn(_("Taken on"), wxLIST_FORMAT_LEFT, FromDIP(140));
    list_->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(160));
    list_->AppendColumn(_("Size"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    list_->AppendColumn(_("State"), wxLIST_FORMAT_LEFT, FromDIP(230));
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const auto& r = rows_[i];
        const long at = list_->InsertItem(long(i), u8(r.taken));
        list_->SetItem(at, 1, kind_label(r.tag));
        list_->SetItem(at, 2, wxFileName::GetHumanReadableSize(wxULongLong(r.size)));
        list_->SetItem(at, 3, r.problem.empty() ? _("Verified") : wxString::Format(_("Damaged: %s"), u8(r.problem)));
        if (!r.problem.empty()) list_->SetItemTextColour(at, *wxRED);
    }
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 12);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    restore_ = new wxButton(this, wxID_ANY, _("Restore this backup"));
    restore_->SetName("restore");
    restore_->Disable();
    buttons->Add(restore_);
    buttons->AddStretchSpacer();
    auto* close = new wxButton(this, wxID_CANCEL, _("Close"));
    buttons->Add(close);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CANCEL);

    auto update = [this] {
        const long i = selected();
        restore_->Enable(i >= 0 && rows_[std::size_t(i)].problem.empty());
    };
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [update](wxListEvent&) { update(); });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [update](wxListEvent&) { update(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { on_restore(); });
    restore_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_restore(); });
    ask_ = [this](const wxString& question) { return confirm(this, question, _("Restore")); };
}

long BackupsDialog::selected() const { return list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }

void BackupsDialog::on_restore() {
    const long i = selected();
    if (i < 0 || !rows_[std::size_t(i)].problem.empty()) return;
    const auto& r = rows_[std::size_t(i)];
    const wxString question = wxString::Format(
        _("Replace the open database by the backup taken on %s (%s)?\n\nEverything changed since then is replaced. "
          "The current content is kept as a \"before a restore\" backup, and people erased since are erased again."),
        u8(r.taken), kind_label(r.tag));
    if (!ask_(question)) return;
    chosen_ = r.file;
    finish_dialog(this, wxID_OK);
}

}  // namespace maillage::ui
