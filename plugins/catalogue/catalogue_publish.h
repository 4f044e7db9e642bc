#pragma once
// Turns an edition in the database into catalog/'s plain model, then publishes it.
#include "catalog/catalog_model.h"
#include "catalog/site_publisher.h"

#include <filesystem>
#include <string>

namespace maillage {
class Database;
}

namespace maillage::catalogue {

// The organisation's name shown on the site (setting "catalogue.organisation").
std::string organisation_name(Database& db);

// The edition's open trainings, the modules they use (as the sheet versions they
// reference) plus every current module, and the themes. Throws maillage::Error on an
// unknown edition.
catalog::Edition load_edition(Database& db, const std::string& edition_code);

// Loads and publishes; records the publication date on the edition.
catalog::PublishResult publish(Database& db, const std::string& edition_code, const std::filesystem::path& out,
                               const catalog::PublishOptions& options = {});

}  // namespace maillage::catalogue
