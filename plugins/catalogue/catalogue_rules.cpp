#include "catalogue_rules.h"

#include "catalogue_store.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/people.h"
#include "core/sessions.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <set>

namespace maillage::catalogue {

DurationSummary compose_duration(const std::vector<int>& module_minutes, int day_minutes) {
    if (day_minutes <= 0) throw Error(tr("A training day must last more than zero minutes."));
    DurationSummary d;
    d.day_minutes = day_minutes;
    for (int m : module_minutes) {
        if (m <= 0) throw Error(tr("A module's duration must be a positive number of minutes."));
        d.minutes += m;
    }
    d.full_days = d.minutes / day_minutes;
    d.remaining_minutes = d.minutes % day_minutes;
    return d;
}

DurationSummary compose_modules(Database& db, const std::vector<std::string>& module_codes, int day_minutes) {
    CatalogueStore store(db);
    std::vector<int> minutes;
    for (const auto& code : module_codes) {
        auto m = store.module(code);
        if (!m) throw Error(trf("Unknown module {code}.", fmt::arg("code", code)));
        minutes.push_back(m->sheet.duration_minutes);
    }
    return compose_duration(minutes, day_minutes);
}

bool times_overlap(const std::string& sa, const std::string& ea, const std::string& sb, const std::string& eb) {
    std::string a0 = sa.empty() ? "00:00" : sa, a1 = ea.empty() ? "24:00" : ea;
    std::string b0 = sb.empty() ? "00:00" : sb, b1 = eb.empty() ? "24:00" : eb;
    return a0 < b1 && b0 < a1;  // HH:MM compares as text
}

std::vector<DayFlag> check_day(Database& db, int64_t session_id) {
    CatalogueStore store(db);
    auto session = SessionRepository(db).get(session_id);
    auto training_id = store.training_of_day(session_id);
    if (!session || !training_id) return {};
    if (session->status == "cancelled") return {};
    DayPlan plan;
    plan.training_id = *training_id;
    plan.session_id = session_id;
    plan.date = session->date;
    plan.start_time = session->start_time;
    plan.end_time = session->end_time;
    plan.trainer_ids = store.day_trainers(session_id);
    return check_day_plan(db, plan);
}

std::vector<DayFlag> check_day_plan(Database& db, const DayPlan& plan) {
    std::vector<DayFlag> flags;
    CatalogueStore store(db);
    auto training = store.training(plan.training_id);
    if (!training) return flags;
    const int64_t session_id = plan.session_id;
    PersonRepository people(db);
    const auto& trainers = plan.trainer_ids;
    auto name = [&](int64_t id) {
        auto p = people.get(id);
        return p ? p->display_name() : std::to_string(id);
    };
    struct {
        std::string date, start_time, end_time;
    } const day{plan.date, plan.start_time, plan.end_time};
    const auto* session = &day;

    if (trainers.size() != 2)
        flags.push_back({DayFlag::Kind::PairSize, session_id, 0, 0, {},
                         trfn("{date}: {n} trainer instead of a pair.", "{date}: {n} trainers instead of a pair.",
                              trainers.size(), fmt::arg("date", session->date), fmt::arg("n", trainers.size()))});
    for (auto person : trainers) {
        for (auto version_id : training->module_version_ids) {
            auto m = store.module_version(version_id);
            if (m && !store.qualified(person, m->module_id))
                flags.push_back({DayFlag::Kind::NotQualified, session_id, person, 0, m->sheet.code,
                                 trf("{date}: {name} is not qualified for module {module}.", fmt::arg("date", session->date),
                                     fmt::arg("name", name(person)), fmt::arg("module", m->sheet.code))});
        }
        if (!store.available(person, session->date))
            flags.push_back({DayFlag::Kind::Unavailable, session_id, person, 0, {},
                             trf("{date}: {name} is marked unavailable.", fmt::arg("date", session->date),
                                 fmt::arg("name", name(person)))});

        // Other sessions that day where the person teaches or leads: catalogue trainer
        // pairs, or attendance as trainer/facilitator/speaker in any plugin's sessions.
        SQLite::Statement q(db.sql(),
                            "SELECT s.id, s.start_time, s.end_time, coalesce(s.title, s.kind) FROM session s WHERE s.date = ?1 "
                            "AND s.id <> ?2 AND s.status <> 'cancelled' AND (s.id IN (SELECT session_id FROM catalogue_day_trainer "
                            "WHERE person_id = ?3) OR s.id IN (SELECT session_id FROM attendance WHERE person_id = ?3 AND role IN "
                            "('trainer','facilitator','speaker') AND status NOT IN ('excused','absent'))) ORDER BY s.start_time");
        bind_all(q, session->date, session_id, person);
        while (q.executeStep()) {
            std::string start = q.getColumn(1).isNull() ? "" : q.getColumn(1).getString();
            std::string end = q.getColumn(2).isNull() ? "" : q.getColumn(2).getString();
            if (!times_overlap(session->start_time, session->end_time, start, end)) continue;
            flags.push_back({DayFlag::Kind::DoubleBooked, session_id, person, q.getColumn(0).getInt64(), {},
                             trf("{date}: {name} is also booked for \"{other}\" ({start}-{end}).", fmt::arg("date", session->date),
                                 fmt::arg("name", name(person)), fmt::arg("other", q.getColumn(3).getString()),
                                 fmt::arg("start", start), fmt::arg("end", end))});
        }
    }
    return flags;
}

std::vector<DayFlag> check_training(Database& db, int64_t training_id) {
    std::vector<DayFlag> all;
    auto t = CatalogueStore(db).training(training_id);
    if (!t) return all;
    for (auto s : t->day_session_ids) {
        auto f = check_day(db, s);
        all.insert(all.end(), f.begin(), f.end());
    }
    return all;
}

}  // namespace maillage::catalogue
