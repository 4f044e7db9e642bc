// libxlsxwriter (with minizip and libcrypto) opened on the first XLSX written: the
// functions of its API that Maillage uses (lazy_library.h). A function used for the first
// time is added here; the modules are linked with --no-undefined, so one missing here
// fails the build, not the user's export.
#include "lazy_library.h"

#include <xlsxwriter.h>

extern "C" {
MAILLAGE_LAZY(lxw_workbook*, workbook_new, (const char* filename), (filename))
MAILLAGE_LAZY(lxw_worksheet*, workbook_add_worksheet, (lxw_workbook * book, const char* name), (book, name))
MAILLAGE_LAZY(lxw_format*, workbook_add_format, (lxw_workbook * book), (book))
MAILLAGE_LAZY(lxw_error, workbook_close, (lxw_workbook * book), (book))
MAILLAGE_LAZY(char*, lxw_strerror, (lxw_error error), (error))
MAILLAGE_LAZY(void, format_set_bold, (lxw_format * format), (format))
MAILLAGE_LAZY(void, format_set_num_format, (lxw_format * format, const char* num_format), (format, num_format))
MAILLAGE_LAZY(void, format_set_text_wrap, (lxw_format * format), (format))
MAILLAGE_LAZY(void, format_set_bg_color, (lxw_format * format, lxw_color_t color), (format, color))
MAILLAGE_LAZY(lxw_error, worksheet_write_string,
              (lxw_worksheet * sheet, lxw_row_t row, lxw_col_t col, const char* text, lxw_format* format),
              (sheet, row, col, text, format))
MAILLAGE_LAZY(lxw_error, worksheet_write_number,
              (lxw_worksheet * sheet, lxw_row_t row, lxw_col_t col, double number, lxw_format* format),
              (sheet, row, col, number, format))
MAILLAGE_LAZY(lxw_error, worksheet_write_datetime,
              (lxw_worksheet * sheet, lxw_row_t row, lxw_col_t col, lxw_datetime* when, lxw_format* format),
              (sheet, row, col, when, format))
MAILLAGE_LAZY(lxw_error, worksheet_write_comment,
              (lxw_worksheet * sheet, lxw_row_t row, lxw_col_t col, const char* text), (sheet, row, col, text))
MAILLAGE_LAZY(lxw_error, worksheet_set_column,
              (lxw_worksheet * sheet, lxw_col_t first, lxw_col_t last, double width, lxw_format* format),
              (sheet, first, last, width, format))
MAILLAGE_LAZY(lxw_error, worksheet_autofilter,
              (lxw_worksheet * sheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
               lxw_col_t last_col),
              (sheet, first_row, first_col, last_row, last_col))
MAILLAGE_LAZY(lxw_error, worksheet_data_validation_range,
              (lxw_worksheet * sheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
               lxw_col_t last_col, lxw_data_validation* validation),
              (sheet, first_row, first_col, last_row, last_col, validation))
MAILLAGE_LAZY(void, worksheet_freeze_panes, (lxw_worksheet * sheet, lxw_row_t row, lxw_col_t col), (sheet, row, col))
MAILLAGE_LAZY(void, worksheet_hide, (lxw_worksheet * sheet), (sheet))
}
