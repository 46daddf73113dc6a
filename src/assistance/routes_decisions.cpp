// The calculation with its explanation, the decision (with the double-benefit check), the
// decision's PDF, stopping payments or recalculating a decision, and the month's payment list.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "access/record_scope.h"
#include "assistance/decision_facts.h"
#include "assistance/decision_pdf.h"
#include "assistance/evaluate.h"
#include "assistance/periods.h"
#include "assistance/routes.h"
#include "assistance/routes_common.h"
#include "assistance/routes_json.h"
#include "assistance/store.h"
#include "audit/store.h"
#include "core/tabular_export.h"
#include "core/time.h"
#include "http/json_body.h"
#include "registry/personal_code.h"

namespace atb::assistance {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;
using storage::params;

const Text kNoApplication{"Iesniegums nav atrasts.", "No such application."};
const Text kNoDecision{"Lēmums nav atrasts.", "No such decision."};

json outcome_json(const Outcome& o) {
  return {{"eligible", o.eligible}, {"amount", o.amount}, {"period_months", o.period_months},
          {"household_income", o.household_income}, {"threshold", o.threshold}, {"steps", steps_json(o.steps)}};
}

Result<Response> calculation(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoApplication));
  ATB_TRY_ASSIGN(o, ctx.db->read([&](storage::Connection& c) -> Result<Outcome> {
    ATB_TRY_ASSIGN(a, open_application(c, p, id, access::Access::read));
    return evaluate(c, a);
  }));
  ATB_TRY(access::audit_read(ctx, p, req, "assistance_application", std::to_string(id)));
  return Response::json(outcome_json(o));
}

Result<Response> decide_application(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoApplication));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "acknowledge_flags", "note", "agreement_on"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  const bool acknowledged = body.value("acknowledge_flags", false) == true;
  ATB_TRY_ASSIGN(note, http::optional_string(body, "note", 2000));
  ATB_TRY_ASSIGN(agreement_on, http::optional_string(body, "agreement_on", 10));
  if (agreement_on && (!parse_date(*agreement_on) || *parse_date(*agreement_on) > today_riga())) {
    return Error::invalid_field("agreement_on", {"Vienošanās datumam jābūt reālam un ne nākotnē.",
                                                 "The agreement's date must be real and not in the future."});
  }
  json flags = json::array();
  auto decision = ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(a, open_application(c, p, id, access::Access::change));
    if (a.version != version || a.status != "submitted") {
      return Error{Errc::conflict, {"Lēmumu pieņem par iesniegtu (pilnīgu) iesniegumu, kas pa to laiku nav mainīts.",
                                    "A decision is made on a submitted (complete) application that has not changed meanwhile."}, {}, {}};
    }
    ATB_TRY_ASSIGN(outcome, evaluate(c, a));
    Decided decided = decide(a, outcome, note.value_or(""));
    if (a.kind == "gmi") decided.decision.agreement_on = agreement_on;
    if (decided.decision.outcome == "granted") {
      std::vector<std::int64_t> persons;
      for (const DeclaredMember& m : a.members) persons.push_back(m.person_id);
      ATB_TRY_ASSIGN(overlaps, overlapping_grants(c, a.municipality_id, a.kind, persons, *decided.decision.period_from,
                                                  *decided.decision.period_to));
      for (const auto& [municipality, decision_id] : overlaps) {
        flags.push_back({{"code", "double_benefit"},
                         {"message", {{"lv", "Šis pabalsts pārklājošā periodā jau piešķirts pašvaldībā „" + municipality + "”."},
                                      {"en", "This benefit is already granted for an overlapping period in " + municipality + "."}}},
                         {"decision_id", decision_id}});
      }
      if (!flags.empty() && !acknowledged) {
        return Error{Errc::conflict, {"Iespējams dubults pabalsts: pārbaudiet un apstipriniet.",
                                      "Possible double benefit: check and confirm."}, {}, {}};
      }
    }
    const std::string now = now_utc_iso();
    ATB_TRY_ASSIGN(decision_id, insert_decision(c, decided.decision, p.user_id, decided.payments, now));
    ATB_TRY_ASSIGN(written, set_status(c, id, version, "decided", std::nullopt, std::nullopt, now));
    if (!written) return Error::internal("application changed during its decision");
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "decide", "assistance_application", std::to_string(id),
                                                          decided.decision.outcome + (flags.empty() ? "" : " (double benefit acknowledged)"))};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(stored, load_decision(c, decision_id));
    ATB_TRY_ASSIGN(payments, load_payments(c, decision_id));
    return to_json(*stored, payments);
  });
  if (!decision && !flags.empty()) return http::problem_with(decision.error(), req.lang, req.request_id, {{"flags", flags}});
  ATB_TRY(decision);
  return Response::json(*decision, 201);
}

