#pragma once
// The plugin's identity, shared by its logic module (maillage_skeleton.so) and its window
// module (maillage_skeleton_ui.so), and its rules: dated notes in one table.
#include "core/migration.h"
#include "core/report.h"

namespace maillage::skeleton {

inline constexpr char kPluginId[] = "skeleton";
inline constexpr char kPluginVersion[] = "0.1.0";

struct Note { int64_t id = 0; std::string day, text; };  // day: ISO date

std::vector<Migration> migrations();
// Adds a note dated `day` (ISO; empty = today); throws maillage::Error on an empty text.
int64_t add_note(Database& db, const std::string& text, const std::string& day = {});
std::vector<Note> list_notes(Database& db);  // newest first
// The report section "skeleton.notes": data {"notes": notes dated in the scope}.
std::shared_ptr<const ReportSectionProvider> notes_section();

}  // namespace maillage::skeleton
