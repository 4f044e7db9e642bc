#include "core/report.h"
#include "core/validate.h"

#include "core/database.h"
#include "core/figures.h"
#include "core/html.h"
#include "core/i18n.h"
#include "core/locale_format.h"
#include "core/progress.h"
#include "core/programmes.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdlib>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

namespace maillage {
namespace {

// "12", "-3", "44.54", "12 %", "<5": a count or a share (not a cycle "2024-2025").
bool looks_numeric(const std::string& cell) {
    size_t i = 0;
    if (i < cell.size() && (cell[i] == '-' || cell[i] == '<')) ++i;
    const size_t digits = i;
    while (i < cell.size() && std::isdigit(static_cast<unsigned char>(cell[i]))) ++i;
    if (i == digits) return false;
    if (i < cell.size() && cell[i] == '.') {
        ++i;
        while (i < cell.size() && std::isdigit(static_cast<unsigned char>(cell[i]))) ++i;
    }
    if (i < cell.size() && cell[i] == ' ') ++i;
    if (i < cell.size() && cell[i] == '%') ++i;
    return i == cell.size();
}

// Characters, not bytes, of a UTF-8 text.
size_t utf8_length(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string md_cell(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += ' ';
        else
            out += c;
    }
    return out;
}

nlohmann::json section_json(const ReportSection& s) {
    nlohmann::json j;
    j["id"] = s.id;
    j["title"] = s.title;
    j["paragraphs"] = s.paragraphs;
    j["data"] = s.data;
    j["tables"] = nlohmann::json::array();
    for (const auto& t : s.tables) j["tables"].push_back({{"title", t.title}, {"columns", t.columns}, {"rows", t.rows}});
    j["charts"] = nlohmann::json::array();
    for (const auto& c : s.charts) {
        nlohmann::json values = nlohmann::json::array();
        for (const auto& [label, v] : c.values) values.push_back({{"label", label}, {"value", v}});
        j["charts"].push_back(
            {{"title", c.title}, {"kind", c.kind == ReportChart::Kind::Pie ? "pie" : "bar"}, {"values", values}});
    }
    if (!s.figures.empty()) {
        j["figures"] = nlohmann::json::array();
        for (const auto& f : s.figures) j["figures"].push_back({{"title", f.title}});
    }
    j["subsections"] = nlohmann::json::array();
    for (const auto& sub : s.subsections) j["subsections"].push_back(section_json(sub));
    return j;
}

// A chart's value as people read it: counts as integers, shares with two decimals.
std::string chart_value(double v) {
    return v == std::floor(v) && std::abs(v) < 1e15 ? locale::integer(static_cast<long long>(v)) : locale::decimal(v, 2);
}

void section_md(std::ostringstream& out, const ReportSection& s, int level) {
    out << std::string(level, '#') << ' ' << locale::dates_in_text(s.title) << "\n\n";
    for (const auto& p : s.paragraphs) out << locale::dates_in_text(p) << "\n\n";
    for (const auto& t : s.tables) {
        if (!t.title.empty()) out << "**" << locale::dates_in_text(t.title) << "**\n\n";
        if (t.columns.empty()) continue;
        out << '|';
        for (const auto& c : t.columns) out << ' ' << md_cell(c) << " |";
        out << "\n|";
        for (size_t i = 0; i < t.columns.size(); ++i) out << " --- |";
        out << '\n';
        for (const auto& row : t.rows) {
            out << '|';
            for (const auto& cell : row) out << ' ' << md_cell(locale::display(cell)) << " |";
            out << '\n';
        }
        out << '\n';
    }
    for (const auto& c : s.charts) {
        out << "**" << c.title << "**\n\n";
        for (const auto& [label, v] : c.values) out << "- " << label << ": " << chart_value(v) << '\n';
        out << '\n';
    }
    for (const auto& f : s.figures) out << "**" << f.title << "**\n\n";
    for (const auto& sub : s.subsections) section_md(out, sub, std::min(level + 1, 6));
}

// A horizontal bar chart as inline SVG: readable in any browser and when printed.
std::string bar_svg(const ReportChart& c) {
    double max = 0;
    for (const auto& [_, v] : c.values) max = std::max(max, v);
    // Room for the longest label (about 7 px a character at 12 px), so none is cut.
    size_t longest = 0;
    for (const auto& [label, _] : c.values) longest = std::max(longest, utf8_length(label));
    const int row = 22, label_w = int(std::clamp<size_t>(longest * 7 + 12, 120, 460)), bar_w = 320;
    std::ostringstream svg;
    const int h = int(c.values.size()) * row + 10;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" << label_w + bar_w + 60 << "\" height=\""
        << h << "\" aria-label=\"" << html_escape(c.title) << "\">";
    int y = 5;
    for (const auto& [label, v] : c.values) {
        const double w = max > 0 ? bar_w * v / max : 0;
        svg << "<text x=\"" << label_w - 6 << "\" y=\"" << y + 15 << "\" text-anchor=\"end\" font-size=\"12\">"
            << html_escape(label) << "</text><rect x=\"" << label_w << "\" y=\"" << y + 3 << "\" width=\"" << w
            << "\" height=\"16\" fill=\"#3a7ca5\"/><text x=\"" << label_w + w + 4 << "\" y=\"" << y + 15
            << "\" font-size=\"12\">" << html_escape(chart_value(v)) << "</text>";
        y += row;
    }
    svg << "</svg>";
    return svg.str();
}

void section_html(std::ostringstream& out, const ReportSection& s, int level) {
    const int h = std::min(level, 6);
    out << "<section id=\"" << html_escape(s.id) << "\"><h" << h << '>' << html_escape(locale::dates_in_text(s.title)) << "</h" << h << ">\n";
    for (const auto& p : s.paragraphs) out << "<p>" << html_escape(locale::dates_in_text(p)) << "</p>\n";
    for (const auto& t : s.tables) {
        out << "<table>";
        if (!t.title.empty()) out << "<caption>" << html_escape(locale::dates_in_text(t.title)) << "</caption>";
        out << "<thead><tr>";
        for (const auto& c : t.columns) out << "<th scope=\"col\">" << html_escape(c) << "</th>";
        out << "</tr></thead><tbody>";
        for (const auto& row : t.rows) {
            out << "<tr>";
            for (const auto& cell : row) {
                const std::string shown = locale::display(cell);
                // Numbers (and the display forms of numbers) align right and never break.
                const bool number = looks_numeric(cell);
                out << (number ? "<td class=\"num\">" : "<td>") << html_escape(shown) << "</td>";
            }
            out << "</tr>";
        }
        out << "</tbody></table>\n";
    }
    for (const auto& c : s.charts)
        out << "<figure>" << bar_svg(c) << "<figcaption>" << html_escape(c.title) << "</figcaption></figure>\n";
    for (const auto& f : s.figures)
        out << "<figure>" << f.svg << "<figcaption>" << html_escape(f.title) << "</figcaption></figure>\n";
    for (const auto& sub : s.subsections) section_html(out, sub, level + 1);
    out << "</section>\n";
}
}  // namespace

std::string ReportScope::describe() const {
    std::vector<std::string> parts;
    if (year) parts.push_back(trf("year {year}", fmt::arg("year", *year)));
    if (cycle) parts.push_back(trf("cycle {cycle}", fmt::arg("cycle", *cycle)));
    if (programme) parts.push_back(trf("programme {code}", fmt::arg("code", *programme)));
    if (funder) parts.push_back(trf("funder {code}", fmt::arg("code", *funder)));
    if (parts.empty()) return tr("all periods");
    std::string out = parts.front();
    for (size_t i = 1; i < parts.size(); ++i) out += ", " + parts[i];
    return out;
}

namespace {
// describe() with the programme's and the funder's names, as people read them.
std::string describe_with_names(ReportScope scope, Database& db) {
    if (scope.programme && db.table_exists("programme"))
        if (const auto p = ProgrammeRepository(db).find_by_code(*scope.programme)) scope.programme = p->name;
    if (scope.funder && db.table_exists("funder"))
        if (const auto f = FunderRepository(db).find_by_code(*scope.funder)) scope.funder = f->name;
    return scope.describe();
}
}  // namespace

std::string ReportScope::from_date() const { return year ? std::to_string(*year) + "-01-01" : "0000-01-01"; }
std::string ReportScope::to_date() const { return year ? std::to_string(*year) + "-12-31" : "9999-12-31"; }

Report build_report(Database& db, const ReportScope& scope,
                    const std::vector<std::shared_ptr<const ReportSectionProvider>>& providers, Progress* progress) {
    validate::scope(scope);  // before any provider: a year out of range is the caller's fault
    Report report;
    report.scope = scope;
    report.title = trf("Activity report — {scope}", fmt::arg("scope", describe_with_names(scope, db)));
    int threshold = 0;
    if (scope.suppress_below) {
        threshold = *scope.suppress_below;
    } else if (db.table_exists("setting")) {
        SQLite::Statement q(db.sql(), "SELECT value FROM setting WHERE key = 'statistics.suppress_below'");
        if (q.executeStep()) threshold = std::atoi(q.getColumn(0).getString().c_str());
    }
    report.scope.suppress_below = threshold;
    const SuppressionScope suppression(threshold);
    // Sections that format a date or a number for a sentence do it in the report's language.
    const locale::ScopedLanguage language(scope.language);
    std::size_t done = 0;
    for (const auto& p : providers) {
        step(progress, done++, providers.size(), trf("the {part} sections", fmt::arg("part", p->id())));
        try {
            for (auto& s : p->build(db, scope)) report.sections.push_back(std::move(s));
        } catch (const std::exception& e) {
            ReportSection failed;
            failed.id = p->id() + ".error";
            failed.title = trf("Section {id} could not be computed", fmt::arg("id", p->id()));
            failed.paragraphs.push_back(e.what());
            failed.data = {{"error", e.what()}};
            report.sections.push_back(std::move(failed));
        }
    }
    step(progress, providers.size(), providers.size(), tr(NC_("progress", "done")));
    return report;
}

nlohmann::json to_json(const Report& report) {
    nlohmann::json j;
    j["title"] = report.title;
    nlohmann::json scope = nlohmann::json::object();
    if (report.scope.year) scope["year"] = *report.scope.year;
    if (report.scope.cycle) scope["cycle"] = *report.scope.cycle;
    if (report.scope.programme) scope["programme"] = *report.scope.programme;
    if (report.scope.funder) scope["funder"] = *report.scope.funder;
    scope["language"] = report.scope.language;
    if (report.scope.suppress_below.value_or(0) > 1) scope["suppress_below"] = *report.scope.suppress_below;
    j["scope"] = scope;
    j["sections"] = nlohmann::json::array();
    for (const auto& s : report.sections) j["sections"].push_back(section_json(s));
    return j;
}

std::string to_markdown(const Report& report) {
    const locale::ScopedLanguage language(report.scope.language);
    std::ostringstream out;
    out << "# " << report.title << "\n\n";
    for (const auto& s : report.sections) section_md(out, s, 2);
    return out.str();
}

std::string to_html(const Report& report) {
    const locale::ScopedLanguage language(report.scope.language);
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"" << html_escape(report.scope.language)
        << "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        << "<title>" << html_escape(report.title) << "</title><style>"
        << "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}"
        << "table{border-collapse:collapse;margin:1em 0;font-size:.92em}"
        << "th,td{border:1px solid #bbb;padding:.3em .4em;text-align:left}"
        << "caption{caption-side:top;font-weight:bold;text-align:left;padding:.3em 0}figure{margin:1em 0}"
        << "td,th{vertical-align:top}"
        << "td.num{text-align:right;white-space:nowrap}svg{max-width:100%;height:auto}"
        << "@media print{body{max-width:none;margin:0}table{font-size:.75em}th,td{padding:.2em .3em}tr,figure{break-inside:avoid}thead{display:table-header-group}}"
        << "</style></head><body>\n<h1>" << html_escape(report.title) << "</h1>\n";
    for (const auto& s : report.sections) section_html(out, s, 2);
    out << "</body></html>\n";
    return out.str();
}

std::string percent(double part, double whole) {
    if (whole <= 0) return "0.00";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", std::round(part / whole * 10000.0) / 100.0);
    return buf;
}

}  // namespace maillage
