#pragma once
// Helpers shared by the import, export and report commands.
#include "cli_context.h"

#include "core/error.h"
#include "core/i18n.h"

#include <filesystem>

namespace maillage::cli {

// The database for a command that works on existing data: a mistyped --db must not
// silently create an empty database (init does that).
inline Database& existing_database(CliRun& run) {
    const auto path = run.database_path();
    if (!std::filesystem::exists(path))
        throw Error(trf("There is no database at {file}; create it with \"maillage-cli init\" or check --db.",
                        fmt::arg("file", path.string())));
    return run.database();
}

}  // namespace maillage::cli
