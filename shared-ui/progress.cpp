#include "shared-ui/progress.h"

#include <wx/evtloop.h>
#include <wx/utils.h>
#include <wx/intl.h>
#include <wx/progdlg.h>
#include <wx/thread.h>
#include <wx/timer.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
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

// The worker's side: keeps the latest step, posts it to the UI thread (at most every
// 50 ms, and always the last one) and reads the Cancel flag the UI thread sets. A step
// not posted (too soon after the previous one) is picked up by the UI thread's timer:
// the dialog never stays on an old step while the worker is busy with a later one.
class JobProgress : public Progress {
public:
    explicit JobProgress(wxEvtHandler* sink) : sink_(sink) {}
    void report(std::size_t done, std::size_t total, const std::string& what) override {
        {
            std::lock_guard lock(mutex_);
            latest_ = Step{done, total, what};
            fresh_ = true;
        }
        const auto now = std::chrono::steady_clock::now();
        if (done < total && now - last_ < std::chrono::milliseconds(50)) return;
        last_ = now;
        wxQueueEvent(sink_, new wxThreadEvent(EVT_JOB_PROGRESS));
    }
    bool cancelled() const override { return cancel.load(); }
    // The step reported since the last call, if any (UI thread).
    std::optional<Step> take() {
        std::lock_guard lock(mutex_);
        if (!fresh_) return std::nullopt;
        fresh_ = false;
        return latest_;
    }
    std::atomic<bool> cancel{false};

private:
    wxEvtHandler* sink_;
    std::chrono::steady_clock::time_point last_{};
    std::mutex mutex_;
    Step latest_;
    bool fresh_ = false;
};

constexpr int kRange = 1000;

}  // namespace

void set_progress_observer(ProgressObserver o) { observer() = std::move(o); }

bool run_with_progress(wxWindow* parent, const wxString& title, const std::function<void(Progress&)>& job,
                       std::chrono::milliseconds show_after) {
    // Events from the worker arrive here; ~wxEvtHandler drops any still queued.
    wxEvtHandler sink;
    JobProgress progress(&sink);
    // Until the dialog shows (at once without show_after), the windows wait disabled.
    std::optional<wxWindowDisabler> disabled;
    std::optional<wxBusyCursor> busy;
    std::unique_ptr<wxProgressDialog> dialog;
    const auto started = std::chrono::steady_clock::now();
    Step last;
    wxGUIEventLoop loop;
    bool finished = false;
    std::exception_ptr failure;

    const auto update = [&] {
        // Never the maximum: a generic progress dialog that reaches it waits to be closed.
        const int value =
            last.total ? static_cast<int>(std::min<std::size_t>(last.done * kRange / last.total, kRange - 1)) : 0;
        const wxString message =
            last.total ? wxString::Format(_("%zu of %zu: %s"), last.done, last.total, wxString::FromUTF8(last.what))
                       : _("Starting…");
        if (!dialog->Update(value, message)) progress.cancel = true;
        if (observer()) observer()(*dialog, last.done, last.total);
    };
    const auto show = [&] {
        if (dialog) return;
        disabled.reset();  // before the dialog disables the windows itself (wxPD_APP_MODAL)
        busy.reset();
        dialog = std::make_unique<wxProgressDialog>(title, _("Starting…"), kRange, parent,
                                                    wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME |
                                                        wxPD_REMAINING_TIME);
        if (last.total) update();
    };
    const auto due = [&] { return std::chrono::steady_clock::now() - started >= show_after; };
    if (show_after.count() <= 0) {
        show();
    } else {
        disabled.emplace();
        busy.emplace();
    }

    // wxProgressDialog::Update() lets GTK run timers: a catch-up never nests in another.
    bool updating = false;
    const auto catch_up = [&] {
        if (updating) return;
        updating = true;
        struct Done {
            bool& flag;
            ~Done() { flag = false; }
        } done{updating};
        // Steps that came in while the dialog was being updated are shown in turn.
        while (const auto step = progress.take()) {
            last = *step;
            if (dialog) update();
            else if (due()) show();
        }
        if (!dialog && due()) show();
    };
    sink.Bind(EVT_JOB_PROGRESS, [&](wxThreadEvent&) {
        if (!finished) catch_up();
    });
    // Cancel is noticed even while the job reports nothing; a step reported too soon
    // after the previous one is shown here.
    wxTimer poll(&sink);
    sink.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        if (finished) return;
        catch_up();
        if (dialog && dialog->WasCancelled()) progress.cancel = true;
    });
    sink.Bind(EVT_JOB_DONE, [&](wxThreadEvent&) {
        if (dialog) catch_up();  // the last step is always shown
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
