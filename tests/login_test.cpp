// The login flow over the whole request pipeline, on both engines: passwords, enrolment,
// TOTP codes and their reuse, recovery codes, throttling, CSRF, expiry, tokens.
#include <gtest/gtest.h>

#include <ctime>

#include "access/totp.h"
#include "audit/store.h"
#include "core/crypto.h"
#include "support/app_fixture.h"

namespace atb {
namespace {

using http::Method;
using test::Answer;
using test::As;

constexpr const char* kDemoPassword = "Demo-Atbalsts-2026";

std::string cookie_token(const Answer& a) {
  const std::string c = a.header("Set-Cookie");
  const size_t eq = c.find('='), semi = c.find(';');
  return c.substr(eq + 1, semi - eq - 1);
}

std::string login_body(const std::string& user, const std::string& password) {
  return nlohmann::json{{"username", user}, {"password", password}}.dump();
}

class LoginTest : public ::testing::TestWithParam<storage::Engine> {
 protected:
  test::AppFixture f_{GetParam()};

  // Password step for anna; returns the session (token, csrf).
  As password_step(const std::string& user = "anna") {
    Answer a = f_.call(Method::post, "/api/v1/session", {}, login_body(user, kDemoPassword));
    EXPECT_EQ(a.status, 200) << a.body.dump();
    return As{cookie_token(a), a.body.value("csrf_token", "")};
  }

  // Enrols anna's authenticator; returns the complete session and the raw secret.
  std::pair<As, std::string> enrol() {
    As s = password_step();
    Answer e = f_.call(Method::post, "/api/v1/session/enrollment", s, "{}");
    EXPECT_EQ(e.status, 200) << e.body.dump();
    const std::string secret = *crypto::base32_decode(e.body["secret"].get<std::string>());
    const std::string code = access::totp_code(secret, std::time(nullptr));
    Answer done = f_.call(Method::post, "/api/v1/session/enrollment/confirm", s,
                          nlohmann::json{{"code", code}}.dump());
    EXPECT_EQ(done.status, 200) << done.body.dump();
    EXPECT_EQ(done.body["recovery_codes"].size(), 10u);
    recovery_ = done.body["recovery_codes"][0];
    return {As{cookie_token(done), done.body["csrf_token"]}, secret};
  }

  std::string recovery_;
};

TEST_P(LoginTest, UnknownUserAndWrongPasswordLookTheSame) {
  Answer unknown = f_.call(Method::post, "/api/v1/session", {}, login_body("nav-tada", kDemoPassword));
  Answer wrong = f_.call(Method::post, "/api/v1/session", {}, login_body("anna", "Wrong-password-123"));
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.status, 401);
  unknown.body.erase("request_id");
  wrong.body.erase("request_id");
  EXPECT_EQ(unknown.body, wrong.body);
  EXPECT_EQ(wrong.body["detail"], "Nepareizs lietotājvārds vai parole.");
  auto failed = f_.db().read([](storage::Connection& c) {
    return c.query("SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed'");
  });
  EXPECT_EQ((*failed)[0].integer(0), 2);
}

TEST_P(LoginTest, EnrolmentThenTotpWithoutReuseThenRecoveryCodeOnce) {
  auto [session, secret] = enrol();
  Answer me = f_.call(Method::get, "/api/v1/session", session);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.body["user"]["username"], "anna");
  EXPECT_EQ(me.body["user"]["roles"][0], "social_worker");
  EXPECT_EQ(me.body["user"]["teams"][0]["name"]["lv"], "Darbs ar ģimenēm ar bērniem");
  EXPECT_EQ(f_.call(Method::del, "/api/v1/session", session).status, 204);
  EXPECT_EQ(f_.call(Method::get, "/api/v1/session", session).status, 401);

