#include "access/login.h"

#include <algorithm>

#include "access/totp.h"
#include "access/user_store.h"
#include "audit/store.h"
#include "core/crypto.h"
#include "core/time.h"

namespace atb::access {
namespace {

Error wrong_credentials() {
  return Error{Errc::unauthenticated,
               {"Nepareizs lietotājvārds vai parole.", "Wrong user name or password."},
               {},
               {}};
}

Error wrong_code() {
  return Error{Errc::unauthenticated,
               {"Kods nav pareizs vai jau izmantots.", "The code is wrong or was already used."},
               {},
               {}};
}

Error throttled(std::int64_t seconds) {
  Error e{Errc::too_many,
          {"Pārāk daudz neveiksmīgu mēģinājumu. Mēģiniet vēlāk.",
           "Too many failed attempts. Try again later."},
          {},
          {}};
  e.retry_after_seconds = seconds;
  return e;
}

audit::Entry entry(const std::string& action, std::optional<std::int64_t> user_id,
                   const std::string& username, const std::string& outcome, const Origin& o) {
  audit::Entry e;
  e.user_id = user_id;
  e.username = username;
  e.action = action;
  e.entity_type = "user";
  e.entity_id = user_id ? std::to_string(*user_id) : username;
  e.outcome = outcome;
  e.request_id = o.request_id;
  e.remote = o.remote;
  return e;
}

}  // namespace

std::vector<std::string> new_recovery_codes() {
  std::vector<std::string> codes;
  for (int i = 0; i < 10; ++i) {
    std::string raw = crypto::base32_encode(crypto::random_bytes(8)).substr(0, 12);
    std::transform(raw.begin(), raw.end(), raw.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    codes.push_back(raw.substr(0, 4) + "-" + raw.substr(4, 4) + "-" + raw.substr(8, 4));
  }
  return codes;
}

std::string recovery_code_hash(const std::string& typed) {
  std::string norm;
  for (unsigned char c : typed) {
    if (std::isalnum(c)) norm += static_cast<char>(std::tolower(c));
  }
  return crypto::sha256_hex("recovery:" + norm);
}

LoginService::LoginService(std::shared_ptr<storage::Database> db, const PasswordPolicy& passwords,
                           const SecretBox& box, audit::AuditLog& audit, AuthSettings settings,
                           ThrottleRules throttle)
    : db_(std::move(db)), passwords_(passwords), box_(box), audit_(audit), settings_(settings),
      throttle_(throttle) {}

Result<void> LoginService::fail(const std::string& username, std::optional<std::int64_t> user_id,
                                const std::string& reason, const Origin& origin) {
  const TimePoint now = std::chrono::system_clock::now();
  return db_->write([&](storage::Connection& c) -> Result<void> {
    for (const auto& [key, limit] : {std::pair{account_key(username), throttle_.account_failures},
                                     std::pair{address_key(origin.remote), throttle_.address_failures}}) {
      ATB_TRY_ASSIGN(state, load_throttle(c, key));
      ATB_TRY(save_throttle(c, key, after_failure(state, now, limit, throttle_)));
    }
    std::vector<audit::Entry> entries{entry("login_failed", user_id, username, "failed", origin)};
    entries[0].reason = reason;
    return audit::append(c, entries);
  });
}

Result<std::int64_t> LoginService::lock_wait(storage::Connection& c, const std::string& username,
                                             const std::string& remote) {
  const TimePoint now = std::chrono::system_clock::now();
  ATB_TRY_ASSIGN(account, load_throttle(c, account_key(username)));
  ATB_TRY_ASSIGN(address, load_throttle(c, address_key(remote)));
  return std::max(seconds_locked(account, now), seconds_locked(address, now));
}

Result<void> LoginService::refuse_if_locked(const std::string& username,
                                            std::optional<std::int64_t> user_id, const Origin& origin) {
  ATB_TRY_ASSIGN(wait, db_->read([&](storage::Connection& c) { return lock_wait(c, username, origin.remote); }));
  if (wait == 0) return ok();
  ATB_TRY(audit_.record(entry("login_failed", user_id, username, "throttled", origin)));
  return throttled(wait);
}

Result<IssuedSession> LoginService::password_step(const std::string& username,
                                                  const std::string& password, const Origin& origin) {
  const TimePoint now = std::chrono::system_clock::now();
  ATB_TRY_ASSIGN(record, db_->read([&](storage::Connection& c) { return find_login(c, username); }));
  ATB_TRY(refuse_if_locked(username, record ? std::optional(record->id) : std::nullopt, origin));
  // The same argon2id work whether or not the user exists.
  const bool match = verify_password(record ? record->password_hash : decoy_hash(), password);
  if (!record || !match || record->disabled) {
    ATB_TRY(fail(username, record ? std::optional(record->id) : std::nullopt,
                 !record ? "unknown user" : record->disabled ? "disabled" : "password", origin));
    return wrong_credentials();
  }
  IssuedSession issued;
  issued.token = crypto::random_token();
  SessionRecord& s = issued.record;
  s.user_id = record->id;
  s.stage = record->totp_enabled ? "totp" : "enroll";
  s.csrf_token = crypto::random_token();
  s.created_at = s.last_seen_at = iso_utc(now);
  s.expires_at = iso_utc(now + settings_.absolute);
  s.remote = origin.remote;
  s.user_agent = origin.user_agent.substr(0, 300);
  auto made = db_->write([&](storage::Connection& c) -> Result<std::int64_t> {
    ATB_TRY(clear_throttle(c, account_key(username)));
    ATB_TRY_ASSIGN(id, insert_session(c, secret_hash(issued.token), s));
    std::vector<audit::Entry> entries{entry("login_password", record->id, username, "ok", origin)};
    ATB_TRY(audit::append(c, entries));
    return id;
  });
  if (!made) return std::move(made).error();
  s.id = *made;
  return issued;
}

Result<IssuedSession> LoginService::promote(const Authenticated& who, const std::string& action,
                                            const Origin& origin) {
  IssuedSession issued;
  issued.token = crypto::random_token();
  issued.record = *who.session;
  issued.record.stage = "complete";
  ATB_TRY(db_->write([&](storage::Connection& c) -> Result<void> {
    // A new secret at the change of privilege: a token seen before the second factor is useless.
    ATB_TRY(c.execute("UPDATE user_session SET token_hash = ?, stage = 'complete', pending_secret = NULL"
                      " WHERE id = ?",
                      storage::params(secret_hash(issued.token), who.session->id)));
    std::vector<audit::Entry> entries{
        entry(action, who.principal.user_id, who.principal.username, "ok", origin)};
    entries[0].role = who.principal.roles_text();
    return audit::append(c, entries);
  }));
  return issued;
}

Result<IssuedSession> LoginService::second_factor(const Authenticated& who, const std::string& code,
                                                  const std::string& recovery_code,
                                                  const Origin& origin) {
  if (!who.session || who.session->stage != "totp") {
    return Error{Errc::conflict, {"Šajā solī kods nav vajadzīgs.", "No code is expected at this step."}, {}, {}};
  }
  const Principal& p = who.principal;
  ATB_TRY(refuse_if_locked(p.username, p.user_id, origin));
  auto accepted = db_->write([&](storage::Connection& c) -> Result<bool> {
    if (!recovery_code.empty()) return use_recovery_code(c, p.user_id, recovery_code_hash(recovery_code));
    ATB_TRY_ASSIGN(record, find_login(c, p.username));
    if (!record || !record->totp_secret_sealed) return false;
    const auto secret = box_.open(*record->totp_secret_sealed);
    if (!secret) return Error::internal("the TOTP secret cannot be opened with this key file");
    const auto step = verify_totp(*secret, code, std::time(nullptr), record->totp_last_step);
    if (!step) return false;
    return claim_totp_step(c, p.user_id, *step);
  });
  if (!accepted) return std::move(accepted).error();
  if (!*accepted) {
    ATB_TRY(fail(p.username, p.user_id, recovery_code.empty() ? "totp" : "recovery code", origin));
    return wrong_code();
  }
  return promote(who, recovery_code.empty() ? "login" : "login_recovery_code", origin);
}

Result<Enrollment> LoginService::start_enrollment(const Authenticated& who) {
  if (!who.session || who.session->stage != "enroll") {
    return Error{Errc::conflict, {"Autentifikators jau ir piesaistīts.", "An authenticator is already enrolled."}, {}, {}};
  }
  const std::string secret = new_totp_secret();
  ATB_TRY(db_->write([&](storage::Connection& c) {
    return set_pending_secret(c, who.session->id, box_.seal(secret));
  }));
  Enrollment e;
  e.secret_base32 = crypto::base32_encode(secret);
  e.otpauth_uri = otpauth_uri("Atbalsts", who.principal.username, secret);
  e.qr_svg = qr_svg(e.otpauth_uri);
  return e;
}

Result<std::pair<IssuedSession, std::vector<std::string>>> LoginService::confirm_enrollment(
    const Authenticated& who, const std::string& code, const Origin& origin) {
  if (!who.session || who.session->stage != "enroll" || !who.session->pending_secret) {
    return Error{Errc::conflict, {"Vispirms sāciet piesaisti.", "Start the enrolment first."}, {}, {}};
  }
  ATB_TRY(refuse_if_locked(who.principal.username, who.principal.user_id, origin));
  const auto secret = box_.open(*who.session->pending_secret);
  if (!secret) return Error::internal("the pending TOTP secret cannot be opened");
  const auto step = verify_totp(*secret, code, std::time(nullptr), 0);
  if (!step) {
    ATB_TRY(fail(who.principal.username, who.principal.user_id, "enrolment code", origin));
    return wrong_code();
  }
  std::vector<std::string> codes = new_recovery_codes();
  ATB_TRY(db_->write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(set_totp(c, who.principal.user_id, *who.session->pending_secret));
    ATB_TRY(claim_totp_step(c, who.principal.user_id, *step));
    std::vector<std::string> hashes;
    for (const std::string& rc : codes) hashes.push_back(recovery_code_hash(rc));
    return replace_recovery_codes(c, who.principal.user_id, hashes);
  }));
  ATB_TRY_ASSIGN(issued, promote(who, "totp_enrolled", origin));
  return std::pair{std::move(issued), std::move(codes)};
}

Result<void> LoginService::logout(const Authenticated& who, const Origin& origin) {
  if (!who.session) return ok();
  return db_->write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(end_session(c, who.session->id, now_utc_iso()));
    std::vector<audit::Entry> entries{
        entry("logout", who.principal.user_id, who.principal.username, "ok", origin)};
    entries[0].role = who.principal.roles_text();
    return audit::append(c, entries);
  });
}

}  // namespace atb::access
