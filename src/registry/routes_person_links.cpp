// A person's links: registration in another department, merge and split, and break-glass
// (opening an out-of-scope person or household with a reason) with the supervisor's list.
#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/record_scope.h"
#include "audit/store.h"
#include "core/time.h"
#include "http/json_body.h"
#include "registry/merge.h"
#include "registry/routes.h"
#include "registry/routes_common.h"
#include "registry/routes_json.h"

namespace atb::registry {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;
using storage::params;

const Text kNoPerson{"Persona nav atrasta.", "No such person."};

Result<std::string> reason_from(const json& body, std::size_t min_chars) {
  ATB_TRY_ASSIGN(reason, http::required_string(body, "reason", 500));
  const auto first = reason.find_first_not_of(' ');
  const std::size_t length = first == std::string::npos ? 0 : reason.size() - first;
  if (length < min_chars) {
    return Error::invalid_field("reason", {"Pamatojumam jābūt vismaz " + std::to_string(min_chars) + " rakstzīmes garam.",
                                           "The reason must be at least " + std::to_string(min_chars) + " characters long."});
  }
  return reason.substr(first);
}

Result<std::int64_t> positive_id(const json& body, const char* field) {
  if (!body.contains(field) || !body[field].is_number_integer() || body[field].get<std::int64_t>() < 1) {
    return Error::invalid_field(field, {"Norādiet identifikatoru.", "Give the id."});
  }
  return body[field].get<std::int64_t>();
}

// Loads the person after a change, with the verdict for the answer.
Result<json> person_answer(storage::Connection& c, const access::Principal& p, std::int64_t id) {
  ATB_TRY_ASSIGN(o, open_record(c, p, access::kPersonTables, id, access::Access::read));
  ATB_TRY_ASSIGN(person, load_person(c, id));
  if (!person) return Error{Errc::not_found, kNoPerson, {}, {}};
  return to_json(*person, o);
}

Result<Response> register_in_department(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoPerson));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"team_id", "channel", "first_registered_on"}));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(o, open_record(c, p, access::kPersonTables, id, access::Access::read));
    if (o.break_glass) return Error{Errc::not_found, kNoPerson, {}, {}};
    ATB_TRY_ASSIGN(reg, registration_from(c, p, body, today_riga()));
    ATB_TRY_ASSIGN(existing, c.query("SELECT 1 FROM person_registration WHERE person_id = ? AND department_id = ?",
                                     params(id, reg.department_id)));
    if (!existing.empty()) {
      return Error{Errc::conflict, {"Persona šajā daļā jau ir reģistrēta.", "The person is already registered in this department."}, {}, {}};
    }
    ATB_TRY(add_registration(c, access::kPersonTables, id, reg, now_utc_iso()));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "register", "person", std::to_string(id))};
    ATB_TRY(audit::append(c, entries));
    return person_answer(c, p, id);
  }));
  return Response::json(answer, 201);
}

Result<Response> merge(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_merge(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoPerson));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"duplicate_id", "reason"}));
  ATB_TRY_ASSIGN(duplicate_id, positive_id(body, "duplicate_id"));
  ATB_TRY_ASSIGN(reason, reason_from(body, 5));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(open_record(c, p, access::kPersonTables, id, access::Access::change));
    auto other = open_record(c, p, access::kPersonTables, duplicate_id, access::Access::change);
    if (!other) {
      Error e = other.error();
      e.fields.push_back({"duplicate_id", e.message});
      return e;
    }
    ATB_TRY_ASSIGN(merge_id, merge_persons(c, p.municipality_id, id, duplicate_id, reason, p.user_id, now_utc_iso()));
    std::vector<audit::Entry> entries{
        access::audit_entry(p, req, "merge", "person", std::to_string(id), "merge " + std::to_string(merge_id) + ": " + reason),
        access::audit_entry(p, req, "merged_into", "person", std::to_string(duplicate_id), "into " + std::to_string(id))};
    ATB_TRY(audit::append(c, entries));
    return person_answer(c, p, id);
  }));
  return Response::json(answer);
}

Result<Response> split(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_merge(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoPerson));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"merge_id", "reason"}));
  ATB_TRY_ASSIGN(merge_id, positive_id(body, "merge_id"));
  ATB_TRY_ASSIGN(reason, reason_from(body, 5));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(open_record(c, p, access::kPersonTables, id, access::Access::change));
    ATB_TRY_ASSIGN(duplicate_id, split_merge(c, id, merge_id, reason, p.user_id, now_utc_iso()));
    std::vector<audit::Entry> entries{
        access::audit_entry(p, req, "split", "person", std::to_string(id), "merge " + std::to_string(merge_id) + ": " + reason),
        access::audit_entry(p, req, "split_from", "person", std::to_string(duplicate_id), "from " + std::to_string(id))};
    ATB_TRY(audit::append(c, entries));
    return person_answer(c, p, id);
  }));
  return Response::json(answer);
}