Result<Response> read_decision(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoDecision));
  ATB_TRY_ASSIGN(answer, ctx.db->read([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(open_decision(c, p, id, access::Access::read));
    ATB_TRY_ASSIGN(d, load_decision(c, id));
    ATB_TRY_ASSIGN(payments, load_payments(c, id));
    return to_json(*d, payments);
  }));
  ATB_TRY(access::audit_read(ctx, p, req, "assistance_decision", std::to_string(id)));
  return Response::json(answer);
}

Result<Response> decision_document(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoDecision));
  ATB_TRY_ASSIGN(pdf, ctx.db->read([&](storage::Connection& c) -> Result<std::string> {
    ATB_TRY_ASSIGN(a, open_decision(c, p, id, access::Access::read));
    ATB_TRY_ASSIGN(d, load_decision(c, id));
    ATB_TRY_ASSIGN(payments, load_payments(c, id));
    ATB_TRY_ASSIGN(facts, decision_facts(c, a, *d, payments));
    return decision_pdf(facts);
  }));
  ATB_TRY(access::audit_action(ctx, p, req, "export", "assistance_decision", std::to_string(id), "pdf"));
  Response r = Response::text(std::move(pdf), "application/pdf");
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"lemums-" + std::to_string(id) + ".pdf\"");
  return r;
}

// A change of a granted decision from a month on (stop, recalculate): the month and the reason.
struct MonthChange {
  Date from;  ///< the 1st of the first month changed
  std::string reason;
};

// The body {from_month, reason}: a month from the current one on (earlier months' payment lists
// have gone to the accounting already) and a reason of 5 to 500 characters.
Result<MonthChange> month_change(Request& req) {
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"from_month", "reason"}));
  ATB_TRY_ASSIGN(month, http::required_string(body, "from_month", 7));
  const auto from = parse_month(month);
  if (!from) return Error::invalid_field("from_month", {"Mēnesim jābūt formā GGGG-MM.", "The month must be YYYY-MM."});
  ATB_TRY_ASSIGN(reason, http::required_string(body, "reason", 500));
  if (reason.size() < 5) return Error::invalid_field("reason", {"Norādiet iemeslu.", "Give the reason."});
  const Date today = today_riga();
  if (*from < Date{today.year, today.month, 1}) {
    return Error::invalid_field("from_month", {"Izmaiņas var izdarīt no šī vai nākamajiem mēnešiem.",
                                               "Changes can be made from this month on."});
  }
  return MonthChange{*from, reason};
}

// The decision and its payments as answered after a change.
Result<json> decision_answer(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(after, load_decision(c, id));
  ATB_TRY_ASSIGN(payments, load_payments(c, id));
  return to_json(*after, payments);
}

Result<Response> stop(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoDecision));
  ATB_TRY_ASSIGN(change, month_change(req));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(open_decision(c, p, id, access::Access::change));
    ATB_TRY_ASSIGN(d, load_decision(c, id));
    if (d->outcome != "granted" || d->stopped_from || d->superseded_by_id) {
      return Error{Errc::conflict, {"Šo lēmumu pārtraukt nevar.", "This decision cannot be stopped."}, {}, {}};
    }
    ATB_TRY(stop_decision(c, id, month_of(change.from), change.reason, now_utc_iso()));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "stop", "assistance_decision", std::to_string(id), change.reason)};
    ATB_TRY(audit::append(c, entries));
    return decision_answer(c, id);
  }));
  return Response::json(answer);
}

// A new decision from the re-evaluated application superseding decision `id` from a month of
// its period on; the old decision and its earlier payments stay.
Result<Response> recalculate(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoDecision));
  ATB_TRY_ASSIGN(change, month_change(req));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(a, open_decision(c, p, id, access::Access::change));
    ATB_TRY_ASSIGN(old, load_decision(c, id));
    const Error in_force{Errc::conflict, {"Pārrēķināt var tikai spēkā esošu piešķiršanas lēmumu (ne pārtrauktu, ne aizstātu).",
                                          "Only a granted decision in force (not stopped or superseded) can be recalculated."}, {}, {}};
    if (old->outcome != "granted" || old->stopped_from || old->superseded_by_id || !old->period_from || !old->period_to) return in_force;
    const std::string month = month_of(change.from), first = old->period_from->substr(0, 7), last = old->period_to->substr(0, 7);
    if (month < first || month > last) {
      return Error::invalid_field("from_month", say("Mēnesim jābūt lēmuma periodā ({}–{}).", "The month must be within the decision's period ({} to {}).", first, last));
    }
    ATB_TRY_ASSIGN(outcome, evaluate(c, a, change.from));
    const Decided next = recalculated(a, *old, outcome, change.from, change.reason);
    const std::string now = now_utc_iso();
    ATB_TRY_ASSIGN(next_id, insert_decision(c, next.decision, p.user_id, next.payments, now));
    ATB_TRY_ASSIGN(superseded, supersede_decision(c, id, next_id, month, now));
    if (!superseded) return in_force;
    std::vector<audit::Entry> entries{
        access::audit_entry(p, req, "recalculate", "assistance_decision", std::to_string(id),
                            "from " + month + " by decision " + std::to_string(next_id) + ": " + change.reason),
        access::audit_entry(p, req, "create", "assistance_decision", std::to_string(next_id), next.decision.outcome)};
    ATB_TRY(audit::append(c, entries));
    return decision_answer(c, next_id);
  }));
  return Response::json(answer, 201);
}

