#include "services/mentor_json.h"

#include <algorithm>

#include "http/json_body.h"

namespace atb::services {
namespace {

using nlohmann::json;

json opt(const std::optional<std::string>& v) {
  return v ? json(*v) : json(nullptr);
}
json user(const UserRef& u) {
  return {{"id", u.id}, {"name", u.name}};
}

// An optional string member: absent → unchanged, null → cleared.
Result<void> read_text(const json& body, const char* field, std::size_t max,
                       std::optional<std::string>& target) {
  if (!body.contains(field)) return ok();
  ATB_TRY_ASSIGN(v, http::optional_string(body, field, max));
  target = std::move(v);
  return ok();
}

// A required string member when present.
Result<void> read_required_text(const json& body, const char* field, std::size_t max,
                                std::string& target) {
  if (!body.contains(field)) return ok();
  ATB_TRY_ASSIGN(v, http::required_string(body, field, max));
  target = std::move(v);
  return ok();
}

}  // namespace

json to_json(const Mentor& m) {
  return {{"id", m.id},
          {"kind", m.kind},
          {"user_id", m.user_id ? json(*m.user_id) : json(nullptr)},
          {"name", m.name},
          {"phone", opt(m.phone)},
          {"email", opt(m.email)},
          {"trained_on", m.trained_on},
          {"active", m.active},
          {"max_mentees", m.max_mentees},
          {"active_pairings", m.active_pairings},
          {"free", std::max(0, m.max_mentees - m.active_pairings)},
          {"version", m.version},
          {"created_at", m.created_at},
          {"updated_at", m.updated_at}};
}

json to_json(const Mentee& m) {
  json out{{"pairing_id", m.pairing_id},
           {"referral_id", m.referral_id},
           {"from_on", m.from_on},
           {"redacted", !m.visible}};
  if (m.visible) {
    out["case_id"] = m.case_id;
    out["person"] = {{"name", m.person_name}};
  }
  return out;
}

json to_json(const PairingGoal& g) {
  return {{"id", g.goal_id},
          {"plan_id", g.plan_id},
          {"plan_number", g.plan_number},
          {"plan_status", g.plan_status},
          {"text", g.text}};
}

json to_json(const Meeting& m, const Keyring& keys) {
  json out{{"id", m.id},
           {"pairing_id", m.pairing_id},
           {"delivery_id", m.delivery_id ? json(*m.delivery_id) : json(nullptr)},
           {"met_on", m.met_on},
           {"minutes", m.minutes},
           {"format", m.format},
           {"place", opt(m.place)},
           {"attended", m.attended},
           {"note", nullptr},
           {"recorded_by", user(m.recorded_by)},
           {"recorded_at", m.recorded_at},
           {"version", m.version},
           {"corrected_by", m.corrected_by ? user(*m.corrected_by) : json(nullptr)},
           {"corrected_at", opt(m.corrected_at)}};
  if (!m.note_sealed.empty()) {
    auto note = keys.open(m.note_sealed);
    if (note) {
      out["note"] = std::move(*note);
    } else {
      out["unreadable"] = true;
    }
  }
  return out;
}

json to_json(const Pairing& p, const Keyring& keys) {
  json goals = json::array(), meetings = json::array();
  for (const PairingGoal& g : p.goals) goals.push_back(to_json(g));
  for (const Meeting& m : p.meetings) meetings.push_back(to_json(m, keys));
  return {{"id", p.id},
          {"referral_id", p.referral_id},
          {"mentor", {{"id", p.mentor_id}, {"name", p.mentor_name}, {"kind", p.mentor_kind}}},
          {"from_on", p.from_on},
          {"until_on", opt(p.until_on)},
          {"end_reason", opt(p.end_reason)},
          {"override_reason", opt(p.override_reason)},
          {"active", !p.until_on.has_value()},
          {"version", p.version},
          {"created_by", user(p.created_by)},
          {"created_at", p.created_at},
          {"ended_by", p.ended_by ? user(*p.ended_by) : json(nullptr)},
          {"ended_at", opt(p.ended_at)},
          {"goals", goals},
          {"meetings", meetings}};
}

Result<void> apply_mentor_body(const json& body, Mentor& m) {
  ATB_TRY(read_required_text(body, "kind", 20, m.kind));
  if (body.contains("user_id")) {
    if (body["user_id"].is_null()) {
      m.user_id.reset();
    } else if (!body["user_id"].is_number_integer() || body["user_id"].get<std::int64_t>() < 1) {
      return Error::invalid_field("user_id", {"Norādiet lietotāja numuru.", "Give a user id."});
    } else {
      m.user_id = body["user_id"].get<std::int64_t>();
    }
  }
  if (body.contains("name")) {
    ATB_TRY_ASSIGN(name, http::optional_string(body, "name", 1000));
    m.name = name.value_or("");
  }
  ATB_TRY(read_text(body, "phone", 40, m.phone));
  ATB_TRY(read_text(body, "email", 200, m.email));
  for (auto* contact : {&m.phone, &m.email}) {
    if (contact->has_value() && (*contact)->find_first_not_of(' ') == std::string::npos) {
      contact->reset();  // a blank contact is no contact
    }
  }
  ATB_TRY(read_required_text(body, "trained_on", 10, m.trained_on));
  if (body.contains("active")) {
    if (!body["active"].is_boolean()) {
      return Error::invalid_field("active", {"Norādiet true vai false.", "Give true or false."});
    }
    m.active = body["active"].get<bool>();
  }
  if (body.contains("max_mentees")) {
    if (!body["max_mentees"].is_number_integer() || body["max_mentees"].get<std::int64_t>() < 1 ||
        body["max_mentees"].get<std::int64_t>() > 1000) {
      return Error::invalid_field("max_mentees", {"Norādiet veselu skaitli no 1 līdz 20.",
                                                  "Give a whole number from 1 to 20."});
    }
    m.max_mentees = static_cast<int>(body["max_mentees"].get<std::int64_t>());
  }
  return ok();
}

}  // namespace atb::services
