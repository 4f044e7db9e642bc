#include "cycle_planning.h"

#include "session_scheduler.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/locale_format.h"
#include "core/sessions.h"
#include "core/sql_call.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <chrono>
#include <map>
#include <set>

namespace maillage::intervision {
namespace {

// Thrown inside the preview's transaction so that it is rolled back.
struct PreviewOnly {};

bool replaceable(Database& db, const GroupSession& s) {
    return s.status == "planned" && !s.manual && SessionRepository(db).attendance(s.session_id).empty();
}

GroupSession need_session(Database& db, int64_t session_id) {
    auto s = CycleRepository(db).session(session_id);
    if (!s) throw Error(tr("This session is not an intervision session."));
    return *s;
}

void exec(Database& db, const char* sql, const auto&... values) { exec_sql(db.sql(), sql, values...); }

}  // namespace

std::string nominal_date(const Group& g, const std::string& ym_text) {
    using namespace std::chrono;
    const year_month ym{year{std::stoi(ym_text.substr(0, 4))}, month{unsigned(std::stoi(ym_text.substr(5, 2)))}};
    const weekday wd{unsigned(g.weekday % 7)};
    const year_month_day d = g.week_of_month >= 5 ? year_month_day{sys_days{ym / wd[last]}}
                                                  : year_month_day{sys_days{ym / wd[unsigned(g.week_of_month)]}};
    if (!d.ok()) return {};
    return fmt::format("{:04d}-{:02d}-{:02d}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

CyclePlan preview_cycle_sessions(Database& db, int64_t cycle_id) {
    CycleRepository repo(db);
    const auto cycle = repo.cycle(cycle_id);
    if (!cycle) throw Error(tr("This cycle does not exist."));
    CyclePlan plan;
    const auto groups = repo.groups(cycle_id);
    std::map<int64_t, std::set<std::string>> kept_months;
    for (const auto& g : groups)
        for (const auto& s : repo.sessions(g.id)) {
            if (replaceable(db, s)) {
                plan.replaced.push_back({s.session_id, g.name, s.date});
            } else {
                ++plan.kept;
                if (s.status != "cancelled") kept_months[g.id].insert(s.date.substr(0, 7));
            }
        }
    try {
        db.write([&] {
            SessionScheduler scheduler(db);
            InstitutionRepository institutions(db);
            for (const auto& g : groups) {
                std::set<std::string> months;
                for (auto id : scheduler.generate(g.id, true)) {
                    const auto s = repo.session(id);
                    PlannedSession p;
                    p.group_id = g.id;
                    p.group = g.name;
                    p.date = s->date;
                    p.start_time = s->start_time;
                    p.end_time = s->end_time;
                    if (s->host_institution_id)
                        if (auto i = institutions.get(*s->host_institution_id)) p.host = i->name;
                    const auto nominal = nominal_date(g, s->date.substr(0, 7));
                    if (!nominal.empty() && nominal != s->date)
                        p.note = trf("instead of {date}: {why}", fmt::arg("date", locale::short_date(nominal)),
                                     fmt::arg("why", blocked_reason(*cycle, nominal)));
                    months.insert(s->date.substr(0, 7));
                    plan.sessions.push_back(std::move(p));
                }
                // Months of the cycle left without a session, and why.
                for (std::string ym = cycle->start_date.substr(0, 7); ym <= cycle->end_date.substr(0, 7);) {
                    const int m = std::stoi(ym.substr(5, 2));
                    if (m != 7 && m != 8 && !months.count(ym) && !kept_months[g.id].count(ym)) {
                        const auto nominal = nominal_date(g, ym);
                        auto why = nominal.empty() ? std::string() : blocked_reason(*cycle, nominal);
                        if (!why.empty())
                            plan.notes.push_back(trf("{group}: no session in {month} ({why}).",
                                                     fmt::arg("group", g.name), fmt::arg("month", ym),
                                                     fmt::arg("why", why)));
                    }
                    const int y = std::stoi(ym.substr(0, 4));
                    ym = m == 12 ? fmt::format("{:04d}-01", y + 1) : fmt::format("{:04d}-{:02d}", y, m + 1);
                }
            }
            throw PreviewOnly{};
        });
    } catch (const PreviewOnly&) {
    }
    return plan;
}

int generate_cycle_sessions(Database& db, int64_t cycle_id) {
    CycleRepository repo(db);
    if (!repo.cycle(cycle_id)) throw Error(tr("This cycle does not exist."));
    if (!cycle_closed_on(db, cycle_id).empty()) throw Error(tr("This cycle is closed."));
    return db.write([&] {
        int n = 0;
        SessionScheduler scheduler(db);
        for (const auto& g : repo.groups(cycle_id)) n += int(scheduler.generate(g.id, true).size());
        return n;
    });
}

void set_session_place(Database& db, int64_t session_id, const std::string& place) {
    need_session(db, session_id);
    db.write([&] {
        SessionRepository sessions(db);
        auto s = sessions.get(session_id);
        s->place = place;
        sessions.update(*s);
        exec(db, "UPDATE intervision_session SET manual = 1 WHERE session_id = ?", session_id);
    });
}

void cancel_session(Database& db, int64_t session_id, const std::string& reason) {
    need_session(db, session_id);
    if (reason.find_first_not_of(" \t\n") == std::string::npos)
        throw Error(tr("Say why the session is cancelled."));
    db.write([&] {
        SessionScheduler(db).cancel_session(session_id);
        exec(db, "UPDATE intervision_session SET cancel_reason = ? WHERE session_id = ?", text_or_null(reason),
             session_id);
        audit(db, "cancel", "session", session_id, reason);
    });
}

void put_back_session(Database& db, int64_t session_id) {
    if (need_session(db, session_id).status != "cancelled") throw Error(tr("This session is not cancelled."));
    db.write([&] {
        SessionScheduler(db).set_status(session_id, "planned");
        exec(db, "UPDATE intervision_session SET cancel_reason = NULL WHERE session_id = ?", session_id);
    });
}

std::string cancel_reason(Database& db, int64_t session_id) {
    return select_value<std::string>(db.sql(), "SELECT cancel_reason FROM intervision_session WHERE session_id = ?",
                                     session_id);
}

void mark_session_held(Database& db, int64_t session_id, const std::string& today) {
    const auto s = need_session(db, session_id);
    if (s.date > today)
        throw Error(trf("The session of {date} is still to come: it cannot be held yet.",
                        fmt::arg("date", locale::short_date(s.date))));
    if (s.status == "cancelled") throw Error(tr("This session is cancelled: put it back first."));
    SessionScheduler(db).set_status(session_id, "held");
}

int attendance_count(Database& db, int64_t session_id) {
    return int(SessionRepository(db).attendance(session_id).size());
}

void delete_session(Database& db, int64_t session_id) {
    need_session(db, session_id);
    db.write([&] {
        SessionRepository(db).remove(session_id);
        audit(db, "delete", "session", session_id, "intervision");
    });
}

void remove_group(Database& db, int64_t group_id) {
    CycleRepository repo(db);
    const auto g = repo.group(group_id);
    if (!g) throw Error(tr("This group does not exist."));
    if (!repo.enrolments(group_id).empty())
        throw Error(trf("{group} has participants (or had some): it stays, with its history.",
                        fmt::arg("group", g->name)));
    if (!repo.sessions(group_id).empty())
        throw Error(trf("{group} has sessions: delete them first.", fmt::arg("group", g->name)));
    db.write([&] {
        exec(db, "DELETE FROM intervision_group WHERE id = ?", group_id);
        audit(db, "delete", "intervision_group", group_id, g->name);
    });
}

void promote_from_waiting_list(Database& db, int64_t enrolment_id, const std::string& date) {
    CycleRepository repo(db);
    const auto e = repo.enrolment(enrolment_id);
    if (!e || e->status != "waiting") throw Error(tr("This person is not on the waiting list."));
    db.write([&] {
        exec(db,
             "UPDATE intervision_enrolment SET status = 'enrolled', waiting_position = NULL, "
             "enrolled_on = max(enrolled_on, ?) WHERE id = ?",
             date, enrolment_id);
        // The others move up.
        exec(db,
             "UPDATE intervision_enrolment SET waiting_position = waiting_position - 1 "
             "WHERE group_id = ? AND status = 'waiting' AND waiting_position > ?",
             e->group_id, e->waiting_position.value_or(0));
        audit(db, "promote", "intervision_enrolment", enrolment_id, "by hand");
    });
}

void replace_closures(Database& db, int64_t cycle_id, const std::vector<Closure>& closures) {
    db.write([&] {
        exec(db, "DELETE FROM intervision_closure WHERE cycle_id = ?", cycle_id);
        CycleRepository repo(db);
        for (const auto& c : closures) repo.add_closure(cycle_id, c);
    });
}

std::string cycle_closed_on(Database& db, int64_t cycle_id) {
    return select_value<std::string>(db.sql(), "SELECT closed_on FROM intervision_cycle WHERE id = ?", cycle_id);
}

void close_cycle(Database& db, int64_t cycle_id, const std::string& date) {
    if (!CycleRepository(db).cycle(cycle_id)) throw Error(tr("This cycle does not exist."));
    db.write([&] {
        exec(db, "UPDATE intervision_cycle SET closed_on = ? WHERE id = ?", text_or_null(date), cycle_id);
        audit(db, "close", "intervision_cycle", cycle_id, date);
    });
}

void reopen_cycle(Database& db, int64_t cycle_id) {
    db.write([&] { exec(db, "UPDATE intervision_cycle SET closed_on = NULL WHERE id = ?", cycle_id); });
}

}  // namespace maillage::intervision
