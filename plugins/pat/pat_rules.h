#pragma once
// The rules of an accompaniment's life, free of any storage: which phase may follow
// which, how a guide step's state moves, and the two-staff rule.
#include <optional>
#include <string>
#include <vector>

namespace maillage::pat {

// request -> analysis -> accompaniment -> hired -> follow_up -> closed, with closing
// allowed from every open phase, and "analysis -> request" when a request is put back.
extern const std::vector<std::string> kPhases;
extern const std::vector<std::string> kDecisions;    // accepted, waiting, declined
extern const std::vector<std::string> kStepStates;   // not_started, in_progress, done, skipped
extern const std::vector<std::string> kAdvocacyKinds;  // talk, interview, podcast, meeting

bool is_phase(const std::string& phase);
// The language of the messages now in use ("fr", "nl" or "en"), for labels stored in
// the database (sectors, steps, session types) to match the sentences around them.
std::string ui_language();
// The translated name of a phase, decision, step state or advocacy kind.
std::string phase_label(const std::string& phase);
std::string decision_label(const std::string& decision);
std::string step_state_label(const std::string& state);
// The advocacy kind as a noun for `count` of them ("talk" / "talks").
std::string advocacy_label(const std::string& kind, int count = 2);
// "Brussels", "Wallonia", "Flanders"; another code reads as `otherwise` (an N_() message)
// or, without one, as itself.
std::string region_label(const std::string& region, const char* otherwise = nullptr);

class PhaseRules {
public:
    // The phases reachable from `from`.
    static std::vector<std::string> next(const std::string& from);
    // Empty when the change is allowed, else the sentence that says why not.
    // `decision` is the request's decision; `hires` the hires recorded (announced or
    // effective): the accompaniment starts only once accepted, "hired" needs a hire.
    static std::string refuse_reason(const std::string& from, const std::string& to,
                                     const std::string& decision, int hires);
};

// What a step's state change writes.
struct StepChange {
    std::string state;
    std::string started_on, finished_on;  // "" = cleared
};

class StepRules {
public:
    // From the current state and dates to `state` on `date` (ISO). Starting sets
    // started_on; done or skipped sets finished_on (and started_on when missing);
    // back to not_started clears both; back to in_progress clears finished_on.
    // Throws maillage::Error on an unknown state or a finish before the start.
    static StepChange apply(const std::string& state, const std::string& started_on, const std::string& date);
};

// The two-staff rule: each session is run by at least two of the association's
// workers. Fewer is allowed (it happens) but gives this warning; empty when fine.
std::string two_staff_warning(int staff_count);

}  // namespace maillage::pat