Result<Response> payments(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(may_list(p));
  const std::string month = req.query("month").value_or("");
  if (!parse_month(month)) return Error::invalid_field("month", {"Mēnesim jābūt formā GGGG-MM.", "The month must be YYYY-MM."});
  const std::string format = req.query("format").value_or("json");
  if (format != "json" && format != "csv" && format != "xlsx") {
    return Error::invalid_field("format", {"Formāts ir json, csv vai xlsx.", "The format is json, csv or xlsx."});
  }
  ATB_TRY_ASSIGN(lines, ctx.db->read([&](storage::Connection& c) {
    return payment_list(c, access::assistance_visible_sql(p, "a"), month);
  }));
  std::vector<std::int64_t> ids;
  for (const PaymentLine& l : lines) ids.push_back(l.decision_id);
  ATB_TRY(access::audit_list(ctx, p, req, "assistance_decision", ids));
  if (format == "json") {
    json items = json::array();
    std::int64_t total = 0;
    for (const PaymentLine& l : lines) {
      if (l.status == "planned" || l.status == "paid") total += l.amount;
      items.push_back({{"payment_id", l.payment_id}, {"decision_id", l.decision_id}, {"person_id", l.person_id},
                       {"given_names", l.given_names}, {"surname", l.surname},
                       {"personal_code", l.personal_code.empty() ? json(nullptr) : json(registry::format_personal_code(l.personal_code))},
                       {"kind", l.kind}, {"amount", l.amount}, {"status", l.status}});
    }
    return Response::json({{"month", month}, {"items", items}, {"total", total}});
  }
  const bool lv = req.lang == Lang::lv;
  const std::vector<std::string> header = lv ? std::vector<std::string>{"Lēmums", "Vārdi", "Uzvārds", "Personas kods", "Pabalsts", "Summa EUR", "Statuss"}
                                             : std::vector<std::string>{"Decision", "Given names", "Surname", "Personal code", "Benefit", "Amount EUR", "Status"};
  std::vector<std::vector<std::string>> rows;
  for (const PaymentLine& l : lines) {
    rows.push_back({std::to_string(l.decision_id), l.given_names, l.surname,
                    l.personal_code.empty() ? "" : registry::format_personal_code(l.personal_code), l.kind,
                    fmt::format("{}.{:02}", l.amount / 100, l.amount % 100), l.status});
  }
  ATB_TRY(access::audit_action(ctx, p, req, "export", "assistance_payment", month, format));
  Response r;
  if (format == "csv") {
    r = Response::text(tabular::csv_document(header, rows), "text/csv; charset=utf-8");
  } else {
    ATB_TRY_ASSIGN(xlsx, tabular::xlsx_document(lv ? "Izmaksas " + month : "Payments " + month, header, rows));
    r = Response::text(std::move(xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"izmaksas-" + month + "." + format + "\"");
  return r;
}

}  // namespace

void add_decision_routes(http::Router& router, const access::Context& ctx) {
  router.add(Method::get, "/api/v1/assistance/applications/{id}/calculation", handler(ctx, calculation),
             {.summary = "The calculation of an application with its step-by-step explanation.", .tag = "assistance",
              .authenticated = true});
  router.add(Method::post, "/api/v1/assistance/applications/{id}/decision", handler(ctx, decide_application),
             {.summary = "Decide a submitted application (409 with flags for a double benefit).", .tag = "assistance",
              .authenticated = true, .success_status = 201});
  router.add(Method::get, "/api/v1/assistance/decisions/{id}", handler(ctx, read_decision),
             {.summary = "A decision with its explanation and payments.", .tag = "assistance", .authenticated = true});
  router.add(Method::get, "/api/v1/assistance/decisions/{id}/pdf", handler(ctx, decision_document),
             {.summary = "The decision (lēmums) as PDF.", .tag = "assistance", .authenticated = true,
              .response_type = "application/pdf"});
  router.add(Method::post, "/api/v1/assistance/decisions/{id}/stop", handler(ctx, stop),
             {.summary = "Stop a granted benefit's payments from a month on.", .tag = "assistance", .authenticated = true});
  router.add(Method::post, "/api/v1/assistance/decisions/{id}/recalculate", handler(ctx, recalculate),
             {.summary = "Recalculate a granted decision from a month on: a new decision supersedes it (history kept).",
              .tag = "assistance", .authenticated = true, .success_status = 201});
  router.add(Method::get, "/api/v1/assistance/payments", handler(ctx, payments),
             {.summary = "The payment list of a month (JSON, CSV or XLSX).", .tag = "assistance", .authenticated = true});
}

}  // namespace atb::assistance
