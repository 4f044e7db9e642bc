#pragma once
// The XML feed of an edition for the association's own web site (schema/catalogue-feed.xsd).
#include "catalog/catalog_model.h"

#include <string>

namespace maillage::catalog {

inline constexpr const char* kFeedNamespace = "urn:maillage:catalogue:feed:1";

// The edition's themes, modules (current sheets) and open trainings with their days.
std::string edition_feed_xml(const Edition& edition);

}  // namespace maillage::catalog
