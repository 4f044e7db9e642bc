#include "pat_rules.h"

#include "core/error.h"
#include "core/i18n.h"

#include <algorithm>
#include <map>

namespace maillage::pat {

const std::vector<std::string> kPhases = {"request", "analysis", "accompaniment", "hired", "follow_up", "closed"};
const std::vector<std::string> kDecisions = {"accepted", "waiting", "declined"};
const std::vector<std::string> kStepStates = {"not_started", "in_progress", "done", "skipped"};
const std::vector<std::string> kAdvocacyKinds = {"talk", "interview", "podcast", "meeting"};

bool is_phase(const std::string& phase) {
    return std::find(kPhases.begin(), kPhases.end(), phase) != kPhases.end();
}

std::string ui_language() {
    // TRANSLATORS: the code of the catalog's language: "fr" in French, "nl" in Dutch.
    const std::string code = tr("ui-language-code");
    return code == "fr" || code == "nl" ? code : "en";
}

std::string phase_label(const std::string& phase) {
    if (phase == "request") return tr("Request");
    if (phase == "analysis") return tr("Analysis");
    if (phase == "accompaniment") return tr("Accompaniment");
    if (phase == "hired") return tr("Hired");
    if (phase == "follow_up") return tr("Follow-up");
    if (phase == "closed") return tr("Closed");
    return phase;
}

std::string decision_label(const std::string& decision) {
    if (decision == "accepted") return tr("accepted");
    if (decision == "waiting") return tr("waiting");
    if (decision == "declined") return tr("declined");
    return decision;
}

std::string step_state_label(const std::string& state) {
    if (state == "not_started") return tr("not started");
    if (state == "in_progress") return tr("in progress");
    if (state == "done") return tr("done");
    if (state == "skipped") return tr("skipped");
    return state;
}

std::string advocacy_label(const std::string& kind, int count) {
    const bool one = count == 1;
    if (kind == "talk") return one ? tr("talk") : tr("talks");
    if (kind == "interview") return one ? tr("interview") : tr("interviews");
    if (kind == "podcast") return one ? tr("podcast") : tr("podcasts");
    if (kind == "meeting") return one ? tr("meeting") : tr("meetings");
    return kind;
}

std::vector<std::string> PhaseRules::next(const std::string& from) {
    static const std::map<std::string, std::vector<std::string>> allowed = {
        {"request", {"analysis", "closed"}},
        {"analysis", {"request", "accompaniment", "closed"}},
        {"accompaniment", {"hired", "closed"}},
        {"hired", {"follow_up", "closed"}},
        {"follow_up", {"closed"}},
        {"closed", {}},
    };
    auto it = allowed.find(from);
    return it == allowed.end() ? std::vector<std::string>{} : it->second;
}

std::string PhaseRules::refuse_reason(const std::string& from, const std::string& to, const std::string& decision,
                                      int hires) {
    if (!is_phase(to))
        return trf("\"{phase}\" is not a phase: use request, analysis, accompaniment, hired, follow_up or closed.",
                   fmt::arg("phase", to));
    if (from == to) return trf("The accompaniment is already in the phase {phase}.", fmt::arg("phase", phase_label(to)));
    const auto allowed = next(from);
    if (std::find(allowed.begin(), allowed.end(), to) == allowed.end()) {
        std::string list;
        for (const auto& p : allowed) list += (list.empty() ? "" : ", ") + phase_label(p);
        if (list.empty()) list = tr("none (a closed accompaniment stays closed)");
        return trf("An accompaniment cannot go from {from} to {to}; allowed: {allowed}.",
                   fmt::arg("from", phase_label(from)), fmt::arg("to", phase_label(to)), fmt::arg("allowed", list));
    }
    if (to == "accompaniment" && decision != "accepted")
        return tr("The accompaniment can start only once the request is accepted: record the decision first.");
    if (to == "hired" && hires == 0) return tr("Record the hire first, then set the phase to hired.");
    return {};
}

StepChange StepRules::apply(const std::string& state, const std::string& started_on, const std::string& date) {
    if (std::find(kStepStates.begin(), kStepStates.end(), state) == kStepStates.end())
        throw Error(trf("\"{state}\" is not a step state: use not_started, in_progress, done or skipped.",
                        fmt::arg("state", state)));
    StepChange c;
    c.state = state;
    if (state == "not_started") return c;
    c.started_on = started_on.empty() ? date : started_on;
    if (state == "in_progress") return c;
    if (!started_on.empty() && date < started_on)
        throw Error(trf("A step cannot end on {date}, before it started on {start}.", fmt::arg("date", date),
                        fmt::arg("start", started_on)));
    c.finished_on = date;
    return c;
}

std::string two_staff_warning(int staff_count) {
    if (staff_count >= 2) return {};
    return trf("This session was run by {n} staff member(s); PAT sessions are run by at least two.",
               fmt::arg("n", staff_count));
}

}  // namespace maillage::pat
