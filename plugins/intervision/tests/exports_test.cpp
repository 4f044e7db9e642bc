#include "enrolment_rules.h"
#include "intervision_evaluation.h"
#include "intervision_exports.h"
#include "session_scheduler.h"
#include "test_fixture.h"

#include "core/error.h"
#include "core/people.h"
#include "core/sessions.h"
#include "tests/support/test_support.h"

#include "pdf_text.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <regex>

using namespace maillage;
using namespace maillage::intervision;

namespace {

struct ExportsTest : ::testing::Test {
    intervision::test::World w;
    int64_t cycle = w.cycle("2024-2025", "2024-09-01", "2025-06-30");
    int64_t shelter = w.institution("Abri", "homeless", "Rue Haute 1");
    int64_t fac = w.person("fac", shelter, "facilitator");
    int64_t g = w.group(cycle, "Groupe 1", 1, 2, 10, fac);
    int64_t anna = w.person("anna", shelter), bert = w.person("bert", w.institution("SSM", "mental_health"));
    std::vector<int64_t> sessions;
    maillage::test::TempDir dir;

    void SetUp() override {
        EnrolmentRules rules(w.db());
        rules.enrol(g, anna, "2024-09-01");
        rules.enrol(g, bert, "2024-09-01");
        sessions = SessionScheduler(w.db()).generate(g);
    }
    std::string email(int64_t id) { return PersonRepository(w.db()).get(id)->email; }
    // One member of a zip file (unzip: scripts/setup installs it).
    static std::string unzip(const std::filesystem::path& zip, const std::string& member) {
        const auto out = std::filesystem::path(zip).replace_extension(".member");
        const std::string command = "unzip -p '" + zip.string() + "' '" + member + "' > '" + out.string() + "'";
        if (std::system(command.c_str()) != 0) return {};
        return maillage::test::read_file(out);
    }
};

TEST_F(ExportsTest, AttendanceIsImportedFromCsvAllOrNothing) {
    const auto file = dir / "attendance.csv";
    maillage::test::write_file(file, "date;email;status;reason;role\r\n"
                                     "2024-09-09;" + email(anna) + ";present;;\r\n"
                                     "2024-09-09;" + email(bert) + ";excused;malade;\r\n"
                                     "2024-09-09;" + email(fac) + ";present;;facilitator\r\n");
    EXPECT_EQ(import_attendance_csv(w.db(), g, file), 3);
    const auto a = SessionRepository(w.db()).attendance(sessions[0]);
    ASSERT_EQ(a.size(), 3u);
    int facilitators = 0;
    for (const auto& x : a) {
        if (x.person_id == bert) {
            EXPECT_EQ(x.status, "excused");
            EXPECT_EQ(x.reason, "malade");
        }
        if (x.role == "facilitator") ++facilitators;
    }
    EXPECT_EQ(facilitators, 1);

    // Dates as typed in a Belgian spreadsheet are read too.
    maillage::test::write_file(file, "date;email;status\r\n9/09/2024;" + email(anna) + ";absent\r\n");
    EXPECT_EQ(import_attendance_csv(w.db(), g, file), 1);

    // A bad line: nothing of the file is kept, and the error says where.
    maillage::test::write_file(file, "date,email,status\n"
                                     "2024-10-14," + email(anna) + ",present\n"
                                     "2024-10-15," + email(bert) + ",present\n");
    try {
        import_attendance_csv(w.db(), g, file);
        FAIL() << "no error";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.line(), 3);
        EXPECT_EQ(e.column(), 1);
    }
    EXPECT_TRUE(SessionRepository(w.db()).attendance(sessions[1]).empty());
}

TEST_F(ExportsTest, ParticipantListAndAttendanceSheet) {
    const auto c = w.person("carl", shelter);
    EnrolmentRules(w.db()).enrol(g, c, "2024-09-01", "deux équipes");
    const auto rows = participant_rows(w.db(), cycle);
    ASSERT_EQ(rows.size(), 3u);
    const auto text = participants_csv(rows);
    EXPECT_NE(text.find("deux équipes"), std::string::npos);
    EXPECT_NE(text.find("aide aux personnes sans-abri"), std::string::npos);
    const auto xlsx = dir / "p.xlsx";
    write_participants_xlsx(rows, xlsx);
    EXPECT_EQ(maillage::test::read_file(xlsx).substr(0, 2), "PK");  // a zip container
    // Dates are date cells (serial days, displayed dd/mm/yyyy), not text: 2024-09-01 = 45536.
    const std::string sheet = unzip(xlsx, "xl/worksheets/sheet1.xml");
    EXPECT_NE(sheet.find("<v>45536</v>"), std::string::npos) << sheet;
    EXPECT_EQ(unzip(xlsx, "xl/sharedStrings.xml").find("2024-09-01"), std::string::npos);
    EXPECT_NE(unzip(xlsx, "xl/styles.xml").find("dd/mm/yyyy"), std::string::npos);

    const auto html = attendance_sheet_html(w.db(), sessions[0]);
    EXPECT_NE(html.find("carl"), std::string::npos);
    EXPECT_NE(html.find("fac"), std::string::npos);
    EXPECT_NE(html.find("Rue Haute 1"), std::string::npos);
    // The sheet is read by people: the date written out, not ISO.
    EXPECT_FALSE(std::regex_search(html, std::regex("\\d{4}-\\d{2}-\\d{2}"))) << html;
}

// Issue 18: the attendance sheet is also drawn natively as a PDF to print and sign.
TEST_F(ExportsTest, AttendanceSheetPdfListsFacilitatorsAndParticipants) {
    const auto pdf = dir / "sheet.pdf";
    write_attendance_sheet_pdf(w.db(), sessions[0], pdf);
    EXPECT_EQ(maillage::test::pdf_pages(pdf), 1);
    const auto text = maillage::test::pdf_text(pdf);
    for (const char* word : {"anna", "bert", "fac", "Rue Haute 1", "Signature", "Page 1 / 1"})
        EXPECT_NE(text.find(word), std::string::npos) << word << "\n" << text;
}

TEST_F(ExportsTest, EvaluationTemplateIsCreatedOnceAndSummarised) {
    const auto id = ensure_evaluation_template(w.db());
    EXPECT_EQ(ensure_evaluation_template(w.db()), id);
    submit_evaluation(w.db(), g, anna, {{1, {0.0, ""}}, {2, {4.0, ""}}, {6, {std::nullopt, "utile"}}});
    submit_evaluation(w.db(), g, bert, {{1, {1.0, ""}}, {2, {5.0, ""}}});
    EXPECT_THROW(submit_evaluation(w.db(), g, bert, {{2, {9.0, ""}}}), Error);
    EXPECT_THROW(submit_evaluation(w.db(), g, bert, {{42, {1.0, ""}}}), Error);
    const auto summary = evaluation_summary(w.db(), {g});
    ASSERT_GE(summary.size(), 6u);
    EXPECT_EQ(summary[1].answered, 2);
    EXPECT_DOUBLE_EQ(summary[1].mean, 4.5);
    EXPECT_EQ(summary[5].texts, std::vector<std::string>{"utile"});
}

}  // namespace
