#pragma once
// Tools > Check: the full check of the open database (what `check` does on the command
// line: storage, references, audit chain, the suite's rules, triggers and views), with
// its findings listed. Named controls: "summary" (text), "findings" (list).
#include "core/migration.h"

#include <wx/dialog.h>

#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::ui {

class CheckDialog : public wxDialog {
public:
    // Runs the check (synchronously) and shows the result.
    CheckDialog(wxWindow* parent, Database& db, const std::vector<MigrationSet>& migrations);
    const std::vector<std::string>& problems() const { return problems_; }

private:
    std::vector<std::string> problems_;
};

}  // namespace maillage::ui
