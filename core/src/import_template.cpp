#include "core/import_template.h"

#include "core/csv.h"
#include "core/entity_import.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/known_values.h"
#include "core/progress.h"

#include <xlsxwriter.h>

#include <map>
#include <memory>
#include <sstream>
#include <system_error>

namespace maillage {
namespace {

// The values of a named list ("sectors") or of a fixed one ("present|excused").
std::vector<std::string> choices(Database& db, const std::string& spec) {
    if (spec == "sectors") return sector_codes(db);
    if (spec == "programmes") return programme_codes(db);
    if (spec == "funders") return funder_codes(db);

    std::vector<std::string> out;
    std::stringstream s(spec);
    for (std::string v; std::getline(s, v, '|');) out.push_back(v);
    return out;
}

std::string column_letters(int col) {  // 0 -> A
    std::string s;
    for (++col; col > 0; col = (col - 1) / 26) s.insert(s.begin(), char('A' + (col - 1) % 26));
    return s;
}

}  // namespace

void write_import_template(Database& db, const std::filesystem::path& file, Progress* progress) {
    const std::string path = file.string();
    lxw_workbook* book = workbook_new(path.c_str());
    if (!book) throw Error(trf("Cannot write {file}.", fmt::arg("file", path)));
    // Stopped half-way (Cancel, a failure): the workbook is freed (closed, which writes
    // it), then the partial file is removed; declared in that order so they run in reverse.
    struct RemoveUnlessKept {
        std::filesystem::path file;
        bool keep = false;
        ~RemoveUnlessKept() {
            std::error_code ignored;
            if (!keep) std::filesystem::remove(file, ignored);
        }
    } written{file};
    auto unfinished = std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)>(book, [](lxw_workbook* b) {
        workbook_close(b);
    });
    lxw_format* head = workbook_add_format(book);
    format_set_bold(head);
    format_set_bg_color(head, 0xDDEBF7);
    lxw_format* required = workbook_add_format(book);
    format_set_bold(required);
    format_set_bg_color(required, 0xFCE4D6);
    lxw_format* wrap = workbook_add_format(book);
    format_set_text_wrap(wrap);
    lxw_format* text = workbook_add_format(book);
    format_set_num_format(text, "@");

    const auto importers = registered_importers();
    lxw_worksheet* readme = workbook_add_worksheet(book, "_readme");
    worksheet_set_column(readme, 0, 0, 24, nullptr);
    worksheet_set_column(readme, 1, 1, 26, nullptr);
    worksheet_set_column(readme, 2, 2, 90, wrap);
    lxw_row_t r = 0;
    worksheet_write_string(readme, r++, 0, csv::guard_formula(tr("Maillage import workbook")).c_str(), head);
    worksheet_write_string(
        readme, r++, 0,
        csv::guard_formula(tr("Fill the sheets you need, keep their names and header rows; empty sheets are "
                              "skipped. Every sheet is checked before anything is written: the first bad row "
                              "refuses the whole workbook and names its sheet, row and column. People are named "
                              "by email, institutions by name, programmes and funders by code."))
            .c_str(),
        nullptr);
    r++;
    worksheet_write_string(readme, r, 0, csv::guard_formula(tr("Sheet")).c_str(), head);
    worksheet_write_string(readme, r, 1, csv::guard_formula(tr("Column")).c_str(), head);
    worksheet_write_string(readme, r++, 2, csv::guard_formula(tr("What to type")).c_str(), head);

    // The lists behind the drop-downs, one column each, on a hidden sheet.
    lxw_worksheet* lists = workbook_add_worksheet(book, "_lists");
    std::map<std::string, std::string> list_ranges;  // spec -> "=_lists!$A$1:$A$16"
    int list_col = 0;

    std::size_t done = 0;
    for (const auto& importer : importers) {
        step(progress, done++, importers.size(), importer.sheet);
        lxw_worksheet* sheet = workbook_add_worksheet(book, importer.sheet.c_str());
        worksheet_freeze_panes(sheet, 1, 0);
        const auto columns = importer.columns();
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const auto& col = columns[c];
            const auto col_index = lxw_col_t(c);
            worksheet_write_string(sheet, 0, col_index, col.name.c_str(), col.required ? required : head);
            // Text cells, so that codes keep their zeros and dates are not reinterpreted.
            worksheet_set_column(sheet, col_index, col_index, std::max<double>(14, double(col.name.size()) + 4), text);
            std::string note = col.help;
            if (!note.empty() && note.back() != '.' && note.back() != ')') note += '.';
            if (col.required) note = tr("Required.") + " " + note;
            if (!col.aliases.empty()) {
                std::string also;
                for (const auto& a : col.aliases) also += (also.empty() ? "" : ", ") + a;
                note += " " + trf("Also accepted as header: {names}.", fmt::arg("names", also));
            }
            worksheet_write_comment(sheet, 0, col_index, csv::guard_formula(note).c_str());
            worksheet_write_string(readme, r, 0, importer.sheet.c_str(), nullptr);
            worksheet_write_string(readme, r, 1, col.name.c_str(), col.required ? required : nullptr);
            worksheet_write_string(readme, r++, 2, csv::guard_formula(note).c_str(), nullptr);
            if (col.choices.empty()) continue;
            auto range = list_ranges.find(col.choices);
            if (range == list_ranges.end()) {
                const auto values = col.values ? col.values(db) : choices(db, col.choices);
                for (std::size_t i = 0; i < values.size(); ++i)
                    worksheet_write_string(lists, lxw_row_t(i), lxw_col_t(list_col),
                                           csv::guard_formula(values[i]).c_str(), nullptr);
                const auto letters = column_letters(list_col++);
                range = list_ranges
                            .emplace(col.choices, "=_lists!$" + letters + "$1:$" + letters + "$" +
                                                      std::to_string(std::max<std::size_t>(values.size(), 1)))
                            .first;
            }
            lxw_data_validation v{};
            v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
            v.value_formula = const_cast<char*>(range->second.c_str());
            // A list cell ("homeless|mental_health") is not one of the values: warn, do not stop.
            v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
            worksheet_data_validation_range(sheet, 1, col_index, 5000, col_index, &v);
        }
    }
    worksheet_hide(lists);
    step(progress, importers.size(), importers.size(), {});
    unfinished.release();
    if (workbook_close(book) != LXW_NO_ERROR) throw Error(trf("Cannot write {file}.", fmt::arg("file", path)));
    written.keep = true;
}

}  // namespace maillage
