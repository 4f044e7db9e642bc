#pragma once
// Evaluations of trainings: the catalogue's evaluation questionnaire (a core
// questionnaire, made with default questions the first time it is needed and editable
// afterwards), and which trainings a module's results cover.
#include "core/subject_evaluation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace maillage::catalogue {

inline constexpr SubjectEvaluation kEvaluation{"catalogue-evaluation", "catalogue_training", "catalogue"};
inline constexpr const char *kEvaluationCode = kEvaluation.code, *kEvaluationSubject = kEvaluation.subject;

// The id of the questionnaire "catalogue-evaluation", created when missing.
int64_t evaluation_questionnaire(Database& db);

// The trainings that use the module (any version of its sheet).
std::vector<int64_t> trainings_with_module(Database& db, const std::string& module_code);

}  // namespace maillage::catalogue
