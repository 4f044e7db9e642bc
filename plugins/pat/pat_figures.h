#pragma once
// The figures of the report section "pat.accompaniments" (docs/report-pat.md): for a
// period (a calendar year) and optionally one funder's accompaniments.
#include "core/figures.h"
#include "core/report.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace maillage::pat {

struct OrganisationRow {
    int64_t institution_id = 0;
    std::string name, region;
    int accompaniments = 0;  // of this institution with a session in the period
    int sessions = 0;        // non-cancelled sessions in the period
};

struct TypeCount {
    std::string code, label;
    int count = 0;
};

struct RegionCount {
    std::string region;  // brussels | wallonia | flanders | "" (unknown)
    int teams = 0;
    int hires = 0;
};

struct PatFigures {
    std::string from, to, funder;
    // Accompaniments (teams) and distinct institutions with at least one non-cancelled
    // session dated in the period, whatever their phase (follow-up included).
    int accompaniments = 0;
    int organisations = 0;
    std::vector<OrganisationRow> organisation_list;  // by name
    // Non-cancelled sessions dated in the period, both phases.
    int sessions = 0;
    int accompaniment_phase_sessions = 0;
    int follow_up_sessions = 0;
    int fewer_than_two_staff = 0;
    std::vector<TypeCount> by_type;  // every type, in the guide's order
    std::string sessions_sentence;   // "45 sessions: 6 working groups, ..."
    // Effective hires dated in the period; hires announced in the period and not
    // effective by its end.
    int hires = 0;
    int hires_announced = 0;
    CountSplit sectors;  // the accompanied institutions' primary sectors
    int trainings = 0;
    int training_participants = 0;
    std::map<std::string, int> advocacy;  // kind -> count (every kind present)
    int advocacy_total = 0;
    int advocacy_audience = 0;
    // Since the start up to the end of the period.
    int teams_since_start = 0;
    int hires_since_start = 0;
    std::vector<RegionCount> by_region;  // brussels, wallonia, flanders, unknown (non-zero only)
    std::string since_start_sentence;    // "46 teams accompanied since the start: ..."
};

// Computes the figures for scope.year (or all dates) and scope.funder (or every funder),
// labels in scope.language. Throws maillage::Error on an unknown funder code.
PatFigures compute_figures(Database& db, const ReportScope& scope);

// "45 sessions: 6 working groups, 4 team meetings" in the current UI language, types
// with no session left out.
std::string sessions_sentence(int total, const std::vector<TypeCount>& by_type, const std::vector<std::string>& plurals);

// The section "pat.accompaniments" for this scope (empty when the scope's programme is
// neither "pat" nor "support").
std::vector<ReportSection> pat_sections(Database& db, const ReportScope& scope);

class PatReportProvider : public ReportSectionProvider {
public:
    std::string id() const override { return "pat.accompaniments"; }
    std::vector<ReportSection> build(Database& db, const ReportScope& scope) const override {
        return pat_sections(db, scope);
    }
};

}  // namespace maillage::pat