  // The code of this step was used for enrolment: it may not log in again.
  As second = password_step();
  const std::string used = access::totp_code(secret, std::time(nullptr));
  Answer replay = f_.call(Method::post, "/api/v1/session/totp", second, nlohmann::json{{"code", used}}.dump());
  EXPECT_EQ(replay.status, 401);
  EXPECT_EQ(f_.call(Method::get, "/api/v1/users", second).status, 401);  // still half-way
  Answer recovered = f_.call(Method::post, "/api/v1/session/totp", second,
                             nlohmann::json{{"recovery_code", recovery_}}.dump());
  ASSERT_EQ(recovered.status, 200) << recovered.body.dump();
  EXPECT_NE(cookie_token(recovered), second.session_token);  // new secret after the second factor
  EXPECT_EQ(f_.call(Method::get, "/api/v1/session", second).status, 401);  // the old one is void

  As third = password_step();
  Answer again = f_.call(Method::post, "/api/v1/session/totp", third,
                         nlohmann::json{{"recovery_code", recovery_}}.dump());
  EXPECT_EQ(again.status, 401);
}

TEST_P(LoginTest, ThrottlingRefusesEvenTheRightPasswordWithRetryAfter) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(f_.call(Method::post, "/api/v1/session", {}, login_body("ilze", "Wrong-password-123")).status, 401);
  }
  Answer locked = f_.call(Method::post, "/api/v1/session", {}, login_body("ilze", kDemoPassword));
  EXPECT_EQ(locked.status, 429);
  EXPECT_GT(std::stoi(locked.header("Retry-After")), 0);
  // Unknown names lock the same way: the throttle does not reveal who exists.
  for (int i = 0; i < 5; ++i) (void)f_.call(Method::post, "/api/v1/session", {}, login_body("ghost", "Wrong-password-123"));
  EXPECT_EQ(f_.call(Method::post, "/api/v1/session", {}, login_body("ghost", kDemoPassword)).status, 429);
}

TEST_P(LoginTest, WrongCodesLockTheSecondFactorToo) {
  auto [session, secret] = enrol();
  ASSERT_EQ(f_.call(Method::del, "/api/v1/session", session).status, 204);
  As half = password_step();
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(f_.call(Method::post, "/api/v1/session/totp", half, R"({"code":"000000"})").status, 401);
  }
  // Guessing stops: even the right code (of the next step, never used) is refused while locked.
  const std::string next = access::totp_code(secret, std::time(nullptr) + 30);
  Answer locked = f_.call(Method::post, "/api/v1/session/totp", half, nlohmann::json{{"code", next}}.dump());
  EXPECT_EQ(locked.status, 429);
  EXPECT_GT(std::stoi(locked.header("Retry-After")), 0);
}

TEST_P(LoginTest, StateChangesNeedTheCsrfToken) {
  test::TestUser admin = f_.user("adm2", {access::Role::admin});
  As no_csrf{admin.session_token, "", ""};
  EXPECT_EQ(f_.call(Method::del, "/api/v1/session", no_csrf).status, 403);
  As forged{admin.session_token, "forged-token", ""};
  EXPECT_EQ(f_.call(Method::post, "/api/v1/users/1/reset-2fa", forged, "{}").status, 403);
  EXPECT_EQ(f_.call(Method::get, "/api/v1/users", no_csrf).status, 200);  // reads need none
}

TEST_P(LoginTest, IdleAndExpiredSessionsEnd) {
  test::TestUser u = f_.user("idle", {access::Role::admin});
  As as{u.session_token, u.csrf, ""};
  EXPECT_EQ(f_.call(Method::get, "/api/v1/session", as).status, 200);
  ASSERT_TRUE(f_.db().write([&](storage::Connection& c) {
    return c.execute("UPDATE user_session SET last_seen_at = '2026-01-01T00:00:00.000Z' WHERE user_id = ?",
                     storage::params(u.id));
  }));
  Answer ended = f_.call(Method::get, "/api/v1/session", as);
  EXPECT_EQ(ended.status, 401);
  EXPECT_EQ(ended.body["detail"], "Sesija ir beigusies. Piesakieties vēlreiz.");
}

