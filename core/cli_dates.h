#pragma once
// Date options of the command line (the core's and the plugins'): a person types a date
// the way they write it (14/9/2026, 14.09.2026, 14-09-2026 or 2026-09-14); the command
// receives the ISO date, or CLI11 refuses the value with the parser's sentence.
#include "core/locale_format.h"

#include <CLI/CLI.hpp>

#include <string>

namespace maillage {

// Use as add_option("--date", value, ...)->transform(human_date()).
inline CLI::Validator human_date() {
    return CLI::Validator(
        [](std::string& value) -> std::string {
            std::string error;
            if (auto iso = locale::parse_date(value, &error)) {
                value = *iso;
                return {};
            }
            return error;
        },
        "DATE", "DATE");
}

}  // namespace maillage
