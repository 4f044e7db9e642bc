#include "pat_import.h"

#include "accompaniments.h"

#include "core/database.h"
#include "core/entity_import.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/import_columns.h"
#include "core/import_rows.h"
#include "core/importer_table.h"
#include "core/known_values.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

namespace maillage::pat {
namespace {

using Col = RowReader::Col;

// People named in one cell ("a@x.be | b@x.be"), each by email (or a unique name).
std::vector<int64_t> people_in(const RowReader& r, const csv::Row& row, Col c) {
    std::vector<int64_t> ids;
    if (!c) return ids;
    for (const auto& who : split_list(r.text(row, c))) {
        csv::Table one = r.table();
        csv::Row fake = row;
        fake.fields[*c] = who;
        ids.push_back(RowReader(r.db(), one).person(fake, c));
    }
    return ids;
}

// The accompaniment of an institution: the one requested on the date given, else its
// only one; several without a date is an error naming their dates.
int64_t accompaniment_of(const RowReader& r, const csv::Row& row, Col c_inst, Col c_request) {
    const auto inst = r.institution(row, c_inst);
    if (!inst) r.fail(row, c_inst, tr("the institution is required"));
    const auto date = r.date(row, c_request);
    SQLite::Statement q(r.db().sql(), "SELECT id, request_date FROM pat_accompaniment WHERE institution_id = ? "
                                      "ORDER BY request_date");
    q.bind(1, *inst);
    std::vector<std::pair<int64_t, std::string>> all;
    while (q.executeStep()) all.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    std::string dates;
    for (const auto& a : all) {
        if (!date.empty() && a.second == date) return a.first;
        dates += (dates.empty() ? "" : ", ") + a.second;
    }
    if (all.empty())
        r.fail(row, c_inst, tr("this institution has no accompaniment (import it in pat_accompaniments)"));
    if (date.empty() && all.size() == 1) return all.front().first;
    r.fail(row, c_request ? c_request : c_inst,
           trf("say which accompaniment by its request date ({dates})", fmt::arg("dates", dates)));
}

// Headers several sheets share: the request date that says which accompaniment a row is
// about (accompaniment_of), and the phase.
const headers::Names kRequestDate = {"request_date", "date de demande", "aanvraagdatum"};
const headers::Names kPhase = {"phase", "fase"};

const std::vector<std::string> kPhases = {"request", "analysis", "accompaniment", "hired", "follow_up", "closed"};

ImportCount import_accompaniments(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const auto [c_inst, c_request, c_funder, c_contact, c_heard, c_planned, c_decision, c_decision_date, c_reason,
                c_phase, c_phase_date, c_notes] = read_columns(r, {need(headers::institution),
                                                                   need(kRequestDate),
                                                                   headers::funder,
                                                                   {"contact", "contact_email"},
                                                                   {"heard_from", "connu par"},
                                                                   {"planned_sessions", "séances prévues"},
                                                                   {"decision", "décision", "beslissing"},
                                                                   {"decision_date", "date de décision"},
                                                                   {"decision_reason", "motif"},
                                                                   kPhase,
                                                                   {"phase_date", "date de phase"},
                                                                   headers::notes});
    AccompanimentRepository repo(db);
    return count_rows(t, [&](const csv::Row& row) {
        Accompaniment a;
        const auto inst = r.institution(row, c_inst);
        if (!inst) r.fail(row, c_inst, tr("the institution is required"));
        a.institution_id = *inst;
        a.request_date = r.date(row, c_request, true);
        a.funder_id = r.funder(row, c_funder);
        a.contact_person_id = r.person_or_none(row, c_contact);
        a.heard_from = r.text(row, c_heard);
        if (auto n = r.integer(row, c_planned, 0, 100)) a.planned_sessions = int(*n);
        a.notes = r.text(row, c_notes);
        const auto decision = r.choice(row, c_decision, {"accepted", "waiting", "declined"},
                                       {{"acceptée", "accepted"}, {"accepté", "accepted"}, {"aanvaard", "accepted"},
                                        {"en attente", "waiting"}, {"refusée", "declined"}, {"geweigerd", "declined"}});
        const auto phase = r.choice(row, c_phase, kPhases, {}, "request");
        const auto phase_date = r.date(row, c_phase_date);
        SQLite::Statement known(db.sql(), "SELECT id, phase FROM pat_accompaniment WHERE institution_id = ? AND "
                                          "request_date = ?");
        bind_all(known, a.institution_id, a.request_date);
        if (known.executeStep()) {
            if (known.getColumn(1).getString() == phase) return RowOutcome::unchanged;
            const auto id = known.getColumn(0).getInt64();
            at_row(r, row, c_phase, [&] {
                repo.set_phase(id, phase, phase_date.empty() ? a.request_date : phase_date);
                return 0;
            });
            return RowOutcome::updated;
        }
        const auto id = at_row(r, row, c_inst, [&] { return repo.create_request(a); });
        if (!decision.empty()) {
            const auto date = r.date(row, c_decision_date);
            at_row(r, row, c_decision, [&] {
                repo.decide(id, decision, r.text(row, c_reason), date.empty() ? a.request_date : date);
                return 0;
            });
        }
        // The phases in order up to the one given, so that the history is the usual one.
        const auto target = std::find(kPhases.begin(), kPhases.end(), phase) - kPhases.begin();
        for (long p = 1; p <= target; ++p) {
            if (kPhases[p] == "closed" && phase == "closed") {
                at_row(r, row, c_phase, [&] {
                    repo.set_phase(id, "closed", phase_date.empty() ? a.request_date : phase_date,
                                   r.text(row, c_notes).empty() ? tr("closed before the import") : r.text(row, c_notes));
                    return 0;
                });
                break;
            }
            if (kPhases[p] == "closed") break;
            at_row(r, row, c_phase, [&] {
                repo.set_phase(id, kPhases[p], phase_date.empty() ? a.request_date : phase_date);
                return 0;
            });
        }
        return RowOutcome::created;
    });
}

int parse_minutes(const RowReader& r, const csv::Row& row, Col c) {
    auto v = r.text(row, c);
    if (v.empty()) return 0;
    for (auto& ch : v)
        if (ch == 'h' || ch == 'H') ch = ':';
    try {
        if (v.find(':') != std::string::npos) {
            const auto colon = v.find(':');
            const int h = std::stoi(v.substr(0, colon));
            const auto rest = v.substr(colon + 1);
            const int m = rest.empty() ? 0 : std::stoi(rest);
            if (h >= 0 && h < 24 && m >= 0 && m < 60) return h * 60 + m;
        } else if (v.find_first_not_of("0123456789") == std::string::npos && v.size() < 5) {
            return std::stoi(v);
        }
    } catch (const std::exception&) {
    }
    r.fail(row, c, trf("\"{value}\" is not a duration (90 minutes, or 1:30, or 1h30)", fmt::arg("value", r.text(row, c))));
}

ImportCount import_sessions(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const auto [c_inst, c_request, c_type, c_date, c_duration, c_staff, c_attendees, c_status, c_phase, c_title,
                c_notes] = read_columns(r, {need(headers::institution),
                                            kRequestDate,
                                            need(headers::type),
                                            need(headers::date),
                                            {"duration", "durée", "duur"},
                                            {"staff", "équipe", "team"},
                                            {"attendees", "participants", "deelnemers"},
                                            headers::status,
                                            kPhase,
                                            headers::title,
                                            headers::notes});
    AccompanimentRepository repo(db);
    std::vector<std::string> types;
    for (const auto& k : repo.session_types()) types.push_back(k.code);
    std::vector<std::pair<std::string, std::string>> type_labels;
    for (const auto& k : repo.session_types()) {
        type_labels.emplace_back(k.label_fr, k.code);
        type_labels.emplace_back(k.label_nl, k.code);
        type_labels.emplace_back(k.label_en, k.code);
    }
    int warnings = 0;
    auto count = count_rows(t, [&](const csv::Row& row) {
        PatSession s;
        s.accompaniment_id = accompaniment_of(r, row, c_inst, c_request);
        s.type = r.choice(row, c_type, types, type_labels);
        if (s.type.empty()) r.fail(row, c_type, tr("the session type is required"));
        s.date = r.date(row, c_date, true);
        s.duration_minutes = parse_minutes(r, row, c_duration);
        s.staff = people_in(r, row, c_staff);
        s.attendees = people_in(r, row, c_attendees);
        s.status = r.choice(row, c_status, {"planned", "held", "cancelled"},
                            {{"prévue", "planned"}, {"tenue", "held"}, {"annulée", "cancelled"}}, "held");
        s.phase = r.choice(row, c_phase, {"accompaniment", "follow_up"}, {{"suivi", "follow_up"}});
        s.title = r.text(row, c_title);
        s.notes = r.text(row, c_notes);
        std::sort(s.staff.begin(), s.staff.end());
        std::sort(s.attendees.begin(), s.attendees.end());
        const auto existing = repo.sessions(s.accompaniment_id);
        const auto known = std::find_if(existing.begin(), existing.end(), [&](const PatSession& k) {
            return k.date == s.date && k.type == s.type;
        });
        if (known != existing.end()) {
            // A session already there (same day, same type): what the row gives and the
            // session does not have updates it; a column the sheet leaves out stays.
            PatSession u = *known;
            if (c_duration) u.duration_minutes = s.duration_minutes;
            if (c_status) u.status = s.status;
            if (c_phase && !s.phase.empty()) u.phase = s.phase;
            if (c_title && !s.title.empty()) u.title = s.title;
            if (c_notes) u.notes = s.notes;
            if (c_staff) u.staff = s.staff;
            if (c_attendees) u.attendees = s.attendees;
            const bool changed = u.duration_minutes != known->duration_minutes || u.status != known->status ||
                                 u.phase != known->phase || u.title != known->title || u.notes != known->notes ||
                                 u.staff != known->staff || u.attendees != known->attendees;
            if (!changed) return RowOutcome::unchanged;
            std::string warning;
            at_row(r, row, c_type, [&] { repo.update_session(u, &warning); });
            warnings += !warning.empty();
            return RowOutcome::updated;
        }
        std::string warning;
        at_row(r, row, c_type, [&] { return repo.add_session(s, &warning); });
        warnings += !warning.empty();
        return RowOutcome::created;
    });
    if (warnings)
        count.notes.push_back(trf("{n} sessions run by fewer than two staff members", fmt::arg("n", warnings)));
    return count;
}

ImportCount import_hires(Database& db, const csv::Table& t) {
    RowReader r(db, t);
    const auto [c_inst, c_request, c_status, c_hire, c_announced, c_job, c_time, c_contract, c_person] =
        read_columns(r, {need(headers::institution),
                         kRequestDate,
                         headers::status,
                         {"hire_date", "date d'engagement", "aanwervingsdatum"},
                         {"announced_date", "date d'annonce"},
                         {"job_title", "fonction", "functie"},
                         {"working_time_percent", "temps de travail", "werktijd"},
                         {"contract_type", "contrat", "contract"},
                         {"person", "email", "personne"}});
    AccompanimentRepository repo(db);
    return count_rows(t, [&](const csv::Row& row) {
        Hire h;
        h.accompaniment_id = accompaniment_of(r, row, c_inst, c_request);
        h.status = r.choice(row, c_status, {"announced", "effective"}, {{"annoncé", "announced"}, {"effectif", "effective"}},
                            "effective");
        h.hire_date = r.date(row, c_hire, h.status == "effective");
        h.announced_date = r.date(row, c_announced);
        h.job_title = r.text(row, c_job);
        if (auto p = r.integer(row, c_time, 1, 100)) h.working_time_percent = double(*p);
        h.contract_type = r.text(row, c_contract);
        h.person_id = r.person_or_none(row, c_person);
        bool known = false;
        for (const auto& k : repo.hires(h.accompaniment_id))
            known |= k.hire_date == h.hire_date && k.announced_date == h.announced_date && k.person_id == h.person_id;
        if (known) return RowOutcome::unchanged;
        at_row(r, row, c_status, [&] { return repo.add_hire(h); });
        return RowOutcome::created;
    });
}

std::vector<ImportColumnDoc> accompaniment_docs() {
    return {{"institution", {"instelling"}, true, tr("The accompanied institution, by name"), ""},
            {"request_date", {"date de demande"}, false,
             tr("The accompaniment's request date, when the institution has several"), ""}};
}

// The columns of a sheet whose rows belong to an accompaniment: the ones naming it, then `more`.
std::vector<ImportColumnDoc> with_accompaniment(std::initializer_list<ImportColumnDoc> more) {
    return join_columns(accompaniment_docs(), more);
}

std::vector<ImportColumnDoc> accompaniments_sheet_docs() {
    return {
        {"institution", {"instelling"}, true, tr("The institution that asked, by name"), ""},
        {"request_date", {"date de demande"}, true, tr("When it asked"), ""},
        {"funder", {"financeur"}, false, tr("Funder code it counts for"), "funders"},
        {"contact", {}, false, tr("The contact person's email"), ""},
        {"heard_from", {"connu par"}, false, tr("How they heard of PAT"), ""},
        {"planned_sessions", {"séances prévues"}, false, tr("Sessions planned"), ""},
        {"decision", {"décision"}, false, tr("accepted, waiting or declined"), "accepted|waiting|declined"},
        {"decision_date", {"date de décision"}, false, tr("Default: the request date"), ""},
        {"decision_reason", {"motif"}, false, tr("Why declined"), ""},
        {"phase", {"fase"}, false, tr("request, analysis, accompaniment, hired, follow_up or closed"),
         "request|analysis|accompaniment|hired|follow_up|closed"},
        {"phase_date", {"date de phase"}, false, tr("When it reached that phase"), ""},
        {"notes", {"remarques"}, false, tr("Notes"), ""}};
}

std::vector<ImportColumnDoc> sessions_sheet_docs() {
    return with_accompaniment(
        {{"type", {"soort"}, true, tr("working_group, team_meeting, training_day, job_interview, other_meeting, immersion"),
          "working_group|team_meeting|training_day|job_interview|other_meeting|immersion"},
         {"date", {"datum"}, true, tr("The session's date"), ""},
         {"duration", {"durée", "duur"}, false, tr("90, 1:30 or 1h30"), ""},
         {"staff", {"équipe"}, true, tr("The staff members' emails separated by | (at least two)"), ""},
         {"attendees", {"participants"}, false, tr("The institution's people, emails separated by |"), ""},
         {"status", {"statut"}, false, tr("planned, held or cancelled (default held)"), "planned|held|cancelled"},
         {"phase", {"fase"}, false, tr("accompaniment or follow_up"), "accompaniment|follow_up"},
         {"title", {"titre"}, false, tr("Title"), ""},
         {"notes", {"remarques"}, false, tr("Notes"), ""}});
}

std::vector<ImportColumnDoc> hires_sheet_docs() {
    return with_accompaniment({{"status", {"statut"}, false, tr("announced or effective"), "announced|effective"},
                               {"hire_date", {"date d'engagement"}, false, tr("Required when effective"), ""},
                               {"announced_date", {"date d'annonce"}, false, tr("When it was announced"), ""},
                               {"job_title", {"fonction"}, false, tr("Job title"), ""},
                               {"working_time_percent", {"temps de travail"}, false, tr("50 for half-time"), ""},
                               {"contract_type", {"contrat"}, false, tr("Contract"), ""},
                               {"person", {"email"}, false, tr("The peer worker hired, by email"), ""}});
}

}  // namespace

void register_pat_importers() {
    register_importers("pat",
                       {{"pat_accompaniments", 400, N_("PAT accompaniments"), accompaniments_sheet_docs,
                         import_accompaniments},
                        {"pat_sessions", 410, N_("PAT sessions"), sessions_sheet_docs, import_sessions},
                        {"pat_hires", 420, N_("PAT hires"), hires_sheet_docs, import_hires}});
}

}  // namespace maillage::pat
