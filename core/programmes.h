#pragma once
// Programmes (Connect, Support, PAT, Formation...) and funding sources (COCOM, COCOF...):
// editable reference data, retired rather than deleted.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage {

class Database;

struct Programme {
    int64_t id = 0;
    std::string code;
    std::string name;
    std::optional<int64_t> parent_id;
    bool retired = false;
};

// A funder can sit under another (a foundation's programme under the foundation).
struct Funder {
    int64_t id = 0;
    std::string code;
    std::string name;
    std::string notes;
    bool retired = false;
    std::optional<int64_t> parent_id;  // last: aggregate initialisers written before it stay valid
};

class ProgrammeRepository {
public:
    explicit ProgrammeRepository(Database& db) : db_(db) {}
    std::vector<Programme> list(bool include_retired = false) const;
    std::optional<Programme> find_by_code(const std::string& code) const;
    std::optional<Programme> get(int64_t id) const;
    // Both throw maillage::Error naming the field: empty or duplicate code, empty name,
    // a parent that does not exist or would make a loop (a programme under itself).
    int64_t create(const Programme& programme);
    void update(const Programme& programme);
    void retire(int64_t id);

private:
    Database& db_;
};

class FunderRepository {
public:
    explicit FunderRepository(Database& db) : db_(db) {}
    std::vector<Funder> list(bool include_retired = false) const;
    std::optional<Funder> find_by_code(const std::string& code) const;
    std::optional<Funder> get(int64_t id) const;
    int64_t create(const Funder& funder);  // same checks as ProgrammeRepository::create
    void update(const Funder& funder);
    void retire(int64_t id);

private:
    Database& db_;
};

// What the first-start assistant sets up on an empty database. Parents are named by
// code and may be one of the new records listed before ("pat" under "support").
struct NewReference {
    std::string code, name, parent_code;
};
struct FirstStartSetup {
    std::string organisation;  // stored as the setting "organisation.name"
    std::vector<NewReference> programmes, funders;
};

// Writes the setup in one transaction; throws maillage::Error naming the record and the
// field (an unknown parent, a duplicate code...) and then changes nothing.
void apply_first_start(Database& db, const FirstStartSetup& setup);

// The organisation's name ("" until the first start is done).
std::string organisation_name(Database& db);

// True on a database nobody has set up yet: no organisation name, no programme, no
// institution and no person (a fresh `maillage-cli init` without demo).
bool needs_first_start(Database& db);

}  // namespace maillage
