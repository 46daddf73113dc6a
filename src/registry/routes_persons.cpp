// Persons: search, read, create, change, duplicate candidates.
#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/record_scope.h"
#include "audit/store.h"
#include "core/time.h"
#include "http/json_body.h"
#include "registry/names.h"
#include "registry/personal_code.h"
#include "registry/routes.h"
#include "registry/routes_common.h"
#include "registry/routes_json.h"
#include "registry/search.h"

namespace atb::registry {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const Text kNoPerson{"Persona nav atrasta.", "No such person."};

Error duplicate_error(bool blocking) {
  return blocking ? Error{Errc::conflict, {"Persona ar šo personas kodu jau ir reģistrēta.", "A person with this personal code is already registered."},
                          {{"personal_code", {"Kods jau reģistrēts.", "The code is already registered."}}}, {}}
                  : Error{Errc::conflict, {"Līdzīga persona jau ir reģistrēta. Pārbaudiet, vai tā nav tā pati.",
                                           "A similar person is already registered. Check that it is not the same one."}, {}, {}};
}

json candidates_json(const std::vector<PersonHit>& hits) {
  json out = json::array();
  for (const PersonHit& h : hits) out.push_back(candidate_json(h));
  return out;
}

std::vector<std::int64_t> ids_of(const std::vector<PersonHit>& hits) {
  std::vector<std::int64_t> ids;
  for (const PersonHit& h : hits) ids.push_back(h.id);
  return ids;
}

// A draft for the duplicate check while the user types: each fact used only if it is valid.
PersonDraft lenient_draft(const PersonDraft& in) {
  PersonDraft d;
  d.given_names = in.given_names;
  d.surname = in.surname;
  if (in.personal_code) {
    if (auto code = parse_personal_code(*in.personal_code)) {
      d.personal_code = code->digits;
      if (code->birth_date) d.birth_date = code->birth_date->iso();
    }
  }
  if (!d.birth_date && in.birth_date) {
    if (auto b = parse_date(*in.birth_date)) d.birth_date = b->iso();
  }
  d.declared_address = in.declared_address;
  return d;
}

bool any_blocking(const std::vector<PersonHit>& candidates) {
  return std::any_of(candidates.begin(), candidates.end(), [](const PersonHit& h) { return h.blocking; });
}

struct Created {
  std::optional<Person> person;
  std::vector<PersonHit> candidates;
};

Result<Response> create(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_search_registry(p));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"given_names", "surname", "personal_code", "other_id_kind", "other_id",
                                                    "birth_date", "sex", "language", "phones", "email", "declared_address",
                                                    "actual_address", "deceased_on", "disability", "health_note", "team_id",
                                                    "channel", "first_registered_on", "confirm_duplicates"}));
  ATB_TRY_ASSIGN(draft, person_draft(body));
  const Date today = today_riga();
  std::vector<Warning> warnings;
  ATB_TRY_ASSIGN(checked, check_person(std::move(draft), today, warnings));
  const bool confirmed = body.value("confirm_duplicates", false) == true;
  // The duplicate check reads outside the write transaction, which SQLite serialises; inside
  // it only the hard block, the same personal code, is checked again, so that a second record
  // for one code cannot slip in between.
  auto refuse = [&](const std::vector<PersonHit>& candidates) -> Result<Response> {
    ATB_TRY(access::audit_list(ctx, p, req, "person", ids_of(candidates)));
    return http::problem_with(duplicate_error(any_blocking(candidates)), req.lang, req.request_id,
                              {{"candidates", candidates_json(candidates)}});
  };
  NewRegistration reg;
  ATB_TRY_ASSIGN(found, ctx.db->read([&](storage::Connection& c) -> Result<std::vector<PersonHit>> {
    ATB_TRY_ASSIGN_TO(reg, registration_from(c, p, body, today));
    return duplicate_candidates(c, p, checked);
  }));
  if (any_blocking(found) || (!found.empty() && !confirmed)) return refuse(found);
  ATB_TRY_ASSIGN(made, ctx.db->write([&](storage::Connection& c) -> Result<Created> {
    if (checked.personal_code) {
      ATB_TRY_ASSIGN(taken, personal_code_in_use(c, p.municipality_id, *checked.personal_code));
      if (taken) {
        ATB_TRY_ASSIGN(candidates, duplicate_candidates(c, p, checked));
        if (any_blocking(candidates)) return Created{std::nullopt, std::move(candidates)};
      }
    }
    const std::string now = now_utc_iso();
    ATB_TRY_ASSIGN(id, insert_person(c, p.municipality_id, checked, p.user_id, now));
    ATB_TRY(add_registration(c, access::kPersonTables, id, reg, now));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "create", "person", std::to_string(id))};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(person, load_person(c, id));
    return Created{std::move(person), {}};
  }));
  if (!made.person) return refuse(made.candidates);
  Opened o{access::Access::change, false, true, {}};
  o.sensitive = access::may_see_registry_sensitive(p, access::RegistryScope{p.municipality_id, p.team_ids, p.department_ids, {}, {}});
  Response r = Response::json(to_json(*made.person, o, warnings), 201);
  r.headers.emplace_back("Location", "/api/v1/persons/" + std::to_string(made.person->id));
  return r;
}

