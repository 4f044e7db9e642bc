#include "intervision_exports.h"

#include "cycles.h"

#include "core/html.h"
#include "core/locale_format.h"
#include "core/audit.h"
#include "core/csv.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/pdf.h"
#include "core/people.h"
#include "core/sectors.h"
#include "core/sessions.h"
#include "core/xlsx_cells.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace maillage::intervision {
namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::vector<ParticipantRow> participant_rows(Database& db, int64_t cycle_id, int64_t group_id) {
    CycleRepository repo(db);
    PersonRepository people(db);
    InstitutionRepository institutions(db);
    SectorRepository sectors(db);
    std::vector<ParticipantRow> rows;
    for (const auto& g : repo.groups(cycle_id)) {
        if (group_id && g.id != group_id) continue;
        for (const auto& e : repo.enrolments(g.id)) {
            ParticipantRow r;
            r.group = g.name;
            if (auto p = people.get(e.person_id)) {
                r.name = p->display_name();
                r.email = p->email;
            }
            if (e.institution_id)
                if (auto i = institutions.get(*e.institution_id)) r.institution = i->name;
            if (e.sector_id)
                if (auto s = sectors.get(*e.sector_id)) r.sector = s->label_fr;
            r.status = e.status;
            r.waiting_position = e.waiting_position.value_or(0);
            r.enrolled_on = e.enrolled_on;
            r.left_on = e.left_on;
            r.reason = e.reason;
            rows.push_back(std::move(r));
        }
    }
    return rows;
}

std::string participants_csv(const std::vector<ParticipantRow>& rows) {
    std::ostringstream out;
    csv::Writer w(out, ',', false);
    w.row({"group", "name", "email", "institution", "sector", "status", "waiting_position", "enrolled_on", "left_on",
           "reason"});
    for (const auto& r : rows)
        w.row({r.group, r.name, r.email, r.institution, r.sector, r.status,
               r.waiting_position ? std::to_string(r.waiting_position) : "", r.enrolled_on, r.left_on, r.reason});
    return out.str();
}

void write_participants_xlsx(const std::vector<ParticipantRow>& rows, const std::filesystem::path& file) {
    lxw_workbook* wb = workbook_new(file.string().c_str());
    if (!wb) throw Error(trf("Cannot write {file}.", fmt::arg("file", file.string())));
    lxw_worksheet* ws = workbook_add_worksheet(wb, "participants");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    const char* headers[] = {N_("Group"), N_("Name"), N_("Email"), N_("Institution"), N_("Sector"),
                             N_("Status"), N_("Waiting position"), N_("Enrolled on"), N_("Left on"), N_("Reason")};
    for (int c = 0; c < 10; ++c) worksheet_write_string(ws, 0, lxw_col_t(c), tr(headers[c]).c_str(), bold);
    const XlsxCellFormats formats = xlsx_cell_formats(wb);
    lxw_row_t row = 1;
    for (const auto& r : rows) {
        const std::string cells[] = {r.group, r.name, r.email, r.institution, r.sector, r.status, "",
                                     r.enrolled_on, r.left_on, r.reason};
        for (int c = 0; c < 10; ++c)
            if (c == 6) {
                if (r.waiting_position) worksheet_write_number(ws, row, 6, r.waiting_position, nullptr);
            } else {
                xlsx_write_value(ws, row, lxw_col_t(c), cells[c], formats);  // the dates as date cells
            }
        ++row;
    }
    worksheet_set_column(ws, 0, 9, 22, nullptr);
    if (workbook_close(wb) != LXW_NO_ERROR) throw Error(trf("Cannot write {file}.", fmt::arg("file", file.string())));
}

namespace {
// What an attendance sheet shows, read once for the HTML page and the PDF.
struct SheetContent {
    GroupSession session;
    Group group;
    Cycle cycle;
    std::string host;                                            // "" when none
    std::vector<std::string> facilitators;                       // names
    std::vector<std::pair<std::string, std::string>> participants;  // name, institution
};

SheetContent sheet_content(Database& db, int64_t session_id) {
    CycleRepository repo(db);
    const auto gs = repo.session(session_id);
    if (!gs) throw Error(tr("This session is not an intervision session."));
    SheetContent out{*gs, *repo.group(gs->group_id), {}, {}, {}, {}};
    out.cycle = *repo.cycle(out.group.cycle_id);
    PersonRepository people(db);
    InstitutionRepository institutions(db);
    if (gs->host_institution_id)
        if (auto h = institutions.get(*gs->host_institution_id)) out.host = h->name;
    for (auto f : out.group.facilitators())
        if (auto p = people.get(f)) out.facilitators.push_back(p->display_name());
    for (const auto& e : repo.enrolments(out.group.id)) {
        if (e.status != "enrolled" || e.enrolled_on > gs->date) continue;
        const auto p = people.get(e.person_id);
        std::string inst;
        if (e.institution_id)
            if (auto i = institutions.get(*e.institution_id)) inst = i->name;
        out.participants.emplace_back(p ? p->display_name() : "", inst);
    }
    return out;
}
}  // namespace

