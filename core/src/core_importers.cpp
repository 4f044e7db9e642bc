// The core's entities in the workbook: programmes, funders, institutions, people.
#include "core/entity_import.h"

#include "core/database.h"
#include "core/i18n.h"
#include "core/import_export.h"
#include "core/programmes.h"

#include <map>

namespace maillage {
namespace {

template <class Repo, class Record>
ImportCount import_references(Database& db, const csv::Table& t, bool funder) {
    RowReader r(db, t);
    const auto c_code = r.need_col({"code"});
    const auto c_name = r.need_col({"name", "nom", "naam"});
    const auto c_parent = r.col({"parent", "parent code", "sous", "onder"});
    const auto c_notes = r.col({"notes", "remarques", "opmerkingen"});
    Repo repo(db);
    ImportCount count;
    std::map<std::string, int> seen;
    // Parents may be defined further down the sheet: records first, parents after.
    std::vector<std::pair<const csv::Row*, int64_t>> with_parent;
    for (const auto& row : t.rows) {
        const auto code = r.required(row, c_code);
        if (auto it = seen.find(csv::normalize_header(code)); it != seen.end())
            r.fail(row, c_code, trf("the code {code} is already on line {line}", fmt::arg("code", code),
                                    fmt::arg("line", it->second)));
        seen[csv::normalize_header(code)] = row.line;
        const auto name = r.required(row, c_name);
        auto existing = repo.find_by_code(code);
        Record rec = existing ? *existing : Record{};
        const Record before = rec;
        rec.code = code;
        rec.name = name;
        if constexpr (std::is_same_v<Record, Funder>)
            if (auto n = r.text(row, c_notes); !n.empty()) rec.notes = n;
        int64_t id = 0;
        try {
            if (!existing) {
                id = repo.create(rec);
                ++count.created;
            } else {
                id = rec.id;
                bool same = before.name == rec.name;
                if constexpr (std::is_same_v<Record, Funder>) same = same && before.notes == rec.notes;
                if (same) {
                    ++count.unchanged;
                } else {
                    repo.update(rec);
                    ++count.updated;
                }
            }
        } catch (const ParseError&) {
            throw;
        } catch (const Error& e) {
            r.fail(row, c_name, e.what());
        }
        if (!r.text(row, c_parent).empty()) with_parent.emplace_back(&row, id);
    }
    for (const auto& [row, id] : with_parent) {
        const auto parent_code = r.text(*row, c_parent);
        auto parent = repo.find_by_code(parent_code);
        if (!parent)
            r.fail(*row, c_parent, trf("unknown parent \"{code}\"", fmt::arg("code", parent_code)));
        auto rec = *repo.get(id);
        if (rec.parent_id == parent->id) continue;
        rec.parent_id = parent->id;
        try {
            repo.update(rec);
        } catch (const ParseError&) {
            throw;
        } catch (const Error& e) {
            r.fail(*row, c_parent, e.what());
        }
    }
    (void)funder;
    return count;
}

ImportCount from_preview(const ImportPreview& p) {
    ImportCount c;
    c.created = p.creates;
    c.updated = p.updates;
    c.unchanged = p.unchanged;
    for (const auto& n : p.new_institutions) c.notes.push_back(trf("new institution: {name}", fmt::arg("name", n)));
    return c;
}

// Columns several sheets share.
ImportColumnDoc email_column(std::string help) { return {"email", {"e-mail", "courriel"}, false, std::move(help), ""}; }
ImportColumnDoc phone_column() { return {"phone", {"téléphone", "telefoon"}, false, tr("Phone"), ""}; }
ImportColumnDoc notes_column() { return {"notes", {"remarques", "opmerkingen"}, false, tr("Notes"), ""}; }

}  // namespace

void register_core_importers() {
    register_importer({"programmes", "core", 10, [] { return tr("Programmes"); },
                       [] {
                           return std::vector<ImportColumnDoc>{
                               {"code", {}, true, tr("The code users type (connect, pat...)"), ""},
                               {"name", {"nom", "naam"}, true, tr("The full name"), ""},
                               {"parent", {}, false, tr("Code of the programme it belongs to"), "programmes"}};
                       },
                       [](Database& db, const csv::Table& t) {
                           return import_references<ProgrammeRepository, Programme>(db, t, false);
                       }});
    register_importer(
        {"funders", "core", 11, [] { return tr("Funders"); },
         [] {
             return std::vector<ImportColumnDoc>{
                 {"code", {}, true, tr("The code users type (COCOM, COCOF...)"), ""},
                 {"name", {"nom", "naam"}, true, tr("The full name"), ""},
                 {"parent", {}, false, tr("Code of the funder it belongs to"), "funders"},
                 notes_column()};
         },
         [](Database& db, const csv::Table& t) { return import_references<FunderRepository, Funder>(db, t, true); }});
    register_importer({"institutions", "core", 20, [] { return tr("Institutions"); },
                       [] {
                           return std::vector<ImportColumnDoc>{
                               {"name", {"nom", "naam"}, true, tr("Matched with known institutions by name"), ""},
                               {"region",
                                {"région", "regio"},
                                false,
                                tr("brussels, wallonia or flanders"),
                                "brussels|wallonia|flanders"},
                               {"municipality", {"commune", "gemeente"}, false, tr("Municipality"), ""},
                               {"postcode", {"code postal"}, false, tr("Postcode"), ""},
                               {"address", {"adresse", "adres"}, false, tr("Street address"), ""},
                               {"language", {"langue", "taal"}, false, tr("fr, nl or bilingual"), "fr|nl|bilingual"},
                               {"sectors",
                                {"secteurs", "sectoren"},
                                false,
                                tr("Sector codes separated by |, the primary first"),
                                "sectors"},
                               email_column(tr("Email")),
                               phone_column(),
                               {"website", {"site web"}, false, tr("Web site"), ""},
                               notes_column()};
                       },
                       [](Database& db, const csv::Table& t) { return from_preview(import_institutions(db, t)); }});
    register_importer(
        {"people", "core", 30, [] { return tr("People"); },
         [] {
             return std::vector<ImportColumnDoc>{
                 {"first_name", {"prénom", "voornaam"}, true, tr("First name"), ""},
                 {"last_name", {"nom", "achternaam"}, true, tr("Last name"), ""},
                 email_column(tr("Matched with known people by email; the other sheets name people by it")),
                 phone_column(),
                 {"language", {"langue", "taal"}, false, tr("fr, nl or en"), "fr|nl|en"},
                 {"roles",
                  {"rôles", "rollen"},
                  false,
                  tr("worker, peer_worker, facilitator, trainer, staff, manager (separated by |)"),
                  "worker|peer_worker|facilitator|trainer|staff|manager"},
                 {"institution", {"instelling"}, false, tr("The current employer, by name"), ""},
                 {"sector",
                  {"secteur"},
                  false,
                  tr("The job's sector when it differs from the institution's"),
                  "sectors"},
                 {"job_title", {"fonction", "functie"}, false, tr("Job title"), ""},
                 {"start_date", {"date de début", "begindatum"}, false, tr("Start of the job"), ""},
                 notes_column()};
         },
         [](Database& db, const csv::Table& t) { return from_preview(import_people(db, t)); }});
}

}  // namespace maillage
