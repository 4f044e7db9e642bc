#pragma once
// The catalogue's data: themes, versioned module sheets, trainer qualifications,
// editions, trainings and their days. Plain class over the database (no wx).
#include "catalog/catalog_model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::catalogue {

struct ThemeRow {
    int64_t id = 0;
    catalog::Theme theme;
};

struct ModuleRecord {
    int64_t module_id = 0;
    int64_t version_id = 0;
    catalog::ModuleSheet sheet;  // trainer lists = the qualified trainers
    std::string created_at;
};

struct TrainingInput {
    std::string kind = "open";   // open | custom
    std::string edition;         // edition code (open trainings)
    std::string code;
    catalog::LocalText title;
    std::string venue;
    int seats = 0;
    std::optional<int> price_cents;
    std::string registration_deadline;
    std::vector<std::string> languages{"fr"};
    std::string registration_url;
    std::optional<int64_t> institution_id;  // custom
    std::string request;                    // custom: the request as stated
    std::optional<int64_t> analysis_response_id;
    std::string status = "planned";
    std::vector<std::string> module_codes;  // current versions are used
};

struct TrainingRow {
    int64_t id = 0;
    TrainingInput input;
    std::vector<int64_t> module_version_ids;
    std::vector<int64_t> day_session_ids;  // by date
};

struct DayInput {
    std::string date, start_time, end_time, venue;
    std::vector<int64_t> trainer_ids;
    std::string status = "planned";
    std::optional<int64_t> programme_id, funder_id;
};

class CatalogueStore {
public:
    explicit CatalogueStore(Database& db) : db_(db) {}

    int64_t ensure_theme(const catalog::Theme& theme);
    std::vector<ThemeRow> themes() const;
    std::optional<int64_t> theme_id(const std::string& code) const;

    // Saves a sheet: creates the module when the code is new, else adds a new version
    // when anything changed (returns the current version id either way). Trainers named
    // by e-mail who are known people get the qualification. Throws maillage::Error on an
    // unknown theme or a missing title/duration.
    int64_t save_module(const catalog::ModuleSheet& sheet);
    std::optional<ModuleRecord> module(const std::string& code) const;
    std::optional<ModuleRecord> module_version(int64_t version_id) const;
    std::vector<ModuleRecord> modules() const;                       // current versions, by theme then code
    std::vector<ModuleRecord> versions(const std::string& code) const;  // oldest first
    // A retired module stays in the trainings that used it (their sheet versions) and
    // in the published past; it is no longer offered for new trainings.
    void retire_module(const std::string& code, bool retired = true);
    bool module_retired(const std::string& code) const;

    void qualify(int64_t person_id, int64_t module_id);
    void unqualify(int64_t person_id, int64_t module_id);
    bool qualified(int64_t person_id, int64_t module_id) const;
    std::vector<int64_t> qualified_trainers(int64_t module_id) const;
    void add_unavailability(int64_t person_id, const std::string& from, const std::string& to, const std::string& note);
    bool available(int64_t person_id, const std::string& date) const;

    int64_t ensure_edition(const std::string& code, int year);
    std::optional<int64_t> edition_id(const std::string& code) const;
    std::vector<std::string> editions() const;

    // Throws maillage::Error on an unknown edition, module or a duplicate code.
    int64_t create_training(const TrainingInput& input);
    // Changes everything of the training; its modules keep the sheet versions they had.
    void update_training(int64_t id, const TrainingInput& input);
    std::optional<TrainingRow> training(int64_t id) const;
    std::optional<TrainingRow> training(const std::string& code) const;
    std::vector<TrainingRow> trainings(const std::string& edition = {}, const std::string& kind = {}) const;
    void set_training_status(int64_t id, const std::string& status);
    // The status as users see it: a planned training is "held" once its last day is past
    // and attendance was taken on every day that was not cancelled.
    std::string effective_status(int64_t id) const;

    // Adds a day: a core session of kind "training" with its trainers.
    int64_t add_day(int64_t training_id, const DayInput& day);
    std::vector<int64_t> day_trainers(int64_t session_id) const;
    void set_day_trainers(int64_t session_id, const std::vector<int64_t>& trainer_ids);
    std::optional<int64_t> training_of_day(int64_t session_id) const;

private:
    // The edition id and the module versions; throws on what create/update refuse.
    std::pair<std::optional<int64_t>, std::vector<int64_t>> validate_training(const TrainingInput& input, int64_t self) const;
    // Creates the training when id is 0, else changes it; returns its id.
    int64_t save_training(int64_t id, const TrainingInput& input);
    // The module's qualified trainers into its sheet.
    void add_trainers(ModuleRecord& record) const;
    Database& db_;
};

// The training with this code; throws maillage::Error naming the code when there is none.
TrainingRow require_training(Database& db, const std::string& code);

std::string join(const std::vector<std::string>& items, const std::string& sep);
std::vector<std::string> split(const std::string& text, char sep);

}  // namespace maillage::catalogue
