#pragma once
// Small builders shared by the reliability tests.
#include "core/database.h"

#include <cstdint>
#include <string>

namespace maillage::test {

int64_t add_person(Database& db, const std::string& first, const std::string& last, const std::string& email = "");
int64_t add_institution(Database& db, const std::string& name);
int64_t add_session(Database& db, const std::string& date, const std::string& notes = "");
// Records attendance; the institution/sector snapshot is given explicitly.
void attend(Database& db, int64_t session, int64_t person, int64_t institution);
// A questionnaire with one text question, answered by `person` (NULL when 0).
int64_t add_response(Database& db, int64_t person, const std::string& answer, const std::string& submitted_at);
// A database file at `file` with the core demo of 2025, closed with its WAL checkpointed.
void write_core_demo(const std::filesystem::path& file);
// True when `needle` occurs in the bytes of `file` (false when the file is missing).
bool file_contains(const std::filesystem::path& file, const std::string& needle);

}  // namespace maillage::test