TEST_P(LoginTest, TokensWorkUntilTheUserIsDisabledAndNeverManageUsers) {
  test::TestUser admin = f_.user("tokenadmin", {access::Role::admin});
  test::TestUser other = f_.user("tokenuser", {access::Role::director});
  const std::string token = f_.token_for(other);
  EXPECT_EQ(f_.call(Method::get, "/api/v1/session", As{"", "", token}).status, 200);
  const std::string admin_token = f_.token_for(admin);
  EXPECT_EQ(f_.call(Method::get, "/api/v1/users", As{"", "", admin_token}).status, 403);
  Answer disabled = f_.call(Method::patch, "/api/v1/users/" + std::to_string(other.id),
                            As{admin.session_token, admin.csrf, ""}, R"({"disabled":true})");
  ASSERT_EQ(disabled.status, 200) << disabled.body.dump();
  EXPECT_EQ(f_.call(Method::get, "/api/v1/session", As{"", "", token}).status, 401);
  EXPECT_EQ(f_.call(Method::get, "/api/v1/session", As{"", "", "atb_forged"}).status, 401);
}

TEST_P(LoginTest, AnAdminCannotChangeHerOwnRoles) {
  test::TestUser admin = f_.user("selfadmin", {access::Role::admin});
  As as{admin.session_token, admin.csrf, ""};
  Answer r = f_.call(Method::patch, "/api/v1/users/" + std::to_string(admin.id), as,
                     R"({"roles":["admin","auditor"]})");
  EXPECT_EQ(r.status, 403);
  auto roles = f_.db().read([&](storage::Connection& c) {
    return c.query("SELECT COUNT(*) FROM user_role WHERE user_id = ?", storage::params(admin.id));
  });
  EXPECT_EQ((*roles)[0].integer(0), 1);
  auto denied = f_.db().read([](storage::Connection& c) {
    return c.query("SELECT COUNT(*) FROM audit_log WHERE action = 'permission_change' AND reason LIKE 'denied%'");
  });
  EXPECT_EQ((*denied)[0].integer(0), 1);
  // Her own name she may change.
  EXPECT_EQ(f_.call(Method::patch, "/api/v1/users/" + std::to_string(admin.id), as,
                    R"({"full_name":"Edgars Ozols-Kalns"})").status, 200);
}

TEST_P(LoginTest, CreatingUsersValidatesEveryField) {
  test::TestUser admin = f_.user("creator", {access::Role::admin});
  As as{admin.session_token, admin.csrf, "", "en"};
  Answer weak = f_.call(Method::post, "/api/v1/users", as,
                        R"({"username":"new.user","full_name":"Jauns","password":"password1234","roles":["social_worker"]})");
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(weak.body["errors"][0]["field"], "password");
  Answer role = f_.call(Method::post, "/api/v1/users", as,
                        R"({"username":"new.user","full_name":"Jauns","password":"Zilā-jūra-2026!","roles":["root"]})");
  EXPECT_EQ(role.body["errors"][0]["field"], "roles");
  Answer team = f_.call(Method::post, "/api/v1/users", as,
                        R"({"username":"new.user","full_name":"Jauns","password":"Zilā-jūra-2026!","roles":["social_worker"],"team_ids":[999]})");
  EXPECT_EQ(team.body["errors"][0]["field"], "team_ids");
  Answer ok = f_.call(Method::post, "/api/v1/users", as,
                      R"({"username":"new.user","full_name":"Jauns Lietotājs","password":"Zilā-jūra-2026!","roles":["social_worker"],"team_ids":[3]})");
  ASSERT_EQ(ok.status, 201) << ok.body.dump();
  EXPECT_EQ(ok.body["team_ids"][0], 3);
  Answer dup = f_.call(Method::post, "/api/v1/users", as,
                       R"({"username":"new.user","full_name":"X","password":"Zilā-jūra-2026!","roles":["social_worker"]})");
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.body["errors"][0]["field"], "username");
}

INSTANTIATE_TEST_SUITE_P(Engines, LoginTest, ::testing::ValuesIn(test::all_engines()),
                         [](const auto& info) { return test::engine_param_name(info.param); });

}  // namespace
}  // namespace atb
