#pragma once
// A plugin's importers declared as one table (sheet, order, title, columns, rows) instead
// of one register_importer call each (core/entity_import.h).
//
//   register_importers("pat", {{"pat_hires", 420, N_("PAT hires"), hire_docs, import_hires}});
#include "core/entity_import.h"
#include "core/i18n.h"

#include <initializer_list>
#include <vector>

namespace maillage {

struct ImporterSheet {
    const char* sheet;
    int order;
    const char* title;  // marked with N_(), translated when shown
    std::vector<ImportColumnDoc> (*columns)();
    ImportCount (*apply)(Database&, const csv::Table&);
};

// A sheet's columns: the ones it shares with other sheets (an event's, a person's...)
// followed by its own.
template <class... More>
std::vector<ImportColumnDoc> join_columns(std::vector<ImportColumnDoc> columns, const More&... more) {
    (columns.insert(columns.end(), more.begin(), more.end()), ...);
    return columns;
}

inline void register_importers(const char* plugin, std::initializer_list<ImporterSheet> sheets) {
    for (const auto& s : sheets)
        register_importer({s.sheet, plugin, s.order, [title = s.title] { return tr(title); }, s.columns, s.apply});
}

}  // namespace maillage
