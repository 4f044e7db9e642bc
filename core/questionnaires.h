#pragma once
// Evaluation questionnaires (rating scales, choices, free text), their responses and a
// summary of results. Plugins keep templates here (purpose, owner) and attach responses
// to their own subjects (subject_kind "intervision_cycle", subject_id 12...).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace maillage {

class Database;

struct Question {
    int64_t id = 0;
    int position = 0;
    std::string kind;  // rating | choice | multi_choice | text | yes_partly_no
    std::string text;
    std::vector<std::string> options;  // choice labels
    int scale_min = 1, scale_max = 5;  // rating
    bool required = false;
};

struct Questionnaire {
    int64_t id = 0;
    std::string code;
    std::string title;
    std::string description;
    std::string purpose = "evaluation";  // evaluation | intake | expectations | other
    std::string owner;                   // plugin id or ""
    std::vector<Question> questions;
    bool retired = false;

    // The question at `position` (as numbered in the questionnaire), or nullptr.
    const Question* question_at(int position) const;
};

struct AnswerValue {
    std::optional<double> number;  // rating value, or choice index (0-based)
    std::string text;              // free text, or multi-choice indexes "0,2"
};

struct Response {
    int64_t id = 0;
    int64_t questionnaire_id = 0;
    std::optional<int64_t> person_id;  // empty: anonymous
    std::string subject_kind;
    int64_t subject_id = 0;
    std::map<int64_t, AnswerValue> answers;  // by question id
};

// Per question: how many answered, the mean of ratings, counts per option, the texts.
struct QuestionSummary {
    Question question;
    int answered = 0;
    double mean = 0;
    std::vector<int> option_counts;  // per option (choice), or per value min..max (rating)
    std::vector<std::string> texts;
};

class QuestionnaireRepository {
public:
    explicit QuestionnaireRepository(Database& db) : db_(db) {}

    std::vector<Questionnaire> list(const std::string& owner = {}, bool include_retired = false) const;
    std::optional<Questionnaire> get(int64_t id) const;
    std::optional<Questionnaire> find_by_code(const std::string& code) const;

    // Creates or, when editing, replaces the questions of a questionnaire that has no
    // responses yet; one with responses is copied to a new code instead (throws).
    int64_t save(const Questionnaire& questionnaire);
    void retire(int64_t id);

    // Validates each answer against its question (range, option index, required) and
    // stores the response. Throws maillage::Error naming the question.
    int64_t submit(const Response& response);
    std::vector<Response> responses(int64_t questionnaire_id, const std::string& subject_kind,
                                    std::optional<int64_t> subject_id = std::nullopt) const;
    std::vector<QuestionSummary> summarize(int64_t questionnaire_id, const std::string& subject_kind,
                                           const std::vector<int64_t>& subject_ids) const;

private:
    Database& db_;
};

// The id of the questionnaire with defaults.code; when there is none yet, `defaults` is
// saved (it stays editable afterwards): how plugins ship a default template.
int64_t ensure_questionnaire(Database& db, const Questionnaire& defaults);

// Stores one response whose answers are given by question position (1-based), as the
// CLI and simple forms do. Throws maillage::Error for a position the questionnaire lacks.
int64_t submit_by_position(Database& db, int64_t questionnaire_id, const std::string& subject_kind,
                           int64_t subject_id, std::optional<int64_t> person_id,
                           const std::map<int, AnswerValue>& answers_by_position);

// Reads "1=0|2=5|6=free text" into answers by position: numbers for ratings and
// choices (option index), text for free text and multi-choice ("0,2").
std::map<int, AnswerValue> parse_answers(const Questionnaire& questionnaire, const std::string& text);

// The questionnaire as text lines: "1. [rating] Facilitation", options numbered.
std::string format_questionnaire(const Questionnaire& questionnaire);

// A summary as text lines ("Facilitation: 4.3 / 5 (9 answers)", free texts quoted).
std::string format_summary(const std::vector<QuestionSummary>& summary);

}  // namespace maillage
