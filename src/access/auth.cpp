#include "access/auth.h"

#include "access/user_store.h"
#include "core/crypto.h"
#include "core/time.h"

namespace atb::access {
namespace {

Error unauthenticated(Text why) { return Error{Errc::unauthenticated, std::move(why), {}, {}}; }

Error not_logged_in() {
  return unauthenticated({"Nepieciešams pieteikties.", "Please log in."});
}

}  // namespace

std::string secret_hash(const std::string& secret) { return crypto::sha256_hex(secret); }

Result<Authenticated> authenticate(storage::Database& db, const Credentials& cr,
                                   const AuthSettings& settings, bool allow_partial) {
  const TimePoint now = std::chrono::system_clock::now();
  const std::string now_text = iso_utc(now);
  if (cr.bearer) {
    auto found = db.read([&](storage::Connection& c) {
      return load_token_principal(c, secret_hash(*cr.bearer), now_text);
    });
    if (!found) return std::move(found).error();
    if (!*found) return unauthenticated({"API marķieris nav derīgs.", "The API token is not valid."});
    Authenticated a{std::move(**found), std::nullopt};
    a.principal.via_token = true;
    return a;
  }
  if (!cr.session_token || cr.session_token->empty()) return not_logged_in();

  auto loaded = db.read([&](storage::Connection& c) -> Result<std::optional<Authenticated>> {
    ATB_TRY_ASSIGN(session, find_session(c, secret_hash(*cr.session_token)));
    if (!session) return std::optional<Authenticated>{};
    ATB_TRY_ASSIGN(principal, load_principal(c, session->user_id));
    if (!principal) return std::optional<Authenticated>{};
    return std::optional<Authenticated>(Authenticated{std::move(*principal), std::move(*session)});
  });
  if (!loaded) return std::move(loaded).error();
  if (!*loaded) return not_logged_in();
  Authenticated a = std::move(**loaded);
  SessionRecord& s = *a.session;

  const auto last_seen = parse_iso_utc(s.last_seen_at).value_or(TimePoint{});
  const auto expires = parse_iso_utc(s.expires_at).value_or(TimePoint{});
  if (now >= expires || now - last_seen >= settings.idle) {
    (void)db.write([&](storage::Connection& c) { return end_session(c, s.id, now_text); });
    return unauthenticated({"Sesija ir beigusies. Piesakieties vēlreiz.",
                            "The session has ended. Please log in again."});
  }
  if (cr.state_changing &&
      (!cr.csrf_header || !crypto::equal_constant_time(*cr.csrf_header, s.csrf_token))) {
    return Error{Errc::forbidden,
                 {"Pieprasījumam trūkst derīga CSRF marķiera.", "The request lacks a valid CSRF token."},
                 {},
                 {}};
  }
  if (s.stage != "complete" && !allow_partial) return not_logged_in();
  if (now - last_seen >= std::chrono::seconds(30)) {
    // Record activity at most twice a minute: the idle timeout needs no finer grain.
    ATB_TRY(db.write([&](storage::Connection& c) { return touch_session(c, s.id, now_text); }));
  }
  a.principal.session_id = s.id;
  a.principal.stage = s.stage;
  a.principal.csrf_token = s.csrf_token;
  return a;
}

}  // namespace atb::access
