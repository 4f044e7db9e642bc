#include "catalogue_demo.h"

#include "catalogue_evaluations.h"

#include "catalogue_registrations.h"
#include "catalogue_store.h"
#include "core/database.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/plugin_api.h"
#include "core/programmes.h"
#include "core/questionnaires.h"
#include "core/sessions.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace maillage::catalogue {
namespace {

struct ModuleSeed { const char *code, *theme; int minutes; const char *fr, *nl, *desc_fr, *desc_nl; };
const ModuleSeed kModules[] = {
    {"ACC-01", "reception", 180, "Accueillir la personne en grande précarité", "Onthaal van mensen in grote armoede",
     "Comprendre ce que vit la personne à la rue et ajuster son accueil.", "Begrijpen wat iemand op straat meemaakt en het onthaal daarop afstemmen."},
    {"ACC-02", "reception", 180, "L'écoute active au guichet", "Actief luisteren aan het loket",
     "Les techniques d'écoute active appliquées aux échanges courts.", "Technieken van actief luisteren in korte gesprekken."},
    {"ACC-03", "reception", 90, "Premier contact et création du lien", "Eerste contact en opbouw van een vertrouwensband",
     "Poser les bases d'une relation de confiance dès la première rencontre.", "Vanaf de eerste ontmoeting een vertrouwensrelatie opbouwen."},
    {"ACC-04", "reception", 360, "Entretien motivationnel : les bases", "Motiverende gespreksvoering: de basis",
     "L'esprit et les outils de l'entretien motivationnel.", "De geest en de instrumenten van motiverende gespreksvoering."},
    {"ACC-05", "reception", 120, "Accueillir en contexte interculturel", "Onthaal in een interculturele context",
     "Repérer ses représentations et communiquer au-delà des codes culturels.", "Eigen beelden herkennen en communiceren over culturele codes heen."},
    {"ACC-06", "reception", 90, "Travailler avec un·e interprète", "Werken met een tolk",
     "Organiser un entretien à trois et en tirer le meilleur.", "Een gesprek met drie voorbereiden en goed laten verlopen."},
    {"ACC-07", "reception", 45, "Présenter son service et orienter", "Je dienst voorstellen en doorverwijzen",
     "Présenter clairement son service et orienter vers le bon partenaire.", "Je dienst helder voorstellen en naar de juiste partner doorverwijzen."},
    {"SM-01", "mental_health", 360, "Sensibilisation à la santé mentale — repères", "Sensibilisering geestelijke gezondheid — basisbegrippen",
     "Santé mentale, souffrance psychique, troubles : les mots et les représentations.", "Geestelijke gezondheid, psychisch lijden, stoornissen: woorden en beelden."},
    {"SM-02", "mental_health", 360, "Sensibilisation à la santé mentale — les troubles et leurs signes",
     "Sensibilisering geestelijke gezondheid — stoornissen en signalen",
     "Reconnaître les signes des principaux troubles psychiques et y répondre.", "De signalen van de belangrijkste psychische stoornissen herkennen en erop reageren."},
    {"SM-03", "mental_health", 360, "Sensibilisation à la santé mentale — orienter et travailler en réseau",
     "Sensibilisering geestelijke gezondheid — doorverwijzen en netwerken",
     "Le réseau de soins, les urgences, la mise en observation et le travail en réseau.", "Het zorgnetwerk, spoed, gedwongen opname en samenwerken in het netwerk."},
    {"SM-04", "mental_health", 180, "Psychose : comprendre et accompagner", "Psychose: begrijpen en begeleiden",
     "Ce que vit une personne en épisode psychotique et comment rester en lien.", "Wat iemand in een psychose beleeft en hoe het contact te behouden."},
    {"SM-05", "mental_health", 180, "Dépression : repérer et soutenir", "Depressie: herkennen en ondersteunen",
     "Repérer la dépression et soutenir sans se substituer aux soins.", "Depressie herkennen en ondersteunen zonder de zorg over te nemen."},
    {"SM-06", "mental_health", 120, "Troubles de la personnalité au quotidien", "Persoonlijkheidsstoornissen in de dagelijkse praktijk",
     "Comprendre les relations difficiles et protéger le cadre.", "Moeilijke relaties begrijpen en het kader bewaken."},
    {"SM-07", "mental_health", 180, "Le réseau de soins en santé mentale à Bruxelles", "Het zorgnetwerk geestelijke gezondheid in Brussel",
     "Qui fait quoi : services, équipes mobiles, réseaux 107.", "Wie doet wat: diensten, mobiele teams, netwerken 107."},
    {"SM-08", "mental_health", 120, "Santé mentale et exil", "Geestelijke gezondheid en migratie",
     "Traumas de l'exil et accès aux soins des personnes migrantes.", "Trauma's van ballingschap en toegang tot zorg voor migranten."},
    {"DRO-01", "substance_use", 180, "Les produits et leurs effets", "Middelen en hun effecten",
     "Panorama des produits, des modes de consommation et de leurs risques.", "Overzicht van middelen, gebruikswijzen en hun risico's."},
    {"DRO-02", "substance_use", 180, "Réduction des risques : principes et pratiques", "Schadebeperking: principes en praktijk",
     "La philosophie de la réduction des risques et ses outils concrets.", "De filosofie van schadebeperking en haar concrete instrumenten."},
    {"DRO-03", "substance_use", 120, "Alcool : repérage et intervention brève", "Alcohol: vroegdetectie en korte interventie",
     "Repérer un usage problématique d'alcool et ouvrir la discussion.", "Problematisch alcoholgebruik herkennen en bespreekbaar maken."},
    {"DRO-04", "substance_use", 120, "Prévenir les overdoses : la naloxone", "Overdosissen voorkomen: naloxon",
     "Reconnaître une overdose aux opioïdes et utiliser la naloxone.", "Een opioïdenoverdosis herkennen en naloxon gebruiken."},
    {"DRO-05", "substance_use", 180, "Double diagnostic : assuétudes et troubles psychiques", "Dubbele diagnose: verslaving en psychische stoornissen",
     "Accompagner les personnes qui cumulent consommation et troubles psychiques.", "Mensen begeleiden met zowel middelengebruik als psychische stoornissen."},
    {"DRO-06", "substance_use", 90, "Chemsex : comprendre pour accompagner", "Chemsex: begrijpen om te begeleiden",
     "Les pratiques de chemsex, leurs risques et les relais spécialisés.", "Chemsex, de risico's en gespecialiseerde diensten."},
    {"PAIR-01", "peer_support", 360, "Qu'est-ce que la pair-aidance ?", "Wat is ervaringsdeskundigheid?",
     "Histoire, fondements et pratiques de la pair-aidance en Belgique.", "Geschiedenis, grondslagen en praktijk van ervaringsdeskundigheid in België."},
    {"PAIR-02", "peer_support", 180, "Le rétablissement en santé mentale", "Herstel in de geestelijke gezondheidszorg",
     "Le paradigme du rétablissement et ce qu'il change pour les équipes.", "Het herstelparadigma en wat het voor teams verandert."},
    {"PAIR-03", "peer_support", 180, "Intégrer un·e pair-aidant·e dans une équipe", "Een ervaringsdeskundige in het team opnemen",
     "Préparer l'équipe, définir la fonction, soutenir la personne engagée.", "Het team voorbereiden, de functie bepalen, de medewerker ondersteunen."},
    {"PAIR-04", "peer_support", 120, "Partager son savoir expérientiel", "Ervaringskennis delen",
     "Quand et comment partager son vécu de façon utile et protégée.", "Wanneer en hoe je eigen ervaring nuttig en veilig inzetten."},
    {"PAIR-05", "peer_support", 180, "Dix étapes pour engager un·e pair-aidant·e", "Tien stappen om een ervaringsdeskundige aan te werven",
     "Le guide en dix étapes : de l'analyse des besoins au recrutement.", "De gids in tien stappen: van behoefteanalyse tot aanwerving."},
    {"PAIR-06", "peer_support", 90, "Le plan de rétablissement (WRAP)", "Het herstelplan (WRAP)",
     "Découvrir l'outil WRAP et l'utiliser avec les personnes accompagnées.", "Het WRAP-instrument leren kennen en gebruiken met cliënten."},
    {"CRI-01", "crisis", 360, "Agressivité : prévenir et désamorcer", "Agressie: voorkomen en de-escaleren",
     "Comprendre l'agressivité, se protéger et désamorcer les situations tendues.", "Agressie begrijpen, zichzelf beschermen en spanningen ontmijnen."},
    {"CRI-02", "crisis", 180, "Intervenir en situation de crise psychique", "Optreden bij een psychische crisis",
     "Évaluer la situation, sécuriser, faire appel aux bons relais.", "De situatie inschatten, veilig stellen, de juiste hulp inschakelen."},
    {"CRI-03", "crisis", 120, "Après l'incident : débriefing d'équipe", "Na het incident: debriefing in team",
     "Organiser un débriefing qui soutient l'équipe et tire des leçons.", "Een debriefing organiseren die het team steunt en lessen trekt."},
    {"CRI-04", "crisis", 180, "La crise suicidaire : repérer et agir", "De suïcidale crisis: herkennen en handelen",
     "Évaluer le risque suicidaire et accompagner la personne en crise.", "Suïciderisico inschatten en iemand in crisis begeleiden."},
    {"CRI-05", "crisis", 90, "Sécurité des intervenant·e·s en rue", "Veiligheid van straathoekwerkers",
     "Prévenir les risques du travail de rue, seul·e ou en binôme.", "Risico's van straatwerk voorkomen, alleen of in duo."},
    {"CRI-06", "crisis", 120, "Premiers secours en santé mentale : introduction", "Eerste hulp bij psychische problemen: inleiding",
     "Les gestes de base pour aider une personne en détresse psychique.", "De basis om iemand in psychische nood te helpen."},
    {"BAS-01", "low_threshold", 180, "Travailler à bas seuil : principes", "Laagdrempelig werken: principes",
     "Accueil inconditionnel, anonymat, gratuité : un cadre qui soigne.", "Onvoorwaardelijk onthaal, anonimiteit, gratis: een kader dat zorgt."},
    {"BAS-02", "low_threshold", 180, "Accès aux droits et aide médicale urgente", "Toegang tot rechten en dringende medische hulp",
     "Les démarches pour ouvrir les droits santé des personnes sans statut.", "Stappen om gezondheidsrechten te openen voor mensen zonder verblijfsstatuut."},
    {"BAS-03", "low_threshold", 120, "Le travail de rue et l'aller-vers", "Straathoekwerk en outreach",
     "Aller à la rencontre des personnes là où elles sont.", "Mensen opzoeken waar ze zich bevinden."},
    {"BAS-04", "low_threshold", 180, "Housing First : le logement d'abord", "Housing First: eerst een woning",
     "Les principes de Housing First et l'accompagnement en logement.", "De principes van Housing First en begeleiding in de woning."},
    {"BAS-05", "low_threshold", 120, "Non-recours aux droits : comprendre et agir", "Niet-gebruik van rechten: begrijpen en handelen",
     "Pourquoi des personnes ne demandent pas l'aide à laquelle elles ont droit.", "Waarom mensen geen hulp vragen waar ze recht op hebben."},
    {"BAS-06", "low_threshold", 90, "La santé des personnes sans-abri", "De gezondheid van daklozen",
     "Les problèmes de santé fréquents en rue et leur prise en charge.", "Veelvoorkomende gezondheidsproblemen op straat en hun aanpak."},
    {"VIO-01", "violence", 180, "Violences conjugales et intrafamiliales : repérer", "Partnergeweld en intrafamiliaal geweld: herkennen",
     "Repérer les violences, poser la question, orienter.", "Geweld herkennen, de vraag stellen, doorverwijzen."},
    {"VIO-02", "violence", 180, "Violences sexuelles : accueillir la parole", "Seksueel geweld: het verhaal opvangen",
     "Accueillir un récit de violence sexuelle et connaître les relais (CPVS).", "Een verhaal van seksueel geweld opvangen en de ZSG kennen."},
    {"VIO-03", "violence", 120, "Psychotrauma : notions de base", "Psychotrauma: basisbegrippen",
     "Comprendre les effets du trauma sur la personne et la relation d'aide.", "De gevolgen van trauma op de persoon en de hulprelatie begrijpen."},
    {"VIO-04", "violence", 120, "Violences institutionnelles : les reconnaître", "Institutioneel geweld herkennen",
     "Quand nos règles et nos pratiques deviennent violentes.", "Wanneer onze regels en praktijken gewelddadig worden."},
    {"VIO-05", "violence", 90, "Travail du sexe : accueil et réduction des risques", "Sekswerk: onthaal en schadebeperking",
     "Accueillir sans jugement les travailleur·euse·s du sexe.", "Sekswerkers zonder oordeel onthalen."},
    {"ETH-01", "ethics", 180, "Secret professionnel et secret partagé", "Beroepsgeheim en gedeeld beroepsgeheim",
     "Ce que dit la loi et comment partager l'information utile.", "Wat de wet zegt en hoe nuttige informatie te delen."},
    {"ETH-02", "ethics", 180, "Décider dans l'incertitude : la délibération éthique", "Beslissen in onzekerheid: ethisch overleg",
     "Une méthode de délibération pour les situations sans bonne réponse.", "Een overlegmethode voor situaties zonder goed antwoord."},
    {"ETH-03", "ethics", 120, "Contrainte et consentement aux soins", "Dwang en toestemming in de zorg",
     "Respecter l'autonomie quand la personne refuse l'aide.", "Autonomie respecteren wanneer iemand hulp weigert."},
    {"ETH-04", "ethics", 120, "Mourir à la rue : accompagner la fin de vie", "Sterven op straat: levenseinde begeleiden",
     "Soins palliatifs, deuil et hommage aux personnes décédées en rue.", "Palliatieve zorg, rouw en herdenking van mensen die op straat stierven."},
    {"ETH-05", "ethics", 90, "La juste distance professionnelle", "De juiste professionele afstand",
     "Entre proximité et distance : trouver sa place dans la relation.", "Tussen nabijheid en afstand: je plaats in de relatie vinden."},
    {"ETH-06", "ethics", 180, "Travail en réseau et partage d'informations (RGPD)", "Netwerken en gegevensdeling (AVG)",
     "Partager des données dans le respect du RGPD et des personnes.", "Gegevens delen met respect voor de AVG en voor de personen."},
};

// Trainer index (0..8 = person8..person16) -> themes they teach.
const char* const kTrainerThemes[9][3] = {
    {"mental_health", "crisis", "reception"},    {"mental_health", "reception", "ethics"},
    {"substance_use", "low_threshold", "crisis"}, {"peer_support", "mental_health", "reception"},
    {"peer_support", "ethics", "low_threshold"},  {"crisis", "violence", "reception"},
    {"violence", "ethics", "mental_health"},      {"low_threshold", "substance_use", "reception"},
    {"substance_use", "peer_support", "violence"},
};

struct DaySeed { int month, day; const char *start, *end; };
struct TrainingSeed {
    const char* suffix;
    const char *fr, *nl;
    std::vector<const char*> modules;
    std::vector<DaySeed> days;
    int trainer_a, trainer_b;  // indexes into the trainer pool
    int seats;
    int price_cents;           // 0 = free
    const char* languages;
    const char* venue;
    int registrations;         // how many ask (more than seats: a waiting list)
};

std::vector<TrainingSeed> training_seeds() {
    return {
        {"01", "Sensibilisation à la santé mentale (trois jours)", "Sensibilisering geestelijke gezondheid (drie dagen)",
         {"SM-01", "SM-02", "SM-03"}, {{3, 10, "09:30", "16:30"}, {3, 17, "09:30", "16:30"}, {3, 24, "09:30", "16:30"}},
         0, 1, 18, 9000, "fr", "Maison des associations, Bruxelles", 22},
        {"02", "Accueillir et écouter en grande précarité", "Onthaal en luisteren bij grote armoede", {"ACC-01", "ACC-02"},
         {{2, 5, "09:30", "16:30"}}, 1, 7, 16, 0, "fr", "Maison des associations, Bruxelles", 16},
        {"03", "Produits, usages et réduction des risques", "Middelen, gebruik en schadebeperking", {"DRO-01", "DRO-02"},
         {{4, 21, "09:30", "16:30"}}, 2, 8, 16, 0, "fr,nl", "Centre culturel, Saint-Gilles", 15},
        {"04", "Qu'est-ce que la pair-aidance ?", "Wat is ervaringsdeskundigheid?", {"PAIR-01"}, {{5, 7, "09:30", "16:30"}},
         3, 4, 20, 0, "fr", "Maison des associations, Bruxelles", 19},
        {"05", "Agressivité : prévenir et désamorcer", "Agressie: voorkomen en de-escaleren", {"CRI-01"}, {{5, 19, "09:30", "16:30"}},
         0, 5, 14, 6000, "fr", "Centre culturel, Saint-Gilles", 18},
        {"06", "Crise psychique et crise suicidaire", "Psychische en suïcidale crisis", {"CRI-02", "CRI-04"},
         {{6, 11, "09:30", "16:30"}}, 0, 5, 16, 6000, "fr", "Maison des associations, Bruxelles", 17},
        {"07", "Travailler à bas seuil et ouvrir les droits", "Laagdrempelig werken en rechten openen", {"BAS-01", "BAS-02"},
         {{9, 22, "09:30", "16:30"}}, 2, 7, 16, 0, "fr", "Centre culturel, Saint-Gilles", 12},
        {"08", "Housing First et travail de rue", "Housing First en straathoekwerk", {"BAS-04", "BAS-03"},
         {{10, 1, "09:30", "14:30"}}, 4, 7, 16, 0, "fr,nl", "Maison des associations, Bruxelles", 14},
        {"09", "Violences : repérer et accueillir la parole", "Geweld: herkennen en het verhaal opvangen", {"VIO-01", "VIO-02"},
         {{10, 15, "09:30", "16:30"}}, 5, 6, 16, 0, "fr", "Maison des associations, Bruxelles", 16},
        {"10", "Secret partagé et délibération éthique", "Gedeeld beroepsgeheim en ethisch overleg", {"ETH-01", "ETH-02"},
         {{11, 5, "09:30", "16:30"}}, 1, 6, 18, 0, "fr", "Centre culturel, Saint-Gilles", 13},
        {"11", "Double diagnostic et psychose", "Dubbele diagnose en psychose", {"DRO-05", "SM-04"}, {{11, 19, "09:30", "16:30"}},
         8, 0, 16, 6000, "fr", "Maison des associations, Bruxelles", 16},
        {"12", "Ervaringsdeskundigen in het team", "Ervaringsdeskundigen in het team", {"PAIR-03", "PAIR-05"},
         {{12, 8, "09:30", "16:30"}}, 3, 8, 14, 0, "nl", "Huis van de verenigingen, Brussel", 9},
        {"13", "Entretien motivationnel : les bases", "Motiverende gespreksvoering: de basis", {"ACC-04"},
         {{12, 15, "09:30", "16:30"}}, 7, 1, 16, 6000, "fr", "Maison des associations, Bruxelles", 6},
    };
}

const char* kExpectations[] = {
    "Mieux comprendre les troubles que je rencontre au travail",
    "Savoir réagir quand une situation dégénère",
    "Connaître les services vers qui orienter",
    "Échanger avec des collègues d'autres secteurs",
    "Trouver des outils concrets pour mon équipe",
    "Oser aborder le sujet avec les personnes accompagnées",
};

// A small deterministic generator, so the demo is the same on every run.
struct Lcg {
    uint32_t state;
    uint32_t next() { return state = state * 1664525u + 1013904223u; }
    int below(int n) { return static_cast<int>((next() >> 8) % static_cast<uint32_t>(n)); }
};

int64_t person_id(Database& db, int number) {
    auto p = PersonRepository(db).find_by_email(fmt::format("person{}@example.org", number));
    return p ? p->id : 0;
}

}  // namespace

