#include "exchange_cli.h"

#include "core/cli/cli_files.h"
#include "core/cli/cli_options.h"
#include "core/cli/cli_table.h"
#include "core/figures_command.h"
#include "core/known_values.h"

#include "events.h"
#include "exchange_evaluation.h"
#include "exchange_figures.h"
#include "exchange_outputs.h"
#include "registration_import.h"
#include "registrations.h"
#include "table_assignment.h"
#include "text_match.h"

#include "core/cli_dates.h"
#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/programmes.h"
#include "core/report.h"
#include "core/sectors.h"
#include "core/validate.h"
#include "core/csv.h"

#include <nlohmann/json.hpp>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <map>

namespace maillage::exchange {
namespace {

// Every option of every subcommand, shared by the callbacks (CLI11 writes into it).
struct Options {
    int64_t event = 0, id = 0, table = 0, session = 0;
    std::string event_key, table_key, registration_key;  // as users name them (see find_event)
    std::string person;  // email, full name or id
    std::string type = "exchange_table", title, theme, venue, languages, role, programme, funder, objectives;
    std::string programme_text, notes;
    std::optional<int64_t> capacity;  // absent: unchanged / unlimited; a negative value is refused
    std::vector<std::string> dates;
    std::string start, end, status, reason, question, search, answers;
    std::vector<std::string> facilitators;  // emails, full names or ids
    std::vector<std::string> partners;
    std::string first, last, email, institution, sector, file, out;
    bool confirm = false, create_new = false, all = false, pdf = false, participants = false, committee = false;
    bool json = false;
    std::optional<int> year;  // --year of the lists and the calendar
    Session day;              // event add-day, committee meeting
    Publication publication;  // publication add
    std::string text;
};

// By name or number (the core's lookup); a near miss is answered with the closest name.
int64_t resolve_institution(Database& db, const std::string& text) {
    try {
        return find_institution(db, text).id;
    } catch (const Error&) {
    }
    const auto m = match_institution(db, text);
    if (!m)
        throw Error(fmt::format(fmt::runtime(tr("No known institution is named like \"{name}\".")),
                                fmt::arg("name", text)));
    if (!m->exact && m->similarity < 1.0)
        throw Error(fmt::format(fmt::runtime(tr("\"{name}\" is not a known institution; did you mean \"{match}\" "
                                                "(number {id})?")),
                                fmt::arg("name", text), fmt::arg("match", m->name), fmt::arg("id", m->institution_id)));
    return m->institution_id;
}

// The event the user named (number, "date title" or title); its number goes into o.event.
Event require_event(Database& db, Options& o) {
    auto e = find_event(db, o.event_key);
    o.event = e.id;
    return e;
}

std::optional<int64_t> programme_id(Database& db, const std::string& code) {
    if (code.empty()) return std::nullopt;
    return need_programme(db, code).id;
}

std::optional<int64_t> funder_id(Database& db, const std::string& code) {
    if (code.empty()) return std::nullopt;
    return need_funder(db, code).id;
}

// The first and last day of --year, or [all_from, all_to] without it; a --year such as 0 or
// 99999 is refused.
std::pair<std::string, std::string> year_days(std::optional<int> year, const std::string& all_from,
                                              const std::string& all_to) {
    if (!year) return {all_from, all_to};
    validate::year(*year);
    return {std::to_string(*year) + "-01-01", std::to_string(*year) + "-12-31"};
}

void print_registration(std::ostream& out, const Registration& r) {
    out << std::setw(5) << r.id << "  " << r.person_name;
    if (!r.email.empty()) out << " <" << r.email << ">";  // the key --registration takes
    if (!r.institution_name.empty()) out << " — " << r.institution_name;
    out << "  [" << status_label(r.status);
    if (r.waiting_position) out << " #" << *r.waiting_position;
    out << ", " << role_label(r.role) << "]";
    if (!r.cancel_reason.empty()) out << " (" << r.cancel_reason << ")";
    out << '\n';
}

}  // namespace

void add_exchange_commands(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<Options>();
    // The EVENT argument most commands start with (found by require_event).
    auto event_arg = [o](CLI::App* command) {
        command->add_option("event", o->event_key, tr("The event: its number, \"YYYY-MM-DD Title\" or its title"))
            ->required();
    };
    // The day an event add-day or a committee meeting records, written into o->day.
    auto day_options = [o](CLI::App* command, bool with_place) {
        command->add_option("--date", o->day.date, tr("The date (YYYY-MM-DD)"))->transform(human_date())->required();
        command->add_option("--start", o->day.start_time, tr("Start time (HH:MM)"));
        command->add_option("--end", o->day.end_time, tr("End time (HH:MM)"));
        if (with_place) command->add_option("--place", o->day.place, tr("Place, when not the event's venue"));
        command->add_option("--status", o->day.status, tr("planned, held or cancelled"));
    };
    // The callback of a command about one event (its EVENT argument): run(db, event) once the
    // event is found, its number also in o->event.
    auto on_event = [o, &ctx](auto run) {
        return [o, &ctx, run] {
            auto& db = ctx.database();
            run(db, require_event(db, *o));
        };
    };
    // What register and walk-in record of the person besides the name: --email, --institution,
    // --sector and --role.
    auto person_details = [o](CLI::App* command) {
        command->add_option("--email", o->email, tr("Email"));
        command->add_option("--institution", o->institution, tr("Institution: number or name"));
        command->add_option("--sector", o->sector, tr("Sector code or label"));
        command->add_option("--role", o->role, tr("participant, facilitator, speaker or organiser"));
    };
    // The event's own fields, as create sets them and update changes them (only create sets
    // the languages, programme and funder).
    auto event_fields = [o](CLI::App* command, bool creating) {
        auto* title = command->add_option("--title", o->title, tr("The event's title"));
        if (creating) title->required();
        command->add_option("--theme", o->theme, tr("Its theme"));
        command->add_option("--venue", o->venue, tr("Where it takes place"));
        command->add_option("--capacity", o->capacity,
                            creating ? tr("Seats for participants (none: unlimited)")
                                     : tr("Seats for participants (0: unlimited)"));
        if (creating) command->add_option("--languages", o->languages, tr("Languages, e.g. fr,nl"));
        command->add_option("--role", o->role,
                            tr("The organisation's role: organiser, co_organiser, facilitator, participant"));
        if (creating) {
            command->add_option("--programme", o->programme, tr("Programme code"));
            command->add_option("--funder", o->funder, tr("Funder code"));
        }
        command->add_option("--objectives", o->objectives, tr("Objectives"));
    };
    auto* root = cli::add_group(app, "exchange", tr("Exchange tables, study days, debates and working groups"));
    auto& out = *ctx.out;

    // --- events
    auto* event = cli::add_group(*root, "event", tr("Create, list and show events"));
    auto* create = event->add_subcommand("create", tr("Create an event, with its days"));
    create->add_option("--type", o->type, tr("exchange_table, study_day, debate, working_group or other"));
    event_fields(create, true);
    create->add_option("--partner", o->partners, tr("A partner organisation (number or name); repeat"));
    create->add_option("--date", o->dates, tr("A day or meeting (YYYY-MM-DD); repeat for several"))->transform(human_date());
    create->add_option("--start", o->start, tr("Start time (HH:MM)"));
    create->add_option("--end", o->end, tr("End time (HH:MM)"));
    create->callback([o, &ctx, &out] {
        auto& db = ctx.database();
        EventRepository events(db);
        const auto type = events.find_type(o->type);
        if (!type)
            throw Error(fmt::format(fmt::runtime(tr("Unknown event type \"{type}\".")), fmt::arg("type", o->type)));
        Event e;
        e.type_id = type->id;
        e.title = o->title;
        e.theme = o->theme;
        e.venue = o->venue;
        e.capacity = o->capacity;
        e.languages = o->languages;
        if (!o->role.empty()) e.role = o->role;
        e.programme_id = programme_id(db, o->programme);
        e.funder_id = funder_id(db, o->funder);
        e.objectives = o->objectives;
        const auto id = db.write([&] {
            const auto id = events.create(e);
            for (const auto& d : o->dates) {
                Session s;
                s.date = d;
                s.start_time = o->start;
                s.end_time = o->end;
                events.add_day(id, s);
            }
            for (const auto& p : o->partners) events.add_partner(id, resolve_institution(db, p));
            return id;
        });
        out << fmt::format(fmt::runtime(tr("Event {id} created: {title}")), fmt::arg("id", id),
                           fmt::arg("title", e.title))
            << '\n';
    });

    auto* update = cli::add_command(*event, "update",
                                    tr("Change an event's title, theme, venue, seats, role or objectives"), event_arg);
    event_fields(update, false);
    update->callback(on_event([o, &out](Database& db, Event e) {
        if (!o->title.empty()) e.title = o->title;
        if (!o->theme.empty()) e.theme = o->theme;
        if (!o->venue.empty()) e.venue = o->venue;
        if (o->capacity) {
            if (*o->capacity == 0)
                e.capacity.reset();
            else
                e.capacity = o->capacity;  // negative: refused by the repository
        }
        if (!o->role.empty()) e.role = o->role;
        if (!o->objectives.empty()) e.objectives = o->objectives;
        RegistrationService regs(db);
        const auto waiting_before = regs.list(e.id);
        EventRepository(db).update(e);  // a larger capacity promotes the waiting list
        int promoted = 0;
        for (const auto& r : waiting_before)
            if (r.status == "waiting" && regs.get(r.id)->status == "registered") ++promoted;
        out << fmt::format(fmt::runtime(tr("Event {id} updated; {n} promoted from the waiting list.")),
                           fmt::arg("id", e.id), fmt::arg("n", promoted))
            << '\n';
    }));

    auto* add_day = cli::add_command(*event, "add-day", tr("Add a day or meeting to an event"), event_arg);
    day_options(add_day, true);
    add_day->callback(on_event([o, &out](Database& db, const Event&) {
        const auto sid = EventRepository(db).add_day(o->event, o->day);
        out << fmt::format(fmt::runtime(tr("Day added (session {id}).")), fmt::arg("id", sid)) << '\n';
    }));

    cli::add_list_command(
        *event, tr("List events"),
        [o](CLI::App* list) { list->add_option("--year", o->year, tr("Only the events of this calendar year")); },
        [o, &ctx, &out](const std::string& format) {
            auto& db = ctx.database();
            EventRepository events(db);
            RegistrationService regs(db);
            const auto [from, to] = year_days(o->year, "0000-01-01", "9999-12-31");
            cli::print_list(
                out, format, events.list(from, to, !o->year), {"id", "date", "type", "title", "registrations", "key"},
                [&](const Event& e) -> std::vector<std::string> {
                    const auto type = events.type(e.type_id);
                    const auto first = events.first_date(e.id);
                    return {std::to_string(e.id), first, type ? type->code : "", e.title,
                            std::to_string(regs.list(e.id).size()), first.empty() ? e.title : first + " " + e.title};
                },
                [&](std::ostream& out, const Event& e) {
                    const auto type = events.type(e.type_id);
                    const auto first = events.first_date(e.id);
                    out << std::setw(4) << e.id << "  " << (first.empty() ? std::string(10, '-') : first) << "  "
                        << (type ? type->label_fr : "") << "  " << e.title << "  ("
                        << fmt::format(fmt::runtime(tr("{n} registrations")), fmt::arg("n", regs.list(e.id).size()))
                        << ")\n";
                },
                {"registrations"});
        });

    auto* show =
        cli::add_command(*event, "show", tr("Show an event: days, committee, tables, registrations"), event_arg);
    show->callback(on_event([o, &out](Database& db, const Event& e) {
        EventRepository events(db);
        InstitutionRepository institutions(db);
        PersonRepository people(db);
        const auto type = events.type(e.type_id);
        out << e.title << " (" << (type ? type->label_fr : "") << ")\n";
        if (!e.theme.empty()) out << tr("Theme: ") << e.theme << '\n';
        if (!e.venue.empty()) out << tr("Venue: ") << e.venue << '\n';
        if (e.capacity) out << tr("Capacity: ") << *e.capacity << '\n';
        for (const auto& d : events.days(e.id))
            out << "  " << d.date << " " << d.start_time << "-" << d.end_time << "  " << d.status << '\n';
        const auto committee = events.committee(e.id);
        if (!committee.empty()) {
            out << tr("Steering committee:") << '\n';
            for (const auto& m : committee) {
                auto i = institutions.get(m.institution_id);
                out << "  " << (i ? i->name : "?");
                if (m.person_id)
                    if (auto p = people.get(*m.person_id)) out << " — " << p->display_name();
                out << '\n';
            }
            for (const auto& s : events.committee_meetings(e.id)) {
                out << "  " << tr(NC_("committee", "meeting")) << " " << s.date << " (" << s.status << ")\n";
                for (const auto& d : events.decisions(s.id)) out << "    - " << d << '\n';
            }
        }
        const auto f = event_figures(db, e.id, "fr");
        for (const auto& t : events.tables(e.id)) {
            out << tr("Table") << " " << t.position << ": " << t.title;
            for (const auto& tf : f.tables)
                if (tf.table_id == t.id)
                    out << "  ("
                        << fmt::format(fmt::runtime(tr("{n} participants")), fmt::arg("n", tf.participants)) << ")";
            out << '\n';
            if (!t.question.empty()) out << "    " << t.question << '\n';
        }
        out << event_sentence(f) << '\n';
    }));

    // --- tables
    auto* table = cli::add_group(*root, "table", tr("Tables of an event"));
    auto* table_add = cli::add_command(*table, "add", tr("Add a table to an event"), event_arg);
    table_add->add_option("--title", o->title, tr("The table's title"))->required();
    table_add->add_option("--question", o->question, tr("The question it works on"));
    table_add->add_option("--facilitator", o->facilitators, tr("A facilitator (email, full name or number); repeat"));
    table_add->callback(on_event([o, &out](Database& db, const Event&) {
        EventRepository events(db);
        const auto id = db.write([&] {
            const auto id = events.add_table(o->event, o->title, o->question);
            for (const auto& p : o->facilitators) events.add_table_facilitator(id, person_by_key(db, p));
            return id;
        });
        out << fmt::format(fmt::runtime(tr("Table {id} added.")), fmt::arg("id", id)) << '\n';
    }));

    // --- registrations
    auto* reg =
        cli::add_command(*root, "register", tr("Register a person (known, or new with --first/--last)"), event_arg);
    reg->add_option("--person", o->person, tr("A known person: email, full name or number"));
    reg->add_option("--first", o->first, tr("First name of a new person"));
    reg->add_option("--last", o->last, tr("Last name of a new person"));
    person_details(reg);
    reg->callback(on_event([o, &out](Database& db, const Event&) {
        RegistrationRequest req;
        req.event_id = o->event;
        if (!o->role.empty()) req.role = o->role;
        if (!o->institution.empty()) req.institution_id = resolve_institution(db, o->institution);
        if (!o->sector.empty()) {
            req.sector_id = need_sector(db, o->sector).id;
        }
        const auto r = db.write([&] {
            if (!o->person.empty()) {
                req.person_id = person_by_key(db, o->person);
            } else {
                if (o->last.empty() && o->first.empty())
                    throw Error(tr("Give --person, or --first and --last for a new person."));
                if (!o->email.empty())
                    if (auto known = PersonRepository(db).find_by_email(o->email))
                        throw Error(fmt::format(fmt::runtime(tr("{name} (number {id}) already has this email: "
                                                                "register them with --person {id}.")),
                                                fmt::arg("name", known->display_name()), fmt::arg("id", known->id)));
                Person p;
                p.first_name = o->first;
                p.last_name = o->last;
                p.email = o->email;
                p.roles = {"worker"};
                req.person_id = PersonRepository(db).create(p);
            }
            return RegistrationService(db).register_person(req);
        });
        print_registration(out, r);
    }));

    auto* imp = cli::add_command(*root, "import", tr("Import registrations from the web form's CSV"), event_arg);
    imp->add_option("file", o->file, tr("The CSV file"))->required();
    imp->add_flag("--confirm-merges", o->confirm, tr("Accept the proposed merges with known people and institutions"));
    imp->add_flag("--create-new", o->create_new, tr("Refuse the proposals: create new people and institutions"));
    imp->callback(on_event([o, &out](Database& db, const Event&) {
        const auto rows = read_registrations_csv(o->file);
        const auto plan = plan_import(db, o->event, rows);
        for (const auto& p : plan.rows) {
            const auto who = p.row.first_name + " " + p.row.last_name;
            if (p.duplicate_of_line)
                out << fmt::format(fmt::runtime(tr("line {line}: {name} is the same person as line {other}: skipped")),
                                   fmt::arg("line", p.row.line), fmt::arg("name", who),
                                   fmt::arg("other", p.duplicate_of_line))
                    << '\n';
            else if (p.already_registered)
                out << fmt::format(fmt::runtime(tr("line {line}: {name} is already registered: skipped")),
                                   fmt::arg("line", p.row.line), fmt::arg("name", who))
                    << '\n';
            else if (p.person)
                out << fmt::format(fmt::runtime(tr("line {line}: {name} may be {known} (number {id}, {reason})")),
                                   fmt::arg("line", p.row.line), fmt::arg("name", who),
                                   fmt::arg("known", p.person->name), fmt::arg("id", p.person->person_id),
                                   fmt::arg("reason", p.person->reason))
                    << '\n';
            if (!p.duplicate_of_line && !p.already_registered && p.institution && !p.institution->exact)
                out << fmt::format(fmt::runtime(tr("line {line}: institution \"{typed}\" may be \"{known}\" "
                                                   "(number {id})")),
                                   fmt::arg("line", p.row.line), fmt::arg("typed", p.row.institution),
                                   fmt::arg("known", p.institution->name), fmt::arg("id", p.institution->institution_id))
                    << '\n';
        }
        if (plan.needs_confirmation() && !o->confirm && !o->create_new) {
            out << tr("Nothing was imported. Run again with --confirm-merges to accept these proposals, or with "
                      "--create-new to create new records.")
                << '\n';
            throw CLI::RuntimeError(1);
        }
        ImportOptions options;
        options.confirm_merges = o->confirm;
        options.create_new = o->create_new;
        const auto r = apply_import(db, o->event, plan, options);
        out << fmt::format(fmt::runtime(tr("{n} registrations imported ({waiting} on the waiting list); {created} new "
                                           "people, {merged} merged with known people; {inst_new} new institutions, "
                                           "{inst_matched} matched; {skipped} rows skipped.")),
                           fmt::arg("n", r.registrations), fmt::arg("waiting", r.waiting),
                           fmt::arg("created", r.people_created), fmt::arg("merged", r.people_merged),
                           fmt::arg("inst_new", r.institutions_created), fmt::arg("inst_matched", r.institutions_matched),
                           fmt::arg("skipped", r.skipped))
            << '\n';
    }));

    auto* regs = cli::add_command(*root, "registrations", tr("List an event's registrations"), event_arg);
    regs->add_option("--status", o->status, tr("Only this status"));
    regs->callback(on_event([o, &out](Database& db, const Event&) {
        for (const auto& r : RegistrationService(db).list(o->event))
            if (o->status.empty() || r.status == o->status) print_registration(out, r);
    }));

    auto* status = root->add_subcommand("status", tr("Change a registration's status"));
    status->add_option("registration", o->registration_key,
                       tr("The registration: its number, or the person's email or full name with --event"))
        ->required();
    status->add_option("status", o->status, tr("registered, waiting, cancelled, attended or no_show"))->required();
    status->add_option("--reason", o->reason, tr("Why (required to cancel)"));
    status->add_option("--event", o->event_key, tr("The event, to name the registration by the person"));
    status->callback([o, &ctx, &out] {
        auto& db = ctx.database();
        RegistrationService service(db);
        o->id = find_registration(db, o->event_key.empty() ? std::nullopt : std::optional<int64_t>(require_event(db, *o).id),
                                  o->registration_key)
                    .id;
        const auto promoted = service.set_status(o->id, o->status, o->reason);
        print_registration(out, *service.get(o->id));
        for (auto id : promoted) {
            out << tr("Promoted from the waiting list: ");
            print_registration(out, *service.get(id));
        }
    });

    auto* checkin =
        cli::add_command(*root, "checkin", tr("Check-in: search registrations, or mark one attended"), event_arg);
    checkin->add_option("--search", o->search, tr("Part of a name, email or institution"));
    checkin->add_option("--registration", o->registration_key,
                         tr("Mark this registration attended: its number, or the person's email or full name"));
    checkin->callback(on_event([o, &out](Database& db, const Event&) {
        RegistrationService service(db);
        if (!o->registration_key.empty()) {
            o->id = find_registration(db, o->event, o->registration_key).id;
            service.check_in(o->id);
            print_registration(out, *service.get(o->id));
            return;
        }
        for (const auto& r : service.search(o->event, o->search, 50)) print_registration(out, r);
    }));

    auto* walkin =
        cli::add_command(*root, "walk-in", tr("Someone came without registering: create and mark attended"), event_arg);
    walkin->add_option("--first", o->first, tr("First name"));
    walkin->add_option("--last", o->last, tr("Last name"))->required();
    person_details(walkin);
    walkin->callback(on_event([o, &out](Database& db, const Event&) {
        WalkIn w;
        w.first_name = o->first;
        w.last_name = o->last;
        w.email = o->email;
        if (!o->role.empty()) w.role = o->role;
        if (!o->institution.empty()) {
            // An unknown institution is kept as typed rather than refusing a person at the door.
            const auto m = match_institution(db, o->institution);
            if (m && (m->exact || m->similarity == 1.0))
                w.institution_id = m->institution_id;
            else
                w.institution_text = o->institution;
        }
        if (!o->sector.empty())
            if (auto s = SectorRepository(db).find(o->sector)) w.sector_id = s->id;
        print_registration(out, RegistrationService(db).walk_in(o->event, w));
    }));

    auto* assign = cli::add_command(*root, "assign",
                                    tr("Assign participants to tables (choice, then balanced sectors)"), event_arg);
    assign->add_flag("--all", o->all, tr("Reassign everyone, not only those without a table"));
    assign->callback(on_event([o, &out](Database& db, const Event&) {
        const auto r = assign_tables(db, o->event, o->all);
        out << fmt::format(fmt::runtime(tr("{choice} seated at the table they chose, {spread} spread evenly.")),
                           fmt::arg("choice", r.by_choice), fmt::arg("spread", r.spread))
            << '\n';
        for (const auto& t : EventRepository(db).tables(o->event))
            out << "  " << t.position << ". " << t.title << ": " << r.per_table.at(t.id) << '\n';
    }));

    // --- committee and working groups
    auto* committee = cli::add_group(*root, "committee", tr("The steering committee of an event"));
    auto* member =
        cli::add_command(*committee, "add-member", tr("Add a member institution (and representative)"), event_arg);
    member->add_option("--institution", o->institution, tr("Institution: number or name"))->required();
    member->add_option("--person", o->person, tr("The representative: email, full name or number"));
    member->callback(on_event([o, &out](Database& db, const Event&) {
        const auto inst = resolve_institution(db, o->institution);
        EventRepository(db).add_committee_member(o->event, inst,
                                                 o->person.empty() ? std::nullopt : std::optional<int64_t>(person_by_key(db, o->person)));
        out << tr("Member added.") << '\n';
    }));
    auto* meeting = cli::add_command(*committee, "meeting", tr("Record a committee meeting"), event_arg);
    day_options(meeting, false);
    meeting->add_option("--decision", o->dates, tr("A decision taken; repeat"));
    meeting->callback(on_event([o, &out](Database& db, const Event&) {
        EventRepository events(db);
        const auto sid = db.write([&] {
            const auto sid = events.add_committee_meeting(o->event, o->day);
            for (const auto& d : o->dates) events.add_decision(sid, d);
            return sid;
        });
        out << fmt::format(fmt::runtime(tr("Committee meeting recorded (session {id}).")), fmt::arg("id", sid)) << '\n';
    }));
    auto* service =
        cli::add_command(*root, "group-service", tr("Add a service taking part in a working group"), event_arg);
    service->add_option("--institution", o->institution, tr("Institution: number or name"))->required();
    service->callback(on_event([o, &out](Database& db, const Event&) {
        EventRepository(db).add_group_service(o->event, resolve_institution(db, o->institution));
        out << tr("Service added.") << '\n';
    }));

    // --- publications
    auto* pub = cli::add_group(*root, "publication", tr("Publications coming out of events"));
    auto* pub_add = pub->add_subcommand("add", tr("Add a publication"));
    auto& p = o->publication;
    pub_add->add_option("--title", p.title, tr("Its title"))->required();
    pub_add->add_option("--collection", p.collection, tr("The collection"));
    pub_add->add_option("--number", p.number, tr("Its number in the collection"));
    pub_add->add_option("--languages", p.languages, tr("Languages, e.g. fr,nl"));
    pub_add->add_option("--copies", p.copies, tr("Copies printed"));
    pub_add->add_option("--date", p.date, tr("Publication date (YYYY-MM-DD)"))->transform(human_date());
    pub_add->add_option("--link", p.link, tr("Where to read it"));
    pub_add->add_option("--event", o->event_key, tr("The event it came from: number, \"YYYY-MM-DD Title\" or title"));
    pub_add->add_option("--table", o->table_key, tr("The table it came from: number or title"));
    pub_add->callback([o, &ctx, &out] {
        auto& db = ctx.database();
        EventRepository events(db);
        const auto id = db.write([&] {
            const auto id = events.add_publication(o->publication);
            if (!o->event_key.empty()) {
                require_event(db, *o);
                events.link_publication(id, o->event,
                                        o->table_key.empty() ? std::nullopt
                                                             : std::optional<int64_t>(find_table(db, o->event, o->table_key).id));
            } else if (!o->table_key.empty()) {
                throw Error(tr("Name the event (--event) the table belongs to."));
            }
            return id;
        });
        out << fmt::format(fmt::runtime(tr("Publication {id} added.")), fmt::arg("id", id)) << '\n';
    });
    cli::add_list_command(
        *pub, tr("List publications"),
        [o](CLI::App* list) { list->add_option("--year", o->year, tr("Only those dated this year")); },
        [o, &ctx, &out](const std::string& format) {
            auto& db = ctx.database();
            const auto [from, to] = year_days(o->year, "", "");
            cli::print_list(
                out, format, EventRepository(db).publications(from, to),
                {"id", "date", "title", "collection", "number", "copies"},
                [](const Publication& p) -> std::vector<std::string> {
                    return {std::to_string(p.id), p.date,   p.title, p.collection,
                            p.number,             p.copies ? std::to_string(*p.copies) : ""};
                },
                [](std::ostream& out, const Publication& p) {
                    out << std::setw(4) << p.id << "  " << (p.date.empty() ? std::string(10, '-') : p.date) << "  "
                        << p.title;
                    if (!p.collection.empty() || !p.number.empty())
                        out << "  [" << p.collection << " " << p.number << "]";
                    if (p.copies) out << "  " << fmt::format(fmt::runtime(tr("{n} copies")), fmt::arg("n", *p.copies));
                    out << '\n';
                },
                {"copies"});
        });

    // --- evaluation
    auto* ev = cli::add_group(*root, "evaluation", tr("The evaluation questionnaire after an event"));
    ev->add_subcommand("template", tr("Show the questionnaire (created when missing)"))->callback([&ctx, &out] {
        auto& db = ctx.database();
        out << format_questionnaire(*QuestionnaireRepository(db).get(ensure_evaluation_template(db)));
    });
    auto* evs = cli::add_command(*ev, "submit", tr("Record one participant's evaluation of an event"), event_arg);
    evs->add_option("--person", o->person, tr("The person: email, full name or number (none: anonymous)"));
    evs->add_option("--answers", o->answers, tr("position=value pairs separated by '|', e.g. \"1=0|2=5|5=text\""))
        ->required();
    evs->callback(on_event([o, &out](Database& db, const Event&) {
        // One transaction: a bad answer leaves no questionnaire created on the way.
        const auto id = db.write([&] {
            const auto q = QuestionnaireRepository(db).get(ensure_evaluation_template(db));
            return submit_evaluation(db, o->event, o->person.empty() ? std::nullopt : std::optional<int64_t>(person_by_key(db, o->person)),
                                     parse_answers(*q, o->answers));
        });
        out << fmt::format(fmt::runtime(tr("Evaluation #{id} recorded.")), fmt::arg("id", id)) << '\n';
    }));
    auto* evy = cli::add_command(*ev, "summary", tr("Summary of an event's evaluations"), event_arg);
    evy->callback(on_event([o, &out](Database& db, const Event&) {
        out << format_summary(evaluation_summary(db, {o->event}));
    }));

    // --- outputs
    auto* certs = cli::add_command(*root, "certificates", tr("Attendance certificates (HTML, and PDF)"), event_arg);
    certs->add_option("--out", o->out, tr("Folder to write them into"))->required();
    certs->add_option("--person", o->person, tr("Only this person's certificate"));
    certs->add_flag("--pdf", o->pdf, tr("Also write PDFs: one per person and one with every certificate"));
    certs->callback(on_event([o, &out](Database& db, const Event&) {
        const auto files = write_certificates(db, o->event, o->person.empty() ? std::nullopt : std::optional<int64_t>(person_by_key(db, o->person)),
                                              o->out, o->pdf);
        out << fmt::format(fmt::runtime(tr("{n} certificates written to {dir}.")), fmt::arg("n", files.html.size()),
                           fmt::arg("dir", o->out))
            << '\n';
        if (o->pdf) out << fmt::format(fmt::runtime(tr("{n} PDF files written.")), fmt::arg("n", files.pdf.size())) << '\n';
        if (!files.all_pdf.empty())
            out << trf("All certificates, one per page: {file}", fmt::arg("file", files.all_pdf.string())) << '\n';
    }));

    auto* sheet = cli::add_command(*root, "sign-in-sheet",
                                   tr("A printable sign-in sheet (PDF or HTML) for paper check-in"), event_arg);
    sheet->add_option("--out", o->out, tr("The file: .pdf or .html"))->required();
    sheet->callback(on_event([o, &out](Database& db, const Event&) {
        if (std::filesystem::path(o->out).extension() == ".pdf")
            write_sign_in_sheet_pdf(db, o->event, o->out);
        else
            cli::write_text_file(o->out, sign_in_sheet_html(db, o->event));
        out << fmt::format(fmt::runtime(tr("Sign-in sheet written to {file}.")), fmt::arg("file", o->out)) << '\n';
    }));

    auto* exp = cli::add_command(*root, "export", tr("Export registrations or participants (CSV or XLSX)"), event_arg);
    exp->add_option("--out", o->out, tr("The file: .csv or .xlsx"))->required();
    exp->add_flag("--participants", o->participants, tr("Only the people who attended"));
    exp->callback(on_event([o, &out](Database& db, const Event&) {
        const auto rows = registration_rows(db, o->event, o->participants);
        const auto ext = std::filesystem::path(o->out).extension().string();
        if (ext == ".xlsx")
            write_xlsx(o->out, rows, o->participants ? tr("Participants") : tr("Registrations"));
        else if (ext == ".csv")
            write_csv(o->out, rows);
        else
            throw Error(tr("The export file must end in .csv or .xlsx."));
        db.write([&] { audit(db, "export", "exchange_registration", o->event, "file"); });
        out << fmt::format(fmt::runtime(tr("{n} rows written to {file}.")), fmt::arg("n", rows.size() - 1),
                           fmt::arg("file", o->out))
            << '\n';
    }));

    auto* ical = root->add_subcommand("ical", tr("iCalendar of the events"));
    ical->add_option("--out", o->out, tr("The .ics file (standard output when absent)"));
    ical->add_option("--year", o->year, tr("Only this calendar year"));
    ical->add_flag("--committee", o->committee, tr("Include steering-committee meetings"));
    ical->callback([o, &ctx, &out] {
        auto& db = ctx.database();
        const auto [from, to] = year_days(o->year, "0000-01-01", "9999-12-31");
        const auto text = events_icalendar(db, from, to, o->committee);
        if (o->out.empty()) {
            out << text;
        } else {
            cli::write_text_file(o->out, text);
            out << fmt::format(fmt::runtime(tr("Calendar written to {file}.")), fmt::arg("file", o->out)) << '\n';
        }
    });

    add_figures_command(*root, ctx, tr("The report's figures for the events of a year"), "exchange.events",
                        tr("Exchange tables, study days and working groups"),
                        [](Database& db, const ReportScope& scope) { return build_events_section(db, scope); });
}

}  // namespace maillage::exchange
