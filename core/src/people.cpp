#include "core/people.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/single_line.h"
#include "core/record_map.h"
#include "core/record_sql.h"
#include "core/references.h"
#include "core/row_reader.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cctype>

namespace maillage {
namespace {
const char* const kRoles[] = {"worker", "peer_worker", "facilitator", "trainer", "staff", "manager"};

const RowMap kPersonRow{column("id", &Person::id), nullable(column("first_name", &Person::first_name)),
    nullable(column("last_name", &Person::last_name)), nullable(column("email", &Person::email)),
    nullable(column("phone", &Person::phone)), nullable(column("language", &Person::language)),
    nullable(column("notes", &Person::notes)), read_only(column("erased_at IS NOT NULL AS erased", &Person::erased))};
// An erased person is not updated: to the window, they no longer exist.
const RecordTable<Person> kPersonTable =
    record_table_of<kPersonRow>("person").with_update(kStampUpdatedAt, "erased_at IS NULL");

std::string select_person(std::string_view where) { return kPersonRow.select("FROM person " + std::string(where)); }

// What person_role holds of a person read by kPersonRow.
void add_roles(Database& db, Person& p) {
    p.roles =
        select_column<std::string>(db.sql(), "SELECT role FROM person_role WHERE person_id = ? ORDER BY role", p.id);
}
// add_roles for completed().
auto roles_of(Database& db) {
    return [&db](Person& p) { add_roles(db, p); };
}

const RowMap kEmploymentRow{
    column("id", &Employment::id), owner(column("person_id", &Employment::person_id)),
    column("institution_id", &Employment::institution_id), column("sector_id", &Employment::sector_id),
    nullable(column("job_title", &Employment::job_title)), nullable(column("start_date", &Employment::start_date)),
    nullable(column("end_date", &Employment::end_date))};
const RecordTable<Employment> kEmploymentTable = record_table_of<kEmploymentRow>("employment");

// What the pattern [^@\s]+@[^@\s]+\.[^@\s]+ accepts, without a regex per row (imports).
bool email_shape(const std::string& e) {
    const auto at = e.find('@');
    if (at == std::string::npos || at == 0 || e.find('@', at + 1) != std::string::npos) return false;
    for (unsigned char c : e)
        if (std::isspace(c)) return false;
    const auto dot = e.rfind('.');
    return dot != std::string::npos && dot > at + 1 && dot + 1 < e.size();
}

void validate(const Person& p) {
    if (p.first_name.empty() && p.last_name.empty()) throw Error(tr("Name: a person needs a first or last name."));
    require_single_line(tr("First name"), p.first_name);
    require_single_line(tr("Last name"), p.last_name);
    require_single_line(tr("Email"), p.email);
    require_single_line(tr("Phone"), p.phone);
    if (!p.email.empty() && !email_shape(p.email))
        throw Error(trf("Email: \"{value}\" is not an email address.", fmt::arg("value", p.email)));
    if (!p.language.empty() && p.language != "fr" && p.language != "nl" && p.language != "en")
        throw Error(trf("Language: \"{value}\" is not one of fr, nl, en.", fmt::arg("value", p.language)));
    for (const auto& role : p.roles)
        if (std::find(std::begin(kRoles), std::end(kRoles), role) == std::end(kRoles))
            throw Error(trf("Role: \"{value}\" is not one of worker, peer_worker, facilitator, trainer, staff, "
                            "manager.",
                            fmt::arg("value", role)));
}

void write_roles(Database& db, const Person& p) {
    exec_sql(db.sql(), "DELETE FROM person_role WHERE person_id = ?", p.id);
    SQLite::Statement ins(db.sql(), "INSERT OR IGNORE INTO person_role(person_id, role) VALUES (?,?)");
    for (const auto& role : p.roles) {
        bind_all(ins, p.id, role);
        ins.exec();
        ins.reset();
    }
}

bool iso_shape(const std::string& d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
    return true;
}

void validate_employment(const Employment& e) {
    require_single_line(tr("Job title"), e.job_title);
    if (!e.start_date.empty() && !iso_shape(e.start_date))
        throw Error(trf("Start date: \"{value}\" is not a date (YYYY-MM-DD).", fmt::arg("value", e.start_date)));
    if (!e.end_date.empty() && !iso_shape(e.end_date))
        throw Error(trf("End date: \"{value}\" is not a date (YYYY-MM-DD).", fmt::arg("value", e.end_date)));
    if (!e.start_date.empty() && !e.end_date.empty() && e.end_date < e.start_date)
        throw Error(tr("End date: the employment ends before it starts."));
}
}  // namespace

std::string Person::display_name() const {
    if (erased) return tr("(erased person)");
    if (first_name.empty()) return last_name;
    if (last_name.empty()) return first_name;
    return first_name + " " + last_name;
}

bool Person::has_role(const std::string& role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

std::optional<Person> PersonRepository::get(int64_t id) const {
    return completed(query_one(db_.sql(), kPersonRow, select_person("WHERE id = ?"), id), roles_of(db_));
}

std::vector<Person> PersonRepository::search(const std::string& text, int limit) const {
    SQLite::Statement q(db_.sql(),
                        select_person(
                            "WHERE erased_at IS NULL AND (?1 = '' OR (coalesce(first_name,'') || ' ' || "
                            "coalesce(last_name,'')) LIKE '%' || ?1 || '%' OR (coalesce(last_name,'') || ' ' || "
                            "coalesce(first_name,'')) LIKE '%' || ?1 || '%' OR email LIKE '%' || ?1 || '%') "
                            "ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE LIMIT ?2"));
    bind_all(q, text, limit);
    return completed(read_all(q, kPersonRow), roles_of(db_));
}

std::vector<Person> PersonRepository::with_role(const std::string& role) const {
    return completed(query_all(db_.sql(), kPersonRow,
                               select_person("WHERE erased_at IS NULL AND id IN (SELECT person_id FROM person_role "
                                             "WHERE role = ?) ORDER BY last_name COLLATE NOCASE, first_name "
                                             "COLLATE NOCASE"),
                               role),
                     roles_of(db_));
}

std::optional<Person> PersonRepository::find_by_email(const std::string& email) const {
    if (email.empty()) return std::nullopt;
    return completed(
        query_one(db_.sql(), kPersonRow, select_person("WHERE erased_at IS NULL AND email = ? COLLATE NOCASE"), email),
        roles_of(db_));
}

int64_t PersonRepository::count() const { return db_.scalar_int("SELECT count(*) FROM person WHERE erased_at IS NULL"); }

int64_t PersonRepository::create(const Person& p) {
    validate(p);
    return db_.write(trf("Create {name}", fmt::arg("name", p.display_name())), [&] {
        Person stored = p;
        stored.id = kPersonTable.insert(db_.sql(), p);
        write_roles(db_, stored);
        audit(db_, "create", "person", stored.id, "");
        return stored.id;
    });
}

void PersonRepository::update(const Person& p) {
    validate(p);
    db_.write(trf("Edit {name}", fmt::arg("name", p.display_name())), [&] {
        kPersonTable.save(db_, false, p.id, p, "", tr("This person no longer exists or was erased."));
        write_roles(db_, p);
    });
}

int64_t PersonRepository::add_employment(const Employment& e) {
    validate_employment(e);
    return kEmploymentTable.create(db_, e, "person #" + std::to_string(e.person_id));
}

void PersonRepository::update_employment(const Employment& e) {
    validate_employment(e);
    kEmploymentTable.update(db_, e.id, e, "", tr("This employment no longer exists."));
}

void PersonRepository::remove_employment(int64_t id) {
    db_.write([&] { delete_audited(db_, "employment", id); });
}

std::vector<Employment> PersonRepository::employments(int64_t person_id) const {
    return query_all(db_.sql(), kEmploymentRow,
                     kEmploymentRow.select("FROM employment WHERE person_id = ? ORDER BY coalesce(start_date,''), id"),
                     person_id);
}

DeleteImpact PersonRepository::delete_impact(int64_t id) const {
    const auto person = get(id);
    auto impact = maillage::delete_impact(db_, "person", id, person.has_value(), tr("This person no longer exists."));
    if (!person || impact.refused_by.empty()) return impact;
    if (const auto sessions =
            *select_first<int64_t>(db_.sql(), "SELECT count(*) FROM attendance WHERE person_id = ?", id);
        sessions > 0)
        impact.refusal = trf("{name} cannot be deleted: they took part in {count} session(s), which the figures "
                             "count. Erase them (GDPR) to remove who they are and keep the figures anonymous, or "
                             "merge them into the record that replaces them.",
                             fmt::arg("name", person->display_name()), fmt::arg("count", sessions));
    else
        impact.refusal = trf("{name} cannot be deleted: other records point to them ({counts}). Erase them (GDPR) "
                             "or merge them into the record that replaces them.",
                             fmt::arg("name", person->display_name()),
                             fmt::arg("counts", describe_counts(impact.refused_by)));
    return impact;
}

void PersonRepository::remove(int64_t id) {
    const auto person = get(id);
    if (!person) throw Error(tr("This person no longer exists."));
    db_.write(trf("Delete {name}", fmt::arg("name", person->display_name())), [&] {
        const auto impact = delete_impact(id);
        if (!impact.allowed()) throw Error(impact.refusal);
        delete_audited(db_, "person", id);
    });
}

void PersonRepository::merge(int64_t from, int64_t into) {
    if (from == into) throw Error(tr("A person cannot be merged into themselves."));
    const auto source = get(from);
    const auto target = get(into);
    if (!source || !target) throw Error(tr("One of the people to merge no longer exists."));
    if (source->erased || target->erased) throw Error(tr("An erased person cannot be merged."));
    db_.write(trf("Merge {from} into {into}", fmt::arg("from", source->display_name()),
                  fmt::arg("into", target->display_name())),
              [&] {
        auto& sql = db_.sql();
        // The kept record keeps its values; what it lacks comes from the duplicate.
        SQLite::Statement fill(sql,
                               "UPDATE person SET "
                               "email = coalesce(nullif(email,''), (SELECT email FROM person WHERE id = ?1)), "
                               "phone = coalesce(nullif(phone,''), (SELECT phone FROM person WHERE id = ?1)), "
                               "language = coalesce(language, (SELECT language FROM person WHERE id = ?1)), "
                               "notes = coalesce(nullif(notes,''), (SELECT notes FROM person WHERE id = ?1)), "
                               "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?2");
        bind_all(fill, from, into);
        fill.exec();
        // Both at one session: one participation stays, with the more telling status.
        const auto rank = [](const std::string& a) {
            return "(CASE " + a + ".status WHEN 'present' THEN 3 WHEN 'excused' THEN 2 WHEN 'absent' THEN 1 ELSE 0 END)";
        };
        SQLite::Statement both(sql, "UPDATE attendance AS k SET status = d.status, reason = d.reason FROM attendance d "
                                    "WHERE k.person_id = ?2 AND d.person_id = ?1 AND d.session_id = k.session_id AND " +
                                        rank("d") + " > " + rank("k"));
        bind_all(both, from, into);
        both.exec();
        // Roles, employment, attendance and every plugin row that points to people.
        move_references(db_, "person", from, into);
        // What could not move duplicates a row of the kept record (same session, same
        // group...): it goes with the duplicate.
        for (const auto& ref : references_to(db_, "person")) {
            SQLite::Statement left(sql, "DELETE FROM \"" + ref.table + "\" WHERE \"" + ref.column + "\" = ?");
            left.bind(1, from);
            try {
                left.exec();
            } catch (const SQLite::Exception&) {
                throw Error(trf("{from} and {into} cannot be merged: both have a {table} record for the same thing, "
                                "with records of its own. Remove one of them first.",
                                fmt::arg("from", source->display_name()), fmt::arg("into", target->display_name()),
                                fmt::arg("table", ref.table)));
            }
        }
        exec_sql(sql, "DELETE FROM person WHERE id = ?", from);
        audit(db_, "merge", "person", into, "merged person #" + std::to_string(from));
    });
}

Affiliation PersonRepository::affiliation_at(int64_t person_id, const std::string& date) const {
    SQLite::Statement q(db_.sql(),
                        "SELECT e.institution_id, coalesce(e.sector_id, (SELECT sector_id FROM institution_sector s "
                        "WHERE s.institution_id = e.institution_id ORDER BY is_primary DESC, sector_id LIMIT 1)) "
                        "FROM employment e WHERE e.person_id = ?1 "
                        "AND (e.start_date IS NULL OR e.start_date <= ?2) AND (e.end_date IS NULL OR e.end_date >= ?2) "
                        "ORDER BY coalesce(e.start_date,'') DESC, e.id DESC LIMIT 1");
    bind_all(q, person_id, date);
    Affiliation a;
    if (q.executeStep()) {
        a.institution_id = q.getColumn(0).getInt64();
        if (!q.getColumn(1).isNull()) a.sector_id = q.getColumn(1).getInt64();
    }
    return a;
}

namespace {
// Rows written by one multi-row INSERT: one statement step, one record buffer and one
// cursor for the lot instead of per row (issue 18).
constexpr int kBulkRows = 64;

// "INSERT ... VALUES (row),(row)..." for `rows` rows of `columns` parameters, numbered
// from `first` on (the parameters before it are shared by every row).
std::string multi_insert(const char* head, int columns, int rows, int first, const char* extra = "") {
    std::string sql = head;
    int n = first;
    for (int r = 0; r < rows; ++r) {
        sql += r ? ",(" : " VALUES (";
        for (int c = 0; c < columns; ++c) sql += (c ? ",?" : "?") + std::to_string(n++);
        sql += extra;
        sql += ')';
    }
    return sql;
}

void bind_text_or_null(SQLite::Statement& q, int index, const std::string& v) {
    if (v.empty())
        q.bind(index);
    else
        q.bindNoCopy(index, v);  // the pending row outlives the statement's step
}
}  // namespace

struct PersonBulkWriter::Statements {
    // Statements for a full batch and for one row (the remainder, and a failed batch
    // replayed row by row so that the error is the one its row gives on its own).
    SQLite::Statement people, person, roles, role, jobs, job;
    // One creation time for the whole batch, taken once: the column default would
    // format the clock twice per row.
    explicit Statements(SQLite::Database& db)
        : people(db, multi_insert("INSERT INTO person(id, first_name, last_name, email, phone, language, notes, "
                                  "created_at, updated_at)",
                                  7, kBulkRows, 2, ",?1,?1")),
          person(db, multi_insert("INSERT INTO person(id, first_name, last_name, email, phone, language, notes, "
                                  "created_at, updated_at)",
                                  7, 1, 2, ",?1,?1")),
          roles(db, multi_insert("INSERT OR IGNORE INTO person_role(person_id, role)", 2, kBulkRows, 1)),
          role(db, multi_insert("INSERT OR IGNORE INTO person_role(person_id, role)", 2, 1, 1)),
          jobs(db, multi_insert("INSERT INTO employment(person_id, institution_id, sector_id, job_title, start_date, "
                                "end_date)",
                                6, kBulkRows, 1)),
          job(db, multi_insert("INSERT INTO employment(person_id, institution_id, sector_id, job_title, start_date, "
                               "end_date)",
                               6, 1, 1)) {}
};

namespace {
// Writes `rows` through `many` in batches of kBulkRows and the rest through `one`;
// bind(statement, first parameter, row) binds one row's values.
template <class Row, class Bind>
void write_rows(SQLite::Statement& many, SQLite::Statement& one, int first, int columns, const std::vector<Row>& rows,
                Bind&& bind) {
    size_t i = 0;
    for (; i + kBulkRows <= rows.size(); i += kBulkRows) {
        many.reset();
        for (int r = 0; r < kBulkRows; ++r) bind(many, first + r * columns, rows[i + size_t(r)]);
        try {
            many.exec();
        } catch (const SQLite::Exception&) {
            // The batch is undone as one statement: its rows again one by one, so that the
            // row at fault fails with its own error.
            many.reset();
            for (int r = 0; r < kBulkRows; ++r) {
                one.reset();
                bind(one, first, rows[i + size_t(r)]);
                one.exec();
            }
            throw;
        }
    }
    for (; i < rows.size(); ++i) {
        one.reset();
        bind(one, first, rows[i]);
        one.exec();
    }
}
}  // namespace

PersonBulkWriter::PersonBulkWriter(Database& db) : db_(db), st_(std::make_unique<Statements>(db.sql())) {
    const auto now = db.sql().execAndGet("SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now')").getString();
    st_->people.bind(1, now);
    st_->person.bind(1, now);
    // The ids SQLite would give (person has no AUTOINCREMENT: the largest id plus one),
    // known before the rows are written so that their jobs and roles can name them.
    next_id_ = db.sql().execAndGet("SELECT coalesce(max(id), 0) FROM person").getInt64() + 1;
}

PersonBulkWriter::~PersonBulkWriter() = default;

int64_t PersonBulkWriter::create(const Person& p) {
    validate(p);
    const auto id = next_id_++;
    auto& row = people_.emplace_back();
    row.id = id;
    row.first_name = p.first_name;
    row.last_name = p.last_name;
    row.email = p.email;
    row.phone = p.phone;
    row.language = p.language;
    row.notes = p.notes;
    for (const auto& role : p.roles) roles_.emplace_back(id, role);
    if (people_.size() >= size_t(kBulkRows) * 16) flush();
    return id;
}

void PersonBulkWriter::add_employment(const Employment& e) {
    validate_employment(e);
    jobs_.push_back(e);
}

void PersonBulkWriter::flush() {
    write_rows(st_->people, st_->person, 2, 7, people_, [](SQLite::Statement& q, int at, const Person& p) {
        q.bind(at, p.id);
        bind_text_or_null(q, at + 1, p.first_name);
        bind_text_or_null(q, at + 2, p.last_name);
        bind_text_or_null(q, at + 3, p.email);
        bind_text_or_null(q, at + 4, p.phone);
        bind_text_or_null(q, at + 5, p.language);
        bind_text_or_null(q, at + 6, p.notes);
    });
    write_rows(st_->roles, st_->role, 1, 2, roles_,
               [](SQLite::Statement& q, int at, const std::pair<int64_t, std::string>& r) {
                   q.bind(at, r.first);
                   q.bindNoCopy(at + 1, r.second);
               });
    write_rows(st_->jobs, st_->job, 1, 6, jobs_, [](SQLite::Statement& q, int at, const Employment& e) {
        q.bind(at, e.person_id);
        q.bind(at + 1, e.institution_id);
        if (e.sector_id)
            q.bind(at + 2, *e.sector_id);
        else
            q.bind(at + 2);
        bind_text_or_null(q, at + 3, e.job_title);
        bind_text_or_null(q, at + 4, e.start_date);
        bind_text_or_null(q, at + 5, e.end_date);
    });
    // The statements keep pointers to the rows' text: every row is bound again before a step.
    people_.clear();
    roles_.clear();
    jobs_.clear();
}

}  // namespace maillage
