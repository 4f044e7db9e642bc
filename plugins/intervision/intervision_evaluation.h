#pragma once
// The end-of-cycle evaluation: a default questionnaire (editable in the core's
// questionnaires) created on first use, answers per participant about their group, and
// a summary per group or per cycle.
#include "core/questionnaires.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace maillage {
class Database;
}

namespace maillage::intervision {

inline constexpr const char* kEvaluationCode = "intervision.evaluation";
inline constexpr const char* kEvaluationSubject = "intervision_group";

// The evaluation questionnaire's id, created with the default questions when missing.
int64_t ensure_evaluation_template(Database& db);

// Stores one participant's answers about a group; answers by question position (1-based).
int64_t submit_evaluation(Database& db, int64_t group_id, std::optional<int64_t> person_id,
                          const std::map<int, AnswerValue>& answers_by_position);

// Per question over the groups' responses.
std::vector<QuestionSummary> evaluation_summary(Database& db, const std::vector<int64_t>& group_ids);

}  // namespace maillage::intervision
