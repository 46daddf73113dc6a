// The subject of a case (who it is about) is named by one SQL definition (cases/case_subject_sql.h)
// in every store: the case itself (case_store) and "my work" tasks (plan_store) say the same name,
// the household's for a household case and "Given Surname" for a person's, on both engines.
#include "case_test_support.h"
#include "cases/case_store.h"
#include "cases/case_subject_sql.h"
#include "cases/plan_store.h"

namespace atb::test {
namespace {

using nlohmann::json;

class CaseSubjectSqlTest : public CaseTest {
 protected:
  /// The subject as case_store, plan_store and the shared SQL name it, for case `id`.
  std::vector<std::string> subjects(std::int64_t id) {
    auto names = f_.db().read([&](storage::Connection& c) -> Result<std::vector<std::string>> {
      std::vector<std::string> out;
      ATB_TRY_ASSIGN(k, cases::load_case(c, id));
      out.push_back(k ? k->subject_name : "?");
      ATB_TRY_ASSIGN(tasks, cases::work_tasks(c, worker_user_.id, "1 = 1", 10));
      for (const cases::WorkTask& t : tasks) {
        if (t.task.case_id == id) out.push_back(t.subject_name);
      }
      ATB_TRY_ASSIGN(rows, c.query("SELECT " + cases::case_subject_name() + " FROM case_file c" +
                                       cases::case_subject_joins() + " WHERE c.id = ?",
                                   storage::params(id)));
      out.push_back(rows.empty() ? "?" : rows[0].text(0));
      return out;
    });
    EXPECT_TRUE(names) << names.error().detail;
    return names ? *names : std::vector<std::string>{};
  }
  /// The case, at least one task of "my work" and the shared SQL all say `name`.
  static void expect_all(const std::vector<std::string>& names, const std::string& name) {
    EXPECT_GE(names.size(), 3u);
    for (const std::string& n : names) EXPECT_EQ(n, name);
  }
};

TEST_P(CaseSubjectSqlTest, OneSubjectNameEverywhere) {
  const json k = open_case();
  approve_plan(k);  // one task for the worker: "my work" names the case's subject
  const std::int64_t id = k["id"];
  expect_all(subjects(id), "Bērziņu ģimene");
  auto moved = f_.db().write([&](storage::Connection& c) {
    return c.execute("UPDATE case_file SET household_id = NULL, person_id = ? WHERE id = ?", storage::params(anna_, id));
  });
  ASSERT_TRUE(moved);
  expect_all(subjects(id), "Anna Bērziņa");
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseSubjectSqlTest, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
