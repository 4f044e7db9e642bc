#include "exchange_outputs.h"

#include "events.h"
#include "registrations.h"
#include "text_match.h"

#include "core/audit.h"
#include "core/csv.h"
#include "core/database.h"
#include "core/error.h"
#include "core/html.h"
#include "core/i18n.h"
#include "core/pdf.h"
#include "core/people.h"
#include "core/programmes.h"
#include "core/sectors.h"
#include "core/sql_query.h"
#include "core/today.h"
#include "core/xlsx_cells.h"

#include "core/ical_zone.h"

#include <libical/ical.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <cstdlib>
#include <fstream>
#include <map>

namespace maillage::exchange {
namespace {

std::string format_hours(double h) {
    const int minutes = int(std::lround(h * 60));
    if (minutes % 60 == 0) return std::to_string(minutes / 60) + " h";
    return fmt::format("{} h {:02d}", minutes / 60, minutes % 60);
}

std::string file_safe(const std::string& text) {
    auto n = normalise_name(text);
    for (auto& c : n)
        if (c == ' ') c = '-';
    return n.empty() ? std::string("x") : n;
}

std::string compact(const std::string& iso_date, const std::string& time) {
    std::string d;
    for (char c : iso_date)
        if (c != '-') d += c;
    if (time.empty()) return d;
    std::string t;
    for (char c : time)
        if (c != ':') t += c;
    return d + "T" + t + "00";
}

// The organisation named on certificates: the setting "organisation.name" when the
// organisation has set it, else the event's programme.
std::string organisation_of(Database& db, const Event& e) {
    if (auto name = select_first<std::string>(db.sql(), "SELECT value FROM setting WHERE key = 'organisation.name'");
        name && !name->empty())
        return *name;
    if (e.programme_id)
        if (auto p = ProgrammeRepository(db).get(*e.programme_id)) return p->name;
    return {};
}

// What a certificate states: the registration (attended), its event, the days held and
// the hours. Throws maillage::Error for an unknown registration or someone who did not come.
struct Attended {
    Registration r;
    std::optional<Event> e;
    std::string dates;
    double hours = 0;
};

Attended attended(Database& db, int64_t registration_id) {
    const auto r = RegistrationService(db).get(registration_id);
    if (!r) throw Error(tr("This registration does not exist."));
    if (r->status != "attended")
        throw Error(fmt::format(fmt::runtime(tr("{name} did not attend: no certificate.")),
                                fmt::arg("name", r->person_name)));
    EventRepository events(db);
    Attended a{*r, events.get(r->event_id), {}, events.hours(r->event_id)};
    for (const auto& d : events.days(r->event_id)) {
        if (d.status == "cancelled") continue;
        if (!a.dates.empty()) a.dates += ", ";
        a.dates += d.date;
        if (!d.start_time.empty() && !d.end_time.empty()) a.dates += " (" + d.start_time + "–" + d.end_time + ")";
    }
    return a;
}
}  // namespace

pdf::Certificate certificate_text(Database& db, int64_t registration_id) {
    const auto facts = attended(db, registration_id);
    const auto* r = &facts.r;
    const auto& e = facts.e;
    const auto& dates = facts.dates;
    pdf::Certificate c;
    c.organisation = e ? organisation_of(db, *e) : std::string();
    c.title = tr("Certificate of attendance");
    c.certify = tr("We certify that");
    c.name = r->person_name;
    c.institution = r->institution_name;
    c.took_part = tr("took part in");
    c.event = e ? e->title : std::string();
    if (e && !e->venue.empty()) c.details.push_back(e->venue);
    if (!dates.empty()) c.details.push_back(tr("Date(s): ") + dates);
    if (facts.hours > 0) c.details.push_back(tr("Duration: ") + format_hours(facts.hours));
    if (r->role != "participant") c.details.push_back(tr("Role: ") + role_label(r->role));
    c.place_and_date = trf("Issued on {date}", fmt::arg("date", today_iso()));
    c.signature = tr("For the organisers");
    return c;
}

std::string certificate_html(Database& db, int64_t registration_id) {
    const auto facts = attended(db, registration_id);
    const auto* r = &facts.r;
    const auto& e = facts.e;
    const auto& dates = facts.dates;
    const auto hours = facts.hours;
    std::string html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" +
                       html_escape(tr("Certificate of attendance")) + "</title>\n<style>"
                       "body{font-family:sans-serif;margin:3cm 2.5cm;color:#222}"
                       "h1{font-size:28pt;text-align:center;margin-bottom:2cm}"
                       "p{font-size:14pt;line-height:1.6}.name,.event{font-weight:bold}"
                       ".sign{margin-top:3cm;text-align:right}"
                       "@page{size:A4;margin:0}</style></head><body>\n";
    html += "<h1>" + html_escape(tr("Certificate of attendance")) + "</h1>\n";
    html += "<p>" + html_escape(tr("We certify that")) + " <span class=\"name\">" + html_escape(r->person_name) +
            "</span>";
    if (!r->institution_name.empty()) html += " (" + html_escape(r->institution_name) + ")";
    html += " " + html_escape(tr("took part in")) + " <span class=\"event\">" + html_escape(e ? e->title : "") +
            "</span>";
    if (e && !e->venue.empty()) html += ", " + html_escape(e->venue);
    html += ".</p>\n";
    if (!dates.empty()) html += "<p>" + html_escape(tr("Date(s): ")) + html_escape(dates) + "</p>\n";
    if (hours > 0)
        html += "<p>" + html_escape(tr("Duration: ")) + "<span class=\"hours\">" + format_hours(hours) +
                "</span></p>\n";
    if (r->role != "participant") html += "<p>" + html_escape(tr("Role: ")) + html_escape(role_label(r->role)) + "</p>\n";
    html += "<p class=\"sign\">" + html_escape(tr("For the organisers")) + "</p>\n</body></html>\n";
    return html;
}

std::string sign_in_sheet_html(Database& db, int64_t event_id) {
    EventRepository events(db);
    const auto e = events.get(event_id);
    if (!e) throw Error(tr("This event does not exist."));
    std::string html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" +
                       html_escape(tr("Sign-in sheet")) + "</title>\n<style>"
                       "body{font-family:sans-serif;margin:1.5cm}table{border-collapse:collapse;width:100%}"
                       "th,td{border:1px solid #888;padding:6px 8px;text-align:left}td.sign{width:30%}"
                       "tr{page-break-inside:avoid}</style></head><body>\n";
    html += "<h1>" + html_escape(e->title) + "</h1>\n<p>" + html_escape(events.first_date(event_id)) + " " +
            html_escape(e->venue) + "</p>\n";
    html += "<table><tr><th>#</th><th>" + html_escape(tr("Name")) + "</th><th>" + html_escape(tr("Institution")) +
            "</th><th>" + html_escape(tr("Role")) + "</th><th>" + html_escape(tr("Signature")) + "</th></tr>\n";
    int n = 0;
    for (const auto& r : RegistrationService(db).list(event_id)) {
        if (r.status == "cancelled") continue;
        html += "<tr><td>" + std::to_string(r.id) + "</td><td>" + html_escape(r.person_name) + "</td><td>" +
                html_escape(r.institution_name) + "</td><td>" + html_escape(role_label(r.role)) +
                "</td><td class=\"sign\"></td></tr>\n";
        ++n;
    }
    // Blank lines for walk-ins.
    for (int k = 0; k < 10; ++k) html += "<tr><td></td><td>&nbsp;</td><td></td><td></td><td class=\"sign\"></td></tr>\n";
    html += "</table>\n<p>" + html_escape(fmt::format(fmt::runtime(tr("{n} registrations.")), fmt::arg("n", n))) +
            "</p></body></html>\n";
    return html;
}

pdf::Sheet sign_in_sheet(Database& db, int64_t event_id) {
    EventRepository events(db);
    const auto e = events.get(event_id);
    if (!e) throw Error(tr("This event does not exist."));
    pdf::Sheet s;
    s.title = e->title;
    std::string when = events.first_date(event_id);
    if (!e->venue.empty()) when += (when.empty() ? "" : " — ") + e->venue;
    if (!when.empty()) s.subtitle.push_back(when);
    s.subtitle.push_back(tr("Sign-in sheet"));
    s.columns = {"#", tr("Name"), tr("Institution"), tr("Role"), tr("Signature")};
    s.widths = {0.6, 3.0, 3.4, 2.0, 2.4};
    int n = 0;
    for (const auto& r : RegistrationService(db).list(event_id)) {
        if (r.status == "cancelled") continue;
        s.rows.push_back({std::to_string(r.id), r.person_name, r.institution_name, role_label(r.role), ""});
        ++n;
    }
    s.blank_rows = 10;  // for walk-ins
    s.footer = fmt::format(fmt::runtime(tr("{n} registrations.")), fmt::arg("n", n));
    s.page_label = tr("Page");
    return s;
}

void write_sign_in_sheet_pdf(Database& db, int64_t event_id, const std::filesystem::path& file) {
    pdf::write_sheet(file, sign_in_sheet(db, event_id));
}

std::string find_chromium() {
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
        const char* path = std::getenv("PATH");
        std::string p = path ? path : "/usr/bin:/bin";
        size_t start = 0;
        while (start <= p.size()) {
            const auto end = p.find(':', start);
            const auto dir = p.substr(start, end == std::string::npos ? std::string::npos : end - start);
            const auto candidate = std::filesystem::path(dir.empty() ? "." : dir) / name;
            std::error_code ec;
            if (std::filesystem::is_regular_file(candidate, ec)) return candidate.string();
            if (end == std::string::npos) break;
            start = end + 1;
        }
    }
    return {};
}