std::string attendance_sheet_html(Database& db, int64_t session_id) {
    const auto sheet = sheet_content(db, session_id);
    const auto& gs = sheet.session;
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" << html_escape(tr("Attendance sheet"))
        << "</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}"
           "td,th{border:1px solid #444;padding:.5em;text-align:left}td.sign{width:30%}</style></head><body>\n";
    out << "<h1>" << html_escape(tr("Attendance sheet")) << " — " << html_escape(sheet.group.name) << " (" << html_escape(sheet.cycle.name)
        << ")</h1>\n";
    out << "<p>" << html_escape(tr("Date")) << ": " << html_escape(locale::long_date(gs.date)) << ", " << locale::time(gs.start_time)
        << "–" << locale::time(gs.end_time) << "<br>"
        << html_escape(tr("Place")) << ": " << html_escape(gs.place) << "</p>\n";
    if (!sheet.host.empty()) out << "<p>" << html_escape(tr("Host")) << ": " << html_escape(sheet.host) << "</p>\n";
    out << "<h2>" << html_escape(tr("Participants")) << "</h2>\n<table><tr><th>" << html_escape(tr("Name")) << "</th><th>"
        << html_escape(tr("Institution")) << "</th><th>" << html_escape(tr("Signature")) << "</th></tr>\n";
    for (const auto& [name, inst] : sheet.participants)
        out << "<tr><td>" << html_escape(name) << "</td><td>" << html_escape(inst) << "</td><td class=\"sign\"></td></tr>\n";
    out << "</table>\n<h2>" << html_escape(tr("Facilitators")) << "</h2>\n<table>\n";
    for (const auto& name : sheet.facilitators)
        out << "<tr><td>" << html_escape(name) << "</td><td class=\"sign\"></td></tr>\n";
    out << "</table>\n<p><small>"
        << html_escape(tr("Notes about the vignettes must not contain any detail that identifies the people discussed."))
        << "</small></p>\n</body></html>\n";
    return out.str();
}

pdf::Sheet attendance_sheet(Database& db, int64_t session_id) {
    const auto sheet = sheet_content(db, session_id);
    const auto& gs = sheet.session;
    pdf::Sheet s;
    s.title = tr("Attendance sheet") + " — " + sheet.group.name + " (" + sheet.cycle.name + ")";
    s.subtitle.push_back(tr("Date") + ": " + gs.date + ", " + gs.start_time + "–" + gs.end_time);
    if (!gs.place.empty()) s.subtitle.push_back(tr("Place") + ": " + gs.place);
    if (!sheet.host.empty()) s.subtitle.push_back(tr("Host") + ": " + sheet.host);
    s.columns = {tr("Name"), tr("Institution"), tr("Role"), tr("Signature")};
    s.widths = {3.0, 3.4, 2.0, 2.6};
    for (const auto& name : sheet.facilitators) s.rows.push_back({name, "", tr("Facilitator"), ""});
    for (const auto& [name, inst] : sheet.participants) s.rows.push_back({name, inst, tr("Participant"), ""});
    s.blank_rows = 2;
    s.footer = tr("Notes about the vignettes must not contain any detail that identifies the people discussed.");
    s.page_label = tr("Page");
    return s;
}

void write_attendance_sheet_pdf(Database& db, int64_t session_id, const std::filesystem::path& file) {
    pdf::write_sheet(file, attendance_sheet(db, session_id));
}

void set_attendance(Database& db, int64_t session_id, int64_t person_id, const std::string& status,
                    const std::string& reason, const std::string& role) {
    if (!CycleRepository(db).session(session_id)) throw Error(tr("This session is not an intervision session."));
    if (status != "present" && status != "excused" && status != "absent" && status != "registered")
        throw Error(tr("The attendance status is present, excused, absent or registered."));
    if (role != "participant" && role != "facilitator")
        throw Error(tr("The role is participant or facilitator."));
    db.write([&] {
        SessionRepository(db).record(
            Attendance{.session_id = session_id, .person_id = person_id, .status = status, .role = role, .reason = reason});
    });
}

int import_attendance_csv(Database& db, int64_t group_id, const std::filesystem::path& file) {
    const auto table = csv::read_file(file);
    const auto c_date = table.require({"date"});
    const auto c_email = table.require({"email", "e-mail", "courriel"});
    const auto c_status = table.require({"status", "statut"});
    const auto c_reason = table.find({"reason", "motif", "reden"});
    const auto c_role = table.find({"role", "rôle", "rol"});

    std::map<std::string, int64_t> session_by_date;
    for (const auto& s : CycleRepository(db).sessions(group_id)) session_by_date[s.date] = s.session_id;
    PersonRepository people(db);
    return db.write([&] {
        int count = 0;
        for (const auto& row : table.rows) {
            // The date as typed in a spreadsheet: 14/09/2026, 14.09.2026 or 2026-09-14.
            std::string error;
            const auto date = locale::parse_date(table.value(row, c_date), &error).value_or("");
            if (date.empty()) table.fail(row, c_date, error);
            const auto s = session_by_date.find(date);
            if (s == session_by_date.end()) table.fail(row, c_date, tr("the date of one of the group's sessions"));
            const auto person = people.find_by_email(table.value(row, c_email));
            if (!person) table.fail(row, c_email, tr("the email of a known person"));
            const auto status = lower(table.value(row, c_status));
            if (status != "present" && status != "excused" && status != "absent" && status != "registered")
                table.fail(row, c_status, tr("present, excused, absent or registered"));
            std::string role = lower(table.value(row, c_role));
            if (role.empty()) role = "participant";
            if (role != "participant" && role != "facilitator")
                table.fail(row, *c_role, tr("participant or facilitator"));
            set_attendance(db, s->second, person->id, status, table.value(row, c_reason), role);
            ++count;
        }
        audit(db, "import", "attendance", group_id,
              std::to_string(count) + " rows");
        return count;
    });
}

}  // namespace maillage::intervision
