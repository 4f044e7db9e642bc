#include "pat_info.h"

#include "core/i18n.h"

namespace maillage::pat {

PluginInfo pat_plugin_info() {
    return {"pat", tr("PAT peer support"), "1.0.0",
            tr("Accompaniments of institutions that hire peer workers, trainings, advocacy and the map.")};
}

std::map<std::string, std::string> pat_session_kind_labels() {
    return {{"pat", tr("PAT accompaniment sessions")}};
}

}  // namespace maillage::pat
