#include "catalog/catalog_model.h"

#include <fmt/format.h>

#include <stdexcept>

namespace maillage::catalog {

const std::string& LocalText::get(const std::string& language) const {
    const std::string* chosen = language == "nl" ? &nl : language == "en" ? &en : &fr;
    if (!chosen->empty()) return *chosen;
    if (!fr.empty()) return fr;
    return nl.empty() ? en : nl;
}

std::string& LocalText::at(const std::string& language) {
    if (language == "fr") return fr;
    if (language == "nl") return nl;
    if (language == "en") return en;
    throw std::out_of_range("language " + language);
}

double OpenTraining::hours() const {
    double total = 0;
    for (const auto& d : days)
        if (!d.cancelled) total += hours_between(d.start_time, d.end_time);
    return total;
}

const Theme* Edition::theme(const std::string& code) const {
    for (const auto& t : themes)
        if (t.code == code) return &t;
    return nullptr;
}

const ModuleSheet* Edition::module(const std::string& code) const {
    for (const auto& m : modules)
        if (m.code == code) return &m;
    return nullptr;
}

std::string format_duration(int minutes) {
    if (minutes <= 0) return "";
    if (minutes < 60) return fmt::format("{} min", minutes);
    if (minutes % 60 == 0) return fmt::format("{} h", minutes / 60);
    return fmt::format("{} h {:02}", minutes / 60, minutes % 60);
}

double hours_between(const std::string& start, const std::string& end) {
    auto minutes = [](const std::string& t) -> int {
        if (t.size() != 5 || t[2] != ':') return -1;
        for (int i : {0, 1, 3, 4})
            if (t[i] < '0' || t[i] > '9') return -1;
        return std::stoi(t.substr(0, 2)) * 60 + std::stoi(t.substr(3, 2));
    };
    int a = minutes(start), b = minutes(end);
    if (a < 0 || b < 0 || b <= a) return 0;
    return (b - a) / 60.0;
}

bool OpenTraining::over(const std::string& today) const {
    std::string last;
    for (const auto& d : days)
        if (!d.cancelled && d.date > last) last = d.date;
    return !last.empty() && !today.empty() && last < today;
}

}  // namespace maillage::catalog
