// In-app notifications: each user reads and marks only her own.
#include <nlohmann/json.hpp>

#include "cases/intake_store.h"
#include "cases/routes.h"
#include "cases/routes_json.h"
#include "core/time.h"
#include "http/json_body.h"

namespace atb::cases {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const Text kNoNotification{"Paziņojums nav atrasts.", "No such notification."};

Result<Response> list(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(paging, http::paging(req));
  const std::string unread = req.query("unread").value_or("");
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) {
    return list_notifications(c, p.user_id, unread == "1" || unread == "true", paging.page, paging.page_size);
  }));
  json items = json::array();
  for (const Notification& n : found.items) items.push_back(to_json(n));
  return Response::json({{"items", items}, {"total", found.total}, {"unread", found.unread}, {"page", paging.page},
                         {"page_size", paging.page_size}});
}

Result<Response> mark(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoNotification));
  ATB_TRY_ASSIGN(found, cc.access.db->write([&](storage::Connection& c) { return mark_read(c, p.user_id, id, now_utc_iso()); }));
  if (!found) return Error{Errc::not_found, kNoNotification, {}, {}};
  return Response::empty(204);
}

}  // namespace

void add_notification_routes(http::Router& router, const CaseContext& cc) {
  router.add(Method::get, "/api/v1/notifications", handler(cc, list),
             {.summary = "The caller's own notifications, newest first (unread=1: only unread).", .tag = "cases",
              .authenticated = true});
  router.add(Method::post, "/api/v1/notifications/{id}/read", handler(cc, mark),
             {.summary = "Mark one of the caller's notifications read.", .tag = "cases", .authenticated = true,
              .success_status = 204});
}

}  // namespace atb::cases
