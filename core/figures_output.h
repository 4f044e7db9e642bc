#pragma once
// What every plugin's `figures` command prints (core/figures_command.h adds the command).
#include "core/report.h"

#include <string>

namespace maillage {

// Renders the plugin's sections of `report` in a format; the section id and title are
// those of the wrapping section when there are several (or none).
std::string render_figures(const Report& report, const std::string& format, const std::string& section_id,
                           const std::string& title);

// The one section the JSON output holds (see above).
ReportSection figures_section_of(const Report& report, const std::string& section_id, const std::string& title);

// The report's tables as CSV (';', UTF-8 with BOM): per table its title on a line, its
// header, its rows, then a blank line; the section's paragraphs first.
std::string figures_csv(const ReportSection& section);

}  // namespace maillage
