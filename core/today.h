#pragma once
// Today's date on this computer's clock (local time), as ISO "YYYY-MM-DD".
#include <fmt/format.h>

#include <ctime>
#include <string>

namespace maillage {

inline std::string today_iso() {
    const auto t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return fmt::format("{:04d}-{:02d}-{:02d}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

}  // namespace maillage
