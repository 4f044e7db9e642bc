// The training catalogue plugin's window module (maillage_catalogue_ui.so): its pages.
#include "catalogue_plugin.h"

#include "ui/editions_page.h"
#include "ui/figures_page.h"
#include "ui/modules_page.h"
#include "ui/trainers_page.h"
#include "ui/trainings_page.h"

#include "shared-ui/declared_ui.h"

#include <wx/intl.h>

namespace maillage::catalogue {
namespace {

// The organisation's SMTP server for the messages to participants. The password is
// not a preference: it is asked when sending and may be kept in the desktop keyring.
ui::UiDeclaration declare() {
    using Kind = ui::PreferenceSpec::Kind;
    return {.pages = {ui::page<ModulesPage>("catalogue.modules", _("Training modules"), 10),
                      ui::page<TrainersPage>("catalogue.trainers", _("Trainers"), 15),
                      ui::page<EditionsPage>("catalogue.editions", _("Catalogue editions"), 18),
                      ui::page<TrainingsPage>("catalogue.trainings", _("Trainings"), 20),
                      ui::page<FiguresPage>("catalogue.figures", _("Training figures"), 30)},
            .preferences = {
                {"catalogue.smtp_host", _("SMTP server (e.g. smtp.example.org):"), Kind::Text, {}, {}},
                {"catalogue.smtp_port", _("SMTP port:"), Kind::Number, "587", {}},
                {"catalogue.smtp_security", _("SMTP security:"), Kind::Choice, "STARTTLS", {"STARTTLS", "SSL/TLS", wxGETTEXT_IN_CONTEXT("security", "none")}},
                {"catalogue.smtp_user", _("SMTP user name:"), Kind::Text, {}, {}},
                {"catalogue.smtp_from", _("Sender's address:"), Kind::Text, {}, {}},
                {"catalogue.smtp_from_name", _("Sender's name:"), Kind::Text, {}, {}},
            }};
}

}  // namespace
}  // namespace maillage::catalogue

MAILLAGE_DECLARED_UI(maillage::catalogue::declare, maillage::catalogue::kPluginId,
                     maillage::catalogue::kPluginVersion)
