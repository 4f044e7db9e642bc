#include "catalog/edition_feed_xml.h"
#include "catalog/xml_writing.h"

#include "core/validate.h"

#include <pugixml.hpp>

namespace maillage::catalog {
namespace {
// A <list> element with one <item code="..."> child per record, completed by fill(child, record).
template <class Records, class Fill>
void add_coded_list(pugi::xml_node parent, const char* list, const char* item, const Records& records, Fill&& fill) {
    auto l = parent.append_child(list);
    for (const auto& r : records) {
        auto e = l.append_child(item);
        e.append_attribute("code") = r.code.c_str();
        fill(e, r);
    }
}
}  // namespace

std::string edition_feed_xml(const Edition& edition) {
    pugi::xml_document doc;
    auto root = start_xml_document(doc, "catalogue", kFeedNamespace);
    root.append_attribute("edition") = edition.code.c_str();
    root.append_attribute("year") = edition.year;
    root.append_child("organisation").text() = edition.organisation.c_str();

    add_coded_list(root, "themes", "theme", edition.themes,
                   [](pugi::xml_node e, const auto& t) { add_local(e, "label", t.label); });
    add_coded_list(root, "modules", "module", edition.modules, [](pugi::xml_node e, const auto& m) {
        e.append_attribute("version") = m.version;
        e.append_attribute("theme") = m.theme_code.c_str();
        e.append_attribute("duration-minutes") = m.duration_minutes;
        add_local(e, "title", m.title);
        add_local(e, "description", m.description);
    });
    add_coded_list(root, "trainings", "training", edition.trainings, [](pugi::xml_node e, const auto& t) {
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
    });
    return xml_text(doc);
}

}  // namespace maillage::catalog
