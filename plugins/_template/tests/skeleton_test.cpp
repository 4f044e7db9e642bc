// The rules of the skeleton plugin, on an in-memory database (no display needed).
#include "skeleton_plugin.h"

#include "core/error.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace maillage::skeleton {

TEST(Skeleton, NotesAreListedNewestFirstAndAnEmptyOneChangesNothing) {
    auto db = test::memory_db({{kPluginId, migrations()}});
    add_note(*db, "First visit", "2026-03-02");
    add_note(*db, "Second visit", "2026-05-10");
    EXPECT_THROW(add_note(*db, "  ", "2026-06-01"), Error);
    const auto notes = list_notes(*db);
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(notes[0].text, "Second visit");
    EXPECT_EQ(notes[1].day, "2026-03-02");
}

TEST(Skeleton, ReportCountsTheNotesOfTheYearOnly) {
    auto db = test::memory_db({{kPluginId, migrations()}});
    add_note(*db, "Last year", "2025-12-31");
    add_note(*db, "This year", "2026-01-01");
    const auto sections = notes_section()->build(*db, ReportScope{.year = 2026});
    ASSERT_EQ(sections.size(), 1u);
    EXPECT_EQ(sections[0].data["notes"], 1);
}

}  // namespace maillage::skeleton
