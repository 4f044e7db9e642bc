#pragma once
// What the importer fuzz targets share: each input is imported in a transaction that is
// rolled back, so inputs do not pile up; the importer may only throw maillage::Error, a
// ParseError saying where ("fuzz.csv", a line); and what `count_sql` counts (the rows the
// import adds) is the same afterwards. Any other outcome stops the fuzzer.
#include "core/database.h"
#include "core/error.h"
#include "core/people.h"

#include <cstdint>

namespace maillage::fuzz {

template <class Import>
void import_rolled_back(Database& db, const char* count_sql, Import&& import) {
    struct Rollback {};
    const auto before = db.scalar_int(count_sql);
    try {
        db.write([&] {
            import();
            throw Rollback{};
        });
    } catch (const Rollback&) {
    } catch (const ParseError& e) {
        if (e.line() < 1 || e.file() != "fuzz.csv") __builtin_trap();  // errors say where
    } catch (const Error&) {
    }
    if (db.scalar_int(count_sql) != before) __builtin_trap();  // the rollback leaves nothing behind
}

// A person the imported rows may name by their email.
inline int64_t add_known_person(Database& db, const char* first, const char* last, const char* email) {
    Person p;
    p.first_name = first;
    p.last_name = last;
    p.email = email;
    return PersonRepository(db).create(p);
}

}  // namespace maillage::fuzz
