#pragma once
// Imports of every entity from a CSV file or a sheet of an XLSX workbook (docs/import.md).
//
// The core and each plugin register one EntityImporter per entity (a sheet of the
// workbook template, a `maillage-cli import <sheet>` command). Every importer reads its
// columns by header name, refers to records by what users know (people by email or name
// + institution, institutions by name, programmes and funders by code, cycles by name +
// programme...; an id like "#12" is accepted, never required), checks every row and
// throws maillage::ParseError (file, line, column, reason) on the first bad one. It runs
// inside one Database::write: a refused file, or a dry run, writes nothing.
#include "core/csv.h"
#include "core/error.h"
#include "core/xlsx_read.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace maillage {

class Database;

struct ImportColumnDoc {
    std::string name;                  // the header the template writes
    std::vector<std::string> aliases;  // also accepted (French, Dutch)
    bool required = false;
    std::string help;                  // translated: what to type
    // The list the template offers as a drop-down: "sectors", "programmes", "funders",
    // or fixed values separated by "|" ("present|excused|absent"). Empty: free text.
    std::string choices;
    // The drop-down's values when they come from a plugin's own data (the themes).
    std::function<std::vector<std::string>(Database&)> values;
};

struct ImportCount {
    int created = 0, updated = 0, unchanged = 0;
    std::vector<std::string> notes;  // what else happened ("waiting list: 2")
};

struct EntityImporter {
    std::string sheet;   // "enrolments": the sheet name and the command name
    std::string plugin;  // "core" or the plugin's id
    int order = 0;       // dependency order in the workbook (lower first)
    std::function<std::string()> title;                   // translated
    std::function<std::vector<ImportColumnDoc>()> columns;  // translated help
    // Checks and writes every row; throws ParseError on the first bad one. Runs inside
    // Database::write (run_import), so a throw leaves nothing written.
    std::function<ImportCount(Database&, const csv::Table&)> apply;
};

// The core's importers (programmes, funders, institutions, people): registered on the
// first use of the registry.
void register_core_importers();
// Adds an importer; one with the same sheet name is replaced. Called by the core and by
// each plugin's constructor.
void register_importer(EntityImporter importer);
std::vector<EntityImporter> registered_importers();  // by order, then name
std::optional<EntityImporter> find_importer(const std::string& sheet);

// Runs one importer in one transaction; a dry run checks everything and writes nothing.
ImportCount run_import(Database& db, const EntityImporter& importer, const csv::Table& table, bool dry_run);

struct WorkbookImport {
    std::vector<std::pair<std::string, ImportCount>> sheets;  // in the order they were loaded
    std::vector<std::string> ignored;                          // sheets no importer knows
};
// Loads every known sheet of a workbook in dependency order, in ONE transaction: the
// first bad row of any sheet refuses the whole workbook.
WorkbookImport import_workbook(Database& db, const std::vector<xlsx::Sheet>& sheets, bool dry_run);

// Reading a row's references by natural keys, with errors at the row's line and column
// that name the valid values or the candidates.
class RowReader {
public:
    using Col = std::optional<std::size_t>;
    RowReader(Database& db, const csv::Table& table) : db_(db), t_(table) {}
    Col col(std::initializer_list<std::string_view> names) const { return t_.find(names); }
    Col need_col(std::initializer_list<std::string_view> names) const { return t_.require(names); }
    std::string text(const csv::Row& row, Col c) const;  // one line, trimmed
    std::string required(const csv::Row& row, Col c) const;
    // A date in any spreadsheet form, as ISO; "" when the cell is empty and not required.
    std::string date(const csv::Row& row, Col c, bool required = false) const;
    std::string time(const csv::Row& row, Col c) const;  // "9:30", "09h30" -> "09:30"
    std::optional<int64_t> integer(const csv::Row& row, Col c, int64_t min, int64_t max) const;
    // One of `valid` (codes), or an alias mapped to a code; "" when empty and allowed.
    std::string choice(const csv::Row& row, Col c, const std::vector<std::string>& valid,
                       const std::vector<std::pair<std::string, std::string>>& aliases = {},
                       const std::string& fallback = {}) const;
    // People: the email column, else first + last name (with the institution when
    // several people share the name); "#12" in the email column is an id.
    int64_t person(const csv::Row& row, Col email, Col first = {}, Col last = {}, Col institution = {}) const;
    std::optional<int64_t> person_or_none(const csv::Row& row, Col email) const;  // empty cell: none
    std::optional<int64_t> institution(const csv::Row& row, Col c) const;        // by name; empty: none
    std::optional<int64_t> programme(const csv::Row& row, Col c) const;          // by code; empty: none
    std::optional<int64_t> funder(const csv::Row& row, Col c) const;
    std::optional<int64_t> sector(const csv::Row& row, Col c) const;             // code or label
    [[noreturn]] void fail(const csv::Row& row, Col c, const std::string& reason) const;
    const csv::Table& table() const { return t_; }
    Database& db() const { return db_; }

private:
    Database& db_;
    const csv::Table& t_;
};

// Runs f for one cell of a row: an Error it throws becomes that row's ParseError (file,
// line, column); a ParseError passes through.
template <class F>
auto at_row(const RowReader& r, const csv::Row& row, RowReader::Col c, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const ParseError&) {
        throw;
    } catch (const Error& e) {
        r.fail(row, c, e.what());
    }
}

// A cell holding several values ("a@x.be | b@x.be", "fr, nl"), each trimmed.
std::vector<std::string> split_list(const std::string& text);

// True for an id written "#12" (or "12" where a number cannot be a name).
std::optional<int64_t> id_text(const std::string& text);

}  // namespace maillage
