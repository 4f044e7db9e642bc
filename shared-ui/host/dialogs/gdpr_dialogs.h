#pragma once
// The People page's GDPR actions: export everything about a person (right of access,
// HTML or JSON), and erase a person after a confirmation that names them and says what
// goes and what stays. Controls are named (SetName) so that tests drive them.
#include <wx/dialog.h>

#include <cstdint>
#include <filesystem>

class wxCheckBox;
class wxFilePickerCtrl;
class wxRadioBox;

namespace maillage {
class Database;
}

namespace maillage::ui {

class GdprExportDialog : public wxDialog {
public:
    // Named controls: "format" (radio: HTML, JSON), "file" (path), "export" (OK button).
    GdprExportDialog(wxWindow* parent, Database& db, int64_t person_id);
    // The file written once the dialog ended with wxID_OK.
    const std::filesystem::path& written() const { return written_; }

private:
    void on_format();
    bool export_now();

    Database& db_;
    int64_t person_;
    wxRadioBox* format_;
    wxFilePickerCtrl* file_;
    std::filesystem::path written_;
};

class GdprEraseDialog : public wxDialog {
public:
    // Named controls: "understood" (check box), "erase" (the button, enabled once checked).
    GdprEraseDialog(wxWindow* parent, Database& db, int64_t person_id);
    // True when the user stopped the erasure in its progress dialog (nothing erased).
    bool stopped() const { return stopped_; }

private:
    bool erase_now();

    Database& db_;
    int64_t person_;
    wxCheckBox* understood_;
    bool stopped_ = false;
};

// Ends a dialog whether it was shown modally (the window) or not (tests).
void finish_dialog(wxDialog* dialog, int code);

}  // namespace maillage::ui
