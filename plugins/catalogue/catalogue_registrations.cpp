#include "catalogue_registrations.h"

#include "catalogue_store.h"
#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/row_reader.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sessions.h"
#include "core/row_query.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cctype>
#include <chrono>
#include <fmt/chrono.h>

namespace maillage::catalogue {
namespace {
std::string today() {
    auto now = std::chrono::system_clock::now();
    return fmt::format("{:%Y-%m-%d}", fmt::gmtime(std::chrono::system_clock::to_time_t(now)));
}

const RowMap kRegistrationRow{
    column("id", &Registration::id), column("training_id", &Registration::training_id),
    column("person_id", &Registration::person_id), column("institution_id", &Registration::institution_id),
    column("sector_id", &Registration::sector_id), column("status", &Registration::status),
    column("reason", &Registration::reason), column("waiting_position", &Registration::waiting_position),
    column("registered_at", &Registration::registered_at), column("source", &Registration::source)};

// The registrations, or the first one, that `where` (with its values) selects.
const RowSource kRegistrations{kRegistrationRow, "FROM catalogue_registration"};
}  // namespace

int RegistrationService::seats_taken(int64_t training_id) const {
    return *select_first<int>(
        db_.sql(), "SELECT count(*) FROM catalogue_registration WHERE training_id = ? AND status = 'registered'",
        training_id);
}

std::optional<Registration> RegistrationService::find(int64_t training_id, int64_t person_id) const {
    return kRegistrations.row(db_.sql(), "WHERE training_id = ? AND person_id = ?", training_id, person_id);
}

std::vector<Registration> RegistrationService::list(int64_t training_id) const {
    return kRegistrations.rows(
        db_.sql(), "WHERE training_id = ? ORDER BY " + waiting_list_order("registered") + ", registered_at, id",
        training_id);
}

void RegistrationService::add_attendance_rows(int64_t training_id, const Registration& r) {
    auto t = CatalogueStore(db_).training(training_id);
    SessionRepository sessions(db_);
    for (auto s : t->day_session_ids) {
        bool exists = false;
        for (const auto& a : sessions.attendance(s))
            if (a.person_id == r.person_id) exists = true;
        if (exists) continue;
        Attendance a;
        a.session_id = s;
        a.person_id = r.person_id;
        a.status = "registered";
        a.role = "participant";
        // The snapshot is the person's affiliation on the day; the institution declared at
        // registration is used only for people without a known job then.
        auto session = sessions.get(s);
        if (r.institution_id && !PersonRepository(db_).affiliation_at(r.person_id, session->date).institution_id) {
            a.institution_id = r.institution_id;
            a.sector_id = r.sector_id;
        }
        sessions.record(a);
    }
}

Registration RegistrationService::register_person(int64_t training_id, int64_t person_id,
                                                  std::optional<int64_t> institution_id, const std::string& source) {
    auto training = CatalogueStore(db_).training(training_id);
    if (!training) throw Error(tr("Unknown training."));
    if (!PersonRepository(db_).get(person_id)) throw Error(tr("Unknown person."));
    if (auto existing = find(training_id, person_id); existing && existing->status != "cancelled") return *existing;
    return db_.write([&] {
        std::optional<int64_t> sector;
        if (!institution_id) {
            auto aff = PersonRepository(db_).affiliation_at(person_id, today());
            institution_id = aff.institution_id;
            sector = aff.sector_id;
        } else if (auto inst = InstitutionRepository(db_).get(*institution_id)) {
            sector = inst->primary_sector();
        }
        int seats = training->input.seats;
        bool seat = seats == 0 || seats_taken(training_id) < seats;
        std::optional<int> position;
        if (!seat)
            position = select_first<int>(db_.sql(),
                                        "SELECT coalesce(max(waiting_position), 0) + 1 FROM catalogue_registration "
                                        "WHERE training_id = ? AND status = 'waiting'",
                                        training_id);
        exec_sql(db_.sql(),
                "INSERT INTO catalogue_registration(training_id, person_id, institution_id, sector_id, status, "
                "waiting_position, source) VALUES(?1,?2,?3,?4,?5,?6,?7) ON CONFLICT(training_id, person_id) DO UPDATE "
                "SET institution_id = ?3, sector_id = ?4, status = ?5, waiting_position = ?6, reason = NULL, "
                "registered_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'), source = ?7",
                training_id, person_id, institution_id, sector, std::string(seat ? "registered" : "waiting"), position,
                source);
        auto r = *find(training_id, person_id);
        if (seat) add_attendance_rows(training_id, r);
        audit(db_, "register", "catalogue_registration", r.id, r.status);
        return r;
    });
}

void RegistrationService::renumber_waiting(int64_t training_id) {
    int pos = 1;
    for (auto id : select_column<int64_t>(db_.sql(),
                                         "SELECT id FROM catalogue_registration WHERE training_id = ? AND "
                                         "status = 'waiting' ORDER BY waiting_position, id",
                                         training_id))
        exec_sql(db_.sql(), "UPDATE catalogue_registration SET waiting_position = ? WHERE id = ?", pos++, id);
}

std::optional<int64_t> RegistrationService::cancel(int64_t training_id, int64_t person_id, const std::string& reason) {
    if (reason.find_first_not_of(" \t") == std::string::npos) throw Error(tr("A cancellation needs a reason."));
    auto r = find(training_id, person_id);
    if (!r || r->status == "cancelled") throw Error(tr("This person has no active registration for this training."));
    return db_.write([&]() -> std::optional<int64_t> {
        exec_sql(db_.sql(), "UPDATE catalogue_registration SET status = 'cancelled', reason = ?, waiting_position = NULL "
                           "WHERE id = ?",
                reason, r->id);
        // Attendance rows that were only a registration go; recorded presence stays.
        exec_sql(db_.sql(),
                "DELETE FROM attendance WHERE person_id = ? AND status = 'registered' AND session_id IN "
                "(SELECT session_id FROM catalogue_training_day WHERE training_id = ?)",
                person_id, training_id);
        // The reason is free text that may name people: it stays in the row, where erasure reaches it.
        audit(db_, "cancel", "catalogue_registration", r->id, "person #" + std::to_string(person_id));
        std::optional<int64_t> promoted;
        if (r->status == "registered") {
            if (auto waiting = kRegistrations.row(
                    db_.sql(), "WHERE training_id = ? AND status = 'waiting' ORDER BY waiting_position, id LIMIT 1",
                    training_id)) {
                auto& next = *waiting;
                exec_sql(db_.sql(),
                        "UPDATE catalogue_registration SET status = 'registered', waiting_position = NULL WHERE id = ?",
                        next.id);
                next.status = "registered";
                add_attendance_rows(training_id, next);
                audit(db_, "promote", "catalogue_registration", next.id, "from waiting list");
                promoted = next.person_id;
            }
        }
        renumber_waiting(training_id);
        return promoted;
    });
}

void RegistrationService::set_attendance(int64_t session_id, int64_t person_id, const std::string& status,
                                         const std::string& reason) {
    if (status != "registered" && status != "present" && status != "excused" && status != "absent")
        throw Error(tr("The attendance status is registered, present, excused or absent."));
    if (!CatalogueStore(db_).training_of_day(session_id)) throw Error(tr("This session is not a training day."));
    db_.write([&] {
        SessionRepository sessions(db_);
        Attendance a;
        for (const auto& existing : sessions.attendance(session_id))
            if (existing.person_id == person_id) a = existing;
        a.session_id = session_id;
        a.person_id = person_id;
        a.status = status;
        a.reason = reason;
        if (a.role.empty()) a.role = "participant";
        sessions.record(a);
    });
}

double RegistrationService::hours_attended(int64_t training_id, int64_t person_id) const {
    double hours = 0;
    SessionRepository sessions(db_);
    for (auto id : select_column<int64_t>(db_.sql(),
                                         "SELECT s.id FROM catalogue_training_day d JOIN session s ON s.id = d.session_id "
                                         "JOIN attendance a ON a.session_id = s.id WHERE d.training_id = ? AND "
                                         "a.person_id = ? AND a.status = 'present' AND s.status <> 'cancelled'",
                                         training_id, person_id))
        hours += sessions.get(id)->hours();
    return hours;
}

int64_t RegistrationService::add_expectation(int64_t training_id, int64_t person_id, const std::string& text) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw Error(tr("An expectation needs a text."));
    return db_.write([&] {
        exec_sql(db_.sql(), "INSERT INTO catalogue_expectation(training_id, person_id, text) VALUES(?,?,?)", training_id,
                person_id, text);
        return db_.sql().getLastInsertRowid();
    });
}

