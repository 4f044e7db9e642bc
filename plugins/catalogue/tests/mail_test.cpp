// Messages to participants: .eml files, SMTP through a local server (aiosmtpd, started
// here on 127.0.0.1), the log that keeps any message from going out twice, the dry run.
#include "catalogue_evaluations.h"
#include "catalogue_import_preview.h"
#include "catalogue_mail.h"
#include "catalogue_registrations.h"
#include "catalogue_rules.h"
#include "catalogue_xlsx_read.h"
#include "core/database.h"
#include "core/error.h"
#include "core/people.h"
#include "core/undo.h"
#include "fixture.h"
#include "smtp_sink.h"
#include "test_support.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>

using namespace maillage;
using namespace maillage::catalogue;

namespace {

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string unbase64(const std::string& in) {
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    };
    std::string out;
    int bits = 0, buffer = 0;
    for (char c : in) {
        const int v = value(c);
        if (v < 0) continue;
        buffer = (buffer << 6) | v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return out;
}

// The decoded text body of an .eml.
std::string body_of(const std::string& eml) {
    const auto start = eml.find("\r\n\r\n");
    return start == std::string::npos ? std::string() : unbase64(eml.substr(start + 4));
}

// A training with two registered people (one without e-mail) and one on the waiting list.
struct MailWorld : fixture::World {
    int64_t training_id = 0;
    MailWorld() {
        training_id = training("T1", {"M1"}, 2);
        day(training_id, "2031-03-10", "09:30", "15:30", {trainers[0], trainers[1]}, "planned");
        RegistrationService regs(*db);
        regs.register_person(training_id, workers[0]);
        regs.register_person(training_id, workers[1]);
        regs.register_person(training_id, workers[2]);  // waiting
        Person p = *PersonRepository(*db).get(workers[0]);
        p.first_name = "Élodie";
        PersonRepository(*db).update(p);
    }
};

}  // namespace

TEST(Mail, EmlFilesAreReadableMessagesAndAreNotWrittenTwice) {
    MailWorld w;
    test::TempDir dir;
    MailOptions options;
    options.folder = dir / "out";
    const auto first = send_messages(*w.db, "T1", "confirmation", options);
    EXPECT_EQ(first.sent, 3);  // two seats and one waiting
    ASSERT_EQ(first.files.size(), 3u);
    const std::string eml = read(first.files[0]);
    EXPECT_NE(eml.find("To: =?UTF-8?B?"), std::string::npos) << "a non-ASCII name is an encoded word";
    EXPECT_NE(eml.find("<p1@test.org>"), std::string::npos);
    EXPECT_NE(eml.find("Content-Type: text/plain; charset=UTF-8"), std::string::npos);
    EXPECT_NE(eml.find("X-Unsent: 1"), std::string::npos);
    EXPECT_NE(body_of(eml).find("Bonjour Élodie"), std::string::npos);
    EXPECT_NE(body_of(eml).find("est confirmée"), std::string::npos);
    bool waiting = false;
    for (const auto& f : first.files) waiting |= body_of(read(f)).find("position 1 sur la liste d'attente") != std::string::npos;
    EXPECT_TRUE(waiting);

    // Again: nothing new is written; a dry run says so too.
    const auto again = send_messages(*w.db, "T1", "confirmation", options);
    EXPECT_EQ(again.sent, 0);
    EXPECT_EQ(again.already, 3);
    options.dry_run = true;
    EXPECT_EQ(send_messages(*w.db, "T1", "confirmation", options).already, 3);
    EXPECT_EQ(send_messages(*w.db, "T1", "reminder", options).sent, 2);
    EXPECT_EQ(mail_log(*w.db, w.training_id).size(), 3u) << "a dry run logs nothing";
}

TEST(Mail, SmtpSendsThroughTheServerWithThePasswordGivenAndNeverTwice) {
    MailWorld w;
    test::TempDir dir;
    maillage::test::SmtpSink server(dir / "smtp", "coordination", "s3cret");
    MailOptions options;
    options.channel = MailOptions::Channel::Smtp;
    options.smtp.host = "127.0.0.1";
    options.smtp.port = server.port();
    options.smtp.security = "none";
    options.smtp.user = "coordination";
    options.smtp.password = "s3cret";
    options.smtp.from_address = "formations@rsmp.be";
    options.smtp.from_name = "Réseau — formations";

    options.dry_run = true;
    EXPECT_EQ(send_messages(*w.db, "T1", "reminder", options).sent, 2);
    EXPECT_TRUE(server.received().empty()) << "a dry run sends nothing";
    options.dry_run = false;
    ASSERT_TRUE(w.db->undo_stack().can_undo());
    const auto report = send_messages(*w.db, "T1", "reminder", options);
    EXPECT_EQ(report.sent, 2);
    EXPECT_FALSE(w.db->undo_stack().can_undo()) << "sent mail cannot be undone, nor its log";
    EXPECT_EQ(report.failed, 0);
    const auto received = server.received();
    ASSERT_EQ(received.size(), 2u);
    EXPECT_NE(received[0].find("<formations@rsmp.be>"), std::string::npos);
    EXPECT_NE(received[0].find("p1@test.org"), std::string::npos);
    EXPECT_NE(body_of(received[0]).find("Nous vous rappelons la formation"), std::string::npos);
    EXPECT_NE(received[1].find("p2@test.org"), std::string::npos);

    const auto again = send_messages(*w.db, "T1", "reminder", options);
    EXPECT_EQ(again.sent, 0);
    EXPECT_EQ(again.already, 2);
    EXPECT_EQ(server.received().size(), 2u) << "never sent twice";
    const auto log = mail_log(*w.db, w.training_id);
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].channel, "smtp");
    EXPECT_EQ(log[0].kind, "reminder");

    // A wrong password: the server refuses, nothing is sent or logged.
    options.smtp.password = "wrong";
    options.smtp.timeout_seconds = 5;
    EXPECT_THROW(send_messages(*w.db, "T1", "confirmation", options), Error);
    EXPECT_EQ(mail_log(*w.db, w.training_id).size(), 2u);
}

