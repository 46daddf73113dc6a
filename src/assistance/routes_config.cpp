// The catalogue of benefits, the national thresholds (an administrator adds next year's row),
// the municipality's low-income threshold and housing-cost norms.
#include <nlohmann/json.hpp>

#include "access/policy.h"
#include "assistance/config_store.h"
#include "assistance/model.h"
#include "assistance/routes.h"
#include "assistance/routes_common.h"
#include "assistance/store.h"
#include "audit/store.h"
#include "core/time.h"
#include "http/json_body.h"

namespace atb::assistance {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

Result<Cents> cents_of(const json& body, const char* field) {
  if (!body.contains(field) || !body[field].is_number_integer() || body[field].get<std::int64_t>() < 0 ||
      body[field].get<std::int64_t>() > 100'000'000) {
    return Error::invalid_field(field, {"Summu norādiet centos (0–1 000 000 €).", "Give the amount in cents (0–1,000,000 €)."});
  }
  return body[field].get<std::int64_t>();
}

Result<Date> from_of(const json& body) {
  const auto d = parse_date(body.value("from", ""));
  if (!d) return Error::invalid_field("from", {"Datumam jābūt formā GGGG-MM-DD.", "The date must be YYYY-MM-DD."});
  return *d;
}

Result<void> may_configure(const access::Principal& p) {
  if (p.has(access::Role::admin) && !p.via_token) return ok();
  return Error{Errc::forbidden, {"Sliekšņus un normatīvus maina administrators.", "Thresholds and norms are changed by an administrator."}, {}, {}};
}

json threshold_json(const ThresholdRow& t) {
  return {{"from", t.from.iso()}, {"gmi_first", t.gmi_first}, {"gmi_other", t.gmi_other}, {"needy_first", t.needy_first},
          {"needy_other", t.needy_other}, {"low_income_max_first", t.low_income_max_first},
          {"low_income_max_other", t.low_income_max_other}};
}

Result<Response> kinds(const access::Context& ctx, Request&, const access::Principal& p) {
  ATB_TRY(may_list(p));
  ATB_TRY_ASSIGN(all, ctx.db->read([&](storage::Connection& c) { return load_kinds(c, p.municipality_id); }));
  json items = json::array();
  for (const BenefitKind& k : all) {
    items.push_back({{"code", k.code}, {"name", {{"lv", k.name.lv}, {"en", k.name.en}}}, {"rule", k.rule}, {"amount", k.amount}});
  }
  return Response::json({{"items", items}});
}

Result<Response> thresholds(const access::Context& ctx, Request&, const access::Principal& p) {
  // The department's staff, the director and the administrator who maintains them.
  if (!may_configure(p)) ATB_TRY(may_list(p));
  ATB_TRY_ASSIGN(answer, ctx.db->read([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(national, load_thresholds(c));
    ATB_TRY_ASSIGN(low, load_low_income(c, p.municipality_id, national));
    ATB_TRY_ASSIGN(norms, load_norms(c, p.municipality_id, today_riga().iso()));
    json items = json::array();
    for (const ThresholdRow& t : national.rows()) items.push_back(threshold_json(t));
    json low_rows = json::array();
    for (const LowIncomeRow& r : low.rows()) low_rows.push_back({{"from", r.from.iso()}, {"first", r.first}, {"other", r.other}});
    json norm = nullptr;
    if (norms) {
      norm = {{"from", norms->from}};
      for (const auto& [kind, cap] : norms->caps) norm[kind] = cap;
    }
    return json{{"items", items}, {"low_income", low_rows}, {"norms", norm}};
  }));
  return Response::json(answer);
}

Result<Response> add_threshold(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(may_configure(p));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"from", "gmi_first", "gmi_other", "needy_first", "needy_other",
                                                    "low_income_max_first", "low_income_max_other"}));
  ThresholdRow row;
  ATB_TRY_ASSIGN_TO(row.from, from_of(body));
  for (auto [field, target] : {std::pair{"gmi_first", &row.gmi_first}, std::pair{"gmi_other", &row.gmi_other},
                               std::pair{"needy_first", &row.needy_first}, std::pair{"needy_other", &row.needy_other},
                               std::pair{"low_income_max_first", &row.low_income_max_first},
                               std::pair{"low_income_max_other", &row.low_income_max_other}}) {
    ATB_TRY_ASSIGN_TO(*target, cents_of(body, field));
  }
  ATB_TRY(ctx.db->write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY_ASSIGN(national, load_thresholds(c));
    ATB_TRY(national.add(row));
    ATB_TRY(insert_threshold(c, row, p.user_id, now_utc_iso()));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "create", "assistance_threshold", row.from.iso())};
    return audit::append(c, entries);
  }));
  return Response::json(threshold_json(row), 201);
}

