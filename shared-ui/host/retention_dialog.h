#pragma once
// Tools > Retention: the retention period of each kind of personal data, and what is
// due today, erased or made anonymous only on the user's confirmation (core/retention.h).
#include <wx/dialog.h>

class wxListCtrl;
class wxSpinCtrl;
class wxButton;

namespace maillage {
class Database;
}

namespace maillage::ui {

class RetentionDialog : public wxDialog {
public:
    RetentionDialog(wxWindow* parent, Database& db);
    // True when the dialog erased or anonymised something.
    bool changed() const { return changed_; }

private:
    void load();
    void save_periods();
    void apply();

    Database& db_;
    wxSpinCtrl* people_ = nullptr;
    wxSpinCtrl* evaluations_ = nullptr;
    wxListCtrl* due_ = nullptr;
    wxButton* apply_ = nullptr;
    bool changed_ = false;
};

}  // namespace maillage::ui
