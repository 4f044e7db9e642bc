#include "intervision_evaluation.h"

#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"

#include <fmt/format.h>

namespace maillage::intervision {

int64_t ensure_evaluation_template(Database& db) {
    QuestionnaireRepository repo(db);
    if (auto q = repo.find_by_code(kEvaluationCode)) return q->id;
    Questionnaire q;
    q.code = kEvaluationCode;
    q.title = tr("Intervision: end-of-cycle evaluation");
    q.description = tr("Your opinion on the year in your intervision group.");
    q.purpose = "evaluation";
    q.owner = "intervision";
    int position = 0;
    auto rating = [&](const char* text) {
        Question x;
        x.position = ++position;
        x.kind = "rating";
        x.text = tr(text);
        x.scale_min = 1;
        x.scale_max = 5;
        q.questions.push_back(x);
    };
    auto free_text = [&](const char* text) {
        Question x;
        x.position = ++position;
        x.kind = "text";
        x.text = tr(text);
        q.questions.push_back(x);
    };
    Question met;
    met.position = ++position;
    met.kind = "yes_partly_no";
    met.text = tr("Were your expectations met?");
    q.questions.push_back(met);
    rating(N_("The facilitation (1 = poor, 5 = excellent)"));
    rating(N_("The itinerant format: meeting at each other's services (1 = poor, 5 = excellent)"));
    rating(N_("The group dynamics (1 = poor, 5 = excellent)"));
    rating(N_("Overall (1 = poor, 5 = excellent)"));
    free_text(N_("What did the group bring to your practice?"));
    free_text(N_("What should change next year?"));
    return db.write([&] { return repo.save(q); });
}

int64_t submit_evaluation(Database& db, int64_t group_id, std::optional<int64_t> person_id,
                          const std::map<int, AnswerValue>& answers_by_position) {
    const int64_t qid = ensure_evaluation_template(db);
    QuestionnaireRepository repo(db);
    const auto q = repo.get(qid);
    Response r;
    r.questionnaire_id = qid;
    r.person_id = person_id;
    r.subject_kind = kEvaluationSubject;
    r.subject_id = group_id;
    for (const auto& [pos, value] : answers_by_position) {
        bool found = false;
        for (const auto& question : q->questions)
            if (question.position == pos) {
                r.answers[question.id] = value;
                found = true;
            }
        if (!found) throw Error(trf("The evaluation has no question {n}.", fmt::arg("n", pos)));
    }
    return db.write([&] { return repo.submit(r); });
}

std::vector<QuestionSummary> evaluation_summary(Database& db, const std::vector<int64_t>& group_ids) {
    const int64_t qid = ensure_evaluation_template(db);
    return QuestionnaireRepository(db).summarize(qid, kEvaluationSubject, group_ids);
}

std::string format_summary(const std::vector<QuestionSummary>& summary) {
    std::string out;
    for (const auto& s : summary) {
        out += s.question.text + "\n";
        if (s.question.kind == "rating") {
            out += "  " + trf("{mean} / {max} ({n} answers)", fmt::arg("mean", fmt::format("{:.1f}", s.mean)),
                              fmt::arg("max", s.question.scale_max), fmt::arg("n", s.answered)) +
                   "\n";
        } else if (s.question.kind == "text") {
            for (const auto& t : s.texts) out += "  « " + t + " »\n";
        } else {
            std::string counts;
            for (size_t i = 0; i < s.option_counts.size(); ++i) {
                const std::string label = i < s.question.options.size() ? s.question.options[i] : std::to_string(i);
                counts += (counts.empty() ? "" : ", ") + label + ": " + std::to_string(s.option_counts[i]);
            }
            out += "  " + counts + trf(" ({n} answers)", fmt::arg("n", s.answered)) + "\n";
        }
    }
    return out;
}

}  // namespace maillage::intervision
