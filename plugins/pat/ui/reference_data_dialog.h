#pragma once
// Tools > PAT reference data: the session types and the steps of the guide, with their
// labels in French, Dutch and English; define a new one, relabel one, retire one (old
// accompaniments keep its meaning; defining it again brings it back).
#include "shared-ui/fwd.h"

namespace maillage::pat {

void show_reference_data(ui::UiContext& context);

}  // namespace maillage::pat
