#pragma once
// Reports: assembled from sections that the core and the plugins contribute, for a
// period and a filter, rendered as JSON, Markdown or HTML (docs/report-format.md).
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace maillage {

class Database;
class Progress;

// What a report covers. Empty members do not filter.
struct ReportScope {
    std::optional<int> year;               // calendar year
    std::optional<std::string> cycle;      // a cycle name, "2024-2025"
    std::optional<std::string> programme;  // programme code
    std::optional<std::string> funder;     // funder code
    std::string language = "fr";           // labels of sectors etc. in the output
    // Statistics disclosure control: counts from 1 to suppress_below-1 in splits are
    // shown as "<N" without percentage, so that small groups cannot be recognised.
    // nullopt: the database's setting "statistics.suppress_below" (0 = none).
    std::optional<int> suppress_below;

    std::string describe() const;          // "2025", "cycle 2024-2025, funder COCOM"
    // The ISO dates [from, to] the scope covers (a year, or the widest possible range).
    std::string from_date() const;
    std::string to_date() const;
};

struct ReportTable {
    std::string title;
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
};

// A split to draw as bars or a pie (participants by sector...).
struct ReportChart {
    enum class Kind { Bar, Pie };
    Kind kind = Kind::Bar;
    std::string title;
    std::vector<std::pair<std::string, double>> values;
};

// A drawing the section makes itself (PAT's map): inline SVG in HTML, its title elsewhere.
struct ReportFigure {
    std::string title;
    std::string svg;  // an <svg> element
};

struct ReportSection {
    std::string id;      // stable key in JSON: "intervision.cycles"
    std::string title;   // translated heading
    std::vector<std::string> paragraphs;  // sentences of the report ("64 participants and 6 facilitators")
    std::vector<ReportTable> tables;
    std::vector<ReportChart> charts;
    std::vector<ReportFigure> figures;
    nlohmann::json data = nlohmann::json::object();  // the figures, documented keys
    std::vector<ReportSection> subsections;
};

class ReportSectionProvider {
public:
    virtual ~ReportSectionProvider() = default;
    virtual std::string id() const = 0;
    // The sections for this scope; empty when the provider has nothing to say for it.
    virtual std::vector<ReportSection> build(Database& db, const ReportScope& scope) const = 0;
};

struct Report {
    std::string title;
    ReportScope scope;
    std::vector<ReportSection> sections;
};

// Builds a report from the providers, in order; a provider that throws is reported in
// a section of its own instead of aborting the whole report. With `progress`, each
// provider is a step, and a cancel throws Cancelled (a report changes nothing).
Report build_report(Database& db, const ReportScope& scope,
                    const std::vector<std::shared_ptr<const ReportSectionProvider>>& providers,
                    Progress* progress = nullptr);

nlohmann::json to_json(const Report& report);
std::string to_markdown(const Report& report);
std::string to_html(const Report& report);  // a standalone page with inline SVG charts

// "44.54" style percentage with two decimals, and count helpers.
std::string percent(double part, double whole);

}  // namespace maillage
