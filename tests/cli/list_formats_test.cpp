// Every list command of the intervision and PAT plugins (and the exchange and catalogue
// ones that share the core's list output) in each of --format table, csv and json: the
// columns, ids and the keys a user types (email, institution name, cycle + programme,
// group name, "institution@request date"). JSON parses; CSV reads back through the core's
// CSV reader to the same values. The database is made through the CLI from `init`.
#include "cli_runner.h"

#include "core/csv.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>

using namespace maillage;
using test::Cli;
using test::Result;

namespace {

struct ListCase {
    std::vector<std::string> args;                      // the list command, without --format
    std::vector<std::string> keys;                      // the JSON keys and the CSV header, in order
    std::map<std::string, nlohmann::json> expected;     // one row has these values
    std::string table_text;                             // what the table format shows
};

class ListFormats : public ::testing::Test {
protected:
    void SetUp() override {
        cli_ = std::make_unique<Cli>();
        const auto ok = [this](const std::vector<std::string>& args) {
            const auto r = cli_->run(args);
            ASSERT_EQ(r.code, 0) << r.out << r.err;
        };
        ok({"init"});
        ok({"programme", "create", "connect", "--name", "Connect"});
        ok({"funder", "create", "COCOM", "--name", "COCOM"});
        ok({"institution", "create", "CPAS de Forest", "--region", "brussels"});
        ok({"institution", "create", "Abri Le Phare; nuit", "--region", "brussels"});  // a separator in a key
        const auto people = cli_->dir() / "people.csv";
        test::write_file(people, "first_name;last_name;email;institution\n"
                                 "Ana;Lopez;ana@relais.be;CPAS de Forest\n"
                                 "Ben;\"Martin \"\"Benji\"\"\";ben@relais.be;\"Abri Le Phare; nuit\"\n"
                                 "Fay;Claes;fay@relais.be;CPAS de Forest\n");
        ok({"import", "people", people.string()});
        ok({"intervision", "cycle", "create", "--name", "2025-2026", "--programme", "connect", "--start", "2025-09-01",
            "--end", "2026-06-30", "--funder", "COCOM"});
        ok({"intervision", "group", "create", "--cycle", "2025-2026", "--name", "Groupe 1", "--weekday", "tuesday",
            "--start", "09:30", "--end", "12:00", "--capacity", "1", "--facilitator", "fay@relais.be"});
        ok({"intervision", "enrol", "--cycle", "2025-2026", "--group", "Groupe 1", "--person", "ana@relais.be", "--date",
            "2025-09-01"});
        ok({"intervision", "enrol", "--cycle", "2025-2026", "--group", "Groupe 1", "--person", "ben@relais.be", "--date",
            "2025-09-02"});
        ok({"intervision", "schedule", "--cycle", "2025-2026"});
        ok({"intervision", "attendance", "set", "--session", "2025-09-02", "--group", "Groupe 1", "--cycle",
            "2025-2026", "--person", "ana@relais.be"});
        ok({"pat", "request", "create", "--institution", "CPAS de Forest", "--date", "2025-01-10", "--funder", "COCOM",
            "--contact", "ana@relais.be", "--planned", "6"});
        ok({"pat", "decide", "CPAS de Forest", "accepted", "--date", "2025-02-01"});
        ok({"pat", "steps", "set", "CPAS de Forest@2025-01-10", "needs_analysis", "done", "--date", "2025-02-03"});
        ok({"pat", "session", "add", "CPAS de Forest", "--type", "working_group", "--date", "2025-03-04", "--duration",
            "90", "--staff", "fay@relais.be,ben@relais.be", "--attendee", "ana@relais.be", "--title",
            "Atelier; \"pairs\""});
        ok({"pat", "hire", "add", "CPAS de Forest", "--date", "2025-06-01", "--job-title", "Pair-aidante",
            "--working-time", "50", "--person", "ben@relais.be"});
        ok({"exchange", "event", "create", "--title", "Logement d'abord", "--date", "2026-11-16"});
        ok({"catalogue", "edition", "create", "2026", "--title", "Formations 2026; \"printemps\""});
    }
    Result run(std::vector<std::string> args, const std::string& format) const {
        args.insert(args.end(), {"--format", format});
        return cli_->run(args);
    }
    std::unique_ptr<Cli> cli_;
};

std::string joined(const std::vector<std::string>& args) {
    std::string s;
    for (const auto& a : args) s += (s.empty() ? "" : " ") + a;
    return s;
}

// The JSON value as the CSV cell writes it.
std::string as_cell(const nlohmann::json& v) {
    if (v.is_null()) return "";
    if (v.is_string()) return v.get<std::string>();
    return v.dump();
}

const std::vector<ListCase> kCases = {
    {{"intervision", "cycle", "list"},
     {"id", "name", "programme", "start", "end", "audience", "funder", "groups"},
     {{"id", 1}, {"name", "2025-2026"}, {"programme", "connect"}, {"start", "2025-09-01"}, {"funder", "COCOM"},
      {"groups", 1}},
     "2025-2026"},
    {{"intervision", "group", "list", "--cycle", "2025-2026", "--programme", "connect"},
     {"id", "cycle", "programme", "name", "language", "weekday", "week_of_month", "half_day", "start_time", "end_time",
      "capacity", "facilitator1", "facilitator2", "venue", "place", "enrolled", "waiting"},
     {{"id", 1}, {"cycle", "2025-2026"}, {"programme", "connect"}, {"name", "Groupe 1"}, {"weekday", "tuesday"},
      {"capacity", 1}, {"facilitator1", "fay@relais.be"}, {"facilitator2", nullptr}, {"enrolled", 1}, {"waiting", 1}},
     "Groupe 1"},
    {{"intervision", "enrolments", "list", "--cycle", "2025-2026"},
     {"id", "cycle", "programme", "group", "email", "person", "institution", "sector", "status", "waiting_position",
      "enrolled_on", "left_on", "reason"},
     {{"cycle", "2025-2026"}, {"group", "Groupe 1"}, {"email", "ben@relais.be"}, {"person", "Ben Martin \"Benji\""},
      {"institution", "Abri Le Phare; nuit"}, {"status", "waiting"}, {"waiting_position", 1},
      {"enrolled_on", "2025-09-02"}, {"left_on", nullptr}},
     "ana@relais.be"},
    {{"intervision", "sessions", "list", "--cycle", "2025-2026", "--group", "Groupe 1"},
     {"id", "cycle", "programme", "group", "date", "start_time", "end_time", "status", "host", "place", "present",
      "manual"},
     {{"cycle", "2025-2026"}, {"group", "Groupe 1"}, {"date", "2025-09-02"}, {"start_time", "09:30"},
      {"present", 1}, {"manual", "no"}},
     "2025-09-02"},
    {{"intervision", "attendance", "list", "--cycle", "2025-2026"},
     {"id", "cycle", "programme", "group", "date", "email", "person", "status", "role", "reason"},
     {{"cycle", "2025-2026"}, {"programme", "connect"}, {"group", "Groupe 1"}, {"date", "2025-09-02"},
      {"email", "ana@relais.be"}, {"person", "Ana Lopez"}, {"status", "present"}, {"role", "participant"},
      {"reason", nullptr}},
     "ana@relais.be"},
    {{"pat", "request", "list"},
     {"id", "institution", "request_date", "key", "funder", "contact", "heard_from", "planned_sessions", "decision",
      "decision_date", "decision_reason", "phase", "phase_date", "region", "notes"},
     {{"id", 1}, {"institution", "CPAS de Forest"}, {"request_date", "2025-01-10"},
      {"key", "CPAS de Forest@2025-01-10"}, {"decision", "accepted"}, {"decision_date", "2025-02-01"},
      {"funder", "COCOM"}, {"contact", "ana@relais.be"}, {"planned_sessions", 6}, {"region", "brussels"}},
     "CPAS de Forest@2025-01-10"},
    {{"pat", "steps", "list", "CPAS de Forest", "--language", "en"},
     {"accompaniment_id", "accompaniment", "position", "code", "label", "state", "started_on", "finished_on", "notes"},
     {{"accompaniment_id", 1}, {"accompaniment", "CPAS de Forest@2025-01-10"}, {"position", 1},
      {"code", "needs_analysis"}, {"state", "done"}, {"finished_on", "2025-02-03"}},
     "needs_analysis"},
    {{"pat", "session", "list"},
     {"id", "institution", "request_date", "type", "date", "duration", "staff", "attendees", "status", "phase", "title",
      "notes"},
     {{"institution", "CPAS de Forest"}, {"request_date", "2025-01-10"}, {"type", "working_group"},
      {"date", "2025-03-04"}, {"duration", 90}, {"staff", "ben@relais.be|fay@relais.be"},
      {"attendees", "ana@relais.be"}, {"status", "held"}, {"title", "Atelier; \"pairs\""}, {"notes", nullptr}},
     "Atelier; \"pairs\""},
    {{"pat", "hire", "list", "CPAS de Forest@2025-01-10"},
     {"id", "institution", "request_date", "status", "hire_date", "announced_date", "job_title",
      "working_time_percent", "contract_type", "person", "notes"},
     {{"id", 1}, {"institution", "CPAS de Forest"}, {"status", "effective"}, {"hire_date", "2025-06-01"},
      {"job_title", "Pair-aidante"}, {"working_time_percent", 50}, {"person", "ben@relais.be"}},
     "Pair-aidante"},
    {{"pat", "guide", "list"},
     {"id", "code", "position", "label_fr", "label_nl", "label_en", "retired_at"},
     {{"code", "needs_analysis"}, {"position", 1}, {"label_fr", "Analyser les besoins"}, {"retired_at", nullptr}},
     "needs_analysis"},
    {{"pat", "types", "list"},
     {"id", "code", "position", "label_fr", "label_nl", "label_en", "plural_fr", "plural_nl", "plural_en",
      "retired_at"},
     {{"code", "working_group"}, {"label_nl", "werkgroep"}, {"plural_fr", "groupes de travail"}},
     "working_group"},
    {{"exchange", "event", "list"},
     {"id", "date", "type", "title", "registrations", "key"},
     {{"id", 1}, {"date", "2026-11-16"}, {"registrations", 0}, {"key", "2026-11-16 Logement d'abord"}},
     "Logement d'abord"},
    {{"catalogue", "edition", "list"},
     {"id", "code", "year", "title", "published_at", "trainings", "status"},
     {{"id", 1}, {"code", "2026"}, {"year", 2026}, {"title", "Formations 2026; \"printemps\""},
      {"published_at", nullptr}, {"trainings", 0}, {"status", "active"}},
     "Formations 2026"},
    {{"themes", "list"},
     {"id", "code", "label_fr", "label_nl", "label_en"},
     {{"code", "mental_health"}, {"label_fr", "Santé mentale"}, {"label_nl", "Geestelijke gezondheid"}},
     "mental_health"},
    {{"catalogue", "expectations", "list", "--training", "none-yet"}, {}, {}, ""},  // an unknown training: refused
};

TEST_F(ListFormats, EveryListInTableCsvAndJson) {
    for (const auto& c : kCases) {
        SCOPED_TRACE(joined(c.args));
        if (c.keys.empty()) {
            for (const char* format : {"table", "csv", "json"}) {
                const auto r = run(c.args, format);
                EXPECT_NE(r.code, 0) << format << ": " << r.out;
                EXPECT_NE(r.err.find("none-yet"), std::string::npos) << r.err;
            }
            continue;
        }
        const auto json_run = run(c.args, "json");
        ASSERT_EQ(json_run.code, 0) << json_run.err;
        nlohmann::ordered_json rows;
        ASSERT_NO_THROW(rows = nlohmann::ordered_json::parse(json_run.out)) << json_run.out;
        ASSERT_TRUE(rows.is_array());
        ASSERT_FALSE(rows.empty()) << json_run.out;
        for (const auto& row : rows) {
            std::vector<std::string> keys;
            for (const auto& [k, v] : row.items()) keys.push_back(k);
            EXPECT_EQ(keys, c.keys);
        }
        bool found = false;
        for (const auto& row : rows) {
            bool all = true;
            for (const auto& [k, v] : c.expected) all = all && row.contains(k) && row[k] == v;
            found = found || all;
        }
        EXPECT_TRUE(found) << "no row with the expected values in\n" << json_run.out;

        // CSV: the header is the keys; the core's reader gives back the JSON's values.
        const auto csv_run = run(c.args, "csv");
        ASSERT_EQ(csv_run.code, 0) << csv_run.err;
        const auto table = csv::parse(csv_run.out, "list.csv");
        EXPECT_EQ(table.header, c.keys);
        ASSERT_EQ(table.rows.size(), rows.size()) << csv_run.out;
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (std::size_t k = 0; k < c.keys.size(); ++k)
                EXPECT_EQ(table.rows[r].fields.at(k), as_cell(rows[r][c.keys[k]])) << "row " << r << ", " << c.keys[k];

        const auto text = run(c.args, "table");
        ASSERT_EQ(text.code, 0) << text.err;
        EXPECT_NE(text.out.find(c.table_text), std::string::npos) << text.out;
        EXPECT_EQ(text.out.find("\"id\""), std::string::npos) << "the table format is text, not JSON";

        const auto bad = run(c.args, "xml");
        EXPECT_NE(bad.code, 0);
    }
}

// The keys the lists print are the ones the other commands take back.
TEST_F(ListFormats, TheListedKeysNameTheRecords) {
    const auto list = nlohmann::json::parse(run({"pat", "request", "list"}, "json").out);
    ASSERT_EQ(list.size(), 1u);
    const auto key = list[0]["key"].get<std::string>();
    const auto r = cli_->run({"pat", "steps", "list", key, "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)[0]["accompaniment"], key);

    const auto enrolments = nlohmann::json::parse(run({"intervision", "enrolments", "list", "--cycle", "2025-2026"},
                                                      "json").out);
    ASSERT_EQ(enrolments.size(), 2u);
    const auto email = enrolments[1]["email"].get<std::string>();
    const auto group = enrolments[1]["group"].get<std::string>();
    EXPECT_EQ(cli_->run({"intervision", "leave", "--cycle", "2025-2026", "--group", group, "--person", email, "--date",
                         "2025-10-01"})
                  .code,
              0);
    const auto after = nlohmann::json::parse(
        run({"intervision", "enrolments", "list", "--cycle", "2025-2026", "--group", group}, "json").out);
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[1]["status"], "left");
    EXPECT_EQ(after[1]["left_on"], "2025-10-01");

    // An unknown group is an error naming it, not an empty list.
    const auto bad = run({"intervision", "enrolments", "list", "--cycle", "2025-2026", "--group", "Groupe 9"}, "csv");
    EXPECT_NE(bad.code, 0);
    EXPECT_NE(bad.err.find("Groupe 9"), std::string::npos) << bad.err;
}

// A list's CSV has the columns of its import's sheet: imported back as it is, every row
// is unchanged; a row edited to another day is imported as a new session.
TEST_F(ListFormats, ListsAsCsvImportBack) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> lists = {
        {{"intervision", "cycle", "list"}, "intervision_cycles"},
        {{"intervision", "group", "list", "--cycle", "2025-2026"}, "intervision_groups"},
        {{"intervision", "enrolments", "list", "--cycle", "2025-2026"}, "intervision_enrolments"},
        {{"intervision", "sessions", "list", "--cycle", "2025-2026"}, "intervision_sessions"},
        {{"intervision", "attendance", "list", "--cycle", "2025-2026"}, "intervision_attendance"},
        {{"pat", "request", "list"}, "pat_accompaniments"},
        {{"pat", "session", "list"}, "pat_sessions"},
        {{"pat", "hire", "list"}, "pat_hires"},
    };
    for (const auto& [args, sheet] : lists) {
        const auto r = run(args, "csv");
        ASSERT_EQ(r.code, 0) << r.err;
        const auto rows = csv::parse(r.out, "list.csv").rows.size();
        ASSERT_GT(rows, 0u) << joined(args);
        const auto file = cli_->dir() / (sheet + ".csv");
        test::write_file(file, r.out);
        const auto back = cli_->run({"import", sheet, file.string(), "--dry-run"});
        ASSERT_EQ(back.code, 0) << joined(args) << ": " << back.err;
        EXPECT_NE(back.out.find("0 to create, 0 to update, " + std::to_string(rows) + " unchanged"), std::string::npos)
            << joined(args) << ": " << back.out;
    }
    // A row for another day is a new session, the listed one stays.
    auto sessions = run({"pat", "session", "list"}, "csv").out;
    const auto at = sessions.find(";2025-03-04;");
    ASSERT_NE(at, std::string::npos) << sessions;
    sessions.replace(at, 12, ";2025-03-11;");
    test::write_file(cli_->dir() / "edited.csv", sessions);
    const auto edited = cli_->run({"import", "pat_sessions", (cli_->dir() / "edited.csv").string()});
    ASSERT_EQ(edited.code, 0) << edited.err;
    const auto after = nlohmann::json::parse(run({"pat", "session", "list"}, "json").out);
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[1]["date"], "2025-03-11");
    EXPECT_EQ(after[1]["staff"], "ben@relais.be|fay@relais.be");
    EXPECT_EQ(after[1]["title"], "Atelier; \"pairs\"");
}

// A file the commands cannot write is an error naming it, never a success message.
TEST_F(ListFormats, AnUnwritableFileIsAnError) {
    const auto nowhere = (cli_->dir() / "missing-folder" / "agenda.ics").string();
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"exchange", "ical", "--out", nowhere},
          std::vector<std::string>{"exchange", "sign-in-sheet", "1", "--out",
                                   (cli_->dir() / "missing-folder" / "feuille.html").string()},
          std::vector<std::string>{"intervision", "ical", "--cycle", "2025-2026", "--out", nowhere},
          std::vector<std::string>{"report", "--year", "2025", "--format", "md", "--out", nowhere}}) {
        const auto r = cli_->run(args);
        EXPECT_NE(r.code, 0) << joined(args) << ": " << r.out;
        EXPECT_NE(r.err.find("missing-folder"), std::string::npos) << joined(args) << ": " << r.err;
        EXPECT_EQ(r.out.find("written"), std::string::npos) << r.out;
    }
}

}  // namespace
