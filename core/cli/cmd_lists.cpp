// maillage-cli sectors|roles|types list: the codes that imports and commands accept,
// with their labels, so that nobody has to guess them.
#include "cli_table.h"
#include "cmd_common.h"

#include "core/known_values.h"
#include "core/locale_format.h"
#include "core/plugin_loader.h"
#include "core/sectors.h"

#include <map>
#include <utility>

namespace maillage::cli {
namespace {

constexpr std::pair<const char*, const char*> kPersonRoleLabels[] = {
    {"worker", N_("Front-line worker")}, {"peer_worker", N_("Peer worker")}, {"facilitator", N_("Facilitator")},
    {"trainer", N_("Trainer")},          {"staff", N_("Staff member")},      {"manager", N_("Manager")}};

constexpr std::pair<const char*, const char*> kAttendanceRoleLabels[] = {
    {"participant", N_("Participant")}, {"facilitator", N_("Facilitator")}, {"speaker", N_("Speaker")},
    {"trainer", N_("Trainer")},         {"staff", N_("Staff member")},      {"organiser", N_("Organiser")}};

CLI::App* add_list(CLI::App& app, const char* name, const std::string& help, const std::string& list_help,
                   std::shared_ptr<std::string> format) {
    auto* cmd = add_group(app, name, help);
    auto* list = cmd->add_subcommand("list", list_help);
    add_format_option(*list, *format);
    return list;
}

}  // namespace

void add_list_commands(CLI::App& app, CliRun& run) {
    auto format = std::make_shared<std::string>("table");
    auto all = std::make_shared<bool>(false);
    auto* sectors = add_list(app, "sectors", tr("The sectors institutions and participations count for"),
                             tr("List the sectors: the code imports accept and the label in each language"), format);
    sectors->add_flag("--all", *all, tr("Also list the retired ones"));
    sectors->callback([&run, format, all] {
        CliTable t;
        t.keys = {"id", "code", "label_fr", "label_nl", "label_en", "status"};
        t.headers = {tr("Id"), tr("Code"), tr("French"), tr("Dutch"), tr("English"), tr("Status")};
        for (const auto& s : SectorRepository(existing_database(run)).list(*all))
            t.rows.push_back({std::to_string(s.id), s.code, s.label_fr, s.label_nl, s.label_en,
                              *format != "table" ? (s.retired ? "retired" : "active")
                                                 : (s.retired ? tr("retired") : tr("active"))});
        print_table(run.out(), t, *format);
    });

    auto* roles = add_list(app, "roles", tr("The roles of people and of attendance"),
                           tr("List the roles: a person's roles (people import) and the roles in a session's attendance"),
                           format);
    roles->callback([&run, format] {
        CliTable t;
        t.keys = {"code", "applies_to", "label"};
        t.headers = {tr("Code"), tr("Applies to"), tr("Label")};
        for (const auto& r : person_role_codes())
            t.rows.push_back({r, *format == "table" ? tr("person") : "person", tr_label(kPersonRoleLabels, r).value_or(r)});
        for (const auto& r : attendance_role_codes())
            t.rows.push_back({r, *format == "table" ? tr("attendance") : "attendance", tr_label(kAttendanceRoleLabels, r).value_or(r)});
        print_table(run.out(), t, *format);
    });

    auto* types = add_list(app, "types", tr("The kinds of session the plugins record"),
                           tr("List the session kinds with their label (what the report's \"by activity\" shows)"),
                           format);
    types->callback([&run, format] {
        std::map<std::string, std::pair<std::string, std::string>> kinds;  // code -> plugin, label
        for (const auto& p : run.suite().plugins().loaded())
            for (const auto& [code, label] : p->plugin->session_kind_labels()) kinds[code] = {p->info.id, label};
        CliTable t;
        t.keys = {"code", "plugin", "label"};
        t.headers = {tr("Code"), tr("Plugin"), tr("Label")};
        for (const auto& [code, v] : kinds) t.rows.push_back({code, v.first, v.second});
        print_table(run.out(), t, *format);
    });
}

}  // namespace maillage::cli
