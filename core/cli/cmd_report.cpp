#include "cli_files.h"
#include "cmd_common.h"

#include "core/error.h"
#include "core/i18n.h"
#include "core/known_values.h"
#include "core/programmes.h"
#include "core/report.h"

#include <fstream>

namespace maillage::cli {
namespace {
struct ReportOptions {
    std::optional<int> year;
    std::optional<int> suppress_below;
    std::string cycle, programme, funder, lang, out;
    std::string format = "md";
};
}  // namespace

void add_report_command(CLI::App& app, CliRun& run) {
    auto* cmd = app.add_subcommand("report", tr("Build the activity report from the core's and the plugins' sections"));
    auto o = std::make_shared<ReportOptions>();
    cmd->add_option("--year", o->year, tr("Calendar year the report covers"))->check(CLI::Range(1900, 2200));
    cmd->add_option("--cycle", o->cycle, tr("A cycle, e.g. 2024-2025"));
    cmd->add_option("--programme", o->programme, tr("Only this programme (code, e.g. connect)"));
    cmd->add_option("--funder", o->funder, tr("Only what counts for this funder (code, e.g. COCOM)"));
    cmd->add_option("--format", o->format, tr("json, md (Markdown) or html"))
        ->check(CLI::IsMember({"json", "md", "html"}));
    cmd->add_option("--lang", o->lang, tr("Language of the report: fr, nl or en (default: fr)"))
        ->check(CLI::IsMember({"fr", "nl", "en"}));
    cmd->add_option("--suppress-below", o->suppress_below,
                    tr("Hide counts smaller than this in the splits (default: the database's setting)"))
        ->check(CLI::Range(0, 1000));
    cmd->add_option("--out", o->out, tr("Write to this file instead of the standard output"));
    cmd->callback([&run, o] {
        ReportScope scope;
        scope.year = o->year;
        scope.suppress_below = o->suppress_below;
        if (!o->cycle.empty()) scope.cycle = o->cycle;
        if (!o->programme.empty()) scope.programme = o->programme;
        if (!o->funder.empty()) scope.funder = o->funder;
        scope.language = !o->lang.empty() ? o->lang : !run.options().language.empty() ? run.options().language : "fr";
        auto& db = existing_database(run);
        // A mistyped code would silently give an empty report: name it instead.
        if (scope.programme) need_programme(db, *scope.programme);
        if (scope.funder) need_funder(db, *scope.funder);
        const auto report = run.suite().report(scope);
        std::string text;
        if (o->format == "json")
            text = to_json(report).dump(2) + "\n";
        else if (o->format == "html")
            text = to_html(report);
        else
            text = to_markdown(report);
        if (o->out.empty()) {
            run.out() << text;
        } else {
            write_text_file(o->out, text);
            run.err() << trf("Report written to {file}", fmt::arg("file", o->out)) << '\n';
        }
        // The report is written whole, failed sections shown as such; but a script or a
        // person must not take an incomplete report for a complete one.
        std::vector<std::string> failed;
        for (const auto& s : report.sections)
            if (s.data.is_object() && s.data.contains("error") && s.id.size() > 6 &&
                s.id.compare(s.id.size() - 6, 6, ".error") == 0)
                failed.push_back(trf("{section} ({reason})", fmt::arg("section", s.id.substr(0, s.id.size() - 6)),
                                     fmt::arg("reason", s.data["error"].get<std::string>())));
        if (!failed.empty()) {
            std::string list;
            for (const auto& f : failed) list += (list.empty() ? "" : "; ") + f;
            throw Error(trf("The report is incomplete: {count} section(s) could not be computed: {list}",
                            fmt::arg("count", failed.size()), fmt::arg("list", list)));
        }
    });
}

}  // namespace maillage::cli
