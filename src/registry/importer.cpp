#include "registry/importer.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "core/csv.h"
#include "core/date.h"
#include "core/time.h"
#include "registry/rules.h"

namespace atb::registry {

using storage::params;

namespace {

// The CSV column of a field named by the rules ("declared_address.postal_code" → postal_code).
std::string column_of(const std::string& field) {
  const auto dot = field.rfind('.');
  std::string name = dot == std::string::npos ? field : field.substr(dot + 1);
  if (field.rfind("phones", 0) == 0) return "phone";
  return name;
}

// Accepts DD.MM.YYYY (as Latvian spreadsheets write dates) besides YYYY-MM-DD.
std::string iso_date(const std::string& text) {
  if (text.size() == 10 && text[2] == '.' && text[5] == '.') {
    return text.substr(6, 4) + "-" + text.substr(3, 2) + "-" + text.substr(0, 2);
  }
  return text;
}

struct Columns {
  std::vector<std::optional<std::size_t>> index;  ///< per kImportColumns
  const std::string& get(const std::vector<std::string>& row, std::size_t which) const {
    static const std::string empty;
    const auto& i = index[which];
    return i && *i < row.size() ? row[*i] : empty;
  }
};

Result<Columns> columns_of(const csv::Reader& reader) {
  Columns cols;
  for (std::string_view name : kImportColumns) cols.index.push_back(reader.column(name));
  std::vector<FieldError> problems;
  for (std::size_t i = 0; i < 2; ++i) {
    if (!cols.index[i]) {
      problems.push_back({std::string(kImportColumns[i]), {"Trūkst obligātās kolonnas „" + std::string(kImportColumns[i]) + "”.",
                                                           "The required column \"" + std::string(kImportColumns[i]) + "\" is missing."}});
    }
  }
  for (const std::string& h : reader.header()) {
    if (!std::any_of(std::begin(kImportColumns), std::end(kImportColumns), [&](std::string_view k) {
          return h.size() == k.size() && std::equal(h.begin(), h.end(), k.begin(), [](char a, char b) { return std::tolower(a) == b; });
        })) {
      problems.push_back({h, {"Nezināma kolonna „" + h + "”.", "Unknown column \"" + h + "\"."}});
    }
  }
  if (!problems.empty()) {
    return Error{Errc::invalid, {"Faila kolonnas neatbilst paraugam.", "The file's columns do not match the template."}, problems, {}};
  }
  return cols;
}

PersonDraft draft_of(const Columns& cols, const std::vector<std::string>& row) {
  auto opt = [&](std::size_t i) -> std::optional<std::string> {
    const std::string& v = cols.get(row, i);
    return v.empty() ? std::nullopt : std::optional<std::string>(v);
  };
  PersonDraft d;
  d.given_names = cols.get(row, 0);
  d.surname = cols.get(row, 1);
  d.personal_code = opt(2);
  if (auto b = opt(3)) d.birth_date = iso_date(*b);
  d.sex = opt(4);
  if (auto phone = opt(5)) d.phones.push_back(*phone);
  d.email = opt(6);
  Address a{"", cols.get(row, 10), cols.get(row, 7), cols.get(row, 8), cols.get(row, 9), cols.get(row, 11)};
  if (!a.street.empty() || !a.locality.empty()) d.declared_address = a;
  return d;
}

std::size_t count_lines(std::string_view bytes) {
  return static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
}

}  // namespace

Result<ImportReport> import_persons(storage::Database& db, std::string_view bytes, const ImportOptions& options,
                                    const ImportProgress& progress) {
  ATB_TRY_ASSIGN(reader, csv::Reader::open(bytes, csv::Options{.windows1257 = options.windows1257}));
  ATB_TRY_ASSIGN(cols, columns_of(reader));
  const std::size_t estimate = count_lines(bytes) - 1;
  const Date today = today_riga();
  const std::string now = now_utc_iso();
  ImportReport report;
  auto fail_row = [&](std::size_t row, std::string column, Text message) {
    ++report.error_count;
    if (report.errors.size() < kMaxReportedErrors) report.errors.push_back({row, std::move(column), std::move(message)});
  };
  auto run = [&](storage::Connection& c) -> Result<void> {
    std::unordered_set<std::string> codes_in_file;
    std::vector<std::string> fields;
    for (;;) {
      auto more = reader.next(fields);
      if (!more) {
        ++report.total_rows;
        fail_row(reader.row(), "", more.error().message);
        break;  // a broken quote leaves the rest unreadable
      }
      if (!*more) break;
      ++report.total_rows;
      const std::size_t row = reader.row();
      if (progress && report.total_rows % 5000 == 0) progress(report.total_rows, std::max(estimate, report.total_rows));
      if (fields.size() != reader.header().size()) {
        fail_row(row, "", {"Rindā ir " + std::to_string(fields.size()) + " kolonnas, galvenē " + std::to_string(reader.header().size()) + ".",
                           "The row has " + std::to_string(fields.size()) + " columns, the header " + std::to_string(reader.header().size()) + "."});
        continue;
      }
      std::vector<Warning> warnings;
      auto checked = check_person(draft_of(cols, fields), today, warnings);
      if (!checked) {
        for (const FieldError& f : checked.error().fields) fail_row(row, column_of(f.field), f.message);
        continue;
      }
      if (checked->personal_code) {
        const Text taken{"Persona ar šo personas kodu jau ir reģistrēta.", "A person with this personal code is already registered."};
        if (!codes_in_file.insert(*checked->personal_code).second) {
          fail_row(row, "personal_code", {"Šis personas kods failā jau bija.", "This personal code already appeared in the file."});
          continue;
        }
        ATB_TRY_ASSIGN(found, c.query("SELECT 1 FROM person_code WHERE code = ?", params(*checked->personal_code)));
        if (!found.empty()) {
          fail_row(row, "personal_code", taken);
          continue;
        }
      }
      ++report.valid_rows;
      if (options.dry_run || report.error_count > 0) continue;
      ATB_TRY_ASSIGN(id, insert_person(c, options.municipality_id, *checked, options.user_id, now));
      ATB_TRY(add_registration(c, access::kPersonTables, id, options.registration, now));
      ++report.imported_rows;
    }
    if (progress) progress(report.total_rows, report.total_rows);
    if (report.error_count > 0 || options.dry_run) {
      report.imported_rows = 0;
      return Error{Errc::conflict, {"Nekas nav ierakstīts.", "Nothing was written."}, {}, "import rolled back"};
    }
    if (options.before_commit) ATB_TRY(options.before_commit(c, report.imported_rows));
    return ok();
  };
  auto done = options.dry_run ? db.read(run) : db.write(run);
  if (!done && done.error().detail != "import rolled back") return std::move(done).error();
  return report;
}

}  // namespace atb::registry