void seed_catalogue_demo(Database& db, const DemoContext& context) {
    // The themes are the catalogue's reference data: its first migration adds them.
    db.sql().exec("INSERT OR REPLACE INTO setting(key, value) VALUES('catalogue.organisation', 'Maillage — formations (démo)'), "
                  "('catalogue.contact_email', 'formation@example.org')");
    const int year = context.year;
    CatalogueStore store(db);
    RegistrationService registrations(db);
    SessionRepository sessions(db);

    // Modules: most sheets have a second version (an edit made before the edition).
    for (const auto& m : kModules) {
        catalog::ModuleSheet s;
        s.code = m.code;
        s.theme_code = m.theme;
        s.duration_minutes = m.minutes;
        s.title = {m.fr, m.nl, {}};
        s.description = {m.desc_fr, m.desc_nl, {}};
        s.objectives = "- Comprendre les notions clés du module\n- Les relier à des situations vécues au travail\n"
                       "- Repartir avec des pistes concrètes pour sa pratique";
        s.content = std::string("Apports théoriques courts, illustrés de situations de terrain : ") + m.desc_fr;
        s.methods = "Exposés interactifs, études de cas apportés par les participant·e·s, jeux de rôle, échanges de pratiques.";
        s.audience = "Travailleur·euse·s de première ligne du social, de la santé et du sans-abrisme.";
        s.prerequisites = "Aucun.";
        store.save_module(s);
        s.methods += " Support écrit remis en fin de séance.";
        store.save_module(s);
    }

    // Trainers person8..person16: qualified for the modules of their themes.
    std::vector<int64_t> trainers;
    for (int i = 0; i < 9; ++i) trainers.push_back(person_id(db, 8 + i));
    for (int i = 0; i < 9; ++i) {
        if (!trainers[i]) continue;
        for (const auto& m : kModules)
            for (const char* theme : kTrainerThemes[i])
                if (std::string(m.theme) == theme) store.qualify(trainers[i], store.module(m.code)->module_id);
    }
    if (trainers[4]) store.add_unavailability(trainers[4], fmt::format("{}-07-01", year), fmt::format("{}-08-31", year), "congé");

    auto programme = ProgrammeRepository(db).find_by_code("formation");
    std::optional<int64_t> programme_id = programme ? std::optional<int64_t>(programme->id) : std::nullopt;

    // Evaluation questionnaire and the request analysis (core questionnaires).
    QuestionnaireRepository questionnaires(db);
    auto evaluation = kEvaluation.blank("Évaluation de la formation");
    evaluation.questions = {{0, 1, "rating", "Satisfaction générale", {}, 1, 5, true},
                            {0, 2, "rating", "Utilité pour ma pratique", {}, 1, 5, false},
                            {0, 3, "text", "Commentaire", {}, 1, 5, false}};
    int64_t evaluation_id = questionnaires.save(evaluation);
    Questionnaire request;
    request.code = "catalogue-request";
    request.title = "Analyse de la demande de formation sur mesure";
    request.purpose = "intake";
    request.owner = "catalogue";
    request.questions = {{0, 1, "text", "Quelle est la demande de l'institution ?", {}, 1, 5, true},
                         {0, 2, "text", "Quelles situations l'équipe rencontre-t-elle ?", {}, 1, 5, false},
                         {0, 3, "text", "Public et nombre de participant·e·s", {}, 1, 5, false}};
    int64_t request_id = questionnaires.save(request);
    auto eval_q = *questionnaires.get(evaluation_id);

    const std::string edition = std::to_string(year);
    store.ensure_edition(edition, year);
    {
        SQLite::Statement title(db.sql(), "UPDATE catalogue_edition SET title = ? WHERE code = ? AND (title IS NULL OR title = '')");
        bind_all(title, fmt::format("Catalogue des formations {}", year), edition);
        title.exec();
    }
    Lcg rng{20260u + static_cast<uint32_t>(year)};
    int next_participant = 41;  // workers are person41..person200
    const std::string today_cutoff = fmt::format("{}-11-25", year);

    auto run_training = [&](int64_t training_id, int wanted, const std::vector<int64_t>& pool) {
        auto t = *store.training(training_id);
        std::vector<int64_t> people = pool;
        while (static_cast<int>(people.size()) < wanted) {
            int64_t id = person_id(db, next_participant);
            next_participant = next_participant >= 200 ? 41 : next_participant + 1;
            if (id) people.push_back(id);
        }
        for (int i = 0; i < wanted && i < static_cast<int>(people.size()); ++i) registrations.register_person(training_id, people[i]);
        // One cancellation per full training: the first on the waiting list moves up.
        auto list = registrations.list(training_id);
        if (!list.empty() && list.back().status == "waiting")
            registrations.cancel(training_id, list.front().person_id, "empêchement professionnel");
        bool held = false;
        for (auto sid : t.day_session_ids) {
            auto s = *sessions.get(sid);
            if (s.date >= today_cutoff) continue;
            held = true;
            s.status = "held";
            sessions.update(s);
            for (const auto& r : registrations.list(training_id)) {
                if (r.status != "registered") continue;
                int roll = rng.below(100);
                registrations.set_attendance(sid, r.person_id, roll < 86 ? "present" : roll < 94 ? "excused" : "absent");
            }
        }
        if (!held) return;
        for (const auto& r : registrations.list(training_id)) {
            if (r.status != "registered" || registrations.hours_attended(training_id, r.person_id) <= 0) continue;
            auto id = registrations.add_expectation(training_id, r.person_id, kExpectations[rng.below(6)]);
            int roll = rng.below(100);
            registrations.set_expectation_met(id, roll < 68 ? "yes" : roll < 92 ? "partly" : "no");
            if (rng.below(100) < 75) {
                Response resp;
                resp.questionnaire_id = evaluation_id;
                resp.person_id = r.person_id;
                resp.subject_kind = "catalogue_training";
                resp.subject_id = training_id;
                resp.answers[eval_q.questions[0].id] = {3.0 + rng.below(3), {}};
                resp.answers[eval_q.questions[1].id] = {2.0 + rng.below(4), {}};
                questionnaires.submit(resp);
            }
        }
    };

    for (const auto& seed : training_seeds()) {
        TrainingInput in;
        in.kind = "open";
        in.edition = edition;
        in.code = edition + "-" + seed.suffix;
        in.title = {seed.fr, seed.nl, {}};
        in.venue = seed.venue;
        in.seats = seed.seats;
        if (seed.price_cents > 0) in.price_cents = seed.price_cents;
        in.languages = split(seed.languages, ',');
        in.registration_url = "https://www.example.org/formations/" + in.code;
        in.module_codes.assign(seed.modules.begin(), seed.modules.end());
        const auto& first = seed.days.front();
        in.registration_deadline = fmt::format("{}-{:02}-{:02}", year, first.day > 7 ? first.month : std::max(1, first.month - 1),
                                               first.day > 7 ? first.day - 7 : 28);
        int64_t id = store.create_training(in);
        for (const auto& d : seed.days)
            store.add_day(id, {fmt::format("{}-{:02}-{:02}", year, d.month, d.day), d.start, d.end, {},
                               {trainers[seed.trainer_a], trainers[seed.trainer_b]}, "planned", programme_id, std::nullopt});
        run_training(id, seed.registrations, {});
    }

    // Two custom trainings, composed for institutions after analysing their request.
    auto institutions = InstitutionRepository(db).search("", 60);
    auto custom = [&](std::size_t inst_index, const std::string& suffix, const std::string& fr, const std::string& nl,
                      std::vector<std::string> modules, const std::string& status, std::vector<DaySeed> days, int a, int b,
                      const std::string& ask) {
        if (inst_index >= institutions.size()) return;
        const auto& inst = institutions[inst_index];
        Response analysis;
        analysis.questionnaire_id = request_id;
        analysis.subject_kind = "catalogue_request";
        analysis.subject_id = inst.id;
        auto rq = *questionnaires.get(request_id);
        analysis.answers[rq.questions[0].id] = {std::nullopt, ask};
        analysis.answers[rq.questions[1].id] = {std::nullopt, "Tensions à l'accueil, personnes en souffrance psychique sans suivi."};
        analysis.answers[rq.questions[2].id] = {std::nullopt, "L'équipe d'accueil, une douzaine de personnes."};
        int64_t response_id = questionnaires.submit(analysis);
        TrainingInput in;
        in.kind = "custom";
        in.code = edition + "-SM" + suffix;
        in.title = {fr, nl, {}};
        in.venue = inst.name;
        in.institution_id = inst.id;
        in.request = ask;
        in.analysis_response_id = response_id;
        in.status = status;
        in.module_codes = modules;
        int64_t id = store.create_training(in);
        for (const auto& d : days)
            store.add_day(id, {fmt::format("{}-{:02}-{:02}", year, d.month, d.day), d.start, d.end, {}, {trainers[a], trainers[b]},
                               "planned", programme_id, std::nullopt});
        // The institution's own workers take part.
        std::vector<int64_t> staff;
        SQLite::Statement q(db.sql(), "SELECT DISTINCT person_id FROM employment WHERE institution_id = ? AND end_date IS NULL LIMIT 12");
        q.bind(1, inst.id);
        while (q.executeStep()) staff.push_back(q.getColumn(0).getInt64());
        if (status == "planned") run_training(id, static_cast<int>(staff.size()), staff);
    };
    custom(3, "1", "Santé mentale à l'accueil (sur mesure)", "Geestelijke gezondheid aan het onthaal (op maat)",
           {"ACC-01", "SM-04", "CRI-01"}, "planned", {{6, 2, "09:00", "16:00"}, {6, 9, "09:00", "12:00"}}, 0, 5,
           "Former l'équipe d'accueil à la rencontre de personnes en souffrance psychique.");
    custom(12, "2", "Réduction des risques en maison d'accueil (sur mesure)", "Schadebeperking in het opvanghuis (op maat)",
           {"DRO-01", "DRO-02", "DRO-04"}, "proposed", {{12, 10, "09:30", "16:30"}, {12, 17, "09:30", "12:00"}}, 2, 8,
           "Adapter le règlement et les pratiques à la consommation des résident·e·s.");
}

}  // namespace maillage::catalogue
