#include "pat_table.h"

#include "core/csv.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/xlsx_cells.h"

#include <xlsxwriter.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace maillage::pat {
std::string to_csv(const Table& table, char separator, bool bom) {
    std::ostringstream out;
    csv::Writer writer(out, separator, bom);
    writer.row(table.columns);
    for (const auto& r : table.rows) writer.row(r);
    return out.str();
}

void write_csv(const Table& table, const std::filesystem::path& file) {
    std::ofstream f(file, std::ios::binary);
    if (!f) throw Error(trf("Cannot write {file}.", fmt::arg("file", file.string())));
    f << to_csv(table);
    if (!f) throw Error(trf("Cannot write {file}.", fmt::arg("file", file.string())));
}

void write_xlsx(const Table& table, const std::filesystem::path& file, const std::string& sheet) {
    lxw_workbook* book = workbook_new(file.string().c_str());
    if (!book) throw Error(trf("Cannot write {file}.", fmt::arg("file", file.string())));
    lxw_worksheet* ws = workbook_add_worksheet(book, sheet.c_str());
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    const XlsxCellFormats formats = xlsx_cell_formats(book);
    for (size_t c = 0; c < table.columns.size(); ++c)
        worksheet_write_string(ws, 0, lxw_col_t(c), csv::guard_formula(table.columns[c]).c_str(), bold);
    for (size_t r = 0; r < table.rows.size(); ++r)
        for (size_t c = 0; c < table.rows[r].size(); ++c) {
            const auto& v = table.rows[r][c];
            if (v.empty()) continue;
            xlsx_write_value(ws, lxw_row_t(r + 1), lxw_col_t(c), v, formats);
        }
    if (workbook_close(book) != LXW_NO_ERROR) throw Error(trf("Cannot write {file}.", fmt::arg("file", file.string())));
}

}  // namespace maillage::pat
