// Two `atbalsts serve` processes on one PostgreSQL database: what one writes, the other reads.
// A session begun on one server continues on the other, and ending it on one ends it on both.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include <nlohmann/json.hpp>

#include "access/totp.h"
#include "core/crypto.h"
#include "support/databases.h"
#include "support/http_client.h"
#include "support/server_process.h"

namespace atb {
namespace {

using test::http_exchange;
using test::request_bytes;

std::string cookie_of(const test::RawResponse& r) {
  const std::string c = r.header("set-cookie");
  return c.substr(0, c.find(';'));
}

test::RawResponse call(int port, const std::string& method, const std::string& target,
                       const std::string& cookie, const std::string& csrf, const std::string& body = {}) {
  std::vector<std::pair<std::string, std::string>> headers = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
  return http_exchange(port, request_bytes(method, target, headers, body));
}

TEST(ScaleOut, TwoServersShareOnePostgresDatabase) {
  test::ScratchDatabase pg(storage::Engine::postgresql);
  // Both servers (and the CLI) must share the key file, as the README says.
  const std::string key = test::temp_dir() + "/shared.key";
  ::setenv("ATBALSTS_KEY_FILE", key.c_str(), 1);
  struct Unset {
    ~Unset() { ::unsetenv("ATBALSTS_KEY_FILE"); }
  } unset;
  ASSERT_EQ(test::run_binary({"demo", "--database", pg.url()}), 0);
  test::ServerProcess a(pg.url()), b(pg.url());
  ASSERT_TRUE(a.wait_ready()) << a.output();
  ASSERT_TRUE(b.wait_ready()) << b.output();

  // Password on A, enrolment on B, confirmation on A.
  auto login = test::http_post_json(a.port(), "/api/v1/session",
                                    R"({"username":"admin","password":"Demo-Atbalsts-2026"})");
  ASSERT_EQ(login.status, 200) << login.body;
  std::string cookie = cookie_of(login);
  const std::string csrf = nlohmann::json::parse(login.body)["csrf_token"];
  auto enrol = call(b.port(), "POST", "/api/v1/session/enrollment", cookie, csrf, "{}");
  ASSERT_EQ(enrol.status, 200) << enrol.body;
  const auto secret = crypto::base32_decode(nlohmann::json::parse(enrol.body)["secret"].get<std::string>());
  const std::string code = access::totp_code(*secret, std::time(nullptr));
  auto confirm = call(a.port(), "POST", "/api/v1/session/enrollment/confirm", cookie, csrf,
                      nlohmann::json{{"code", code}}.dump());
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  cookie = cookie_of(confirm);

  // A user created on B is listed by A.
  auto created = call(b.port(), "POST", "/api/v1/users", cookie, csrf,
                      R"({"username":"divi.serveri","full_name":"Divu Serveru Tests","password":"Zilā-jūra-2026!","roles":["director"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto listed = call(a.port(), "GET", "/api/v1/users?q=divi", cookie, csrf);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(nlohmann::json::parse(listed.body)["items"][0]["username"], "divi.serveri");

  // Logging out on A ends the session on B too.
  EXPECT_EQ(call(b.port(), "GET", "/api/v1/session", cookie, csrf).status, 200);
  EXPECT_EQ(call(a.port(), "DELETE", "/api/v1/session", cookie, csrf).status, 204);
  EXPECT_EQ(call(b.port(), "GET", "/api/v1/session", cookie, csrf).status, 401);

  // The audit chain written by both servers is one intact chain.
  EXPECT_EQ(a.terminate(), 0);
  EXPECT_EQ(b.terminate(), 0);
  EXPECT_EQ(test::run_binary({"audit", "verify", "--database", pg.url()}), 0);
}

}  // namespace
}  // namespace atb
