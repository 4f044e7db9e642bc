#include "catalogue_xlsx.h"

#include "catalogue_figures.h"
#include "core/csv.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/xlsx_cells.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <xlsxwriter.h>

namespace maillage::catalogue {
namespace {
void write_table(lxw_workbook* wb, const ReportTable& table, lxw_format* bold, const XlsxCellFormats& formats) {
    std::string name = table.title.substr(0, 31);
    for (auto& c : name)
        if (std::string("[]:*?/\\").find(c) != std::string::npos) c = ' ';
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    if (!ws) return;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), table.columns[c].c_str(), bold);
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
            const auto& v = table.rows[r][c];
            // The first column names the row (a code such as "2025" stays text there) or is a date.
            if (c == 0 && !locale::is_iso_date(v))
                worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), 0, csv::guard_formula(v).c_str(), nullptr);
            else
                xlsx_write_value(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), v, formats);
        }
    worksheet_set_column(ws, 0, 0, 45, nullptr);
    worksheet_set_column(ws, 1, 6, 14, nullptr);
}
}  // namespace

void export_xlsx(Database& db, const ReportScope& scope, const std::filesystem::path& file) {
    auto section = figures_section(db, scope);
    lxw_workbook* wb = workbook_new(file.string().c_str());
    if (!wb) throw Error(trf("Cannot write {file}.", fmt::arg("file", file.string())));
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    const XlsxCellFormats formats = xlsx_cell_formats(wb);

    ReportTable summary{tr("Summary"), {tr("Figure"), tr("Value")}, {}};
    for (const char* key : {"training_days", "sessions", "trainings", "participations", "participants"})
        summary.rows.push_back({key, std::to_string(section.data[key].get<int64_t>())});
    write_table(wb, summary, bold, formats);
    for (const auto& t : section.tables) write_table(wb, t, bold, formats);

    ReportTable days{tr("Training days"), {tr("Date"), tr("Start"), tr("End"), tr("Training"), tr("Status"), tr("Present")}, {}};
    SQLite::Statement q(db.sql(), "SELECT s.date, coalesce(s.start_time,''), coalesce(s.end_time,''), coalesce(s.title,''), s.status, "
                                  "(SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.status = 'present' AND "
                                  "a.role = 'participant') FROM session s WHERE s.kind = 'training' AND s.date BETWEEN ? AND ? "
                                  "ORDER BY s.date, s.start_time");
    bind_all(q, scope.from_date(), scope.to_date());
    while (q.executeStep())
        days.rows.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                             q.getColumn(3).getString(), q.getColumn(4).getString(), std::to_string(q.getColumn(5).getInt())});
    write_table(wb, days, bold, formats);
    if (workbook_close(wb) != LXW_NO_ERROR) throw Error(trf("Cannot write {file}.", fmt::arg("file", file.string())));
}

}  // namespace maillage::catalogue
