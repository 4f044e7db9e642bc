#pragma once
// The figures of the training catalogue for a period (docs/report-catalogue.md):
// training days, participations, participants and their sector split, trainings and
// hours by theme and by module, hours given per trainer, expectations met.
#include "core/figures.h"
#include "core/report.h"

#include <cstdint>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::catalogue {

struct GroupFigures {
    std::string code, label;
    int64_t trainings = 0;
    double hours = 0;
};

struct TrainerFigures {
    int64_t person_id = 0;
    std::string name;
    int64_t sessions = 0;
    double hours = 0;
};

struct CatalogueFigures {
    int64_t training_days = 0;   // distinct dates with a non-cancelled training session
    int64_t sessions = 0;        // non-cancelled training sessions
    int64_t trainings = 0;       // catalogue trainings with at least one such session
    int64_t participations = 0;  // (person, training) pairs with a present participant day
    int64_t person_days = 0;     // (person, training, date): days of a training a person came to
    int64_t participants = 0;    // distinct people among them
    CountSplit sectors;          // participants by sector (their first known sector in the period)
    std::vector<GroupFigures> by_theme, by_module;
    std::vector<TrainerFigures> trainers;
    int64_t expectations_yes = 0, expectations_partly = 0, expectations_no = 0, expectations_open = 0;
};

CatalogueFigures compute_figures(Database& db, const ReportScope& scope);

// The report section "catalogue.trainings" (empty id when nothing happened in scope).
ReportSection figures_section(Database& db, const ReportScope& scope);

class CatalogueReportProvider : public ReportSectionProvider {
public:
    std::string id() const override { return "catalogue.trainings"; }
    std::vector<ReportSection> build(Database& db, const ReportScope& scope) const override;
};

// Rounded to two decimals (for JSON and tables).
double round2(double value);

}  // namespace maillage::catalogue
