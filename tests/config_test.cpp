// Configuration: file, then environment; bad values named.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "core/config.h"
#include "support/databases.h"

namespace atb {
namespace {

EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars](const char* name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

std::string write_file(const std::string& text) {
  const std::string path = test::temp_dir() + "/atbalsts.toml";
  std::ofstream(path) << text;
  return path;
}

TEST(Config, DefaultsAreTheEmbeddedDatabaseOnPort8080) {
  auto c = load_config("", env_of({}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->database, "sqlite:var/atbalsts.db");
  EXPECT_EQ(c->port, 8080);
  EXPECT_EQ(c->json_body_limit, 1u << 20);
  EXPECT_TRUE(validate(*c));
}

TEST(Config, FileThenEnvironmentOverride) {
  const std::string path = write_file(
      "[database]\nurl = \"sqlite:/tmp/x.db\"\npool_size = 3\n"
      "[server]\nport = 9000\nthreads = 4\naccess_log = false\n"
      "[limits]\njson_body = 2048\n");
  auto c = load_config(path, env_of({{"ATBALSTS_PORT", "9100"}}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->database, "sqlite:/tmp/x.db");
  EXPECT_EQ(c->pool_size, 3);
  EXPECT_EQ(c->port, 9100);
  EXPECT_EQ(c->threads, 4);
  EXPECT_FALSE(c->access_log);
  EXPECT_EQ(c->json_body_limit, 2048u);
}

TEST(Config, TheReadJournalIsOnUnlessSwitchedOff) {
  EXPECT_TRUE(Config{}.audit_journal);
  auto file = load_config(write_file("[audit]\njournal = false\n"), env_of({}));
  ASSERT_TRUE(file);
  EXPECT_FALSE(file->audit_journal);
  auto env = load_config("", env_of({{"ATBALSTS_AUDIT_JOURNAL", "off"}}));
  ASSERT_TRUE(env);
  EXPECT_FALSE(env->audit_journal);
  auto bad = load_config(write_file("[audit]\njournal = 1\n"), env_of({}));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields[0].field, "audit.journal");
}

TEST(Config, ConfigFileFromEnvironment) {
  const std::string path = write_file("[server]\nport = 9200\n");
  auto c = load_config("", env_of({{"ATBALSTS_CONFIG", path}}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->port, 9200);
}

TEST(Config, BadValuesNameTheKey) {
  auto unknown = load_config(write_file("[server]\nprot = 1\n"), env_of({}));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().fields[0].field, "server.prot");
  auto type = load_config(write_file("[server]\nport = \"x\"\n"), env_of({}));
  ASSERT_FALSE(type);
  EXPECT_EQ(type.error().fields[0].field, "server.port");
  auto env = load_config("", env_of({{"ATBALSTS_PORT", "80a"}}));
  ASSERT_FALSE(env);
  EXPECT_EQ(env.error().fields[0].field, "ATBALSTS_PORT");
  auto syntax = load_config(write_file("[server\n"), env_of({}));
  EXPECT_FALSE(syntax);
  Config c;
  c.port = 70000;
  EXPECT_EQ(validate(c).error().fields[0].field, "port");
}

}  // namespace
}  // namespace atb

namespace atb {
namespace {

TEST(Config, TheShippedExampleFileIsValid) {
  auto c = load_config(std::string(ATBALSTS_SOURCE_DIR) + "/config/atbalsts.example.toml",
                       [](const char*) { return std::optional<std::string>{}; });
  ASSERT_TRUE(c) << (c ? "" : c.error().fields.at(0).field);
  EXPECT_TRUE(validate(*c));
}

TEST(Config, CaseManagementSection) {
  auto defaults = load_config("", env_of({}));
  ASSERT_TRUE(defaults);
  EXPECT_EQ(defaults->intake_routine_working_days, 10);
  EXPECT_EQ(defaults->intake_priority_working_days, 3);
  EXPECT_EQ(defaults->web_intake_team, "families");
  const std::string path = write_file(
      "[cases]\nroutine_working_days = 15\npriority_working_days = 5\nweb_municipality = \"cesis\"\n"
      "web_department = \"social_work\"\nweb_team = \"adults\"\npublic_requests_per_hour = 20\n"
      "public_request_body = 4096\n");
  auto c = load_config(path, env_of({}));
  ASSERT_TRUE(c) << c.error().message.en;
  EXPECT_EQ(c->intake_routine_working_days, 15);
  EXPECT_EQ(c->intake_priority_working_days, 5);
  EXPECT_EQ(c->web_intake_municipality, "cesis");
  EXPECT_EQ(c->web_intake_team, "adults");
  EXPECT_EQ(c->public_requests_per_hour, 20);
  EXPECT_EQ(c->public_request_body, 4096u);
  EXPECT_TRUE(validate(*c));
  c->intake_priority_working_days = 16;  // above the routine deadline
  EXPECT_FALSE(validate(*c));
  auto unknown = load_config(write_file("[cases]\nroutine_days = 3\n"), env_of({}));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().fields[0].field, "cases.routine_days");
}

TEST(Config, PoolSizeIsChosenForTheEngineUnlessGiven) {
  auto c = load_config("", env_of({}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->pool_size, 0);  // Database::open picks storage::default_pool_size
  EXPECT_TRUE(validate(*c));
  c->pool_size = -1;
  EXPECT_FALSE(validate(*c));
  c->pool_size = 257;
  EXPECT_FALSE(validate(*c));
  auto env = load_config("", env_of({{"ATBALSTS_POOL_SIZE", "5"}}));
  ASSERT_TRUE(env);
  EXPECT_EQ(env->pool_size, 5);
}

TEST(Config, CaseloadWarning) {
  auto defaults = load_config("", env_of({}));
  ASSERT_TRUE(defaults);
  EXPECT_EQ(defaults->caseload_warning, 30);
  auto c = load_config(write_file("[cases]\ncaseload_warning = 24\n"), env_of({}));
  ASSERT_TRUE(c) << c.error().message.en;
  EXPECT_EQ(c->caseload_warning, 24);
  EXPECT_TRUE(validate(*c));
  c->caseload_warning = 0;
  EXPECT_FALSE(validate(*c));
}

}  // namespace
}  // namespace atb
