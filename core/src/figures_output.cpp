// The output of every plugin's `figures` command (core/figures_command.h).
#include "core/csv.h"
#include "core/error.h"
#include "core/figures_output.h"
#include "core/i18n.h"

#include <sstream>

namespace maillage {

ReportSection figures_section_of(const Report& report, const std::string& section_id, const std::string& title) {
    if (report.sections.size() == 1) return report.sections.front();
    ReportSection s;
    s.id = section_id;
    s.title = title;
    s.subsections = report.sections;
    if (report.sections.empty()) s.paragraphs.push_back(tr("Nothing to count in this scope."));
    return s;
}

namespace {
void write_tables(csv::Writer& w, const ReportSection& section) {
    for (const auto& p : section.paragraphs) w.row({p});
    if (!section.paragraphs.empty()) w.row({});
    for (const auto& t : section.tables) {
        w.row({t.title});
        w.row(t.columns);
        for (const auto& r : t.rows) w.row(r);
        w.row({});
    }
    for (const auto& sub : section.subsections) {
        w.row({sub.title});
        write_tables(w, sub);
    }
}
}  // namespace

std::string figures_csv(const ReportSection& section) {
    std::ostringstream out;
    csv::Writer w(out);
    w.row({section.title});
    write_tables(w, section);
    return out.str();
}

std::string render_figures(const Report& report, const std::string& format, const std::string& section_id,
                           const std::string& title) {
    if (format == "json") {
        auto section = figures_section_of(report, section_id, title);
        auto j = to_json(Report{report.title, report.scope, {section}});
        auto out = j["sections"][0];
        out["scope"] = j["scope"];
        return out.dump(2) + "\n";
    }
    if (format == "csv") return figures_csv(figures_section_of(report, section_id, title));
    if (format == "html") return to_html(report);
    if (format == "md" || format == "markdown") return to_markdown(report);
    throw Error(trf("unknown format \"{format}\" (valid: json, md, html, csv)", fmt::arg("format", format)));
}

}  // namespace maillage
