#include "core/error.h"

#include "core/i18n.h"

namespace maillage {
namespace {
std::string describe(const std::string& file, int line, int column, const std::string& field,
                     const std::string& reason) {
    if (field.empty())
        return trf("{file}, line {line}, column {column}: {reason}", fmt::arg("file", file),
                   fmt::arg("line", line), fmt::arg("column", column), fmt::arg("reason", reason));
    return trf("{file}, line {line}, column {column} ({field}): {reason}", fmt::arg("file", file),
               fmt::arg("line", line), fmt::arg("column", column), fmt::arg("field", field),
               fmt::arg("reason", reason));
}
}  // namespace

ParseError::ParseError(std::string file, int line, int column, std::string field, std::string reason)
    : Error(describe(file, line, column, field, reason)),
      file_(std::move(file)), line_(line), column_(column), field_(std::move(field)),
      reason_(std::move(reason)) {}
}  // namespace maillage
