#include "exchange_evaluation.h"

#include "events.h"

#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"

namespace maillage::exchange {

namespace {

Questionnaire default_template() {
    auto q = kEvaluation.blank(tr("Event evaluation"), tr("Your opinion on the day, to prepare the next one."));
    auto add = [&](const char* kind, const char* text) {
        Question x;
        x.position = int(q.questions.size()) + 1;
        x.kind = kind;
        x.text = tr(text);
        q.questions.push_back(x);
    };
    add("yes_partly_no", N_("Were your expectations met?"));
    add("rating", N_("The content and the speakers (1 = poor, 5 = excellent)"));
    add("rating", N_("The exchanges at your table (1 = poor, 5 = excellent)"));
    add("rating", N_("The organisation and the venue (1 = poor, 5 = excellent)"));
    add("text", N_("What will you take back to your practice?"));
    add("text", N_("What should we change next time?"));
    return q;
}

}  // namespace

int64_t ensure_evaluation_template(Database& db) {
    const auto q = default_template();
    return db.write([&] { return ensure_questionnaire(db, q); });
}

Questionnaire evaluation_template(Database& db) {
    if (auto q = kEvaluation.stored(db)) return *q;
    return default_template();
}

int64_t submit_evaluation(Database& db, int64_t event_id, std::optional<int64_t> person_id,
                          const std::map<int, AnswerValue>& answers_by_position) {
    if (!EventRepository(db).get(event_id))
        throw Error(trf("No event has the number {id}.", fmt::arg("id", event_id)));
    // The template is created in the same transaction as the answers: all or nothing.
    return db.write([&] {
        return kEvaluation.submit(db, ensure_evaluation_template(db), event_id, person_id, answers_by_position);
    });
}

std::vector<QuestionSummary> evaluation_summary(Database& db, const std::vector<int64_t>& event_ids) {
    return kEvaluation.summary(db, ensure_evaluation_template(db), event_ids);
}

}  // namespace maillage::exchange
