// The register of mentors (docs/api-mentors.md): staff users and volunteers of the
// municipality who mentor young people, with the date of their training or agreement, whether
// they take mentees and how many at once. Seen by whoever sees the service catalogue (the case
// roles and administrators), changed by administrators and department heads
// (access::may_manage_services). A mentor's page names her mentees only where the caller may
// read their case. Lists, reads and changes are audited (entity types mentor, mentor_pairing).
// The pairings of a referral are in routes_mentor_pairings.cpp.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/record_scope.h"
#include "audit/store.h"
#include "core/time.h"
#include "http/json_body.h"
#include "registry/names.h"
#include "services/mentor_json.h"
#include "services/mentor_rules.h"
#include "services/mentor_store.h"
#include "services/routes.h"
#include "services/routes_common.h"

namespace atb::services {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const Text kNoMentor{"Mentors nav atrasts.", "No such mentor."};

constexpr const char* kMentorProperties =
    R"("kind":{"type":"string","enum":["staff","volunteer"]},"user_id":{"type":["integer","null"]},
   "name":{"type":["string","null"],"maxLength":200},"phone":{"type":["string","null"],"maxLength":40},
   "email":{"type":["string","null"],"maxLength":200},"trained_on":{"type":"string","format":"date"},
   "active":{"type":"boolean"},"max_mentees":{"type":"integer","minimum":1,"maximum":20})";

std::string mentor_schema(const char* required) {
  return std::string(R"({"type":"object","required":)") + required + R"(,"properties":{)" +
         kMentorProperties + R"(,"version":{"type":"integer"}}})";
}

// The mentor `id` of the caller's municipality; not_found otherwise.
Result<Mentor> open_mentor(storage::Connection& c, const access::Principal& p, std::int64_t id) {
  ATB_TRY_ASSIGN(found, load_mentor(c, id));
  if (!found || found->municipality_id != p.municipality_id) {
    return Error{Errc::not_found, kNoMentor, {}, {}};
  }
  return std::move(*found);
}

// The checks of a mentor that need the database: a staff mentor is an active staff user of the
// municipality (422 user_id) with no other entry in the register (409 user_id).
Result<void> check_staff(storage::Connection& c, const Mentor& m) {
  if (m.kind != "staff" || !m.user_id) return ok();
  ATB_TRY_ASSIGN(name, staff_name(c, m.municipality_id, *m.user_id));
  if (!name) {
    return Error::invalid_field("user_id",
                                {"Tāda aktīva darbinieka nav.", "No such active staff member."});
  }
  ATB_TRY_ASSIGN(taken, mentor_user_taken(c, *m.user_id, m.id));
  if (taken) {
    const Text why{"Šis darbinieks jau ir mentoru reģistrā.",
                   "This staff member is already in the register."};
    return Error{Errc::conflict, why, {{"user_id", why}}, {}};
  }
  return ok();
}

// The stored mentor as answered, with the audit entry of the change.
Result<json> changed(storage::Connection& c, const access::Principal& p, const Request& req,
                     std::int64_t id, const std::string& action) {
  ATB_TRY_ASSIGN(m, load_mentor(c, id));
  if (!m) return Error::internal("mentor vanished");
  std::vector<audit::Entry> entries{
      access::audit_entry(p, req, action, "mentor", std::to_string(id))};
  ATB_TRY(audit::append(c, entries));
  return to_json(*m);
}

Result<std::optional<bool>> active_query(const Request& req) {
  const auto text = req.query("active");
  if (!text || text->empty()) return std::optional<bool>{};
  if (*text == "true" || *text == "1") return std::optional(true);
  if (*text == "false" || *text == "0") return std::optional(false);
  return Error::invalid_field("active", {"Norādiet true vai false.", "Give true or false."});
}

Result<Response> list(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_see_services(p));
  ATB_TRY_ASSIGN(paging, http::paging(req));
  ATB_TRY_ASSIGN(active, active_query(req));
  ATB_TRY_ASSIGN(found, ctx.db->read([&](storage::Connection& c) {
    return list_mentors(c, p.municipality_id, active);
  }));
  // Latvian name order ("Ēriks" after "Edgars", before "F…"), then the id.
  std::sort(found.begin(), found.end(), [](const Mentor& a, const Mentor& b) {
    if (registry::collate_less(a.name, b.name)) return true;
    if (registry::collate_less(b.name, a.name)) return false;
    return a.id < b.id;
  });
  const std::size_t from = std::min(found.size(), static_cast<std::size_t>(paging.page - 1) *
                                                      static_cast<std::size_t>(paging.page_size));
  const std::size_t to = std::min(found.size(), from + static_cast<std::size_t>(paging.page_size));
  json items = json::array();
  std::vector<std::int64_t> ids;
  for (std::size_t n = from; n < to; ++n) {
    items.push_back(to_json(found[n]));
    ids.push_back(found[n].id);
  }
  if (!ids.empty()) ATB_TRY(access::audit_list(ctx, p, req, "mentor", ids));
  return Response::json({{"items", items},
                         {"total", found.size()},
                         {"page", paging.page},
                         {"page_size", paging.page_size}});
}