CertificateFiles write_certificates(Database& db, int64_t event_id, std::optional<int64_t> person_id,
                                    const std::filesystem::path& dir, bool pdf, Progress* progress, bool html) {
    if (!html && !pdf) html = true;
    RegistrationService regs(db);
    CertificateFiles files;
    std::filesystem::create_directories(dir);
    files.pdf_tool_found = pdf;  // drawn natively (cairo and pango): always possible
    int64_t found = 0;
    std::vector<pdf::Certificate> pages;
    const auto all = regs.list(event_id);
    const auto total = static_cast<std::size_t>(
        std::count_if(all.begin(), all.end(), [&](const Registration& r) {
            return r.status == "attended" && (!person_id || r.person_id == *person_id);
        }));
    for (const auto& r : all) {
        if (person_id && r.person_id != *person_id) continue;
        if (r.status != "attended") {
            if (person_id) certificate_html(db, r.id);  // throws the "did not attend" message
            continue;
        }
        step(progress, std::size_t(found), total, r.person_name);
        ++found;
        const auto base = "certificate-" + std::to_string(event_id) + "-" + file_safe(r.person_name);
        if (html) {
            const auto html_file = dir / (base + ".html");
            std::ofstream(html_file, std::ios::binary) << certificate_html(db, r.id);
            files.html.push_back(html_file);
        }
        if (pdf) {
            auto page = certificate_text(db, r.id);
            const auto pdf_file = dir / (base + ".pdf");  // one per person, to send
            pdf::write_certificates(pdf_file, {page});
            files.pdf.push_back(pdf_file);
            pages.push_back(std::move(page));
        }
    }
    if (pdf && !pages.empty() && !person_id) {  // and all of them, one per page, to print
        files.all_pdf = dir / ("certificates-" + std::to_string(event_id) + ".pdf");
        pdf::write_certificates(files.all_pdf, pages);
    }
    if (person_id && found == 0) throw Error(tr("This person is not registered for this event."));
    step(progress, total, total, "");
    if (found > 0)
        db.write([&] {
            audit(db, "export", "exchange_certificates", event_id,
                  std::to_string(found) + " certificates");
        });
    return files;
}

