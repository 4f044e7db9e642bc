#include "intervision_evaluation.h"

#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"

#include <fmt/format.h>

namespace maillage::intervision {

int64_t ensure_evaluation_template(Database& db) {
    // The default questions, kind and text (the ratings from 1 to 5).
    static const std::pair<const char*, const char*> kQuestions[] = {
        {"yes_partly_no", N_("Were your expectations met?")},
        {"rating", N_("The facilitation (1 = poor, 5 = excellent)")},
        {"rating", N_("The itinerant format: meeting at each other's services (1 = poor, 5 = excellent)")},
        {"rating", N_("The group dynamics (1 = poor, 5 = excellent)")},
        {"rating", N_("Overall (1 = poor, 5 = excellent)")},
        {"text", N_("What did the group bring to your practice?")},
        {"text", N_("What should change next year?")},
    };
    Questionnaire q{.code = kEvaluationCode,
                    .title = tr("Intervision: end-of-cycle evaluation"),
                    .description = tr("Your opinion on the year in your intervision group."),
                    .purpose = "evaluation",
                    .owner = "intervision"};
    for (const auto& [kind, text] : kQuestions)
        q.questions.push_back(Question{.position = int(q.questions.size()) + 1, .kind = kind, .text = tr(text)});
    return db.write([&] { return ensure_questionnaire(db, q); });
}

int64_t submit_evaluation(Database& db, int64_t group_id, std::optional<int64_t> person_id,
                          const std::map<int, AnswerValue>& answers_by_position) {
    // The template is created in the same transaction as the answers: all or nothing.
    return db.write([&] {
        const int64_t qid = ensure_evaluation_template(db);
        return submit_by_position(db, qid, kEvaluationSubject, group_id, person_id, answers_by_position);
    });
}

std::vector<QuestionSummary> evaluation_summary(Database& db, const std::vector<int64_t>& group_ids) {
    const int64_t qid = ensure_evaluation_template(db);
    return QuestionnaireRepository(db).summarize(qid, kEvaluationSubject, group_ids);
}

}  // namespace maillage::intervision
