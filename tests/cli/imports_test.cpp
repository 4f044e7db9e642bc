// Issue 15: importing every entity from CSV or from one workbook, all rows or none.
// A fictional organisation's year (all four plugins) is loaded in one call and its
// figures are checked against counts worked out by hand below; bad and hostile files
// are refused with their place and leave the database exactly as it was.
#include "cli_runner.h"

#include "core/csv.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>
#include <xlsxwriter.h>
#include <zlib.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

using namespace maillage;
using maillage::test::Cli;

namespace {

using Rows = std::vector<std::vector<std::string>>;
using Book = std::vector<std::pair<std::string, Rows>>;

// Writes the sheets as text cells, but a cell "date:2025-03-10" as a real date cell (as
// a spreadsheet holds a typed date) so that the reader's date cells are covered too.
void write_book(const std::filesystem::path& path, const Book& book) {
    lxw_workbook* wb = workbook_new(path.string().c_str());
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    for (const auto& [name, rows] : book) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (std::size_t c = 0; c < rows[r].size(); ++c) {
                const auto& v = rows[r][c];
                if (v.rfind("date:", 0) == 0) {
                    lxw_datetime d{std::stoi(v.substr(5, 4)), std::stoi(v.substr(10, 2)), std::stoi(v.substr(13, 2)),
                                   0, 0, 0};
                    worksheet_write_datetime(ws, lxw_row_t(r), lxw_col_t(c), &d, date);
                } else if (!v.empty()) {
                    worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), v.c_str(), nullptr);
                }
            }
    }
    ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
}

// Every row of every table: two equal snapshots mean nothing was written.
std::string snapshot(const Cli& cli) {
    SQLite::Database db(cli.db().string(), SQLite::OPEN_READONLY);
    std::string out;
    SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (tables.executeStep()) {
        const auto name = tables.getColumn(0).getString();
        out += "## " + name + "\n";
        SQLite::Statement rows(db, "SELECT * FROM \"" + name + "\"");
        while (rows.executeStep()) {
            for (int i = 0; i < rows.getColumnCount(); ++i) out += rows.getColumn(i).getString() + "|";
            out += "\n";
        }
    }
    return out;
}

int64_t scalar(const Cli& cli, const std::string& sql) {
    SQLite::Database db(cli.db().string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
}

// A year of the "Relais du Nord": 5 institutions, 8 workers, 2 facilitators, 2 trainers,
// 2 PAT staff; one intervision cycle, one exchange table, one two-day training, one PAT
// accompaniment. One CSV file a sheet, named after it, in tests/cli/data/year-2025.
Book year_2025() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "tests/cli/data/year-2025"))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    Book book;
    for (const auto& path : files) {
        const auto table = csv::read_file(path);
        Rows rows{table.header};
        for (const auto& row : table.rows) rows.push_back(row.fields);
        book.emplace_back(path.stem().string(), std::move(rows));
    }
    return book;
}

// The sheets of `book` named in `names`.
Book sheets(const Book& book, std::initializer_list<std::string_view> names) {
    Book out;
    for (const auto& sheet : book)
        if (std::find(names.begin(), names.end(), sheet.first) != names.end()) out.push_back(sheet);
    return out;
}

class Imports : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_EQ(cli_.run({"init"}).code, 0); }
    std::filesystem::path file(const std::string& name) const { return cli_.dir() / name; }
    Cli cli_;
};

nlohmann::json section(const nlohmann::json& report, const std::string& id) {
    for (const auto& s : report["sections"])
        if (s["id"] == id) return s;
    ADD_FAILURE() << "no section " << id;
    return {};
}

}  // namespace

