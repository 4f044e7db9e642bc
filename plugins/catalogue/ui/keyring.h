#pragma once
// The SMTP password in the desktop keyring (libsecret: GNOME Keyring, KWallet...), keyed
// by server and user name. Never in the database or the settings file. When no keyring
// answers (no desktop session), the functions say why and the caller asks each time.
#include <optional>
#include <string>

namespace maillage::catalogue {

// The stored password, nullopt when none (or no keyring: `error` says which).
std::optional<std::string> keyring_password(const std::string& host, const std::string& user, std::string* error);
// Stores it; false with `error` when the keyring cannot.
bool keyring_store(const std::string& host, const std::string& user, const std::string& password, std::string* error);

}  // namespace maillage::catalogue
