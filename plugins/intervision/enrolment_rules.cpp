#include "enrolment_rules.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sectors.h"
#include "core/sessions.h"
#include "core/sql_call.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <set>

namespace maillage::intervision {
namespace {

std::string institution_name(Database& db, const std::optional<int64_t>& id) {
    if (!id) return tr("(no institution)");
    auto i = InstitutionRepository(db).get(*id);
    return i ? i->name : tr("(no institution)");
}

std::string person_name(Database& db, int64_t id) {
    auto p = PersonRepository(db).get(id);
    return p ? p->display_name() : std::to_string(id);
}

int count_status(Database& db, int64_t group_id, const char* status) {
    return select_value<int>(db.sql(), "SELECT count(*) FROM intervision_enrolment WHERE group_id = ? AND status = ?",
                             group_id, status);
}

void renumber_waiting(Database& db, int64_t group_id) {
    const auto ids = select_column<int64_t>(db.sql(),
                                            "SELECT id FROM intervision_enrolment WHERE group_id = ? "
                                            "AND status = 'waiting' ORDER BY waiting_position, id",
                                            group_id);
    int pos = 0;
    for (auto id : ids)
        exec_sql(db.sql(), "UPDATE intervision_enrolment SET waiting_position = ? WHERE id = ?", ++pos, id);
}

// Minutes since midnight of "HH:MM".
int minutes(const std::string& t) { return std::stoi(t.substr(0, 2)) * 60 + std::stoi(t.substr(3, 2)); }

std::string family_of(Database& db, int64_t person_id, const std::string& date) {
    const auto a = PersonRepository(db).affiliation_at(person_id, date);
    if (!a.sector_id) return {};
    const auto s = SectorRepository(db).get(*a.sector_id);
    return s ? s->family : std::string();
}

}  // namespace

ReasonRequired::ReasonRequired(std::vector<std::string> warnings)
    : Error([&] {
          std::string m = tr("A reason is required to accept this enrolment:");
          for (const auto& w : warnings) m += " " + w;
          return m;
      }()),
      warnings_(std::move(warnings)) {}

std::string add_years(const std::string& d, int years) {
    const int y = std::stoi(d.substr(0, 4)) + years;
    std::string md = d.substr(4);
    if (md == "-02-29" && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) md = "-02-28";
    return fmt::format("{:04d}{}", y, md);
}

Affiliation EnrolmentRules::affiliation(int64_t person_id, const std::string& date,
                                        const std::optional<Affiliation>& at) const {
    if (!at || !at->institution_id) return PersonRepository(db_).affiliation_at(person_id, date);
    Affiliation a = *at;
    if (!a.sector_id)
        if (auto i = InstitutionRepository(db_).get(*a.institution_id)) a.sector_id = i->primary_sector();
    return a;
}

std::vector<std::string> EnrolmentRules::check_enrolment(int64_t group_id, int64_t person_id,
                                                         const std::string& date,
                                                         const std::optional<Affiliation>& at) const {
    std::vector<std::string> warnings;
    const auto a = affiliation(person_id, date, at);
    if (!a.institution_id) return warnings;
    std::vector<std::string> others;
    for (auto other : select_column<int64_t>(db_.sql(),
                                             "SELECT person_id FROM intervision_enrolment WHERE group_id = ? "
                                             "AND institution_id = ? AND status <> 'left' AND person_id <> ? ORDER BY id",
                                             group_id, *a.institution_id, person_id))
        others.push_back(person_name(db_, other));
    if (!others.empty()) {
        std::string names;
        for (const auto& n : others) names += (names.empty() ? "" : ", ") + n;
        warnings.push_back(trf("{institution} already has a worker in this group ({names}); the rule is one "
                               "worker per institution.",
                               fmt::arg("institution", institution_name(db_, a.institution_id)),
                               fmt::arg("names", names)));
    }
    return warnings;
}

EnrolResult EnrolmentRules::enrol(int64_t group_id, int64_t person_id, const std::string& date,
                                  const std::string& reason, const std::optional<Affiliation>& at) {
    if (!is_iso_date(date)) throw Error(tr("The enrolment date must be a date (YYYY-MM-DD)."));
    CycleRepository repo(db_);
    const auto group = repo.group(group_id);
    if (!group) throw Error(tr("This group does not exist."));
    if (!PersonRepository(db_).get(person_id)) throw Error(tr("This person does not exist."));
    if (repo.active_enrolment(group_id, person_id))
        throw Error(trf("{name} is already in this group.", fmt::arg("name", person_name(db_, person_id))));
    EnrolResult result;
    result.warnings = check_enrolment(group_id, person_id, date, at);
    const bool has_reason = reason.find_first_not_of(" \t") != std::string::npos;
    if (!result.warnings.empty() && !has_reason) throw ReasonRequired(result.warnings);

    return db_.write([&] {
        const auto a = affiliation(person_id, date, at);
        const bool full = count_status(db_, group_id, "enrolled") >= group->capacity;
        SQLite::Statement st(db_.sql(),
                             "INSERT INTO intervision_enrolment(group_id, person_id, institution_id, sector_id, "
                             "status, waiting_position, enrolled_on, reason) VALUES (?,?,?,?,?,?,?,?)");
        bind_all(st, group_id, person_id);
        if (a.institution_id) st.bind(3, *a.institution_id); else st.bind(3);
        if (a.sector_id) st.bind(4, *a.sector_id); else st.bind(4);
        st.bind(5, full ? "waiting" : "enrolled");
        if (full) {
            result.waiting_position = count_status(db_, group_id, "waiting") + 1;
            st.bind(6, *result.waiting_position);
        } else {
            st.bind(6);
        }
        st.bind(7, date);
        if (has_reason && !result.warnings.empty()) st.bind(8, reason); else st.bind(8);
        st.exec();
        result.enrolment_id = db_.sql().getLastInsertRowid();
        result.status = full ? "waiting" : "enrolled";
        audit(db_, "enrol", "intervision_enrolment", result.enrolment_id,
              "group #" + std::to_string(group_id) + ", person #" + std::to_string(person_id) +
                  (full ? " (waiting)" : ""));
        return result;
    });
}

std::optional<int64_t> EnrolmentRules::leave(int64_t group_id, int64_t person_id, const std::string& date) {
    if (!is_iso_date(date)) throw Error(tr("The date of leaving must be a date (YYYY-MM-DD)."));
    CycleRepository repo(db_);
    const auto e = repo.active_enrolment(group_id, person_id);
    if (!e) throw Error(trf("{name} is not in this group.", fmt::arg("name", person_name(db_, person_id))));
    if (date < e->enrolled_on) throw Error(tr("One cannot leave a group before joining it."));
    return db_.write([&]() -> std::optional<int64_t> {
        SQLite::Statement st(db_.sql(),
                             "UPDATE intervision_enrolment SET status = 'left', waiting_position = NULL, left_on = ? "
                             "WHERE id = ?");
        bind_all(st, date, e->id);
        st.exec();
        audit(db_, "leave", "intervision_enrolment", e->id, "person #" + std::to_string(person_id) + ", left on " + date);
        std::optional<int64_t> promoted;
        if (e->status == "enrolled") {
            const auto group = repo.group(group_id);
            if (count_status(db_, group_id, "enrolled") < group->capacity) {
                SQLite::Statement q(db_.sql(),
                                    "SELECT id FROM intervision_enrolment WHERE group_id = ? AND status = 'waiting' "
                                    "ORDER BY waiting_position, id LIMIT 1");
                q.bind(1, group_id);
                if (q.executeStep()) {
                    promoted = q.getColumn(0).getInt64();
                    SQLite::Statement p(db_.sql(),
                                        "UPDATE intervision_enrolment SET status = 'enrolled', waiting_position = NULL, "
                                        "enrolled_on = max(enrolled_on, ?) WHERE id = ?");
                    bind_all(p, date, *promoted);
                    p.exec();
                    audit(db_, "promote", "intervision_enrolment", *promoted, "from the waiting list");
                }
            }
        }
        renumber_waiting(db_, group_id);
        return promoted;
    });
}

EnrolResult EnrolmentRules::move(int64_t person_id, int64_t from_group_id, int64_t to_group_id,
                                 const std::string& date, const std::string& reason) {
    return db_.write([&] {
        leave(from_group_id, person_id, date);
        return enrol(to_group_id, person_id, date, reason);
    });
}

std::vector<std::string> EnrolmentRules::facilitator_pair_warnings(const Group& g) const {
    std::vector<std::string> w;
    const auto ids = g.facilitators();
    if (ids.size() < 2) {
        w.push_back(tr("The group needs two facilitators."));
        return w;
    }
    const auto cycle = CycleRepository(db_).cycle(g.cycle_id);
    const std::string date = cycle ? cycle->start_date : std::string();
    const auto f1 = family_of(db_, ids[0], date), f2 = family_of(db_, ids[1], date);
    const std::set<std::string> pair{f1, f2};
    if (pair != std::set<std::string>{"social", "mental_health"}) {
        auto label = [](const std::string& f) {
            if (f == "social") return tr("social");
            if (f == "mental_health") return tr("mental health");
            if (f.empty()) return tr("unknown sector");
            return tr("other sector");
        };
        w.push_back(trf("The facilitators should be one from the social sector and one from mental health; "
                        "here: {a} ({fa}) and {b} ({fb}).",
                        fmt::arg("a", person_name(db_, ids[0])), fmt::arg("fa", label(f1)),
                        fmt::arg("b", person_name(db_, ids[1])), fmt::arg("fb", label(f2))));
    }
    return w;
}

std::vector<std::string> EnrolmentRules::facilitator_conflicts(const Group& g) const {
    std::vector<std::string> out;
    const auto ids = g.facilitators();
    if (ids.empty()) return out;
    const auto cycle = CycleRepository(db_).cycle(g.cycle_id);
    if (!cycle) return out;
    SQLite::Statement q(db_.sql(),
                        "SELECT g.id, g.name, c.name, g.start_time, g.end_time, g.facilitator1_id, g.facilitator2_id "
                        "FROM intervision_group g JOIN intervision_cycle c ON c.id = g.cycle_id "
                        "WHERE g.id <> ? AND g.weekday = ? AND g.week_of_month = ? "
                        "AND c.start_date <= ? AND c.end_date >= ?");
    bind_all(q, g.id, g.weekday, g.week_of_month, cycle->end_date, cycle->start_date);
    while (q.executeStep()) {
        const auto start = q.getColumn(3).getString(), end = q.getColumn(4).getString();
        if (!(minutes(start) < minutes(g.end_time) && minutes(g.start_time) < minutes(end))) continue;
        for (int col : {5, 6}) {
            if (q.getColumn(col).isNull()) continue;
            const int64_t f = q.getColumn(col).getInt64();
            for (auto mine : ids)
                if (mine == f)
                    out.push_back(trf("{name} already facilitates {group} ({cycle}) at the same time.",
                                      fmt::arg("name", person_name(db_, f)),
                                      fmt::arg("group", q.getColumn(1).getString()),
                                      fmt::arg("cycle", q.getColumn(2).getString())));
        }
    }
    return out;
}

int64_t EnrolmentRules::save_group(Group g, std::vector<std::string>* warnings) {
    validate_group(g);
    const auto conflicts = facilitator_conflicts(g);
    if (!conflicts.empty()) throw Error(conflicts.front());
    CycleRepository repo(db_);
    if (g.id == 0)
        g.id = repo.create_group(g);
    else
        repo.update_group(g);
    if (warnings) *warnings = facilitator_pair_warnings(g);
    return g.id;
}

std::vector<GroupIssue> EnrolmentRules::group_issues(int64_t group_id) const {
    std::vector<GroupIssue> out;
    CycleRepository repo(db_);
    const auto g = repo.group(group_id);
    if (!g) return out;
    for (auto& w : facilitator_pair_warnings(*g)) out.push_back({GroupIssue::Level::Warning, w, std::nullopt});
    for (auto& c : facilitator_conflicts(*g)) out.push_back({GroupIssue::Level::Conflict, c, std::nullopt});
    std::set<int64_t> seen;
    int enrolled = 0;
    for (const auto& e : repo.enrolments(group_id)) {
        if (e.status == "left") continue;
        if (e.status == "enrolled") ++enrolled;
        if (!e.institution_id) continue;
        if (!seen.insert(*e.institution_id).second)
            out.push_back({GroupIssue::Level::Warning,
                           trf("Second worker of {institution}: {name}. Reason: {reason}",
                               fmt::arg("institution", institution_name(db_, e.institution_id)),
                               fmt::arg("name", person_name(db_, e.person_id)),
                               fmt::arg("reason", e.reason.empty() ? tr("(none given)") : e.reason)),
                           e.id});
    }
    if (enrolled > g->capacity)
        out.push_back({GroupIssue::Level::Warning,
                       trf("{n} participants for {capacity} places.", fmt::arg("n", enrolled),
                           fmt::arg("capacity", g->capacity)),
                       std::nullopt});
    return out;
}

int64_t EnrolmentRules::copy_cycle(int64_t cycle_id, const std::string& name, bool with_participants,
                                   const std::string& start_date, const std::string& end_date) {
    CycleRepository repo(db_);
    const auto old = repo.cycle(cycle_id);
    if (!old) throw Error(tr("This cycle does not exist."));
    return db_.write([&] {
        Cycle c = *old;
        c.id = 0;
        c.name = name;
        c.start_date = start_date.empty() ? add_years(old->start_date, 1) : start_date;
        c.end_date = end_date.empty() ? add_years(old->end_date, 1) : end_date;
        for (auto& cl : c.closures) {
            cl.start_date = add_years(cl.start_date, 1);
            cl.end_date = add_years(cl.end_date, 1);
        }
        const int64_t id = repo.create_cycle(c);
        for (auto g : repo.groups(cycle_id)) {
            const int64_t old_group = g.id;
            g.id = 0;
            g.cycle_id = id;
            const int64_t gid = repo.create_group(g);
            if (!with_participants) continue;
            for (const auto& e : repo.enrolments(old_group)) {
                if (e.status != "enrolled") continue;
                try {
                    enrol(gid, e.person_id, c.start_date, e.reason.empty() ? std::string() : e.reason);
                } catch (const ReasonRequired&) {
                    // A new duplicate (job change): keep the person, say why.
                    enrol(gid, e.person_id, c.start_date, tr("copied from the previous cycle"));
                }
            }
        }
        audit(db_, "copy", "intervision_cycle", id, old->name + " -> " + name);
        return id;
    });
}

}  // namespace maillage::intervision
