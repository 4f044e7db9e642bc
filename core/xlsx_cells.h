#pragma once
// Typed cells for the plugins' XLSX exports (libxlsxwriter; header only, so the core
// itself does not link it): an ISO date becomes a date cell shown dd/mm/yyyy, a number
// in machine form a number cell (integers "0", decimals "0.00"), so that a spreadsheet
// can sort and compute with them; Excel and LibreOffice show the decimal separator of
// the reader's locale. Anything else stays text.
#include "core/csv.h"
#include "core/locale_format.h"

#include <xlsxwriter.h>

#include <cstdlib>
#include <string>

namespace maillage {

struct XlsxCellFormats {
    lxw_format* date = nullptr;
    lxw_format* integer = nullptr;
    lxw_format* decimal = nullptr;
};

inline XlsxCellFormats xlsx_cell_formats(lxw_workbook* book) {
    XlsxCellFormats f;
    f.date = workbook_add_format(book);
    format_set_num_format(f.date, "dd/mm/yyyy");
    f.integer = workbook_add_format(book);
    format_set_num_format(f.integer, "0");
    f.decimal = workbook_add_format(book);
    format_set_num_format(f.decimal, "0.00");
    return f;
}

// True for "12", "-3", "44.54": not "0475 12 34 56", "007", "1e3" or "12.".
inline bool xlsx_is_number(const std::string& v) {
    if (v.empty() || v.size() > 15) return false;
    size_t i = v[0] == '-' ? 1 : 0;
    const size_t digits_start = i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
    const size_t int_digits = i - digits_start;
    if (int_digits == 0 || (int_digits > 1 && v[digits_start] == '0')) return false;  // codes keep their zeros
    if (i == v.size()) return true;
    if (v[i] != '.') return false;
    const size_t frac_start = ++i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
    return i == v.size() && i > frac_start;
}

// Writes `text` into (row, col) as a date, a number or a string (with `text_format`); a
// string that a spreadsheet would run as a formula is neutralised (csv::guard_formula).
inline void xlsx_write_value(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text,
                             const XlsxCellFormats& formats, lxw_format* text_format = nullptr) {
    if (locale::is_iso_date(text)) {
        lxw_datetime when{std::atoi(text.substr(0, 4).c_str()), std::atoi(text.substr(5, 2).c_str()),
                          std::atoi(text.substr(8, 2).c_str()), 0, 0, 0.0};
        worksheet_write_datetime(sheet, row, col, &when, formats.date);
    } else if (xlsx_is_number(text)) {
        const bool whole = text.find('.') == std::string::npos;
        worksheet_write_number(sheet, row, col, std::strtod(text.c_str(), nullptr),
                               whole ? formats.integer : formats.decimal);
    } else {
        worksheet_write_string(sheet, row, col, csv::guard_formula(text).c_str(), text_format);
    }
}

}  // namespace maillage
