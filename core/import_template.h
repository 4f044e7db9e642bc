#pragma once
// The import workbook (`maillage-cli template --out`, File > Save the import template in
// the window): one sheet per registered importer in the order `import workbook` loads
// them, a header row whose cells explain themselves (a note on each), drop-down lists of
// the valid codes, and a first sheet that says how to fill it.
#include <filesystem>

namespace maillage {

class Database;
class Progress;

// Writes the workbook; reports one step per sheet and stops on Cancel (throws Cancelled),
// leaving no partial file. Throws maillage::Error naming the file it cannot write.
void write_import_template(Database& db, const std::filesystem::path& file, Progress* progress = nullptr);

}  // namespace maillage