std::vector<std::vector<std::string>> registration_rows(Database& db, int64_t event_id, bool attended_only) {
    std::map<int64_t, std::string> sector_names, table_names;
    for (const auto& s : SectorRepository(db).list(true)) sector_names[s.id] = s.label_fr;
    for (const auto& t : EventRepository(db).tables(event_id))
        table_names[t.id] = std::to_string(t.position) + ". " + t.title;
    std::vector<std::vector<std::string>> rows;
    rows.push_back({tr("Last name"), tr("First name"), tr("Email"), tr("Institution"), tr("Sector"), tr("Role"),
                    tr("Status"), tr("Table"), tr("Checked in at")});
    PersonRepository people(db);
    for (const auto& r : RegistrationService(db).list(event_id)) {
        if (attended_only && r.status != "attended") continue;
        const auto p = people.get(r.person_id);
        rows.push_back({p ? p->last_name : "", p ? p->first_name : "", r.email, r.institution_name,
                        r.sector_id ? sector_names[*r.sector_id] : "", role_label(r.role), status_label(r.status),
                        r.table_id ? table_names[*r.table_id] : "", r.checked_in_at});
    }
    return rows;
}

void write_csv(const std::filesystem::path& file, const std::vector<std::vector<std::string>>& rows) {
    std::ofstream out(file, std::ios::binary);
    if (!out) throw Error(fmt::format(fmt::runtime(tr("Cannot write {file}.")), fmt::arg("file", file.string())));
    csv::Writer w(out);
    for (const auto& row : rows) w.row(row);
    if (!out) throw Error(fmt::format(fmt::runtime(tr("Cannot write {file}.")), fmt::arg("file", file.string())));
}

