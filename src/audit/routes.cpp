#include "audit/routes.h"

#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/policy.h"
#include "audit/log.h"
#include "audit/store.h"
#include "http/json_body.h"

namespace atb::audit {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

json entry_json(const StoredEntry& s) {
  const Entry& e = s.entry;
  return {{"seq", s.seq},
          {"at", e.at},
          {"user_id", e.user_id ? json(*e.user_id) : json(nullptr)},
          {"username", e.username},
          {"role", e.role},
          {"action", e.action},
          {"entity_type", e.entity_type},
          {"entity_id", e.entity_id},
          {"reason", e.reason},
          {"outcome", e.outcome},
          {"request_id", e.request_id},
          {"remote", e.remote}};
}

bool is_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

Result<Filter> filter_from(const Request& req) {
  Filter f;
  for (auto [name, target] : {std::pair{"user", &f.username}, std::pair{"action", &f.action},
                              std::pair{"entity_type", &f.entity_type}, std::pair{"entity_id", &f.entity_id},
                              std::pair{"from", &f.from}, std::pair{"to", &f.to}}) {
    *target = req.query(name).value_or("");
    if (target->size() > 100) {
      return Error::invalid_field(name, {"Vērtība ir par garu.", "The value is too long."});
    }
  }
  for (auto [name, value] : {std::pair{"from", f.from}, std::pair{"to", f.to}}) {
    if (!value.empty() && !is_date(value)) {
      return Error::invalid_field(name, {"Datumam jābūt formā GGGG-MM-DD.", "The date must be YYYY-MM-DD."});
    }
  }
  if (!f.from.empty() && !f.to.empty() && f.to < f.from) {
    return Error::invalid_field("to", {"Perioda beigas ir pirms sākuma.", "The period ends before it starts."});
  }
  return f;
}

Response page_json(const EntryPage& page, const http::Paging& p) {
  json items = json::array();
  for (const auto& s : page.items) items.push_back(entry_json(s));
  return Response::json({{"items", items}, {"total", page.total}, {"page", p.page}, {"page_size", p.page_size}});
}

/// One page of the entries `f` selects, once every entry recorded so far is in the chain (the
/// read journal drained), so a read made a moment ago is listed.
Result<EntryPage> read_entries(const access::Context& ctx, const Filter& f, const http::Paging& p) {
  ATB_TRY(ctx.audit->flush());
  return ctx.db->read([&](storage::Connection& c) { return find_entries(c, f, p.page, p.page_size); });
}

}  // namespace

void add_routes(http::Router& router, const access::Context& ctx, EntityAuditCheck check) {
  router.add(Method::get, "/api/v1/audit", [ctx](Request& req) {
    auto who = access::require_user(ctx, req);
    if (!who) return access::answer_error(who.error(), req);
    if (auto allowed = access::may_read_audit(who->principal); !allowed) {
      (void)access::audit_action(ctx, who->principal, req, "read", "audit_log", "*", "denied");
      return access::answer_error(allowed.error(), req);
    }
    auto filter = filter_from(req);
    if (!filter) return access::answer_error(filter.error(), req);
    auto paging = http::paging(req);
    if (!paging) return access::answer_error(paging.error(), req);
    auto page = read_entries(ctx, *filter, *paging);
    if (!page) return access::answer_error(page.error(), req);
    if (auto a = access::audit_action(ctx, who->principal, req, "read", "audit_log", "*"); !a) {
      return access::answer_error(a.error(), req);
    }
    return page_json(*page, *paging);
  }, {.summary = "The audit log with filters (auditor).", .tag = "audit", .authenticated = true});

  router.add(Method::get, "/api/v1/audit/entities/{type}/{id}", [ctx, check](Request& req) {
    auto who = access::require_user(ctx, req);
    if (!who) return access::answer_error(who.error(), req);
    if (auto allowed = access::may_see_record_audit(who->principal); !allowed) {
      return access::answer_error(allowed.error(), req);
    }
    Filter f;
    f.entity_type = std::string(req.param("type")).substr(0, 40);
    f.entity_id = std::string(req.param("id")).substr(0, 40);
    // Beyond the auditor, only for records in the caller's own scope.
    if (!who->principal.has(access::Role::auditor)) {
      auto in_scope = check ? check(who->principal, f.entity_type, f.entity_id)
                            : Result<void>(Error{Errc::not_found, {"Ieraksts nav atrasts.", "No such record."}, {}, {}});
      if (!in_scope) return access::answer_error(in_scope.error(), req);
    }
    auto paging = http::paging(req);
    if (!paging) return access::answer_error(paging.error(), req);
    auto page = read_entries(ctx, f, *paging);
    if (!page) return access::answer_error(page.error(), req);
    return page_json(*page, *paging);
  }, {.summary = "Who looked at this record (supervisors, heads, director, auditor).", .tag = "audit",
      .authenticated = true});
}

}  // namespace atb::audit