TEST_F(Imports, AYearOfAFictionalOrganisationInOneWorkbook) {
    write_book(file("year.xlsx"), year_2025());
    const auto before = snapshot(cli_);
    auto r = cli_.run({"import", "workbook", file("year.xlsx").string(), "--dry-run"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("intervision_attendance: 10 to create"), std::string::npos) << r.out;
    EXPECT_EQ(snapshot(cli_), before) << "a dry run writes nothing";

    r = cli_.run({"import", "workbook", file("year.xlsx").string()});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("people: 14 created"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("catalogue_attendance: 7 created"), std::string::npos) << r.out;
    // A typed date cell (30/06/2025) and a text date read alike.
    EXPECT_EQ(cli_.count("intervision_cycle WHERE end_date = '2025-06-30'"), 1);
    EXPECT_EQ(cli_.count("session WHERE kind = 'exchange' AND start_time = '09:00' AND end_time = '16:30'"), 1);

    const auto report = nlohmann::json::parse(cli_.run({"report", "--year", "2025", "--format", "json"}).out);
    // Overview, 2025, participants present: intervision w1-w5 (13 Jan, 10 Mar), training
    // w1, w2, w3, w6, exchange w6, w7, w1 (w8 did not come), PAT w4: seven people; and
    // the two representatives at the steering committee's meeting (f1, f2): nine.
    const auto overview = section(report, "core.overview")["data"];
    EXPECT_EQ(overview["participants"], 9);
    EXPECT_EQ(overview["by_activity"]["exchange"]["participations"], 3);
    // Trainings: one two-day training; w1-w3 both days, w6 the second: 4 participations,
    // 7 person-days, 2 training days.
    const auto training = section(report, "catalogue.trainings")["data"];
    EXPECT_EQ(training["participations"], 4);
    EXPECT_EQ(training["person_days"], 7);
    EXPECT_EQ(training["participants"], 4);
    EXPECT_EQ(training["training_days"], 2);
    EXPECT_EQ(training["expectations"]["yes"], 1);
    EXPECT_EQ(training["expectations"]["partly"], 1);
    EXPECT_EQ(training["expectations"]["not_assessed"], 1);
    // The steering committee met once (2 June), its two members' representatives came.
    EXPECT_EQ(overview["by_activity"]["exchange_committee"]["sessions"], 1);
    EXPECT_EQ(overview["by_activity"]["exchange_committee"]["participations"], 2);
    EXPECT_EQ(cli_.count("exchange_committee_member"), 2);
    // Intervision in 2025: two sessions held (13 Jan, 10 Mar; 12 May cancelled, October 2024
    // out of the year), five people came.
    const auto group = section(report, "intervision.cycles")["data"]["cycles"][0]["groups"][0];
    EXPECT_EQ(group["sessions_held"], 2);
    EXPECT_EQ(group["participants"], 5);
    // Exchange: 3 participants (w8 absent).
    const auto exchange = section(report, "exchange.events")["data"];
    EXPECT_EQ(exchange["totals"]["participants"], 3);
    // PAT: one organisation, two sessions (1 immersion, 1 working group), one hire.
    const auto pat = section(report, "pat.accompaniments")["data"];
    EXPECT_EQ(pat["organisations"], 1);
    EXPECT_EQ(pat["sessions"]["total"], 2);
    EXPECT_EQ(pat["sessions"]["fewer_than_two_staff"], 0);
    EXPECT_EQ(pat["hires"]["in_period"], 1);

    // The same workbook again creates nothing: every sheet's rows are known.
    const auto rows = [&] {
        return scalar(cli_, "SELECT (SELECT count(*) FROM attendance) * 1000000 + (SELECT count(*) FROM "
                            "intervision_enrolment) * 10000 + (SELECT count(*) FROM exchange_registration) * 100 + "
                            "(SELECT count(*) FROM session)");
    };
    const auto counts = rows();
    r = cli_.run({"import", "workbook", file("year.xlsx").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
        if (line.find(" created") != std::string::npos) {
            EXPECT_NE(line.find(": 0 created"), std::string::npos) << line;
        }
    EXPECT_EQ(rows(), counts);
    EXPECT_NE(r.out.find("pat_sessions: 0 created, 0 updated, 2 unchanged"), std::string::npos) << r.out;

    // The immersion took 2 hours, not 3: the corrected workbook updates that session only.
    auto corrected = year_2025();
    for (auto& [name, sheet] : corrected)
        if (name == "pat_sessions") sheet[1][3] = "2h";
    write_book(file("year-corrected.xlsx"), corrected);
    r = cli_.run({"import", "workbook", file("year-corrected.xlsx").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("pat_sessions: 0 created, 1 updated, 1 unchanged"), std::string::npos) << r.out;
    EXPECT_EQ(scalar(cli_, "SELECT duration_minutes FROM pat_session p JOIN session s ON s.id = p.session_id "
                           "WHERE s.date = '2025-02-05'"),
              120);
    EXPECT_EQ(rows(), counts) << "the same people at the same sessions";
}

TEST_F(Imports, TheFirstBadRowOfAnySheetRefusesTheWholeWorkbook) {
    auto book = year_2025();
    for (auto& [name, rows] : book)
        if (name == "pat_sessions") rows[2][4] = "s1@relais.be|nobody@relais.be";  // sheet row 3, column E
    write_book(file("bad.xlsx"), book);
    const auto before = snapshot(cli_);
    const auto r = cli_.run({"import", "workbook", file("bad.xlsx").string()});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("bad.xlsx [pat_sessions], line 3, column 5 (staff)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("nobody@relais.be"), std::string::npos) << r.err;
    EXPECT_EQ(snapshot(cli_), before) << "nothing of the good sheets before it is kept";
}

TEST_F(Imports, OneEntityFromCsvWithNaturalKeysAndClearRefusals) {
    const auto year = year_2025();
    write_book(file("base.xlsx"), sheets(year, {"programmes", "funders", "institutions", "people",
                                                 "intervision_cycles", "intervision_groups"}));
    const auto base = cli_.run({"import", "workbook", file("base.xlsx").string()});
    ASSERT_EQ(base.code, 0) << base.err;
    // Enrolments by name + institution when there is no email; a second worker of an
    // institution needs a reason.
    test::write_file(file("enrol.csv"), "cycle;group;first_name;last_name;institution\n"
                                        "2024-2025;Groupe 1;Ana;Lopez;CPAS de Forest\n"
                                        "2024-2025;Groupe 1;Emma;Janssens;CPAS de Forest\n");
    auto before = snapshot(cli_);
    auto r = cli_.run({"import", "intervision_enrolments", file("enrol.csv").string()});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("enrol.csv, line 3"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("reason"), std::string::npos) << r.err;
    EXPECT_EQ(snapshot(cli_), before);

    // Unknown codes name the valid ones; an unknown group names the cycle's groups.
    test::write_file(file("groups.csv"), "cycle,name,weekday\n2024-2025,Groupe 2,someday\n");
    r = cli_.run({"import", "intervision_groups", file("groups.csv").string()});
    EXPECT_NE(r.err.find("line 2, column 3 (weekday)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("monday"), std::string::npos) << r.err;
    test::write_file(file("enrol2.csv"), "cycle;group;email\n2024-2025;Groupe 9;w1@relais.be\n");
    r = cli_.run({"import", "intervision_enrolments", file("enrol2.csv").string()});
    EXPECT_NE(r.err.find("Groupe 1"), std::string::npos) << r.err;
    // Two cycles of one name: the programme column chooses, else the error names both.
    test::write_file(file("cycles.csv"), "name;programme;start;end\n2024-2025;support;2024-09-01;2025-06-30\n");
    ASSERT_EQ(cli_.run({"import", "intervision_cycles", file("cycles.csv").string()}).code, 0);
    r = cli_.run({"import", "intervision_enrolments", file("enrol2.csv").string()});
    EXPECT_NE(r.err.find("connect, support"), std::string::npos) << r.err;

    // Good file: created, then unchanged.
    test::write_file(file("enrol3.csv"), "cycle;programme;group;email;status\n"
                                         "2024-2025;connect;Groupe 1;w1@relais.be;\n"
                                         "2024-2025;connect;Groupe 1;w2@relais.be;liste d'attente\n");
    r = cli_.run({"import", "intervision_enrolments", file("enrol3.csv").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("2 created"), std::string::npos) << r.out;
    EXPECT_EQ(cli_.count("intervision_enrolment WHERE status = 'waiting' AND waiting_position = 1"), 1);
    before = snapshot(cli_);
    r = cli_.run({"import", "intervision_enrolments", file("enrol3.csv").string()});
    EXPECT_NE(r.out.find("0 created, 0 updated, 2 unchanged"), std::string::npos) << r.out;
    EXPECT_EQ(snapshot(cli_), before);
}

TEST_F(Imports, HostileFilesAreRefusedAndWriteNothing) {
    const auto before = snapshot(cli_);
    // Not a workbook at all, whatever its name.
    test::write_file(file("fake.xlsx"), "PK\x03\x04 this is not a zip archive at all, only its first bytes");
    auto r = cli_.run({"import", "workbook", file("fake.xlsx").string()});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("fake.xlsx, line 1"), std::string::npos) << r.err;
    // A real workbook cut in half.
    write_book(file("year.xlsx"), year_2025());
    const auto whole = test::read_file(file("year.xlsx"));
    test::write_file(file("cut.xlsx"), whole.substr(0, whole.size() / 2));
    r = cli_.run({"import", "workbook", file("cut.xlsx").string()});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("not a readable XLSX workbook"), std::string::npos) << r.err;
    // UTF-16 CSV.
    test::write_file(file("utf16.csv"), std::string("\xff\xfe" "c\0y\0c\0l\0e\0\n\0", 14));
    r = cli_.run({"import", "intervision_enrolments", file("utf16.csv").string()});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("UTF-16"), std::string::npos) << r.err;
    // A line break in a one-line cell.
    test::write_file(file("break.csv"), "code;name\nconnect;\"Con\nnect\"\n");
    r = cli_.run({"import", "programmes", file("break.csv").string()});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("break.csv, line 2, column 2 (name)"), std::string::npos) << r.err;
    EXPECT_EQ(snapshot(cli_), before);
}

// A ZIP archive whose sheet inflates to 80 MiB of spaces ("zip bomb"): refused before
// its memory is spent.
TEST_F(Imports, AZipBombIsRefused) {
    const std::string big(80u << 20, ' ');
    uLongf size = compressBound(uLong(big.size()));
    std::string deflated(size, '\0');
    z_stream z{};
    ASSERT_EQ(deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(big.data()));
    z.avail_in = uInt(big.size());
    z.next_out = reinterpret_cast<Bytef*>(deflated.data());
    z.avail_out = uInt(deflated.size());
    ASSERT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
    deflated.resize(z.total_out);
    deflateEnd(&z);
    auto le = [](std::string& s, uint32_t v, int bytes) {
        for (int i = 0; i < bytes; ++i) s += char((v >> (8 * i)) & 0xff);
    };
    const std::string name = "xl/workbook.xml";
    std::string zip, central;
    le(zip, 0x04034b50, 4), le(zip, 20, 2), le(zip, 0, 2), le(zip, 8, 2), le(zip, 0, 4), le(zip, 0, 4);
    le(zip, uint32_t(deflated.size()), 4), le(zip, uint32_t(big.size()), 4), le(zip, uint32_t(name.size()), 2);
    le(zip, 0, 2);
    zip += name + deflated;
    le(central, 0x02014b50, 4), le(central, 20, 2), le(central, 20, 2), le(central, 0, 2), le(central, 8, 2);
    le(central, 0, 4), le(central, 0, 4), le(central, uint32_t(deflated.size()), 4), le(central, uint32_t(big.size()), 4);
    le(central, uint32_t(name.size()), 2), le(central, 0, 2), le(central, 0, 2), le(central, 0, 2), le(central, 0, 2);
    le(central, 0, 4), le(central, 0, 4);
    central += name;
    const auto offset = uint32_t(zip.size());
    zip += central;
    le(zip, 0x06054b50, 4), le(zip, 0, 2), le(zip, 0, 2), le(zip, 1, 2), le(zip, 1, 2);
    le(zip, uint32_t(central.size()), 4), le(zip, offset, 4), le(zip, 0, 2);
    test::write_file(file("bomb.xlsx"), zip);
    const auto before = snapshot(cli_);
    const auto r = cli_.run({"import", "workbook", file("bomb.xlsx").string()});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("larger than 64 MiB once uncompressed"), std::string::npos) << r.err;
    EXPECT_EQ(snapshot(cli_), before);
}

TEST_F(Imports, TheTemplateHasOneSheetPerEntityInLoadingOrder) {
    ASSERT_EQ(cli_.run({"template", "--out", file("modele.xlsx").string()}).code, 0);
    // Loading the empty template is harmless: every sheet is there and empty.
    const auto before = snapshot(cli_);
    const auto r = cli_.run({"import", "workbook", file("modele.xlsx").string()});
    EXPECT_EQ(r.code, 0) << r.err;
    for (const char* sheet : {"programmes", "people", "intervision_enrolments", "intervision_attendance",
                              "exchange_registrations", "catalogue_attendance", "pat_sessions"})
        EXPECT_NE(r.out.find(std::string(sheet) + ": 0 created"), std::string::npos) << sheet << '\n' << r.out;
    EXPECT_LT(r.out.find("programmes:"), r.out.find("people:"));
    EXPECT_LT(r.out.find("people:"), r.out.find("intervision_enrolments:"));
    EXPECT_LT(r.out.find("catalogue_trainings:"), r.out.find("catalogue_attendance:"));
    EXPECT_EQ(snapshot(cli_), before);
}
