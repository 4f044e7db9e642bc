#include "cli_context.h"

#include "core/error.h"
#include "core/i18n.h"
#include "core/paths.h"

namespace maillage::cli {

CliRun::CliRun(const GlobalOptions& options, const std::vector<std::string>& plugin_dirs, std::ostream& out,
               std::ostream& err)
    : options_(options), out_(out), err_(err) {
    // --plugin-dir is typed by the user in the current folder: it is made absolute here
    // (the loader refuses relative folders, which only $MAILLAGE_PLUGIN_PATH can bring).
    std::vector<std::filesystem::path> folders;
    for (const auto& d : plugin_dirs) folders.push_back(std::filesystem::absolute(d));
    for (auto& f : default_plugin_folders()) folders.push_back(f);
    // Without any home folder there is no sentinel (crash detection) and no default
    // database; commands given --db still run.
    std::filesystem::path sentinel;
    try {
        sentinel = config_folder() / "plugin-loading.sentinel";
    } catch (const Error&) {
    }
    suite_ = std::make_unique<Suite>(folders, sentinel);
    plugin_context_.database = [this]() -> Database& { return database(); };
    plugin_context_.out = &out_;
    plugin_context_.err = &err_;
}

std::filesystem::path CliRun::database_path() const {
    return options_.db.empty() ? default_database_path() : std::filesystem::path(options_.db);
}

Database& CliRun::database() {
    if (!suite_->is_open()) {
        const auto path = database_path();
        std::error_code ec;
        if (!allow_create_ && !std::filesystem::exists(path, ec))
            throw Error(trf("There is no database at {file}: check the --db path, or create a database with "
                            "\"maillage-cli init\".",
                            fmt::arg("file", path.string())));
        suite_->open(database_path(), options_.read_only ? Database::Access::ReadOnly : Database::Access::ReadWrite);
        suite_->database().record_undo(false);  // the command line has no undo
        const auto& db = suite_->database();
        for (const auto& warning : db.warnings()) err_ << warning << '\n';
        const auto& outcome = suite_->outcome();
        if (db.read_only() && !options_.read_only && !db.read_only_reason().empty() &&
            outcome.newer_than_program.empty())
            err_ << db.read_only_reason() << '\n';
        if (!outcome.newer_than_program.empty()) err_ << outcome.newer_than_program << '\n';
        if (outcome.backup)
            err_ << trf("Upgraded the database; the previous version is kept in {file}",
                        fmt::arg("file", outcome.backup->string()))
                 << '\n';
    }
    return suite_->database();
}

}  // namespace maillage::cli
