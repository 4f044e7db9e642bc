#include "core/figures.h"

#include "core/i18n.h"
#include "core/sectors.h"

#include <algorithm>
#include <map>

namespace maillage {

namespace {
thread_local int threshold = 0;
bool hidden(int64_t count) { return count > 0 && count < threshold; }
std::string shown_count(int64_t count) {
    return hidden(count) ? "<" + std::to_string(threshold) : std::to_string(count);
}
}  // namespace

int suppression_threshold() { return threshold; }
SuppressionScope::SuppressionScope(int t) : previous_(threshold) { threshold = t > 1 ? t : 0; }
SuppressionScope::~SuppressionScope() { threshold = previous_; }

CountSplit count_labels(const std::vector<std::string>& labels) {
    CountSplit split;
    std::map<std::string, int64_t> counts;
    for (const auto& l : labels) {
        if (l.empty()) {
            ++split.unknown;
            continue;
        }
        ++counts[l];
        ++split.known;
    }
    for (const auto& [label, n] : counts) split.rows.push_back(CountRow{label, n, percent(double(n), double(split.known))});
    std::stable_sort(split.rows.begin(), split.rows.end(),
                     [](const CountRow& a, const CountRow& b) { return a.count > b.count; });
    return split;
}

CountSplit count_sectors(Database& db, const std::vector<std::optional<int64_t>>& sector_ids,
                         const std::string& language) {
    SectorRepository sectors(db);
    std::map<int64_t, std::string> names;
    for (const auto& s : sectors.list(true)) names[s.id] = s.label(language);
    std::vector<std::string> labels;
    labels.reserve(sector_ids.size());
    for (const auto& id : sector_ids) labels.push_back(id && names.count(*id) ? names[*id] : std::string());
    return count_labels(labels);
}

ReportTable split_table(const CountSplit& split, const std::string& title, const std::string& label_column) {
    ReportTable t;
    t.title = title;
    t.columns = {label_column, tr("Count"), tr("%")};
    for (const auto& r : split.rows)
        t.rows.push_back({r.label, shown_count(r.count), hidden(r.count) ? std::string() : r.percent});
    if (split.unknown > 0) t.rows.push_back({tr("unknown"), shown_count(split.unknown), ""});
    return t;
}

ReportChart split_chart(const CountSplit& split, const std::string& title, ReportChart::Kind kind) {
    ReportChart c;
    c.kind = kind;
    c.title = title;
    for (const auto& r : split.rows)
        if (!hidden(r.count)) c.values.emplace_back(r.label, double(r.count));
    return c;
}

nlohmann::json split_json(const CountSplit& split) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : split.rows) {
        if (hidden(r.count))
            rows.push_back({{"label", r.label}, {"count", nullptr}, {"percent", nullptr}, {"suppressed", true}});
        else
            rows.push_back({{"label", r.label}, {"count", r.count}, {"percent", r.percent}});
    }
    nlohmann::json out{{"rows", rows}, {"known", split.known}, {"unknown", split.unknown}};
    if (threshold > 1) out["suppressed_below"] = threshold;
    return out;
}

std::string join_with_counts(const CountSplit& split) {
    std::string out;
    for (const auto& r : split.rows) {
        if (!out.empty()) out += ", ";
        out += r.label + " (" + shown_count(r.count) + ")";
    }
    return out;
}

}  // namespace maillage
