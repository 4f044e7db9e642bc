// Questionnaires (submit validation, summaries) and the hash-chained audit log.
#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/institutions.h"
#include "core/questionnaires.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

using namespace maillage;

namespace {
Questionnaire evaluation() {
    Questionnaire x;
    x.code = "eval";
    x.title = "Évaluation du cycle";
    x.questions = {Question{.position = 1, .kind = "rating", .text = "Satisfaction", .scale_min = 1, .scale_max = 5,
                            .required = true},
                   Question{.position = 2, .kind = "choice", .text = "Rythme", .options = {"trop lent", "bien", "trop rapide"}},
                   Question{.position = 3, .kind = "text", .text = "Remarques"}};
    return x;
}
}  // namespace

TEST(Questionnaires, SubmitValidatesEachAnswer) {
    auto db = test::memory_db();
    QuestionnaireRepository repo(*db);
    const auto id = repo.save(evaluation());
    const auto x = *repo.get(id);
    ASSERT_EQ(x.questions.size(), 3u);
    const auto rating = x.questions[0].id, choice = x.questions[1].id, text = x.questions[2].id;
    auto submit = [&](std::map<int64_t, AnswerValue> answers) {
        return repo.submit(Response{.questionnaire_id = id, .subject_kind = "cycle", .subject_id = 1,
                                    .answers = std::move(answers)});
    };
    EXPECT_THROW(submit({{choice, {.number = 1}}}), Error);          // required rating missing
    EXPECT_THROW(submit({{rating, {.number = 6}}}), Error);          // out of the scale
    EXPECT_THROW(submit({{rating, {.number = 4}}, {choice, {.number = 3}}}), Error);  // no such option
    EXPECT_THROW(submit({{rating, {.number = 4}}, {choice, {.number = 0.5}}}), Error);
    EXPECT_THROW(submit({{rating, {.number = 4}}, {9999, {.text = "?"}}}), Error);    // foreign question
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM response"), 0);

    submit({{rating, {.number = 4}}, {choice, {.number = 1}}, {text, {.text = "Très utile"}}});
    submit({{rating, {.number = 5}}, {choice, {.number = 1}}});
    submit({{rating, {.number = 3}}, {choice, {.number = 2}}});
    repo.submit(Response{.questionnaire_id = id, .subject_kind = "cycle", .subject_id = 2,
                         .answers = {{rating, {.number = 1}}}});

    auto summary = repo.summarize(id, "cycle", {1});
    ASSERT_EQ(summary.size(), 3u);
    EXPECT_EQ(summary[0].answered, 3);
    EXPECT_DOUBLE_EQ(summary[0].mean, 4.0);
    EXPECT_EQ(summary[0].option_counts, (std::vector<int>{0, 0, 1, 1, 1}));
    EXPECT_EQ(summary[1].option_counts, (std::vector<int>{0, 2, 1}));
    EXPECT_EQ(summary[2].texts, std::vector<std::string>{"Très utile"});
    EXPECT_EQ(repo.summarize(id, "cycle", {})[0].answered, 4);  // every subject
    // A questionnaire with responses is not edited in place.
    auto edited = x;
    edited.questions.pop_back();
    EXPECT_THROW(repo.save(edited), Error);
}