Result<Response> search(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_search_registry(p));
  std::string q = req.query("q").value_or("");
  const auto first = q.find_first_not_of(' ');
  q = first == std::string::npos ? "" : q.substr(first, q.find_last_not_of(' ') - first + 1);
  if (q.size() < 2 || q.size() > 200) {
    return Error::invalid_field("q", {"Ievadiet 2–200 rakstzīmes.", "Type 2–200 characters."});
  }
  ATB_TRY_ASSIGN(paging, http::paging(req));
  ATB_TRY_ASSIGN(page, ctx.db->read([&](storage::Connection& c) {
    return search_persons(c, p, q, paging.page, paging.page_size);
  }));
  ATB_TRY(access::audit_list(ctx, p, req, "person", ids_of(page.items)));
  json items = json::array();
  for (const PersonHit& h : page.items) items.push_back(hit_json(h));
  return Response::json({{"items", items}, {"total", page.total}, {"page", paging.page},
                         {"page_size", paging.page_size}, {"truncated", page.truncated}});
}

Result<Response> read(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoPerson));
  using Loaded = std::pair<Person, Opened>;
  ATB_TRY_ASSIGN(loaded, ctx.db->read([&](storage::Connection& c) -> Result<Loaded> {
    ATB_TRY_ASSIGN(o, open_record(c, p, access::kPersonTables, id, access::Access::read));
    ATB_TRY_ASSIGN(person, load_person(c, id));
    if (!person) return Error{Errc::not_found, kNoPerson, {}, {}};
    return Loaded{std::move(*person), std::move(o)};
  }));
  ATB_TRY(access::audit_action(ctx, p, req, loaded.second.break_glass ? "read_break_glass" : "read", "person",
                               std::to_string(id)));
  return Response::json(to_json(loaded.first, loaded.second));
}

Result<Response> change(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoPerson));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "given_names", "surname", "personal_code", "other_id_kind",
                                                    "other_id", "birth_date", "sex", "language", "phones", "email",
                                                    "declared_address", "actual_address", "deceased_on", "disability",
                                                    "health_note", "name_change_reason", "code_change_reason"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ChangeReasons reasons;
  ATB_TRY_ASSIGN(name_reason, http::optional_string(body, "name_change_reason", 20));
  ATB_TRY_ASSIGN(code_reason, http::optional_string(body, "code_change_reason", 20));
  reasons.name = name_reason.value_or("other");
  reasons.code = code_reason.value_or("other");
  for (auto [field, value, allowed] : {std::tuple{"name_change_reason", &reasons.name, "marriage divorce correction other"},
                                       std::tuple{"code_change_reason", &reasons.code, "new_code adoption correction other"}}) {
    if (std::string(" ") .append(allowed).append(" ").find(" " + *value + " ") == std::string::npos) {
      return Error::invalid_field(field, {"Nezināms iemesls.", "Unknown reason."});
    }
  }
  std::vector<Warning> warnings;
  using Changed = std::pair<Person, Opened>;
  ATB_TRY_ASSIGN(changed, ctx.db->write([&](storage::Connection& c) -> Result<Changed> {
    ATB_TRY_ASSIGN(o, open_record(c, p, access::kPersonTables, id, access::Access::change));
    ATB_TRY_ASSIGN(before, load_person(c, id));
    if (!before) return Error{Errc::not_found, kNoPerson, {}, {}};
    const Error stale{Errc::conflict, {"Ierakstu pa to laiku mainīja kāds cits; atveriet to no jauna.",
                                       "Someone else changed the record meanwhile; open it again."}, {}, {}};
    if (before->version != version) return stale;
    if (!o.sensitive && (body.contains("disability") || body.contains("health_note"))) {
      return Error{Errc::forbidden, {"Sensitīvos datus jūs mainīt nedrīkstat.", "You may not change special-category data."}, {}, {}};
    }
    ATB_TRY_ASSIGN(draft, person_draft(body, before->data));
    ATB_TRY_ASSIGN(checked, check_person(std::move(draft), today_riga(), warnings));
    if (checked.personal_code && checked.personal_code != before->data.personal_code) {
      ATB_TRY_ASSIGN(candidates, duplicate_candidates(c, p, checked, id));
      for (const PersonHit& h : candidates) {
        if (h.blocking) return duplicate_error(true);
      }
    }
    ATB_TRY_ASSIGN(written, update_person(c, *before, checked, reasons, now_utc_iso()));
    if (!written) return stale;
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "update", "person", std::to_string(id))};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(after, load_person(c, id));
    return Changed{std::move(*after), std::move(o)};
  }));
  return Response::json(to_json(changed.first, changed.second, warnings));
}

