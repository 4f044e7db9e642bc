// The logic module: schema, rules, report section and commands. No wxWidgets here.
#include "skeleton_plugin.h"

#include "core/database.h"
#include "core/declared_plugin.h"
#include "core/error.h"
#include "core/i18n.h"

#include <CLI/CLI.hpp>
#include <SQLiteCpp/VariadicBind.h>

namespace maillage::skeleton {

std::vector<Migration> migrations() {  // never edit a released one: add the next
    return {Migration::sql(1, "skeleton notes", "CREATE TABLE skeleton_note(id INTEGER PRIMARY KEY, "
                                                "day TEXT NOT NULL, text TEXT NOT NULL)")};
}

int64_t add_note(Database& db, const std::string& text, const std::string& day) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw Error(tr("A note needs a text."));
    return db.write([&] {
        SQLite::Statement insert(db.sql(), "INSERT INTO skeleton_note(day, text) "
                                           "VALUES (coalesce(nullif(?, ''), date('now', 'localtime')), ?)");
        SQLite::bind(insert, day, text);
        insert.exec();
        return db.sql().getLastInsertRowid();
    });
}

std::vector<Note> list_notes(Database& db) {
    std::vector<Note> notes;
    SQLite::Statement query(db.sql(), "SELECT id, day, text FROM skeleton_note ORDER BY day DESC, id DESC");
    while (query.executeStep()) notes.push_back({query.getColumn(0), query.getColumn(1), query.getColumn(2)});
    return notes;
}

namespace {

class NotesSection : public ReportSectionProvider {
public:
    std::string id() const override { return "skeleton.notes"; }
    std::vector<ReportSection> build(Database& db, const ReportScope& scope) const override {
        SQLite::Statement count(db.sql(), "SELECT count(*) FROM skeleton_note WHERE day BETWEEN ? AND ?");
        SQLite::bind(count, scope.from_date(), scope.to_date());
        count.executeStep();
        ReportSection section{.id = id(), .title = tr("Notes")};
        section.data["notes"] = count.getColumn(0).getInt();
        section.paragraphs.push_back(trf("Notes written: {count}.", fmt::arg("count", count.getColumn(0).getInt())));
        return {section};
    }
};

void add_commands(CLI::App& cli, CliContext& context) {  // maillage-cli skeleton add|list
    auto* plugin = cli.add_subcommand("skeleton", tr("Dated notes"))->require_subcommand(1);
    auto text = std::make_shared<std::string>();
    auto* add = plugin->add_subcommand("add", tr("Add a note dated today"));
    add->add_option("text", *text)->required();
    add->callback([&context, text] { add_note(context.database(), *text); });
    plugin->add_subcommand("list", tr("List the notes, newest first"))->callback([&context] {
        for (const auto& n : list_notes(context.database())) *context.out << n.day << '\t' << n.text << '\n';
    });
}

// What the plugin contributes; its translation domain is maillage-skeleton.
PluginDeclaration declare() {
    return {.name = N_("Skeleton"),
            .description = N_("Dated notes"),
            .migrations = skeleton::migrations,
            .add_commands = add_commands,
            .report_sections = [] { return ReportSections{notes_section()}; }};
}

}  // namespace

std::shared_ptr<const ReportSectionProvider> notes_section() { return std::make_shared<NotesSection>(); }

}  // namespace maillage::skeleton

MAILLAGE_DECLARED_PLUGIN(maillage::skeleton::declare, maillage::skeleton::kPluginId,
                         maillage::skeleton::kPluginVersion)
