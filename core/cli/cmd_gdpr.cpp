#include "cmd_common.h"
#include "cli_files.h"

#include "core/error.h"
#include "core/gdpr.h"
#include "core/i18n.h"
#include "core/people.h"

#include <fstream>

namespace maillage::cli {

void add_gdpr_command(CLI::App& app, CliRun& run) {
    auto* gdpr = add_group(app, "gdpr", tr("GDPR requests: export or erase what the database holds about a person"));

    auto* exp = gdpr->add_subcommand("export", tr("Export everything about one person as JSON or HTML"));
    auto person = std::make_shared<std::string>();
    auto out = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("json");
    exp->add_option("--person", *person, tr("The person: email, full name or id"))->required();
    exp->add_option("--out", *out, tr("The file to write"))->required();
    exp->add_option("--format", *format, tr("json (default) or html"))->check(CLI::IsMember({"json", "html"}));
    exp->callback([&run, person, out, format] {
        auto& db = run.database();
        const auto id = find_person(db, *person).id;
        const auto data = export_person(db, id);
        write_text_file(*out, *format == "html" ? person_export_html(data) : data.dump(2) + "\n");
        run.out() << trf("Exported the data of person #{id} to {file}.", fmt::arg("id", id),
                         fmt::arg("file", *out))
                  << '\n';
    });

    auto* erase = gdpr->add_subcommand("erase", tr("Erase one person's identity; their participations stay as "
                                                   "anonymous records"));
    auto who = add_required(*erase, "--person", tr("The person: email, full name or id"));
    auto yes = add_confirm_flag(*erase, tr("Confirm: the erasure cannot be undone"));
    erase->callback([&run, who, yes] {
        auto& db = run.database();
        const auto p = std::optional<Person>(find_person(db, *who));
        const auto erase_id = std::make_shared<int64_t>(p->id);
        if (p->erased) {
            run.out() << trf("Person #{id} was already erased.", fmt::arg("id", *erase_id)) << '\n';
            return;
        }
        if (!*yes) {
            run.err() << trf("This erases {name} (#{id}) for good. Run again with --yes to confirm.",
                             fmt::arg("name", p->display_name()), fmt::arg("id", *erase_id))
                      << '\n';
            throw CLI::RuntimeError(1);
        }
        const auto outcome = erase_people(db, {*erase_id});
        run.out() << trf("Person #{id} was erased.", fmt::arg("id", *erase_id)) << '\n';
        if (!outcome.file_scrubbed)
            run.err() << tr("Warning: another program has the database open, so the erased data may remain in its "
                            "journal until it is closed.")
                      << '\n';
    });
}

}  // namespace maillage::cli
