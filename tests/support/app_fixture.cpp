#include "support/app_fixture.h"

#include <gtest/gtest.h>

#include "access/auth.h"
#include "access/session_store.h"
#include "access/user_store.h"
#include "app/admin_commands.h"
#include "app/demo.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/time.h"

namespace atb::test {

Config test_config(const std::string& url) {
  Config c;
  c.database = url;
  c.web_dir = "/nonexistent";
  c.instruments_dir = std::string(ATBALSTS_SOURCE_DIR) + "/config/instruments";
  c.report_statutory_dir = std::string(ATBALSTS_SOURCE_DIR) + "/config/reports";
  c.key_file = temp_dir() + "/atbalsts.key";
  c.access_log = false;
  c.pool_size = 4;
  c.threads = 4;
  return c;
}

storage::Database& AppFixture::db() {
  auto flushed = app_->audit().flush();
  EXPECT_TRUE(flushed) << (flushed ? "" : flushed.error().detail);
  return app_->database();
}

std::string Answer::header(const std::string& name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return {};
}

AppFixture::AppFixture(storage::Engine engine) : scratch_(engine) {
  log::init(false);
  auto app = app::Application::open(test_config(scratch_.url()));
  if (!app) {
    ADD_FAILURE() << app.error().message.en << " " << app.error().detail;
    return;
  }
  app_ = std::move(*app);
  auto demo = app::load_demo(app_->database());
  EXPECT_TRUE(demo) << (demo ? "" : demo.error().detail);
}

Answer AppFixture::call(http::Method method, const std::string& target, const As& as,
                        const std::string& body) {
  http::Request r;
  r.method = method;
  r.set_target(target);
  r.remote_address = "127.0.0.1";
  r.headers.emplace_back("accept-language", as.language);
  if (!body.empty()) r.headers.emplace_back("content-type", "application/json");
  if (!as.session_token.empty()) {
    r.headers.emplace_back("cookie", "atbalsts_session=" + as.session_token);
  }
  if (!as.csrf.empty()) r.headers.emplace_back("x-csrf-token", as.csrf);
  if (!as.bearer.empty()) r.headers.emplace_back("authorization", "Bearer " + as.bearer);
  r.body = body;
  http::Response response = app_->dispatcher().handle(r);
  const bool streamed = static_cast<bool>(response.stream);
  auto produced = http::collect_body(response);  // a streamed body, as the server would send it
  EXPECT_TRUE(produced) << "streamed body failed: " << (produced ? "" : produced.error().detail);
  Answer a;
  a.streamed = streamed;
  a.status = response.status;
  a.headers = response.headers;
  a.body = nlohmann::json::parse(response.body, nullptr, false);
  a.raw = std::move(response.body);
  a.content_type = response.content_type;
  return a;
}

TestUser AppFixture::user(const std::string& username, std::vector<access::Role> roles,
                          std::vector<std::string> team_codes) {
  TestUser u;
  u.username = username;
  u.session_token = crypto::random_token();
  u.csrf = crypto::random_token();
  auto made = db().write([&](storage::Connection& c) -> Result<std::int64_t> {
    access::NewUser nu;
    nu.username = username;
    nu.full_name = "Test " + username;
    nu.municipality_id = 1;
    nu.password_hash = "$argon2id$not-a-real-hash";
    nu.roles = roles;
    for (const std::string& code : team_codes) {
      ATB_TRY_ASSIGN(t, c.query("SELECT id FROM team WHERE code = ?", storage::params(code)));
      nu.team_ids.push_back(t[0].integer(0));
    }
    ATB_TRY_ASSIGN(id, access::insert_user(c, nu));
    const TimePoint now = std::chrono::system_clock::now();
    access::SessionRecord s;
    s.user_id = id;
    s.stage = "complete";
    s.csrf_token = u.csrf;
    s.created_at = s.last_seen_at = iso_utc(now);
    s.expires_at = iso_utc(now + std::chrono::hours(12));
    s.remote = "127.0.0.1";
    ATB_TRY(access::insert_session(c, access::secret_hash(u.session_token), s));
    return id;
  });
  EXPECT_TRUE(made) << (made ? "" : made.error().detail);
  u.id = made ? *made : 0;
  return u;
}

std::string AppFixture::token_for(const TestUser& user) {
  auto token = app::token_create(db(), user.username, 30, "test");
  EXPECT_TRUE(token);
  return token ? *token : std::string{};
}

}  // namespace atb::test
