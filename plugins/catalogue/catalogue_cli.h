#pragma once
// maillage-cli catalogue ...: publish, modules, trainings, registrations, attendance,
// expectations, certificates, mail merge, figures and XLSX export.
#include "core/plugin_api.h"

namespace maillage::catalogue {

void add_catalogue_commands(CLI::App& app, CliContext& context);

}  // namespace maillage::catalogue
