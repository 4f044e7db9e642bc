// A window module built for version 0.9.0 of the plugin "fixture" (1.2.3 is loaded):
// refused before its factory runs (the factory aborts to prove it).
#include "refused_ui.h"

MAILLAGE_PLUGIN_UI(maillage::test::RefusedUi, "fixture", "0.9.0")
