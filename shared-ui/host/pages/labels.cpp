#include "labels.h"

#include "core/sectors.h"

#include <wx/intl.h>

namespace maillage::ui {

CodeLabels region_labels() { return {{"brussels", _("Brussels")}, {"wallonia", _("Wallonia")}, {"flanders", _("Flanders")}}; }

CodeLabels institution_languages() {
    return {{"fr", _("French")}, {"nl", _("Dutch")}, {"bilingual", _("Bilingual")}};
}

CodeLabels person_languages() { return {{"fr", _("French")}, {"nl", _("Dutch")}, {"en", _("English")}}; }

CodeLabels role_labels() {
    return {{"worker", _("Front-line worker")}, {"peer_worker", _("Peer worker")}, {"facilitator", _("Facilitator")},
            {"trainer", _("Trainer")},          {"staff", wxGETTEXT_IN_CONTEXT("role", "Staff")},             {"manager", _("Manager")}};
}

CodeLabels sector_families() {
    return {{"social", _("Social")}, {"mental_health", _("Mental health")}, {"other", _("Other")}};
}

CodeLabels attendance_statuses() {
    return {{"registered", _("Registered")}, {"present", _("Present")}, {"excused", _("Excused")}, {"absent", _("Absent")}};
}

CodeLabels attendance_roles() {
    return {{"participant", _("Participant")}, {"facilitator", _("Facilitator")}, {"speaker", _("Speaker")},
            {"trainer", _("Trainer")},         {"staff", wxGETTEXT_IN_CONTEXT("role", "Staff")},             {"organiser", _("Organiser")}};
}

wxString label_of(const CodeLabels& labels, const std::string& code) {
    for (const auto& [c, label] : labels)
        if (c == code) return label;
    return u8(code);
}

wxString sector_label(Database& db, int64_t id, const std::string& language) {
    const auto sector = SectorRepository(db).get(id);
    return sector ? u8(sector->label(language)) : wxString();
}

}  // namespace maillage::ui
