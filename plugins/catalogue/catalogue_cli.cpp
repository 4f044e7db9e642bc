#include "catalogue_cli.h"

#include "catalog/module_sheet_xml.h"
#include "catalogue_documents.h"
#include "catalogue_editions.h"
#include "catalogue_figures.h"
#include "catalogue_import.h"
#include "core/cli/cli_files.h"
#include "core/cli/cli_options.h"
#include "core/cli/cli_table.h"
#include "core/csv.h"
#include "core/figures_command.h"
#include "core/known_values.h"
#include "core/locale_format.h"
#include "catalogue_publish.h"
#include "catalogue_registrations.h"
#include "catalogue_rules.h"
#include "catalogue_store.h"
#include "catalogue_xlsx.h"
#include "catalogue_xlsx_read.h"
#include "core/validate.h"
#include "core/cli_dates.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/people.h"
#include "core/plugin_api.h"
#include "core/questionnaires.h"
#include "core/sessions.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <sstream>

namespace maillage::catalogue {
namespace {

// By email (or a unique full name, or an id): the core's lookup, as in every plugin.
int64_t person_by_email(Database& db, const std::string& email) { return person_by_key(db, email); }

TrainingRow training_by_code(Database& db, const std::string& code) {
    CatalogueStore store(db);
    auto t = store.training(code);
    if (!t) {
        std::vector<std::string> codes;
        for (const auto& k : store.trainings()) codes.push_back(k.input.code);
        throw Error(trf("Unknown training {code} (trainings: {codes}).", fmt::arg("code", code),
                        fmt::arg("codes", valid_values(codes, code))));
    }
    return *t;
}

// maillage-cli themes list: the theme codes module sheets and imports accept.
void add_themes_command(CLI::App& app, CliContext& ctx) {
    auto* themes = cli::add_group(app, "themes", tr("The themes of the training modules"));
    cli::add_list_command(
        *themes, tr("List the themes: the code module sheets use and the labels"), *ctx.out,
        [&ctx] { return CatalogueStore(ctx.database()).themes(); }, {"id", "code", "label_fr", "label_nl", "label_en"},
        [](const ThemeRow& r) -> std::vector<std::string> {
            return {std::to_string(r.id), r.theme.code, r.theme.label.fr, r.theme.label.nl, r.theme.label.en};
        },
        [](std::ostream& out, const ThemeRow& r) {
            out << r.theme.code << "  " << r.theme.label.get(current_language()) << '\n';
        });
}

// --training: the training (by code) a command is about (training_by_code finds it).
CLI::Option* training_option(CLI::App* command, std::string& training) {
    return command->add_option("--training", training, tr("Training code"));
}

// --training and --email: the training (by code) and the person (by e-mail) a registration,
// an attendance or an expectation is about.
void training_person_options(CLI::App* command, std::string& training, std::string& email, bool required = true) {
    auto* t = training_option(command, training);
    auto* e = command->add_option("--email", email, tr("The person's e-mail"));
    if (required) {
        t->required();
        e->required();
    }
}

// The callback of a command about one person in one training (training_person_options fills
// o->training and o->email): run(db, training id, person id) once both are found.
template <class O, class Run>
auto on_training_person(CliContext& ctx, std::shared_ptr<O> o, Run run) {
    return [&ctx, o, run] {
        auto& db = ctx.database();
        run(db, training_by_code(db, o->training).id, person_by_email(db, o->email));
    };
}

}  // namespace

void add_catalogue_commands(CLI::App& app, CliContext& ctx) {
    add_themes_command(app, ctx);
    auto* root =
        cli::add_group(app, "catalogue", tr("Training catalogue: modules, trainings, registrations, publishing"));
    auto out = [&ctx]() -> std::ostream& { return *ctx.out; };
    add_edition_commands(*root, ctx);

    // publish
    {
        struct O { std::string edition, dir; bool no_pdf = false; };
        auto o = std::make_shared<O>();
        auto* c = root->add_subcommand("publish", tr("Publish an edition: web site (fr, nl), booklet (HTML, PDF) and XML feed"));
        c->add_option("--edition", o->edition, tr("Edition code, e.g. 2026"))->required();
        c->add_option("--out", o->dir, tr("Output folder"))->required();
        c->add_flag("--no-pdf", o->no_pdf, tr("Do not print the booklet to PDF"));
        c->callback([o, &ctx, out] {
            catalog::PublishOptions options;
            options.make_pdf = !o->no_pdf;
            auto r = publish(ctx.database(), o->edition, o->dir, options);
            out() << trf("Published {n} files; open {index}", fmt::arg("n", r.files.size()), fmt::arg("index", r.index.string()))
                  << '\n';
            for (const auto& pdf : r.pdfs) out() << trf("Booklet PDF: {file}", fmt::arg("file", pdf.string())) << '\n';
            if (!r.pdf_message.empty()) out() << r.pdf_message << '\n';
        });
    }

    // modules
    {
        auto* modules = cli::add_group(*root, "modules", tr("Module sheets"));
        cli::add_list_command(
            *modules, tr("List the modules (current sheets)"), out(),
            [&ctx] { return CatalogueStore(ctx.database()).modules(); },
            {"id", "code", "version", "theme", "duration_minutes", "title_fr", "title_nl"},
            [](const ModuleRecord& m) -> std::vector<std::string> {
                return {std::to_string(m.module_id), m.sheet.code,     std::to_string(m.sheet.version),
                        m.sheet.theme_code,          std::to_string(m.sheet.duration_minutes),
                        m.sheet.title.fr,            m.sheet.title.nl};
            },
            [](std::ostream& out, const ModuleRecord& m) {
                out << fmt::format("{:<8} v{:<2} {:<28} {:>7}  {}\n", m.sheet.code, m.sheet.version, m.sheet.theme_code,
                                   catalog::format_duration(m.sheet.duration_minutes), m.sheet.title.fr);
            },
            {"version", "duration_minutes"});
        auto file = std::make_shared<std::string>();
        auto* import = modules->add_subcommand("import", tr("Import module sheets from an XML file (a new version per changed sheet)"));
        import->add_option("file", *file, tr("XML file"))->required();
        import->callback([file, &ctx, out] {
            auto sheets = catalog::modules_from_xml(cli::read_text_file(*file), *file);
            auto& db = ctx.database();
            db.write([&] {
                for (const auto& s : sheets) CatalogueStore(db).save_module(s);
            });
            out() << trf("{n} module sheets imported.", fmt::arg("n", sheets.size())) << '\n';
        });
        auto xout = std::make_shared<std::string>();
        auto codes = std::make_shared<std::vector<std::string>>();
        auto* exp = modules->add_subcommand("export", tr("Export module sheets as XML"));
        exp->add_option("--out", *xout, tr("Output file (default: standard output)"));
        exp->add_option("codes", *codes, tr("Module codes (default: all)"));
        exp->callback([xout, codes, &ctx, out] {
            std::vector<catalog::ModuleSheet> sheets;
            CatalogueStore store(ctx.database());
            if (codes->empty()) {
                for (const auto& m : store.modules()) sheets.push_back(m.sheet);
            } else {
                for (const auto& code : *codes) {
                    auto m = store.module(code);
                    if (!m) throw Error(trf("Unknown module {code}.", fmt::arg("code", code)));
                    sheets.push_back(m->sheet);
                }
            }
            auto xml = catalog::modules_to_xml(sheets);
            if (xout->empty()) {
                out() << xml;
            } else {
                cli::write_text_file(*xout, xml);
                out() << trf("{n} module sheets written to {file}.", fmt::arg("n", sheets.size()), fmt::arg("file", *xout)) << '\n';
            }
        });
        auto dcodes = std::make_shared<std::vector<std::string>>();
        auto* dur = modules->add_subcommand("duration", tr("Total duration of a set of modules"));
        dur->add_option("codes", *dcodes, tr("Module codes"))->required();
        dur->callback([dcodes, &ctx, out] {
            auto d = compose_modules(ctx.database(), *dcodes);
            out() << trf("{total} in all: {days} day(s) of 6 h", fmt::arg("total", catalog::format_duration(d.minutes)),
                         fmt::arg("days", d.days_needed()))
                  << '\n';
        });
    }

    // training
    {
        auto* training = cli::add_group(*root, "training", tr("Open and custom trainings"));
        struct C {
            TrainingInput input;  // the options fill it; the rest is converted or looked up
            std::string title_fr, title_nl, institution, modules, languages = "fr";
            std::optional<double> price;
        };
        auto o = std::make_shared<C>();
        auto& input = o->input;
        auto* create = training->add_subcommand("create", tr("Create a training (open with --edition, custom with --institution)"));
        create->add_option("--edition", input.edition, tr("Edition code (open training)"));
        create->add_option("--institution", o->institution, tr("Institution name (custom training)"));
        create->add_option("--code", input.code, tr("Training code"))->required();
        create->add_option("--title-fr", o->title_fr, tr("French title"))->required();
        create->add_option("--title-nl", o->title_nl, tr("Dutch title"));
        create->add_option("--modules", o->modules, tr("Module codes, comma-separated"))->required();
        create->add_option("--venue", input.venue, tr("Venue"));
        create->add_option("--seats", input.seats, tr("Seats (0: no limit)"));
        create->add_option("--price", o->price, tr("Price in euros (omit: free)"));
        create->add_option("--deadline", input.registration_deadline, tr("Registration deadline (YYYY-MM-DD)"));
        create->add_option("--languages", o->languages, tr("Languages, comma-separated (fr,nl,en)"));
        create->add_option("--url", input.registration_url, tr("Registration URL"));
        create->add_option("--request", input.request, tr("The institution's request (custom training)"));
        create->callback([o, &ctx, out] {
            auto& db = ctx.database();
            TrainingInput in = o->input;
            in.kind = o->institution.empty() ? "open" : "custom";
            in.title = {o->title_fr, o->title_nl.empty() ? o->title_fr : o->title_nl, {}};
            if (o->price) in.price_cents = static_cast<int>(validate::cents(tr("Price"), *o->price));
            in.languages = split(o->languages, ',');
            in.module_codes = split(o->modules, ',');
            if (!o->institution.empty()) {
                auto inst = InstitutionRepository(db).find_by_name(o->institution);
                if (!inst) throw Error(trf("Unknown institution {name}.", fmt::arg("name", o->institution)));
                in.institution_id = inst->id;
            }
            CatalogueStore(db).create_training(in);
            auto d = compose_modules(db, in.module_codes);
            out() << trf("Training {code} created: {total} of modules ({days} day(s)).", fmt::arg("code", in.code),
                         fmt::arg("total", catalog::format_duration(d.minutes)), fmt::arg("days", d.days_needed()))
                  << '\n';
        });

        struct D {
            std::string training, trainers;
            DayInput day{"", "09:30", "16:30"};  // the options fill it; the trainers are looked up
        };
        auto d = std::make_shared<D>();
        auto* day = training->add_subcommand("add-day", tr("Add a day to a training, with its trainer pair"));
        training_option(day, d->training)->required();
        day->add_option("--date", d->day.date, tr("Date (YYYY-MM-DD)"))->transform(human_date())->required();
        day->add_option("--start", d->day.start_time, tr("Start time (HH:MM)"));
        day->add_option("--end", d->day.end_time, tr("End time (HH:MM)"));
        day->add_option("--venue", d->day.venue, tr("Venue when not the training's"));
        day->add_option("--trainers", d->trainers, tr("Trainers' e-mails, comma-separated"));
        day->callback([d, &ctx, out] {
            auto& db = ctx.database();
            auto t = training_by_code(db, d->training);
            DayInput in = d->day;
            for (const auto& e : split(d->trainers, ',')) in.trainer_ids.push_back(person_by_email(db, e));
            auto session = CatalogueStore(db).add_day(t.id, in);
            out() << trf("Day added (session {id}).", fmt::arg("id", session)) << '\n';
            for (const auto& f : check_day(db, session)) out() << "  ! " << f.message << '\n';
        });

        auto edition = std::make_shared<std::string>();
        auto* list = training->add_subcommand("list", tr("List trainings with their days and seats"));
        list->add_option("--edition", *edition, tr("Edition code"));
        auto tformat = cli::add_format_option(*list);
        list->callback([edition, tformat, &ctx, out] {
            auto& db = ctx.database();
            RegistrationService regs(db);
            SessionRepository sessions(db);
            cli::print_list(
                out(), *tformat, CatalogueStore(db).trainings(*edition),
                {"id", "code", "kind", "edition", "title_fr", "seats_taken", "seats", "days"},
                [&](const TrainingRow& t) -> std::vector<std::string> {
                    std::string days;
                    for (auto id : t.day_session_ids)
                        if (auto d = sessions.get(id)) days += (days.empty() ? "" : ",") + d->date;
                    return {std::to_string(t.id), t.input.code, t.input.kind, t.input.edition, t.input.title.fr,
                            std::to_string(regs.seats_taken(t.id)), std::to_string(t.input.seats), days};
                },
                [&](std::ostream& out, const TrainingRow& t) {
                    out << fmt::format("{:<10} {:<6} {:<55} {}/{} {}\n", t.input.code, t.input.kind, t.input.title.fr,
                                       regs.seats_taken(t.id), t.input.seats, tr("seats"));
                    for (auto id : t.day_session_ids) {
                        auto s = sessions.get(id);
                        out << fmt::format("           {} {}-{} {}\n", s->date, s->start_time, s->end_time, s->status);
                    }
                },
                {"seats_taken", "seats"});
        });

        auto ccode = std::make_shared<std::string>();
        auto* check = training->add_subcommand("check", tr("Check the trainers of a training: pairs, qualification, double bookings"));
        check->add_option("code", *ccode, tr("Training code"))->required();
        check->callback([ccode, &ctx, out] {
            auto& db = ctx.database();
            auto flags = check_training(db, training_by_code(db, *ccode).id);
            if (flags.empty()) out() << tr("No problem found.") << '\n';
            for (const auto& f : flags) out() << "! " << f.message << '\n';
        });
    }

    // registrations
    {
        struct R { std::string training, email, reason, institution; };
        auto o = std::make_shared<R>();
        auto* reg = root->add_subcommand("register", tr("Register a person (by e-mail) to a training"));
        training_person_options(reg, o->training, o->email);
        reg->add_option("--institution", o->institution, tr("Institution name (default: the person's employer)"));
        reg->callback(on_training_person(ctx, o, [o, out](Database& db, int64_t training, int64_t person) {
            std::optional<int64_t> inst;
            if (!o->institution.empty()) {
                auto i = InstitutionRepository(db).find_by_name(o->institution);
                if (!i) throw Error(trf("Unknown institution {name}.", fmt::arg("name", o->institution)));
                inst = i->id;
            }
            auto r = RegistrationService(db).register_person(training, person, inst);
            if (r.status == "waiting")
                out() << trf("On the waiting list, position {n}.", fmt::arg("n", r.waiting_position.value_or(0))) << '\n';
            else
                out() << tr("Registered.") << '\n';
        }));
        auto c = std::make_shared<R>();
        auto* cancel = root->add_subcommand("cancel", tr("Cancel a registration (the waiting list moves up)"));
        training_person_options(cancel, c->training, c->email);
        cancel->add_option("--reason", c->reason, tr("Reason"))->required();
        cancel->callback(on_training_person(ctx, c, [c, out](Database& db, int64_t training, int64_t person) {
            auto promoted = RegistrationService(db).cancel(training, person, c->reason);
            out() << tr("Cancelled.") << '\n';
            if (promoted)
                if (auto p = PersonRepository(db).get(*promoted))
                    out() << trf("{name} moves up from the waiting list.", fmt::arg("name", p->display_name())) << '\n';
        }));
        struct I { std::string file, training; };
        auto i = std::make_shared<I>();
        auto* imp = root->add_subcommand("import-registrations", tr("Import registrations from the web site's CSV, detecting duplicates"));
        imp->add_option("file", i->file, tr("CSV or XLSX file"))->required();
        imp->add_option("--training", i->training, tr("Training code when the file has no training column"));
        imp->callback([i, &ctx, out] {
            auto r = import_registrations(ctx.database(), registrations_file_text(i->file), i->file, i->training);
            out() << trf("{rows} rows: {reg} registered, {wait} waiting, {already} already registered, {dup} duplicates in the file, "
                         "{err} errors; {new} new people, {matched} known people.",
                         fmt::arg("rows", r.rows), fmt::arg("reg", r.registered), fmt::arg("wait", r.waiting),
                         fmt::arg("already", r.already), fmt::arg("dup", r.duplicates_in_file), fmt::arg("err", r.errors),
                         fmt::arg("new", r.new_people), fmt::arg("matched", r.matched_people))
                  << '\n';
            for (const auto& l : r.lines)
                if (!l.message.empty()) out() << trf("line {line}", fmt::arg("line", l.line)) << ": " << l.person << " — " << l.message << '\n';
        });
    }

    // attendance and expectations
    {
        struct A { std::string training, date, email, status, reason; };
        auto a = std::make_shared<A>();
        auto* att = cli::add_group(*root, "attendance", tr("Attendance on training days"));
        auto* set = att->add_subcommand("set", tr("Set a participant's attendance on a day"));
        training_option(set, a->training)->required();
        set->add_option("--date", a->date, tr("Date of the day (YYYY-MM-DD)"))->transform(human_date())->required();
        set->add_option("--email", a->email, tr("The person's e-mail"))->required();
        set->add_option("--status", a->status, tr("present, absent, excused or registered"))->required();
        set->add_option("--reason", a->reason, tr("Reason"));
        set->callback([a, &ctx, out] {
            auto& db = ctx.database();
            auto t = training_by_code(db, a->training);
            SessionRepository sessions(db);
            for (auto id : t.day_session_ids)
                if (sessions.get(id)->date == a->date) {
                    RegistrationService(db).set_attendance(id, person_by_email(db, a->email), a->status, a->reason);
                    out() << tr("Attendance recorded.") << '\n';
                    return;
                }
            throw Error(trf("The training has no day on {date}.", fmt::arg("date", a->date)));
        });

        struct E { std::string training, email, text, met, format = "table"; int64_t id = 0; };
        auto e = std::make_shared<E>();
        auto* ex = cli::add_group(*root, "expectations", tr("Participants' expectations"));
        auto* add = ex->add_subcommand("add", tr("Record an expectation at the start of a training"));
        training_person_options(add, e->training, e->email);
        add->add_option("--text", e->text, tr("The expectation"))->required();
        add->callback(on_training_person(ctx, e, [e, out](Database& db, int64_t training, int64_t person) {
            auto id = RegistrationService(db).add_expectation(training, person, e->text);
            out() << trf("Expectation {id} recorded.", fmt::arg("id", id)) << '\n';
        }));
        auto* setm = ex->add_subcommand("set", tr("Record whether an expectation was met (yes, partly, no)"));
        training_person_options(setm, e->training, e->email, false);
        setm->add_option("--text", e->text, tr("The expectation's first words, when the person recorded several"));
        setm->add_option("--id", e->id, tr("Expectation number (instead of --training and --email)"));
        setm->add_option("--met", e->met, tr("yes, partly or no"))->required();
        setm->callback([e, &ctx, out] {
            auto& db = ctx.database();
            if (!e->id) {
                if (e->training.empty() || e->email.empty())
                    throw Error(tr("Name the expectation with --training and --email (or --id)."));
                e->id = find_expectation(db, training_by_code(db, e->training).id, person_by_email(db, e->email), e->text).id;
            }
            RegistrationService(db).set_expectation_met(e->id, e->met);
            out() << tr("Saved.") << '\n';
        });
        auto* lst = ex->add_subcommand("list", tr("List a training's expectations"));
        training_option(lst, e->training)->required();
        cli::add_format_option(*lst, e->format);
        lst->callback([e, &ctx, out] {
            auto& db = ctx.database();
            PersonRepository people(db);
            std::vector<std::vector<std::string>> rows;
            for (const auto& x : RegistrationService(db).expectations(training_by_code(db, e->training).id)) {
                auto p = people.get(x.person_id);
                if (e->format != "table") {
                    rows.push_back({std::to_string(x.id), e->training, p ? p->email : "", p ? p->display_name() : "",
                                    x.met, x.text});
                    continue;
                }
                out() << fmt::format("{:>5}  {:<25} {:<7} {}\n", x.id, p ? p->display_name() : "", x.met.empty() ? "-" : x.met, x.text);
            }
            if (e->format != "table")
                cli::print_rows(out(), {"id", "training", "email", "person", "met", "text"}, rows, e->format);
        });
    }

    // evaluation results, per training or per module over the trainings that used it
    {
        struct V { std::string training, module; };
        auto v = std::make_shared<V>();
        auto* ev = root->add_subcommand("evaluations", tr("Evaluation results of a training, or of a module over every training that used it"));
        training_option(ev, v->training);
        ev->add_option("--module", v->module, tr("Module code"));
        ev->callback([v, &ctx, out] {
            auto& db = ctx.database();
            CatalogueStore store(db);
            std::vector<int64_t> ids;
            if (!v->training.empty()) ids.push_back(training_by_code(db, v->training).id);
            if (!v->module.empty()) {
                if (!store.module(v->module)) throw Error(trf("Unknown module {code}.", fmt::arg("code", v->module)));
                for (const auto& t : store.trainings())
                    for (const auto& code : t.input.module_codes)
                        if (code == v->module) ids.push_back(t.id);
            }
            if (ids.empty()) throw Error(tr("Give --training or --module."));
            QuestionnaireRepository questionnaires(db);
            auto q = questionnaires.find_by_code("catalogue-evaluation");
            if (!q) throw Error(tr("The evaluation questionnaire catalogue-evaluation does not exist."));
            out() << trf("{n} training(s)", fmt::arg("n", ids.size())) << '\n';
            for (const auto& s : questionnaires.summarize(q->id, "catalogue_training", ids)) {
                if (s.question.kind == "rating")
                    out() << fmt::format("  {:<40} {:>4} {:>5.2f}\n", s.question.text, s.answered, s.mean);
                else
                    out() << fmt::format("  {:<40} {:>4}\n", s.question.text, s.answered);
            }
        });
    }

    // documents, figures, export
    {
        struct D { std::string training, dir, kind = "confirmation", file; bool no_pdf = false; };
        auto d = std::make_shared<D>();
        auto* cert = root->add_subcommand("certificates", tr("Certificates of attendance with the hours attended (HTML, PDF)"));
        training_option(cert, d->training)->required();
        cert->add_option("--out", d->dir, tr("Output folder"))->required();
        cert->add_flag("--no-pdf", d->no_pdf, tr("HTML only"));
        cert->callback([d, &ctx, out] {
            auto r = write_certificates(ctx.database(), d->training, d->dir, !d->no_pdf);
            out() << trf("{n} certificates: {file}", fmt::arg("n", r.count), fmt::arg("file", r.html.string())) << '\n';
            if (!r.pdf.empty()) out() << r.pdf.string() << '\n';
            if (!r.message.empty()) out() << r.message << '\n';
        });
        auto m = std::make_shared<D>();
        auto* merge = root->add_subcommand("mail-merge", tr("Write confirmation or reminder messages to a file (no mail is sent)"));
        training_option(merge, m->training)->required();
        merge->add_option("--kind", m->kind, tr("confirmation or reminder"));
        merge->add_option("--out", m->file, tr("Output file"))->required();
        merge->callback([m, &ctx, out] {
            int n = mail_merge(ctx.database(), m->training, m->kind, m->file);
            out() << trf("{n} messages written to {file}.", fmt::arg("n", n), fmt::arg("file", m->file)) << '\n';
        });

        struct F { int year = 0; std::string format = "markdown", lang = "fr", file; };
        add_figures_command(*root, ctx, tr("The training figures of a year (report section catalogue.trainings)"),
                            "catalogue.trainings", tr("Trainings"),
                            [](Database& db, const ReportScope& scope) -> std::vector<ReportSection> {
                                return {figures_section(db, scope)};
                            });
        auto x = std::make_shared<F>();
        auto* xlsx = root->add_subcommand("export-xlsx", tr("Export the year's trainings to an XLSX workbook"));
        xlsx->add_option("--year", x->year, tr("Calendar year"))->required();
        xlsx->add_option("--out", x->file, tr("Output file"))->required();
        xlsx->callback([x, &ctx, out] {
            ReportScope scope;
            scope.year = x->year;
            export_xlsx(ctx.database(), scope, x->file);
            out() << trf("Written {file}.", fmt::arg("file", x->file)) << '\n';
        });
    }
}

}  // namespace maillage::catalogue
