#pragma once
// A plugin's evaluation: one questionnaire of its own (a core questionnaire, made with
// default questions the first time it is needed and editable afterwards) whose responses
// are about one kind of subject: an event, a group, a training.
#include "core/database.h"
#include "core/questionnaires.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace maillage {

struct SubjectEvaluation {
    const char* code;     // the questionnaire's code
    const char* subject;  // the subject_kind of its responses
    const char* owner;    // the plugin's id

    // The questionnaire without questions yet, for its defaults.
    Questionnaire blank(std::string title, std::string description = {}) const {
        Questionnaire q;
        q.code = code;
        q.title = std::move(title);
        q.description = std::move(description);
        q.purpose = "evaluation";
        q.owner = owner;
        return q;
    }
    // The questionnaire as it is stored, when it is.
    std::optional<Questionnaire> stored(Database& db) const { return QuestionnaireRepository(db).find_by_code(code); }
    // One response about a subject, its answers by question position (1-based).
    int64_t submit(Database& db, int64_t questionnaire_id, int64_t subject_id, std::optional<int64_t> person_id,
                   const std::map<int, AnswerValue>& answers_by_position) const {
        return submit_by_position(db, questionnaire_id, subject, subject_id, person_id, answers_by_position);
    }
    // Per question over the responses about these subjects.
    std::vector<QuestionSummary> summary(Database& db, int64_t questionnaire_id,
                                         const std::vector<int64_t>& subject_ids) const {
        return QuestionnaireRepository(db).summarize(questionnaire_id, subject, subject_ids);
    }
};

}  // namespace maillage
