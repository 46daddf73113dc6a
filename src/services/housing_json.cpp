#include "services/housing_json.h"

namespace atb::services {

using nlohmann::json;

namespace {

template <class T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

}  // namespace

json to_json(const HousingPlace& p) {
  json out_of_use = nullptr;
  if (p.out_of_use) {
    out_of_use = {{"since", p.out_of_use->since},
                  {"reason", p.out_of_use->reason},
                  {"by", {{"id", p.out_of_use->by}, {"name", p.out_of_use->by_name}}}};
  }
  return {{"id", p.id},
          {"room_id", p.room_id},
          {"name", p.name},
          {"version", p.version},
          {"out_of_use", out_of_use}};
}

json to_json(const HousingRoom& r) {
  json places = json::array();
  for (const HousingPlace& p : r.places) places.push_back(to_json(p));
  return {{"id", r.id}, {"unit_id", r.unit_id}, {"name", r.name}, {"places", places}, {"version", r.version}};
}

json to_json(const HousingUnit& u) {
  json rooms = json::array();
  for (const HousingRoom& r : u.rooms) rooms.push_back(to_json(r));
  return {{"id", u.id},
          {"service_id", u.service_id},
          {"name", u.name},
          {"address", opt(u.address)},
          {"created_at", u.created_at},
          {"version", u.version},
          {"rooms", rooms}};
}

json to_json(const Stay& s) {
  json out = {{"id", s.id},
              {"service_id", s.where.service_id},
              {"unit", {{"id", s.where.unit_id}, {"name", s.where.unit_name}}},
              {"room", {{"id", s.where.room_id}, {"name", s.where.room_name}}},
              {"place", {{"id", s.where.place_id}, {"name", s.where.place_name}}},
              {"referral_id", s.referral_id},
              {"move_in_on", s.move_in_on},
              {"move_out_on", opt(s.move_out_on)},
              {"move_out_reason", opt(s.move_out_reason)},
              {"version", s.version},
              {"moved_in_at", s.moved_in_at},
              {"moved_out_at", opt(s.moved_out_at)},
              {"redacted", !s.visible}};
  if (s.visible) {
    out["case_id"] = s.case_id;
    out["person"] = {{"id", s.person_id}, {"name", s.person_name}};
  } else {
    out["move_out_reason"] = nullptr;  // free text about the resident (e.g. a hospital stay)
  }
  return out;
}

json to_json(const UnitOccupancy& o) {
  return {{"unit_id", o.unit_id},
          {"name", o.name},
          {"places", o.places},
          {"occupied", o.occupied},
          {"out_of_use", o.out_of_use},
          {"free", o.places - o.occupied - o.out_of_use}};
}

}  // namespace atb::services
