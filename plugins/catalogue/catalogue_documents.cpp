#include "catalogue_documents.h"

#include "catalog/html_writer.h"
#include "catalog/site_publisher.h"
#include "catalog/site_texts.h"
#include "catalogue_publish.h"
#include "catalogue_registrations.h"
#include "catalogue_store.h"
#include "core/locale_format.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/single_line.h"
#include "core/pdf.h"
#include "core/people.h"
#include "core/sessions.h"

#include <fmt/format.h>

#include <ctime>
#include <fstream>

namespace maillage::catalogue {
namespace {

TrainingRow require_training(Database& db, const std::string& code) {
    auto t = CatalogueStore(db).training(code);
    if (!t) throw Error(trf("Unknown training {code}.", fmt::arg("code", code)));
    return *t;
}

std::string dates_of(Database& db, const TrainingRow& t, const std::string& lang) {
    SessionRepository sessions(db);
    std::string out;
    for (auto id : t.day_session_ids) {
        auto s = sessions.get(id);
        if (s->status == "cancelled") continue;
        out += (out.empty() ? "" : ", ") + catalog::long_date(lang, s->date) + " (" + s->start_time + "–" + s->end_time + ")";
    }
    return out;
}

// The recipient's language: theirs when known, else the training's when it is given in
// Dutch only, else French.
bool dutch_for(const Person* p, const TrainingRow& t) {
    if (p && !p->language.empty()) return p->language == "nl";
    return t.input.languages.size() == 1 && t.input.languages.front() == "nl";
}

void write_file(const std::filesystem::path& file, const std::string& text) {
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw Error(trf("Cannot write {file}.", fmt::arg("file", file.string())));
}

std::string today_iso() {
    const auto t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return fmt::format("{:04d}-{:02d}-{:02d}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

}  // namespace

CertificatesResult write_certificates(Database& db, const std::string& code, const std::filesystem::path& out_dir,
                                      bool make_pdf) {
    auto t = require_training(db, code);
    RegistrationService registrations(db);
    PersonRepository people(db);
    std::string organisation = organisation_name(db);
    std::string pages;
    std::vector<pdf::Certificate> certificates;
    CertificatesResult result;
    for (const auto& r : registrations.list(t.id)) {
        double hours = registrations.hours_attended(t.id, r.person_id);
        if (hours <= 0) continue;
        auto p = people.get(r.person_id);
        bool nl = dutch_for(p ? &*p : nullptr, t);
        std::string lang = nl ? "nl" : "fr";
        pages += fmt::format(
            "<section class=\"certificate\" lang=\"{lang}\"><p class=\"org\">{org}</p><h1>{heading}</h1>"
            "<p>{certify}</p><p class=\"name\">{name}</p><p>{took}</p><p class=\"training\">{title}</p>"
            "<p>{on} {dates}</p><p class=\"hours\">{hours_label} : {hours} h</p><p class=\"sign\">{done}</p></section>\n",
            fmt::arg("lang", lang), fmt::arg("org", catalog::html_escape(organisation)),
            fmt::arg("heading", nl ? "Attest van deelname" : "Attestation de participation"),
            fmt::arg("certify", nl ? "Wij bevestigen dat" : "Nous certifions que"),
            fmt::arg("name", catalog::html_escape(p ? p->display_name() : "")),
            fmt::arg("took", nl ? "heeft deelgenomen aan de vorming" : "a participé à la formation"),
            fmt::arg("title", catalog::html_escape(t.input.title.get(lang))), fmt::arg("on", nl ? "op" : "le(s)"),
            fmt::arg("dates", catalog::html_escape(dates_of(db, t, lang))),
            fmt::arg("hours_label", nl ? "Effectief bijgewoonde uren" : "Heures effectivement suivies"),
            fmt::arg("hours", (locale::ScopedLanguage(lang), locale::number(hours, 2))),
            fmt::arg("done", nl ? "Voor de organisatie, de vormingscoördinator" : "Pour l'organisation, la coordination des formations"));
        pdf::Certificate c;
        c.organisation = organisation;
        c.title = nl ? "Attest van deelname" : "Attestation de participation";
        c.certify = nl ? "Wij bevestigen dat" : "Nous certifions que";
        c.name = p ? p->display_name() : "";
        c.took_part = nl ? "heeft deelgenomen aan de vorming" : "a participé à la formation";
        c.event = t.input.title.get(lang);
        if (!t.input.venue.empty()) c.details.push_back(t.input.venue);
        c.details.push_back((nl ? "op " : "le(s) ") + dates_of(db, t, lang));
        c.details.push_back(fmt::format("{} : {:g} h", nl ? "Effectief bijgewoonde uren" : "Heures effectivement suivies", hours));
        c.place_and_date = (nl ? "Uitgereikt op " : "Délivrée le ") + catalog::long_date(lang, today_iso());
        c.signature = nl ? "Voor de organisatie, de vormingscoördinator" : "Pour l'organisation, la coordination des formations";
        certificates.push_back(std::move(c));
        ++result.count;
    }
    std::string html = "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\" />\n<title>" +
                       catalog::html_escape(t.input.title.fr) +
                       "</title>\n<style>body{font-family:'DejaVu Serif',Georgia,serif;margin:0}"
                       ".certificate{box-sizing:border-box;min-height:95vh;padding:3cm 2.5cm;text-align:center;break-after:page;"
                       "border:6px double #083a50;margin:1cm}.org{font-weight:bold;color:#083a50}h1{font-size:2.2rem;color:#083a50}"
                       ".name,.training{font-size:1.5rem;font-weight:bold}.hours{font-size:1.2rem}.sign{margin-top:3cm;text-align:right}"
                       "@page{size:A4;margin:0}</style>\n</head>\n<body>\n" +
                       pages + "</body>\n</html>\n";
    result.html = out_dir / ("certificates-" + catalog::safe_file_name(code) + ".html");
    write_file(result.html, html);
    if (make_pdf && !certificates.empty()) {
        // Drawn natively (cairo and pango), one page per participant: no browser to start.
        auto file = out_dir / ("certificates-" + catalog::safe_file_name(code) + ".pdf");
        pdf::write_certificates(file, certificates);
        result.pdf = file;
    }
    return result;
}

int mail_merge(Database& db, const std::string& code, const std::string& kind, const std::filesystem::path& out) {
    if (kind != "confirmation" && kind != "reminder") throw Error(tr("The kind of message is confirmation or reminder."));
    auto t = require_training(db, code);
    RegistrationService registrations(db);
    PersonRepository people(db);
    std::string organisation = organisation_name(db);
    std::string text;
    int count = 0;
    for (const auto& r : registrations.list(t.id)) {
        if (r.status == "cancelled" || (kind == "reminder" && r.status != "registered")) continue;
        auto p = people.get(r.person_id);
        if (!p || p->erased) continue;
        bool nl = dutch_for(&*p, t);
        std::string lang = nl ? "nl" : "fr";
        std::string title = t.input.title.get(lang);
        std::string subject, body;
        std::string dates = dates_of(db, t, lang);
        if (kind == "confirmation" && r.status == "registered") {
            subject = nl ? "Bevestiging van uw inschrijving: " + title : "Confirmation de votre inscription : " + title;
            body = nl ? fmt::format("Beste {},\n\nUw inschrijving voor de vorming \"{}\" is bevestigd.\nData: {}\nPlaats: {}\n\n"
                                    "Kan u niet komen? Laat het ons weten, zodat iemand van de wachtlijst uw plaats kan innemen.\n\n{}\n",
                                    header_text(p->first_name), title, dates, t.input.venue, organisation)
                      : fmt::format("Bonjour {},\n\nVotre inscription à la formation « {} » est confirmée.\nDates : {}\nLieu : {}\n\n"
                                    "En cas d'empêchement, prévenez-nous : une personne en liste d'attente pourra prendre votre place.\n\n{}\n",
                                    header_text(p->first_name), title, dates, t.input.venue, organisation);
        } else if (kind == "confirmation") {
            subject = nl ? "Wachtlijst: " + title : "Liste d'attente : " + title;
            body = nl ? fmt::format("Beste {},\n\nDe vorming \"{}\" is volzet. U staat op plaats {} van de wachtlijst; "
                                    "we verwittigen u zodra er een plaats vrijkomt.\n\n{}\n",
                                    header_text(p->first_name), title, r.waiting_position.value_or(0), organisation)
                      : fmt::format("Bonjour {},\n\nLa formation « {} » est complète. Vous êtes en position {} sur la liste d'attente ; "
                                    "nous vous préviendrons dès qu'une place se libère.\n\n{}\n",
                                    header_text(p->first_name), title, r.waiting_position.value_or(0), organisation);
        } else {
            subject = nl ? "Herinnering: " + title : "Rappel : " + title;
            body = nl ? fmt::format("Beste {},\n\nWe herinneren u aan de vorming \"{}\".\nData: {}\nPlaats: {}\n\nTot dan!\n{}\n",
                                    header_text(p->first_name), title, dates, t.input.venue, organisation)
                      : fmt::format("Bonjour {},\n\nNous vous rappelons la formation « {} ».\nDates : {}\nLieu : {}\n\nÀ bientôt !\n{}\n",
                                    header_text(p->first_name), title, dates, t.input.venue, organisation);
        }
        // Header values are one line whatever the data holds: a line break in a name must
        // not add a header (Bcc:) to the message.
        text += fmt::format("To: {} <{}>\nSubject: {}\n\n{}\n--------------------------------------------------------------\n",
                            header_text(p->display_name()), header_text(p->email), header_text(subject), body);
        ++count;
    }
    write_file(out, text);
    return count;
}

}  // namespace maillage::catalogue
