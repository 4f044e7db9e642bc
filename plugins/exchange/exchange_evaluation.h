#pragma once
// The evaluation questionnaire given after an event (a core questionnaire, editable,
// created with default questions on first use), answers per participant, and a summary
// per event.
#include "core/subject_evaluation.h"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace maillage::exchange {

inline constexpr SubjectEvaluation kEvaluation{"exchange.evaluation", "exchange_event", "exchange"};
inline constexpr const char *kEvaluationCode = kEvaluation.code, *kEvaluationSubject = kEvaluation.subject;

// The questionnaire's id, created with the default questions when missing.
int64_t ensure_evaluation_template(Database& db);
// The questionnaire as it is stored, or its default questions when it is not yet (nothing
// is written: the window shows the form before the first evaluation creates it).
Questionnaire evaluation_template(Database& db);

// One participant's answers (by question position, 1-based) about an event; anonymous
// when person_id is empty. Throws maillage::Error on an unknown event or a bad answer.
int64_t submit_evaluation(Database& db, int64_t event_id, std::optional<int64_t> person_id,
                          const std::map<int, AnswerValue>& answers_by_position);

// Per question over the events' responses.
std::vector<QuestionSummary> evaluation_summary(Database& db, const std::vector<int64_t>& event_ids);

}  // namespace maillage::exchange
