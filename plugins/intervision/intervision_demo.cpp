#include "intervision_demo.h"

#include "cycles.h"
#include "enrolment_rules.h"
#include "intervision_evaluation.h"
#include "intervision_exports.h"
#include "intervision_figures.h"
#include "session_scheduler.h"

#include "core/database.h"
#include "core/demo_data.h"
#include "core/people.h"
#include "core/programmes.h"
#include "core/sectors.h"
#include "core/sessions.h"

#include <fmt/format.h>

#include <set>

namespace maillage::intervision {
namespace {

// Connect's groups: name, language, weekday, week of the month, half-day, hours, seats.
Group connect_group(const char* name, const char* language, int weekday, int week, const char* half_day,
                    const char* start, const char* end, int capacity) {
    return {.name = name, .language = language, .weekday = weekday, .week_of_month = week, .half_day = half_day,
            .start_time = start, .end_time = end, .capacity = capacity};
}
const Group kConnectGroups[] = {
    connect_group("Groupe 1", "fr", 1, 2, "morning", "09:30", "12:00", 12),
    connect_group("Groupe 2", "fr", 4, 1, "afternoon", "13:30", "16:00", 10),
    connect_group("Groupe 3", "fr", 2, 3, "morning", "09:30", "12:00", 10),
    connect_group("Groep 4", "nl", 3, 2, "afternoon", "13:30", "16:00", 10),
};

constexpr const char* kThemes[] = {
    "Refus de soins et respect du choix de la personne",
    "Orientation d'une personne sans titre de séjour",
    "Travail en réseau autour d'une sortie d'hospitalisation",
    "Agressivité à l'accueil",
    "Secret professionnel partagé entre services",
    "Accompagnement d'une personne qui consomme dans le service",
    "Limites de l'intervention à domicile",
};

std::string family(Database& db, const Affiliation& a) {
    if (!a.sector_id) return {};
    auto s = SectorRepository(db).get(*a.sector_id);
    return s ? s->family : std::string();
}

// Deterministic "random" draw in [0, 10).
int draw(int64_t a, int64_t b) { return int((a * 2654435761LL + b * 40503LL) % 10); }

void record_past(Database& db, const Cycle& c, const std::string& today, bool evaluate) {
    CycleRepository repo(db);
    SessionScheduler scheduler(db);
    for (const auto& g : repo.groups(c.id)) {
        scheduler.generate(g.id);
        const auto sessions = repo.sessions(g.id);
        int n = 0;
        for (const auto& s : sessions) {
            if (s.date >= today) break;
            // One session of the first group was cancelled (strike day).
            if (++n == 4 && g.name == std::string("Groupe 2")) {
                scheduler.cancel_session(s.session_id);
                continue;
            }
            scheduler.set_status(s.session_id, "held");
            for (const auto& e : repo.enrolments(g.id)) {
                if (e.status == "waiting" || e.enrolled_on > s.date || (!e.left_on.empty() && e.left_on < s.date))
                    continue;
                const int d = draw(s.session_id, e.person_id);
                set_attendance(db, s.session_id, e.person_id, d < 8 ? "present" : (d == 8 ? "excused" : "absent"),
                               d == 8 ? "congé" : "");
            }
            for (auto f : g.facilitators()) set_attendance(db, s.session_id, f, "present", "", "facilitator");
            std::string host;
            if (s.host_institution_id) host = institution_place(db, *s.host_institution_id);
            repo.set_notes(s.session_id, host.empty() ? "" : "Présentation du service : " + host.substr(0, host.find(',')),
                           kThemes[size_t(s.session_id) % std::size(kThemes)]);
        }
        if (!evaluate) continue;
        for (const auto& e : repo.enrolments(g.id)) {
            if (e.status != "enrolled" || draw(e.person_id, g.id) >= 8) continue;
            const int r = 3 + draw(e.person_id, 7) % 3;
            submit_evaluation(db, g.id, e.person_id,
                              {{1, AnswerValue{double(draw(e.person_id, 3) < 7 ? 0 : 1), ""}},
                               {2, AnswerValue{double(r), ""}},
                               {3, AnswerValue{double(std::min(5, r + 1)), ""}},
                               {4, AnswerValue{double(r), ""}},
                               {5, AnswerValue{double(r), ""}},
                               {6, AnswerValue{std::nullopt, "Mieux connaître les services du réseau."}}});
        }
    }
}

}  // namespace

void seed_intervision_demo(Database& db, const DemoContext& context) {
    const int y = context.year;
    const std::string today = today_iso().substr(0, 4) == std::to_string(y) ? today_iso() : fmt::format("{}-11-15", y);
    ProgrammeRepository programmes(db);
    const auto connect = programmes.find_by_code("connect");
    const auto pat = programmes.find_by_code("pat");
    PersonRepository people(db);
    CycleRepository repo(db);
    EnrolmentRules rules(db);

    Cycle previous;
    previous.name = fmt::format("{}-{}", y - 1, y);
    if (connect) previous.programme_id = connect->id;
    if (auto f = FunderRepository(db).find_by_code("COCOF")) previous.funder_id = f->id;
    previous.start_date = fmt::format("{}-09-01", y - 1);
    previous.end_date = fmt::format("{}-06-30", y);
    previous.closures.push_back({0, fmt::format("{}-12-24", y - 1), fmt::format("{}-01-04", y), "Congés d'hiver"});
    previous.id = repo.create_cycle(previous);

    // Facilitator pairs: one from the social side, one from mental health. The demo has
    // few mental-health facilitators, so experienced workers of such services join them.
    std::vector<int64_t> social, mental;
    std::set<int64_t> facilitators;
    for (const auto& p : people.with_role("facilitator")) {
        const auto f = family(db, people.affiliation_at(p.id, previous.start_date));
        if (f == "mental_health") mental.push_back(p.id);
        if (f == "social") social.push_back(p.id);
    }
    std::vector<Person> workers = people.with_role("worker");
    for (auto& p : workers) {
        if (mental.size() >= 4) break;
        if (p.has_role("facilitator") || p.notes != kDemoNote) continue;
        if (family(db, people.affiliation_at(p.id, previous.start_date)) != "mental_health") continue;
        p.roles.push_back("facilitator");
        people.update(p);
        mental.push_back(p.id);
    }
    for (auto id : social) facilitators.insert(id);
    for (auto id : mental) facilitators.insert(id);

    std::set<int64_t> taken;  // participants already in a group of the cycle
    int gi = 0;
    for (Group g : kConnectGroups) {
        g.cycle_id = previous.id;
        if (size_t(gi) < social.size()) g.facilitator1_id = social[size_t(gi)];
        if (size_t(gi) < mental.size()) g.facilitator2_id = mental[size_t(gi)];
        g.id = rules.save_group(g);
        std::set<int64_t> institutions;
        int enrolled = 0;
        for (const auto& p : people.with_role("worker")) {
            if (enrolled >= 10) break;
            if (taken.count(p.id) || facilitators.count(p.id) || p.has_role("peer_worker")) continue;
            if ((p.language == "nl") != (g.language == "nl")) continue;
            const auto a = people.affiliation_at(p.id, previous.start_date);
            if (!a.institution_id || institutions.count(*a.institution_id)) continue;
            rules.enrol(g.id, p.id, previous.start_date);
            institutions.insert(*a.institution_id);
            taken.insert(p.id);
            ++enrolled;
        }
        if (gi == 0) {
            // The deliberate exception: a second worker of one service, with the reason.
            for (const auto& p : people.with_role("worker")) {
                if (taken.count(p.id) || facilitators.count(p.id) || p.language == "nl") continue;
                const auto a = people.affiliation_at(p.id, previous.start_date);
                if (!a.institution_id || !institutions.count(*a.institution_id)) continue;
                rules.enrol(g.id, p.id, previous.start_date,
                            "Deux équipes distinctes de la même institution, accord des animateurs");
                taken.insert(p.id);
                break;
            }
        }
        ++gi;
    }
    // One participant left during the year.
    if (auto g1 = repo.find_group(previous.id, "Groupe 3")) {
        const auto es = repo.enrolments(g1->id);
        if (!es.empty()) rules.leave(g1->id, es.front().person_id, fmt::format("{}-02-15", y));
    }
    record_past(db, previous, today, true);

    // This year's cycle: copied with its groups, facilitators and participants.
    const auto current_id = rules.copy_cycle(previous.id, fmt::format("{}-{}", y, y + 1), true);
    const auto current = *repo.cycle(current_id);
    record_past(db, current, today, false);

    // PAT: the peer workers' intervision, two groups at the association's premises.
    if (pat) {
        Cycle pc;
        pc.name = fmt::format("{}-{}", y - 1, y);
        pc.programme_id = pat->id;
        if (auto f = FunderRepository(db).find_by_code("COCOM")) pc.funder_id = f->id;
        pc.audience = "peer_workers";
        pc.start_date = fmt::format("{}-09-01", y - 1);
        pc.end_date = fmt::format("{}-06-30", y);
        pc.id = repo.create_cycle(pc);
        std::vector<int64_t> team;
        for (const auto& p : people.with_role("peer_worker"))
            if (p.has_role("staff")) team.push_back(p.id);
        const char* names[] = {"Pairs-aidant·e·s A", "Pairs-aidant·e·s B"};
        std::vector<int64_t> groups;
        for (int k = 0; k < 2; ++k) {
            Group g{.cycle_id = pc.id, .name = names[k], .weekday = k == 0 ? 5 : 2, .week_of_month = k == 0 ? 3 : 4,
                    .half_day = "afternoon", .start_time = "14:00", .end_time = "16:30", .capacity = 12,
                    .venue_mode = "fixed", .fixed_place = "Locaux de l'association, Bruxelles"};
            if (team.size() >= size_t(2 * k + 2)) {
                g.facilitator1_id = team[size_t(2 * k)];
                g.facilitator2_id = team[size_t(2 * k + 1)];
            }
            groups.push_back(rules.save_group(g));
        }
        int k = 0;
        for (const auto& p : people.with_role("peer_worker")) {
            if (p.has_role("staff")) continue;
            try {
                rules.enrol(groups[size_t(k % 2)], p.id, pc.start_date);
            } catch (const ReasonRequired&) {
                rules.enrol(groups[size_t(k % 2)], p.id, pc.start_date, "Deux pairs-aidant·e·s du même service");
            }
            ++k;
        }
        record_past(db, pc, today, false);
    }
}

}  // namespace maillage::intervision
