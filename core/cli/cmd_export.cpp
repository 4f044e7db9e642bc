#include "cmd_common.h"

#include "core/audit.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/import_export.h"

#include <fstream>
#include <sstream>

namespace maillage::cli {
namespace {

void add_kind(CLI::App& parent, CliRun& run, const char* name, const std::string& help,
              void (*write)(Database&, std::ostream&, char)) {
    auto* cmd = parent.add_subcommand(name, help);
    auto out = std::make_shared<std::string>();
    auto separator = std::make_shared<std::string>(";");
    cmd->add_option("--out", *out, tr("Write to this file instead of the standard output"));
    cmd->add_option("--separator", *separator, tr("Field separator: ';' (Belgian Excel, default) or ','"))
        ->check(CLI::IsMember({";", ","}));
    cmd->callback([&run, out, separator, write, entity = std::string(name)] {
        auto& db = existing_database(run);
        std::ostringstream text;
        write(db, text, separator->front());
        if (out->empty()) {
            run.out() << text.str();
        } else {
            // Written whole then renamed, so a failed export never leaves half a file.
            const std::filesystem::path target(*out), tmp(*out + ".tmp");
            {
                std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
                f << text.str();
                f.close();
                if (!f) throw Error(trf("Cannot write {file}.", fmt::arg("file", tmp.string())));
            }
            std::error_code ec;
            std::filesystem::rename(tmp, target, ec);
            if (ec)
                throw Error(trf("Cannot write {file}: {reason}", fmt::arg("file", target.string()),
                                fmt::arg("reason", ec.message())));
        }
        // Exports of personal data are recorded (GDPR); a read-only database just cannot say so.
        if (!db.read_only())
            db.write([&] { audit(db, "export", entity, std::nullopt, out->empty() ? "stdout" : "file"); });
    });
}

}  // namespace

void add_export_command(CLI::App& app, CliRun& run) {
    auto* cmd = add_group(app, "export", tr("Export institutions or people as CSV (the columns import reads)"));
    add_kind(*cmd, run, "institutions", tr("Export the institutions (merged duplicates left out)"),
             &export_institutions);
    add_kind(*cmd, run, "people", tr("Export people with their current job and roles (erased people left out)"),
             &export_people);
}

}  // namespace maillage::cli