Result<Response> duplicates(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_search_registry(p));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"given_names", "surname", "personal_code", "other_id_kind", "other_id",
                                                    "birth_date", "sex", "language", "phones", "email", "declared_address",
                                                    "actual_address", "deceased_on", "disability", "health_note", "team_id",
                                                    "channel", "first_registered_on", "confirm_duplicates", "exclude_id"}));
  ATB_TRY_ASSIGN(draft, person_draft(body));
  std::optional<std::int64_t> exclude;
  if (body.contains("exclude_id") && body["exclude_id"].is_number_integer()) exclude = body["exclude_id"].get<std::int64_t>();
  const PersonDraft lenient = lenient_draft(draft);
  ATB_TRY_ASSIGN(candidates, ctx.db->read([&](storage::Connection& c) { return duplicate_candidates(c, p, lenient, exclude); }));
  ATB_TRY(access::audit_list(ctx, p, req, "person", ids_of(candidates)));
  return Response::json({{"candidates", candidates_json(candidates)}});
}

const char* kPersonSchema = R"({"type":"object","required":["given_names","surname"],"properties":{
  "given_names":{"type":"string"},"surname":{"type":"string"},"personal_code":{"type":"string"},
  "birth_date":{"type":"string","format":"date"},"sex":{"type":"string","enum":["F","M"]},
  "phones":{"type":"array","items":{"type":"string"}},"email":{"type":"string"},
  "declared_address":{"type":"object"},"actual_address":{"type":"object"},"team_id":{"type":"integer"},
  "channel":{"type":"string"},"first_registered_on":{"type":"string"},"confirm_duplicates":{"type":"boolean"}}})";

}  // namespace

void add_person_routes(http::Router& router, const access::Context& ctx) {
  router.add(Method::get, "/api/v1/persons", handler(ctx, search),
             {.summary = "Search persons (code, names, birth date, phone); out-of-scope matches reduced.", .tag = "registry",
              .authenticated = true});
  router.add(Method::post, "/api/v1/persons", handler(ctx, create),
             {.summary = "Register a person (409 with candidates for duplicates).", .tag = "registry", .authenticated = true,
              .request_schema = kPersonSchema, .success_status = 201});
  router.add(Method::post, "/api/v1/persons/duplicates", handler(ctx, duplicates),
             {.summary = "Duplicate candidates for a draft person.", .tag = "registry", .authenticated = true,
              .request_schema = kPersonSchema});
  router.add(Method::get, "/api/v1/persons/{id}", handler(ctx, read),
             {.summary = "A person with history, registrations and households.", .tag = "registry", .authenticated = true});
  router.add(Method::patch, "/api/v1/persons/{id}", handler(ctx, change),
             {.summary = "Change a person (version required; names and codes keep their history).", .tag = "registry",
              .authenticated = true});
}

}  // namespace atb::registry
