#pragma once
// The fixed texts of the published site and booklet, in French and Dutch. They are not
// gettext strings: the site's language is the page's, not the user's.
#include <string>

namespace maillage::catalog {

// The text for key in "fr" or "nl" (French for another language). Throws
// std::out_of_range for an unknown key, so a typo fails the tests.
const std::string& site_text(const std::string& language, const std::string& key);

// "mardi 3 mars 2026" / "dinsdag 3 maart 2026" from an ISO date ("" when not a date).
std::string long_date(const std::string& language, const std::string& iso_date);
// "45,00 €" from cents.
std::string format_price(int cents);

}  // namespace maillage::catalog
