#include "shared-ui/progress.h"

#include <wx/evtloop.h>
#include <wx/intl.h>
#include <wx/progdlg.h>
#include <wx/thread.h>
#include <wx/timer.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <thread>

namespace maillage::ui {
namespace {

wxDEFINE_EVENT(EVT_JOB_PROGRESS, wxThreadEvent);
wxDEFINE_EVENT(EVT_JOB_DONE, wxThreadEvent);

ProgressObserver& observer() {
    static ProgressObserver o;
    return o;
}

struct Step {
    std::size_t done = 0;
    std::size_t total = 0;
    std::string what;
};

// The worker's side: posts steps to the UI thread (at most every 50 ms, and always the
// last one) and reads the Cancel flag the UI thread sets.
class JobProgress : public Progress {
public:
    explicit JobProgress(wxEvtHandler* sink) : sink_(sink) {}
    void report(std::size_t done, std::size_t total, const std::string& what) override {
        const auto now = std::chrono::steady_clock::now();
        if (done < total && now - last_ < std::chrono::milliseconds(50)) return;
        last_ = now;
        auto* event = new wxThreadEvent(EVT_JOB_PROGRESS);
        event->SetPayload(Step{done, total, what});
        wxQueueEvent(sink_, event);
    }
    bool cancelled() const override { return cancel.load(); }
    std::atomic<bool> cancel{false};

private:
    wxEvtHandler* sink_;
    std::chrono::steady_clock::time_point last_{};
};

constexpr int kRange = 1000;

}  // namespace

void set_progress_observer(ProgressObserver o) { observer() = std::move(o); }

bool run_with_progress(wxWindow* parent, const wxString& title, const std::function<void(Progress&)>& job) {
    // Events from the worker arrive here; ~wxEvtHandler drops any still queued.
    wxEvtHandler sink;
    JobProgress progress(&sink);
    wxProgressDialog dialog(title, _("Starting…"), kRange, parent,
                            wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_REMAINING_TIME);
    wxGUIEventLoop loop;
    bool finished = false;
    std::exception_ptr failure;

    sink.Bind(EVT_JOB_PROGRESS, [&](wxThreadEvent& event) {
        if (finished) return;
        const auto step = event.GetPayload<Step>();
        // Never the maximum: a generic progress dialog that reaches it waits to be closed.
        const int value = step.total ? static_cast<int>(std::min<std::size_t>(step.done * kRange / step.total, kRange - 1)) : 0;
        const wxString message = wxString::Format(_("%zu of %zu: %s"), step.done, step.total,
                                                  wxString::FromUTF8(step.what));
        if (!dialog.Update(value, message)) progress.cancel = true;
        if (observer()) observer()(dialog, step.done, step.total);
    });
    // Cancel is noticed even while the job reports nothing.
    wxTimer poll(&sink);
    sink.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        if (dialog.WasCancelled()) progress.cancel = true;
    });
    sink.Bind(EVT_JOB_DONE, [&](wxThreadEvent&) {
        finished = true;
        loop.Exit();
    });
    poll.Start(100);

    {
        std::jthread worker([&] {
            try {
                job(progress);
            } catch (...) {
                failure = std::current_exception();
            }
            wxQueueEvent(&sink, new wxThreadEvent(EVT_JOB_DONE));
        });
        if (!finished) loop.Run();
    }  // joins the worker (it has already queued its last event)
    poll.Stop();

    if (failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const Cancelled&) {
            return false;
        }
    }
    return true;
}

}  // namespace maillage::ui
