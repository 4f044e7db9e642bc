#include "catalog/site_texts.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <utility>

namespace maillage::catalog {
namespace {
using Texts = std::map<std::string, std::pair<std::string, std::string>>;  // key -> {fr, nl}

const Texts& texts() {
    static const Texts t = {
        {"catalogue", {"Catalogue des formations", "Vormingscatalogus"}},
        {"edition", {"Édition", "Editie"}},
        {"skip", {"Aller au contenu", "Naar de inhoud"}},
        {"nav", {"Navigation principale", "Hoofdnavigatie"}},
        {"home", {"Accueil", "Startpagina"}},
        {"themes", {"Modules par thème", "Modules per thema"}},
        {"open_trainings", {"Formations ouvertes", "Open vormingen"}},
        {"calendar", {"Calendrier", "Kalender"}},
        {"booklet", {"Brochure imprimable", "Afdrukbare brochure"}},
        {"search", {"Rechercher", "Zoeken"}},
        {"search_label", {"Rechercher un module ou une formation par mot-clé",
                          "Een module of vorming zoeken op trefwoord"}},
        {"search_placeholder", {"ex. : crise, écoute, pair-aidance", "bv. crisis, luisteren, ervaringsdeskundigheid"}},
        {"search_none", {"Aucun résultat.", "Geen resultaten."}},
        {"search_count", {"résultat(s)", "resultaat/resultaten"}},
        {"language_switch", {"Nederlands", "Français"}},
        {"language_switch_label", {"Deze pagina in het Nederlands", "Cette page en français"}},
        {"module", {"Module", "Module"}},
        {"modules", {"Modules", "Modules"}},
        {"duration", {"Durée", "Duur"}},
        {"theme", {"Thème", "Thema"}},
        {"description", {"Description", "Beschrijving"}},
        {"objectives", {"Objectifs", "Doelstellingen"}},
        {"content", {"Contenu", "Inhoud"}},
        {"methods", {"Méthodes", "Methodes"}},
        {"audience", {"Public", "Doelgroep"}},
        {"prerequisites", {"Prérequis", "Voorkennis"}},
        {"trainers", {"Formateur·rice·s", "Vormingsgevers"}},
        {"sheet_version", {"Fiche version", "Fiche versie"}},
        {"given_in", {"Au programme de", "Op het programma van"}},
        {"not_scheduled", {"Pas de session ouverte cette année : disponible en formation sur mesure.",
                           "Geen open sessie dit jaar: beschikbaar als vorming op maat."}},
        {"dates", {"Dates", "Data"}},
        {"date", {"Date", "Datum"}},
        {"time", {"Horaire", "Uur"}},
        {"venue", {"Lieu", "Plaats"}},
        {"seats", {"Places", "Plaatsen"}},
        {"seats_left", {"places disponibles", "plaatsen vrij"}},
        {"seat_left", {"place disponible", "plaats vrij"}},
        {"full", {"Complet — inscription sur liste d'attente", "Volzet — inschrijving op de wachtlijst"}},
        {"seats_free", {"Places disponibles", "Plaatsen vrij"}},
        {"over", {"Terminée", "Afgelopen"}},
        {"past_trainings", {"Formations terminées", "Afgelopen vormingen"}},
        {"no_open_trainings", {"Aucune formation ouverte pour le moment.", "Momenteel geen open vormingen."}},
        {"add_to_calendar", {"Ajouter à mon agenda (.ics)", "Toevoegen aan mijn agenda (.ics)"}},
        {"price", {"Prix", "Prijs"}},
        {"free", {"Gratuit", "Gratis"}},
        {"deadline", {"Inscription jusqu'au", "Inschrijven tot"}},
        {"languages", {"Langue(s)", "Taal/talen"}},
        {"lang_fr", {"français", "Frans"}},
        {"lang_nl", {"néerlandais", "Nederlands"}},
        {"lang_en", {"anglais", "Engels"}},
        {"register", {"S'inscrire", "Inschrijven"}},
        {"register_to", {"S'inscrire à", "Inschrijven voor"}},
        {"hours", {"heures", "uur"}},
        {"days", {"jour(s)", "dag(en)"}},
        {"training", {"Formation", "Vorming"}},
        {"cancelled", {"annulé", "geannuleerd"}},
        {"intro", {"Des formations pour les professionnel·le·s du social et de la santé : accueil, santé mentale, "
                   "assuétudes, pair-aidance, crise, bas seuil, violences et éthique. Choisissez un thème, "
                   "une formation ouverte ou cherchez par mot-clé.",
                   "Vormingen voor professionals uit de sociale sector en de gezondheidszorg: onthaal, geestelijke "
                   "gezondheid, middelengebruik, ervaringsdeskundigheid, crisis, laagdrempelig werken, geweld en "
                   "ethiek. Kies een thema, een open vorming of zoek op trefwoord."}},
        {"custom", {"Tous nos modules peuvent aussi être organisés sur mesure pour votre institution : contactez-nous.",
                    "Alle modules kunnen ook op maat van uw organisatie worden georganiseerd: neem contact op."}},
        {"contact", {"Contact", "Contact"}},
        {"printed", {"Brochure — à imprimer ou enregistrer en PDF", "Brochure — om af te drukken of als pdf te bewaren"}},
        {"contents", {"Sommaire", "Inhoud"}},
        {"choose_language", {"Choisissez votre langue", "Kies uw taal"}},
        {"feed", {"Flux XML de l'édition", "XML-feed van de editie"}},
        {"back_to_index", {"Retour au catalogue", "Terug naar de catalogus"}},
        {"page_not_js", {"La recherche demande JavaScript ; la liste complète reste ci-dessous.",
                         "Zoeken vraagt JavaScript; de volledige lijst staat hieronder."}},
    };
    return t;
}

const char* kMonthsFr[] = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                           "août", "septembre", "octobre", "novembre", "décembre"};
const char* kMonthsNl[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
                           "augustus", "september", "oktober", "november", "december"};
const char* kDaysFr[] = {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"};
const char* kDaysNl[] = {"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"};
}  // namespace

const std::string& site_text(const std::string& language, const std::string& key) {
    const auto& entry = texts().at(key);
    return language == "nl" ? entry.second : entry.first;
}

std::string long_date(const std::string& language, const std::string& iso) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return "";
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok()) return "";
    unsigned wd = std::chrono::weekday{std::chrono::sys_days{ymd}}.c_encoding();
    bool nl = language == "nl";
    return fmt::format("{} {} {} {}", nl ? kDaysNl[wd] : kDaysFr[wd], d, nl ? kMonthsNl[m - 1] : kMonthsFr[m - 1], y);
}

std::string format_price(int cents) {
    return fmt::format("{},{:02} €", cents / 100, cents % 100);
}

}  // namespace maillage::catalog
