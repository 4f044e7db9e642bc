#pragma once
// Long work off the UI thread. run_with_progress() runs a job on a worker thread while
// a progress dialog says what is being done and how many of how many, with Cancel.
// The job gets a maillage::Progress (core/progress.h) to report to and to learn that
// the user cancelled; a core operation then throws Cancelled inside its one
// transaction, so the database is left exactly as it was.
//
// SQLite connections are not to be shared between threads at the same time: while the
// job runs, the dialog is application-modal (every window is disabled) and the caller
// must not refresh pages until run_with_progress() returns.
#include "core/progress.h"

#include <wx/string.h>
#include <wx/window.h>

#include <chrono>
#include <cstddef>
#include <functional>

class wxProgressDialog;

namespace maillage::ui {

// Runs job(progress) on a worker thread and waits for it, keeping the window painted.
// Returns true when the job finished, false when the user cancelled it (the job threw
// Cancelled). Anything else the job throws is thrown again here, on the UI thread.
// With `show_after`, work that is usually quick (a report) shows a busy cursor with
// the windows disabled, and the dialog only once it has lasted that long.
bool run_with_progress(wxWindow* parent, const wxString& title, const std::function<void(Progress&)>& job,
                       std::chrono::milliseconds show_after = std::chrono::milliseconds(0));

// For tests: called on the UI thread after each update of the dialog, with what the
// job reported last. Pass nullptr to remove.
using ProgressObserver = std::function<void(wxProgressDialog& dialog, std::size_t done, std::size_t total)>;
void set_progress_observer(ProgressObserver observer);

}  // namespace maillage::ui