TEST(Mail, AnUnreachableServerSendsNothingAndSaysSo) {
    MailWorld w;
    MailOptions options;
    options.channel = MailOptions::Channel::Smtp;
    options.smtp.host = "127.0.0.1";
    options.smtp.port = 1;  // nothing listens there
    options.smtp.security = "none";
    options.smtp.from_address = "formations@rsmp.be";
    try {
        send_messages(*w.db, "T1", "reminder", options);
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("127.0.0.1:1"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(mail_log(*w.db, w.training_id).empty());
    options.smtp.from_address = "nobody";
    EXPECT_THROW(send_messages(*w.db, "T1", "reminder", options), Error);
}

TEST(TrainingStatus, HeldOnceTheLastDayIsPastAndAttendanceTaken) {
    fixture::World w;
    auto t = w.training("T1", {"M1"});
    auto d1 = w.day(t, "2024-03-10", "09:30", "15:30", {}, "planned");
    auto d2 = w.day(t, "2024-03-17", "09:30", "12:30", {}, "planned");
    CatalogueStore store(*w.db);
    RegistrationService regs(*w.db);
    regs.register_person(t, w.workers[0]);
    EXPECT_EQ(store.effective_status(t), "planned");
    regs.set_attendance(d1, w.workers[0], "present");
    EXPECT_EQ(store.effective_status(t), "planned") << "no attendance taken on the second day";
    regs.set_attendance(d2, w.workers[0], "excused", "ill");
    EXPECT_EQ(store.effective_status(t), "held");
    auto future = w.training("T2", {"M1"});
    auto d3 = w.day(future, "2099-03-10", "09:30", "15:30", {}, "planned");
    regs.register_person(future, w.workers[0]);
    regs.set_attendance(d3, w.workers[0], "present");
    EXPECT_EQ(store.effective_status(future), "planned") << "its day is not past";
}

TEST(TrainingEdit, ChangesKeepTheModuleVersionsUsed) {
    fixture::World w;
    auto t = w.training("T1", {"M1"});
    CatalogueStore store(*w.db);
    const auto used = store.training(t)->module_version_ids;
    auto sheet = store.module("M1")->sheet;
    sheet.duration_minutes = 240;
    store.save_module(sheet);  // a new version of M1
    auto in = store.training(t)->input;
    in.title.fr = "Nouveau titre";
    in.module_codes = {"M1", "M2"};
    in.seats = 12;
    store.update_training(t, in);
    const auto after = store.training(t);
    EXPECT_EQ(after->input.title.fr, "Nouveau titre");
    EXPECT_EQ(after->input.seats, 12);
    ASSERT_EQ(after->module_version_ids.size(), 2u);
    EXPECT_EQ(after->module_version_ids[0], used[0]) << "M1 keeps the version the training had";
    in.code = "T2";
    w.training("T3", {"M1"});
    in.code = "T3";
    EXPECT_THROW(store.update_training(t, in), Error) << "the code of another training";
}

TEST(DayChecks, APlannedDayIsCheckedBeforeItIsSaved) {
    fixture::World w;
    auto t = w.training("T1", {"M1"});
    CatalogueStore store(*w.db);
    const auto m1 = store.module("M1")->module_id;
    store.qualify(w.trainers[0], m1);
    store.qualify(w.trainers[1], m1);
    w.day(t, "2031-05-04", "09:30", "15:30", {w.trainers[0], w.trainers[1]}, "planned");
    auto kinds = [&](DayPlan plan) {
        std::vector<DayFlag::Kind> out;
        for (const auto& f : check_day_plan(*w.db, plan)) out.push_back(f.kind);
        return out;
    };
    EXPECT_TRUE(kinds({t, 0, "2031-05-05", "09:30", "15:30", {w.trainers[0], w.trainers[1]}}).empty());
    const auto alone = kinds({t, 0, "2031-05-05", "09:30", "15:30", {w.trainers[2]}});
    EXPECT_EQ(alone, (std::vector<DayFlag::Kind>{DayFlag::Kind::PairSize, DayFlag::Kind::NotQualified}));
    const auto same_day = kinds({t, 0, "2031-05-04", "13:00", "16:00", {w.trainers[0], w.trainers[1]}});
    EXPECT_EQ(same_day, (std::vector<DayFlag::Kind>{DayFlag::Kind::DoubleBooked, DayFlag::Kind::DoubleBooked}));
}

TEST(RegistrationImport, TheDuplicateQuestionDecidesWhoALineIs) {
    fixture::World w;
    auto t = w.training("T1", {"M1"});
    const std::string csv = "first_name;last_name;email;institution\n"
                            "Worker;P1;worker.p1@gmail.com;Abri de nuit\n"
                            "Nora;Nouvelle;nora@site.be;Abri de nuit\n";
    const auto dups = possible_duplicates(*w.db, csv, "site.csv");
    ASSERT_EQ(dups.size(), 1u);
    EXPECT_EQ(dups[0].line, 2);
    EXPECT_EQ(dups[0].known_person_id, w.workers[0]);
    EXPECT_EQ(dups[0].known_email, "p1@test.org");
    const auto people_before = w.db->scalar_int("SELECT count(*) FROM person");
    const auto preview = preview_registrations(*w.db, csv, "site.csv", "T1", {{2, w.workers[0]}});
    EXPECT_EQ(preview.registered, 2);
    EXPECT_EQ(preview.new_people, 1);
    EXPECT_EQ(w.db->scalar_int("SELECT count(*) FROM person"), people_before) << "a preview changes nothing";
    EXPECT_EQ(w.db->scalar_int("SELECT count(*) FROM catalogue_registration"), 0);
    const auto report = import_registrations(*w.db, csv, "site.csv", "T1", {{2, w.workers[0]}});
    EXPECT_EQ(report.lines[0].person_id, w.workers[0]) << "the same person, as the user said";
    EXPECT_TRUE(RegistrationService(*w.db).find(t, w.workers[0]));
}

TEST(Evaluations, OneQuestionnaireAndAModuleCoversEveryTrainingThatUsedIt) {
    fixture::World w;
    const auto a = w.training("T1", {"M1", "M2"});
    const auto b = w.training("T2", {"M2"});
    w.training("T3", {"M3"});
    const auto q = evaluation_questionnaire(*w.db);
    EXPECT_EQ(evaluation_questionnaire(*w.db), q) << "made once, then found";
    EXPECT_EQ(trainings_with_module(*w.db, "M2"), (std::vector<int64_t>{a, b}));
    EXPECT_EQ(trainings_with_module(*w.db, "M1"), (std::vector<int64_t>{a}));
    EXPECT_TRUE(trainings_with_module(*w.db, "nope").empty());
}

TEST(RegistrationImport, TheSitesXlsxExportIsReadLikeItsCsv) {
    fixture::World w;
    auto t = w.training("T1", {"M1"});
    test::TempDir dir;
    const auto file = dir / "inscriptions.xlsx";
    {
        lxw_workbook* book = workbook_new(file.c_str());
        lxw_worksheet* sheet = workbook_add_worksheet(book, "Inscriptions");
        const char* header[] = {"prenom", "nom", "email", "institution", "telephone"};
        for (int c = 0; c < 5; ++c) worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
        worksheet_write_string(sheet, 1, 0, "Élise", nullptr);
        worksheet_write_string(sheet, 1, 1, "Dupont; \"Lili\"", nullptr);
        worksheet_write_string(sheet, 1, 2, "elise@site.be", nullptr);
        worksheet_write_string(sheet, 1, 3, "Abri de nuit", nullptr);
        worksheet_write_number(sheet, 1, 4, 25123456, nullptr);
        worksheet_write_string(sheet, 3, 0, "Omar", nullptr);  // row 3 empty: line numbers follow the sheet
        worksheet_write_string(sheet, 3, 1, "Said", nullptr);
        ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);
    }
    const auto text = registrations_file_text(file);
    const auto report = import_registrations(*w.db, text, "inscriptions.xlsx", "T1");
    EXPECT_EQ(report.registered, 2);
    ASSERT_EQ(report.lines.size(), 2u);
    EXPECT_EQ(report.lines[1].line, 4) << "the sheet's row number";
    const auto elise = PersonRepository(*w.db).find_by_email("elise@site.be");
    ASSERT_TRUE(elise);
    EXPECT_EQ(elise->last_name, "Dupont; \"Lili\"");
    EXPECT_EQ(elise->phone, "25123456");
    EXPECT_TRUE(RegistrationService(*w.db).find(t, elise->id));
    const auto bad = dir / "pas-un-classeur.xlsx";
    std::ofstream(bad) << "prenom;nom\n";
    EXPECT_THROW(registrations_file_text(bad), Error);
}
