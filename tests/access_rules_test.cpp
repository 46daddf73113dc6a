// Access rules without I/O: passwords, TOTP, throttling and the policy.
#include <gtest/gtest.h>

#include "access/password.h"
#include "access/policy.h"
#include "access/throttle.h"
#include "access/totp.h"
#include "access/user_rules.h"
#include "core/crypto.h"
#include "core/secret_box.h"

namespace atb::access {
namespace {

TEST(Passwords, PackagedCommonListIsLoadedAndRefused) {
  auto policy = PasswordPolicy::load("/usr/share/john/password.lst");
  ASSERT_TRUE(policy) << policy.error().detail;
  EXPECT_GE(policy->common_count(), 3000u);
  auto p = PasswordPolicy::with_list({"correcthorsebatterystaple"});
  auto common = p.check("CorrectHorseBatteryStaple", "anna");
  ASSERT_FALSE(common);
  EXPECT_EQ(common.error().fields[0].field, "password");
  EXPECT_FALSE(p.check("short-pass1", "anna"));                  // 11 characters
  EXPECT_TRUE(p.check("Ābeļziedi-pļavā-42", "anna"));            // 18 letters, 21 bytes
  EXPECT_FALSE(p.check(std::string(129, 'x') + "y", "anna"));   // too long
  EXPECT_FALSE(p.check("my-anna-password", "anna"));             // contains the user name
  EXPECT_FALSE(p.check("aaaaaaaaaaaaaaaa", "zz"));               // one repeated character
  auto list = PasswordPolicy::with_list({"password", "dragon"});
  EXPECT_FALSE(list.check("Password1234!", "anna"));             // common word, padded
  EXPECT_FALSE(list.check("2026dragondragon", "anna"));          // repeated after padding
  EXPECT_TRUE(list.check("dragon-fruit-salad", "anna"));
}

TEST(Passwords, Argon2idHashesVerifyOnlyTheirPassword) {
  const std::string hash = hash_password("Ābeļziedi-pļavā-42");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_NE(hash.find("m=19456,t=2"), std::string::npos);
  EXPECT_TRUE(verify_password(hash, "Ābeļziedi-pļavā-42"));
  EXPECT_FALSE(verify_password(hash, "Ābeļziedi-pļavā-43"));
  EXPECT_FALSE(verify_password(decoy_hash(), "anything"));
}

TEST(Totp, Rfc6238VectorsAndNoReuse) {
  const std::string secret = "12345678901234567890";  // RFC 6238 SHA-1 test key
  EXPECT_EQ(totp_code(secret, 59), "287082");
  EXPECT_EQ(totp_code(secret, 1111111109), "081804");
  const std::time_t now = 1111111109;
  auto step = verify_totp(secret, "081804", now, 0);
  ASSERT_TRUE(step);
  EXPECT_EQ(*step, 1111111109 / 30);
  EXPECT_FALSE(verify_totp(secret, "081804", now, *step));         // used already
  EXPECT_TRUE(verify_totp(secret, totp_code(secret, now - 30), now, 0));  // one step of drift
  EXPECT_FALSE(verify_totp(secret, totp_code(secret, now - 90), now, 0));
  EXPECT_FALSE(verify_totp(secret, "08180a", now, 0));
  EXPECT_FALSE(verify_totp(secret, "", now, 0));
}

TEST(Totp, EnrolmentUriAndQrCode) {
  const std::string uri = otpauth_uri("Atbalsts", "anna", "12345678901234567890");
  EXPECT_EQ(uri, "otpauth://totp/Atbalsts:anna?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                 "&issuer=Atbalsts&algorithm=SHA1&digits=6&period=30");
  const std::string svg = qr_svg(uri);
  EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
  EXPECT_NE(svg.find("<path d=\"M"), std::string::npos);
}

TEST(Throttle, LocksAfterTheLimitWithinTheWindow) {
  ThrottleRules rules;
  const TimePoint t0 = std::chrono::system_clock::now();
  std::optional<ThrottleState> s;
  for (int i = 0; i < 4; ++i) s = after_failure(s, t0 + std::chrono::seconds(i), 5, rules);
  EXPECT_EQ(seconds_locked(s, t0 + std::chrono::seconds(5)), 0);
  s = after_failure(s, t0 + std::chrono::seconds(5), 5, rules);
  EXPECT_EQ(seconds_locked(s, t0 + std::chrono::seconds(5)), 15 * 60);
  EXPECT_EQ(seconds_locked(s, t0 + std::chrono::seconds(5) + rules.lock), 0);
  // A failure after the window starts counting again.
  auto fresh = after_failure(s, t0 + rules.window + std::chrono::hours(1), 5, rules);
  EXPECT_EQ(fresh.failures, 1);
}

TEST(SecretBox, SealsAndRefusesAlteredBoxesAndOtherKeys) {
  const SecretBox a = SecretBox::from_key(crypto::random_bytes(32));
  const SecretBox b = SecretBox::from_key(crypto::random_bytes(32));
  const std::string sealed = a.seal("noslēpums");
  EXPECT_EQ(a.open(sealed), std::optional<std::string>("noslēpums"));
  EXPECT_FALSE(b.open(sealed));
  std::string altered = sealed;
  altered[10] = altered[10] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(a.open(altered));
}

TEST(UserRules, UsernamesEmailsAndRoles) {
  EXPECT_TRUE(check_username("anna.berzina"));
  EXPECT_FALSE(check_username("Anna"));
  EXPECT_FALSE(check_username("an"));
  EXPECT_FALSE(check_username("1anna"));
  EXPECT_FALSE(check_username("anna berzina"));
  EXPECT_TRUE(check_email("anna@liepaja.lv"));
  EXPECT_FALSE(check_email("anna@liepaja"));
  EXPECT_FALSE(check_email("an na@liepaja.lv"));
  EXPECT_TRUE(check_partner_institution({Role::partner}, 7));
  EXPECT_TRUE(check_partner_institution({Role::social_worker}, std::nullopt));
  const auto loose = check_partner_institution({Role::social_worker, Role::partner}, std::nullopt);
  ASSERT_FALSE(loose);
  EXPECT_EQ(loose.error().fields[0].field, "partner_id");
  EXPECT_TRUE(parse_roles({"social_worker", "supervisor"}));
  EXPECT_FALSE(parse_roles({}));
  EXPECT_FALSE(parse_roles({"root"}));
  EXPECT_FALSE(parse_roles({"admin", "admin"}));
}

// --- The policy as a table: role × relation to the record → access. ---

Principal principal(Role role) {
  Principal p;
  p.user_id = 10;
  p.municipality_id = 1;
  p.roles = {role};
  p.team_ids = {3};
  p.department_ids = {30};
  if (role == Role::partner) p.partner_id = 7;
  return p;
}

RecordScope scope(bool assigned, bool same_team, bool same_department, bool referred = false,
                  std::int64_t municipality = 1) {
  RecordScope s;
  s.municipality_id = municipality;
  s.team_id = same_team ? 3 : 4;
  s.department_id = same_department ? 30 : 31;
  if (assigned) s.assigned_user_ids = {10};
  if (referred) s.partner_ids = {7};
  return s;
}

struct PolicyRow {
  Role role;
  RecordScope scope;
  Access expected;
  const char* what;
};

TEST(Policy, RecordAccessByRoleAndScope) {
  const std::vector<PolicyRow> table = {
      {Role::social_worker, scope(true, true, true), Access::change, "assigned"},
      {Role::social_worker, scope(false, true, true), Access::read, "team's case"},
      {Role::social_worker, scope(false, false, true), Access::none, "other team"},
      {Role::supervisor, scope(false, true, true), Access::change, "her team"},
      {Role::supervisor, scope(false, false, true), Access::none, "other team"},
      {Role::department_head, scope(false, false, true), Access::change, "her department"},
      {Role::department_head, scope(false, false, false), Access::none, "other department"},
      {Role::director, scope(false, false, false), Access::read, "municipality"},
      {Role::director, scope(false, false, false, false, 2), Access::none, "other municipality"},
      {Role::benefits_officer, scope(false, true, true), Access::none, "case, not assistance"},
      {Role::partner, scope(false, false, false, true), Access::read, "referred to her"},
      {Role::partner, scope(false, false, false, false), Access::none, "not referred"},
      {Role::admin, scope(true, true, true), Access::none, "admin sees no client data"},
      {Role::auditor, scope(true, true, true), Access::none, "auditor sees no client data"},
  };
  for (const PolicyRow& row : table) {
    EXPECT_EQ(record_access(principal(row.role), row.scope), row.expected)
        << role_name(row.role) << ": " << row.what;
  }
  RecordScope assistance = scope(false, false, false);
  assistance.assistance_record = true;
  EXPECT_EQ(record_access(principal(Role::benefits_officer), assistance), Access::change);
  EXPECT_FALSE(may_see_field(principal(Role::benefits_officer), assistance, FieldClass::sensitive));
}

TEST(Policy, PartnersSeeOnlyShareableFields) {
  const Principal p = principal(Role::partner);
  const RecordScope s = scope(false, false, false, true);
  EXPECT_TRUE(may_see_field(p, s, FieldClass::shareable));
  EXPECT_FALSE(may_see_field(p, s, FieldClass::basic));
  EXPECT_FALSE(may_see_field(p, s, FieldClass::sensitive));
  EXPECT_TRUE(may_see_field(principal(Role::social_worker), scope(true, true, true), FieldClass::sensitive));
}

TEST(Policy, BreakGlassGivesStaffReadOnlyNeverPartners) {
  EXPECT_EQ(with_break_glass(principal(Role::social_worker), Access::none, true), Access::read);
  EXPECT_EQ(with_break_glass(principal(Role::social_worker), Access::none, false), Access::none);
  EXPECT_EQ(with_break_glass(principal(Role::partner), Access::none, true), Access::none);
  EXPECT_EQ(with_break_glass(principal(Role::supervisor), Access::change, true), Access::change);
}

TEST(Policy, AdministrationRules) {
  Principal admin = principal(Role::admin);
  EXPECT_TRUE(may_manage_users(admin));
  EXPECT_FALSE(may_change_roles_of(admin, admin.user_id));
  EXPECT_TRUE(may_change_roles_of(admin, admin.user_id + 1));
  admin.via_token = true;
  EXPECT_FALSE(may_manage_users(admin));
  EXPECT_FALSE(may_manage_users(principal(Role::director)));
  EXPECT_TRUE(may_read_audit(principal(Role::auditor)));
  EXPECT_FALSE(may_read_audit(principal(Role::admin)));
  EXPECT_TRUE(may_see_record_audit(principal(Role::supervisor)));
  EXPECT_FALSE(may_see_record_audit(principal(Role::social_worker)));
}

}  // namespace
}  // namespace atb::access
