#include "session_scheduler.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/sessions.h"
#include "core/row_query.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <set>

namespace maillage::intervision {
namespace {
using namespace std::chrono;

year_month_day parse(const std::string& d) {
    return year_month_day{year{std::stoi(d.substr(0, 4))}, month{unsigned(std::stoi(d.substr(5, 2)))},
                          day{unsigned(std::stoi(d.substr(8, 2)))}};
}
std::string format(const year_month_day& d) {
    return fmt::format("{:04d}-{:02d}-{:02d}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

std::string group_title(const Cycle& c, const Group& g) { return g.name + " — " + c.name; }

// A new core session of the group on `date`, at the group's hours unless others are given;
// a fixed venue is its place and host.
Session group_session(const Cycle& c, const Group& g, const std::string& date, const std::string& start_time = {},
                      const std::string& end_time = {}) {
    Session s;
    s.kind = "intervision";
    s.title = group_title(c, g);
    s.date = date;
    s.start_time = start_time.empty() ? g.start_time : start_time;
    s.end_time = end_time.empty() ? g.end_time : end_time;
    s.language = g.language;
    s.programme_id = c.programme_id;
    s.funder_id = c.funder_id;
    if (g.venue_mode == "fixed") {
        s.place = g.fixed_place;
        s.host_institution_id = g.fixed_institution_id;
    }
    return s;
}

// Links a core session to the group; `manual` when added by hand, not by the monthly schedule.
void link_session(Database& db, int64_t session_id, int64_t group_id, bool manual) {
    exec_sql(db.sql(), "INSERT INTO intervision_session(session_id, group_id, manual) VALUES (?,?,?)", session_id,
             group_id, manual ? 1 : 0);
}

}  // namespace

std::string easter_sunday(int y) {
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
    return fmt::format("{:04d}-{:02d}-{:02d}", y, month, day);
}

std::string add_days(const std::string& d, int days) {
    return format(year_month_day{sys_days{parse(d)} + std::chrono::days{days}});
}

int iso_weekday(const std::string& d) { return int(weekday{sys_days{parse(d)}}.iso_encoding()); }

std::map<std::string, std::string> belgian_holidays(int y, const std::vector<std::string>& regional) {
    std::map<std::string, std::string> h;
    auto fixed = [&](int m, int d, const char* name) { h[fmt::format("{:04d}-{:02d}-{:02d}", y, m, d)] = tr(name); };
    fixed(1, 1, N_("New Year's Day"));
    fixed(5, 1, N_("Labour Day"));
    fixed(7, 21, N_("National Day"));
    fixed(8, 15, N_("Assumption"));
    fixed(11, 1, N_("All Saints' Day"));
    fixed(11, 11, N_("Armistice Day"));
    fixed(12, 25, N_("Christmas Day"));
    const auto easter = easter_sunday(y);
    h[add_days(easter, 1)] = tr("Easter Monday");
    h[add_days(easter, 39)] = tr("Ascension Day");
    h[add_days(easter, 50)] = tr("Whit Monday");
    for (const auto& r : regional) {
        if (r == "cocof") fixed(9, 27, N_("French Community Day"));
        if (r == "flemish") fixed(7, 11, N_("Flemish Community Day"));
    }
    return h;
}

std::string blocked_reason(const Cycle& c, const std::string& d) {
    if (d < c.start_date || d > c.end_date) return tr("outside the cycle");
    const int m = std::stoi(d.substr(5, 2));
    if (m == 7 || m == 8) return tr("no sessions in July and August");
    const auto holidays = belgian_holidays(std::stoi(d.substr(0, 4)), c.regional_holidays);
    if (auto it = holidays.find(d); it != holidays.end()) return trf("public holiday: {name}", fmt::arg("name", it->second));
    for (const auto& cl : c.closures)
        if (d >= cl.start_date && d <= cl.end_date)
            return trf("closure period {label}", fmt::arg("label", cl.label.empty() ? cl.start_date : cl.label));
    return {};
}

std::vector<std::string> monthly_dates(const Cycle& c, const Group& g) {
    std::vector<std::string> out;
    const auto start = parse(c.start_date), end = parse(c.end_date);
    const weekday wd{unsigned(g.weekday % 7)};  // chrono: 0 = Sunday
    for (year_month ym = start.year() / start.month(); ym <= end.year() / end.month(); ym += months{1}) {
        if (ym.month() == July || ym.month() == August) continue;
        year_month_day d = g.week_of_month >= 5 ? year_month_day{sys_days{ym / wd[last]}}
                                                : year_month_day{sys_days{ym / wd[unsigned(g.week_of_month)]}};
        if (!d.ok()) continue;
        while (d.month() == ym.month()) {
            const auto iso = format(d);
            if (iso > c.end_date) break;
            if (iso >= c.start_date && blocked_reason(c, iso).empty()) {
                out.push_back(iso);
                break;
            }
            d = year_month_day{sys_days{d} + std::chrono::days{7}};
        }
    }
    return out;
}

std::string institution_place(Database& db, int64_t institution_id) {
    const auto i = InstitutionRepository(db).get(institution_id);
    if (!i) return {};
    std::string place = i->name;
    if (!i->address.empty()) place += ", " + i->address;
    if (!i->postcode.empty() || !i->municipality.empty())
        place += ", " + i->postcode + (i->postcode.empty() ? "" : " ") + i->municipality;
    return place;
}

std::vector<int64_t> SessionScheduler::generate(int64_t group_id, bool replace) {
    CycleRepository repo(db_);
    const auto g = repo.group(group_id);
    if (!g) throw Error(tr("This group does not exist."));
    const auto c = repo.cycle(g->cycle_id);
    return db_.write([&] {
        auto existing = repo.sessions(group_id);
        if (!existing.empty() && !replace)
            throw Error(tr("This group already has sessions; regenerate with the replace option."));
        SessionRepository sessions(db_);
        std::set<std::string> busy_months;
        for (const auto& s : existing) {
            const bool has_attendance = !sessions.attendance(s.session_id).empty();
            if (s.status == "planned" && !s.manual && !has_attendance)
                sessions.remove(s.session_id);
            else if (s.status != "cancelled")
                busy_months.insert(s.date.substr(0, 7));
        }
        std::vector<int64_t> ids;
        for (const auto& d : monthly_dates(*c, *g)) {
            if (busy_months.count(d.substr(0, 7))) continue;
            Session s = group_session(*c, *g, d);
            if (g->venue_mode == "fixed" && s.place.empty() && g->fixed_institution_id)
                s.place = institution_place(db_, *g->fixed_institution_id);
            const int64_t id = sessions.create(s);
            link_session(db_, id, group_id, false);
            ids.push_back(id);
        }
        if (g->venue_mode == "itinerant") assign_hosts(group_id);
        audit(db_, "schedule", "intervision_group", group_id, fmt::format("{} sessions", ids.size()));
        return ids;
    });
}

int64_t SessionScheduler::add_session(int64_t group_id, const std::string& date, const std::string& start_time,
                                      const std::string& end_time) {
    CycleRepository repo(db_);
    const auto g = repo.group(group_id);
    if (!g) throw Error(tr("This group does not exist."));
    const auto c = repo.cycle(g->cycle_id);
    return db_.write([&] {
        const int64_t id = SessionRepository(db_).create(group_session(*c, *g, date, start_time, end_time));
        link_session(db_, id, group_id, true);
        return id;
    });
}

void SessionScheduler::move_session(int64_t session_id, const std::string& date, const std::string& start_time,
                                    const std::string& end_time) {
    SessionRepository sessions(db_);
    auto s = sessions.get(session_id);
    if (!s || !CycleRepository(db_).session(session_id)) throw Error(tr("This session is not an intervision session."));
    db_.write([&] {
        s->date = date;
        if (!start_time.empty()) s->start_time = start_time;
        if (!end_time.empty()) s->end_time = end_time;
        sessions.update(*s);
        exec_sql(db_.sql(), "UPDATE intervision_session SET manual = 1 WHERE session_id = ?", session_id);
    });
}

void SessionScheduler::set_status(int64_t session_id, const std::string& status) {
    SessionRepository sessions(db_);
    auto s = sessions.get(session_id);
    if (!s || !CycleRepository(db_).session(session_id)) throw Error(tr("This session is not an intervision session."));
    db_.write([&] {
        s->status = status;
        sessions.update(*s);
        exec_sql(db_.sql(), "UPDATE intervision_session SET manual = 1 WHERE session_id = ?", session_id);
    });
}

void SessionScheduler::cancel_session(int64_t session_id) { set_status(session_id, "cancelled"); }

int SessionScheduler::assign_hosts(int64_t group_id) {
    CycleRepository repo(db_);
    std::vector<int64_t> order;  // institutions of the enrolled participants, by enrolment
    for (const auto& e : repo.enrolments(group_id))
        if (e.status == "enrolled" && e.institution_id &&
            std::find(order.begin(), order.end(), *e.institution_id) == order.end())
            order.push_back(*e.institution_id);
    if (order.empty()) return 0;
    return db_.write([&] {
        std::map<int64_t, int> used;
        const auto sessions = repo.sessions(group_id);
        for (const auto& s : sessions)
            if (s.status != "cancelled" && s.host_institution_id) ++used[*s.host_institution_id];
        int assigned = 0;
        for (const auto& s : sessions) {
            if (s.status == "cancelled" || s.host_institution_id) continue;
            int64_t best = order.front();
            for (auto id : order)
                if (used[id] < used[best]) best = id;
            ++used[best];
            set_host(s.session_id, best);
            ++assigned;
        }
        return assigned;
    });
}

void SessionScheduler::set_host(int64_t session_id, std::optional<int64_t> institution_id) {
    SessionRepository sessions(db_);
    auto s = sessions.get(session_id);
    if (!s) throw Error(tr("This session does not exist."));
    db_.write([&] {
        s->host_institution_id = institution_id;
        s->place = institution_id ? institution_place(db_, *institution_id) : std::string();
        sessions.update(*s);
    });
}

void SessionScheduler::swap_hosts(int64_t a, int64_t b) {
    SessionRepository sessions(db_);
    const auto sa = sessions.get(a), sb = sessions.get(b);
    if (!sa || !sb) throw Error(tr("This session does not exist."));
    db_.write([&] {
        set_host(a, sb->host_institution_id);
        set_host(b, sa->host_institution_id);
        audit(db_, "swap_hosts", "session", a, fmt::format("with session {}", b));
    });
}

std::vector<ScheduleConflict> SessionScheduler::conflicts(int64_t cycle_id) const {
    std::vector<ScheduleConflict> out;
    CycleRepository repo(db_);
    const auto c = repo.cycle(cycle_id);
    if (!c) return out;
    struct Booking {
        int64_t session_id;
        std::string group, date, start, end;
    };
    const RowMap kBookingRow{column("s.id", &Booking::session_id), column("g.name", &Booking::group),
                             column("s.date", &Booking::date), column("s.start_time", &Booking::start),
                             column("s.end_time", &Booking::end)};
    std::map<int64_t, std::vector<Booking>> by_facilitator;
    PersonRepository people(db_);
    for (const auto& g : repo.groups(cycle_id)) {
        std::map<std::string, int> per_month;
        for (const auto& s : repo.sessions(g.id)) {
            if (s.status == "cancelled") continue;
            if (auto why = blocked_reason(*c, s.date); !why.empty())
                out.push_back({s.session_id, trf("{group}, {date}: {why}", fmt::arg("group", g.name),
                                                 fmt::arg("date", s.date), fmt::arg("why", why))});
            if (++per_month[s.date.substr(0, 7)] == 2)
                out.push_back({s.session_id, trf("{group} meets twice in {month}.", fmt::arg("group", g.name),
                                                 fmt::arg("month", s.date.substr(0, 7)))});
            for (auto f : g.facilitators())
                by_facilitator[f].push_back({s.session_id, g.name, s.date, s.start_time, s.end_time});
        }
    }
    // A facilitator in two groups' sessions the same day at overlapping hours (any cycle).
    std::set<std::pair<int64_t, int64_t>> reported;
    for (auto& [person, bookings] : by_facilitator) {
        const auto all = select_all(db_.sql(), kBookingRow,
                                    sessions_from("JOIN intervision_group g ON g.id = i.group_id "
                                                  "WHERE s.status <> 'cancelled' AND (g.facilitator1_id = ? OR "
                                                  "g.facilitator2_id = ?)"),
                                    person, person);
        for (const auto& b : bookings)
            for (const auto& o : all)
                if (o.session_id != b.session_id && o.date == b.date && o.start < b.end && b.start < o.end &&
                    reported.insert({std::min(b.session_id, o.session_id), std::max(b.session_id, o.session_id)})
                        .second) {
                    const auto p = people.get(person);
                    out.push_back({b.session_id, trf("{name} facilitates {a} and {b} at the same time on {date}.",
                                                     fmt::arg("name", p ? p->display_name() : std::string("?")),
                                                     fmt::arg("a", b.group), fmt::arg("b", o.group),
                                                     fmt::arg("date", b.date))});
                }
    }
    return out;
}

}  // namespace maillage::intervision
