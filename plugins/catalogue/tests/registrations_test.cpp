#include "catalogue_import.h"
#include "catalogue_documents.h"
#include "catalogue_registrations.h"
#include "core/error.h"
#include "fixture.h"

#include <gtest/gtest.h>

#include <tuple>
#include "pdf_text.h"

using namespace maillage;
using namespace maillage::catalogue;

TEST(WaitingList, FullTrainingQueuesAndPromotesInOrder) {
    fixture::World w;
    auto t = w.training("T1", {"M1"}, 2);
    w.day(t, "2025-03-10", "09:30", "15:30", {}, "planned");
    RegistrationService regs(*w.db);
    EXPECT_EQ(regs.register_person(t, w.workers[0]).status, "registered");
    EXPECT_EQ(regs.register_person(t, w.workers[1]).status, "registered");
    auto third = regs.register_person(t, w.workers[2]);
    auto fourth = regs.register_person(t, w.workers[3]);
    EXPECT_EQ(third.status, "waiting");
    EXPECT_EQ(third.waiting_position, 1);
    EXPECT_EQ(fourth.waiting_position, 2);
    EXPECT_EQ(regs.seats_taken(t), 2);

    EXPECT_THROW(regs.cancel(t, w.workers[0], "  "), Error) << "a cancellation needs a reason";
    auto promoted = regs.cancel(t, w.workers[0], "illness");
    ASSERT_TRUE(promoted);
    EXPECT_EQ(*promoted, w.workers[2]);
    EXPECT_EQ(regs.find(t, w.workers[2])->status, "registered");
    EXPECT_EQ(regs.find(t, w.workers[3])->waiting_position, 1);
    EXPECT_EQ(regs.find(t, w.workers[0])->reason, "illness");
    EXPECT_EQ(regs.seats_taken(t), 2);

    // Cancelling someone on the waiting list frees no seat.
    EXPECT_FALSE(regs.cancel(t, w.workers[3], "changed job"));
    // A cancelled person registering again goes to the back.
    EXPECT_EQ(regs.register_person(t, w.workers[0]).status, "waiting");
}

// T1 (modules M1 and M2) in two days: 6 hours on 10 March 2025, 3 hours on 17 March.
struct TwoDayTraining {
    fixture::World w;
    int64_t t = w.training("T1", {"M1", "M2"});
    int64_t d1 = w.day(t, "2025-03-10", "09:30", "15:30", {});
    int64_t d2 = w.day(t, "2025-03-17", "09:30", "12:30", {});
};

TEST(WaitingList, RegisteredPeopleGetAttendanceRowsAndCertificatesCountPresentHours) {
    TwoDayTraining two;
    auto& [w, t, d1, d2] = two;
    RegistrationService regs(*w.db);
    regs.register_person(t, w.workers[0]);
    regs.set_attendance(d1, w.workers[0], "present");
    regs.set_attendance(d2, w.workers[0], "absent");
    EXPECT_DOUBLE_EQ(regs.hours_attended(t, w.workers[0]), 6.0);
    regs.set_attendance(d2, w.workers[0], "present");
    EXPECT_DOUBLE_EQ(regs.hours_attended(t, w.workers[0]), 9.0);
    EXPECT_THROW(regs.set_attendance(d1, w.workers[0], "maybe"), Error);
}

TEST(RegistrationImport, NamesAreNormalised) {
    EXPECT_EQ(normalise_name("  Élodie   Van-Damme "), "elodie van damme");
    EXPECT_EQ(normalise_name("CAW (Westland)"), normalise_name("caw westland"));
}

