// Households: list, read, create with members, change name, address and membership.
#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/record_scope.h"
#include "audit/store.h"
#include "core/time.h"
#include "http/json_body.h"
#include "registry/household_store.h"
#include "registry/routes.h"
#include "registry/routes_common.h"
#include "registry/routes_json.h"

namespace atb::registry {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const Text kNoHousehold{"Mājsaimniecība nav atrasta.", "No such household."};

struct NewMember {
  std::int64_t person_id = 0;
  std::string relationship;
};

Result<std::vector<NewMember>> members_from(const json& body, const char* field) {
  std::vector<NewMember> out;
  if (!body.contains(field)) return out;
  const json& list = body[field];
  if (!list.is_array() || list.size() > 30) {
    return Error::invalid_field(field, {"Jābūt sarakstam ar ne vairāk kā 30 locekļiem.", "Must be a list of at most 30 members."});
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = std::string(field) + "." + std::to_string(i);
    const json& m = list[i];
    if (!m.is_object() || !m.contains("person_id") || !m["person_id"].is_number_integer() || !m.contains("relationship") ||
        !m["relationship"].is_string()) {
      return Error::invalid_field(at, {"Norādiet personu un radniecību.", "Give the person and the relationship."});
    }
    out.push_back({m["person_id"].get<std::int64_t>(), m["relationship"].get<std::string>()});
    if (!is_relationship(out.back().relationship)) {
      return Error::invalid_field(at + ".relationship", {"Nezināma radniecība.", "Unknown relationship."});
    }
  }
  return out;
}

// Adds members after checking that the caller may see each (without break-glass) and that the
// relationship agrees with the birth dates. `head_birth` is the reference person's.
Result<void> add_members(storage::Connection& c, const access::Principal& p, std::int64_t household_id,
                         const std::vector<NewMember>& members, std::string head_birth, const std::string& field,
                         const Household* current) {
  const std::string today = today_iso();
  for (std::size_t i = 0; i < members.size(); ++i) {
    const NewMember& m = members[i];
    const std::string at = field + "." + std::to_string(i);
    auto opened = open_record(c, p, access::kPersonTables, m.person_id, access::Access::read);
    if (!opened || opened->break_glass) return Error::invalid_field(at + ".person_id", {"Persona nav atrasta.", "No such person."});
    ATB_TRY_ASSIGN(person, load_person(c, m.person_id));
    if (!person.has_value()) return Error::invalid_field(at + ".person_id", {"Persona nav atrasta.", "No such person."});
    const std::string birth = person.value().data.birth_date.value_or("");
    if (m.relationship == "head") head_birth = birth;
    else ATB_TRY(check_relationship(m.relationship, head_birth, birth, at + ".relationship"));
    if (current) {
      for (const Member& existing : current->members) {
        if (existing.person_id == m.person_id) {
          return Error::invalid_field(at + ".person_id", {"Persona jau ir šajā mājsaimniecībā.", "The person already belongs to this household."});
        }
      }
    }
    ATB_TRY(add_member(c, household_id, m.person_id, m.relationship, today));
  }
  return ok();
}

Result<json> household_answer(storage::Connection& c, const access::Principal& p, std::int64_t id, access::Access need) {
  ATB_TRY_ASSIGN(o, open_record(c, p, access::kHouseholdTables, id, need));
  ATB_TRY_ASSIGN(h, load_household(c, p, id));
  if (!h) return Error{Errc::not_found, kNoHousehold, {}, {}};
  std::vector<std::string> births;
  for (const Member& m : h->members) births.push_back(m.birth_date);
  return to_json(*h, o, household_kind(births, today_riga()));
}

std::optional<std::string> head_birth_of(const Household& h) {
  for (const Member& m : h.members) {
    if (m.relationship == "head") return m.birth_date;
  }
  return std::nullopt;
}

Result<Response> create(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_search_registry(p));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"name", "address", "team_id", "channel", "first_registered_on", "members"}));
  ATB_TRY_ASSIGN(name, http::optional_string(body, "name", 120));
  ATB_TRY_ASSIGN(address, address_from(body, "address"));
  ATB_TRY_ASSIGN(members, members_from(body, "members"));
  const auto heads = std::count_if(members.begin(), members.end(), [](const NewMember& m) { return m.relationship == "head"; });
  if (heads != 1) {
    return Error::invalid_field("members", {"Norādiet tieši vienu atsauces personu (head).", "Give exactly one reference person (head)."});
  }
  std::stable_partition(members.begin(), members.end(), [](const NewMember& m) { return m.relationship == "head"; });
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(reg, registration_from(c, p, body, today_riga()));
    std::string household_name = name.value_or("");
    if (household_name.empty()) {
      ATB_TRY_ASSIGN(head, load_person(c, members.front().person_id));
      if (head) household_name = head->data.surname;
    }
    const std::string now = now_utc_iso();
    ATB_TRY_ASSIGN(id, insert_household(c, p.municipality_id, household_name, address, p.user_id, now));
    ATB_TRY(add_registration(c, access::kHouseholdTables, id, reg, now));
    ATB_TRY(add_members(c, p, id, members, "", "members", nullptr));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "create", "household", std::to_string(id))};
    ATB_TRY(audit::append(c, entries));
    return household_answer(c, p, id, access::Access::read);
  }));
  return Response::json(answer, 201);
}

