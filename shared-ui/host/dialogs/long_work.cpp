#include "long_work.h"

#include "shared-ui/progress.h"

#include "core/backup.h"
#include "core/gdpr.h"
#include "core/restore.h"

#include <wx/intl.h>

namespace maillage::ui {

bool backup_with_progress(wxWindow* parent, Database& db, const std::filesystem::path& target) {
    return run_with_progress(parent, _("Backup"), [&](Progress& progress) { backup_to(db, target, &progress); });
}

std::optional<RestoreOutcome> restore_with_progress(wxWindow* parent, const std::filesystem::path& backup,
                                                    const std::filesystem::path& live) {
    std::optional<RestoreOutcome> outcome;
    if (!run_with_progress(parent, _("Restore"),
                           [&](Progress& progress) { outcome = restore_backup(backup, live, &progress); }))
        return std::nullopt;
    return outcome;
}

bool erase_with_progress(wxWindow* parent, Database& db, const std::vector<int64_t>& person_ids) {
    return run_with_progress(parent, _("Erasure (GDPR)"),
                             [&](Progress& progress) { erase_people(db, person_ids, "request", &progress); });
}

}  // namespace maillage::ui
