#include "core/questionnaires.h"

#include "core/audit.h"
#include "core/database.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/row_reader.h"
#include "core/single_line.h"
#include "core/locale_format.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace maillage {
namespace {
const RowMap kQuestionRow{
    column("id", &Question::id), column("position", &Question::position), column("kind", &Question::kind),
    column("text", &Question::text), column("coalesce(scale_min,1) AS scale_min", &Question::scale_min),
    column("coalesce(scale_max,5) AS scale_max", &Question::scale_max), column("required", &Question::required)};

std::vector<Question> load_questions(Database& db, int64_t questionnaire_id) {
    auto q = bound_statement(db.sql(),
                             kQuestionRow.select(", coalesce(options,'[]') FROM question WHERE questionnaire_id = ? "
                                                 "ORDER BY position"),
                             questionnaire_id);
    RowReader row(q, kQuestionRow);
    std::vector<Question> out;
    while (q.executeStep()) {
        auto x = row.read();
        x.options = nlohmann::json::parse(q.getColumn(int(kQuestionRow.size())).getString()).get<std::vector<std::string>>();
        out.push_back(std::move(x));
    }
    return out;
}

const RowMap kQuestionnaireRow{
    column("id", &Questionnaire::id), column("code", &Questionnaire::code), column("title", &Questionnaire::title),
    column("description", &Questionnaire::description), column("purpose", &Questionnaire::purpose),
    column("owner", &Questionnaire::owner), column("retired_at IS NOT NULL AS retired", &Questionnaire::retired)};

std::string select_questionnaire(std::string_view where) {
    return kQuestionnaireRow.select("FROM questionnaire " + std::string(where));
}

// load_questions for completed().
auto with_questions(Database& db) {
    return [&db](Questionnaire& x) { x.questions = load_questions(db, x.id); };
}

std::vector<int> parse_indexes(const std::string& text) {
    std::vector<int> out;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ','))
        if (!part.empty()) out.push_back(std::stoi(part));
    return out;
}

// The options a yes/partly/no question offers.
const std::vector<std::string>& ypn() {
    static const std::vector<std::string> v{N_("yes"), N_("partly"), N_("no")};
    return v;
}
}  // namespace

const Question* Questionnaire::question_at(int position) const {
    auto it = std::find_if(questions.begin(), questions.end(), [&](const Question& x) { return x.position == position; });
    return it == questions.end() ? nullptr : &*it;
}

std::vector<Questionnaire> QuestionnaireRepository::list(const std::string& owner, bool include_retired) const {
    return completed(
        query_all(db_.sql(), kQuestionnaireRow,
                  select_questionnaire(std::string("WHERE (?1 = '' OR owner = ?1) ") +
                                       (include_retired ? "" : "AND retired_at IS NULL ") + "ORDER BY title"),
                  owner),
        with_questions(db_));
}

std::optional<Questionnaire> QuestionnaireRepository::get(int64_t id) const {
    return completed(query_one(db_.sql(), kQuestionnaireRow, select_questionnaire("WHERE id = ?"), id),
                     with_questions(db_));
}

std::optional<Questionnaire> QuestionnaireRepository::find_by_code(const std::string& code) const {
    return completed(query_one(db_.sql(), kQuestionnaireRow, select_questionnaire("WHERE code = ?"), code),
                     with_questions(db_));
}