void write_xlsx(const std::filesystem::path& file, const std::vector<std::vector<std::string>>& rows,
                const std::string& sheet_name) {
    lxw_workbook* wb = workbook_new(file.string().c_str());
    if (!wb) throw Error(fmt::format(fmt::runtime(tr("Cannot write {file}.")), fmt::arg("file", file.string())));
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.substr(0, 31).c_str());
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    const XlsxCellFormats formats = xlsx_cell_formats(wb);
    for (size_t r = 0; r < rows.size(); ++r)
        for (size_t c = 0; c < rows[r].size(); ++c)
            if (r == 0) worksheet_write_string(ws, 0, lxw_col_t(c), rows[r][c].c_str(), bold);
            else xlsx_write_value(ws, lxw_row_t(r), lxw_col_t(c), rows[r][c], formats);
    if (!rows.empty()) worksheet_autofilter(ws, 0, 0, lxw_row_t(rows.size() - 1), lxw_col_t(rows[0].size() - 1));
    const auto err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        throw Error(fmt::format(fmt::runtime(tr("Cannot write {file}: {reason}")), fmt::arg("file", file.string()),
                                fmt::arg("reason", lxw_strerror(err))));
}

std::string events_icalendar(Database& db, const std::string& from, const std::string& to, bool include_committee) {
    EventRepository events(db);
    icalcomponent* cal = icalcomponent_new_vcalendar();
    icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal, icalproperty_new_prodid("-//Maillage//exchange//FR"));
    icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
    // Times are Brussels wall-clock times: the zone is declared once and named by each
    // timed DTSTART/DTEND (never floating); a day without hours is a DATE.
    if (icalcomponent* vtz = icalparser_parse_string(calendar_vtimezone().c_str())) icalcomponent_add_component(cal, vtz);
    auto zoned = [](icalproperty* p) {
        icalproperty_add_parameter(p, icalparameter_new_tzid(kCalendarZone));
        return p;
    };
    const auto now = icaltime_current_time_with_zone(icaltimezone_get_utc_timezone());
    auto add = [&](const Event& e, const Session& s, const std::string& uid, const std::string& summary) {
        icalcomponent* ev = icalcomponent_new_vevent();
        icalcomponent_add_property(ev, icalproperty_new_uid(uid.c_str()));
        icalcomponent_add_property(ev, icalproperty_new_dtstamp(now));
        icalcomponent_add_property(ev, icalproperty_new_summary(summary.c_str()));
        const bool timed = !s.start_time.empty();
        auto* start = icalproperty_new_dtstart(icaltime_from_string(compact(s.date, s.start_time).c_str()));
        icalcomponent_add_property(ev, timed ? zoned(start) : start);
        if (timed && !s.end_time.empty())
            icalcomponent_add_property(
                ev, zoned(icalproperty_new_dtend(icaltime_from_string(compact(s.date, s.end_time).c_str()))));
        const auto place = s.place.empty() ? e.venue : s.place;
        if (!place.empty()) icalcomponent_add_property(ev, icalproperty_new_location(place.c_str()));
        if (!e.theme.empty()) icalcomponent_add_property(ev, icalproperty_new_description(e.theme.c_str()));
        if (s.status == "cancelled") icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CANCELLED));
        icalcomponent_add_component(cal, ev);
    };
    for (const auto& e : events.list(from, to, false)) {
        for (const auto& s : events.days(e.id))
            if (s.date >= from && s.date <= to)
                add(e, s, "exchange-" + std::to_string(e.id) + "-day-" + std::to_string(s.id) + "@maillage", e.title);
    }
    if (include_committee)
        for (const auto& e : events.list()) {
            for (const auto& s : events.committee_meetings(e.id))
                if (s.date >= from && s.date <= to)
                    add(e, s, "exchange-" + std::to_string(e.id) + "-committee-" + std::to_string(s.id) + "@maillage",
                        tr("Steering committee: ") + e.title);
        }
    char* text = icalcomponent_as_ical_string_r(cal);
    std::string out = text ? text : "";
    free(text);
    icalcomponent_free(cal);
    return out;
}

}  // namespace maillage::exchange
