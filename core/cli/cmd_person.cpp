// maillage-cli person delete|merge, institution delete: people found by email (or by
// name when it is unique), institutions by name; never by id.
#include "cmd_common.h"

#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/people.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <functional>
#include <utility>

namespace maillage::cli {
namespace {

// Without --yes, says what would happen and stops: the command line has no undo.
void confirm_or_stop(CliRun& run, bool yes, const std::string& what) {
    if (yes) return;
    run.err() << what << '\n' << tr("Nothing was changed. Run again with --yes to confirm.") << '\n';
    throw CLI::RuntimeError(1);
}

std::string goes_with(const DeleteImpact& impact) {
    if (impact.goes_with.empty()) return {};
    return " " + trf("With it go: {counts}.", fmt::arg("counts", describe_counts(impact.goes_with)));
}

// A record found by what users know it by: its id and its name as shown.
using Found = std::pair<int64_t, std::string>;

// `<parent> delete KEY [--yes]`: the record `find` gives for KEY is refused when others
// still need it, else named with what goes with it and deleted once confirmed.
template <class Repository>
void add_delete_subcommand(CLI::App& parent, CliRun& run, const std::string& help, const std::string& key,
                           const std::string& key_help, std::function<Found(Database&, const std::string&)> find) {
    auto* del = parent.add_subcommand("delete", help);
    auto value = add_required(*del, key, key_help);
    auto yes = add_confirm_flag(*del, tr("Confirm"));
    del->callback([&run, value, yes, find] {
        auto& db = run.database();
        const auto [id, name] = find(db, *value);
        Repository repository(db);
        const auto impact = repository.delete_impact(id);
        if (!impact.allowed()) throw Error(impact.refusal);
        confirm_or_stop(run, *yes, trf("This deletes {name}.", fmt::arg("name", name)) + goes_with(impact));
        repository.remove(id);
        run.out() << trf("Deleted {name}.", fmt::arg("name", name)) << '\n';
    });
}
}  // namespace

// The person with this email (or id), else the only live person with this full name.
Person find_person(Database& db, const std::string& who) {
    PersonRepository people(db);
    // An id is accepted ("#12" or "12"), never required.
    const auto digits = who.substr(who.rfind('#', 0) == 0 ? 1 : 0);
    if (!digits.empty() && digits.size() < 16 && digits.find_first_not_of("0123456789") == std::string::npos) {
        if (auto p = people.get(std::stoll(digits))) return *p;
        throw Error(trf("There is no person #{id}.", fmt::arg("id", digits)));
    }
    if (who.find('@') != std::string::npos) {
        if (auto p = people.find_by_email(who)) return *p;
        throw Error(trf("No person has the email {email}.", fmt::arg("email", who)));
    }
    SQLite::Statement q(db.sql(),
                        "SELECT id FROM person WHERE erased_at IS NULL AND (trim(coalesce(first_name,'') || ' ' || "
                        "coalesce(last_name,'')) = ?1 COLLATE NOCASE OR trim(coalesce(last_name,'') || ' ' || "
                        "coalesce(first_name,'')) = ?1 COLLATE NOCASE) ORDER BY id");
    q.bind(1, who);
    std::vector<Person> found;
    while (q.executeStep()) found.push_back(*people.get(q.getColumn(0).getInt64()));
    if (found.empty()) throw Error(trf("No person is called \"{name}\".", fmt::arg("name", who)));
    if (found.size() > 1) {
        std::string emails;
        for (const auto& p : found)
            emails += (emails.empty() ? "" : ", ") + (p.email.empty() ? tr("no email") : p.email);
        throw Error(trf("{count} people are called \"{name}\" ({emails}): name one by email.",
                        fmt::arg("count", found.size()), fmt::arg("name", who), fmt::arg("emails", emails)));
    }
    return found.front();
}

void add_person_command(CLI::App& app, CliRun& run) {
    auto* person = add_group(app, "person", tr("Delete or merge people (found by email, or by a unique name)"));

    add_delete_subcommand<PersonRepository>(*person, run, tr("Delete a person who never took part in anything"),
                                            "person", tr("The person's email, or full name when unique"),
                                            [](Database& db, const std::string& who) {
                                                const auto p = find_person(db, who);
                                                return Found{p.id, p.display_name()};
                                            });

    auto* merge = person->add_subcommand("merge", tr("Fold a duplicate record into the person it repeats"));
    auto duplicate = add_required(*merge, "duplicate", tr("The duplicate: email, or full name when unique"));
    auto keep = add_required(*merge, "--into", tr("The person to keep: email, or full name when unique"));
    auto merge_yes = add_confirm_flag(*merge, tr("Confirm"));
    merge->callback([&run, duplicate, keep, merge_yes] {
        auto& db = run.database();
        const auto from = find_person(db, *duplicate);
        const auto into = find_person(db, *keep);
        if (from.id == into.id) throw Error(tr("A person cannot be merged into themselves."));
        confirm_or_stop(run, *merge_yes,
                        trf("This moves the participations, roles, employments and other records of {from} to "
                            "{into}, then deletes {from}.",
                            fmt::arg("from", from.display_name()), fmt::arg("into", into.display_name())));
        PersonRepository(db).merge(from.id, into.id);
        run.out() << trf("Merged {from} into {into}.", fmt::arg("from", from.display_name()),
                         fmt::arg("into", into.display_name()))
                  << '\n';
    });
}

void add_institution_delete_command(CLI::App& institution, CliRun& run) {
    add_delete_subcommand<InstitutionRepository>(institution, run, tr("Delete an institution nothing points to"),
                                                 "name", tr("The institution's name"),
                                                 [](Database& db, const std::string& name) {
                                                     const auto i = find_institution(db, name);
                                                     return Found{i.id, i.name};
                                                 });
}

}  // namespace maillage::cli
