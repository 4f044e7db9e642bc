#include "catalog/edition_feed_xml.h"
#include "catalog/xml_writing.h"

#include "core/validate.h"

#include <pugixml.hpp>

namespace maillage::catalog {

std::string edition_feed_xml(const Edition& edition) {
    pugi::xml_document doc;
    auto root = start_xml_document(doc, "catalogue", kFeedNamespace);
    root.append_attribute("edition") = edition.code.c_str();
    root.append_attribute("year") = edition.year;
    root.append_child("organisation").text() = edition.organisation.c_str();

    auto themes = root.append_child("themes");
    for (const auto& t : edition.themes) {
        auto e = themes.append_child("theme");
        e.append_attribute("code") = t.code.c_str();
        add_local(e, "label", t.label);
    }
    auto modules = root.append_child("modules");
    for (const auto& m : edition.modules) {
        auto e = modules.append_child("module");
        e.append_attribute("code") = m.code.c_str();
        e.append_attribute("version") = m.version;
        e.append_attribute("theme") = m.theme_code.c_str();
        e.append_attribute("duration-minutes") = m.duration_minutes;
        add_local(e, "title", m.title);
        add_local(e, "description", m.description);
    }
    auto trainings = root.append_child("trainings");
    for (const auto& t : edition.trainings) {
        auto e = trainings.append_child("training");
        e.append_attribute("code") = t.code.c_str();
        e.append_attribute("seats") = t.seats;
        e.append_attribute("seats-available") = std::max(0, t.seats - t.seats_taken);
        if (t.free())
            e.append_attribute("free") = true;
        else
            e.append_attribute("price-cents") = *t.price_cents;
        if (!t.registration_deadline.empty())
            e.append_attribute("registration-deadline") = t.registration_deadline.c_str();
        add_local(e, "title", t.title);
        std::string langs;
        for (const auto& l : t.languages) langs += (langs.empty() ? "" : " ") + l;
        e.append_child("languages").text() = langs.c_str();
        e.append_child("venue").text() = t.venue.c_str();
        // Only http(s)/mailto links reach partners' sites; anything else is left empty.
        e.append_child("registration-url").text() =
            validate::is_safe_url(t.registration_url) ? t.registration_url.c_str() : "";
        auto refs = e.append_child("modules");
        for (const auto& code : t.module_codes) refs.append_child("module-ref").append_attribute("code") = code.c_str();
        auto days = e.append_child("days");
        for (const auto& d : t.days) {
            auto de = days.append_child("day");
            de.append_attribute("date") = d.date.c_str();
            de.append_attribute("start") = d.start_time.c_str();
            de.append_attribute("end") = d.end_time.c_str();
            if (d.cancelled) de.append_attribute("cancelled") = true;
            if (!d.venue.empty()) de.append_child("venue").text() = d.venue.c_str();
            for (const auto& tr : d.trainers) de.append_child("trainer").text() = tr.c_str();
        }
    }
    return xml_text(doc);
}

}  // namespace maillage::catalog
