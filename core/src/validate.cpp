#include "core/validate.h"

#include "core/error.h"
#include "core/i18n.h"
#include "core/report.h"

#include <cctype>
#include <cmath>

namespace maillage::validate {

void count(const std::string& field, int64_t value, int64_t min) {
    if (value < min || value > kMaxCount)
        throw Error(trf("{field}: {value} is not a sensible number; give a whole number from {min} to {max}.",
                        fmt::arg("field", field), fmt::arg("value", value), fmt::arg("min", min),
                        fmt::arg("max", kMaxCount)));
}

void count(const std::string& field, const std::optional<int64_t>& value, int64_t min) {
    if (value) count(field, *value, min);
}

void minutes(const std::string& field, int64_t value, int64_t min) {
    if (value < min || value > kMaxMinutes)
        throw Error(trf("{field}: {value} minutes is not a sensible duration; give from {min} to {max} minutes "
                        "(10 days).",
                        fmt::arg("field", field), fmt::arg("value", value), fmt::arg("min", min),
                        fmt::arg("max", kMaxMinutes)));
}

void percent(const std::string& field, double value) {
    if (!std::isfinite(value) || value <= 0 || value > 100)
        throw Error(trf("{field}: give a percentage above 0 and at most 100.", fmt::arg("field", field)));
}

int64_t cents(const std::string& field, double euros) {
    if (!std::isfinite(euros) || euros < 0 || euros > kMaxEuros)
        throw Error(trf("{field}: give an amount in euros from 0 to {max}.", fmt::arg("field", field),
                        fmt::arg("max", static_cast<int64_t>(kMaxEuros))));
    return std::llround(euros * 100);
}

void cents_value(const std::string& field, int64_t value) {
    if (value < 0 || value > static_cast<int64_t>(kMaxEuros) * 100)
        throw Error(trf("{field}: give an amount in euros from 0 to {max}.", fmt::arg("field", field),
                        fmt::arg("max", static_cast<int64_t>(kMaxEuros))));
}

void year(int value) {
    if (value < kMinYear || value > kMaxYear)
        throw Error(trf("The year {year} is outside the years the suite handles ({min} to {max}).",
                        fmt::arg("year", value), fmt::arg("min", kMinYear), fmt::arg("max", kMaxYear)));
}

void scope(const ReportScope& s) {
    if (s.year) year(*s.year);
}

bool is_safe_url(const std::string& url) {
    for (unsigned char c : url)
        if (c <= 0x20 || c == 0x7f) return false;
    std::string lower;
    for (char c : url.substr(0, 8)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto has_host = [&](std::size_t scheme_len) {
        // "https://" followed by at least one character of a host, not a path.
        return url.size() > scheme_len && url[scheme_len] != '/' && url[scheme_len] != '?' && url[scheme_len] != '#';
    };
    if (lower.rfind("http://", 0) == 0) return has_host(7);
    if (lower.rfind("https://", 0) == 0) return has_host(8);
    if (lower.rfind("mailto:", 0) == 0) return url.size() > 7 && url.find('@') != std::string::npos;
    return false;
}

void url(const std::string& field, const std::string& value) {
    if (!value.empty() && !is_safe_url(value))
        throw Error(trf("{field}: \"{url}\" is not a web address (http:// or https://) or an e-mail link (mailto:).",
                        fmt::arg("field", field), fmt::arg("url", value)));
}

void web_address(const std::string& field, const std::string& text) {
    if (text.empty() || is_safe_url(text)) return;
    bool plain = true;
    for (unsigned char c : text)
        if (c <= 0x20 || c == 0x7f) plain = false;
    // No scheme: no ':' before the first '/', and not a scheme-relative "//host".
    const auto colon = text.find(':'), slash = text.find('/');
    if (colon != std::string::npos && (slash == std::string::npos || colon < slash)) plain = false;
    if (text.rfind("//", 0) == 0) plain = false;
    if (!plain) url(field, text);  // throws with the sentence
}

}  // namespace maillage::validate