Result<Response> add_norms(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(may_configure(p));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"from", "rent", "heating", "electricity", "water", "gas", "sewage", "waste", "telecom"}));
  ATB_TRY_ASSIGN(from, from_of(body));
  Norms norms{from.iso(), {}};
  for (const char* kind : kHousingKinds) ATB_TRY_ASSIGN_TO(norms.caps[kind], cents_of(body, kind));
  ATB_TRY(ctx.db->write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY_ASSIGN(existing, c.query("SELECT 1 FROM assistance_norm WHERE municipality_id = ? AND from_date = ?",
                                     storage::params(p.municipality_id, norms.from)));
    if (!existing.empty()) {
      return Error{Errc::conflict, {"Normatīvi no šī datuma jau ir.", "Norms from this date exist already."}, {{"from", {"Aizņemts.", "Taken."}}}, {}};
    }
    ATB_TRY(insert_norms(c, p.municipality_id, norms));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "create", "assistance_norm", norms.from)};
    return audit::append(c, entries);
  }));
  return Response::empty(204);
}

Result<Response> add_low_income(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(may_configure(p));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"from", "first", "other"}));
  LowIncomeRow row;
  ATB_TRY_ASSIGN_TO(row.from, from_of(body));
  ATB_TRY_ASSIGN_TO(row.first, cents_of(body, "first"));
  ATB_TRY_ASSIGN_TO(row.other, cents_of(body, "other"));
  ATB_TRY(ctx.db->write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY_ASSIGN(national, load_thresholds(c));
    ATB_TRY_ASSIGN(low, load_low_income(c, p.municipality_id, national));
    ATB_TRY(low.add(row, national));
    ATB_TRY(insert_low_income(c, p.municipality_id, row));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "create", "assistance_low_income", row.from.iso())};
    return audit::append(c, entries);
  }));
  return Response::empty(204);
}

}  // namespace

void add_config_routes(http::Router& router, const access::Context& ctx) {
  router.add(Method::get, "/api/v1/assistance/kinds", handler(ctx, kinds),
             {.summary = "The benefits that can be applied for.", .tag = "assistance", .authenticated = true});
  router.add(Method::get, "/api/v1/assistance/thresholds", handler(ctx, thresholds),
             {.summary = "Thresholds in force over time, the low-income threshold and housing norms.", .tag = "assistance",
              .authenticated = true});
  router.add(Method::post, "/api/v1/assistance/thresholds", handler(ctx, add_threshold),
             {.summary = "Add a national threshold row from a start date (administrator).", .tag = "assistance",
              .authenticated = true, .success_status = 201});
  router.add(Method::post, "/api/v1/assistance/low-income", handler(ctx, add_low_income),
             {.summary = "Set the municipality's low-income threshold from a date (administrator).", .tag = "assistance",
              .authenticated = true, .success_status = 204});
  router.add(Method::post, "/api/v1/assistance/norms", handler(ctx, add_norms),
             {.summary = "Set the municipality's housing-cost norms from a date (administrator).", .tag = "assistance",
              .authenticated = true, .success_status = 204});
}

void add_routes(http::Router& router, const access::Context& ctx) {
  add_application_routes(router, ctx);
  add_decision_routes(router, ctx);
  add_config_routes(router, ctx);
}

}  // namespace atb::assistance
