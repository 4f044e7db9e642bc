#pragma once
// Restoring a backup over the live database, safely: the backup is checked first, the
// erasures recorded in the live database's ledger are applied to it again (a GDPR
// erasure survives a restore), the live file is kept as a "before-restore" backup, and
// the swap is a rename, so a crash leaves either the old database or the new one.
#include <filesystem>
#include <optional>

namespace maillage {

class Progress;

struct RestoreOutcome {
    std::optional<std::filesystem::path> replaced_copy;  // the live database as it was
    int erasures_reapplied = 0;
};

// Replaces `live` with `backup`. The live database must not be open for writing by
// another program (its lock is taken). Throws maillage::Error, with `live` untouched,
// when the backup is damaged, not a Maillage database, newer than this program, or
// when the live database is in use. With `progress`, each stage is reported; a cancel
// before the swap throws Cancelled with `live` untouched and nothing left beside it.
RestoreOutcome restore_backup(const std::filesystem::path& backup, const std::filesystem::path& live,
                              Progress* progress = nullptr);

}  // namespace maillage
