#pragma once
// File > Backups: the backups beside the open database with their date, kind, size and
// state (verified or damaged), and restoring one after a confirmation. The dialog only
// chooses: the window does the restore (it must close its pages first).
// Named controls: "backups" (list), "restore" (button).
#include <wx/dialog.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

class wxListCtrl;
class wxButton;

namespace maillage::ui {

struct BackupRow {
    std::filesystem::path file;
    std::string tag;   // auto, manual, before-upgrade, before-restore...
    std::string taken; // "2026-11-30 14:36"
    std::uintmax_t size = 0;
    std::string problem;  // empty when the backup passes its check
};

// The backups of `database` (in its backups/ folder), newest first, each checked.
std::vector<BackupRow> backup_rows(const std::filesystem::path& database);

class BackupsDialog : public wxDialog {
public:
    BackupsDialog(wxWindow* parent, const std::filesystem::path& database);
    // The backup to restore once the dialog ended with wxID_OK.
    const std::optional<std::filesystem::path>& chosen() const { return chosen_; }
    // Asks the question before restoring (tests answer it; default: a yes/no dialog).
    void set_confirmation(std::function<bool(const wxString& question)> ask) { ask_ = std::move(ask); }
    const std::vector<BackupRow>& rows() const { return rows_; }

private:
    void on_restore();
    long selected() const;

    std::filesystem::path database_;
    std::vector<BackupRow> rows_;
    wxListCtrl* list_;
    wxButton* restore_;
    std::optional<std::filesystem::path> chosen_;
    std::function<bool(const wxString&)> ask_;
};

}  // namespace maillage::ui
