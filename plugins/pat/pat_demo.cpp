#include "pat_demo.h"

#include "accompaniments.h"
#include "pat_activities.h"

#include "core/database.h"
#include "core/error.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/plugin_api.h"
#include "core/sql_call.h"

#include <fmt/format.h>

namespace maillage::pat {
namespace {

struct DemoSession {
    int year_offset;  // 0 = this year, -1 = last year
    int month, day;
    const char* type;
    int duration, prep;
    bool follow_up;
};

struct DemoAccompaniment {
    const char* institution;
    const char* funder;
    int request_offset, request_month;
    const char* target;  // phase reached
    int planned;
    int steps_done;      // guide steps done (the next one in progress)
    std::vector<DemoSession> sessions;
    int hire_offset, hire_month;  // hire_month 0 = no hire
    bool announced_extra;          // a second hire announced
    const char* closing;           // reason when closed
};

std::string d(int year, int month, int day) { return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day); }

}  // namespace

void seed_pat_demo(Database& db, const DemoContext& context) {
    const int y = context.year;
    InstitutionRepository institutions(db);
    PersonRepository people(db);
    AccompanimentRepository repo(db);
    ActivityRepository activities(db);

    std::vector<int64_t> staff;
    for (int i = 1; i <= 7; ++i)
        if (auto p = people.find_by_email(fmt::format("person{}@example.org", i))) staff.push_back(p->id);
    if (staff.size() < 2) return;  // the core demo is not there: nothing to hang PAT onto

    const std::vector<DemoAccompaniment> plan = {
        {"Abri de nuit Les Étoiles", "COCOM", 0, 9, "request", 0, 0, {}, 0, 0, false, nullptr},
        {"CPAS de Forest", "COCOM", 0, 5, "analysis", 6, 0, {}, 0, 0, false, nullptr},
        {"Service de santé mentale Le Méridien", "COCOM", -1, 11, "accompaniment", 7, 3,
         {{0, 2, 6, "other_meeting", 120, 60, false}, {0, 3, 12, "working_group", 180, 90, false},
          {0, 4, 9, "team_meeting", 120, 60, false}, {0, 5, 20, "training_day", 420, 120, false},
          {0, 6, 17, "immersion", 240, 30, false}},
         0, 0, false, nullptr},
        {"Centre de jour Le Carrefour", "AVIQ", -1, 6, "accompaniment", 8, 4,
         {{-1, 9, 15, "working_group", 180, 90, false}, {-1, 10, 20, "training_day", 420, 120, false},
          {-1, 11, 24, "team_meeting", 120, 60, false}, {0, 1, 19, "immersion", 240, 30, false},
          {0, 2, 23, "immersion", 240, 30, false}, {0, 3, 30, "working_group", 180, 60, false}},
         0, 0, true, nullptr},
        {"Abri de nuit Dourlet", "AVIQ", -1, 10, "hired", 6, 6,
         {{0, 1, 12, "other_meeting", 90, 30, false}, {0, 2, 9, "working_group", 180, 60, false},
          {0, 3, 8, "training_day", 420, 120, false}, {0, 4, 5, "job_interview", 120, 30, false},
          {0, 4, 19, "job_interview", 120, 30, false}, {0, 6, 14, "immersion", 240, 30, false}},
         0, 5, false, nullptr},
        {"Hôpital psychiatrique Sanatia", "SPF", -1, 2, "follow_up", 8, 8,
         {{-1, 3, 10, "working_group", 180, 90, false}, {-1, 4, 14, "team_meeting", 120, 60, false},
          {-1, 5, 12, "training_day", 420, 120, false}, {-1, 6, 9, "job_interview", 120, 30, false},
          {-1, 9, 22, "immersion", 240, 30, false}, {0, 1, 26, "immersion", 240, 30, true},
          {0, 3, 16, "other_meeting", 90, 30, true}, {0, 5, 11, "immersion", 240, 30, true}},
         -1, 8, false, nullptr},
        {"Centre hospitalier psychiatrique du Chêne aux Haies", "SPF", 0, 1, "accompaniment", 5, 1,
         {{0, 3, 3, "other_meeting", 90, 30, false}, {0, 4, 28, "working_group", 180, 60, false},
          {0, 6, 2, "immersion", 240, 30, false}},
         0, 0, false, nullptr},
        {"Maison d'accueil Le Relais", "FRB", -2, 9, "closed", 6, 10,
         {{-1, 1, 16, "working_group", 180, 90, false}, {-1, 2, 20, "training_day", 420, 120, false},
          {-1, 3, 19, "job_interview", 120, 30, false}, {-1, 6, 12, "immersion", 240, 30, true},
          {-1, 10, 9, "other_meeting", 90, 30, true}},
         -1, 4, false, "The follow-up is over; the peer worker is part of the team."},
        {"Relais social de Charleroi", "AVIQ", 0, 2, "closed", 0, 0, {}, 0, 0, false,
         "Declined after the analysis: the institution has no budget for the job this year."},
        {"Projet Lama", "COCOM", -1, 1, "hired", 6, 7,
         {{-1, 2, 8, "working_group", 180, 90, false}, {-1, 3, 14, "team_meeting", 120, 60, false},
          {-1, 4, 25, "training_day", 420, 120, false}, {-1, 10, 6, "job_interview", 120, 30, false},
          {0, 1, 13, "team_meeting", 120, 30, false}, {0, 2, 17, "immersion", 240, 30, false}},
         -1, 11, false, nullptr},
        {"CPAS de Liège", "AVIQ", 0, 1, "accompaniment", 6, 2,
         {{0, 2, 2, "other_meeting", 90, 30, false}, {0, 3, 9, "working_group", 180, 60, false},
          {0, 4, 20, "training_day", 420, 120, false}, {0, 5, 18, "team_meeting", 120, 30, false},
          {0, 6, 22, "immersion", 240, 30, false}},
         0, 0, true, nullptr},
    };

    int k = 0;
    for (const auto& p : plan) {
        auto inst = institutions.find_by_name(p.institution);
        if (!inst) continue;
        Accompaniment a;
        a.institution_id = inst->id;
        a.request_date = d(y + p.request_offset, p.request_month, 3);
        a.heard_from = k % 3 == 0 ? "Colloque / conference" : (k % 3 == 1 ? "Bouche à oreille" : "Site web");
        a.contact_name = "";
        a.funder_id = funder_id_by_code(db, p.funder);
        if (p.planned) a.planned_sessions = p.planned;
        // The institution's manager (if the demo has one there) is the contact person.
        const auto attendees = select_column<int64_t>(db.sql(),
                                                      "SELECT e.person_id FROM employment e WHERE e.institution_id = ? "
                                                      "AND (e.end_date IS NULL) ORDER BY e.person_id LIMIT 3",
                                                      inst->id);
        if (!attendees.empty()) a.contact_person_id = attendees.front();
        const int64_t id = repo.create_request(a);
        const std::string target = p.target;
        const std::string analysis = d(y + p.request_offset, p.request_month, 20);
        if (target != "request") {
            if (target == "closed" && p.sessions.empty()) {
                repo.set_phase(id, "analysis", analysis);
                repo.record_intake(id, {{1, "Projet encore flou."}, {2, "0"}, {5, "2"}});
                repo.decide(id, "declined", p.closing, analysis);
                repo.set_phase(id, "closed", analysis, p.closing);
                ++k;
                continue;
            }
            repo.set_phase(id, "analysis", analysis);
            repo.record_intake(id, {{1, "Renforcer le lien avec les personnes accueillies et changer le regard des équipes."},
                                    {2, std::to_string(k % 4)},
                                    {3, std::to_string(k % 2)},
                                    {4, std::to_string((k + 1) % 3)},
                                    {6, std::to_string(2 + k % 4)},
                                    {8, "Un accompagnement pour préparer les équipes et définir la fonction."}});
            if (target == "analysis") {
                repo.decide(id, "waiting", "Waiting for the board's approval of the budget.", analysis);
                ++k;
                continue;
            }
            repo.decide(id, "accepted", "", analysis);
            const auto first = p.sessions.empty() ? analysis
                                                  : d(y + p.sessions.front().year_offset, p.sessions.front().month, 1);
            repo.set_phase(id, "accompaniment", std::max(first, analysis));
        }
        // Steps: the first ones done, the next in progress.
        const auto steps = repo.steps();
        for (int s = 0; s < int(steps.size()) && s <= p.steps_done; ++s) {
            const auto when = p.sessions.empty() ? analysis
                                                 : d(y + p.sessions[std::min<size_t>(s, p.sessions.size() - 1)].year_offset,
                                                     p.sessions[std::min<size_t>(s, p.sessions.size() - 1)].month, 28);
            if (s < p.steps_done)
                repo.set_step(id, steps[s].code, "done", std::max(when, a.request_date));
            else if (target != "closed")
                repo.set_step(id, steps[s].code, "in_progress", std::max(when, a.request_date));
        }
        // Sessions before the hire, the hire, then follow-up sessions.
        auto add_sessions = [&](bool follow_up) {
            int n = 0;
            for (const auto& s : p.sessions) {
                if (s.follow_up != follow_up) continue;
                PatSession ps;
                ps.accompaniment_id = id;
                ps.type = s.type;
                ps.date = d(y + s.year_offset, s.month, s.day);
                ps.duration_minutes = s.duration;
                ps.preparation_minutes = s.prep;
                ps.phase = follow_up ? "follow_up" : "accompaniment";
                // Pairs of the PAT team in turn; once in a while only one could go.
                const bool alone = (k + n) % 11 == 5;
                ps.staff.push_back(staff[size_t(k + n) % staff.size()]);
                if (!alone) ps.staff.push_back(staff[size_t(k + n + 3) % staff.size()]);
                ps.attendees = attendees;
                ps.status = ps.date <= d(y, 7, 1) || s.year_offset < 0 ? "held" : "planned";
                repo.add_session(ps);
                ++n;
            }
        };
        add_sessions(false);
        if (p.hire_month) {
            Hire h;
            h.accompaniment_id = id;
            h.status = "effective";
            h.announced_date = d(y + p.hire_offset, p.hire_month, 1);
            h.hire_date = d(y + p.hire_offset, p.hire_month, 15);
            h.job_title = "Pair-aidant·e";
            h.working_time_percent = k % 2 ? 50 : 80;
            h.contract_type = k % 2 ? "CDD" : "CDI";
            repo.add_hire(h);
            repo.set_phase(id, "hired", h.hire_date);
            if (target == "follow_up" || target == "closed") {
                repo.set_phase(id, "follow_up", d(y + p.hire_offset, p.hire_month, 28));
                add_sessions(true);
            }
            if (target == "closed") repo.set_phase(id, "closed", d(y + p.hire_offset + 1, 1, 10), p.closing);
        }
        if (p.announced_extra) {
            Hire h;
            h.accompaniment_id = id;
            h.status = "announced";
            h.announced_date = d(y, 6, 30);
            h.job_title = "Pair-aidant·e";
            repo.add_hire(h);
        }
        repo.add_document(Document{0, id, "Analyse de la demande", "https://example.org/pat/" + std::to_string(id) + "/analyse"});
        ++k;
    }

    // Stand-alone trainings, last year and this year.
    const char* audiences[] = {"Équipe de travailleurs sociaux", "Étudiants en soins infirmiers",
                               "Managers de services d'hébergement", "Équipe mobile", "Futurs pair-aidants"};
    const char* funders[] = {"COCOM", "AVIQ", "COCOM", "SPF", "FRB"};
    for (int i = 0; i < 12; ++i) {
        Training t;
        t.title = i % 2 ? "Le pair-aidance, c'est quoi ?" : "Travailler avec un·e pair-aidant·e";
        t.audience = audiences[i % 5];
        t.date = d(y - (i < 5 ? 1 : 0), 1 + (i * 5) % 11, 5 + i);
        t.duration_minutes = i % 3 ? 180 : 420;
        t.participants = 2 + (i * 7) % 19;
        t.funder_id = funder_id_by_code(db, funders[i % 5]);
        activities.add_training(t);
    }
    // Advocacy.
    const struct {
        const char* kind;
        int offset, month;
        const char* title;
        int audience;
    } advocacy[] = {
        {"talk", -1, 3, "Colloque « Rétablissement et pair-aidance »", 120},
        {"podcast", -1, 10, "Podcast « Voix de pairs »", 0},
        {"talk", 0, 2, "Cours aux étudiants assistants sociaux", 45},
        {"interview", 0, 3, "Interview radio", 0},
        {"meeting", 0, 4, "Rencontre avec une fédération de services", 12},
        {"talk", 0, 5, "Journée d'étude de la fédération", 80},
    };
    for (const auto& a : advocacy) {
        Advocacy ad;
        ad.kind = a.kind;
        ad.date = d(y + a.offset, a.month, 14);
        ad.title = a.title;
        if (a.audience) ad.audience_size = a.audience;
        ad.link = "https://example.org/pat/plaidoyer";
        activities.add_advocacy(ad);
    }
    // Workplaces: where peer workers work (the hired ones and a few others).
    const struct {
        const char* institution;
        int since_offset;
        int peer_workers;
    } workplaces[] = {
        {"Abri de nuit Dourlet", 0, 1},       {"Hôpital psychiatrique Sanatia", -1, 2},
        {"Maison d'accueil Le Relais", -1, 1}, {"Projet Lama", -1, 1},
        {"Équipe mobile Psy-Rue", -4, 2},      {"Housing First Brussels", -6, 3},
        {"Centre Transit", -3, 1},             {"Service de santé mentale de Namur", -2, 1},
        {"Comptoir d'échange de seringues Liège", -5, 2},
    };
    for (const auto& w : workplaces) {
        auto inst = institutions.find_by_name(w.institution);
        if (!inst) continue;
        Workplace wp;
        wp.institution_id = inst->id;
        wp.since = d(y + w.since_offset, 1, 1);
        wp.peer_workers = w.peer_workers;
        activities.set_workplace(wp);
    }
}

}  // namespace maillage::pat
