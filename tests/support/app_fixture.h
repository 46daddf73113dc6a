// An Application on a scratch database of one engine, driven in-process through its
// Dispatcher (the whole request pipeline without sockets), plus direct ways to make users,
// sessions and tokens without going through the (deliberately slow) password login.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "access/model.h"
#include "app/application.h"
#include "core/config.h"
#include "http/request.h"
#include "support/databases.h"

namespace atb::test {

/// A test configuration for `url`: quiet, a private key file, small pools.
Config test_config(const std::string& url);

/// A logged-in user for tests.
struct TestUser {
  std::int64_t id = 0;
  std::string username;
  std::string session_token;  ///< complete session: use as the cookie
  std::string csrf;
};

/// What a call answered, with the body parsed when it is JSON.
struct Answer {
  int status = 0;
  nlohmann::json body;
  std::string raw;  ///< the body as sent (CSV, XLSX, …)
  std::string content_type;  ///< the Content-Type the answer is sent with
  bool streamed = false;     ///< the body came from a streamed producer (http::Response::stream)
  std::vector<std::pair<std::string, std::string>> headers;
  std::string header(const std::string& name) const;
};

/// Who sends a request.
struct As {
  std::string session_token;
  std::string csrf;
  std::string bearer;
  std::string language = "lv";
};

class AppFixture {
 public:
  explicit AppFixture(storage::Engine engine);

  /// Sends one request through the pipeline.
  Answer call(http::Method method, const std::string& target, const As& as = {},
              const std::string& body = {});

  /// Creates a user with these roles and teams (demo municipality) and a complete session.
  TestUser user(const std::string& username, std::vector<access::Role> roles,
                std::vector<std::string> team_codes = {});
  /// An API token for the user.
  std::string token_for(const TestUser& user);

  app::Application& app() { return *app_; }
  /// The database, once every audit entry recorded so far is in the hash chain (on SQLite the
  /// entries of reads wait in the read journal for up to a second): a test reading audit_log
  /// sees what the requests before it recorded.
  storage::Database& db();
  const std::string& url() const { return scratch_.url(); }

 private:
  ScratchDatabase scratch_;
  std::unique_ptr<app::Application> app_;
};

}  // namespace atb::test
