#pragma once
// The figures of events for the yearly report (section "exchange.events"; JSON keys in
// docs/report-exchange.md).
//
// Who counts, per event:
//  - the registrations that ATTENDED. When no registration of the event was ever checked
//    in or marked no-show (attendance not taken, e.g. an event entered after the fact
//    from a list of registrations), the registered ones count instead, and the event
//    says so (attendance_taken = false) -- unless the event is still to come (its first
//    day after today: upcoming = true). Waiting, cancelled and no-show never count.
//  - participants = role participant; facilitators and speakers are counted apart
//    ("64 participants and 6 facilitators"); organisers (the team) are in neither.
//  - sectors and institutions are those of the counted participants, from the snapshot
//    taken at registration (institution as typed when it matches no record); the
//    facilitators' are given apart (*_all keys include them).
//  - per table: counted participants seated there, and the table's facilitators.
// An event with no registration at all but attendance recorded on its days (core
// sessions of kind "exchange") is counted from that attendance the same way (present =
// attended; roles trainer -> facilitator, staff -> organiser).
// Working groups (types with counts_as_group): meetings = their days in the period that
// took place (not cancelled, dated today or earlier); services = the services recorded as taking part, plus the institutions of
// people who attended a meeting (core attendance present) or a counted registration.
#include "core/figures.h"
#include "core/report.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace maillage::exchange {

struct TableFigures {
    int64_t table_id = 0;
    int position = 0;
    std::string title;
    int64_t participants = 0;
    int64_t facilitators = 0;
};

struct EventFigures {
    int64_t event_id = 0;
    std::string title, type_code, type_label;
    std::vector<std::string> dates;
    bool attendance_taken = false;
    bool upcoming = false;  // first day after today: only people checked in count
    int64_t participants = 0, facilitators = 0, speakers = 0, organisers = 0;
    int64_t registered = 0, waiting = 0, cancelled = 0, no_show = 0;  // all registrations by status
    CountSplit sectors;          // counted participants by sector
    CountSplit institutions;     // counted participants by institution
    CountSplit sectors_all;      // participants, facilitators and speakers
    CountSplit institutions_all;
    std::vector<TableFigures> tables;
    // Working groups.
    bool is_group = false;
    int64_t meetings = 0;
    std::vector<std::string> services;  // names, sorted
    // Steering committee.
    int64_t committee_institutions = 0, committee_meetings = 0;
    double hours = 0;

    int64_t facilitators_and_speakers() const { return facilitators + speakers; }
};

// The figures of one event, meetings counted in [from, to].
EventFigures event_figures(Database& db, int64_t event_id, const std::string& language,
                           const std::string& from = "0000-01-01", const std::string& to = "9999-12-31");

// "64 participants and 6 facilitators/speakers, 12 sectors, 40 institutions": the
// report's sentence for an event.
std::string event_sentence(const EventFigures& f);

// The report section provider ("exchange.events").
std::shared_ptr<const ReportSectionProvider> make_events_section();

// The section itself, for the CLI and the figures tab.
std::vector<ReportSection> build_events_section(Database& db, const ReportScope& scope);

}  // namespace maillage::exchange
