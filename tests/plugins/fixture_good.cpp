// A well-behaved fixture plugin: one CLI command, one report section, one migration
// creating a table with a foreign key to institution.
#include "core/database.h"
#include "core/plugin_api.h"

#include <CLI/CLI.hpp>

namespace {

class FixtureSection : public maillage::ReportSectionProvider {
public:
    std::string id() const override { return "fixture.summary"; }
    std::vector<maillage::ReportSection> build(maillage::Database& db, const maillage::ReportScope&) const override {
        maillage::ReportSection s;
        s.id = "fixture.summary";
        s.title = "Fixture <summary> & co";
        s.paragraphs.push_back("Notes: " + std::to_string(db.scalar_int("SELECT count(*) FROM fixture_note")));
        s.data["notes"] = db.scalar_int("SELECT count(*) FROM fixture_note");
        return {s};
    }
};

class FixturePlugin : public maillage::Plugin {
public:
    maillage::PluginInfo info() const override {
        return {"fixture", "Fixture plugin", "1.2.3", "A plugin for the loader tests"};
    }
    std::vector<maillage::Migration> migrations() const override {
        return {maillage::Migration::sql(1, "fixture notes",
                                         "CREATE TABLE fixture_note(id INTEGER PRIMARY KEY, "
                                         "institution_id INTEGER REFERENCES institution(id), text TEXT)")};
    }
    void add_commands(CLI::App& cli, maillage::CliContext& context) override {
        auto* cmd = cli.add_subcommand("fixture", "Fixture plugin commands");
        cmd->require_subcommand(1);
        auto* hello = cmd->add_subcommand("hello", "Says hello and counts the fixture notes");
        hello->callback([&context] {
            auto& db = context.database();
            *context.out << "hello from fixture: " << db.scalar_int("SELECT count(*) FROM fixture_note")
                         << " notes\n";
        });
    }
    std::vector<std::shared_ptr<const maillage::ReportSectionProvider>> report_sections() const override {
        return {std::make_shared<FixtureSection>()};
    }
};

}  // namespace

MAILLAGE_PLUGIN(FixturePlugin)
