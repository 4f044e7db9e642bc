// A window module whose logic module ("orphan") is nowhere: refused before its factory
// runs (the factory aborts to prove it).
#include "refused_ui.h"

MAILLAGE_PLUGIN_UI(maillage::test::RefusedUi, "orphan", "1.0.0")
