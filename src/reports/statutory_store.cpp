#include "reports/statutory_store.h"

namespace atb::reports::statutory {
namespace {

constexpr const char* kSelect =
    "SELECT s.report, s.period, s.submitted_at, u.full_name FROM statutory_submission s"
    " JOIN app_user u ON u.id = s.submitted_by WHERE s.municipality_id = ?";

std::vector<Submission> submissions(const storage::Rows& rows) {
  std::vector<Submission> out;
  for (const storage::Row& r : rows) out.push_back({r.text(0), r.text(1), r.text(2), r.text(3)});
  return out;
}

}  // namespace

Result<std::vector<Submission>> load_submissions(storage::Connection& c,
                                                 std::int64_t municipality_id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kSelect) + " ORDER BY s.period DESC, s.report",
                               storage::params(municipality_id)));
  return submissions(rows);
}

Result<std::optional<Submission>> find_submission(storage::Connection& c,
                                                  std::int64_t municipality_id,
                                                  const std::string& report,
                                                  const std::string& period) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kSelect) + " AND s.report = ? AND s.period = ?",
                               storage::params(municipality_id, report, period)));
  if (rows.empty()) return std::optional<Submission>{};
  std::optional<Submission> found = submissions(rows)[0];
  return found;
}

Result<void> insert_submission(storage::Connection& c, std::int64_t municipality_id,
                               const std::string& report, const std::string& period,
                               std::int64_t user_id, const std::string& at) {
  ATB_TRY(
      c.execute("INSERT INTO statutory_submission (municipality_id, report, period, submitted_by, "
                "submitted_at)"
                " VALUES (?, ?, ?, ?, ?)",
                storage::params(municipality_id, report, period, user_id, at)));
  return ok();
}

}  // namespace atb::reports::statutory
