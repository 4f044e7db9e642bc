#pragma once
// The core's own report sections: an overview of the period over all sessions.
#include "core/report.h"

#include <memory>
#include <vector>

namespace maillage {

std::vector<std::shared_ptr<const ReportSectionProvider>> core_report_sections();

}  // namespace maillage
