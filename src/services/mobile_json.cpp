#include "services/mobile_json.h"

namespace atb::services {

using nlohmann::json;

namespace {

template <class T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json items_json(const std::vector<StopItem>& items) {
  json out = json::array();
  for (const StopItem& i : items) out.push_back({{"item", i.item}, {"quantity", i.quantity}});
  return out;
}

}  // namespace

json to_json(const MobileStop& s) {
  json out = {{"id", s.id},
              {"plan_id", s.plan_id},
              {"position", s.position},
              {"window_from", opt(s.window_from)},
              {"window_to", opt(s.window_to)},
              {"outcome", opt(s.outcome)},
              {"recorded_at", opt(s.recorded_at)},
              {"version", s.version},
              {"redacted", !s.visible}};
  if (!s.visible) return out;
  out["referral_id"] = s.referral_id;
  out["case_id"] = s.case_id;
  out["person"] = {{"id", s.person_id}, {"name", s.person_name}};
  out["address"] = opt(s.address);
  out["phone"] = opt(s.phone);
  out["note"] = opt(s.note);
  out["planned"] = items_json(s.planned);
  out["outcome_note"] = opt(s.outcome_note);
  out["delivered"] = items_json(s.delivered);
  out["delivery_id"] = opt(s.delivery_id);
  return out;
}

json to_json(const DayPlan& p) {
  json crew = json::array();
  for (const CrewMember& m : p.crew) crew.push_back({{"user_id", m.user_id}, {"name", m.name}});
  json stops = json::array();
  for (const MobileStop& s : p.stops) stops.push_back(to_json(s));
  return {{"id", p.id},
          {"service_id", p.service_id},
          {"date", p.day},
          {"route", p.route},
          {"vehicle", opt(p.vehicle)},
          {"note", opt(p.note)},
          {"crew", crew},
          {"stops", stops},
          {"version", p.version},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

Result<std::vector<StopItem>> items_member(const json& body, std::string_view field) {
  const std::string key(field);
  std::vector<StopItem> out;
  if (!body.contains(key) || body[key].is_null()) return out;
  const Error bad =
      Error::invalid_field(key, {"Norādiet vienību sarakstu: kodus vai {\"item\", \"quantity\"}.",
                                 "Give a list of items: codes or {\"item\", \"quantity\"}."});
  if (!body[key].is_array() || body[key].size() > 20) return bad;
  for (const json& e : body[key]) {
    if (e.is_string()) {
      if (e.get<std::string>().size() > 40) return bad;
      out.push_back({e.get<std::string>(), 1});
      continue;
    }
    if (!e.is_object() || !e.contains("item") || !e["item"].is_string() ||
        e["item"].get<std::string>().size() > 40) {
      return bad;
    }
    for (const auto& [name, value] : e.items()) {
      if (name != "item" && name != "quantity") return bad;
    }
    int quantity = 1;
    if (e.contains("quantity")) {
      if (!e["quantity"].is_number_integer()) return bad;
      const auto q = e["quantity"].get<std::int64_t>();
      quantity = q < 0 ? 0 : q > 1000 ? 1000 : static_cast<int>(q);
    }
    out.push_back({e["item"].get<std::string>(), quantity});
  }
  return out;
}

}  // namespace atb::services
