#include "core/storage_check.h"

#include "core/i18n.h"

#include <sys/vfs.h>

#include <algorithm>
#include <cctype>

namespace maillage {
namespace {
// f_type values from linux/magic.h (not all are in the installed headers).
constexpr long kNfs = 0x6969;
constexpr long kSmb = 0x517B;
constexpr long kCifs = 0xFF534D42;
constexpr long kSmb2 = 0xFE534D42;
constexpr long kFuse = 0x65735546;
constexpr long kCoda = 0x73757245;
constexpr long kAfs = 0x5346414F;
constexpr long kCeph = 0x00C36400;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

const char* network_kind(const std::filesystem::path& database) {
    auto dir = database.has_parent_path() ? database.parent_path() : std::filesystem::path(".");
    struct statfs st {};
    // The file may not exist yet: look at the nearest existing folder.
    std::error_code ec;
    while (!dir.empty() && !std::filesystem::exists(dir, ec)) dir = dir.parent_path();
    if (dir.empty()) dir = ".";
    if (statfs(dir.c_str(), &st) != 0) return nullptr;
    switch (static_cast<long>(static_cast<unsigned long>(st.f_type) & 0xFFFFFFFFul)) {
    case kNfs: return "NFS";
    case kSmb:
    case kCifs:
    case kSmb2: return "SMB/CIFS";
    case kFuse: return "FUSE";
    case kCoda:
    case kAfs:
    case kCeph: return "network";
    default: return nullptr;
    }
}
}  // namespace

bool is_cloud_synced_path(const std::filesystem::path& database) {
    static const char* kSynced[] = {"dropbox", "onedrive", "google drive", "googledrive", "my drive",
                                    "nextcloud", "owncloud", "icloud drive", "icloud", "pcloud",
                                    "seafile"};
    std::error_code ec;
    const auto full = std::filesystem::absolute(database, ec);
    for (const auto& part : (ec ? database : full).parent_path()) {
        const auto name = lower(part.string());
        for (const char* s : kSynced) {
            // "OneDrive - Organisation", "Dropbox (Personal)", "Nextcloud": the sync
            // client's folder name starts the component.
            if (name.rfind(s, 0) == 0) return true;
        }
    }
    return false;
}

std::string storage_warning(const std::filesystem::path& database) {
    if (database.empty() || database == ":memory:") return {};
    if (const char* kind = network_kind(database))
        return trf("Warning: the database {file} is on a {kind} network drive. Such drives do not lock files "
                   "reliably: two people using it at once, or a dropped connection, can corrupt it. Keep the "
                   "database on this computer's own disk and share backups instead.",
                   fmt::arg("file", database.string()), fmt::arg("kind", kind));
    if (is_cloud_synced_path(database))
        return trf("Warning: the database {file} is in a cloud-synced folder. The sync program may copy it "
                   "while it is being written, or overwrite it with another computer's copy, which loses or "
                   "corrupts data. Keep the database outside synced folders and put its backups there instead.",
                   fmt::arg("file", database.string()));
    return {};
}

}  // namespace maillage
