#include "catalogue_evaluations.h"

#include "core/database.h"
#include "core/i18n.h"
#include "core/questionnaires.h"
#include "core/sql_query.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace maillage::catalogue {

int64_t evaluation_questionnaire(Database& db) {
    auto defaults = kEvaluation.blank(tr("Evaluation of the training"));
    defaults.questions = {{0, 1, "rating", tr("Overall satisfaction"), {}, 1, 5, true},
                          {0, 2, "rating", tr("Useful for my practice"), {}, 1, 5, false},
                          {0, 3, "yes_partly_no", tr("Were your expectations met?"), {}, 1, 5, false},
                          {0, 4, "text", tr("Comment"), {}, 1, 5, false}};
    return ensure_questionnaire(db, defaults);
}

std::vector<int64_t> trainings_with_module(Database& db, const std::string& module_code) {
    return select_column<int64_t>(db.sql(),
                                 "SELECT DISTINCT tm.training_id FROM catalogue_training_module tm JOIN "
                                 "catalogue_module_version v ON v.id = tm.module_version_id JOIN catalogue_module m ON "
                                 "m.id = v.module_id WHERE m.code = ? ORDER BY tm.training_id",
                                 module_code);
}

}  // namespace maillage::catalogue
