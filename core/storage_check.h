#pragma once
// Where a database file should not live: network shares and cloud-synced folders, whose
// locking and write ordering SQLite cannot rely on (two offices editing "the same" file
// through Dropbox end up with a conflicted copy or a corrupt one).
#include <filesystem>
#include <string>

namespace maillage {

// A warning explaining the risk when `database` is on a network file system (NFS, CIFS/
// SMB, FUSE mounts such as sshfs or cloud drives) or under a folder that a sync client
// watches (Dropbox, OneDrive, Google Drive, Nextcloud, ownCloud, iCloud); "" otherwise.
std::string storage_warning(const std::filesystem::path& database);

// The part used by storage_warning() that only looks at the path's folder names.
bool is_cloud_synced_path(const std::filesystem::path& database);

}  // namespace maillage
