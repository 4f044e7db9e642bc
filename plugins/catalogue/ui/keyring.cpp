#include "ui/keyring.h"

#include <libsecret/secret.h>

namespace maillage::catalogue {
namespace {

const SecretSchema* schema() {
    static const SecretSchema s = [] {
        SecretSchema out{};
        out.name = "be.maillage.Smtp";
        out.flags = SECRET_SCHEMA_NONE;
        out.attributes[0] = {"host", SECRET_SCHEMA_ATTRIBUTE_STRING};
        out.attributes[1] = {"user", SECRET_SCHEMA_ATTRIBUTE_STRING};
        out.attributes[2] = {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING};
        return out;
    }();
    return &s;
}

std::string take(GError* error) {
    std::string message = error && error->message ? error->message : "";
    if (error) g_error_free(error);
    return message;
}

}  // namespace

std::optional<std::string> keyring_password(const std::string& host, const std::string& user, std::string* error) {
    GError* failure = nullptr;
    gchar* found = secret_password_lookup_sync(schema(), nullptr, &failure, "host", host.c_str(), "user", user.c_str(),
                                               nullptr);
    if (failure) {
        if (error) *error = take(failure);
        else take(failure);
        return std::nullopt;
    }
    if (!found) return std::nullopt;
    std::string out = found;
    secret_password_free(found);
    return out;
}

bool keyring_store(const std::string& host, const std::string& user, const std::string& password, std::string* error) {
    GError* failure = nullptr;
    const std::string label = "Maillage SMTP " + user + "@" + host;
    const gboolean ok = secret_password_store_sync(schema(), SECRET_COLLECTION_DEFAULT, label.c_str(), password.c_str(),
                                                   nullptr, &failure, "host", host.c_str(), "user", user.c_str(), nullptr);
    if (failure) {
        const auto message = take(failure);
        if (error) *error = message;
        return false;
    }
    return ok;
}

}  // namespace maillage::catalogue
