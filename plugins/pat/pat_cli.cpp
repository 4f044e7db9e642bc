#include "pat_cli.h"

#include "core/figures_command.h"

#include "accompaniments.h"
#include "pat_activities.h"
#include "pat_export.h"
#include "pat_figures.h"
#include "pat_map.h"
#include "pat_rules.h"

#include "core/cli/cli_files.h"
#include "core/cli/cli_options.h"
#include "core/cli/cli_table.h"
#include "core/cli_dates.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/known_values.h"
#include "core/locale_format.h"
#include "core/people.h"
#include "core/plugin_api.h"
#include "core/sectors.h"

#include <CLI/CLI.hpp>

#include <array>
#include <chrono>
#include <map>
#include <fstream>
#include <memory>

namespace maillage::pat {
namespace {

std::string today() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day d(now);
    return fmt::format("{:04d}-{:02d}-{:02d}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

bool all_digits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

int64_t institution_ref(Database& db, const std::string& ref) { return find_institution(db, ref).id; }

// A person by email, unique full name or id: the core's lookup, as in every plugin.
int64_t person_ref(Database& db, const std::string& ref) { return person_by_key(db, ref); }

std::vector<int64_t> person_refs(Database& db, const std::vector<std::string>& refs) {
    std::vector<int64_t> out;
    for (const auto& r : refs) out.push_back(person_ref(db, r));
    return out;
}

std::optional<int64_t> funder_ref(Database& db, const std::string& code) {
    if (code.empty()) return std::nullopt;
    return funder_id_by_code(db, code);
}

// An accompaniment as users name it: its institution's name, followed by "@" and the
// request date when the institution has several, or its id.
int64_t accompaniment_ref(Database& db, const std::string& ref) {
    if (all_digits(ref)) return std::stoll(ref);
    const auto at = ref.rfind('@');
    std::string name = ref, date;
    if (at != std::string::npos) {
        std::string error;
        if (auto iso = locale::parse_date(ref.substr(at + 1), &error)) {
            name = ref.substr(0, at);
            date = *iso;
        }
    }
    const auto inst = institution_ref(db, name);
    std::vector<Accompaniment> found;
    std::string dates;
    for (const auto& a : AccompanimentRepository(db).list())
        if (a.institution_id == inst) {
            if (!date.empty() && a.request_date == date) return a.id;
            found.push_back(a);
            dates += (dates.empty() ? "" : ", ") + a.request_date;
        }
    if (found.empty())
        throw Error(trf("{name} has no accompaniment.", fmt::arg("name", name)));
    if (date.empty() && found.size() == 1) return found.front().id;
    throw Error(trf("Say which accompaniment of {name} by its request date: {name}@DATE ({dates}).",
                    fmt::arg("name", name), fmt::arg("dates", dates)));
}

// The positional argument naming the accompaniment, as every command after the request takes it.
void add_accompaniment_arg(CLI::App* command, std::string& ref, bool required = true) {
    command
        ->add_option("accompaniment", ref,
                     tr("The accompaniment: its institution, with @ and the request date when it has several "
                        "(\"CPAS de Forest@2025-01-10\"), or its id"))
        ->required(required);
}

// The key accompaniment_ref takes back: the institution, @ and the request date.
std::string accompaniment_key(const Accompaniment& a) { return a.institution_name + "@" + a.request_date; }

// People as the imports take them: emails (or #id for a person without one), "|" between.
std::string emails(Database& db, const std::vector<int64_t>& ids) {
    PersonRepository people(db);
    std::string out;
    for (auto id : ids) {
        const auto p = people.get(id);
        out += (out.empty() ? "" : "|") + (p && !p->email.empty() ? p->email : "#" + std::to_string(id));
    }
    return out;
}

Accompaniment need(Database& db, int64_t id) {
    auto a = AccompanimentRepository(db).get(id);
    if (!a) throw Error(trf("No accompaniment has the id {id}.", fmt::arg("id", id)));
    return *a;
}

// The accompaniments a list covers: the one named, or all of them.
std::vector<Accompaniment> named_or_all(Database& db, const std::string& ref) {
    if (ref.empty()) return AccompanimentRepository(db).list();
    return {need(db, accompaniment_ref(db, ref))};
}

void board(Database& db, std::ostream& out, const std::string& funder) {
    AccompanimentRepository repo(db);
    const auto all = repo.list(funder);
    for (const auto& phase : kPhases) {
        int n = 0;
        for (const auto& a : all) n += a.phase == phase;
        out << "== " << phase_label(phase) << " (" << n << ")\n";
        for (const auto& a : all) {
            if (a.phase != phase) continue;
            const auto count = repo.session_count(a.id);
            const auto step = repo.step_reached(a.id, "fr");
            out << "  #" << a.id << "  " << a.institution_name << "  [" << (a.funder_code.empty() ? "-" : a.funder_code)
                << "]  " << trf("step: {step}", fmt::arg("step", step ? std::to_string(step->position) + ". " + step->label
                                                                  : tr("all done")))
                << "  " << trf("sessions {held}/{planned}", fmt::arg("held", count.held), fmt::arg("planned", count.planned));
            if (count.follow_up) out << "  " << trf("follow-up {n}", fmt::arg("n", count.follow_up));
            out << '\n';
        }
    }
}

// What a command that records one T reads: the record its options fill, and what the user
// typed for the references looked up when it runs (the institution by id or name, the funder
// by code, the sector, a person, the accompaniment).
template <class T>
struct Recording {
    T record;
    std::string institution, funder, sector, person, accompaniment;
};

// `VERB` under `group` (pat request create, pat training add...): a command that records one
// T. declare(command, recording) adds its options, which fill the recording; when it runs,
// save(db, record, recording) looks the references up in a copy of the record and saves it,
// and the new id is printed in `saved` ("Training #{id} recorded.").
template <class T, class Declare, class Save>
void add_record_command(CLI::App& group, CliContext& ctx, const std::string& verb, const std::string& help,
                        const std::string& saved, Declare declare, Save save) {
    auto* command = group.add_subcommand(verb, help);
    auto o = std::make_shared<Recording<T>>();
    declare(command, *o);
    command->callback(cli::on_save(ctx, saved, [o, save](Database& db) {
        T record = o->record;
        return save(db, record, *o);
    }));
}

// --institution, by id or exact name (institution_ref finds it).
CLI::Option* institution_option(CLI::App* command, std::string& institution) {
    return command->add_option("--institution", institution, tr("Institution id or exact name"));
}

// CODE, --fr, --nl and --en of a step or a session type being defined: the first four values.
template <std::size_t N>
void code_and_label_options(CLI::App* command, std::array<std::string, N>& values) {
    command->add_option("code", values[0], tr("Stable code"))->required();
    command->add_option("--fr", values[1], tr("French label"))->required();
    command->add_option("--nl", values[2], tr("Dutch label"))->required();
    command->add_option("--en", values[3], tr("English label"))->required();
}

// The table format's line of a step or a session type: "1. [code] fr | nl | en".
template <class T>
void print_labelled(std::ostream& out, const T& item) {
    out << item.position << ". [" << item.code << "] " << item.label_fr << " | " << item.label_nl << " | "
        << item.label_en << '\n';
}

}  // namespace

void add_pat_commands(CLI::App& app, CliContext& ctx) {
    auto* pat = cli::add_group(app, "pat", tr("PAT peer-support accompaniments"));
    auto out = [&ctx]() -> std::ostream& { return *ctx.out; };
    auto err = [&ctx]() -> std::ostream& { return *ctx.err; };

    // request create
    add_record_command<Accompaniment>(
        *cli::add_group(*pat, "request", tr("Requests for an accompaniment")), ctx, "create",
        tr("Record a new request"), tr("Request #{id} recorded."),
        [](CLI::App* create, Recording<Accompaniment>& o) {  // the contact is the person
            auto& r = o.record;
            institution_option(create, o.institution)->required();
            create->add_option("--date", r.request_date, tr("Request date (default: today)"))->transform(human_date());
            create->add_option("--contact", o.person, tr("Contact person: id or email"));
            create->add_option("--contact-name", r.contact_name, tr("Contact person's name when not in the database"));
            create->add_option("--heard-from", r.heard_from, tr("How they heard of PAT"));
            create->add_option("--funder", o.funder, tr("Funder code the accompaniment counts for"));
            create->add_option("--region", r.region, tr("brussels, wallonia or flanders (default: the institution's)"));
            // A negative number is refused by the repository.
            create->add_option("--planned", r.planned_sessions, tr("Planned number of sessions"));
            create->add_option("--notes", r.notes, tr("Notes"));
        },
        [](Database& db, Accompaniment& a, const Recording<Accompaniment>& o) {
            a.institution_id = institution_ref(db, o.institution);
            if (a.request_date.empty()) a.request_date = today();
            if (!o.person.empty()) a.contact_person_id = person_ref(db, o.person);
            a.funder_id = funder_ref(db, o.funder);
            return AccompanimentRepository(db).create_request(a);
        });
    // request list: every accompaniment with the key the other commands take
    {
        auto* request = pat->get_subcommand("request");
        auto* list = request->add_subcommand("list", tr("List the accompaniments with their institution and request date"));
        struct Opts {
            std::string funder, format = "table";
        };
        auto o = std::make_shared<Opts>();
        list->add_option("--funder", o->funder, tr("Only this funder's accompaniments"));
        cli::add_format_option(*list, o->format);
        list->callback([&ctx, o, out] {
            auto& db = ctx.database();
            if (!o->funder.empty()) funder_id_by_code(db, o->funder);  // an unknown code is an error
            PersonRepository people(db);
            cli::CliTable t;
            const bool text = o->format == "table";
            if (text) {  // what a reader needs; csv and json give the columns of the pat_accompaniments sheet
                t.keys = {"id", "institution", "request_date", "key", "phase", "decision", "funder", "region"};
                t.headers = {tr("Id"),    tr("Institution"), tr("Request date"), tr("Key"),
                             tr("Phase"), tr("Decision"),    tr("Funder"),       tr("Region")};
            } else {
                t.keys = {"id",       "institution",   "request_date",    "key",   "funder",     "contact",
                          "heard_from", "planned_sessions", "decision", "decision_date", "decision_reason", "phase",
                          "phase_date", "region", "notes"};
                t.numbers = {"planned_sessions"};
            }
            for (const auto& a : AccompanimentRepository(db).list(o->funder)) {
                if (text) {
                    t.rows.push_back({std::to_string(a.id), a.institution_name, a.request_date, accompaniment_key(a),
                                      phase_label(a.phase), a.decision.empty() ? "" : decision_label(a.decision),
                                      a.funder_code, a.region});
                    continue;
                }
                const auto contact = a.contact_person_id ? people.get(*a.contact_person_id) : std::nullopt;
                const std::map<std::string, std::string> reached = {
                    {"request", a.request_date},         {"analysis", a.analysis_date}, {"accompaniment", a.accompaniment_date},
                    {"hired", a.hired_date},             {"follow_up", a.follow_up_date}, {"closed", a.closed_date}};
                const auto phase_date = reached.count(a.phase) ? reached.at(a.phase) : std::string();
                t.rows.push_back({std::to_string(a.id), a.institution_name, a.request_date, accompaniment_key(a),
                                  a.funder_code, contact ? contact->email : "", a.heard_from,
                                  a.planned_sessions ? std::to_string(*a.planned_sessions) : "", a.decision,
                                  a.decision_date, a.decision_reason, a.phase, phase_date, a.region, a.notes});
            }
            cli::print_table(out(), t, o->format);
        });
    }
    // decide
    {
        auto* decide = pat->add_subcommand("decide", tr("Record the decision after the analysis"));
        struct Opts {
            int64_t id = 0;
            std::string ref;  // institution[@request date] or id
            std::string decision, reason, date;
        };
        auto o = std::make_shared<Opts>();
        add_accompaniment_arg(decide, o->ref);
        decide->add_option("decision", o->decision, tr("accepted, waiting or declined"))->required();
        decide->add_option("--reason", o->reason, tr("Reason (required when declined)"));
        decide->add_option("--date", o->date, tr("Decision date (default: today)"))->transform(human_date());
        decide->callback([&ctx, o, out] {
            o->id = accompaniment_ref(ctx.database(), o->ref);
            AccompanimentRepository(ctx.database()).decide(o->id, o->decision, o->reason, o->date.empty() ? today() : o->date);
            out() << trf("Accompaniment #{id}: {decision}.", fmt::arg("id", o->id),
                         fmt::arg("decision", decision_label(o->decision)))
                  << '\n';
        });
    }
    // phase set
    {
        auto* phase = cli::add_group(*pat, "phase", tr("Phase of an accompaniment"));
        auto* set = phase->add_subcommand("set", tr("Move an accompaniment to another phase"));
        struct Opts {
            int64_t id = 0;
            std::string ref;  // institution[@request date] or id
            std::string phase, date, reason;
        };
        auto o = std::make_shared<Opts>();
        add_accompaniment_arg(set, o->ref);
        set->add_option("phase", o->phase, tr("request, analysis, accompaniment, hired, follow_up or closed"))->required();
        set->add_option("--date", o->date, tr("Date of the change (default: today)"))->transform(human_date());
        set->add_option("--reason", o->reason, tr("Why (required when closing)"));
        set->callback([&ctx, o, out] {
            o->id = accompaniment_ref(ctx.database(), o->ref);
            AccompanimentRepository(ctx.database()).set_phase(o->id, o->phase, o->date.empty() ? today() : o->date, o->reason);
            out() << trf("Accompaniment #{id} is now in the phase {phase}.", fmt::arg("id", o->id),
                         fmt::arg("phase", phase_label(o->phase)))
                  << '\n';
        });
    }
    // steps list / set
    {
        auto* steps = cli::add_group(*pat, "steps", tr("The guide's steps of an accompaniment"));
        auto* list = steps->add_subcommand("list", tr("List the steps and their state"));
        auto list_id = std::make_shared<int64_t>(0);
        auto list_ref = std::make_shared<std::string>();
        auto lang = std::make_shared<std::string>("fr");
        add_accompaniment_arg(list, *list_ref);
        list->add_option("--language", *lang, tr("Label language: fr, nl or en"));
        auto format = cli::add_format_option(*list);
        list->callback([&ctx, list_id, list_ref, lang, format, out] {
            *list_id = accompaniment_ref(ctx.database(), *list_ref);
            const auto a = need(ctx.database(), *list_id);
            if (*format != "table") {
                std::vector<std::vector<std::string>> rows;
                for (const auto& s : AccompanimentRepository(ctx.database()).step_states(*list_id, *lang))
                    rows.push_back({std::to_string(a.id), accompaniment_key(a), std::to_string(s.position), s.code,
                                    s.label, s.state, s.started_on, s.finished_on, s.notes});
                cli::print_rows(out(),
                                {"accompaniment_id", "accompaniment", "position", "code", "label", "state", "started_on",
                                 "finished_on", "notes"},
                                rows, *format, {"position"});
                return;
            }
            for (const auto& s : AccompanimentRepository(ctx.database()).step_states(*list_id, *lang)) {
                out() << s.position << ". " << s.label << " [" << s.code << "]: " << step_state_label(s.state);
                if (!s.started_on.empty()) out() << "  " << s.started_on;
                if (!s.finished_on.empty()) out() << " → " << s.finished_on;
                if (!s.notes.empty()) out() << "  — " << s.notes;
                out() << '\n';
            }
        });
        auto* set = steps->add_subcommand("set", tr("Change a step's state"));
        struct Opts {
            int64_t id = 0;
            std::string ref;  // institution[@request date] or id
            std::string step, state, date, notes;
        };
        auto o = std::make_shared<Opts>();
        add_accompaniment_arg(set, o->ref);
        set->add_option("step", o->step, tr("Step code or position"))->required();
        set->add_option("state", o->state, tr("not_started, in_progress, done or skipped"))->required();
        set->add_option("--date", o->date, tr("Date (default: today)"))->transform(human_date());
        set->add_option("--notes", o->notes, tr("Notes"));
        set->callback([&ctx, o, out] {
            o->id = accompaniment_ref(ctx.database(), o->ref);
            const auto s = AccompanimentRepository(ctx.database())
                               .set_step(o->id, o->step, o->state, o->date.empty() ? today() : o->date, o->notes);
            out() << s.position << ". " << s.label << ": " << step_state_label(s.state) << '\n';
        });
    }
    // session add
    {
        auto* session = cli::add_group(*pat, "session", tr("Accompaniment sessions"));
        auto* add = session->add_subcommand("add", tr("Record a session"));
        struct Opts {
            std::string ref;  // institution[@request date] or id
            PatSession session;  // the options fill it; staff and attendees are looked up
            std::vector<std::string> staff, attendees;
        };
        auto o = std::make_shared<Opts>();
        auto& s = o->session;
        add_accompaniment_arg(add, o->ref);
        add->add_option("--type", s.type,
                        tr("working_group, team_meeting, training_day, job_interview, other_meeting or immersion"))
            ->required();
        add->add_option("--date", s.date, tr("Session date"))->transform(human_date())->required();
        add->add_option("--duration", s.duration_minutes, tr("Duration in minutes"));
        add->add_option("--prep", s.preparation_minutes, tr("Preparation time in minutes"));
        add->add_option("--phase", s.phase, tr("accompaniment or follow_up (default: follow_up when dated after the hire)"));
        add->add_option("--status", s.status, tr("planned, held or cancelled (default: held)"));
        add->add_option("--staff", o->staff, tr("Staff who ran it: ids or emails, comma-separated"))->delimiter(',');
        add->add_option("--attendee", o->attendees, tr("Attendees from the institution: ids or emails"))->delimiter(',');
        add->add_option("--title", s.title, tr("Title"));
        add->add_option("--notes", s.notes, tr("Notes"));
        add->callback([&ctx, o, out, err] {
            auto& db = ctx.database();
            auto& s = o->session;
            s.accompaniment_id = accompaniment_ref(db, o->ref);
            s.staff = person_refs(db, o->staff);
            s.attendees = person_refs(db, o->attendees);
            std::string warning;
            const auto sid = AccompanimentRepository(db).add_session(s, &warning);
            out() << trf("Session #{id} recorded.", fmt::arg("id", sid)) << '\n';
            if (!warning.empty()) err() << tr("Warning: ") << warning << '\n';
        });
    }
    // session list | hire list: the columns of the pat_sessions and pat_hires sheets, so
    // that a CSV list edited in a spreadsheet is imported back as it is.
    {
        struct Opts {
            std::string ref, format = "table";
        };
        auto so = std::make_shared<Opts>();
        auto* slist = pat->get_subcommand("session")->add_subcommand(
            "list", tr("List the sessions (of one accompaniment, or all) with the columns of their import"));
        add_accompaniment_arg(slist, so->ref, false);
        cli::add_format_option(*slist, so->format);
        slist->callback([&ctx, so, out] {
            auto& db = ctx.database();
            AccompanimentRepository repo(db);
            cli::CliTable t;
            t.keys = {"id", "institution", "request_date", "type", "date", "duration", "staff",
                      "attendees", "status", "phase", "title", "notes"};
            t.headers = {tr("Id"),       tr("Institution"), tr("Request date"), tr("Type"),
                         tr("Date"),     tr("Duration"),    tr("Staff"),        tr("Attendees"),
                         tr("Status"),   tr("Phase"),       tr("Title"),        tr("Notes")};
            t.numbers = {"duration"};
            for (const auto& a : named_or_all(db, so->ref))
                for (const auto& x : repo.sessions(a.id))
                    t.rows.push_back({std::to_string(x.session_id), a.institution_name, a.request_date, x.type, x.date,
                                      std::to_string(x.duration_minutes), emails(db, x.staff), emails(db, x.attendees),
                                      x.status, x.phase, x.title, x.notes});
            cli::print_table(out(), t, so->format);
        });

        auto ho = std::make_shared<Opts>();
        auto* hire = cli::add_group(*pat, "hire", tr("Hires of peer workers"));
        auto* hlist = hire->add_subcommand(
            "list", tr("List the hires (of one accompaniment, or all) with the columns of their import"));
        add_accompaniment_arg(hlist, ho->ref, false);
        cli::add_format_option(*hlist, ho->format);
        hlist->callback([&ctx, ho, out] {
            auto& db = ctx.database();
            AccompanimentRepository repo(db);
            cli::CliTable t;
            t.keys = {"id",        "institution",          "request_date",  "status", "hire_date", "announced_date",
                      "job_title", "working_time_percent", "contract_type", "person", "notes"};
            t.numbers = {"working_time_percent"};
            t.headers = {tr("Id"),        tr("Institution"),  tr("Request date"), tr("Status"),
                         tr("Hire date"), tr("Announced on"), tr("Job title"),    tr("Working time (%)"),
                         tr("Contract"),  tr("Person"),       tr("Notes")};
            for (const auto& a : named_or_all(db, ho->ref))
                for (const auto& h : repo.hires(a.id))
                    t.rows.push_back({std::to_string(h.id), a.institution_name, a.request_date, h.status, h.hire_date,
                                      h.announced_date, h.job_title,
                                      h.working_time_percent ? fmt::format("{:g}", *h.working_time_percent) : "",
                                      h.contract_type, h.person_id ? emails(db, {*h.person_id}) : "", h.notes});
            cli::print_table(out(), t, ho->format);
        });
    }
    // hire add
    add_record_command<Hire>(
        *pat->get_subcommand("hire"), ctx, "add", tr("Record a hire (or an announced one)"), tr("Hire #{id} recorded."),
        [](CLI::App* add, Recording<Hire>& o) {
            auto& h = o.record;
            add_accompaniment_arg(add, o.accompaniment);
            add->add_option("--date", h.hire_date, tr("Hire date (the contract's start)"))->transform(human_date());
            add->add_option("--announced", h.announced_date,
                            tr("Date the hire was announced; alone, the hire is not effective yet"));
            add->add_option("--job-title", h.job_title, tr("Job title"));
            add->add_option("--working-time", h.working_time_percent, tr("Working time as a percentage of full time"));
            add->add_option("--contract", h.contract_type, tr("Contract type"));
            add->add_option("--person", o.person, tr("The peer worker hired: id or email"));
            add->add_option("--notes", h.notes, tr("Notes"));
        },
        [](Database& db, Hire& h, const Recording<Hire>& o) {
            h.accompaniment_id = accompaniment_ref(db, o.accompaniment);
            h.status = h.hire_date.empty() ? "announced" : "effective";
            if (!o.person.empty()) h.person_id = person_ref(db, o.person);
            return AccompanimentRepository(db).add_hire(h);
        });
    // training add
    add_record_command<Training>(
        *cli::add_group(*pat, "training", tr("Stand-alone trainings")), ctx, "add", tr("Record a training"),
        tr("Training #{id} recorded."),
        [](CLI::App* add, Recording<Training>& o) {
            auto& t = o.record;
            add->add_option("--title", t.title, tr("Title"));
            add->add_option("--audience", t.audience, tr("Audience"));
            add->add_option("--date", t.date, tr("Date"))->transform(human_date())->required();
            add->add_option("--duration", t.duration_minutes, tr("Duration in minutes"));
            add->add_option("--participants", t.participants, tr("Number of participants"));
            institution_option(add, o.institution);
            add->add_option("--funder", o.funder, tr("Funder code"));
            add->add_option("--notes", t.notes, tr("Notes"));
        },
        [](Database& db, Training& t, const Recording<Training>& o) {
            if (!o.institution.empty()) t.institution_id = institution_ref(db, o.institution);
            t.funder_id = funder_ref(db, o.funder);
            return ActivityRepository(db).add_training(t);
        });
    // advocacy add
    add_record_command<Advocacy>(
        *cli::add_group(*pat, "advocacy", tr("Advocacy and representation")), ctx, "add",
        tr("Record an advocacy action"), tr("Advocacy action #{id} recorded."),
        [](CLI::App* add, Recording<Advocacy>& o) {
            auto& a = o.record;
            add->add_option("--kind", a.kind, tr("talk, interview, podcast or meeting"))->required();
            add->add_option("--date", a.date, tr("Date"))->transform(human_date())->required();
            add->add_option("--title", a.title, tr("Title"));
            add->add_option("--audience", a.audience, tr("Audience"));
            add->add_option("--audience-size", a.audience_size, tr("Audience size"));
            add->add_option("--link", a.link, tr("Link"));
            add->add_option("--funder", o.funder, tr("Funder code"));
            add->add_option("--notes", a.notes, tr("Notes"));
        },
        [](Database& db, Advocacy& a, const Recording<Advocacy>& o) {
            a.funder_id = funder_ref(db, o.funder);
            return ActivityRepository(db).add_advocacy(a);
        });
    // workplace set
    add_record_command<Workplace>(
        *cli::add_group(*pat, "workplace", tr("Peer-support workplaces (the map)")), ctx, "set",
        tr("Add or update a workplace"), tr("Workplace #{id} recorded."),
        [](CLI::App* set, Recording<Workplace>& o) {
            auto& w = o.record;
            institution_option(set, o.institution)->required();
            set->add_option("--since", w.since, tr("Since (date)"))->transform(human_date());
            set->add_option("--sector", o.sector, tr("Sector code or label (default: the institution's)"));
            set->add_option("--peer-workers", w.peer_workers, tr("Number of peer workers"));
            set->add_option("--notes", w.notes, tr("Notes"));
        },
        [](Database& db, Workplace& w, const Recording<Workplace>& o) {
            w.institution_id = institution_ref(db, o.institution);
            if (!o.sector.empty()) {
                auto s = SectorRepository(db).find(o.sector);
                if (!s) throw Error(trf("Sector: \"{value}\" is not a known sector.", fmt::arg("value", o.sector)));
                w.sector_id = s->id;
            }
            return ActivityRepository(db).set_workplace(w);
        });
    // intake: the request analysis questionnaire
    {
        auto* intake = pat->add_subcommand("intake", tr("Record the intake questionnaire of the request analysis"));
        struct Opts {
            int64_t id = 0;
            std::string ref;  // institution[@request date] or id
            std::vector<std::string> answers;
            std::string questionnaire = "pat_intake";
        };
        auto o = std::make_shared<Opts>();
        add_accompaniment_arg(intake, o->ref);
        intake->add_option("--answer", o->answers, tr("An answer as POSITION=VALUE (repeat); choices are 0-based indexes"));
        intake->add_option("--questionnaire", o->questionnaire, tr("Questionnaire code (default: pat_intake)"));
        intake->callback(cli::on_save(ctx, tr("Intake response #{id} recorded."), [o](Database& db) {
            o->id = accompaniment_ref(db, o->ref);
            std::map<int, std::string> answers;
            for (const auto& a : o->answers) {
                const auto eq = a.find('=');
                if (eq == std::string::npos || !all_digits(a.substr(0, eq)))
                    throw Error(trf("Answer \"{value}\": write POSITION=VALUE.", fmt::arg("value", a)));
                answers[std::stoi(a.substr(0, eq))] = a.substr(eq + 1);
            }
            return AccompanimentRepository(db).record_intake(o->id, answers, o->questionnaire);
        }));
    }
    // guide steps and session types: reference data
    {
        auto* guide = cli::add_group(*pat, "guide", tr("The guide's steps (reference data)"));
        cli::add_list_command(
            *guide, tr("List the steps"), out(), [&ctx] { return AccompanimentRepository(ctx.database()).steps(); },
            {"id", "code", "position", "label_fr", "label_nl", "label_en", "retired_at"},
            [](const Step& s) -> std::vector<std::string> {
                return {std::to_string(s.id), s.code, std::to_string(s.position), s.label_fr, s.label_nl, s.label_en,
                        s.retired_at};
            },
            print_labelled<Step>, {"position"});
        auto* define = guide->add_subcommand("define", tr("Add a step or change its labels"));
        auto d = std::make_shared<std::array<std::string, 4>>();
        code_and_label_options(define, *d);
        define->callback([&ctx, d, out] {
            AccompanimentRepository(ctx.database()).define_step((*d)[0], (*d)[1], (*d)[2], (*d)[3]);
            out() << trf("Step {code} saved.", fmt::arg("code", (*d)[0])) << '\n';
        });
        auto* retire = guide->add_subcommand("retire", tr("Retire a step (old accompaniments keep it)"));
        auto code = cli::add_required(*retire, "code", tr("Stable code"));
        retire->callback([&ctx, code, out] {
            AccompanimentRepository(ctx.database()).retire_step(*code);
            out() << trf("Step {code} retired.", fmt::arg("code", *code)) << '\n';
        });

        auto* types = cli::add_group(*pat, "types", tr("Session types (reference data)"));
        cli::add_list_command(
            *types, tr("List the session types"), out(),
            [&ctx] { return AccompanimentRepository(ctx.database()).session_types(); },
            {"id", "code", "position", "label_fr", "label_nl", "label_en", "plural_fr", "plural_nl", "plural_en",
             "retired_at"},
            [](const SessionType& t) -> std::vector<std::string> {
                return {std::to_string(t.id), t.code,      std::to_string(t.position), t.label_fr, t.label_nl,
                        t.label_en,           t.plural_fr, t.plural_nl,                 t.plural_en, t.retired_at};
            },
            print_labelled<SessionType>, {"position"});
        auto* tdefine = types->add_subcommand("define", tr("Add a session type or change its labels"));
        auto t = std::make_shared<std::array<std::string, 7>>();
        code_and_label_options(tdefine, *t);
        tdefine->add_option("--fr-plural", (*t)[4], tr("French plural"))->required();
        tdefine->add_option("--nl-plural", (*t)[5], tr("Dutch plural"))->required();
        tdefine->add_option("--en-plural", (*t)[6], tr("English plural"))->required();
        tdefine->callback([&ctx, t, out] {
            AccompanimentRepository(ctx.database())
                .define_session_type((*t)[0], (*t)[1], (*t)[2], (*t)[3], (*t)[4], (*t)[5], (*t)[6]);
            out() << trf("Session type {code} saved.", fmt::arg("code", (*t)[0])) << '\n';
        });
        auto* tretire = types->add_subcommand("retire", tr("Retire a session type (old sessions keep it)"));
        auto tcode = cli::add_required(*tretire, "code", tr("Stable code"));
        tretire->callback([&ctx, tcode, out] {
            AccompanimentRepository(ctx.database()).retire_session_type(*tcode);
            out() << trf("Session type {code} retired.", fmt::arg("code", *tcode)) << '\n';
        });
    }
    // board
    {
        auto* b = pat->add_subcommand("board", tr("All accompaniments by phase"));
        auto funder = std::make_shared<std::string>();
        b->add_option("--funder", *funder, tr("Only this funder's accompaniments"));
        b->callback([&ctx, funder, out] {
            if (!funder->empty()) funder_id_by_code(ctx.database(), *funder);
            board(ctx.database(), out(), *funder);
        });
    }
    // map export
    {
        auto* map = cli::add_group(*pat, "map", tr("The map of peer-support workplaces"));
        auto* exp = map->add_subcommand("export", tr("Export the map as SVG, CSV and/or GeoJSON"));
        auto csv = std::make_shared<std::string>();
        auto geo = std::make_shared<std::string>();
        auto svg = std::make_shared<std::string>();
        exp->add_option("--csv", *csv, tr("CSV file to write"));
        exp->add_option("--geojson", *geo, tr("GeoJSON file to write"));
        exp->add_option("--svg", *svg, tr("SVG file to write: the map as the window draws it"));
        exp->callback([&ctx, csv, geo, svg, out, err] {
            if (csv->empty() && geo->empty() && svg->empty())
                throw Error(tr("Give --svg FILE, --csv FILE, --geojson FILE, or several."));
            auto& db = ctx.database();
            if (!svg->empty()) {
                cli::write_text_file(*svg, map_svg_file(map_data(db)));
                out() << trf("Wrote {file}.", fmt::arg("file", *svg)) << '\n';
            }
            if (!csv->empty()) {
                cli::write_text_file(*csv, map_csv(db));
                out() << trf("Wrote {file}.", fmt::arg("file", *csv)) << '\n';
            }
            if (!geo->empty()) {
                const auto m = map_geojson(db);
                cli::write_text_file(*geo, m.geojson.dump(2) + "\n");
                out() << trf("Wrote {file}: {n} municipalities.", fmt::arg("file", *geo),
                             fmt::arg("n", m.geojson["features"].size()))
                      << '\n';
                if (!m.unplaced.empty()) {
                    std::string list;
                    for (const auto& u : m.unplaced) list += (list.empty() ? "" : ", ") + u;
                    err() << trf("Warning: no known position for these workplaces, left off the map: {list}",
                                 fmt::arg("list", list))
                          << '\n';
                }
            }
        });
    }
    // export sessions / accompaniments
    {
        auto* exp = cli::add_group(*pat, "export", tr("Export sessions or accompaniments as CSV or XLSX"));
        struct Opts {
            std::string csv, xlsx, from = "0000-01-01", to = "9999-12-31", language = "fr";
            int year = 0;
        };
        for (const char* what : {"sessions", "accompaniments"}) {
            const std::string name = what;
            auto* sub = exp->add_subcommand(name, name == "sessions" ? tr("Export the sessions")
                                                                     : tr("Export the accompaniments"));
            auto o = std::make_shared<Opts>();
            sub->add_option("--csv", o->csv, tr("CSV file to write"));
            sub->add_option("--xlsx", o->xlsx, tr("XLSX file to write"));
            sub->add_option("--language", o->language, tr("Label language: fr, nl or en"));
            if (name == "sessions") sub->add_option("--year", o->year, tr("Only this calendar year"));
            sub->callback([&ctx, o, name, out] {
                if (o->csv.empty() && o->xlsx.empty()) throw Error(tr("Give --csv FILE, --xlsx FILE or both."));
                auto& db = ctx.database();
                Table t = name == "sessions"
                              ? sessions_table(db, o->year ? std::to_string(o->year) + "-01-01" : o->from,
                                               o->year ? std::to_string(o->year) + "-12-31" : o->to, o->language)
                              : accompaniments_table(db, o->language);
                if (!o->csv.empty()) write_csv(t, o->csv);
                if (!o->xlsx.empty()) write_xlsx(t, o->xlsx, name);
                out() << trf("{n} rows exported.", fmt::arg("n", t.rows.size())) << '\n';
            });
        }
    }
    // staff-time
    {
        auto* st = pat->add_subcommand("staff-time", tr("Share of the team's time spent on accompaniments"));
        struct Opts {
            std::string from, to;
            double weekly = 38;
        };
        auto o = std::make_shared<Opts>();
        st->add_option("--from", o->from, tr("First day"))->required();
        st->add_option("--to", o->to, tr("Last day"))->required();
        st->add_option("--weekly-hours", o->weekly, tr("Hours of a full-time week (default 38)"));
        st->callback([&ctx, o, out] {
            const auto t = staff_time(ctx.database(), o->from, o->to, o->weekly);
            for (const auto& p : t.people)
                out() << "  " << p.name << ": " << trf("{n} sessions, {h} h, {share} of a full time",
                                                       fmt::arg("n", p.sessions), fmt::arg("h", fmt::format("{:.1f}", p.minutes / 60.0)),
                                                       fmt::arg("share", p.share + " %"))
                      << '\n';
            out() << trf("Team: {h} h on accompaniments, {share} of its time.",
                         fmt::arg("h", fmt::format("{:.1f}", t.total_minutes / 60.0)), fmt::arg("share", t.share + " %"))
                  << '\n';
        });
    }
    // figures
    add_figures_command(*pat, ctx, tr("The report section's figures"), "pat.accompaniments", tr("PAT peer-support accompaniments"),
                        [](Database& db, const ReportScope& scope) { return PatReportProvider().build(db, scope); });
}

}  // namespace maillage::pat
