#pragma once
// The ParseError a piece of work throws, for tests that then check where it points
// (file, line, column, field) and what it says.
#include "core/error.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>

namespace maillage::test {

// The ParseError `work` throws; a failed test saying `none_thrown` when it throws none
// (then an empty error, so that the checks that follow fail too).
template <class Work>
ParseError parse_error_of(Work&& work, const std::string& none_thrown) {
    try {
        std::forward<Work>(work)();
    } catch (const ParseError& e) {
        return e;
    }
    ADD_FAILURE() << none_thrown;
    return ParseError("", 0, 0, "", "");
}

// Where a ParseError must point and what its reason must say; a field or reason left
// empty, or no column, is not checked.
struct ErrorPlace {
    int line = 0;
    std::optional<int> column;
    std::string field;
    std::string says;
};

// Success when `e` points at `place`; else a failure listing each difference.
inline testing::AssertionResult points_at(const ParseError& e, const ErrorPlace& place) {
    std::string wrong;
    if (e.line() != place.line)
        wrong += " line " + std::to_string(e.line()) + ", not " + std::to_string(place.line) + ";";
    if (place.column && e.column() != *place.column)
        wrong += " column " + std::to_string(e.column()) + ", not " + std::to_string(*place.column) + ";";
    if (!place.field.empty() && e.field() != place.field)
        wrong += " field \"" + e.field() + "\", not \"" + place.field + "\";";
    if (!place.says.empty() && e.reason().find(place.says) == std::string::npos)
        wrong += " the reason does not say \"" + place.says + "\";";
    if (wrong.empty()) return testing::AssertionSuccess();
    return testing::AssertionFailure() << wrong << " in: " << e.what();
}

}  // namespace maillage::test
