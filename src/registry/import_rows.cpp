#include "registry/import_rows.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "registry/rules.h"

namespace atb::registry::import {
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

Text width_error(std::size_t fields, std::size_t header) {
  return {"Rindā ir " + std::to_string(fields) + " kolonnas, galvenē " + std::to_string(header) + ".",
          "The row has " + std::to_string(fields) + " columns, the header " + std::to_string(header) + "."};
}

}  // namespace

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

struct RowChecker::State {
  csv::Reader& reader;
  Columns cols;
  Date today;
  std::size_t chunk;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::vector<CheckedRow>> ready;  ///< checked chunks not yet taken
  bool done = false;                           ///< the file is read
  bool stop = false;                           ///< the taker gave up
  std::thread worker;

  /// Reads, checks and hands over chunks until the end of the file (or stop).
  void run() {
    std::unordered_set<std::string> codes_in_file;
    std::vector<std::string> fields;
    std::vector<CheckedRow> rows;
    bool end = false;
    while (!end) {
      CheckedRow r;
      auto more = reader.next(fields);
      if (!more) {  // a broken quote leaves the rest unreadable
        r.row = reader.row();
        r.errors.push_back({r.row, "", more.error().message});
        rows.push_back(std::move(r));
        end = true;
      } else if (!*more) {
        end = true;
      } else {
        rows.push_back(check(fields, codes_in_file));
      }
      if (rows.size() == chunk || (end && !rows.empty())) {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return ready.size() < 4 || stop; });
        if (stop) return;
        ready.push_back(std::move(rows));
        rows.clear();
        changed.notify_all();
      }
    }
    std::lock_guard lock(mutex);
    done = true;
    changed.notify_all();
  }

  CheckedRow check(const std::vector<std::string>& fields, std::unordered_set<std::string>& codes_in_file) {
    CheckedRow r;
    r.row = reader.row();
    if (fields.size() != reader.header().size()) {
      r.errors.push_back({r.row, "", width_error(fields.size(), reader.header().size())});
      return r;
    }
    std::vector<Warning> warnings;
    auto checked = check_person(draft_of(cols, fields), today, warnings);
    if (!checked) {
      for (const FieldError& f : checked.error().fields) r.errors.push_back({r.row, column_of(f.field), f.message});
      return r;
    }
    if (checked->personal_code && !codes_in_file.insert(*checked->personal_code).second) {
      r.errors.push_back({r.row, "personal_code", {"Šis personas kods failā jau bija.", "This personal code already appeared in the file."}});
      return r;
    }
    r.person = prepare_person(std::move(*checked));
    return r;
  }
};

RowChecker::RowChecker(csv::Reader& reader, Columns columns, Date today, std::size_t chunk)
    : state_(new State{reader, std::move(columns), today, chunk, {}, {}, {}, false, false, {}}) {
  state_->worker = std::thread([s = state_.get()] { s->run(); });
}

RowChecker::~RowChecker() {
  {
    std::lock_guard lock(state_->mutex);
    state_->stop = true;
    state_->changed.notify_all();
  }
  state_->worker.join();
}

std::vector<CheckedRow> RowChecker::next() {
  std::unique_lock lock(state_->mutex);
  state_->changed.wait(lock, [&] { return !state_->ready.empty() || state_->done; });
  if (state_->ready.empty()) return {};
  std::vector<CheckedRow> rows = std::move(state_->ready.front());
  state_->ready.pop_front();
  state_->changed.notify_all();
  return rows;
}

}  // namespace atb::registry::import
