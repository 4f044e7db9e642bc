#pragma once
// People: front-line workers, peer workers, facilitators, trainers, staff. A person
// changes jobs; employment_at() tells where they worked on a given date, which is what
// a participation counts for.
#include "core/references.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <string>
#include <vector>

namespace maillage {

class Database;

struct Person {
    int64_t id = 0;
    std::string first_name, last_name;
    std::string email, phone;
    std::string language;            // fr | nl | en | ""
    std::string notes;
    std::vector<std::string> roles;  // worker, peer_worker, facilitator, trainer, staff, manager
    bool erased = false;

    std::string display_name() const;  // "First Last", or a placeholder once erased
    bool has_role(const std::string& role) const;
};

struct Employment {
    int64_t id = 0;
    int64_t person_id = 0;
    int64_t institution_id = 0;
    std::optional<int64_t> sector_id;  // when empty, the institution's primary sector applies
    std::string job_title;
    std::string start_date, end_date;  // ISO dates, "" = open
};

// Where a participation counts: the institution and sector on a date.
struct Affiliation {
    std::optional<int64_t> institution_id;
    std::optional<int64_t> sector_id;
};

class PersonRepository {
public:
    explicit PersonRepository(Database& db) : db_(db) {}

    std::optional<Person> get(int64_t id) const;
    // People (not erased) whose name or email contains the text; all when empty.
    std::vector<Person> search(const std::string& text, int limit = 200) const;
    std::vector<Person> with_role(const std::string& role) const;
    std::optional<Person> find_by_email(const std::string& email) const;
    int64_t count() const;

    int64_t create(const Person& person);
    void update(const Person& person);

    // What deleting the person would take with them (roles, employments...) and what
    // refuses it: any participation (then erase or merge instead) or other row.
    DeleteImpact delete_impact(int64_t id) const;
    // Deletes a person nothing but their own details points to; throws maillage::Error
    // with the refusal otherwise. One transaction; audited; undoable.
    void remove(int64_t id);
    // Folds the duplicate `from` into `into`: attendance (one per session, the more telling
    // status kept), roles, employment and every plugin row pointing to people follow;
    // empty details of `into` are filled from `from`; then `from` is deleted.
    void merge(int64_t from, int64_t into);

    int64_t add_employment(const Employment& employment);
    void update_employment(const Employment& employment);
    void remove_employment(int64_t employment_id);
    // Oldest first.
    std::vector<Employment> employments(int64_t person_id) const;
    // The employment covering `date` (ISO); when several do, the most recent start.
    // The sector is the employment's own, else the institution's primary sector.
    Affiliation affiliation_at(int64_t person_id, const std::string& date) const;

private:
    Database& db_;
};

// Creates many people inside the caller's transaction (imports): the same checks as
// PersonRepository::create()/add_employment() at once, the rows themselves written by
// multi-row statements prepared once, at the latest on flush(), which the caller must call
// before any other write to people or jobs and before its transaction ends (the
// destructor writes nothing). No audit entry per row — the caller records one entry for
// the batch that names the ids (import_people()). Must not outlive the database.
class PersonBulkWriter {
public:
    explicit PersonBulkWriter(Database& db);
    ~PersonBulkWriter();
    // The id the person gets (the one SQLite would give), known at once.
    int64_t create(const Person& person);
    void add_employment(const Employment& employment);
    void flush();

private:
    struct Statements;
    Database& db_;
    std::unique_ptr<Statements> st_;
    int64_t next_id_ = 0;
    std::vector<Person> people_;  // written on the next flush(), in this order
    std::vector<std::pair<int64_t, std::string>> roles_;
    std::vector<Employment> jobs_;
};

}  // namespace maillage
