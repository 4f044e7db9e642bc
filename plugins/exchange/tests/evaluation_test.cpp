#include "exchange_evaluation.h"
#include "test_helpers.h"

#include "core/error.h"

#include <gtest/gtest.h>

using namespace maillage;
using namespace maillage::exchange;

using ExchangeEvaluation = test_helpers::ExchangeDb;

TEST_F(ExchangeEvaluation, AnswersAreSummarisedPerEventAndBadAnswersRefused) {
    const auto table = event("exchange_table", "2025-10-16");
    const auto morning = event("study_day", "2025-05-20");
    const auto q = QuestionnaireRepository(*db).get(ensure_evaluation_template(*db));
    ASSERT_TRUE(q);
    EXPECT_EQ(q->questions.size(), 6u);

    const auto amina = person("Amina", "Benali");
    submit_evaluation(*db, table, amina, parse_answers(*q, "1=0|2=5|3=4|5=Des contacts utiles"));
    submit_evaluation(*db, table, std::nullopt, parse_answers(*q, "1=1|2=3|3=4"));
    submit_evaluation(*db, morning, std::nullopt, parse_answers(*q, "2=1"));

    const auto summary = evaluation_summary(*db, {table});
    ASSERT_EQ(summary.size(), 6u);
    EXPECT_EQ(summary[0].option_counts, (std::vector<int>{1, 1, 0}));  // yes, partly, no
    EXPECT_EQ(summary[1].answered, 2);                                 // the study morning is apart
    EXPECT_DOUBLE_EQ(summary[1].mean, 4.0);
    EXPECT_EQ(summary[4].texts, (std::vector<std::string>{"Des contacts utiles"}));
    EXPECT_NE(format_summary(summary).find("4.0 / 5 (2"), std::string::npos);

    const auto before = db->scalar_int("SELECT count(*) FROM response");
    EXPECT_THROW(submit_evaluation(*db, table, std::nullopt, parse_answers(*q, "2=9")), Error);  // out of scale
    EXPECT_THROW(parse_answers(*q, "2=good"), Error);
    EXPECT_THROW(parse_answers(*q, "12=1"), Error);
    EXPECT_THROW(submit_evaluation(*db, 9999, std::nullopt, {}), Error);  // no such event
    EXPECT_EQ(db->scalar_int("SELECT count(*) FROM response"), before);
}
