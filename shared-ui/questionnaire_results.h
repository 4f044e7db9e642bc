#pragma once
// The results of a questionnaire, question by question, from
// QuestionnaireRepository::summarize: for ratings the mean and a bar per value, for
// choices a bar per option with its count, for free text the answers listed.
#include "core/questionnaires.h"

#include <wx/scrolwin.h>

#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::ui {

class QuestionnaireResults : public wxScrolledWindow {
public:
    explicit QuestionnaireResults(wxWindow* parent, wxWindowID id = wxID_ANY);

    // Shows the summaries (replacing what was shown) under a title.
    void show(const wxString& title, const std::vector<QuestionSummary>& summaries);
    // Summarizes the responses about `subject_ids` (all subjects of that kind when
    // empty) and shows them.
    void load(Database& db, int64_t questionnaire_id, const std::string& subject_kind,
              const std::vector<int64_t>& subject_ids = {});

    // "Mean 4.20 / 5 (10 answers)" style line of question n, as shown.
    wxString summary_line(size_t n) const;

private:
    std::vector<wxString> lines_;
};

}  // namespace maillage::ui
