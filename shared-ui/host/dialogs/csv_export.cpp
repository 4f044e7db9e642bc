#include "csv_export.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/import_export.h"

#include <wx/intl.h>
#include <wx/string.h>

#include <fstream>
#include <sstream>

namespace maillage::ui {

void export_csv_file(Database& db, CsvExportKind kind, const std::filesystem::path& file) {
    std::ostringstream text;
    if (kind == CsvExportKind::People)
        export_people(db, text, ';');
    else
        export_institutions(db, text, ';');
    auto tmp = file;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text.str();
        out.close();
        if (!out) throw Error(wxString::Format(_("Cannot write %s."), wxString::FromUTF8(tmp.string())).utf8_string());
    }
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);
    if (ec) throw Error(wxString::Format(_("Cannot write %s."), wxString::FromUTF8(file.string())).utf8_string());
    // Exports of personal data are recorded (GDPR), as on the command line.
    if (!db.read_only())
        db.write([&] {
            audit(db, "export", kind == CsvExportKind::People ? "people" : "institutions", std::nullopt, file.string());
        });
}

}  // namespace maillage::ui
