// The public web request (the seeds' remote intake): no login; a resident describes her need
// and leaves a phone number or e-mail. It arrives as a routine intake with channel "web" in
// the configured team and answers a reference number. Size-limited (413), throttled per
// client address (429), and with a honeypot field "website" that people never see: when a
// robot fills it, the answer looks the same (201 with a reference) but nothing is stored.
#include <nlohmann/json.hpp>

#include "access/throttle.h"
#include "audit/store.h"
#include "cases/intake_store.h"
#include "cases/routes.h"
#include "cases/routes_json.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/time.h"
#include "http/json_body.h"

namespace atb::cases {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

/// The fields of a public request, checked before anything is stored.
struct PublicRequest {
  std::string name, phone, email, concern;
  bool robot = false;  ///< the honeypot was filled
};

constexpr const char* kPublicSchema = R"({"type":"object","required":["concern"],
  "properties":{"name":{"type":"string","maxLength":120},"phone":{"type":"string","maxLength":40},
   "email":{"type":"string","maxLength":200},"concern":{"type":"string","maxLength":4000},
   "website":{"type":"string","description":"honeypot: leave empty"}}})";

Result<PublicRequest> public_request_from(const json& body) {
  PublicRequest r;
  ATB_TRY_ASSIGN(website, http::optional_string(body, "website", 200));
  r.robot = website && !website->empty();
  ATB_TRY_ASSIGN(name, http::optional_string(body, "name", 120));
  ATB_TRY_ASSIGN(phone, http::optional_string(body, "phone", 40));
  ATB_TRY_ASSIGN(email, http::optional_string(body, "email", 200));
  r.name = name.value_or("");
  r.phone = phone.value_or("");
  r.email = email.value_or("");
  if (r.phone.empty() && r.email.empty()) {
    return Error::invalid_field("phone", {"Norādiet tālruni vai e-pastu, lai varam sazināties.",
                                          "Give a phone number or an e-mail so that we can contact you."});
  }
  if (!r.phone.empty() && r.phone.find_first_not_of("+0123456789 -()") != std::string::npos) {
    return Error::invalid_field("phone", {"Tālrunī var būt tikai cipari, +, atstarpes un domuzīmes.",
                                          "A phone number has only digits, +, spaces and hyphens."});
  }
  if (!r.email.empty() && (r.email.find('@') == std::string::npos || r.email.find(' ') != std::string::npos)) {
    return Error::invalid_field("email", {"Nederīga e-pasta adrese.", "Invalid e-mail address."});
  }
  ATB_TRY_ASSIGN(concern, http::optional_text(body, "concern", kPublicConcernMax));
  if (!concern || concern->find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error::invalid_field("concern", {"Aprakstiet, kāda palīdzība nepieciešama.", "Describe the help you need."});
  }
  r.concern = *concern;
  return r;
}

// Counts one request of `remote` against the hourly limit; too_many when over it.
Result<void> count_request(storage::Connection& c, const std::string& remote, const Settings& settings, TimePoint now) {
  const std::string key = "public:" + remote;
  const access::ThrottleRules rules{0, settings.public_requests_per_hour, std::chrono::hours(1), std::chrono::hours(1)};
  ATB_TRY_ASSIGN(state, access::load_throttle(c, key));
  if (const std::int64_t wait = access::seconds_locked(state, now); wait > 0) {
    Error e{Errc::too_many, {"Pārāk daudz pieteikumu no šīs adreses; mēģiniet vēlāk vai zvaniet.",
                             "Too many requests from this address; try later or call us."}, {}, {}};
    e.retry_after_seconds = wait;
    return e;
  }
  return access::save_throttle(c, key, access::after_failure(state, now, rules.address_failures, rules));
}

Result<Response> submit(const CaseContext& cc, Request& req) {
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"name", "phone", "email", "concern", "website"}));
  ATB_TRY_ASSIGN(form, public_request_from(body));
  const TimePoint now = std::chrono::system_clock::now();
  const Deadline deadline = first_contact_deadline("routine", now, cc.calendar, cc.settings);
  ATB_TRY_ASSIGN(reference, cc.access.db->write([&](storage::Connection& c) -> Result<std::string> {
    ATB_TRY(count_request(c, req.remote_address, cc.settings, now));
    if (form.robot) {
      log::info("public request honeypot", {{"remote", req.remote_address}});
      return intake_reference(crypto::random_bytes(8));
    }
    ATB_TRY_ASSIGN(team, find_team(c, cc.settings.web_municipality, cc.settings.web_department, cc.settings.web_team));
    if (!team) return Error::internal("the team for web requests (config [cases]) does not exist");
    Intake i;
    i.municipality_id = team->municipality_id;
    i.department_id = team->department_id;
    i.team_id = team->team_id;
    i.channel = "web";
    i.urgency = "routine";
    i.reporter = {"person", form.name,
                  form.phone.empty() ? form.email : form.email.empty() ? form.phone : form.phone + ", " + form.email};
    i.concern = form.concern;
    i.received_at = i.created_at = iso_utc(now);
    i.first_contact_due_on = deadline.due_on.iso();
    ATB_TRY_ASSIGN(id, register_intake(c, i, 0));
    access::Principal resident;
    resident.username = "public";
    audit::Entry entry = access::audit_entry(resident, req, "create", "intake", std::to_string(id), "web request");
    entry.user_id.reset();
    std::vector<audit::Entry> entries{std::move(entry)};
    ATB_TRY(audit::append(c, entries));
    return i.reference;
  }));
  return Response::json({{"reference", reference},
                         {"received_at", iso_utc(now)},
                         {"message", {{"lv", "Paldies! Jūsu pieteikums ir saņemts. Sociālais dienests ar jums sazināsies."},
                                      {"en", "Thank you! Your request has been received. The social service will contact you."}}}},
                        201);
}

}  // namespace

void add_public_routes(http::Router& router, const CaseContext& cc) {
  router.add(
      Method::post, "/api/v1/public/requests",
      [cc](Request& req) -> Response {
        auto answer = submit(cc, req);
        if (!answer) return access::answer_error(answer.error(), req);
        return std::move(*answer);
      },
      {.summary = "A resident's request for help, without login (size-limited, throttled per address).", .tag = "cases",
       .authenticated = false, .request_schema = kPublicSchema, .success_status = 201},
      {.max_body = cc.settings.public_request_bytes});
}

}  // namespace atb::cases
