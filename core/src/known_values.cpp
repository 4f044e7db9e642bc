#include "core/known_values.h"

#include "core/csv.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/people.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include "core/database.h"

#include <algorithm>
#include <numeric>

namespace maillage {
namespace {

// Levenshtein distance over bytes of the normalised forms (short codes and labels).
std::size_t distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    std::iota(prev.begin(), prev.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

bool is_id(const std::string& text) {
    const auto digits = text.substr(!text.empty() && text[0] == '#' ? 1 : 0);
    return !digits.empty() && digits.size() < 18 && digits.find_first_not_of("0123456789") == std::string::npos;
}

int64_t id_of(const std::string& text) { return std::stoll(text.substr(text[0] == '#' ? 1 : 0)); }

// The codes of a list of programmes, funders or sectors.
template <class Records>
std::vector<std::string> codes(const Records& records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(r.code);
    return out;
}

// A programme or funder by its code, else by its id ("#12").
template <class Repository>
auto by_code_or_id(const Repository& repo, const std::string& code) {
    auto r = repo.find_by_code(code);
    if (!r && is_id(code)) r = repo.get(id_of(code));
    return r;
}

}  // namespace

std::string valid_values(const std::vector<std::string>& valid, std::string_view typed, std::size_t show) {
    if (valid.empty()) return tr("none");
    if (valid.size() <= show) return join(valid);
    const auto key = csv::normalize_header(typed);
    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (const auto& v : valid) {
        const auto n = csv::normalize_header(v);
        const bool prefix = !key.empty() && (n.rfind(key, 0) == 0 || key.rfind(n, 0) == 0);
        ranked.emplace_back(prefix ? 0 : 1 + distance(key, n), v);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> closest;
    for (std::size_t i = 0; i < show && i < ranked.size(); ++i) closest.push_back(ranked[i].second);
    return trf("{values}… ({n} in all)", fmt::arg("values", join(closest)), fmt::arg("n", valid.size()));
}

std::vector<std::string> programme_codes(Database& db) { return codes(ProgrammeRepository(db).list()); }
std::vector<std::string> funder_codes(Database& db) { return codes(FunderRepository(db).list()); }
std::vector<std::string> sector_codes(Database& db) { return codes(SectorRepository(db).list()); }

Programme need_programme(Database& db, const std::string& code) {
    if (auto p = by_code_or_id(ProgrammeRepository(db), code)) return *p;
    throw Error(trf("unknown programme \"{code}\" (valid: {values})", fmt::arg("code", code),
                    fmt::arg("values", valid_values(programme_codes(db), code))));
}

Funder need_funder(Database& db, const std::string& code) {
    if (auto f = by_code_or_id(FunderRepository(db), code)) return *f;
    throw Error(trf("unknown funder \"{code}\" (valid: {values})", fmt::arg("code", code),
                    fmt::arg("values", valid_values(funder_codes(db), code))));
}

Sector need_sector(Database& db, const std::string& code_or_label) {
    if (auto s = SectorRepository(db).find(code_or_label)) return *s;
    throw Error(trf("unknown sector \"{code}\" (valid: {values})", fmt::arg("code", code_or_label),
                    fmt::arg("values", valid_values(sector_codes(db), code_or_label))));
}

int64_t person_by_key(Database& db, const std::string& key) {
    PersonRepository people(db);
    if (is_id(key)) {
        auto p = people.get(id_of(key));
        if (p && !p->erased) return p->id;
        throw Error(trf("No person has the id {id}.", fmt::arg("id", key)));
    }
    if (key.find('@') != std::string::npos) {
        if (auto p = people.find_by_email(key)) return p->id;
        throw Error(trf("No person has the email {email}.", fmt::arg("email", key)));
    }
    std::string lower;
    for (char c : key) lower += char(std::tolower(static_cast<unsigned char>(c)));
    SQLite::Statement q(db.sql(), "SELECT id, coalesce(email,'') FROM person WHERE erased_at IS NULL AND "
                                  "lower(trim(coalesce(first_name,'') || ' ' || coalesce(last_name,''))) = ?");
    q.bind(1, lower);
    std::vector<std::pair<int64_t, std::string>> found;
    while (q.executeStep()) found.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    if (found.size() == 1) return found.front().first;
    if (found.empty())
        throw Error(trf("No person is named \"{name}\" (give an email, a full name or an id).", fmt::arg("name", key)));
    std::string who;
    for (const auto& [id, email] : found) who += (who.empty() ? "" : ", ") + (email.empty() ? "#" + std::to_string(id) : email);
    throw Error(trf("{n} people are named \"{name}\" ({who}): give the email.", fmt::arg("n", found.size()),
                    fmt::arg("name", key), fmt::arg("who", who)));
}

const std::vector<std::string>& person_role_codes() {
    static const std::vector<std::string> v{"worker", "peer_worker", "facilitator", "trainer", "staff", "manager"};
    return v;
}

const std::vector<std::string>& attendance_role_codes() {
    static const std::vector<std::string> v{"participant", "facilitator", "speaker", "trainer", "staff", "organiser"};
    return v;
}

const std::vector<std::string>& attendance_status_codes() {
    static const std::vector<std::string> v{"registered", "present", "excused", "absent"};
    return v;
}

}  // namespace maillage
