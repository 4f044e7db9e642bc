#include "reliability_support.h"

#include "core/demo_data.h"
#include "core/people.h"
#include "test_support.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace maillage::test {

int64_t add_person(Database& db, const std::string& first, const std::string& last, const std::string& email) {
    Person p;
    p.first_name = first;
    p.last_name = last;
    p.email = email;
    p.roles = {"worker"};
    return PersonRepository(db).create(p);
}

int64_t add_institution(Database& db, const std::string& name) {
    return db.write([&] {
        SQLite::Statement q(db.sql(), "INSERT INTO institution(name) VALUES (?)");
        q.bind(1, name);
        q.exec();
        return db.sql().getLastInsertRowid();
    });
}

int64_t add_session(Database& db, const std::string& date, const std::string& notes) {
    return db.write([&] {
        SQLite::Statement q(db.sql(), "INSERT INTO session(kind, date, status, notes) VALUES ('intervision', ?, 'held', ?)");
        q.bind(1, date);
        if (notes.empty())
            q.bind(2);
        else
            q.bind(2, notes);
        q.exec();
        return db.sql().getLastInsertRowid();
    });
}

void attend(Database& db, int64_t session, int64_t person, int64_t institution) {
    db.write([&] {
        SQLite::Statement q(db.sql(), "INSERT INTO attendance(session_id, person_id, status, institution_id, sector_id, "
                                      "reason) VALUES (?, ?, 'present', ?, 1, 'came with a colleague')");
        q.bind(1, session);
        q.bind(2, person);
        q.bind(3, institution);
        q.exec();
    });
}

int64_t add_response(Database& db, int64_t person, const std::string& answer, const std::string& submitted_at) {
    return db.write([&] {
        auto& sql = db.sql();
        sql.exec("INSERT OR IGNORE INTO questionnaire(code, title) VALUES ('eval', 'End of cycle evaluation')");
        const auto qn = sql.execAndGet("SELECT id FROM questionnaire WHERE code = 'eval'").getInt64();
        SQLite::Statement qu(sql, "INSERT OR IGNORE INTO question(questionnaire_id, position, kind, text) VALUES (?, 1, "
                                  "'text', 'What did you learn?')");
        qu.bind(1, qn);
        qu.exec();
        const auto question = sql.execAndGet("SELECT id FROM question WHERE position = 1 AND questionnaire_id = " +
                                             std::to_string(qn))
                                  .getInt64();
        SQLite::Statement r(sql, "INSERT INTO response(questionnaire_id, person_id, subject_kind, subject_id, "
                                 "submitted_at) VALUES (?, ?, 'cycle', 1, ?)");
        r.bind(1, qn);
        if (person)
            r.bind(2, person);
        else
            r.bind(2);
        r.bind(3, submitted_at);
        r.exec();
        const auto id = sql.getLastInsertRowid();
        SQLite::Statement a(sql, "INSERT INTO answer(response_id, question_id, text) VALUES (?, ?, ?)");
        a.bind(1, id);
        a.bind(2, question);
        a.bind(3, answer);
        a.exec();
        return id;
    });
}

void write_core_demo(const std::filesystem::path& file) {
    auto db = file_db(file);
    db->write([&] { seed_core_demo(*db, 2025); });
    db->sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

bool file_contains(const std::filesystem::path& file, const std::string& needle) {
    if (!std::filesystem::exists(file)) return false;
    return read_file(file).find(needle) != std::string::npos;
}

}  // namespace maillage::test
