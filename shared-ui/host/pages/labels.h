#pragma once
// Translated labels of the core's codes (regions, languages, roles...) shared by the
// core pages, and UTF-8 conversions.
#include <wx/string.h>

#include <string>
#include <utility>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::ui {

inline wxString u8(const std::string& s) { return wxString::FromUTF8(s); }
inline std::string s8(const wxString& s) { return s.utf8_string(); }

using CodeLabels = std::vector<std::pair<std::string, wxString>>;
CodeLabels region_labels();          // brussels, wallonia, flanders
CodeLabels institution_languages();  // fr, nl, bilingual
CodeLabels person_languages();       // fr, nl, en
CodeLabels role_labels();            // worker, peer_worker, ...
CodeLabels sector_families();        // social, mental_health, other
CodeLabels attendance_statuses();
CodeLabels attendance_roles();

// The label of a code in a table, or the code itself when unknown.
wxString label_of(const CodeLabels& labels, const std::string& code);

// The sector's label in the UI language, and all sectors' labels by id.
wxString sector_label(Database& db, int64_t id, const std::string& language);

}  // namespace maillage::ui