Result<Response> open_break_glass(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_break_glass(p));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"entity_type", "entity_id", "reason"}));
  ATB_TRY_ASSIGN(type, http::required_string(body, "entity_type", 20));
  if (type != "person" && type != "household") {
    return Error::invalid_field("entity_type", {"Jābūt person vai household.", "Must be person or household."});
  }
  ATB_TRY_ASSIGN(entity_id, positive_id(body, "entity_id"));
  ATB_TRY_ASSIGN(reason, reason_from(body, 10));
  const access::RegistryTables& tables = type == "person" ? access::kPersonTables : access::kHouseholdTables;
  ATB_TRY_ASSIGN(id, ctx.db->write([&](storage::Connection& c) -> Result<std::int64_t> {
    ATB_TRY_ASSIGN(scope, load_scope(c, tables, entity_id));
    if (!scope || scope->municipality_id != p.municipality_id) {
      return Error{Errc::not_found, {"Ieraksts nav atrasts.", "No such record."}, {}, {}};
    }
    ATB_TRY_ASSIGN(rows, c.query("INSERT INTO break_glass (session_id, user_id, entity_type, entity_id, reason, at)"
                                 " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                 params(p.session_id, p.user_id, type, std::to_string(entity_id), reason, now_utc_iso())));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "break_glass", type, std::to_string(entity_id), reason)};
    ATB_TRY(audit::append(c, entries));
    return rows[0].integer(0);
  }));
  return Response::json({{"id", id}, {"entity_type", type}, {"entity_id", entity_id}, {"expires", "session"}}, 201);
}

// Break-glass openings by users of the caller's teams (department head: departments; director
// and auditor: the municipality), newest first.
Result<Response> break_glass_list(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_see_break_glass_list(p));
  ATB_TRY_ASSIGN(paging, http::paging(req));
  std::string who = "u.municipality_id = " + std::to_string(p.municipality_id);
  if (!p.has(access::Role::director) && !p.has(access::Role::auditor)) {
    std::vector<std::int64_t> teams = p.team_ids;
    std::string in;
    for (std::int64_t t : teams) in += (in.empty() ? "" : ",") + std::to_string(t);
    std::string deps;
    if (p.has(access::Role::department_head)) {
      for (std::int64_t d : p.department_ids) deps += (deps.empty() ? "" : ",") + std::to_string(d);
    }
    who += " AND EXISTS (SELECT 1 FROM user_team ut JOIN team t ON t.id = ut.team_id WHERE ut.user_id = u.id AND (" +
           (in.empty() ? std::string("1=0") : "t.id IN (" + in + ")") +
           (deps.empty() ? std::string() : " OR t.department_id IN (" + deps + ")") + "))";
  }
  ATB_TRY_ASSIGN(answer, ctx.db->read([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(count, c.query("SELECT COUNT(*) FROM break_glass b JOIN app_user u ON u.id = b.user_id WHERE " + who));
    ATB_TRY_ASSIGN(rows, c.query("SELECT b.id, b.at, u.id, u.username, u.full_name, b.entity_type, b.entity_id, b.reason"
                                 " FROM break_glass b JOIN app_user u ON u.id = b.user_id WHERE " + who +
                                 " ORDER BY b.id DESC LIMIT ? OFFSET ?",
                                 params(paging.page_size, (paging.page - 1) * paging.page_size)));
    json items = json::array();
    for (const storage::Row& r : rows) {
      items.push_back({{"id", r.integer(0)}, {"at", r.text(1)},
                       {"user", {{"id", r.integer(2)}, {"username", r.text(3)}, {"full_name", r.text(4)}}},
                       {"entity_type", r.text(5)}, {"entity_id", std::stoll(r.text(6))}, {"reason", r.text(7)}});
    }
    return json{{"items", items}, {"total", count[0].integer(0)}, {"page", paging.page}, {"page_size", paging.page_size}};
  }));
  ATB_TRY(access::audit_action(ctx, p, req, "list", "break_glass", "*"));
  return Response::json(answer);
}

}  // namespace

void add_person_link_routes(http::Router& router, const access::Context& ctx) {
  router.add(Method::post, "/api/v1/persons/{id}/registrations", handler(ctx, register_in_department),
             {.summary = "Register a person in another department (first-time registration).", .tag = "registry",
              .authenticated = true, .success_status = 201});
  router.add(Method::post, "/api/v1/persons/{id}/merge", handler(ctx, merge),
             {.summary = "Merge a duplicate into this person (supervisor, department head).", .tag = "registry",
              .authenticated = true});
  router.add(Method::post, "/api/v1/persons/{id}/split", handler(ctx, split),
             {.summary = "Undo a merge (split the duplicate off again).", .tag = "registry", .authenticated = true});
  router.add(Method::post, "/api/v1/break-glass", handler(ctx, open_break_glass),
             {.summary = "Open an out-of-scope person or household for this session, with a reason.", .tag = "registry",
              .authenticated = true, .success_status = 201});
  router.add(Method::get, "/api/v1/break-glass", handler(ctx, break_glass_list),
             {.summary = "Break-glass openings by the caller's teams (supervisor's list).", .tag = "registry",
              .authenticated = true});
}

}  // namespace atb::registry
