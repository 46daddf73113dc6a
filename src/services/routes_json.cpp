#include "services/routes_json.h"

#include "http/json_body.h"
#include "services/rules.h"

namespace atb::services {
namespace {

using nlohmann::json;

json opt(const std::optional<std::string>& v) {
  return v ? json(*v) : json(nullptr);
}
json opt(const std::optional<int>& v) {
  return v ? json(*v) : json(nullptr);
}
json opt(const std::optional<std::int64_t>& v) {
  return v ? json(*v) : json(nullptr);
}
json user(const UserRef& u) {
  return {{"id", u.id}, {"name", u.name}};
}
json user(const std::optional<UserRef>& u) {
  return u ? user(*u) : json(nullptr);
}

Error wrong_type(const std::string& field, const char* lv, const char* en) {
  return Error::invalid_field(field, {lv, en});
}

// An optional integer member within [min, max]: absent → unchanged, null → cleared.
template <class T>
Result<void> read_int(const json& body, const std::string& field, std::optional<T>& target,
                      std::int64_t min, std::int64_t max) {
  if (!body.contains(field)) return ok();
  if (body[field].is_null()) {
    target.reset();
    return ok();
  }
  if (!body[field].is_number_integer() || body[field].get<std::int64_t>() < min ||
      body[field].get<std::int64_t>() > max) {
    return Error::invalid_field(
        field,
        {"Norādiet veselu skaitli no " + std::to_string(min) + " līdz " + std::to_string(max) + ".",
         "Give a whole number from " + std::to_string(min) + " to " + std::to_string(max) + "."});
  }
  target = static_cast<T>(body[field].get<std::int64_t>());
  return ok();
}

// A required integer member when present (null refused).
template <class T>
Result<void> read_required_int(const json& body, const std::string& field, T& target,
                               std::int64_t min, std::int64_t max) {
  if (!body.contains(field)) return ok();
  std::optional<T> v;
  ATB_TRY(read_int(body, field, v, min, max));
  if (!v) return Error::invalid_field(field, {"Lauks ir obligāts.", "This field is required."});
  target = *v;
  return ok();
}

Result<void> read_text(const json& body, const char* field, std::string& target, std::size_t max) {
  if (!body.contains(field)) return ok();
  ATB_TRY_ASSIGN_TO(target, http::required_string(body, field, max));
  return ok();
}

Result<void> read_opt_text(const json& body, const char* field, std::optional<std::string>& target,
                           std::size_t max) {
  if (!body.contains(field)) return ok();
  ATB_TRY_ASSIGN_TO(target, http::optional_string(body, field, max));
  return ok();
}

}  // namespace

json to_json(const Service& s) {
  return {{"id", s.id},
          {"name", {{"lv", s.name_lv}, {"en", s.name_en}}},
          {"kind", s.kind},
          {"provider",
           {{"department_id", opt(s.provider_department_id)},
            {"partner_id", opt(s.provider_partner_id)},
            {"name", s.provider_name},
            {"contract_from", opt(s.contract_from)},
            {"contract_to", opt(s.contract_to)}}},
          {"eligibility",
           {{"age_min", opt(s.eligibility.age_min)},
            {"age_max", opt(s.eligibility.age_max)},
            {"target_groups", s.eligibility.target_groups}}},
          {"capacity", s.capacity},
          {"capacity_unit", s.capacity_unit},
          {"unit", s.unit},
          {"price_cents", s.price_cents},
          {"funding", {{"source", s.funding}, {"project_number", opt(s.project_number)}}},
          {"active", s.active},
          {"version", s.version},
          {"created_at", s.created_at},
          {"updated_at", s.updated_at}};
}

json to_json(const Referral& r, const Date& today, std::optional<int> position) {
  return {
      {"id", r.id},
      {"service",
       {{"id", r.service_id}, {"name", {{"lv", r.service_name_lv}, {"en", r.service_name_en}}}}},
      {"case_id", r.case_id},
      {"person", {{"id", r.person_id}, {"name", r.person_name}}},
      {"target_group", opt(r.target_group)},
      {"quantity", r.quantity},
      {"note", opt(r.note)},
      {"state", r.state},
      {"version", r.version},
      {"requested_on", r.requested_on},
      {"requested_by", user(r.requested_by)},
      {"requested_at", r.requested_at},
      {"decision_due_on", r.decision_due_on},
      {"decision_overdue", decision_overdue(r, today)},
      {"decision", opt(r.decision)},
      {"decision_reason", opt(r.decision_reason)},
      {"decided_by", user(r.decided_by)},
      {"decided_at", opt(r.decided_at)},
      {"priority", opt(r.priority)},
      {"waiting_since", opt(r.waiting_since)},
      {"position", opt(position)},
      {"start_on", opt(r.start_on)},
      {"placed_by", user(r.placed_by)},
      {"placed_at", opt(r.placed_at)},
      {"override_reason", opt(r.override_reason)},
      {"end_on", opt(r.end_on)},
      {"end_reason", opt(r.end_reason)},
      {"ended_by", user(r.ended_by)},
      {"ended_at", opt(r.ended_at)}};
}

json to_json(const Delivery& d) {
  return {{"id", d.id},
          {"referral_id", d.referral_id},
          {"delivered_on", d.delivered_on},
          {"quantity", d.quantity},
          {"attended", d.attended},
          {"note", opt(d.note)},
          {"recorded_by", user(d.recorded_by)},
          {"recorded_at", d.recorded_at}};
}

json to_json(const WaitingEntry& e, const char* since_field) {
  json out = {{"referral_id", e.referral_id},
              {"priority", e.priority},
              {since_field, e.waiting_since},
              {"quantity", e.quantity},
              {"redacted", !e.visible}};
  if (e.position > 0) out["position"] = e.position;
  if (e.visible) {
    out["case_id"] = e.case_id;
    out["person"] = {{"id", e.person_id}, {"name", e.person_name}};
  }
  return out;
}

Result<void> apply_service_body(const json& body, Service& s) {
  ATB_TRY(read_text(body, "name_lv", s.name_lv, 200));
  ATB_TRY(read_text(body, "name_en", s.name_en, 200));
  ATB_TRY(read_text(body, "kind", s.kind, 40));
  ATB_TRY(read_int(body, "provider_department_id", s.provider_department_id, 1, INT64_MAX));
  ATB_TRY(read_int(body, "provider_partner_id", s.provider_partner_id, 1, INT64_MAX));
  ATB_TRY(read_opt_text(body, "contract_from", s.contract_from, 10));
  ATB_TRY(read_opt_text(body, "contract_to", s.contract_to, 10));
  ATB_TRY(read_int(body, "age_min", s.eligibility.age_min, 0, 130));
  ATB_TRY(read_int(body, "age_max", s.eligibility.age_max, 0, 130));
  if (body.contains("target_groups")) {
    if (!body["target_groups"].is_array()) {
      return wrong_type("target_groups", "Norādiet mērķa grupu sarakstu.",
                        "Give a list of target groups.");
    }
    ATB_TRY_ASSIGN_TO(s.eligibility.target_groups,
                      http::string_array(body, "target_groups", 10, 40));
  }
  ATB_TRY(read_required_int(body, "capacity", s.capacity, 0, 100000));
  ATB_TRY(read_text(body, "capacity_unit", s.capacity_unit, 40));
  ATB_TRY(read_text(body, "unit", s.unit, 40));
  ATB_TRY(read_required_int(body, "price_cents", s.price_cents, 0, 100000000));
  ATB_TRY(read_text(body, "funding", s.funding, 40));
  ATB_TRY(read_opt_text(body, "project_number", s.project_number, 60));
  if (body.contains("active")) {
    if (!body["active"].is_boolean())
      return wrong_type("active", "Norādiet true vai false.", "Give true or false.");
    s.active = body["active"].get<bool>();
  }
  return ok();
}

}  // namespace atb::services
