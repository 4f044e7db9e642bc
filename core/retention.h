#pragma once
// Retention: how long each kind of personal data is kept, in the `setting` table, and
// what is due for erasure or anonymisation on a given day. Nothing happens without the
// user's confirmation: list what is due, then apply it.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage {

class Database;

// The kinds of data with a retention period, and their setting keys:
//  "people":      people with no activity (attendance, employment, evaluation, change)
//                 for N years are erased (setting retention.people_inactive_years);
//  "evaluations": evaluations older than N years become anonymous
//                 (setting retention.evaluation_identity_years).
struct RetentionKind {
    std::string kind;
    std::string setting;
};
const std::vector<RetentionKind>& retention_kinds();

// The period in years for a kind; nullopt when none is set (kept indefinitely).
std::optional<int> retention_years(Database& db, const std::string& kind);
// Sets (years > 0) or clears (nullopt) the period. Throws maillage::Error on an unknown kind.
void set_retention_years(Database& db, const std::string& kind, std::optional<int> years);

struct RetentionItem {
    std::string kind;            // "people" or "evaluations"
    int64_t id = 0;              // person id or response id
    std::string label;           // a name or a questionnaire title, for the list shown
    std::string last_activity;   // YYYY-MM-DD
};

// What is due on `today`, oldest first within each kind.
std::vector<RetentionItem> retention_due(Database& db, std::chrono::year_month_day today);

struct RetentionOutcome {
    int people_erased = 0;
    int evaluations_anonymised = 0;
};

// Erases/anonymises the items, in one transaction (see erase_people()).
RetentionOutcome apply_retention(Database& db, const std::vector<RetentionItem>& items);

// Today's date (local), and "YYYY-MM-DD" parsing for --today (throws maillage::Error).
std::chrono::year_month_day local_today();
std::chrono::year_month_day parse_iso_day(const std::string& text);

}  // namespace maillage