int64_t QuestionnaireRepository::save(const Questionnaire& x) {
    if (x.code.empty()) throw Error(tr("Code: a questionnaire needs a code."));
    if (x.title.empty()) throw Error(tr("Title: a questionnaire needs a title."));
    require_single_line(tr("Title"), x.title);
    for (const auto& q : x.questions) {
        if (q.text.empty()) throw Error(tr("Question: a question needs a text."));
        if ((q.kind == "choice" || q.kind == "multi_choice") && q.options.size() < 2)
            throw Error(trf("Question \"{text}\": a choice needs at least two options.", fmt::arg("text", q.text)));
        if (q.kind == "rating" && q.scale_max <= q.scale_min)
            throw Error(trf("Question \"{text}\": the scale's top must be above its bottom.", fmt::arg("text", q.text)));
    }
    return db_.write([&] {
        int64_t id = x.id;
        if (id != 0) {
            if (*select_first<int64_t>(db_.sql(), "SELECT count(*) FROM response WHERE questionnaire_id = ?", id) > 0)
                throw Error(tr("This questionnaire already has responses; save it as a copy with a new code."));
            exec_sql(db_.sql(),
                     "UPDATE questionnaire SET code=?, title=?, description=?, purpose=?, owner=? WHERE id=?", x.code,
                     x.title, x.description, x.purpose, x.owner, id);
            exec_sql(db_.sql(), "DELETE FROM question WHERE questionnaire_id = ?", id);
        } else {
            id = insert_row(db_.sql(),
                            "INSERT INTO questionnaire(code, title, description, purpose, owner) VALUES (?,?,?,?,?)",
                            x.code, x.title, x.description, x.purpose, text_or_null(x.owner));
        }
        SQLite::Statement qi(db_.sql(),
                             "INSERT INTO question(questionnaire_id, position, kind, text, options, scale_min, "
                             "scale_max, required) VALUES (?,?,?,?,?,?,?,?)");
        int pos = 0;
        for (const auto& q : x.questions) {
            bind_all(qi, id, ++pos, q.kind, q.text,
                     nlohmann::json(q.kind == "yes_partly_no" ? ypn() : q.options).dump(), q.scale_min,
                     q.scale_max, q.required ? 1 : 0);
            qi.exec();
            qi.reset();
        }
        audit(db_, x.id ? "update" : "create", "questionnaire", id, x.code);
        return id;
    });
}

void QuestionnaireRepository::retire(int64_t id) {
    db_.write([&] {
        exec_sql(db_.sql(), "UPDATE questionnaire SET retired_at = strftime('%Y-%m-%d','now') WHERE id = ?", id);
        audit(db_, "retire", "questionnaire", id, "");
    });
}

int64_t QuestionnaireRepository::submit(const Response& r) {
    auto x = get(r.questionnaire_id);
    if (!x) throw Error(tr("This questionnaire no longer exists."));
    for (const auto& q : x->questions) {
        auto it = r.answers.find(q.id);
        const bool empty = it == r.answers.end() || (!it->second.number && it->second.text.empty());
        if (empty) {
            if (q.required) throw Error(trf("Question \"{text}\" needs an answer.", fmt::arg("text", q.text)));
            continue;
        }
        const auto& a = it->second;
        if (q.kind == "rating") {
            if (!a.number || *a.number < q.scale_min || *a.number > q.scale_max)
                throw Error(trf("Question \"{text}\": the rating must be between {min} and {max}.",
                                fmt::arg("text", q.text), fmt::arg("min", q.scale_min), fmt::arg("max", q.scale_max)));
        } else if (q.kind == "choice" || q.kind == "yes_partly_no") {
            if (!a.number || *a.number < 0 || *a.number >= double(q.options.size()) ||
                std::floor(*a.number) != *a.number)
                throw Error(trf("Question \"{text}\": choose one of the options.", fmt::arg("text", q.text)));
        } else if (q.kind == "multi_choice") {
            try {
                for (int i : parse_indexes(a.text))
                    if (i < 0 || i >= int(q.options.size())) throw std::out_of_range("option");
            } catch (const std::exception&) {
                throw Error(trf("Question \"{text}\": choose among the options.", fmt::arg("text", q.text)));
            }
        }
    }
    for (const auto& [qid, _] : r.answers)
        if (std::none_of(x->questions.begin(), x->questions.end(), [&](const Question& q) { return q.id == qid; }))
            throw Error(tr("An answer refers to a question that is not in this questionnaire."));
    return db_.write([&] {
        const auto id = insert_row(
            db_.sql(), "INSERT INTO response(questionnaire_id, person_id, subject_kind, subject_id) VALUES (?,?,?,?)",
            r.questionnaire_id, r.person_id, r.subject_kind, r.subject_id);
        SQLite::Statement ai(db_.sql(), "INSERT INTO answer(response_id, question_id, number, text) VALUES (?,?,?,?)");
        for (const auto& [qid, a] : r.answers) {
            bind_all(ai, id, qid, a.number, a.text);
            ai.exec();
            ai.reset();
        }
        return id;
    });
}