TEST(RegistrationImport, DetectsDuplicatesAgainstKnownPeopleAndWithinTheFile) {
    fixture::World w;
    auto t = w.training("T1", {"M1"}, 3);
    w.day(t, "2025-03-10", "09:30", "15:30", {}, "planned");
    std::string csv =
        "prenom;nom;email;institution;formation\n"
        "Worker;P1;P1@TEST.ORG;Abri de nuit;T1\n"                        // known by e-mail (case ignored)
        "worker;p2;;ABRI DE NUIT;T1\n"                                   // known by name + institution
        "Nadia;Benali;nadia@new.org;Centre de santé mentale Le Méridien;T1\n"  // new person, known institution
        "nadia;BENALI;;Centre de sante mentale le meridien;T1\n"         // duplicate of the line above
        "Jan;Peeters;jan@new.org;Nieuwe Dienst;T1\n";                    // new person, new institution, waiting list
    auto r = import_registrations(*w.db, csv, "web.csv");
    EXPECT_EQ(std::tuple(r.rows, r.matched_people, r.new_people, r.new_institutions, r.duplicates_in_file, r.registered,
                         r.waiting, r.errors),
              std::tuple(5, 2, 2, 1, 1, 3, 1, 0));
    EXPECT_EQ(r.lines[3].outcome, "duplicate_in_file");
    EXPECT_EQ(r.lines[3].line, 5);
    EXPECT_TRUE(r.lines[0].matched_by_email);
    EXPECT_EQ(PersonRepository(*w.db).count(), 10);  // 8 + Nadia + Jan

    // Importing the same file again registers nobody twice.
    auto again = import_registrations(*w.db, csv, "web.csv");
    EXPECT_EQ(again.new_people, 0);
    EXPECT_EQ(again.already, 4);
    EXPECT_EQ(again.registered + again.waiting, 0);
}

TEST(RegistrationImport, AFaultyFileChangesNothing) {
    fixture::World w;
    w.training("T1", {"M1"});
    EXPECT_THROW(import_registrations(*w.db, "email;institution\nx@y.org;A\n", "web.csv", "T1"), ParseError);
    EXPECT_THROW(import_registrations(*w.db, "prenom;nom\n\"A;B\n", "web.csv", "T1"), ParseError);
    // A quoted field over two lines: the rows after it keep their real line numbers.
    auto r = import_registrations(*w.db, "prenom;nom;institution;remarque\nA;B;X;\"B\nC\"\nA;B;X;\"B\nC\"\n",
                                  "web.csv", "T1");
    ASSERT_EQ(r.lines.size(), 2u);
    EXPECT_EQ(r.lines[1].line, 4);
    EXPECT_EQ(r.lines[1].outcome, "duplicate_in_file");
    EXPECT_EQ(PersonRepository(*w.db).count(), 9);  // the one good row of the last file
}

// Issue 16 item 4: a name with a line break (stored before names were checked, or by
// another program) adds no header to a mail-merged message; names with one are refused.
TEST(MailMerge, AHostileNameAddsNoHeader) {
    fixture::World w;
    auto t = w.training("T1", {"M1"});
    w.day(t, "2025-03-10", "09:30", "15:30", {}, "planned");
    RegistrationService(*w.db).register_person(t, w.workers[0]);
    SQLite::Statement q(w.db->sql(), "UPDATE person SET first_name = ?, email = ? WHERE id = ?");
    q.bind(1, "Eve\r\nBcc: everyone@evil.example\r\nX-Injected: 1");
    q.bind(2, "p1@test.org\nBcc: other@evil.example");
    q.bind(3, w.workers[0]);
    q.exec();
    test::TempDir dir;
    ASSERT_EQ(mail_merge(*w.db, "T1", "confirmation", dir / "mail.txt"), 1);
    const auto text = test::read_file(dir / "mail.txt");
    EXPECT_EQ(text.find('\r'), std::string::npos);
    EXPECT_EQ(text.find("\nBcc:"), std::string::npos) << text;
    EXPECT_EQ(text.find("\nX-Injected:"), std::string::npos) << text;
    EXPECT_EQ(text.rfind("To: Eve Bcc: everyone@evil.example X-Injected: 1 P1 <p1@test.org Bcc: other@evil.example>\n", 0),
              0u) << text;

    Person bad = *PersonRepository(*w.db).get(w.workers[1]);
    bad.last_name = "P2\nBcc: x@evil.example";
    EXPECT_THROW(PersonRepository(*w.db).update(bad), Error);
    TrainingInput in;
    in.edition = "2025";
    in.code = "T2";
    in.title = {"Formation\r\nBcc: x", "Vorming", {}};
    EXPECT_THROW(CatalogueStore(*w.db).create_training(in), Error);
}

