#pragma once
// `maillage-cli <plugin> figures`: the same options and the same output in every plugin
// (docs/report-format.md, "Figures of one plugin"). The scope: --year or --cycle,
// --programme, --funder; --format json|md|html|csv; --lang fr|nl|en; --out FILE.
// JSON is always ONE report section: the plugin's own, or, when it contributes several,
// a section with the plugin's id holding them as subsections.
// Header only (CLI11 is header only too): the core library itself does not link CLI11.
#include "core/error.h"
#include "core/figures_output.h"
#include "core/i18n.h"
#include "core/known_values.h"
#include "core/locale_format.h"
#include "core/plugin_api.h"
#include "core/report.h"
#include "core/validate.h"

#include <CLI/CLI.hpp>

#include <fstream>
#include <functional>
#include <memory>

namespace maillage {

struct FiguresCommandOptions {
    std::optional<int> year;
    std::string cycle, programme, funder, format = "md", lang, out;
    bool json = false;  // the old exchange flag, same as --format json
};

using FiguresBuilder = std::function<std::vector<ReportSection>(Database&, const ReportScope&)>;

// Adds `figures` under `parent`. `section_id`/`title` name the section the output is
// (e.g. "catalogue.trainings", "Trainings"); `build` computes the plugin's sections.
inline CLI::App* add_figures_command(CLI::App& parent, CliContext& ctx, const std::string& help,
                                     const std::string& section_id, const std::string& title, FiguresBuilder build) {
    auto* cmd = parent.add_subcommand("figures", help);
    auto o = std::make_shared<FiguresCommandOptions>();
    auto* year = cmd->add_option("--year", o->year, tr("Calendar year (default: every year)"));
    cmd->add_option("--cycle", o->cycle, tr("A cycle, e.g. 2024-2025 (sections that know no cycle ignore it)"))
        ->excludes(year);
    cmd->add_option("--programme", o->programme, tr("Only this programme (code, e.g. connect)"));
    cmd->add_option("--funder", o->funder, tr("Only what counts for this funder (code, e.g. COCOM)"));
    cmd->add_option("--format", o->format, tr("json, md, html or csv (default: md)"))
        ->transform(CLI::IsMember({"json", "md", "markdown", "html", "csv"}));
    cmd->add_flag("--json", o->json, tr("Same as --format json"));
    // --labels (catalogue) and --language (PAT) were the old spellings of --lang.
    cmd->add_option("--lang,--labels,--language", o->lang, tr("Language of the labels: fr, nl or en"))
        ->check(CLI::IsMember({"fr", "nl", "en"}));
    cmd->add_option("--out", o->out, tr("Write to this file instead of the standard output"));
    cmd->callback([o, &ctx, section_id, title, build] {
        auto& db = ctx.database();
        ReportScope scope;
        scope.year = o->year;
        if (!o->cycle.empty()) scope.cycle = o->cycle;
        // A mistyped code would give empty figures: name it, with the valid ones.
        if (!o->programme.empty()) scope.programme = need_programme(db, o->programme).code;
        if (!o->funder.empty()) scope.funder = need_funder(db, o->funder).code;
        if (!o->lang.empty()) {
            scope.language = o->lang;
        } else {
            scope.language = current_language();  // the messages' language (--lang before the command)
        }
        validate::scope(scope);
        // As the Reports page and each plugin's figures page build it: the same title
        // (the scope in words) and the organisation's small-count suppression.
        struct Sections : ReportSectionProvider {
            std::string id_;
            FiguresBuilder build_;
            Sections(std::string id, FiguresBuilder b) : id_(std::move(id)), build_(std::move(b)) {}
            std::string id() const override { return id_; }
            std::vector<ReportSection> build(Database& d, const ReportScope& s) const override { return build_(d, s); }
        };
        Report report = build_report(db, scope, {std::make_shared<Sections>(section_id, build)});
        // A report keeps going when a section fails; this command is that one section.
        for (const auto& s : report.sections)
            if (s.id == section_id + ".error") throw Error(s.paragraphs.empty() ? s.title : s.paragraphs.front());
        const auto text = render_figures(report, o->json ? "json" : o->format, section_id, title);
        if (o->out.empty() || o->out == "-") {
            *ctx.out << text;
            return;
        }
        std::ofstream f(o->out, std::ios::binary | std::ios::trunc);
        f << text;
        f.close();
        if (!f) throw Error(trf("Cannot write {file}.", fmt::arg("file", o->out)));
        *ctx.err << trf("Written: {file}", fmt::arg("file", o->out)) << '\n';
    });
    return cmd;
}

}  // namespace maillage
