#include "core/institutions.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/single_line.h"
#include "core/record_map.h"
#include "core/record_sql.h"
#include "core/references.h"
#include "core/row_reader.h"
#include "core/sql_util.h"
#include "core/validate.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <cctype>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace maillage {
namespace {
const RowMap kInstitutionRow{
    column("id", &Institution::id), column("name", &Institution::name),
    nullable(column("region", &Institution::region)), nullable(column("municipality", &Institution::municipality)),
    nullable(column("postcode", &Institution::postcode)), nullable(column("address", &Institution::address)),
    nullable(column("language", &Institution::language)), nullable(column("email", &Institution::email)),
    nullable(column("phone", &Institution::phone)), nullable(column("website", &Institution::website)),
    nullable(column("notes", &Institution::notes)), read_only(column("merged_into", &Institution::merged_into))};
const RecordTable<Institution> kInstitutionTable =
    record_table_of<kInstitutionRow>("institution").with_update(kStampUpdatedAt);

std::string select_institution(std::string_view where) { return kInstitutionRow.select("FROM institution " + std::string(where)); }

// What institution_sector holds of an institution read by kInstitutionRow.
void add_sectors(Database& db, Institution& i) {
    i.sector_ids = select_column<int64_t>(db.sql(),
                                         "SELECT sector_id FROM institution_sector WHERE institution_id = ? "
                                         "ORDER BY is_primary DESC, sector_id",
                                         i.id);
}
// add_sectors for completed().
auto sectors_of(Database& db) {
    return [&db](Institution& i) { add_sectors(db, i); };
}

void write_sectors(Database& db, int64_t id, const std::vector<int64_t>& sectors) {
    exec_sql(db.sql(), "DELETE FROM institution_sector WHERE institution_id = ?", id);
    SQLite::Statement ins(db.sql(),
                          "INSERT OR IGNORE INTO institution_sector(institution_id, sector_id, is_primary) "
                          "VALUES (?,?,?)");
    bool first = true;
    for (auto s : sectors) {
        bind_all(ins, id, s, first ? 1 : 0);
        ins.exec();
        ins.reset();
        first = false;
    }
}
}  // namespace

void validate_institution(const Institution& i) {
    auto trimmed = i.name;
    trimmed.erase(0, trimmed.find_first_not_of(" \t"));
    if (trimmed.empty()) throw Error(tr("Name: an institution needs a name."));
    require_single_line(tr("Name"), i.name);
    require_single_line(tr("Municipality"), i.municipality);
    require_single_line(tr("Postcode"), i.postcode);
    require_single_line(tr("Email"), i.email);
    require_single_line(tr("Phone"), i.phone);
    require_single_line(tr("Website"), i.website);
    if (!i.region.empty() && i.region != "brussels" && i.region != "wallonia" && i.region != "flanders")
        throw Error(trf("Region: \"{value}\" is not one of brussels, wallonia, flanders.",
                        fmt::arg("value", i.region)));
    if (!i.language.empty() && i.language != "fr" && i.language != "nl" && i.language != "bilingual")
        throw Error(trf("Language: \"{value}\" is not one of fr, nl, bilingual.", fmt::arg("value", i.language)));
    validate::web_address(tr("Website"), i.website);
}

std::optional<Institution> InstitutionRepository::get(int64_t id) const {
    return completed(query_one(db_.sql(), kInstitutionRow, select_institution("WHERE id = ?"), id), sectors_of(db_));
}

std::vector<Institution> InstitutionRepository::search(const std::string& text, int limit) const {
    SQLite::Statement q(db_.sql(), select_institution(
                                       "WHERE merged_into IS NULL AND (?1 = '' OR name LIKE '%' || ?1 || '%' "
                                       "OR municipality LIKE '%' || ?1 || '%' OR postcode LIKE ?1 || '%') "
                                       "ORDER BY name COLLATE NOCASE LIMIT ?2"));
    bind_all(q, text, limit);
    return completed(read_all(q, kInstitutionRow), sectors_of(db_));
}

std::string fold_name(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    const auto* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    std::string folded;
    if (U_SUCCESS(status)) {
        const auto text = icu::UnicodeString::fromUTF8(name);
        auto out = nfkc_cf->normalize(text, status);
        if (U_SUCCESS(status)) out.toUTF8String(folded);
    }
    if (!U_SUCCESS(status)) {  // ICU data missing: ASCII folding is still better than none
        folded = name;
        for (auto& c : folded) c = char(std::tolower(static_cast<unsigned char>(c)));
    }
    std::string key;
    for (char c : folded) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space) {
            if (!key.empty() && key.back() != ' ') key += ' ';
        } else {
            key += c;
        }
    }
    if (!key.empty() && key.back() == ' ') key.pop_back();
    return key;
}

