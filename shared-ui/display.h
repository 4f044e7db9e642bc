#pragma once
// Values as the pages show them, in the UI language (core/locale_format.h): list cells,
// labels and titles. Machine forms (ISO dates, point decimals) never reach a person.
#include "core/locale_format.h"

#include <wx/intl.h>
#include <wx/string.h>

#include <cstddef>
#include <string>
#include <utility>

namespace maillage::ui {

// "2026-09-14" -> "14/09/2026"; "" stays "".
inline wxString display_date(const std::string& iso) { return wxString::FromUTF8(locale::short_date(iso)); }
// "2026-09-14" -> "lundi 14 septembre 2026".
inline wxString display_long_date(const std::string& iso) { return wxString::FromUTF8(locale::long_date(iso)); }
// "2026-09-14T09:30:00Z" -> "14/09/2026 09:30".
inline wxString display_date_time(const std::string& iso) { return wxString::FromUTF8(locale::date_time(iso)); }
inline wxString display_decimal(double value, int decimals = 2) {
    return wxString::FromUTF8(locale::decimal(value, decimals));
}
// value is a percentage already: 22.666 -> "22,67 %".
inline wxString display_percent(double value, int decimals = 2) {
    return wxString::FromUTF8(locale::percent(value, decimals));
}
// As few decimals as needed (hours: "30,5", "31").
inline wxString display_number(double value, int max_decimals = 2) {
    return wxString::FromUTF8(locale::number(value, max_decimals));
}
inline wxString display_integer(long long value) { return wxString::FromUTF8(locale::integer(value)); }
// A value in machine form (ISO date, "44.54", "12.5 %"): its display form; other text as is.
inline wxString display_value(const std::string& text) { return wxString::FromUTF8(locale::display(text)); }

// The translation of the label paired with `key` in a table of {key, N_("label")} (the
// window's side of core/i18n.h's tr_label); `otherwise` when the key is not in it.
template <std::size_t N>
wxString label_of(const std::pair<const char*, const char*> (&labels)[N], const std::string& key,
                  const wxString& otherwise) {
    for (const auto& [k, label] : labels)
        if (key == k) return wxGetTranslation(label);
    return otherwise;
}

}  // namespace maillage::ui