Result<Response> read(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoHousehold));
  ATB_TRY_ASSIGN(answer, ctx.db->read([&](storage::Connection& c) { return household_answer(c, p, id, access::Access::read); }));
  ATB_TRY(access::audit_action(ctx, p, req, answer["break_glass"].get<bool>() ? "read_break_glass" : "read", "household",
                               std::to_string(id)));
  return Response::json(answer);
}

Result<Response> change(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoHousehold));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "name", "address", "add_members", "remove_members"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(adds, members_from(body, "add_members"));
  std::vector<std::int64_t> removes;
  if (body.contains("remove_members")) ATB_TRY_ASSIGN_TO(removes, http::id_array(body, "remove_members", 30));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(open_record(c, p, access::kHouseholdTables, id, access::Access::change));
    ATB_TRY_ASSIGN(found, load_household(c, p, id));
    if (!found.has_value()) return Error{Errc::not_found, kNoHousehold, {}, {}};
    const Household& h = found.value();
    const Error stale{Errc::conflict, {"Ierakstu pa to laiku mainīja kāds cits; atveriet to no jauna.",
                                       "Someone else changed the record meanwhile; open it again."}, {}, {}};
    if (h.version != version) return stale;
    std::string name = h.name;
    if (body.contains("name")) {
      ATB_TRY_ASSIGN(v, http::required_string(body, "name", 120));
      if (v.empty()) return Error::invalid_field("name", {"Lauks ir obligāts.", "This field is required."});
      name = v;
    }
    std::optional<Address> address = h.address;
    if (body.contains("address")) ATB_TRY_ASSIGN_TO(address, address_from(body, "address"));
    ATB_TRY_ASSIGN(written, update_household(c, id, version, name, address, address != h.address, now_utc_iso()));
    if (!written) return stale;
    const std::optional<std::string> head_birth = head_birth_of(h);
    for (std::size_t i = 0; i < removes.size(); ++i) {
      const std::string at = "remove_members." + std::to_string(i);
      for (const Member& m : h.members) {
        if (m.person_id == removes[i] && m.relationship == "head") {
          return Error::invalid_field(at, {"Atsauces personu nevar izņemt.", "The reference person cannot be removed."});
        }
      }
      ATB_TRY_ASSIGN(ended, end_member(c, id, removes[i], today_iso()));
      if (!ended) return Error::invalid_field(at, {"Persona nav šīs mājsaimniecības locekle.", "The person is not a member."});
    }
    for (const NewMember& m : adds) {
      if (m.relationship == "head") return Error::invalid_field("add_members", {"Atsauces persona jau ir.", "There already is a reference person."});
    }
    ATB_TRY(add_members(c, p, id, adds, head_birth.value_or(""), "add_members", &h));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "update", "household", std::to_string(id))};
    ATB_TRY(audit::append(c, entries));
    return household_answer(c, p, id, access::Access::read);
  }));
  return Response::json(answer);
}

Result<Response> list(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_search_registry(p));
  ATB_TRY_ASSIGN(paging, http::paging(req));
  ATB_TRY_ASSIGN(found, ctx.db->read([&](storage::Connection& c) { return list_households(c, p, paging.page, paging.page_size); }));
  std::vector<std::int64_t> ids;
  json items = json::array();
  const Date today = today_riga();
  for (const HouseholdRow& h : found.first) {
    ids.push_back(h.id);
    items.push_back({{"id", h.id}, {"name", h.name}, {"kind", household_kind(h.birth_dates, today)},
                     {"members_count", h.members}, {"address", h.address}});
  }
  ATB_TRY(access::audit_list(ctx, p, req, "household", ids));
  return Response::json({{"items", items}, {"total", found.second}, {"page", paging.page}, {"page_size", paging.page_size}});
}

}  // namespace

void add_household_routes(http::Router& router, const access::Context& ctx) {
  router.add(Method::get, "/api/v1/households", handler(ctx, list),
             {.summary = "Households in the caller's scope.", .tag = "registry", .authenticated = true});
  router.add(Method::post, "/api/v1/households", handler(ctx, create),
             {.summary = "Register a household with its members.", .tag = "registry", .authenticated = true,
              .success_status = 201});
  router.add(Method::get, "/api/v1/households/{id}", handler(ctx, read),
             {.summary = "A household with current and past members.", .tag = "registry", .authenticated = true});
  router.add(Method::patch, "/api/v1/households/{id}", handler(ctx, change),
             {.summary = "Change a household (version required): name, address, members.", .tag = "registry",
              .authenticated = true});
}

}  // namespace atb::registry
