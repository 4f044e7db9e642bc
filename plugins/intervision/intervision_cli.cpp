#include "intervision_cli.h"

#include "cycles.h"
#include "enrolment_rules.h"
#include "intervision_evaluation.h"
#include "intervision_exports.h"
#include "intervision_figures.h"
#include "intervision_ical.h"
#include "session_scheduler.h"

#include "core/cli/cli_files.h"
#include "core/cli/cli_options.h"
#include "core/cli/cli_table.h"
#include "core/cli_dates.h"
#include "core/figures_command.h"
#include "core/known_values.h"
#include "core/locale_format.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/programmes.h"
#include "core/sectors.h"
#include "core/sessions.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <fstream>
#include <memory>

namespace maillage::intervision {
namespace {

struct Options {
    std::string cycle, programme, group, name, start, end, audience = "workers", date, reason, person, status = "present",
        role = "participant", out, file, place, weekday = "monday", answers, format = "markdown", from_group, to_group, regional;
    std::vector<std::string> facilitators, closures;
    int year = 0;
    Group new_group;  // group create
    std::string session_ref, other_ref;  // a session: its id, or its date within --group
    bool with_participants = false, replace = false;
};

Database& db_of(CliContext& c) { return c.database(); }

Cycle need_cycle(Database& db, const Options& o) {
    if (o.cycle.empty()) throw Error(tr("Say which cycle with --cycle NAME."));
    auto c = CycleRepository(db).find_cycle(o.cycle, o.programme);
    if (!c) {
        std::vector<std::string> names;
        for (const auto& k : CycleRepository(db).cycles()) names.push_back(k.name);
        throw Error(trf("No cycle named {name} (cycles: {names}).", fmt::arg("name", o.cycle),
                        fmt::arg("names", valid_values(names, o.cycle))));
    }
    return *c;
}

Group need_group(Database& db, const Options& o, const std::string& name) {
    const auto c = need_cycle(db, o);
    if (name.empty()) throw Error(tr("Say which group with --group NAME."));
    auto g = CycleRepository(db).find_group(c.id, name);
    if (!g) {
        std::vector<std::string> names;
        for (const auto& k : CycleRepository(db).groups(c.id)) names.push_back(k.name);
        throw Error(trf("No group named {name} in cycle {cycle} (groups: {names}).", fmt::arg("name", name),
                        fmt::arg("cycle", c.name), fmt::arg("names", valid_values(names, name))));
    }
    return *g;
}

// A person by email, full name or id ("#12" or "12").
Person need_person(Database& db, const std::string& who) {
    return *PersonRepository(db).get(person_by_key(db, who));
}

// A session by its id, or by its date in the group named by --group (and --cycle).
int64_t need_session(Database& db, const Options& o, const std::string& ref) {
    if (!ref.empty() && ref.find_first_not_of("#0123456789") == std::string::npos && ref.size() < 12 &&
        ref.find_first_not_of('#') != std::string::npos)
        return std::stoll(ref.substr(ref[0] == '#' ? 1 : 0));
    std::string error;
    const auto date = locale::parse_date(ref, &error);
    if (!date) throw Error(trf("The session is an id or a date: {error}", fmt::arg("error", error)));
    if (o.group.empty()) throw Error(tr("A session given by its date needs --group (and --cycle)."));
    const auto g = need_group(db, o, o.group);
    for (const auto& s : CycleRepository(db).sessions(g.id))
        if (s.date == *date) return s.session_id;
    std::string dates;
    for (const auto& s : CycleRepository(db).sessions(g.id)) dates += (dates.empty() ? "" : ", ") + s.date;
    throw Error(trf("Group {group} has no session on {date} (sessions: {dates}).", fmt::arg("group", g.name),
                    fmt::arg("date", *date), fmt::arg("dates", dates.empty() ? tr("none") : dates)));
}

// The group named by --group in the --cycle.
Group need_named_group(Database& db, const Options& o) { return need_group(db, o, o.group); }

// The session named by --session (an id, or a date in --group).
int64_t need_named_session(Database& db, const Options& o) { return need_session(db, o, o.session_ref); }

const char* const kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

int parse_weekday(const std::string& w) {
    for (int i = 0; i < 7; ++i)
        if (w == kWeekdays[i] || w == std::to_string(i + 1)) return i + 1;
    throw Error(tr("The weekday is monday..sunday or 1..7."));
}

std::string weekday_name(int weekday) { return weekday >= 1 && weekday <= 7 ? kWeekdays[weekday - 1] : ""; }

std::string or_today(const std::string& d) { return d.empty() ? today_iso() : d; }

std::string person_name(Database& db, std::optional<int64_t> id) {
    if (!id) return "—";
    auto p = PersonRepository(db).get(*id);
    return p ? p->display_name() : "—";
}
std::string institution_name(Database& db, std::optional<int64_t> id) {
    if (!id) return "—";
    auto i = InstitutionRepository(db).get(*id);
    return i ? i->name : "—";
}

// The keys of the csv and json lists: what the other commands take (email, name), empty
// when there is none.
std::string person_email(Database& db, std::optional<int64_t> id) {
    auto p = id ? PersonRepository(db).get(*id) : std::nullopt;
    return p ? p->email : std::string();
}
std::string institution_key(Database& db, std::optional<int64_t> id) {
    auto i = id ? InstitutionRepository(db).get(*id) : std::nullopt;
    return i ? i->name : std::string();
}
std::string sector_code(Database& db, std::optional<int64_t> id) {
    auto sector = id ? SectorRepository(db).get(*id) : std::nullopt;
    return sector ? sector->code : std::string();
}
std::string programme_code(Database& db, const Cycle& c) {
    auto p = c.programme_id ? ProgrammeRepository(db).get(*c.programme_id) : std::nullopt;
    return p ? p->code : std::string();
}

}  // namespace

void add_intervision_commands(CLI::App& cli, CliContext& ctx) {
    auto o = std::make_shared<Options>();
    auto* root = cli::add_group(cli, "intervision", tr("Intervision cycles: groups, enrolments, sessions, figures"));
    auto cycle_opt = [o](CLI::App* c, bool required = true) {
        auto* opt = c->add_option("--cycle", o->cycle, tr("Cycle name, e.g. 2024-2025"));
        if (required) opt->required();
        c->add_option("--programme", o->programme, tr("Programme code, when two cycles share a name"));
    };

    // --cycle (and --programme), and --group to keep only one of its groups.
    auto cycle_group_opts = [o, cycle_opt](CLI::App* c) {
        cycle_opt(c);
        c->add_option("--group", o->group, tr("Only this group"));
    };

    // --session, and the --group and --cycle that find a session given by its date.
    auto session_opts = [o, cycle_opt](CLI::App* c) {
        c->add_option("--session", o->session_ref, tr("The session: its id, or its date with --group and --cycle"))
            ->required();
        c->add_option("--group", o->group, tr("Group name (a session given by its date)"));
        cycle_opt(c, false);
    };

    // --cycle (and --programme) and --group: the group a command is about (need_named_group).
    auto group_opts = [o, cycle_opt](CLI::App* c) {
        cycle_opt(c);
        c->add_option("--group", o->group, tr("Group name"))->required();
    };

    // The callback of a command about one cycle, group or session: find(db, options) finds
    // it (need_cycle, need_named_group, need_named_session), then run(db, it).
    auto on = [o, &ctx](auto find, auto run) {
        return [o, &ctx, find, run] {
            auto& db = db_of(ctx);
            run(db, find(db, *o));
        };
    };

    // A list of one cycle's records: --cycle and --programme, and --group when `one_group`,
    // then --format; list(db, cycle, format) prints.
    auto cycle_list = [o, &ctx, cycle_opt, cycle_group_opts](CLI::App* parent, const std::string& help,
                                                             bool one_group, auto list) {
        return cli::add_list_command(
            *parent, help, [=](CLI::App* c) { one_group ? cycle_group_opts(c) : cycle_opt(c); },
            [o, &ctx, list](const std::string& format) {
                auto& db = db_of(ctx);
                list(db, need_cycle(db, *o), format);
            });
    };

    // cycle create | list | copy
    auto* cycle = cli::add_group(*root, "cycle", tr("Create, list and copy cycles"));
    auto* cc = cycle->add_subcommand("create", tr("Create a cycle"));
    cc->add_option("--name", o->name, tr("Cycle name, e.g. 2024-2025"))->required();
    cc->add_option("--programme", o->programme, tr("Programme code (connect, pat...)"))->required();
    cc->add_option("--start", o->start, tr("Start date YYYY-MM-DD"))->transform(human_date())->required();
    cc->add_option("--end", o->end, tr("End date YYYY-MM-DD"))->transform(human_date())->required();
    cc->add_option("--audience", o->audience, tr("workers, peer_workers or managers"));
    cc->add_option("--funder", o->file, tr("Funder code the sessions count for (COCOM...)"));
    cc->add_option("--regional-holidays", o->regional, tr("Also skip cocof (27 Sept) and/or flemish (11 July)"));
    cc->add_option("--closure", o->closures, tr("A closure period FROM:TO[:label] (repeatable)"));
    cc->callback([o, &ctx] {
        auto& db = db_of(ctx);
        Cycle c;
        c.name = o->name;
        c.programme_id = need_programme(db, o->programme).id;
        if (!o->file.empty()) c.funder_id = need_funder(db, o->file).id;
        c.start_date = o->start;
        c.end_date = o->end;
        c.audience = o->audience;
        std::stringstream rs(o->regional);
        for (std::string r; std::getline(rs, r, ',');)
            if (!r.empty()) c.regional_holidays.push_back(r);
        for (const auto& cl : o->closures) {
            Closure x;
            x.start_date = cl.substr(0, 10);
            x.end_date = cl.size() >= 21 ? cl.substr(11, 10) : x.start_date;
            x.label = cl.size() > 22 ? cl.substr(22) : std::string();
            c.closures.push_back(x);
        }
        const auto id = CycleRepository(db).create_cycle(c);
        *ctx.out << trf("Cycle {name} created (id {id}).", fmt::arg("name", c.name), fmt::arg("id", id)) << '\n';
    });
    cli::add_list_command(*cycle, tr("List the cycles"), [&ctx](const std::string& format) {
        auto& db = db_of(ctx);
        CycleRepository repo(db);
        ProgrammeRepository programmes(db);
        // csv and json: the columns of the intervision_cycles sheet, and the number of groups.
        cli::print_list(
            *ctx.out, format, repo.cycles(),
            {"id", "name", "programme", "start", "end", "audience", "funder", "groups"},
            [&](const Cycle& c) -> std::vector<std::string> {
                return {std::to_string(c.id), c.name, programme_code(db, c), c.start_date, c.end_date,
                        c.audience, c.funder_id ? FunderRepository(db).get(*c.funder_id).value_or(Funder{}).code : "",
                        std::to_string(repo.groups(c.id).size())};
            },
            [&](std::ostream& out, const Cycle& c) {
                const auto p = c.programme_id ? programmes.get(*c.programme_id) : std::nullopt;
                out << c.name << "  " << (p ? p->code : "-") << "  " << c.start_date << " → " << c.end_date << "  "
                    << c.audience << "  " << trf("{n} groups", fmt::arg("n", repo.groups(c.id).size())) << '\n';
            },
            {"groups"});
    });
    auto* cp = cycle->add_subcommand("copy", tr("Start next year's cycle from this one"));
    cycle_opt(cp);
    cp->add_option("--name", o->name, tr("The new cycle's name"))->required();
    cp->add_option("--start", o->start, tr("Start date (default: one year later)"))->transform(human_date());
    cp->add_option("--end", o->end, tr("End date (default: one year later)"))->transform(human_date());
    cp->add_flag("--with-participants", o->with_participants, tr("Also enrol the current participants"));
    cp->callback([o, &ctx] {
        auto& db = db_of(ctx);
        const auto c = need_cycle(db, *o);
        const auto id = EnrolmentRules(db).copy_cycle(c.id, o->name, o->with_participants, o->start, o->end);
        *ctx.out << trf("Cycle {name} created from {old} (id {id}).", fmt::arg("name", o->name),
                        fmt::arg("old", c.name), fmt::arg("id", id))
                 << '\n';
    });

    // group create | list
    auto* group = cli::add_group(*root, "group", tr("Create and list groups"));
    auto* gc = group->add_subcommand("create", tr("Create a group in a cycle"));
    cycle_opt(gc);
    auto& new_group = o->new_group;
    gc->add_option("--name", new_group.name, tr("Group name"))->required();
    gc->add_option("--language", new_group.language, tr("fr or nl"));
    gc->add_option("--weekday", o->weekday, tr("monday..sunday"))->required();
    gc->add_option("--week", new_group.week_of_month, tr("Week of the month: 1-4, 5 = last"));
    gc->add_option("--half-day", new_group.half_day, tr("morning, afternoon or evening"));
    gc->add_option("--start", new_group.start_time, tr("Start time HH:MM"))->required();
    gc->add_option("--end", new_group.end_time, tr("End time HH:MM"))->required();
    gc->add_option("--capacity", new_group.capacity, tr("Places (default 10)"));
    gc->add_option("--venue", new_group.venue_mode, tr("itinerant or fixed"));
    gc->add_option("--place", new_group.fixed_place, tr("The fixed place"));
    gc->add_option("--facilitator", o->facilitators, tr("A facilitator's email (twice)"));
    gc->callback([o, &ctx] {
        auto& db = db_of(ctx);
        auto& g = o->new_group;
        g.cycle_id = need_cycle(db, *o).id;
        g.weekday = parse_weekday(o->weekday);
        if (o->facilitators.size() > 2) throw Error(tr("A group has two facilitators."));
        if (o->facilitators.size() > 0) g.facilitator1_id = need_person(db, o->facilitators[0]).id;
        if (o->facilitators.size() > 1) g.facilitator2_id = need_person(db, o->facilitators[1]).id;
        std::vector<std::string> warnings;
        const auto id = EnrolmentRules(db).save_group(g, &warnings);
        *ctx.out << trf("Group {name} created (id {id}): {slot}.", fmt::arg("name", g.name), fmt::arg("id", id),
                        fmt::arg("slot", slot_label(g)))
                 << '\n';
        for (const auto& w : warnings) *ctx.out << tr("Warning: ") << w << '\n';
    });
    cycle_list(group, tr("List a cycle's groups with their participants and warnings"), false,
               [&ctx](Database& db, const Cycle& cycle, const std::string& format) {
        CycleRepository repo(db);
        EnrolmentRules rules(db);
        if (format != "table") {
            std::vector<std::vector<std::string>> rows;
            for (const auto& g : repo.groups(cycle.id)) {
                int enrolled = 0, waiting = 0;
                for (const auto& e : repo.enrolments(g.id)) {
                    enrolled += e.status == "enrolled";
                    waiting += e.status == "waiting";
                }
                rows.push_back({std::to_string(g.id), cycle.name, programme_code(db, cycle), g.name, g.language,
                                weekday_name(g.weekday), std::to_string(g.week_of_month), g.half_day, g.start_time,
                                g.end_time, std::to_string(g.capacity), person_email(db, g.facilitator1_id),
                                person_email(db, g.facilitator2_id), g.venue_mode, g.fixed_place,
                                std::to_string(enrolled), std::to_string(waiting)});
            }
            // The columns of the intervision_groups sheet, and the places taken.
            cli::print_rows(*ctx.out,
                            {"id", "cycle", "programme", "name", "language", "weekday", "week_of_month", "half_day",
                             "start_time", "end_time", "capacity", "facilitator1", "facilitator2", "venue", "place",
                             "enrolled", "waiting"},
                            rows, format, {"week_of_month", "capacity", "enrolled", "waiting"});
            return;
        }
        for (const auto& g : repo.groups(cycle.id)) {
            *ctx.out << g.name << " [" << g.language << "] — " << slot_label(g) << " — "
                     << trf("facilitators: {a}, {b}", fmt::arg("a", person_name(db, g.facilitator1_id)),
                            fmt::arg("b", person_name(db, g.facilitator2_id)))
                     << '\n';
            for (const auto& e : repo.enrolments(g.id)) {
                *ctx.out << "  " << (e.status == "waiting" ? fmt::format("{}. ", e.waiting_position.value_or(0)) : "- ")
                         << person_name(db, e.person_id) << " — " << institution_name(db, e.institution_id) << " ("
                         << e.status << (e.left_on.empty() ? "" : " " + e.left_on) << ")"
                         << (e.reason.empty() ? "" : " — " + trf("reason: {r}", fmt::arg("r", e.reason))) << '\n';
            }
            for (const auto& i : rules.group_issues(g.id))
                *ctx.out << "  " << (i.level == GroupIssue::Level::Conflict ? tr("CONFLICT: ") : tr("Warning: "))
                         << i.message << '\n';
        }
    });

    // enrolments list: one row per enrolment, with the keys enrol, leave and move take
    auto* enrolments = cli::add_group(*root, "enrolments", tr("List the enrolments"));
    cycle_list(enrolments, tr("List a cycle's enrolments: person, institution, group, status"), true,
               [o, &ctx](Database& db, const Cycle& cycle, const std::string& format) {
        CycleRepository repo(db);
        if (!o->group.empty()) need_group(db, *o, o->group);  // a mistyped group is an error, not an empty list
        cli::CliTable t;
        t.keys = {"id",          "cycle",  "programme",        "group",       "email",   "person", "institution",
                  "sector",      "status", "waiting_position", "enrolled_on", "left_on", "reason"};
        t.headers = {tr("Id"),          tr("Cycle"),           tr("Programme"),   tr("Group"),   tr("Email"),
                     tr("Person"),      tr("Institution"),     tr("Sector"),      tr("Status"),  tr("Waiting position"),
                     tr("Enrolled on"), tr("Left on"),         tr("Reason")};
        t.numbers = {"waiting_position"};
        for (const auto& g : repo.groups(cycle.id)) {
            if (!o->group.empty() && g.name != o->group) continue;
            for (const auto& e : repo.enrolments(g.id))
                t.rows.push_back({std::to_string(e.id), cycle.name, programme_code(db, cycle), g.name,
                                  person_email(db, e.person_id), person_name(db, e.person_id),
                                  institution_key(db, e.institution_id), sector_code(db, e.sector_id), e.status,
                                  e.waiting_position ? std::to_string(*e.waiting_position) : "", e.enrolled_on,
                                  e.left_on, e.reason});
        }
        cli::print_table(*ctx.out, t, format);
    });

    // enrol | leave | move
    auto* en = cli::add_command(*root, "enrol", tr("Enrol a person in a group (waiting list when full)"), group_opts);
    en->add_option("--person", o->person, tr("Email or id"))->required();
    en->add_option("--date", o->date, tr("Enrolment date (default: today, or the cycle's start when today is outside the cycle)"))->transform(human_date());
    en->add_option("--reason", o->reason, tr("Why a second worker of the same institution is accepted"));
    en->add_option("--institution", o->place, tr("Count the person for this institution (default: their employment)"));
    en->callback(on(need_named_group, [o, &ctx](Database& db, const Group& g) {
        const auto p = need_person(db, o->person);
        std::optional<Affiliation> at;
        if (!o->place.empty()) at = Affiliation{find_institution(db, o->place).id, std::nullopt};
        // Entered after the cycle (or before it starts): counts from the cycle's start.
        const auto cycle = need_cycle(db, *o);
        std::string date = o->date;
        if (date.empty()) {
            date = today_iso();
            if (date < cycle.start_date || date > cycle.end_date) date = cycle.start_date;
        }
        try {
            const auto r = EnrolmentRules(db).enrol(g.id, p.id, date, o->reason, at);
            if (r.status == "waiting")
                *ctx.out << trf("{name} is on the waiting list of {group} (position {n}).",
                                fmt::arg("name", p.display_name()), fmt::arg("group", g.name),
                                fmt::arg("n", r.waiting_position.value_or(0)))
                         << '\n';
            else
                *ctx.out << trf("{name} enrolled in {group}.", fmt::arg("name", p.display_name()),
                                fmt::arg("group", g.name))
                         << '\n';
            for (const auto& w : r.warnings) *ctx.out << tr("Warning: ") << w << '\n';
        } catch (const ReasonRequired& e) {
            for (const auto& w : e.warnings()) *ctx.err << tr("Warning: ") << w << '\n';
            throw Error(tr("Give a reason with --reason to accept this enrolment anyway."));
        }
    }));
    auto* lv = cli::add_command(*root, "leave", tr("A participant leaves a group on a date"), group_opts);
    lv->add_option("--person", o->person, tr("Email or id"))->required();
    lv->add_option("--date", o->date, tr("Date of leaving (default: today)"))->transform(human_date());
    lv->callback(on(need_named_group, [o, &ctx](Database& db, const Group& g) {
        const auto p = need_person(db, o->person);
        const auto promoted = EnrolmentRules(db).leave(g.id, p.id, or_today(o->date));
        *ctx.out << trf("{name} left {group}.", fmt::arg("name", p.display_name()), fmt::arg("group", g.name)) << '\n';
        if (promoted)
            if (auto e = CycleRepository(db).enrolment(*promoted))
                *ctx.out << trf("{name} takes the place (from the waiting list).",
                                fmt::arg("name", person_name(db, e->person_id)))
                         << '\n';
    }));
    auto* mv = root->add_subcommand("move", tr("Move a participant to another group of the cycle"));
    cycle_opt(mv);
    mv->add_option("--from", o->from_group, tr("Group left"))->required();
    mv->add_option("--to", o->to_group, tr("Group joined"))->required();
    mv->add_option("--person", o->person, tr("Email or id"))->required();
    mv->add_option("--date", o->date, tr("Date (default: today)"))->transform(human_date());
    mv->add_option("--reason", o->reason, tr("Why a second worker of the same institution is accepted"));
    mv->callback([o, &ctx] {
        auto& db = db_of(ctx);
        const auto from = need_group(db, *o, o->from_group), to = need_group(db, *o, o->to_group);
        const auto p = need_person(db, o->person);
        const auto r = EnrolmentRules(db).move(p.id, from.id, to.id, or_today(o->date), o->reason);
        *ctx.out << trf("{name} moved from {a} to {b} ({status}).", fmt::arg("name", p.display_name()),
                        fmt::arg("a", from.name), fmt::arg("b", to.name), fmt::arg("status", r.status))
                 << '\n';
    });

    // schedule, sessions
    auto* sc =
        cli::add_command(*root, "schedule", tr("Generate the monthly sessions of a cycle's groups"), cycle_group_opts);
    sc->add_flag("--replace", o->replace, tr("Replace the planned sessions not set by hand"));
    sc->callback(on(need_cycle, [o, &ctx](Database& db, const Cycle& c) {
        SessionScheduler scheduler(db);
        for (const auto& g : CycleRepository(db).groups(c.id)) {
            if (!o->group.empty() && g.name != o->group) continue;
            const auto ids = scheduler.generate(g.id, o->replace);
            *ctx.out << trf("{group}: {n} sessions.", fmt::arg("group", g.name), fmt::arg("n", ids.size())) << '\n';
        }
        for (const auto& x : scheduler.conflicts(c.id)) *ctx.out << tr("CONFLICT: ") << x.message << '\n';
    }));
    auto* ss = cli::add_group(*root, "sessions", tr("List and change the sessions"));
    cycle_list(
        ss, tr("List a cycle's sessions"), true, [o, &ctx](Database& db, const Cycle& c, const std::string& format) {
            CycleRepository repo(db);
            SessionRepository core(db);
            const bool text = format == "table";
            std::vector<std::vector<std::string>> rows;
            for (const auto& g : repo.groups(c.id)) {
                if (!o->group.empty() && g.name != o->group) continue;
                if (text) *ctx.out << g.name << '\n';
                for (const auto& s : repo.sessions(g.id)) {
                    int present = 0;
                    for (const auto& a : core.attendance(s.session_id))
                        if (a.role == "participant" && a.status == "present") ++present;
                    if (!text) {
                        rows.push_back({std::to_string(s.session_id), c.name, programme_code(db, c), g.name, s.date,
                                        s.start_time, s.end_time, s.status, institution_key(db, s.host_institution_id),
                                        s.place, std::to_string(present), s.manual ? "yes" : "no"});
                        continue;
                    }
                    *ctx.out << "  #" << s.session_id << "  " << s.date << " " << s.start_time << "-" << s.end_time
                             << "  " << s.status << "  " << institution_name(db, s.host_institution_id) << "  "
                             << trf("{n} present", fmt::arg("n", present)) << (s.manual ? "  *" : "") << '\n';
                }
            }
            if (!text) {
                cli::print_rows(*ctx.out,
                                {"id", "cycle", "programme", "group", "date", "start_time", "end_time", "status",
                                 "host", "place", "present", "manual"},
                                rows, format, {"present"});
                return;
            }
            for (const auto& x : SessionScheduler(db).conflicts(c.id))
                *ctx.out << tr("CONFLICT: ") << x.message << '\n';
        });
    auto* smove = cli::add_command(*ss, "move", tr("Move a session to another date"), session_opts);
    smove->add_option("--date", o->date, tr("New date"))->transform(human_date())->required();
    smove->add_option("--start", o->start, tr("Start time HH:MM"));
    smove->add_option("--end", o->end, tr("End time HH:MM"));
    smove->callback(on(need_named_session, [o, &ctx](Database& db, int64_t session) {
        SessionScheduler(db).move_session(session, o->date, o->start, o->end);
        *ctx.out << tr("Session moved.") << '\n';
    }));
    cli::add_command(*ss, "cancel", tr("Cancel a session"), session_opts)
        ->callback(on(need_named_session, [&ctx](Database& db, int64_t session) {
            SessionScheduler(db).cancel_session(session);
            *ctx.out << tr("Session cancelled.") << '\n';
        }));
    cli::add_command(*ss, "held", tr("Mark a session as held"), session_opts)
        ->callback(on(need_named_session, [&ctx](Database& db, int64_t session) {
            SessionScheduler(db).set_status(session, "held");
            *ctx.out << tr("Session marked as held.") << '\n';
        }));
    auto* sadd = cli::add_command(*ss, "add", tr("Add a session to a group"), group_opts);
    sadd->add_option("--date", o->date, tr("Date"))->transform(human_date())->required();
    sadd->callback(on(need_named_group, [o, &ctx](Database& db, const Group& g) {
        const auto id = SessionScheduler(db).add_session(g.id, o->date);
        *ctx.out << trf("Session #{id} added.", fmt::arg("id", id)) << '\n';
    }));
    auto* sswap = cli::add_command(*ss, "swap-hosts", tr("Swap the hosts of two sessions"), session_opts);
    sswap->add_option("--with", o->other_ref, tr("The other session: its id or its date"))->required();
    sswap->callback(on(need_named_session, [o, &ctx](Database& db, int64_t session) {
        SessionScheduler(db).swap_hosts(session, need_session(db, *o, o->other_ref));
        *ctx.out << tr("Hosts swapped.") << '\n';
    }));
    auto* snotes =
        cli::add_command(*ss, "notes", tr("Set the host's presentation and the vignette themes"), session_opts);
    snotes->add_option("--presentation", o->place, tr("The host's presentation"));
    snotes->add_option("--themes", o->reason, tr("Themes of the vignettes (no identifying detail)"));
    snotes->callback(on(need_named_session, [o, &ctx](Database& db, int64_t session) {
        CycleRepository(db).set_notes(session, o->place, o->reason);
        *ctx.out << tr("Notes saved. Remember: no detail that identifies the people discussed.") << '\n';
    }));

    // attendance set | import
    auto* at = cli::add_group(*root, "attendance", tr("Record attendance"));
    auto* aset = cli::add_command(*at, "set", tr("Record one person's attendance at a session"), session_opts);
    aset->add_option("--person", o->person, tr("Email or id"))->required();
    aset->add_option("--status", o->status, tr("present, excused or absent"));
    aset->add_option("--reason", o->reason, tr("Reason (excused)"));
    aset->add_option("--role", o->role, tr("participant or facilitator"));
    aset->callback(on(need_named_session, [o, &ctx](Database& db, int64_t session) {
        set_attendance(db, session, need_person(db, o->person).id, o->status, o->reason, o->role);
        *ctx.out << tr("Attendance recorded.") << '\n';
    }));
    cycle_list(at, tr("List the attendance of a cycle's sessions, with the columns of its import"), true,
               [o, &ctx](Database& db, const Cycle& c, const std::string& format) {
        if (!o->group.empty()) need_group(db, *o, o->group);
        CycleRepository repo(db);
        SessionRepository sessions(db);
        cli::CliTable t;
        t.keys = {"id", "cycle", "programme", "group", "date", "email", "person", "status", "role", "reason"};
        t.headers = {tr("Id"),    tr("Cycle"),  tr("Programme"), tr("Group"), tr("Date"),
                     tr("Email"), tr("Person"), tr("Status"),    tr("Role"),  tr("Reason")};
        for (const auto& g : repo.groups(c.id)) {
            if (!o->group.empty() && g.name != o->group) continue;
            for (const auto& s : repo.sessions(g.id))
                for (const auto& a : sessions.attendance(s.session_id))
                    t.rows.push_back({std::to_string(a.id), c.name, programme_code(db, c), g.name, s.date,
                                      person_email(db, a.person_id), person_name(db, a.person_id), a.status, a.role,
                                      a.reason});
        }
        cli::print_table(*ctx.out, t, format);
    });
    auto* aimp = cli::add_command(
        *at, "import", tr("Import a group's attendance from CSV (date,email,status[,reason][,role])"), group_opts);
    aimp->add_option("--file", o->file, tr("CSV file"))->required();
    aimp->callback(on(need_named_group, [o, &ctx](Database& db, const Group& g) {
        const int n = import_attendance_csv(db, g.id, o->file);
        *ctx.out << trf("{n} attendance rows imported.", fmt::arg("n", n)) << '\n';
    }));

    // exports
    auto* ical = cli::add_command(*root, "ical", tr("Export sessions as iCalendar (group, cycle or facilitator)"),
                                  cycle_group_opts);
    ical->add_option("--facilitator", o->person, tr("Only this facilitator's sessions (email or id)"));
    ical->add_option("--out", o->out, tr("Output file (default: standard output)"));
    ical->callback(on(need_cycle, [o, &ctx](Database& db, const Cycle& c) {
        std::vector<int64_t> ids;
        std::string name = tr("Intervision") + " " + c.name;
        if (!o->person.empty()) {
            const auto p = need_person(db, o->person);
            ids = facilitator_session_ids(db, p.id, c.id);
            name += " — " + p.display_name();
        } else if (!o->group.empty()) {
            ids = group_session_ids(db, need_group(db, *o, o->group).id);
            name += " — " + o->group;
        } else {
            ids = cycle_session_ids(db, c.id);
        }
        cli::write_or_print(*ctx.out, o->out, sessions_to_ical(db, ids, name));
    }));
    auto* ex = cli::add_command(*root, "participants", tr("Export the participant list (CSV or XLSX by extension)"),
                                cycle_group_opts);
    ex->add_option("--out", o->out, tr("Output file .csv or .xlsx (default: CSV on standard output)"));
    ex->callback(on(need_cycle, [o, &ctx](Database& db, const Cycle& c) {
        const auto rows = participant_rows(db, c.id, o->group.empty() ? 0 : need_group(db, *o, o->group).id);
        if (o->out.size() > 5 && o->out.substr(o->out.size() - 5) == ".xlsx") {
            write_participants_xlsx(rows, o->out);
            *ctx.out << trf("Written: {file}", fmt::arg("file", o->out)) << '\n';
        } else {
            cli::write_or_print(*ctx.out, o->out, participants_csv(rows));
        }
    }));
    auto* sheet =
        cli::add_command(*root, "sheet", tr("Attendance sheet of a session (PDF or HTML, to print)"), session_opts);
    sheet->add_option("--out", o->out, tr("Output file: .pdf, or .html (default: HTML on standard output)"));
    sheet->callback(on(need_named_session, [o, &ctx](Database& db, int64_t session) {
        if (std::filesystem::path(o->out).extension() == ".pdf")
            write_attendance_sheet_pdf(db, session, o->out);
        else
            cli::write_or_print(*ctx.out, o->out, attendance_sheet_html(db, session));
    }));

    // evaluation template | submit | summary
    auto* ev = cli::add_group(*root, "evaluation", tr("The end-of-cycle evaluation"));
    auto* evt = ev->add_subcommand("template", tr("Show the evaluation questionnaire (created when missing)"));
    evt->callback([&ctx] {
        auto& db = db_of(ctx);
        *ctx.out << format_questionnaire(*QuestionnaireRepository(db).get(ensure_evaluation_template(db)));
    });
    auto* evs = cli::add_command(*ev, "submit", tr("Record one participant's evaluation of a group"), group_opts);
    evs->add_option("--person", o->person, tr("Email or id (empty: anonymous)"));
    evs->add_option("--answers", o->answers, tr("position=value pairs separated by '|', e.g. \"1=0|2=5|6=text\""))
        ->required();
    evs->callback(on(need_named_group, [o, &ctx](Database& db, const Group& g) {
        std::optional<int64_t> person;
        if (!o->person.empty()) person = need_person(db, o->person).id;
        // One transaction: a bad answer leaves no questionnaire created on the way.
        const auto id = db.write([&] {
            const auto q = QuestionnaireRepository(db).get(ensure_evaluation_template(db));
            return submit_evaluation(db, g.id, person, parse_answers(*q, o->answers));
        });
        *ctx.out << trf("Evaluation #{id} recorded.", fmt::arg("id", id)) << '\n';
    }));
    auto* evy =
        cli::add_command(*ev, "summary", tr("Summary of the evaluations of a group or a cycle"), cycle_group_opts);
    evy->callback(on(need_cycle, [o, &ctx](Database& db, const Cycle& c) {
        std::vector<int64_t> ids;
        for (const auto& g : CycleRepository(db).groups(c.id))
            if (o->group.empty() || g.name == o->group) ids.push_back(g.id);
        *ctx.out << format_summary(evaluation_summary(db, ids));
    }));

    // figures
    add_figures_command(*root, ctx, tr("The report section of intervision cycles"), "intervision.cycles",
                        tr("Intervision cycles"), [](Database& db, const ReportScope& scope) {
                            return IntervisionReportProvider().build(db, scope);
                        });
}

}  // namespace maillage::intervision