Result<Response> show(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_see_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoMentor));
  struct Found {
    Mentor m;
    std::vector<Mentee> mentees;
  };
  ATB_TRY_ASSIGN(found, ctx.db->read([&](storage::Connection& c) -> Result<Found> {
    Found f;
    ATB_TRY_ASSIGN_TO(f.m, open_mentor(c, p, id));
    ATB_TRY_ASSIGN_TO(f.mentees, mentor_mentees(c, id, access::case_visible_sql(p, "c")));
    return f;
  }));
  json out = to_json(found.m);
  out["mentees"] = json::array();
  std::vector<std::int64_t> shown;
  for (const Mentee& m : found.mentees) {
    out["mentees"].push_back(to_json(m));
    if (m.visible) shown.push_back(m.pairing_id);
  }
  ATB_TRY(access::audit_read(ctx, p, req, "mentor", std::to_string(id)));
  if (!shown.empty()) ATB_TRY(access::audit_list(ctx, p, req, "mentor_pairing", shown));
  return Response::json(out);
}

Result<Response> create(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_manage_services(p));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"kind", "user_id", "name", "phone", "email",
                                                    "trained_on", "active", "max_mentees"}));
  for (const char* field : {"kind", "trained_on"}) {
    if (!body.contains(field)) {
      return Error::invalid_field(field, {"Lauks ir obligāts.", "This field is required."});
    }
  }
  Mentor m;
  m.municipality_id = p.municipality_id;
  ATB_TRY(apply_mentor_body(body, m));
  ATB_TRY(check_mentor(m, today_riga()));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(check_staff(c, m));
    ATB_TRY_ASSIGN(id, insert_mentor(c, m, now_utc_iso()));
    return changed(c, p, req, id, "create");
  }));
  return Response::json(answer, 201);
}

Result<Response> update(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_manage_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoMentor));
  ATB_TRY_ASSIGN(
      body, http::json_object_body(req, {"version", "kind", "user_id", "name", "phone", "email",
                                         "trained_on", "active", "max_mentees"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(m, open_mentor(c, p, id));
    if (m.version != version) return stale();
    if (m.kind == "staff") m.name.clear();  // the user's name, not the entry's
    ATB_TRY(apply_mentor_body(body, m));
    if (m.kind == "staff") {
      // Turned into (or kept as) staff: what is not sent of the volunteer's fields goes.
      if (!body.contains("name")) m.name.clear();
      if (!body.contains("phone")) m.phone.reset();
      if (!body.contains("email")) m.email.reset();
    } else if (!body.contains("user_id")) {
      m.user_id.reset();
    }
    ATB_TRY(check_mentor(m, today_riga()));
    ATB_TRY(check_staff(c, m));
    if (!m.active && m.active_pairings > 0) {
      const Text why{"Mentoram ir " + std::to_string(m.active_pairings) +
                         " aktīvi pāri; vispirms tos beidziet.",
                     "The mentor has " + std::to_string(m.active_pairings) +
                         " active pairings; end them first."};
      return Error{Errc::conflict, why, {{"active", why}}, {}};
    }
    ATB_TRY_ASSIGN(written, update_mentor(c, m, version, now_utc_iso()));
    if (!written) return stale();
    return changed(c, p, req, id, "update");
  }));
  return Response::json(answer);
}


}  // namespace

void add_mentor_routes(http::Router& router, const access::Context& ctx,
                       std::shared_ptr<const Keyring> keyring) {
  router.add(Method::get, "/api/v1/services/mentors", route(ctx, list),
             {.summary = "The register of mentors (active=true|false), by name, paginated, with "
                         "each mentor's active pairings and free places.",
              .tag = "services",
              .authenticated = true});
  router.add(Method::post, "/api/v1/services/mentors", route(ctx, create),
             {.summary = "Add a mentor: a staff user or a volunteer (administrators and "
                         "department heads).",
              .tag = "services",
              .authenticated = true,
              .request_schema = mentor_schema(R"(["kind","trained_on"])"),
              .success_status = 201});
  router.add(Method::get, "/api/v1/services/mentors/{id}", route(ctx, show),
             {.summary = "A mentor with her active pairings (mentees named where the caller may "
                         "read their case).",
              .tag = "services",
              .authenticated = true});
  router.add(Method::patch, "/api/v1/services/mentors/{id}", route(ctx, update),
             {.summary = "Change a mentor (administrators and department heads; 409 for a stale "
                         "version).",
              .tag = "services",
              .authenticated = true,
              .request_schema = mentor_schema(R"(["version"])")});
  add_mentor_pairing_routes(router, ctx, std::move(keyring));
}

}  // namespace atb::services
