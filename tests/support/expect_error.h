#pragma once
// The ParseError a piece of work throws, for tests that then check where it points
// (file, line, column, field) and what it says.
#include "core/error.h"

#include <gtest/gtest.h>

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

}  // namespace maillage::test