void RegistrationService::set_expectation_met(int64_t expectation_id, const std::string& met) {
    if (met != "yes" && met != "partly" && met != "no") throw Error(tr("Whether an expectation was met is yes, partly or no."));
    db_.write([&] {
        if (exec_sql(db_.sql(), "UPDATE catalogue_expectation SET met = ? WHERE id = ?", met, expectation_id) == 0)
            throw Error(tr("Unknown expectation."));
    });
}

std::vector<Expectation> RegistrationService::expectations(int64_t training_id) const {
    static const RowMap kExpectationRow{column("id", &Expectation::id), column("training_id", &Expectation::training_id),
                                        column("person_id", &Expectation::person_id), column("text", &Expectation::text),
                                        column("met", &Expectation::met)};
    return query_all(db_.sql(), kExpectationRow,
                      kExpectationRow.select("FROM catalogue_expectation WHERE training_id = ? ORDER BY person_id, id"),
                      training_id);
}

Expectation find_expectation(Database& db, int64_t training_id, int64_t person_id, const std::string& text) {
    const auto lower = [](std::string s) {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    std::vector<Expectation> theirs, fitting;
    for (const auto& x : RegistrationService(db).expectations(training_id))
        if (x.person_id == person_id) {
            theirs.push_back(x);
            if (lower(x.text).rfind(lower(text), 0) == 0) fitting.push_back(x);
        }
    if (fitting.size() == 1) return fitting.front();
    if (theirs.empty()) throw Error(tr("This person has recorded no expectation in this training."));
    std::string list;
    for (const auto& x : theirs) list += (list.empty() ? "" : "; ") + std::to_string(x.id) + " — " + x.text;
    throw Error(trf("Say which expectation (--text, its first words, or --id): {list}.", fmt::arg("list", list)));
}

}  // namespace maillage::catalogue
