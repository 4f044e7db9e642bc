#pragma once
// Statements in one call (exec_sql, select_column, select_first, select_value):
// core/sql_call.h, included. A row written from one column list, its INSERT and its UPDATE
// alike: RecordTable (core/record_table.h).
// (Without core/row_reader.h, whose RowReader template has the name of the importers'
// RowReader in core/entity_import.h: an importer can include this one.)
#include "core/sql_call.h"
#include "core/sql_util.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maillage {

}  // namespace maillage
