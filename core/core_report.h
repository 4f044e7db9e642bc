#pragma once
// The core's own report sections: an overview of the period over all sessions.
#include "core/report.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace maillage {

// kind_labels: the plugins' translated labels of session kinds (Plugin::session_kind_labels);
// a kind without a label is shown as stored.
std::vector<std::shared_ptr<const ReportSectionProvider>> core_report_sections(
    std::map<std::string, std::string> kind_labels = {});

}  // namespace maillage
