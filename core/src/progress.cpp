#include "core/progress.h"

#include "core/i18n.h"

namespace maillage {

Cancelled::Cancelled() : Error(tr("Stopped at your request; nothing was changed.")) {}

void step(Progress* progress, std::size_t done, std::size_t total, const std::string& what) {
    if (!progress) return;
    if (progress->cancelled()) throw Cancelled();
    progress->report(done, total, what);
}

}  // namespace maillage
