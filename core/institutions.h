#pragma once
// Institutions: services and organisations, with their sectors, region and language.
// Duplicates creep in; merge() folds one record into another.
#include "core/references.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage {

class Database;

struct Institution {
    int64_t id = 0;
    std::string name;
    std::string region;    // brussels | wallonia | flanders | "" (unknown)
    std::string municipality, postcode, address;
    std::string language;  // fr | nl | bilingual | ""
    std::string email, phone, website, notes;
    std::vector<int64_t> sector_ids;  // the first is the primary sector
    std::optional<int64_t> merged_into;

    std::optional<int64_t> primary_sector() const {
        return sector_ids.empty() ? std::nullopt : std::optional<int64_t>(sector_ids.front());
    }
};

class InstitutionRepository {
public:
    explicit InstitutionRepository(Database& db) : db_(db) {}

    std::optional<Institution> get(int64_t id) const;
    // Live (not merged) institutions whose name, municipality or postcode contains the
    // text, ignoring case and accents of the ASCII kind; all when text is empty.
    std::vector<Institution> search(const std::string& text, int limit = 200) const;
    // The live institution with this name, ignoring case in every alphabet
    // ("Institution TÉMOIN" finds "Institution Témoin"): see fold_name().
    std::optional<Institution> find_by_name(const std::string& name) const;
    int64_t count() const;

    // Throws maillage::Error naming the field when a value is not allowed.
    int64_t create(const Institution& institution);
    void update(const Institution& institution);

    // Moves everything that refers to `from` (employments, sessions hosted, attendance,
    // sectors, and every plugin table with a foreign key to institution) onto `into`,
    // then marks `from` as merged. One transaction; audited.
    void merge(int64_t from, int64_t into);

    // What deleting the institution would take with it (its sectors) and what refuses it
    // (employments, sessions hosted, participations, plugin rows, merged records).
    DeleteImpact delete_impact(int64_t id) const;
    // Deletes an institution nothing points to; throws maillage::Error with the refusal
    // (the counts of what points to it) otherwise. One transaction; audited; undoable.
    void remove(int64_t id);

private:
    Database& db_;
};

// The key two names are compared by: Unicode case folding with NFKC normalisation
// (ICU's NFKC_Casefold: "TÉMOIN", "témoin" and a decomposed "te\u0301moin" give one key),
// surrounding spaces trimmed and inner runs of spaces collapsed. Accents are kept:
// "Aprèstoe" and "Aprestoe" are two names (merging them is the user's decision).
std::string fold_name(const std::string& name);

// The institution a user names in a command: by its name (folded as above), else by its
// number; otherwise an Error that quotes the text. Shared by the core's and the
// plugins' commands.
Institution find_institution(Database& db, const std::string& name_or_number);

// Validates region and language codes (throws maillage::Error naming the field).
void validate_institution(const Institution& institution);

}  // namespace maillage
