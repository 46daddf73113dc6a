#include "services/routes_common.h"

#include <algorithm>

#include "access/record_scope.h"
#include "cases/routes_common.h"
#include "http/json_body.h"
#include "services/rules.h"
#include "services/store.h"

namespace atb::services {

Result<Service> open_service(storage::Connection& c, const access::Principal& p, std::int64_t id) {
  ATB_TRY_ASSIGN(found, load_service(c, id));
  if (!found || found->municipality_id != p.municipality_id) {
    return Error{Errc::not_found, kNoService, {}, {}};
  }
  return std::move(*found);
}

Result<OpenedReferral> open_referral(storage::Connection& c, const access::Principal& p,
                                     std::int64_t id, access::Access need) {
  const Error missing{Errc::not_found, {"Nosūtījums nav atrasts.", "No such referral."}, {}, {}};
  ATB_TRY_ASSIGN(found, load_referral(c, id));
  if (!found) return missing;
  auto kase = cases::open_case(c, p, found->case_id, need);
  if (!kase) {
    if (kase.error().code == Errc::not_found) return missing;
    return kase.error();
  }
  return OpenedReferral{std::move(*found), std::move(*kase)};
}

Result<std::optional<int>> waiting_position(storage::Connection& c, const Referral& r) {
  if (r.state != "waiting" || !r.priority || !r.waiting_since) return std::optional<int>{};
  ATB_TRY_ASSIGN(ahead, waiting_ahead(c, r.service_id, *r.priority, *r.waiting_since, r.id));
  return std::optional(ahead + 1);
}

bool is_referral_entity(std::string_view type) {
  return type == "referral" || type == "housing_stay" || type == "mentor_pairing" || type == "mobile_stop";
}

Result<void> may_see_entity_audit(storage::Connection& c, const access::Principal& p,
                                  std::string_view type, std::string_view id) {
  const Error none{Errc::not_found, {"Ieraksts nav atrasts.", "No such record."}, {}, {}};
  const auto n = http::path_id(id);
  if (!n || !is_referral_entity(type)) return none;
  std::int64_t referral_id = *n;
  if (type != "referral") {
    // A stay, a pairing or a stop belongs to one referral; its case decides.
    ATB_TRY_ASSIGN(rows, c.query("SELECT referral_id FROM " + std::string(type) + " WHERE id = ?",
                                 storage::params(*n)));
    if (rows.empty()) return none;
    referral_id = rows[0].integer(0);
  }
  ATB_TRY(open_referral(c, p, referral_id, access::Access::read));
  return ok();
}

Result<void> audit_partner_denied(const access::Context& ctx, const http::Request& req,
                                  const access::Principal& p) {
  if (!p.has(access::Role::partner) || req.param("id").empty()) return ok();
  const std::string_view path = req.path;
  const char* type = path.starts_with("/api/v1/referrals/")  ? "referral"
                     : path.starts_with("/api/v1/cases/")    ? "case"
                     : path.starts_with("/api/v1/services/") ? "service"
                                                             : nullptr;
  if (type == nullptr) return ok();
  const char* action = req.method == http::Method::get ? "read" : "change";
  return access::audit_denied(ctx, p, req, action, type, std::string(req.param("id")),
                              "partner: not referred (" + req.path + ")");
}

Error stale() {
  return Error{Errc::conflict,
               {"Ierakstu pa to laiku mainīja kāds cits; atveriet to no jauna.",
                "Someone else changed the record meanwhile; open it again."},
               {},
               {}};
}

Result<std::int64_t> version_query(const http::Request& req) {
  const auto text = req.query("version");
  const auto version = text ? http::path_id(*text) : std::nullopt;
  if (!version) {
    return Error::invalid_field("version", {"Norādiet ieraksta versiju (?version=).",
                                            "Give the record's version (?version=)."});
  }
  return *version;
}

}  // namespace atb::services
