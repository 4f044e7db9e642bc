#include "core/sectors.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/record_map.h"
#include "core/row_query.h"
#include "core/row_reader.h"
#include "core/single_line.h"
#include "core/sql_call.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace maillage {
namespace {
const RowMap kSectorRow{
    column("id", &Sector::id), column("code", &Sector::code), column("label_fr", &Sector::label_fr),
    column("label_nl", &Sector::label_nl), column("label_en", &Sector::label_en), column("family", &Sector::family),
    column("sort_order", &Sector::sort_order),
    read_only(column("retired_at IS NOT NULL AS retired", &Sector::retired))};
const RecordTable<Sector> kSectorTable = record_table_of<kSectorRow>("sector");

const RowSource kSectors{kSectorRow, "FROM sector"};

void validate(const Sector& s) {
    if (s.code.empty()) throw Error(tr("A sector needs a code."));
    if (s.label_fr.empty() || s.label_nl.empty() || s.label_en.empty())
        throw Error(tr("A sector needs a label in French, Dutch and English."));
    require_single_line(tr("Code"), s.code);
    for (const auto* label : {&s.label_fr, &s.label_nl, &s.label_en}) require_single_line(tr("Label"), *label);
    if (s.family != "social" && s.family != "mental_health" && s.family != "other")
        throw Error(tr("A sector's family is social, mental_health or other."));
}
}  // namespace

const std::string& Sector::label(const std::string& language) const {
    if (language == "nl") return label_nl;
    if (language == "en") return label_en;
    return label_fr;
}

std::vector<Sector> SectorRepository::list(bool include_retired) const {
    return kSectors.rows(db_.sql(),
                         std::string(include_retired ? "" : "WHERE retired_at IS NULL ") + "ORDER BY sort_order, label_fr");
}

std::optional<Sector> SectorRepository::get(int64_t id) const {
    return kSectors.row(db_.sql(), "WHERE id = ?", id);
}

std::optional<Sector> SectorRepository::find_by_code(const std::string& code) const {
    return kSectors.row(db_.sql(), "WHERE code = ?", code);
}

std::optional<Sector> SectorRepository::find(const std::string& text) const {
    return kSectors.row(db_.sql(),
                        "WHERE code = ?1 COLLATE NOCASE OR lower(label_fr) = lower(?1) OR lower(label_nl) = lower(?1) "
                        "OR lower(label_en) = lower(?1) ORDER BY retired_at IS NOT NULL LIMIT 1",
                        text);
}

int64_t SectorRepository::create(const Sector& s) {
    validate(s);
    return db_.write([&] {
        if (find(s.code) || find(s.label_fr))
            throw Error(trf("A sector \"{label}\" already exists.", fmt::arg("label", s.label_fr)));
        Sector row = s;  // sort order 0: after the others
        if (row.sort_order == 0)
            row.sort_order = select_value<int>(db_.sql(), "SELECT coalesce(max(sort_order),0)+1 FROM sector");
        return kSectorTable.create(db_, row, s.label_fr);
    });
}

void SectorRepository::update(const Sector& s) {
    validate(s);
    kSectorTable.update(db_, s.id, s, s.label_fr, tr("This sector no longer exists."));
}

void SectorRepository::retire(int64_t id) { retire_row(db_, "sector", id); }

void SectorRepository::restore(int64_t id) {
    db_.write([&] {
        if (exec_sql(db_.sql(), "UPDATE sector SET retired_at = NULL WHERE id = ?", id) == 1)
            audit(db_, "restore", "sector", id, "");
    });
}

}  // namespace maillage
