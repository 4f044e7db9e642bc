#include "catalogue_documents.h"

#include "catalog/html_writer.h"
#include "catalog/site_publisher.h"
#include "catalog/site_texts.h"
#include "catalogue_publish.h"
#include "catalogue_registrations.h"
#include "catalogue_store.h"
#include "catalogue_mail.h"
#include "core/locale_format.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/single_line.h"
#include "core/pdf.h"
#include "core/progress.h"
#include "core/people.h"
#include "core/sessions.h"
#include "core/today.h"

#include <fmt/format.h>

#include <ctime>
#include <fstream>

namespace maillage::catalogue {
namespace {

void write_file(const std::filesystem::path& file, const std::string& text) {
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw Error(trf("Cannot write {file}.", fmt::arg("file", file.string())));
}

}  // namespace

namespace {
// The training's days that are not cancelled, one "lundi 14 septembre 2026 (09:30–16:00)" each.
std::vector<std::string> training_days(Database& db, const TrainingRow& t, const std::string& lang) {
    SessionRepository sessions(db);
    std::vector<std::string> days;
    for (auto id : t.day_session_ids) {
        auto s = sessions.get(id);
        if (s->status != "cancelled")
            days.push_back(catalog::long_date(lang, s->date) + " (" + s->start_time + "–" + s->end_time + ")");
    }
    return days;
}

// The certificate's "le 14 septembre…", "les 14 et 21…" in French, "op …" in Dutch.
std::string on_dates(Database& db, const TrainingRow& t, const std::string& lang) {
    const auto days = training_days(db, t, lang);
    return (lang == "nl" ? "op " : days.size() > 1 ? "les " : "le ") + fmt::format("{}", fmt::join(days, ", "));
}
}  // namespace

std::string dates_of(Database& db, const TrainingRow& t, const std::string& lang) {
    return fmt::format("{}", fmt::join(training_days(db, t, lang), ", "));
}

// The recipient's language: theirs when known, else the training's when it is given in
// Dutch only, else French.
bool dutch_for(const Person* p, const TrainingRow& t) {
    if (p && !p->language.empty()) return p->language == "nl";
    return t.input.languages.size() == 1 && t.input.languages.front() == "nl";
}


CertificatesResult write_certificates(Database& db, const std::string& code, const std::filesystem::path& out_dir,
                                      bool make_pdf, std::optional<int64_t> person_id, Progress* progress) {
    auto t = require_training(db, code);
    RegistrationService registrations(db);
    PersonRepository people(db);
    std::string organisation = organisation_name(db);
    std::string pages;
    std::vector<pdf::Certificate> certificates;
    CertificatesResult result;
    const auto all = registrations.list(t.id);
    std::size_t done = 0;
    std::string file_stem = "certificates-" + catalog::safe_file_name(code);
    for (const auto& r : all) {
        ++done;
        if (person_id && r.person_id != *person_id) continue;
        double hours = registrations.hours_attended(t.id, r.person_id);
        if (hours <= 0) continue;
        auto p = people.get(r.person_id);
        step(progress, done, all.size(), p ? p->display_name() : std::string());
        if (person_id && p) file_stem += "-" + catalog::safe_file_name(p->display_name());
        bool nl = dutch_for(p ? &*p : nullptr, t);
        std::string lang = nl ? "nl" : "fr";
        pages += fmt::format(
            "<section class=\"certificate\" lang=\"{lang}\"><p class=\"org\">{org}</p><h1>{heading}</h1>"
            "<p>{certify}</p><p class=\"name\">{name}</p><p>{took}</p><p class=\"training\">{title}</p>"
            "<p>{dates}</p><p class=\"hours\">{hours_label} : {hours} h</p><p class=\"sign\">{done}</p></section>\n",
            fmt::arg("lang", lang), fmt::arg("org", catalog::html_escape(organisation)),
            fmt::arg("heading", nl ? "Attest van deelname" : "Attestation de participation"),
            fmt::arg("certify", nl ? "Wij bevestigen dat" : "Nous certifions que"),
            fmt::arg("name", catalog::html_escape(p ? p->display_name() : "")),
            fmt::arg("took", nl ? "heeft deelgenomen aan de vorming" : "a participé à la formation"),
            fmt::arg("title", catalog::html_escape(t.input.title.get(lang))), 
            fmt::arg("dates", catalog::html_escape(on_dates(db, t, lang))),
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
        c.details.push_back(on_dates(db, t, lang));
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
    result.html = out_dir / (file_stem + ".html");
    write_file(result.html, html);
    if (make_pdf && !certificates.empty()) {
        // Drawn natively (cairo and pango), one page per participant: no browser to start.
        auto file = out_dir / (file_stem + ".pdf");
        pdf::write_certificates(file, certificates);
        result.pdf = file;
    }
    return result;
}

int mail_merge(Database& db, const std::string& code, const std::string& kind, const std::filesystem::path& out) {
    std::string text;
    int count = 0;
    for (const auto& m : compose_messages(db, code, kind)) {
        // Header values are one line whatever the data holds: a line break in a name must
        // not add a header (Bcc:) to the message.
        text += fmt::format("To: {} <{}>\nSubject: {}\n\n{}\n--------------------------------------------------------------\n",
                            header_text(m.to_name), header_text(m.to_email), header_text(m.subject), m.body);
        ++count;
    }
    write_file(out, text);
    return count;
}

}  // namespace maillage::catalogue
