#pragma once
// How a long core operation says how far it is and learns that the user wants it
// stopped. The window implements it over a progress dialog (shared-ui/progress.h); the
// command line passes nothing. An operation that sees cancelled() throws Cancelled from
// inside its Database::write, so the transaction rolls back and nothing is changed.
#include "core/error.h"

#include <cstddef>
#include <string>

namespace maillage {

class Progress {
public:
    virtual ~Progress() = default;
    // `done` of `total` steps are finished; `what` names the step (a row, a file).
    // Called from the thread doing the work.
    virtual void report(std::size_t done, std::size_t total, const std::string& what) = 0;
    // True once the user asked to stop; may be called from any thread.
    virtual bool cancelled() const = 0;
};

// Thrown by an operation that stopped because its Progress was cancelled.
class Cancelled : public Error {
public:
    Cancelled();
};

// Reports one step and throws Cancelled when the user asked to stop; does nothing
// without a Progress.
void step(Progress* progress, std::size_t done, std::size_t total, const std::string& what);

}  // namespace maillage
