// The partner register: list and search (staff), read, create and change with contacts
// (administrators and department heads). Every list, read and change is audited (entity type
// "partner"). The register names institutions and their contact persons, not clients.
#include "audit/store.h"
#include "core/time.h"
#include "http/json_body.h"
#include "partners/routes.h"
#include "partners/routes_common.h"
#include "partners/rules.h"
#include "partners/store.h"

namespace atb::partners {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const Text kNoPartner{"Partneriestāde nav atrasta.", "No such partner institution."};

// The members of a register entry; all optional in a change.
constexpr const char* kPartnerProperties = R"("properties":{"kind":{"enum":["school","kindergarten","orphans_court","police","health","ngo","other"]},
   "name":{"type":"string","maxLength":200},"registration_number":{"type":"string","maxLength":40},
   "address":{"type":"string","maxLength":300},"phone":{"type":"string","maxLength":40},
   "email":{"type":"string","maxLength":254},"active":{"type":"boolean"},
   "contacts":{"type":"array","maxItems":20,"items":{"type":"object","required":["full_name"],
    "properties":{"full_name":{"type":"string","maxLength":200},"position":{"type":"string","maxLength":200},
     "phone":{"type":"string","maxLength":40},"email":{"type":"string","maxLength":254}}}}})";
const std::string kPartnerSchema = std::string(R"({"type":"object","required":["kind","name"],)") + kPartnerProperties + "}";
// A change names the version it read, besides any of the members.
const std::string kPartnerPatchSchema = std::string(R"({"type":"object","required":["version"],"properties":{"version":{"type":"integer"},)") +
                                        (kPartnerProperties + std::string_view(R"("properties":{)").size()) + "}";

Error changed_meanwhile() {
  return Error{Errc::conflict,
               {"Iestādes ierakstu pa to laiku mainīja kāds cits; atveriet to no jauna.",
                "Someone else changed the institution meanwhile; open it again."},
               {},
               {}};
}

// The institution `id` of the caller's municipality; not_found otherwise.
Result<Partner> open_partner(storage::Connection& c, const access::Principal& p, std::int64_t id) {
  ATB_TRY_ASSIGN(found, load_partner(c, id));
  if (!found || found->municipality_id != p.municipality_id) return Error{Errc::not_found, kNoPartner, {}, {}};
  return std::move(*found);
}

Result<Response> list(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_list_partners(p));
  ATB_TRY_ASSIGN(paging, http::paging(req));
  ATB_TRY_ASSIGN(q, http::search_text(req, "q", 100));
  PartnerFilter f{q, req.query("kind").value_or(""), req.query("include_inactive").value_or("") == "true"};
  if (!f.kind.empty() && !cases::one_of(kPartnerKinds, f.kind)) {
    return Error::invalid_field("kind", {"Nezināms iestādes veids.", "Unknown kind of institution."});
  }
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) {
    return list_partners(c, p.municipality_id, f, paging.page, paging.page_size);
  }));
  json items = json::array();
  std::vector<std::int64_t> ids;
  for (const Partner& x : found.first) {
    ids.push_back(x.id);
    items.push_back(to_json(x));
  }
  ATB_TRY(access::audit_list(cc.access, p, req, "partner", ids));
  return Response::json({{"items", items}, {"total", found.second}, {"page", paging.page}, {"page_size", paging.page_size}});
}

Result<Response> read(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_list_partners(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoPartner));
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) { return open_partner(c, p, id); }));
  ATB_TRY(access::audit_read(cc.access, p, req, "partner", std::to_string(id)));
  return Response::json(to_json(found));
}

Result<Response> create(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_manage_partners(p));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"kind", "name", "registration_number", "address", "phone", "email", "active",
                                                    "contacts"}));
  Partner base;
  base.municipality_id = p.municipality_id;
  ATB_TRY_ASSIGN(draft, partner_from(body, base, false));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(id, insert_partner(c, draft, now_utc_iso()));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "create", "partner", std::to_string(id), draft.name)};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(stored, open_partner(c, p, id));
    return to_json(stored);
  }));
  return Response::json(answer, 201);
}

Result<Response> change(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_manage_partners(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoPartner));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "kind", "name", "registration_number", "address", "phone",
                                                    "email", "active", "contacts"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  body.erase("version");
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(before, open_partner(c, p, id));
    if (before.version != version) return changed_meanwhile();
    ATB_TRY_ASSIGN(after, partner_from(body, before, true));
    ATB_TRY_ASSIGN(written, update_partner(c, after, now_utc_iso()));
    if (!written) return changed_meanwhile();
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "update", "partner", std::to_string(id))};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(stored, open_partner(c, p, id));
    return to_json(stored);
  }));
  return Response::json(answer);
}

}  // namespace

void add_register_routes(http::Router& router, const cases::CaseContext& cc) {
  router.add(Method::get, "/api/v1/partners", cases::handler(cc, list),
             {.summary = "The partner register: institutions of the municipality by name (q=, kind=, include_inactive=).",
              .tag = "partners", .authenticated = true});
  router.add(Method::post, "/api/v1/partners", cases::handler(cc, create),
             {.summary = "Register an institution with its contacts (administrators and department heads).",
              .tag = "partners", .authenticated = true, .request_schema = kPartnerSchema, .success_status = 201});
}

void add_register_item_routes(http::Router& router, const cases::CaseContext& cc) {
  router.add(Method::get, "/api/v1/partners/{id}", cases::handler(cc, read),
             {.summary = "One institution of the register with its contacts.", .tag = "partners", .authenticated = true});
  router.add(Method::patch, "/api/v1/partners/{id}", cases::handler(cc, change),
             {.summary = "Change an institution (version as read; 409 when changed meanwhile); contacts, when given, "
                         "replace the list (administrators and department heads).",
              .tag = "partners", .authenticated = true, .request_schema = kPartnerPatchSchema});
}

}  // namespace atb::partners
