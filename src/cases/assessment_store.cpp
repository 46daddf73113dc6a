#include "cases/assessment_store.h"

#include <fmt/format.h>

namespace atb::cases {

using storage::params;

namespace {

// The columns read into an Assessment by `from_row`, over alias `a` with the creator `cu` and
// the completer `fu`; `answers` says whether the JSON columns are read or left empty.
std::string columns(bool answers) {
  return fmt::format(
      "a.id, a.case_id, a.instrument_id, a.instrument_version, a.version, a.status, {}, "
      "a.overall_level, {},"
      " a.created_by, cu.full_name, a.created_at, a.updated_by, a.updated_at, a.completed_by, "
      "fu.full_name,"
      " a.completed_at",
      answers ? "a.answers" : "''", answers ? "a.result" : "NULL");
}

constexpr const char* kFrom =
    " FROM case_assessment a JOIN app_user cu ON cu.id = a.created_by LEFT JOIN app_user fu ON "
    "fu.id = a.completed_by";

Assessment from_row(const storage::Row& r) {
  Assessment a;
  a.id = r.integer(0);
  a.case_id = r.integer(1);
  a.instrument_id = r.text(2);
  a.instrument_version = static_cast<int>(r.integer(3));
  a.version = r.integer(4);
  a.status = r.text(5);
  a.answers = r.text(6);
  a.overall_level = r.opt_text(7);
  a.result = r.opt_text(8);
  a.created_by = r.integer(9);
  a.created_by_name = r.text(10);
  a.created_at = r.text(11);
  a.updated_by = r.integer(12);
  a.updated_at = r.text(13);
  a.completed_by = r.opt_integer(14);
  a.completed_by_name = r.opt_text(15);
  a.completed_at = r.opt_text(16);
  return a;
}

}  // namespace

Result<std::int64_t> insert_assessment(storage::Connection& c, const Assessment& a,
                                       const std::string& now) {
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO case_assessment (case_id, instrument_id, "
                               "instrument_version, version, status,"
                               " answers, created_by, created_at, updated_by, updated_at)"
                               " VALUES (?, ?, ?, 1, 'draft', ?, ?, ?, ?, ?) RETURNING id",
                               params(a.case_id, a.instrument_id, a.instrument_version, a.answers,
                                      a.created_by, now, a.created_by, now)));
  return rows[0].integer(0);
}

Result<std::optional<Assessment>> load_assessment(storage::Connection& c, std::int64_t case_id,
                                                  std::int64_t id) {
  ATB_TRY_ASSIGN(rows,
                 c.query("SELECT " + columns(true) + kFrom + " WHERE a.id = ? AND a.case_id = ?",
                         params(id, case_id)));
  if (rows.empty()) return std::optional<Assessment>{};
  return std::optional<Assessment>(from_row(rows[0]));
}

Result<std::vector<Assessment>> list_assessments(storage::Connection& c, std::int64_t case_id) {
  ATB_TRY_ASSIGN(
      rows, c.query("SELECT " + columns(false) + kFrom + " WHERE a.case_id = ? ORDER BY a.id DESC",
                    params(case_id)));
  std::vector<Assessment> out;
  out.reserve(rows.size());
  for (const storage::Row& r : rows) out.push_back(from_row(r));
  return out;
}

Result<bool> save_draft_answers(storage::Connection& c, std::int64_t id, std::int64_t version,
                                const std::string& answers, std::int64_t by_user,
                                const std::string& now) {
  ATB_TRY_ASSIGN(
      n, c.execute("UPDATE case_assessment SET answers = ?, version = version + 1, updated_by = ?,"
                   " updated_at = ? WHERE id = ? AND version = ? AND status = 'draft'",
                   params(answers, by_user, now, id, version)));
  return n == 1;
}

Result<bool> complete_assessment(storage::Connection& c, std::int64_t id, std::int64_t version,
                                 const std::string& answers, const std::string& overall_level,
                                 const std::string& result, std::int64_t by_user,
                                 const std::string& now) {
  ATB_TRY_ASSIGN(
      n, c.execute(
             "UPDATE case_assessment SET status = 'completed', answers = ?, overall_level = ?,"
             " result = ?, version = version + 1, updated_by = ?, updated_at = ?, completed_by = ?,"
             " completed_at = ? WHERE id = ? AND version = ? AND status = 'draft'",
             params(answers, overall_level, result, by_user, now, by_user, now, id, version)));
  return n == 1;
}

}  // namespace atb::cases
