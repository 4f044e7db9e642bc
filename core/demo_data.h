#pragma once
// The core's demo content: programmes, funders, institutions across the three regions
// and sectors, and people with their jobs. Deterministic, so tests can rely on it.
#include <string>

namespace maillage {

class Database;

// Writes the demo content (call inside a transaction). `year` is the current year.
void seed_core_demo(Database& db, int year);

// Demo people carry this note so that plugins can pick them by role and index.
inline constexpr const char* kDemoNote = "demo";

}  // namespace maillage
