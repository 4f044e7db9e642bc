#include "exchange_demo.h"

#include "events.h"
#include "registrations.h"
#include "table_assignment.h"

#include "core/database.h"
#include "core/error.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/programmes.h"
#include "core/sessions.h"

#include <fmt/format.h>

namespace maillage::exchange {
namespace {

// The core demo's people are person<N>@example.org (N = index + 1).
int64_t demo_person(Database& db, int index) {
    auto p = PersonRepository(db).find_by_email(fmt::format("person{}@example.org", index + 1));
    if (!p) throw Error("exchange demo: core demo person " + std::to_string(index + 1) + " is missing");
    return p->id;
}

int64_t demo_institution(Database& db, const char* name) {
    auto i = InstitutionRepository(db).find_by_name(name);
    if (!i) throw Error(std::string("exchange demo: core demo institution missing: ") + name);
    return i->id;
}

std::string day(int year, int month, int d) { return fmt::format("{:04d}-{:02d}-{:02d}", year, month, d); }

Session session(const std::string& date, const char* start, const char* end, const char* status) {
    Session s;
    s.date = date;
    s.start_time = start;
    s.end_time = end;
    s.status = status;
    return s;
}

// An event of the demo, as its organisers would type it.
struct DemoEvent {
    const char* type;
    const char* title;
    const char* theme;
    const char* venue;
    std::optional<int64_t> capacity;
    const char* languages;
    const char* role;
    const char* objectives;
    const char* programme_text;
};

int64_t create_event(EventRepository& events, const DemoEvent& d, const std::optional<Programme>& programme,
                     const std::optional<Funder>& funder) {
    const auto id_of = [](const auto& record) { return record ? std::optional<int64_t>(record->id) : std::nullopt; };
    return events.create({.type_id = events.find_type(d.type)->id, .title = d.title, .theme = d.theme,
                          .venue = d.venue, .capacity = d.capacity, .languages = d.languages, .role = d.role,
                          .programme_id = id_of(programme), .funder_id = id_of(funder), .objectives = d.objectives,
                          .programme_text = d.programme_text});
}

Registration enrol(RegistrationService& regs, int64_t event_id, int64_t person_id, const char* role = "participant") {
    return regs.register_person({.event_id = event_id, .person_id = person_id, .role = role});
}

}  // namespace

void seed_exchange_demo(Database& db, const DemoContext& context) {
    const auto connect = ProgrammeRepository(db).find_by_code("connect");
    const auto cocom = FunderRepository(db).find_by_code("COCOM");
    const auto cocof = FunderRepository(db).find_by_code("COCOF");
    const int y = context.year;
    EventRepository events(db);
    RegistrationService regs(db);

    // --- The yearly exchange table.
    const auto ev = create_event(
        events,
        {"exchange_table", "Table d'échanges : santé mentale et sans-abrisme, quelles portes d'entrée ?",
         "L'accès aux soins de santé mentale pour les personnes sans abri", "Maison des associations, Bruxelles", 64,
         "fr,nl", "organiser",
         "Croiser les regards des secteurs sans-abri et santé mentale; identifier des pratiques de collaboration; "
         "formuler des recommandations.",
         "9h accueil · 9h30 introduction · 10h tables · 12h30 repas · 13h30 restitution · 15h débat · 16h30 fin"},
        connect, cocom);
    events.add_day(ev, session(day(y, 10, 16), "09:00", "16:30", "held"));
    for (const char* partner : {"Équipe mobile Psy-Rue", "Samu social de quartier", "CAW Brussel"})
        events.add_partner(ev, demo_institution(db, partner));

    // Steering committee: four partners, three meetings with attendance and decisions.
    const char* members[] = {"Équipe mobile Psy-Rue", "Samu social de quartier", "CAW Brussel",
                             "Service de santé mentale Le Méridien"};
    SessionRepository sessions(db);
    std::vector<int64_t> representatives;
    for (int k = 0; k < 4; ++k) {
        const auto person = demo_person(db, 28 + k);
        representatives.push_back(person);
        events.add_committee_member(ev, demo_institution(db, members[k]), person);
    }
    const char* meeting_dates[] = {"03-10", "05-12", "09-08"};
    const char* decisions[][2] = {
        {"Thème retenu : les portes d'entrée vers la santé mentale.", "Date fixée au 16 octobre."},
        {"Deux tables : « premier contact » et « continuité des soins ».", "Invitations bilingues."},
        {"Programme final validé.", "Une publication dans la collection des Cahiers."},
    };
    for (int k = 0; k < 3; ++k) {
        const auto date = fmt::format("{:04d}-{}", y, meeting_dates[k]);
        const auto sid = events.add_committee_meeting(ev, session(date, "10:00", "12:00", "held"));
        for (int m = 0; m < 4; ++m) {
            Attendance a;
            a.session_id = sid;
            a.person_id = representatives[m];
            a.status = (k + m) % 4 == 3 ? "excused" : "present";
            sessions.record(a);
        }
        for (const char* d : decisions[k]) events.add_decision(sid, d);
    }

    // Two tables, two facilitators each (core facilitators 16-19), two speakers (20-21),
    // the team referent as organiser.
    const auto t1 = events.add_table(ev, "Le premier contact",
                                     "Comment ouvrir une porte vers les soins sans la refermer ?");
    const auto t2 = events.add_table(ev, "La continuité des soins",
                                     "Comment éviter les ruptures entre la rue, l'hôpital et le logement ?");
    events.add_table_facilitator(t1, demo_person(db, 16));
    events.add_table_facilitator(t1, demo_person(db, 17));
    events.add_table_facilitator(t2, demo_person(db, 18));
    events.add_table_facilitator(t2, demo_person(db, 19));
    for (int k : {20, 21}) enrol(regs, ev, demo_person(db, k), "speaker");
    enrol(regs, ev, demo_person(db, 6), "organiser");
    // 68 participants register for 64 seats (workers 40-107, from varied services): the
    // last four wait; two cancel, so two are promoted and two stay on the waiting list;
    // three do not come; 61 attend.
    std::vector<int64_t> participant_regs;
    for (int k = 0; k < 68; ++k) {
        RegistrationRequest req;
        req.event_id = ev;
        req.person_id = demo_person(db, 40 + k);
        if (k % 5 == 0) req.table_choice_id = (k % 2 == 0) ? t1 : t2;
        req.source = k < 60 ? "import" : "manual";
        participant_regs.push_back(regs.register_person(req).id);
    }
    regs.set_status(participant_regs[3], "cancelled", "Empêchement professionnel");
    regs.set_status(participant_regs[11], "cancelled", "Maladie");
    for (size_t k = 0; k < participant_regs.size(); ++k) {
        const auto r = regs.get(participant_regs[k]);
        if (r->status != "registered") continue;
        if (k == 7 || k == 23 || k == 41)
            regs.set_status(r->id, "no_show");
        else
            regs.check_in(r->id);
    }
    for (auto id : {demo_person(db, 16), demo_person(db, 17), demo_person(db, 18), demo_person(db, 19),
                    demo_person(db, 20), demo_person(db, 21), demo_person(db, 6)})
        regs.check_in(regs.find(ev, id)->id);
    assign_tables(db, ev);

    // --- A study morning.
    const auto mo = create_event(events,
                                 {"study_day", "Matinée d'étude : la pair-aidance en santé mentale",
                                  "Engager et accompagner des pair-aidant·e·s", "Auditorium, Hôpital psychiatrique Sanatia",
                                  40, "fr", "co_organiser",
                                  "Faire connaître la pair-aidance aux directions et aux équipes.", ""},
                                 connect, cocof);
    events.add_day(mo, session(day(y, 5, 20), "09:00", "12:30", "held"));
    events.add_partner(mo, demo_institution(db, "Hôpital psychiatrique Sanatia"));
    for (int k : {22, 23}) regs.check_in(enrol(regs, mo, demo_person(db, k), "speaker").id);
    for (int k = 0; k < 30; ++k) {
        const auto r = enrol(regs, mo, demo_person(db, 120 + k));
        if (k % 10 != 9) regs.check_in(r.id);
        else regs.set_status(r.id, "no_show");
    }

    // --- A working group: five meetings, six services.
    const auto wg = create_event(
        events,
        {"working_group", "Groupe de travail : accès au logement des personnes suivies en santé mentale", "", "", {},
         "", "facilitator",
         "Rédiger des recommandations communes aux secteurs logement, sans-abri et santé mentale.", ""},
        connect, cocom);
    const int months[] = {2, 4, 6, 9, 11};
    for (int k = 0; k < 5; ++k)
        events.add_day(wg, session(day(y, months[k], 5), "14:00", "16:00", months[k] <= 10 ? "held" : "planned"));
    for (const char* s : {"Housing First Brussels", "Agence immobilière sociale Quartiers", "Équipe mobile Psy-Rue",
                          "Abri de nuit Les Étoiles", "CPAS de Forest", "Service de santé mentale Le Méridien"})
        events.add_group_service(wg, demo_institution(db, s));

    // --- The publication from the exchange table.
    Publication pub;
    pub.title = "Santé mentale et sans-abrisme : quelles portes d'entrée ? Actes de la table d'échanges";
    pub.collection = "Cahiers du réseau";
    pub.number = "12";
    pub.languages = "fr,nl";
    pub.copies = 400;
    pub.date = day(y, 11, 20);
    pub.link = "https://example.org/cahiers/12";
    const auto pid = events.add_publication(pub);
    events.link_publication(pid, ev);
}

}  // namespace maillage::exchange
