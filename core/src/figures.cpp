#include "core/figures.h"

#include "core/i18n.h"
#include "core/sectors.h"

#include <algorithm>
#include <map>

namespace maillage {

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
    for (const auto& r : split.rows) t.rows.push_back({r.label, std::to_string(r.count), r.percent});
    if (split.unknown > 0) t.rows.push_back({tr("unknown"), std::to_string(split.unknown), ""});
    return t;
}

ReportChart split_chart(const CountSplit& split, const std::string& title, ReportChart::Kind kind) {
    ReportChart c;
    c.kind = kind;
    c.title = title;
    for (const auto& r : split.rows) c.values.emplace_back(r.label, double(r.count));
    return c;
}

nlohmann::json split_json(const CountSplit& split) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : split.rows) rows.push_back({{"label", r.label}, {"count", r.count}, {"percent", r.percent}});
    return {{"rows", rows}, {"known", split.known}, {"unknown", split.unknown}};
}

std::string join_with_counts(const CountSplit& split) {
    std::string out;
    for (const auto& r : split.rows) {
        if (!out.empty()) out += ", ";
        out += r.label + " (" + std::to_string(r.count) + ")";
    }
    return out;
}

}  // namespace maillage
