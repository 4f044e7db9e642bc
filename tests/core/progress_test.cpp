// Long imports report each row written and stop, changing nothing, when cancelled.
#include "core/csv.h"
#include "core/entity_import.h"
#include "core/import_export.h"
#include "core/import_template.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/progress.h"
#include "core/xlsx_read.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace maillage;

namespace {

// Remembers every report; cancels once `stop_at` rows are done (0: never).
class Recorder : public Progress {
public:
    explicit Recorder(std::size_t stop_at = 0) : stop_at_(stop_at) {}
    void report(std::size_t done, std::size_t total, const std::string& what) override {
        steps.push_back(done);
        totals.push_back(total);
        names.push_back(what);
    }
    bool cancelled() const override { return stop_at_ && !steps.empty() && steps.back() >= stop_at_; }
    std::vector<std::size_t> steps, totals;
    std::vector<std::string> names;

private:
    std::size_t stop_at_;
};

csv::Table institutions_csv(int n) {
    std::string text = "name;municipality;sectors\n";
    for (int i = 1; i <= n; ++i) text += "Service " + std::to_string(i) + ";Namur;homeless\n";
    return csv::parse(text, "institutions.csv");
}

}  // namespace

TEST(ImportProgress, ReportsEveryRowInOrderUpToTheTotal) {
    auto db = test::memory_db();
    Recorder progress;
    import_institutions(*db, institutions_csv(300), &progress);
    ASSERT_EQ(progress.steps.size(), 300u);
    for (std::size_t i = 0; i < progress.steps.size(); ++i) {
        EXPECT_EQ(progress.steps[i], i + 1);
        EXPECT_EQ(progress.totals[i], 300u);
    }
    EXPECT_EQ(progress.names.front(), "Service 1");
    EXPECT_EQ(InstitutionRepository(*db).count(), 300);
}

TEST(ImportProgress, CancelRollsBackTheWholeImport) {
    auto db = test::memory_db();
    import_institutions(*db, institutions_csv(3));
    const auto audit_before = db->scalar_int("SELECT count(*) FROM audit_log");
    Recorder progress(120);
    EXPECT_THROW(import_institutions(*db, institutions_csv(500), &progress), Cancelled);
    EXPECT_EQ(progress.steps.back(), 120u);
    EXPECT_EQ(InstitutionRepository(*db).count(), 3);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM audit_log"), audit_before);
}

TEST(ImportProgress, PeopleImportReportsAndCancels) {
    auto db = test::memory_db();
    std::string text = "first_name;last_name;email;institution\n";
    for (int i = 1; i <= 50; ++i)
        text += "Ann;Peeters" + std::to_string(i) + ";ann" + std::to_string(i) + "@example.be;CPAS de Namur\n";
    const auto table = csv::parse(text, "people.csv");
    Recorder stop(10);
    EXPECT_THROW(import_people(*db, table, &stop), Cancelled);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM person"), 0);
    EXPECT_EQ(InstitutionRepository(*db).count(), 0);
    Recorder all;
    import_people(*db, table, &all);
    EXPECT_EQ(all.steps.size(), 50u);
    EXPECT_EQ(all.steps.back(), 50u);
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM person"), 50);
}

// The import template (File > Save the import template) reports one step per sheet, and a
// Cancel leaves no file behind, not even a half-written one.
TEST(TemplateProgress, OneStepPerSheetAndCancelLeavesNoFile) {
    auto db = test::memory_db();
    test::TempDir dir;
    Recorder all;
    write_import_template(*db, dir / "modele.xlsx", &all);
    const auto sheets = registered_importers();
    ASSERT_FALSE(sheets.empty());
    EXPECT_EQ(all.names.front(), sheets.front().sheet);
    EXPECT_EQ(all.steps.back(), sheets.size());
    EXPECT_TRUE(std::filesystem::exists(dir / "modele.xlsx"));
    EXPECT_EQ(xlsx::read_workbook(dir / "modele.xlsx").size(), sheets.size());

    Recorder stop(2);
    EXPECT_THROW(write_import_template(*db, dir / "stopped.xlsx", &stop), Cancelled);
    EXPECT_FALSE(std::filesystem::exists(dir / "stopped.xlsx"));
}