std::vector<Response> QuestionnaireRepository::responses(int64_t questionnaire_id, const std::string& subject_kind,
                                                         std::optional<int64_t> subject_id) const {
    auto q = bound_statement(db_.sql(),
                             "SELECT id, person_id, subject_id FROM response WHERE questionnaire_id = ?1 AND "
                             "subject_kind = ?2 AND (?3 IS NULL OR subject_id = ?3) ORDER BY id",
                             questionnaire_id, subject_kind, subject_id);
    std::vector<Response> out;
    while (q.executeStep()) {
        Response r;
        r.id = q.getColumn(0).getInt64();
        r.questionnaire_id = questionnaire_id;
        if (!q.getColumn(1).isNull()) r.person_id = q.getColumn(1).getInt64();
        r.subject_kind = subject_kind;
        r.subject_id = q.getColumn(2).getInt64();
        auto a = bound_statement(
            db_.sql(), "SELECT question_id, number, coalesce(text,'') FROM answer WHERE response_id = ?", r.id);
        while (a.executeStep()) {
            AnswerValue v;
            if (!a.getColumn(1).isNull()) v.number = a.getColumn(1).getDouble();
            v.text = a.getColumn(2).getString();
            r.answers[a.getColumn(0).getInt64()] = v;
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<QuestionSummary> QuestionnaireRepository::summarize(int64_t questionnaire_id,
                                                                const std::string& subject_kind,
                                                                const std::vector<int64_t>& subject_ids) const {
    auto x = get(questionnaire_id);
    if (!x) return {};
    std::vector<QuestionSummary> out;
    for (const auto& q : x->questions) {
        QuestionSummary s{q, 0, 0, {}, {}};
        if (q.kind == "rating")
            s.option_counts.assign(std::max(0, q.scale_max - q.scale_min + 1), 0);
        else
            s.option_counts.assign(q.options.size(), 0);
        out.push_back(std::move(s));
    }
    const std::set<int64_t> wanted(subject_ids.begin(), subject_ids.end());
    std::vector<double> total(out.size(), 0);
    for (const auto& r : responses(questionnaire_id, subject_kind)) {
        if (!wanted.empty() && !wanted.count(r.subject_id)) continue;
        for (size_t i = 0; i < out.size(); ++i) {
            auto& s = out[i];
            auto it = r.answers.find(s.question.id);
            if (it == r.answers.end()) continue;
            const auto& a = it->second;
            if (s.question.kind == "text") {
                if (a.text.empty()) continue;
                s.texts.push_back(a.text);
            } else if (s.question.kind == "multi_choice") {
                for (int k : parse_indexes(a.text))
                    if (k >= 0 && k < int(s.option_counts.size())) ++s.option_counts[k];
            } else if (a.number) {
                const int k = s.question.kind == "rating" ? int(*a.number) - s.question.scale_min : int(*a.number);
                if (k >= 0 && k < int(s.option_counts.size())) ++s.option_counts[k];
                total[i] += *a.number;
            } else {
                continue;
            }
            ++s.answered;
        }
    }
    for (size_t i = 0; i < out.size(); ++i)
        if (out[i].question.kind == "rating" && out[i].answered > 0) out[i].mean = total[i] / out[i].answered;
    return out;
}

int64_t ensure_questionnaire(Database& db, const Questionnaire& defaults) {
    QuestionnaireRepository repo(db);
    if (auto q = repo.find_by_code(defaults.code)) return q->id;
    return repo.save(defaults);
}

int64_t submit_by_position(Database& db, int64_t questionnaire_id, const std::string& subject_kind,
                           int64_t subject_id, std::optional<int64_t> person_id,
                           const std::map<int, AnswerValue>& answers_by_position) {
    QuestionnaireRepository repo(db);
    const auto q = repo.get(questionnaire_id);
    if (!q) throw Error(tr("This questionnaire no longer exists."));
    Response r{.questionnaire_id = questionnaire_id,
               .person_id = person_id,
               .subject_kind = subject_kind,
               .subject_id = subject_id};
    for (const auto& [pos, value] : answers_by_position) {
        const auto* question = q->question_at(pos);
        if (!question) throw Error(trf("The questionnaire has no question {n}.", fmt::arg("n", pos)));
        r.answers[question->id] = value;
    }
    return repo.submit(r);
}

std::map<int, AnswerValue> parse_answers(const Questionnaire& questionnaire, const std::string& text) {
    std::map<int, AnswerValue> answers;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, '|');) {
        const auto eq = item.find('=');
        int pos = 0;
        try {
            if (eq == std::string::npos) throw std::invalid_argument("no =");
            pos = std::stoi(item.substr(0, eq));
        } catch (const std::exception&) {
            throw Error(trf("\"{item}\": answers are position=value pairs separated by '|'.", fmt::arg("item", item)));
        }
        const std::string value = item.substr(eq + 1);
        const auto* question = questionnaire.question_at(pos);
        if (!question) throw Error(trf("The questionnaire has no question {n}.", fmt::arg("n", pos)));
        AnswerValue v;
        if (question->kind == "text" || question->kind == "multi_choice") {
            v.text = value;
        } else {
            try {
                size_t used = 0;
                v.number = std::stod(value, &used);
                if (used != value.size()) throw std::invalid_argument("trailing");
            } catch (const std::exception&) {
                throw Error(trf("Question {n}: \"{value}\" is not a number.", fmt::arg("n", pos),
                                fmt::arg("value", value)));
            }
        }
        answers[pos] = v;
    }
    return answers;
}

std::string format_questionnaire(const Questionnaire& q) {
    std::string out = q.title + "\n";
    for (const auto& x : q.questions) {
        out += "  " + std::to_string(x.position) + ". [" + x.kind + "] " + x.text;
        if (!x.options.empty()) {
            out += " (";
            for (size_t i = 0; i < x.options.size(); ++i)
                out += (i ? ", " : "") + std::to_string(i) + "=" + x.options[i];
            out += ")";
        }
        out += "\n";
    }
    return out;
}

std::string format_summary(const std::vector<QuestionSummary>& summary) {
    std::string out;
    for (const auto& s : summary) {
        out += s.question.text + "\n";
        if (s.question.kind == "rating") {
            out += "  " + trf("{mean} / {max} ({n} answers)", fmt::arg("mean", locale::decimal(s.mean, 1)),
                              fmt::arg("max", s.question.scale_max), fmt::arg("n", s.answered)) +
                   "\n";
        } else if (s.question.kind == "text") {
            for (const auto& t : s.texts) out += "  « " + t + " »\n";
        } else {
            std::string counts;
            for (size_t i = 0; i < s.option_counts.size(); ++i) {
                // A yes/partly/no answer is stored in English and shown in the user's language.
                const std::string label = i >= s.question.options.size()    ? std::to_string(i)
                                          : s.question.kind == "yes_partly_no" ? tr(s.question.options[i].c_str())
                                                                               : s.question.options[i];
                counts += (counts.empty() ? "" : ", ") + label + ": " + std::to_string(s.option_counts[i]);
            }
            out += "  " + counts + trf(" ({n} answers)", fmt::arg("n", s.answered)) + "\n";
        }
    }
    return out;
}

}  // namespace maillage