TEST(RegistrationImport, ALineBreakInANameRefusesTheFileWithItsPlace) {
    fixture::World w;
    w.training("T1", {"M1"});
    const auto before = w.db->scalar_int("SELECT count(*) FROM person");
    try {
        import_registrations(*w.db, "first_name;last_name;email\nAnn;Ok;a@x.org\n\"Eve\r\nBcc: x@evil.example\";Doe;e@x.org\n",
                             "web.csv", "T1");
        FAIL() << "no error";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.line(), 3);
        EXPECT_EQ(e.column(), 1);
        EXPECT_NE(e.reason().find("line break"), std::string::npos) << e.reason();
    }
    EXPECT_EQ(w.db->scalar_int("SELECT count(*) FROM person"), before);
}

// Issue 16, item 12: one bad row refuses the whole file (all rows or none), at its place.
TEST(RegistrationImport, ABadRowRefusesTheWholeFile) {
    fixture::World w;
    auto t = w.training("T1", {"M1"}, 3);
    w.day(t, "2025-03-10", "09:30", "15:30", {}, "planned");
    const auto people = PersonRepository(*w.db).count();
    const std::string csv = "prenom;nom;email;institution;formation\n"
                            "Nadia;Benali;nadia@new.org;Nouveau service;T1\n"
                            "Worker;P1;p1@test.org;Abri de nuit;T9\n"
                            "Jan;Peeters;jan@new.org;Nieuwe Dienst;T1\n";
    try {
        import_registrations(*w.db, csv, "web.csv");
        FAIL() << "a file with an unknown training was imported";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.line(), 3);
        EXPECT_EQ(e.column(), 5);
        EXPECT_NE(e.reason().find("T9"), std::string::npos) << e.reason();
        EXPECT_NE(e.reason().find("T1"), std::string::npos) << e.reason();  // the known codes
    }
    try {
        import_registrations(*w.db, "prenom;nom;email\nA;B;a@b.org\n;;nobody@b.org\n", "web.csv", "T1");
        FAIL() << "a row without a name was imported";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.line(), 3);
    }
    EXPECT_EQ(PersonRepository(*w.db).count(), people);
    EXPECT_EQ(w.db->scalar_int("SELECT count(*) FROM catalogue_registration"), 0);
    EXPECT_EQ(w.db->scalar_int("SELECT count(*) FROM institution"), 3);
}

// Issue 18: the certificates PDF is drawn natively, one page per participant present at
// least once, each with the person's name, the training and the hours attended.
TEST(Certificates, PdfHasOnePagePerParticipantWithNameTrainingAndHours) {
    TwoDayTraining two;
    auto& [w, t, d1, d2] = two;
    RegistrationService regs(*w.db);
    for (int i = 0; i < 3; ++i) regs.register_person(t, w.workers[std::size_t(i)]);
    regs.set_attendance(d1, w.workers[0], "present");
    regs.set_attendance(d2, w.workers[0], "present");
    regs.set_attendance(d1, w.workers[1], "present");
    regs.set_attendance(d2, w.workers[1], "absent");
    regs.set_attendance(d1, w.workers[2], "absent");  // never came: no certificate
    regs.set_attendance(d2, w.workers[2], "absent");
    maillage::test::TempDir dir;
    const auto r = write_certificates(*w.db, "T1", dir.path(), true);
    EXPECT_EQ(r.count, 2);
    ASSERT_FALSE(r.pdf.empty());
    EXPECT_EQ(maillage::test::pdf_pages(r.pdf), 2);
    const auto first = maillage::test::pdf_text(r.pdf, 1), second = maillage::test::pdf_text(r.pdf, 2);
    EXPECT_NE(first.find("Worker P1"), std::string::npos) << first;
    EXPECT_NE(first.find("Formation T1"), std::string::npos) << first;
    EXPECT_NE(first.find("9 h"), std::string::npos) << first;
    EXPECT_NE(first.find("Attestation de participation"), std::string::npos) << first;
    EXPECT_NE(first.find("les "), std::string::npos) << "two days: \"les …\", not \"le(s)\": " << first;
    EXPECT_EQ(first.find("le(s)"), std::string::npos) << first;
    EXPECT_NE(second.find("Worker P2"), std::string::npos) << second;
    EXPECT_NE(second.find("6 h"), std::string::npos) << second;
    EXPECT_EQ(maillage::test::pdf_text(r.pdf).find("Worker P3"), std::string::npos);
}
