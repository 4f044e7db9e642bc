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

// Programmes and funders are the same kind of record (a code, a name and a parent, retired
// rather than deleted): one repository serves both.
template <class Record>
class CodedRepository {
public:
    explicit CodedRepository(Database& db) : db_(db) {}
    std::vector<Record> list(bool include_retired = false) const;
    std::optional<Record> find_by_code(const std::string& code) const;
    std::optional<Record> get(int64_t id) const;
    // Both throw maillage::Error naming the field: empty or duplicate code, empty name,
    // a parent that does not exist or would make a loop (a programme under itself).
    int64_t create(const Record& record);
    void update(const Record& record);
    void retire(int64_t id);

private:
    Database& db_;
};
using ProgrammeRepository = CodedRepository<Programme>;
using FunderRepository = CodedRepository<Funder>;
extern template class CodedRepository<Programme>;
extern template class CodedRepository<Funder>;

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
