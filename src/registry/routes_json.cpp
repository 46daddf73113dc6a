#include "registry/routes_json.h"

#include <algorithm>

#include "http/json_body.h"
#include "registry/personal_code.h"

namespace atb::registry {
namespace {

using nlohmann::json;

json nullable(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }
json text_json(const Text& t) { return {{"lv", t.lv}, {"en", t.en}}; }

Error wrong_type(const std::string& field, Text what) { return Error::invalid_field(field, std::move(what)); }

}  // namespace

Result<std::optional<Address>> address_from(const json& body, const std::string& field) {
  if (!body.contains(field) || body[field].is_null()) return std::optional<Address>{};
  const json& a = body[field];
  if (!a.is_object()) return wrong_type(field, {"Adresei jābūt objektam.", "The address must be an object."});
  static const char* parts[] = {"municipality", "locality", "street", "house", "flat", "postal_code"};
  for (const auto& [key, v] : a.items()) {
    if (std::find_if(std::begin(parts), std::end(parts), [&](const char* p) { return key == p; }) == std::end(parts)) {
      return Error::invalid_field(field + "." + key, {"Nezināms lauks.", "Unknown field."});
    }
  }
  Address out;
  std::string* targets[] = {&out.municipality, &out.locality, &out.street, &out.house, &out.flat, &out.postal_code};
  for (std::size_t i = 0; i < std::size(parts); ++i) {
    auto v = http::optional_string(a, parts[i], 200);
    if (!v) {
      Error e = v.error();
      for (FieldError& f : e.fields) f.field = field + "." + f.field;
      return e;
    }
    *targets[i] = v->value_or("");
  }
  return std::optional(std::move(out));
}

Result<PersonDraft> person_draft(const json& body, PersonDraft d) {
  for (auto [key, target] : {std::pair{"given_names", &d.given_names}, std::pair{"surname", &d.surname}}) {
    if (body.contains(key)) ATB_TRY_ASSIGN_TO(*target, http::required_string(body, key, 200));
  }
  const std::pair<const char*, std::optional<std::string>*> optional_fields[] = {
      {"personal_code", &d.personal_code}, {"other_id_kind", &d.other_id_kind}, {"other_id", &d.other_id},
      {"birth_date", &d.birth_date},       {"sex", &d.sex},                     {"language", &d.language},
      {"email", &d.email},                 {"deceased_on", &d.deceased_on}};
  for (const auto& [key, target] : optional_fields) {
    if (body.contains(key)) ATB_TRY_ASSIGN_TO(*target, http::optional_string(body, key, 260));
  }
  for (auto [key, target] : {std::pair{"disability", &d.disability}, std::pair{"health_note", &d.health_note}}) {
    if (!body.contains(key) || body[key].is_null()) {
      if (body.contains(key)) target->reset();
      continue;
    }
    if (!body[key].is_string()) return wrong_type(key, {"Laukam jābūt tekstam.", "This field must be text."});
    *target = body[key].get<std::string>();  // multi-line text: checked by the rules
  }
  if (body.contains("phones")) {
    if (body["phones"].is_null()) d.phones.clear();
    else ATB_TRY_ASSIGN_TO(d.phones, http::string_array(body, "phones", 10, 40));
  }
  if (body.contains("declared_address")) ATB_TRY_ASSIGN_TO(d.declared_address, address_from(body, "declared_address"));
  if (body.contains("actual_address")) ATB_TRY_ASSIGN_TO(d.actual_address, address_from(body, "actual_address"));
  return d;
}

json to_json(const Address& a) {
  return {{"municipality", a.municipality}, {"locality", a.locality}, {"street", a.street},
          {"house", a.house}, {"flat", a.flat}, {"postal_code", a.postal_code}};
}

json to_json(const Registration& r) {
  return {{"department", {{"id", r.department_id}, {"code", r.department_code}, {"name", text_json(r.department_name)}}},
          {"team_id", r.team_id}, {"first_registered_on", r.first_registered_on}, {"channel", r.channel}};
}

json to_json(const Person& p, const Opened& o, const std::vector<Warning>& warnings) {
  const PersonDraft& d = p.data;
  json j = {{"id", p.id},
            {"version", p.version},
            {"access", o.access == access::Access::change ? "change" : "read"},
            {"break_glass", o.break_glass},
            {"given_names", d.given_names},
            {"surname", d.surname},
            {"personal_code", d.personal_code ? json(format_personal_code(*d.personal_code)) : json(nullptr)},
            {"code_format", d.personal_code ? json((*d.personal_code)[0] == '3' ? "new" : "old") : json(nullptr)},
            {"other_id_kind", nullable(d.other_id_kind)},
            {"other_id", nullable(d.other_id)},
            {"birth_date", nullable(d.birth_date)},
            {"sex", nullable(d.sex)},
            {"language", nullable(d.language)},
            {"phones", d.phones},
            {"email", nullable(d.email)},
            {"declared_address", d.declared_address ? to_json(*d.declared_address) : json(nullptr)},
            {"actual_address", d.actual_address ? to_json(*d.actual_address) : json(nullptr)},
            {"deceased_on", nullable(d.deceased_on)},
            {"sensitive", o.sensitive ? json{{"disability", nullable(d.disability)}, {"health_note", nullable(d.health_note)}}
                                      : json(nullptr)},
            {"created_at", p.created_at},
            {"updated_at", p.updated_at}};
  json& names = j["name_history"] = json::array();
  for (const NameRecord& n : p.name_history) {
    names.push_back({{"given_names", n.given_names}, {"surname", n.surname}, {"until", n.until}, {"reason", n.reason}});
  }
  json& codes = j["code_history"] = json::array();
  for (const CodeRecord& c : p.code_history) {
    codes.push_back({{"personal_code", format_personal_code(c.code)}, {"until", c.until}, {"reason", c.reason}});
  }
  json& regs = j["registrations"] = json::array();
  for (const Registration& r : p.registrations) regs.push_back(to_json(r));
  json& households = j["households"] = json::array();
  for (const Membership& m : p.households) {
    households.push_back({{"id", m.household_id}, {"name", m.household_name}, {"relationship", m.relationship},
                          {"since", m.since}, {"until", nullable(m.until)}});
  }
  json& merges = j["merged"] = json::array();
  for (const MergeRecord& m : p.merges) {
    merges.push_back({{"merge_id", m.merge_id}, {"person_id", m.person_id}, {"given_names", m.given_names},
                      {"surname", m.surname}, {"merged_at", m.merged_at}, {"split_at", nullable(m.split_at)}});
  }
  json& warn = j["warnings"] = json::array();
  for (const Warning& w : warnings) warn.push_back({{"field", w.field}, {"message", text_json(w.message)}});
  j["cases"] = json::array();
  return j;
}

json hit_json(const PersonHit& h) {
  const int birth_year = h.birth_date.size() >= 4 ? std::stoi(h.birth_date.substr(0, 4)) : 0;
  if (!h.in_scope) {
    json deps = json::array();
    for (const Registration& r : h.departments) {
      deps.push_back({{"id", r.department_id}, {"code", r.department_code}, {"name", text_json(r.department_name)}});
    }
    return {{"id", h.id}, {"in_scope", false}, {"given_names", h.given_names}, {"surname", h.surname},
            {"birth_year", birth_year}, {"departments", deps}};
  }
  return {{"id", h.id}, {"in_scope", true}, {"given_names", h.given_names}, {"surname", h.surname},
          {"personal_code", h.personal_code ? json(format_personal_code(*h.personal_code)) : json(nullptr)},
          {"birth_date", h.birth_date}, {"birth_year", birth_year}, {"address", h.address}, {"match", h.match}};
}

json candidate_json(const PersonHit& h) {
  json j = hit_json(h);
  j.erase("match");
  j["score"] = static_cast<double>(static_cast<int>(h.score * 100 + 0.5)) / 100.0;
  j["reasons"] = h.reasons;
  j["blocking"] = h.blocking;
  return j;
}

json to_json(const Household& h, const Opened& o, const std::string& kind) {
  auto member_json = [](const Member& m) {
    json j = {{"person_id", m.person_id}, {"given_names", m.given_names}, {"surname", m.surname},
              {"relationship", m.relationship}, {"since", m.since}, {"until", nullable(m.until)},
              {"in_scope", m.in_scope}};
    j["birth_date"] = m.in_scope ? json(m.birth_date) : json(nullptr);
    j["birth_year"] = m.birth_date.size() >= 4 ? std::stoi(m.birth_date.substr(0, 4)) : 0;
    return j;
  };
  json members = json::array();
  for (const Member& m : h.members) members.push_back(member_json(m));
  json past = json::array();
  for (const Member& m : h.past_members) past.push_back(member_json(m));
  json regs = json::array();
  for (const Registration& r : h.registrations) regs.push_back(to_json(r));
  return {{"id", h.id}, {"version", h.version}, {"access", o.access == access::Access::change ? "change" : "read"},
          {"break_glass", o.break_glass}, {"name", h.name}, {"kind", kind},
          {"address", h.address ? to_json(*h.address) : json(nullptr)}, {"members", members},
          {"past_members", past}, {"registrations", regs}};
}

}  // namespace atb::registry
