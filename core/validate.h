#pragma once
// Checks on values a user types or imports that the database would refuse with a raw
// "CHECK constraint failed", or worse, accept although they make no sense (a price of
// 1e308 euros, a duration of 190 years, the year 99999). Each check throws
// maillage::Error with a translated sentence naming the field, before any write; the
// plugins call them from their logic layer so that the window and the CLI agree.
#include <cstdint>
#include <optional>
#include <string>

namespace maillage {

struct ReportScope;

namespace validate {

// Upper bounds of what any organisation of the sector handles.
inline constexpr int64_t kMaxCount = 100000;        // seats, participants, sessions...
inline constexpr int64_t kMaxMinutes = 14400;       // one duration: at most 10 days
inline constexpr double kMaxEuros = 1000000.0;      // a price or an amount
inline constexpr int kMinYear = 1900, kMaxYear = 2200;

// A count from `min` (0 or 1) to kMaxCount. `field` is the translated field name.
void count(const std::string& field, int64_t value, int64_t min = 0);
void count(const std::string& field, const std::optional<int64_t>& value, int64_t min = 0);
// A duration in minutes from 0 (or `min`) to kMaxMinutes.
void minutes(const std::string& field, int64_t value, int64_t min = 0);
// A percentage above 0 and at most 100 (working time...).
void percent(const std::string& field, double value);
// Euros (finite, 0 to kMaxEuros) to cents, rounded to the nearest cent.
int64_t cents(const std::string& field, double euros);
// Cents already converted (0 to kMaxEuros * 100).
void cents_value(const std::string& field, int64_t cents);
// A calendar year from kMinYear to kMaxYear.
void year(int value);
// The year of a report scope, when it has one.
void scope(const ReportScope& scope);

// True for an absolute http, https or mailto URL with no space or control character:
// the only links a published page or a document may carry.
bool is_safe_url(const std::string& url);
// Throws unless `url` is empty or is_safe_url(url).
void url(const std::string& field, const std::string& url);
// A web site as people type it: a safe URL, or an address without scheme
// ("www.example.org/contact"); anything with another scheme (javascript:, data:, file:)
// or with spaces or control characters is refused.
void web_address(const std::string& field, const std::string& text);

}  // namespace validate
}  // namespace maillage
