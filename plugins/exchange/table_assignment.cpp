#include "table_assignment.h"

#include "events.h"
#include "core/row_reader.h"
#include "core/row_query.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace maillage::exchange {
namespace {

// A participant to seat: their registration, sector, table and choice.
struct Person {
    int64_t reg_id = 0;
    std::optional<int64_t> sector, table, choice;
    std::string last, first;
};

const RowMap kPersonRow{column("r.id", &Person::reg_id), column("r.sector_id", &Person::sector),
                        column("r.table_id", &Person::table), column("r.table_choice_id", &Person::choice),
                        column("p.last_name", &Person::last), column("p.first_name", &Person::first)};

}  // namespace

AssignmentResult assign_tables(Database& db, int64_t event_id, bool reassign_all) {
    const auto tables = EventRepository(db).tables(event_id);
    if (tables.empty()) throw Error(tr("This event has no tables to assign people to."));
    return db.write([&] {
        if (reassign_all)
            exec_sql(db.sql(), "UPDATE exchange_registration SET table_id = NULL WHERE event_id = ? AND role = 'participant'",
                    event_id);
        auto people = query_all(db.sql(), kPersonRow,
                                 kPersonRow.select("FROM exchange_registration r JOIN person p ON p.id = r.person_id "
                                                   "WHERE r.event_id = ? AND r.role = 'participant' AND "
                                                   "r.status IN ('registered','attended') ORDER BY r.id"),
                                 event_id);

        // Seated counts, overall and per sector (key -1 = unknown sector).
        std::map<int64_t, int64_t> size;
        std::map<std::pair<int64_t, int64_t>, int64_t> by_sector;
        for (const auto& t : tables) size[t.id] = 0;
        auto sector_key = [](const Person& p) { return p.sector.value_or(-1); };
        auto seat = [&](Person& p, int64_t table_id) {
            p.table = table_id;
            ++size[table_id];
            ++by_sector[{table_id, sector_key(p)}];
        };
        for (auto& p : people)
            if (p.table && size.count(*p.table)) seat(p, *p.table);

        AssignmentResult result;
        SQLite::Statement up(db.sql(), "UPDATE exchange_registration SET table_id = ? WHERE id = ?");
        auto save = [&](const Person& p) {
            bind_all(up, *p.table, p.reg_id);
            up.exec();
            up.reset();
        };
        std::vector<Person*> to_spread;
        for (auto& p : people) {
            if (p.table) continue;
            if (p.choice && size.count(*p.choice)) {
                seat(p, *p.choice);
                save(p);
                ++result.by_choice;
            } else {
                to_spread.push_back(&p);
            }
        }
        std::map<int64_t, int64_t> group_size;
        for (auto* p : to_spread) ++group_size[sector_key(*p)];
        std::sort(to_spread.begin(), to_spread.end(), [&](const Person* a, const Person* b) {
            const auto ka = sector_key(*a), kb = sector_key(*b);
            if (ka != kb) {
                if ((ka == -1) != (kb == -1)) return kb == -1;  // unknown sector last
                if (group_size[ka] != group_size[kb]) return group_size[ka] > group_size[kb];
                return ka < kb;
            }
            if (a->last != b->last) return a->last < b->last;
            if (a->first != b->first) return a->first < b->first;
            return a->reg_id < b->reg_id;
        });
        for (auto* p : to_spread) {
            int64_t best = 0;
            auto best_key = std::make_tuple(std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::max(),
                                            std::numeric_limits<int>::max());
            for (const auto& t : tables) {
                auto key = std::make_tuple(by_sector[{t.id, sector_key(*p)}], size[t.id], t.position);
                if (key < best_key) {
                    best_key = key;
                    best = t.id;
                }
            }
            seat(*p, best);
            save(*p);
            ++result.spread;
        }
        result.per_table = size;
        audit(db, "assign_tables", "exchange_event", event_id,
              std::to_string(result.by_choice) + " by choice, " + std::to_string(result.spread) + " spread");
        return result;
    });
}

void set_table(Database& db, int64_t registration_id, std::optional<int64_t> table_id) {
    db.write([&] {
        if (table_id && !select_first<int64_t>(db.sql(),
                                              "SELECT 1 FROM exchange_table t JOIN exchange_registration r "
                                              "ON r.event_id = t.event_id WHERE t.id = ? AND r.id = ?",
                                              *table_id, registration_id))
            throw Error(tr("This table is not one of the event's tables."));
        exec_sql(db.sql(), "UPDATE exchange_registration SET table_id = ? WHERE id = ?", table_id, registration_id);
    });
}

}  // namespace maillage::exchange
