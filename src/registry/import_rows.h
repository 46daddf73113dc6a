// The first stage of an import (internal to importer.cpp): reading the CSV rows and the checks
// that need no database, on a thread of its own, while the importing thread writes the rows
// checked before. Rows come out in file order, in chunks.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/date.h"
#include "registry/importer.h"
#include "registry/person_store.h"

namespace atb::registry::import {

/// Where each column of kImportColumns is in the file.
struct Columns {
  std::vector<std::optional<std::size_t>> index;  ///< per kImportColumns
  const std::string& get(const std::vector<std::string>& row, std::size_t which) const {
    static const std::string empty;
    const auto& i = index[which];
    return i && *i < row.size() ? row[*i] : empty;
  }
};

/// The file's columns, or a file-level error (a required column missing, an unknown column).
Result<Columns> columns_of(const csv::Reader& reader);

/// One data row after the checks that need no database.
struct CheckedRow {
  std::size_t row = 0;                    ///< 1-based data row
  std::optional<PreparedPerson> person;   ///< set when the row passed
  std::vector<RowError> errors;           ///< why it did not, in the order found
};

/// Reads and checks the rows of `reader` on its own thread: the width of the row, the person's
/// fields (check_person), and a personal code that appeared earlier in the file. An unreadable
/// rest of the file (an unclosed quote) is the last row, with its error.
class RowChecker {
 public:
  RowChecker(csv::Reader& reader, Columns columns, Date today, std::size_t chunk = 500);
  ~RowChecker();  ///< stops the thread (also when not every chunk was taken)
  RowChecker(const RowChecker&) = delete;
  RowChecker& operator=(const RowChecker&) = delete;

  /// The next rows in file order; empty at the end of the file.
  std::vector<CheckedRow> next();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace atb::registry::import
