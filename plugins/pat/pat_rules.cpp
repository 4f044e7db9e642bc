#include "pat_rules.h"

#include "core/code_labels.h"
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
    return code_label(phase, {{"request", N_("Request")},
                              {"analysis", N_("Analysis")},
                              {"accompaniment", N_("Accompaniment")},
                              {"hired", N_("Hired")},
                              {"follow_up", N_("Follow-up")},
                              {"closed", N_("Closed")}});
}

std::string decision_label(const std::string& decision) {
    return code_label(decision, {{"accepted", N_("accepted")}, {"waiting", N_("waiting")}, {"declined", N_("declined")}});
}

std::string step_state_label(const std::string& state) {
    return code_label(state, {{"not_started", N_("not started")},
                              {"in_progress", N_("in progress")},
                              {"done", N_("done")},
                              {"skipped", N_("skipped")}});
}

std::string advocacy_label(const std::string& kind, int count) {
    if (count == 1)
        return code_label(kind, {{"talk", N_("talk")},
                                 {"interview", N_("interview")},
                                 {"podcast", N_("podcast")},
                                 {"meeting", N_("meeting")}});
    return code_label(kind, {{"talk", N_("talks")},
                             {"interview", N_("interviews")},
                             {"podcast", N_("podcasts")},
                             {"meeting", N_("meetings")}});
}

std::string region_label(const std::string& region, const char* otherwise) {
    return code_label(region, {{"brussels", N_("Brussels")}, {"wallonia", N_("Wallonia")}, {"flanders", N_("Flanders")}},
                      otherwise);
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
    return trfn("This session was run by {n} staff member; PAT sessions are run by at least two.",
                "This session was run by {n} staff members; PAT sessions are run by at least two.",
                unsigned(staff_count), fmt::arg("n", staff_count));
}

}  // namespace maillage::pat
