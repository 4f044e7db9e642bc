#pragma once
// Importing registrations from the CSV a web form produces, without creating
// duplicates: each row is first matched against known people (same email, or same
// normalised name and institution) and its institution against known ones (same
// normalised name, or a similar one: "CAW (Westland)" / "CAW Westland"). Matches are
// proposals: nothing is merged until the user confirms (the CLI's --confirm-merges), or
// chooses to create new records (--create-new).
//
// The file is read by core/csv.h (quoting, ';' or ',', UTF-8 or Windows-1252, limits);
// headers are recognised in French, Dutch and English by the plugin (column_aliases()
// in the .cpp); "last name" and "first name" or "email" are required.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::exchange {

struct ImportRow {
    int line = 0;  // in the file, 1-based (the header is line 1)
    std::string first_name, last_name, email, phone, institution, sector, role, table, status, reason;
    // Where the row came from, for errors found against the database (unknown sector
    // or table): the file name and the 1-based columns (0: no such column).
    std::string file;
    int sector_column = 0, table_column = 0;
};

// Parses the web form's CSV. Throws maillage::ParseError (file, line, column, field,
// reason) on an unterminated quote or a missing required column.
std::vector<ImportRow> parse_registrations_csv(const std::string& text, const std::string& file_name);
std::vector<ImportRow> read_registrations_csv(const std::filesystem::path& file);

struct PersonMatch {
    int64_t person_id = 0;
    std::string name;
    std::string reason;  // "same email" | "same name and institution" (translated)
};

struct InstitutionMatch {
    int64_t institution_id = 0;
    std::string name;
    double similarity = 0;  // 1 = same normalised name
    bool exact = false;     // same name ignoring case only: used without asking
};

struct ImportProposal {
    ImportRow row;
    std::optional<PersonMatch> person;            // a known person this row may be
    std::optional<InstitutionMatch> institution;  // a known institution for the name typed
    int duplicate_of_line = 0;                    // an earlier row of the file is the same person
    bool already_registered = false;              // the matched person is registered already
};

struct ImportPlan {
    std::vector<ImportProposal> rows;
    // Proposals that need the user's word (person merges, non-exact institution matches).
    int64_t person_proposals() const;
    int64_t institution_proposals() const;
    bool needs_confirmation() const { return person_proposals() + institution_proposals() > 0; }
};

// Best known institution for a typed name: same normalised name first, else the most
// similar above kProposeThreshold; none when nothing is close.
std::optional<InstitutionMatch> match_institution(Database& db, const std::string& name);

// Throws maillage::ParseError naming line and column, with the valid values, on a
// sector or a table the database does not know: nothing is imported from such a file.
ImportPlan plan_import(Database& db, int64_t event_id, const std::vector<ImportRow>& rows);

struct ImportOptions {
    bool confirm_merges = false;  // accept every proposal
    bool create_new = false;      // refuse every proposal: new people and institutions
};

struct ImportResult {
    int64_t registrations = 0, waiting = 0;
    int64_t people_created = 0, people_merged = 0;
    int64_t institutions_created = 0, institutions_matched = 0;
    int64_t skipped = 0;  // same person twice in the file, or already registered
};

// Applies a plan in one transaction. Throws maillage::Error when the plan has proposals
// and neither option is set (nothing is written then).
ImportResult apply_import(Database& db, int64_t event_id, const ImportPlan& plan, const ImportOptions& options);

}  // namespace maillage::exchange
