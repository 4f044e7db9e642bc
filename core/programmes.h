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

struct Funder {
    int64_t id = 0;
    std::string code;
    std::string name;
    std::string notes;
    bool retired = false;
};

class ProgrammeRepository {
public:
    explicit ProgrammeRepository(Database& db) : db_(db) {}
    std::vector<Programme> list(bool include_retired = false) const;
    std::optional<Programme> find_by_code(const std::string& code) const;
    std::optional<Programme> get(int64_t id) const;
    int64_t create(const Programme& programme);  // throws maillage::Error on a duplicate code
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
    int64_t create(const Funder& funder);
    void update(const Funder& funder);
    void retire(int64_t id);

private:
    Database& db_;
};

}  // namespace maillage
