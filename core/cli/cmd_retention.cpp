#include "cmd_common.h"

#include "core/cli_dates.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/retention.h"

namespace maillage::cli {
namespace {
std::chrono::year_month_day today_from(const std::string& text) {
    return text.empty() ? local_today() : parse_iso_day(text);
}

void print_due(CliRun& run, const std::vector<RetentionItem>& due) {
    for (const auto& item : due) {
        if (item.kind == "people")
            run.out() << "  " << trf("person #{id} {name}, last activity {date}", fmt::arg("id", item.id),
                                     fmt::arg("name", item.label), fmt::arg("date", item.last_activity))
                      << '\n';
        else
            run.out() << "  " << trf("evaluation #{id} ({title}) of {date}", fmt::arg("id", item.id),
                                     fmt::arg("title", item.label), fmt::arg("date", item.last_activity))
                      << '\n';
    }
}
}  // namespace

void add_retention_command(CLI::App& app, CliRun& run) {
    auto* cmd = add_group(app, "retention", tr("Retention periods: list what is due for erasure or anonymisation, "
                                                   "and apply it"));
    auto today = std::make_shared<std::string>();

    auto* list = cmd->add_subcommand("list", tr("List the retention periods and what is due today"));
    list->add_option("--today", *today, tr("The day to compute for, YYYY-MM-DD (default: today)"))->transform(human_date());
    list->callback([&run, today] {
        auto& db = run.database();
        for (const auto& k : retention_kinds()) {
            const auto years = retention_years(db, k.kind);
            run.out() << k.kind << ": "
                      << (years ? trf("{years} year(s)", fmt::arg("years", *years)) : tr("kept indefinitely")) << '\n';
        }
        const auto due = retention_due(db, today_from(*today));
        if (due.empty()) {
            run.out() << tr("Nothing is due.") << '\n';
            return;
        }
        run.out() << trf("{count} item(s) due:", fmt::arg("count", due.size())) << '\n';
        print_due(run, due);
    });

    auto* apply = cmd->add_subcommand("apply", tr("Erase or anonymise what is due (asks for --yes)"));
    apply->add_option("--today", *today, tr("The day to compute for, YYYY-MM-DD (default: today)"))->transform(human_date());
    auto yes = add_confirm_flag(*apply, tr("Confirm: erasures cannot be undone"));
    apply->callback([&run, today, yes] {
        auto& db = run.database();
        const auto due = retention_due(db, today_from(*today));
        if (due.empty()) {
            run.out() << tr("Nothing is due.") << '\n';
            return;
        }
        if (!*yes) {
            print_due(run, due);
            run.err() << trf("{count} item(s) would be erased or anonymised. Run again with --yes to confirm.",
                             fmt::arg("count", due.size()))
                      << '\n';
            throw CLI::RuntimeError(1);
        }
        const auto outcome = apply_retention(db, due);
        run.out() << trf("{people} person(s) erased, {evaluations} evaluation(s) made anonymous.",
                         fmt::arg("people", outcome.people_erased),
                         fmt::arg("evaluations", outcome.evaluations_anonymised))
                  << '\n';
    });

    auto* set = cmd->add_subcommand("set", tr("Set a retention period in years (or \"none\")"));
    auto kind = add_required(*set, "KIND", tr("people or evaluations"));
    auto years = add_required(*set, "YEARS", tr("A number of years, or none"));
    set->callback([&run, kind, years] {
        auto& db = run.database();
        std::optional<int> value;
        if (*years != "none") {
            try {
                value = std::stoi(*years);
            } catch (const std::exception&) {
                throw Error(trf("\"{value}\" is not a number of years.", fmt::arg("value", *years)));
            }
        }
        set_retention_years(db, *kind, value);
        run.out() << tr("Retention period saved.") << '\n';
    });
}

}  // namespace maillage::cli