TEST(Questionnaires, TheSummaryShowsYesPartlyNoAnswersInTheUsersLanguage) {
    auto db = test::memory_db();
    QuestionnaireRepository repo(*db);
    Questionnaire q;
    q.code = "expectations";
    q.title = "Attentes";
    q.questions = {Question{.position = 1, .kind = "yes_partly_no", .text = "Vos attentes ont-elles été rencontrées ?"},
                   Question{.position = 2, .kind = "choice", .text = "Rythme", .options = {"lent", "bien"}}};
    const auto id = repo.save(q);
    const auto saved = *repo.get(id);
    const auto met = saved.questions[0].id, pace = saved.questions[1].id;
    for (double answer : {0.0, 0.0, 1.0})
        repo.submit(Response{.questionnaire_id = id, .subject_kind = "cycle", .subject_id = 1,
                             .answers = {{met, {.number = answer}}, {pace, {.number = 1}}}});
    const std::map<std::string, std::string> french = {{"yes", "oui"}, {"partly", "en partie"}, {"no", "non"},
                                                       {"bien", "NOT A LABEL TO TRANSLATE"}};
    set_translator([&](const char* msgid) {
        const auto it = french.find(msgid);
        return it == french.end() ? std::string(msgid) : it->second;
    });
    const auto text = format_summary(repo.summarize(id, "cycle", {1}));
    set_translator(nullptr);
    EXPECT_NE(text.find("  oui: 2, en partie: 1, non: 0 (3 answers)"), std::string::npos) << text;
    // The options a coordinator typed are shown as typed.
    EXPECT_NE(text.find("  lent: 0, bien: 3 (3 answers)"), std::string::npos) << text;
}

TEST(Questionnaires, AnswersByPositionReachTheirQuestionsAndAnUnknownPositionIsRefused) {
    auto db = test::memory_db();
    QuestionnaireRepository repo(*db);
    const auto x = *repo.get(repo.save(evaluation()));
    ASSERT_TRUE(x.question_at(2));
    EXPECT_EQ(x.question_at(2)->text, "Rythme");
    EXPECT_FALSE(x.question_at(4));
    const auto answers = parse_answers(x, "1=4|2=1|3=trop long");
    EXPECT_EQ(answers.at(1).number, 4);
    EXPECT_EQ(answers.at(3).text, "trop long");
    EXPECT_THROW(parse_answers(x, "4=1"), Error);
    const auto response = submit_by_position(*db, x.id, "cycle", 7, std::nullopt, answers);
    const auto stored = repo.responses(x.id, "cycle");
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].id, response);
    EXPECT_EQ(stored[0].answers.at(x.question_at(1)->id).number, 4);
    EXPECT_EQ(stored[0].answers.at(x.question_at(3)->id).text, "trop long");
    EXPECT_THROW(submit_by_position(*db, x.id, "cycle", 7, std::nullopt, {{5, AnswerValue{.number = 1}}}), Error);
}

TEST(Audit, ChangesAreLoggedAndTheChainVerifies) {
    auto db = test::memory_db();
    InstitutionRepository repo(*db);
    const auto id = repo.create(Institution{.name = "Abri"});
    auto i = *repo.get(id);
    i.notes = "ouvert la nuit";
    repo.update(i);
    EXPECT_GE(db->scalar_int("SELECT count(*) FROM audit_log WHERE entity = 'institution'"), 2);
    EXPECT_EQ(verify_audit_chain(*db), "");
    // The log refuses changes...
    EXPECT_THROW(db->sql().exec("UPDATE audit_log SET summary = 'x'"), SQLite::Exception);
    EXPECT_THROW(db->sql().exec("DELETE FROM audit_log"), SQLite::Exception);
}

TEST(Audit, VerifyDetectsAModifiedOrRemovedEntry) {
    auto db = test::memory_db();
    InstitutionRepository repo(*db);
    for (const char* name : {"A", "B", "C"}) repo.create(Institution{.name = name});
    ASSERT_EQ(verify_audit_chain(*db), "");
    // ...so a tamperer has to drop the triggers first; the chain still tells.
    db->sql().exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete");
    const auto second = db->scalar_int("SELECT id FROM audit_log WHERE summary = 'B'");
    db->sql().exec("UPDATE audit_log SET summary = 'Z' WHERE id = " + std::to_string(second));
    auto problem = verify_audit_chain(*db);
    EXPECT_NE(problem.find(std::to_string(second)), std::string::npos) << problem;
    db->sql().exec("UPDATE audit_log SET summary = 'B' WHERE id = " + std::to_string(second));
    EXPECT_EQ(verify_audit_chain(*db), "");
    db->sql().exec("DELETE FROM audit_log WHERE id = " + std::to_string(second));
    EXPECT_NE(verify_audit_chain(*db), "");
}