Institution find_institution(Database& db, const std::string& name_or_number) {
    InstitutionRepository repo(db);
    if (auto i = repo.find_by_name(name_or_number)) return *i;
    const auto& t = name_or_number;
    if (!t.empty() && t.size() < 19 && t.find_first_not_of("0123456789") == std::string::npos)
        if (auto i = repo.get(std::stoll(t))) return *i;
    throw Error(trf("No institution is called \"{name}\".", fmt::arg("name", name_or_number)));
}

std::optional<Institution> InstitutionRepository::find_by_name(const std::string& name) const {
    // The index answers the common case (same bytes, or ASCII case only).
    if (auto i = query_one(db_.sql(), kInstitutionRow,
                           select_institution("WHERE merged_into IS NULL AND name = ? COLLATE NOCASE LIMIT 1"), name))
        return completed(std::move(i), sectors_of(db_));
    // Otherwise compare folded keys. Two names can only fold alike with a non-ASCII
    // character on one side, so an ASCII name is compared with non-ASCII names only.
    const auto key = fold_name(name);
    if (key.empty()) return std::nullopt;
    const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    SQLite::Statement all(db_.sql(), "SELECT id, name FROM institution WHERE merged_into IS NULL "
                                     "AND (?1 = 0 OR name GLOB ?2) ORDER BY id");
    bind_all(all, ascii ? 1 : 0, std::string("*[^\x01-\x7f]*"));  // the second: holds a character outside ASCII
    while (all.executeStep())
        if (fold_name(all.getColumn(1).getString()) == key) return get(all.getColumn(0).getInt64());
    return std::nullopt;
}

int64_t InstitutionRepository::count() const {
    return db_.scalar_int("SELECT count(*) FROM institution WHERE merged_into IS NULL");
}

int64_t InstitutionRepository::create(const Institution& i) {
    validate_institution(i);
    return db_.write(trf("Create {name}", fmt::arg("name", i.name)), [&] {
        const auto id = kInstitutionTable.insert(db_.sql(), i);
        write_sectors(db_, id, i.sector_ids);
        audit(db_, "create", "institution", id, i.name);
        return id;
    });
}

void InstitutionRepository::update(const Institution& i) {
    validate_institution(i);
    db_.write(trf("Edit {name}", fmt::arg("name", i.name)), [&] {
        kInstitutionTable.save(db_, false, i.id, i, i.name, tr("This institution no longer exists."));
        write_sectors(db_, i.id, i.sector_ids);
    });
}

void InstitutionRepository::merge(int64_t from, int64_t into) {
    if (from == into) throw Error(tr("An institution cannot be merged into itself."));
    const auto from_name = get(from) ? get(from)->name : std::string();
    const auto into_name = get(into) ? get(into)->name : std::string();
    db_.write(trf("Merge {from} into {into}", fmt::arg("from", from_name), fmt::arg("into", into_name)), [&] {
        auto source = get(from);
        auto target = get(into);
        if (!source || !target) throw Error(tr("One of the institutions to merge no longer exists."));
        if (source->merged_into) throw Error(tr("This institution was already merged."));
        if (target->merged_into) throw Error(tr("The institution to keep was itself merged into another."));
        auto& sql = db_.sql();
        // Sectors: the union, the kept record's primary sector first.
        exec_sql(sql,
                 "INSERT OR IGNORE INTO institution_sector(institution_id, sector_id, is_primary) "
                 "SELECT ?, sector_id, 0 FROM institution_sector WHERE institution_id = ?",
                 into, from);
        // Every other reference (plugin tables included), found from the schema. A row that
        // would duplicate one already on the kept record (the same sector twice...) stays
        // on the merged one, which remains as history.
        move_references(db_, "institution", from, into,
                        {"institution_sector.institution_id", "institution.merged_into"});
        exec_sql(sql, "UPDATE institution SET merged_into = ? WHERE id = ? OR merged_into = ?", into, from, from);
        audit(db_, "merge", "institution", into,
              trf("merged \"{from}\" (#{from_id}) into \"{into}\"", fmt::arg("from", source->name),
                  fmt::arg("from_id", from), fmt::arg("into", target->name)));
    });
}

}  // namespace maillage

namespace maillage {

DeleteImpact InstitutionRepository::delete_impact(int64_t id) const {
    const auto institution = get(id);
    auto impact = maillage::delete_impact(db_, "institution", id, institution.has_value(),
                                          tr("This institution no longer exists."));
    if (institution && !impact.refused_by.empty())
        impact.refusal = trf("\u201c{name}\u201d cannot be deleted: other records point to it ({counts}). Merge it "
                             "into the institution that replaces it instead.",
                             fmt::arg("name", institution->name),
                             fmt::arg("counts", describe_counts(impact.refused_by)));
    return impact;
}

void InstitutionRepository::remove(int64_t id) {
    const auto institution = get(id);
    if (!institution) throw Error(tr("This institution no longer exists."));
    db_.write(trf("Delete {name}", fmt::arg("name", institution->name)), [&] {
        const auto impact = delete_impact(id);
        if (!impact.allowed()) throw Error(impact.refusal);
        delete_audited(db_, "institution", id, institution->name);
    });
}

}  // namespace maillage
