#pragma once
// Building blocks for the figures every report section needs: counts by sector or by
// any label, largest first, with percentages over the known values.
#include "core/report.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maillage {

class Database;

struct CountRow {
    std::string label;
    int64_t count = 0;
    std::string percent;  // "44.54": share of the known total, two decimals
};

struct CountSplit {
    std::vector<CountRow> rows;  // largest first, then by label
    int64_t known = 0;           // units with a value
    int64_t unknown = 0;         // units without one (not in the percentages)
};

// Counts labels (empty label = unknown).
CountSplit count_labels(const std::vector<std::string>& labels);

// Counts sector ids (nullopt = unknown) under their label in `language`.
CountSplit count_sectors(Database& db, const std::vector<std::optional<int64_t>>& sector_ids,
                         const std::string& language);

// The threshold under which split_table, split_json and join_with_counts hide counts;
// build_report sets it from ReportScope::suppress_below while sections are built.
int suppression_threshold();
class SuppressionScope {
public:
    explicit SuppressionScope(int threshold);
    ~SuppressionScope();
    SuppressionScope(const SuppressionScope&) = delete;
    SuppressionScope& operator=(const SuppressionScope&) = delete;

private:
    int previous_;
};

// The same split as a table (label, count, %) and as a chart.
ReportTable split_table(const CountSplit& split, const std::string& title, const std::string& label_column);
ReportChart split_chart(const CountSplit& split, const std::string& title,
                        ReportChart::Kind kind = ReportChart::Kind::Bar);
// The split as JSON: [{"label":..., "count":..., "percent":...}], plus known/unknown.
nlohmann::json split_json(const CountSplit& split);

// "label (n)" joined by ", ": the report's way of listing institutions with a count.
std::string join_with_counts(const CountSplit& split);

}  // namespace maillage
