#pragma once
// Sectors (secteurs): editable reference data with a label per UI language.
// Retired, never deleted, so old participations keep their meaning.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage {

class Database;

struct Sector {
    int64_t id = 0;
    std::string code;
    std::string label_fr, label_nl, label_en;
    std::string family = "other";  // social | mental_health | other
    int sort_order = 0;
    bool retired = false;

    // The label in "fr", "nl" or "en" (French when the language is unknown).
    const std::string& label(const std::string& language) const;
};

class SectorRepository {
public:
    explicit SectorRepository(Database& db) : db_(db) {}

    std::vector<Sector> list(bool include_retired = false) const;
    std::optional<Sector> get(int64_t id) const;
    std::optional<Sector> find_by_code(const std::string& code) const;
    // Finds by code or by label in any language, ignoring case.
    std::optional<Sector> find(const std::string& code_or_label) const;

    // Creates a sector; throws maillage::Error on an empty or duplicate code/label.
    int64_t create(const Sector& sector);
    void update(const Sector& sector);
    void retire(int64_t id);
    void restore(int64_t id);

private:
    Database& db_;
};

}  // namespace maillage
