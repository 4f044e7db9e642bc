#pragma once
// Errors the user sees. Everything the core throws for a user-caused problem is a
// maillage::Error whose what() is a complete, translated sentence.
#include <stdexcept>
#include <string>

namespace maillage {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A fault at a place in an input file: file, 1-based line and column, the field (column
// header or element name, may be empty) and what was expected.
class ParseError : public Error {
public:
    ParseError(std::string file, int line, int column, std::string field, std::string reason);
    const std::string& file() const noexcept { return file_; }
    int line() const noexcept { return line_; }
    int column() const noexcept { return column_; }
    const std::string& field() const noexcept { return field_; }
    const std::string& reason() const noexcept { return reason_; }

private:
    std::string file_;
    int line_;
    int column_;
    std::string field_;
    std::string reason_;
};

// The database cannot be written: it is newer than this program, damaged, or locked.
class ReadOnlyError : public Error {
public:
    using Error::Error;
};

}  // namespace maillage
