#include "core/backup_policy.h"

#include "core/backup.h"
#include "core/database.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <regex>

namespace maillage {
namespace {
using namespace std::chrono;

std::string stamp_of(local_seconds at) {
    const auto day = floor<days>(at);
    const year_month_day ymd{day};
    const hh_mm_ss hms{at - day};
    char text[32];
    std::snprintf(text, sizeof text, "%04d%02u%02u-%02d%02d%02d", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()), int(hms.hours().count()), int(hms.minutes().count()),
                  int(hms.seconds().count()));
    return text;
}
}  // namespace

std::filesystem::path default_backup_dir(const std::filesystem::path& db_file) {
    return (db_file.has_parent_path() ? db_file.parent_path() : std::filesystem::path(".")) / "backups";
}

std::filesystem::path backup_name_at(const std::filesystem::path& dir, const std::filesystem::path& db_file,
                                     const std::string& tag, local_seconds at) {
    return dir / (db_file.stem().string() + "-" + tag + "-" + stamp_of(at) + ".sqlite");
}

local_seconds local_now() {
    const auto now = system_clock::to_time_t(system_clock::now());
    std::tm tm{};
    localtime_r(&now, &tm);
    const auto day = local_days{year{tm.tm_year + 1900} / month{unsigned(tm.tm_mon + 1)} / unsigned(tm.tm_mday)};
    return day + hours{tm.tm_hour} + minutes{tm.tm_min} + seconds{tm.tm_sec};
}

std::optional<BackupFile> parse_backup_name(const std::filesystem::path& file, const std::filesystem::path& db_file) {
    const auto name = file.filename().string();
    const auto prefix = db_file.stem().string() + "-";
    if (name.rfind(prefix, 0) != 0) return std::nullopt;
    static const std::regex pattern(R"(^(.+)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.sqlite$)");
    std::smatch m;
    const auto rest = name.substr(prefix.size());
    if (!std::regex_match(rest, m, pattern)) return std::nullopt;
    const year_month_day ymd{year{std::stoi(m[2])}, month{unsigned(std::stoi(m[3]))}, day{unsigned(std::stoi(m[4]))}};
    if (!ymd.ok()) return std::nullopt;
    BackupFile b;
    b.file = file;
    b.tag = m[1];
    b.taken = local_days{ymd} + hours{std::stoi(m[5])} + minutes{std::stoi(m[6])} + seconds{std::stoi(m[7])};
    return b;
}

std::vector<BackupFile> list_backups(const std::filesystem::path& dir, const std::filesystem::path& db_file) {
    std::vector<BackupFile> out;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (auto b = parse_backup_name(it->path(), db_file)) out.push_back(*b);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.taken != b.taken ? a.taken > b.taken : a.file > b.file;
    });
    return out;
}

std::vector<BackupFile> good_backups(const std::filesystem::path& dir, const std::filesystem::path& db_file) {
    auto all = list_backups(dir, db_file);
    std::erase_if(all, [](const BackupFile& b) { return !check_file(b.file).empty(); });
    return all;
}

std::vector<size_t> backups_to_keep(const std::vector<local_seconds>& taken, const KeepPolicy& policy) {
    std::vector<size_t> order(taken.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return taken[a] > taken[b]; });
    std::vector<bool> keep(taken.size(), false);
    // One bucket per period key; newest first, so the first seen in a bucket is kept.
    auto apply = [&](int count, auto key_of) {
        std::optional<int64_t> last;
        int buckets = 0;
        for (size_t i : order) {
            const int64_t key = key_of(taken[i]);
            if (last && *last == key) continue;
            if (buckets == count) break;
            last = key;
            ++buckets;
            keep[i] = true;
        }
    };
    apply(policy.daily, [](local_seconds t) { return int64_t(floor<days>(t).time_since_epoch().count()); });
    apply(policy.weekly, [](local_seconds t) {
        // The Monday that starts the ISO week.
        const auto d = floor<days>(t);
        const auto monday = d - (weekday{d} - Monday);
        return int64_t(monday.time_since_epoch().count());
    });
    apply(policy.monthly, [](local_seconds t) {
        const year_month_day ymd{floor<days>(t)};
        return int64_t(int(ymd.year()) * 12 + int(unsigned(ymd.month())));
    });
    std::vector<size_t> out;
    for (size_t i = 0; i < keep.size(); ++i)
        if (keep[i]) out.push_back(i);
    return out;
}

std::vector<std::filesystem::path> rotate_backups(const std::filesystem::path& dir, const std::filesystem::path& db_file,
                                                  const std::string& tag, const KeepPolicy& policy) {
    auto all = list_backups(dir, db_file);
    std::erase_if(all, [&](const BackupFile& b) { return b.tag != tag; });
    std::vector<local_seconds> taken;
    for (const auto& b : all) taken.push_back(b.taken);
    const auto kept = backups_to_keep(taken, policy);
    std::vector<std::filesystem::path> removed;
    for (size_t i = 0; i < all.size(); ++i) {
        if (std::binary_search(kept.begin(), kept.end(), i)) continue;
        std::error_code ec;
        if (std::filesystem::remove(all[i].file, ec)) removed.push_back(all[i].file);
    }
    return removed;
}

std::optional<std::filesystem::path> backup_if_due(Database& db, std::optional<std::filesystem::path> dir,
                                                   local_seconds now) {
    if (db.read_only() || db.path() == ":memory:" || db.path().empty()) return std::nullopt;
    const auto folder = dir.value_or(default_backup_dir(db.path()));
    const auto today = floor<days>(now);
    for (const auto& b : list_backups(folder, db.path()))
        if (b.tag == "auto" && floor<days>(b.taken) == today) return std::nullopt;
    const auto target = backup_name_at(folder, db.path(), "auto", now);
    backup_to(db, target);
    rotate_backups(folder, db.path(), "auto");
    return target;
}

}  // namespace maillage
