#pragma once
// The first start on an empty database (and File > New database): a short assistant
// with the organisation's name, the UI language, its programmes and funders (each with
// an optional parent), and an offer to import existing spreadsheets. Every control has a
// name (SetName) so that journey tests drive it as a user would.
#include <wx/dialog.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

class wxButton;
class wxChoice;
class wxListBox;
class wxSimplebook;
class wxStaticText;
class wxTextCtrl;

namespace maillage {
class Database;
class Suite;
}  // namespace maillage

namespace maillage::ui {

class FirstStartAssistant : public wxDialog {
public:
    // `language` is the UI language in use; `language_applies_now` says whether the
    // window is built after the assistant (first start) or only at the next start.
    FirstStartAssistant(wxWindow* parent, Database& db, const std::string& language, bool language_applies_now);

    // The UI language chosen on the first page: "fr", "nl" or "en".
    std::string language() const;

private:
    struct ReferenceBox {
        wxListBox* list = nullptr;
        wxTextCtrl *code = nullptr, *name = nullptr;
        wxChoice* parent = nullptr;
        std::vector<std::string> codes, names, parents;
    };

    wxWindow* organisation_page();
    wxWindow* reference_page();
    wxWindow* import_page();
    void add_reference_box(wxWindow* page, wxSizer* into, ReferenceBox& box, const wxString& title,
                           const wxString& example_code, const wxString& example_name, const char* prefix);
    void add_reference(ReferenceBox& box);
    void remove_reference(ReferenceBox& box);
    void refill(ReferenceBox& box);
    void go(int page);
    bool save();  // writes page 1 and 2 in one transaction; false (message shown) when refused

    Database& db_;
    wxSimplebook* book_ = nullptr;
    wxTextCtrl* organisation_ = nullptr;
    wxChoice* language_ = nullptr;
    ReferenceBox programmes_, funders_;
    wxStaticText* problem_ = nullptr;
    wxStaticText* imported_ = nullptr;
    wxButton *back_ = nullptr, *next_ = nullptr;
    bool language_applies_now_ = false;
    bool saved_ = false;
};

// The demo database, in the user's data folder beside (never instead of) their own.
std::filesystem::path demo_database_path();

// Opens the demo database in the suite, writing the demo content when it is new.
void open_demo(Suite& suite, int year);

// The first-start hook: when the open database has never been set up
// (needs_first_start), shows the assistant. When the user finishes it, the chosen
// language is saved in the preferences and returned.
std::optional<std::string> run_first_start(wxWindow* parent, Database& db, const std::string& language,
                                           bool language_applies_now);

}  // namespace maillage::ui
