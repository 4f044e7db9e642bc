#pragma once
// Catalogue editions ("2026": the yearly catalogue of open trainings): reference data
// created, edited and retired (never deleted) from the window and maillage-cli, by code.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace maillage {
class Database;
struct CliContext;
}  // namespace maillage

namespace maillage::catalogue {

struct Edition {
    int64_t id = 0;
    std::string code;  // "2026", what users type
    int year = 0;      // the calendar year of its trainings
    std::string title;
    std::string published_at;  // set by publishing
    bool retired = false;
    int trainings = 0;  // read only: open trainings in it
};

class EditionRepository {
public:
    explicit EditionRepository(Database& db) : db_(db) {}
    std::vector<Edition> list(bool include_retired = false) const;  // newest year first
    std::optional<Edition> find(const std::string& code) const;
    // Both throw maillage::Error naming the field: empty or duplicate code, a year
    // outside 2000-2100.
    int64_t create(const Edition& edition);
    void update(const Edition& edition);
    // Its trainings stay; no new training can be put in it.
    void retire(int64_t id);
    // Creates `next` (validated as create()) with a copy of every open training of the
    // edition `from`: its modules (their current sheets), seats, price, venue, languages
    // and registration URL, as "proposed", without days, registrations or deadline. A code
    // holding the old year gets the new one ("SM-2026-01" -> "SM-2027-01"), others get
    // "-<new code>". Returns the new edition's id. One transaction.
    int64_t copy(const std::string& from, const Edition& next);

private:
    Database& db_;
};

// maillage-cli catalogue edition create|list|edit|retire, under the plugin's command.
void add_edition_commands(CLI::App& catalogue, CliContext& context);

}  // namespace maillage::catalogue
