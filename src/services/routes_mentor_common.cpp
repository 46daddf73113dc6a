#include "services/routes_mentor_common.h"

#include "audit/store.h"
#include "http/json_body.h"
#include "services/mentor_store.h"
#include "services/store.h"

namespace atb::services {
namespace {

using nlohmann::json;

Error missing(const Text& what) {
  return Error{Errc::not_found, what, {}, {}};
}

// The required whole number of minutes (422 naming it).
Result<int> minutes_member(const json& body) {
  if (!body.contains("minutes") || !body["minutes"].is_number_integer() ||
      body["minutes"].get<std::int64_t>() < 0 ||
      body["minutes"].get<std::int64_t>() > kMaxMeetingMinutes) {
    return Error::invalid_field("minutes",
                                {"Ilgums minūtēs: no 0 līdz 600.", "Length in minutes: 0 to 600."});
  }
  return static_cast<int>(body["minutes"].get<std::int64_t>());
}

}  // namespace

Result<MentorReferral> mentor_referral(storage::Connection& c, const access::Principal& p,
                                       std::int64_t id, access::Access need) {
  ATB_TRY_ASSIGN(opened, open_referral(c, p, id, need));
  ATB_TRY_ASSIGN(service, load_service(c, opened.referral.service_id));
  if (!service || service->kind != "mentor") {
    return missing(
        {"Nosūtījums nav uz mentora pakalpojumu.", "The referral is not to a mentor service."});
  }
  return MentorReferral{std::move(opened), std::move(*service)};
}

Result<void> must_be_placed(const Referral& r) {
  if (r.state == "placed" && r.start_on) return ok();
  return Error{Errc::conflict,
               {"Mentoru var piesaistīt un tikšanās reģistrēt tikai uzņemtam nosūtījumam.",
                "A mentor is paired and meetings logged only for a placed referral."},
               {},
               {}};
}

Result<Pairing> pairing_of(storage::Connection& c, const http::Request& req,
                           std::int64_t referral_id) {
  const auto pid = http::path_id(req.param("pid"));
  if (!pid) return missing(kNoPairing);
  ATB_TRY_ASSIGN(found, load_pairing(c, *pid));
  if (!found || found->referral_id != referral_id) return missing(kNoPairing);
  ATB_TRY(load_pairing_details(c, *found));
  return std::move(*found);
}

Result<void> must_be_active(const Pairing& p) {
  if (!p.until_on) return ok();
  return Error{
      Errc::conflict,
      {"Pāris ir beidzies (" + *p.until_on + ").", "The pairing has ended (" + *p.until_on + ")."},
      {},
      {}};
}

Result<void> read_meeting_body(const json& body, bool patch, MeetingBody& m) {
  if (!patch || body.contains("met_on")) {
    ATB_TRY_ASSIGN_TO(m.in.met_on, http::required_string(body, "met_on", 10));
  }
  if (!patch || body.contains("minutes")) ATB_TRY_ASSIGN_TO(m.in.minutes, minutes_member(body));
  if (!patch || body.contains("format")) {
    ATB_TRY_ASSIGN_TO(m.in.format, http::required_string(body, "format", 20));
  }
  if (!patch || body.contains("attended")) {
    if (!body.contains("attended") || !body["attended"].is_boolean()) {
      return Error::invalid_field(
          "attended", {"Norādiet, vai jaunietis ieradās.", "Say whether the young person came."});
    }
    m.in.attended = body["attended"].get<bool>();
  }
  if (!patch || body.contains("place")) {
    ATB_TRY_ASSIGN_TO(m.place, http::optional_string(body, "place", 200));
  }
  if (!patch || body.contains("note")) {
    ATB_TRY_ASSIGN_TO(m.note, http::optional_text(body, "note", 2000));
    if (m.note && m.note->find_first_not_of(" \t\r\n") == std::string::npos) m.note.reset();
  }
  return ok();
}

Result<void> audit_pairing_change(storage::Connection& c, const access::Principal& p,
                                  const http::Request& req, const std::string& action,
                                  std::int64_t pairing_id, const std::string& reason) {
  std::vector<audit::Entry> entries{
      access::audit_entry(p, req, action, "mentor_pairing", std::to_string(pairing_id), reason)};
  return audit::append(c, entries);
}

}  // namespace atb::services
