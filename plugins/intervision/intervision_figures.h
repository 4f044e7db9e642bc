#pragma once
// The yearly report's intervision figures (section "intervision.cycles"), for a cycle,
// a calendar year (sessions dated in the year, across the cycles that straddle it) or
// both, filtered by programme. Definitions: docs/report-intervision.md.
#include "core/today.h"  // today_iso(): the default as-of date
#include "core/figures.h"
#include "core/report.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::intervision {

struct GroupFigures {
    int64_t group_id = 0;
    std::string cycle, name, language, slot, venue_mode;
    int weekday = 0, week_of_month = 0;
    std::string half_day, start_time, end_time;
    std::vector<std::string> facilitators;
    int sessions_held = 0;       // not cancelled, dated in the period, held or already past
    int sessions_planned = 0;    // not cancelled, still to come after the as-of date
    int sessions_cancelled = 0;  // dated in the period
    int registered = 0;          // enrolled (not waiting) at some point of the period
    int participants = 0;        // registered + people present without an enrolment
    int attendance_sessions = 0; // held sessions with attendance recorded
    int present_total = 0;       // present participants summed over those sessions
    double average_attendance = 0;
    CountSplit institutions;     // participants per institution (at enrolment)
    CountSplit sectors;          // participants per sector (at enrolment)
    std::string sentence;        // "met N times, on average A people for R registered"
};

struct CycleFigures {
    int64_t cycle_id = 0;
    std::string name, programme, funder, audience, start_date, end_date;
    int participants = 0;        // distinct people over the cycle's groups
    CountSplit sectors;          // one per distinct participant
    CountSplit institutions;     // distinct participants per institution
    int sessions_held = 0;
    std::vector<GroupFigures> groups;
};

struct IntervisionFigures {
    std::string from, to, as_of;
    std::vector<CycleFigures> cycles;
    int participants = 0;        // distinct people over every cycle in scope
    CountSplit sectors;
    CountSplit institutions;
    int sessions_held = 0;
    int groups = 0;
};

// Computes the figures. `as_of` (ISO date, default today) separates planned sessions
// already past (counted as held) from those still to come.
IntervisionFigures compute_figures(Database& db, const ReportScope& scope, const std::string& as_of = {});

// The report section (empty when no cycle is in scope).
std::vector<ReportSection> figures_sections(Database& db, const ReportScope& scope, const std::string& as_of = {});
nlohmann::json figures_json(const IntervisionFigures& figures);

class IntervisionReportProvider : public ReportSectionProvider {
public:
    std::string id() const override { return "intervision.cycles"; }
    std::vector<ReportSection> build(Database& db, const ReportScope& scope) const override {
        return figures_sections(db, scope);
    }
};

// "10" or "9.5": an average as the report writes it.
std::string format_average(double value);

}  // namespace maillage::intervision
