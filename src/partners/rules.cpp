#include "partners/rules.h"

#include <algorithm>

#include "cases/model.h"
#include "http/json_body.h"
#include "registry/personal_code.h"

namespace atb::partners {
namespace {

using nlohmann::json;

Error required(const std::string& field) { return Error::invalid_field(field, {"Obligāts lauks.", "Required field."}); }

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// A required one-line string (1–max, not blank).
Result<std::string> filled(const json& body, const std::string& field, std::size_t max) {
  if (!body.contains(field) || body[field].is_null()) return required(field);
  ATB_TRY_ASSIGN(v, http::required_string(body, field, max));
  if (blank(v)) return required(field);
  return v;
}

// A required multi-line text (1–kPartnerTextMax, not blank).
Result<std::string> text(const json& body, const std::string& field) {
  ATB_TRY_ASSIGN(v, http::optional_text(body, field, kPartnerTextMax));
  if (!v || blank(*v)) return required(field);
  return *v;
}

Result<void> check_email(const std::optional<std::string>& email, const std::string& field) {
  if (email && !email->empty() &&
      (std::count(email->begin(), email->end(), '@') != 1 || email->find(' ') != std::string::npos)) {
    return Error::invalid_field(field, {"Nederīga e-pasta adrese.", "Invalid e-mail address."});
  }
  return ok();
}

Result<void> check_phone(const std::optional<std::string>& phone, const std::string& field) {
  if (phone && phone->find_first_not_of("+0123456789 -()") != std::string::npos) {
    return Error::invalid_field(field, {"Tālrunī var būt tikai cipari, +, atstarpes un domuzīmes.",
                                        "A phone number has only digits, +, spaces and hyphens."});
  }
  return ok();
}

Result<Contact> contact_from(const json& value, const std::string& at) {
  if (!value.is_object()) return Error::invalid_field(at, {"Jābūt objektam.", "Must be an object."});
  for (const auto& [key, _] : value.items()) {
    if (key != "full_name" && key != "position" && key != "phone" && key != "email") {
      return Error::invalid_field(at + "." + key, {"Nezināms lauks.", "Unknown field."});
    }
  }
  auto under = [&](Error e) {
    for (auto& f : e.fields) f.field = at + "." + f.field;
    return e;
  };
  Contact c;
  auto name = filled(value, "full_name", 200);
  if (!name) return under(std::move(name).error());
  c.full_name = *name;
  auto position = http::optional_string(value, "position", 200);
  auto phone = http::optional_string(value, "phone", 40);
  auto email = http::optional_string(value, "email", 254);
  if (!position) return under(std::move(position).error());
  if (!phone) return under(std::move(phone).error());
  if (!email) return under(std::move(email).error());
  c.position = *position;
  c.phone = *phone;
  c.email = *email;
  ATB_TRY(check_phone(c.phone, at + ".phone"));
  ATB_TRY(check_email(c.email, at + ".email"));
  return c;
}

// An optional date member: a real YYYY-MM-DD date.
Result<std::optional<Date>> date_member(const json& body, const std::string& field) {
  ATB_TRY_ASSIGN(v, http::optional_string(body, field, 10));
  if (!v || v->empty()) return std::optional<Date>{};
  const auto d = parse_date(*v);
  if (!d) return Error::invalid_field(field, {"Datumam jābūt formā GGGG-MM-DD.", "The date must be YYYY-MM-DD."});
  return std::optional(*d);
}

}  // namespace

Result<Partner> partner_from(const json& body, const Partner& base, bool partial) {
  Partner p = base;
  if (!partial || body.contains("kind")) {
    ATB_TRY_ASSIGN(kind, filled(body, "kind", 20));
    if (!cases::one_of(kPartnerKinds, kind)) {
      return Error::invalid_field("kind", {"Nezināms iestādes veids.", "Unknown kind of institution."});
    }
    p.kind = kind;
  }
  if (!partial || body.contains("name")) ATB_TRY_ASSIGN_TO(p.name, filled(body, "name", 200));
  if (body.contains("registration_number")) {
    ATB_TRY_ASSIGN_TO(p.registration_number, http::optional_string(body, "registration_number", 40));
  }
  if (body.contains("address")) ATB_TRY_ASSIGN_TO(p.address, http::optional_string(body, "address", 300));
  if (body.contains("phone")) ATB_TRY_ASSIGN_TO(p.phone, http::optional_string(body, "phone", 40));
  if (body.contains("email")) ATB_TRY_ASSIGN_TO(p.email, http::optional_string(body, "email", 254));
  ATB_TRY(check_phone(p.phone, "phone"));
  ATB_TRY(check_email(p.email, "email"));
  if (body.contains("active")) {
    if (!body["active"].is_boolean()) {
      return Error::invalid_field("active", {"Jābūt true vai false.", "Must be true or false."});
    }
    p.active = body["active"].get<bool>();
  }
  if (body.contains("contacts")) {
    if (!body["contacts"].is_array() || body["contacts"].size() > 20) {
      return Error::invalid_field("contacts", {"Ne vairāk kā 20 kontaktpersonu.", "At most 20 contacts."});
    }
    p.contacts.clear();
    for (std::size_t n = 0; n < body["contacts"].size(); ++n) {
      ATB_TRY_ASSIGN(c, contact_from(body["contacts"][n], "contacts." + std::to_string(n)));
      p.contacts.push_back(std::move(c));
    }
  }
  return p;
}

Result<ConcernDraft> concern_from(const json& body, const std::string& school, const Date& today) {
  ConcernDraft d;
  ATB_TRY_ASSIGN_TO(d.child_name, filled(body, "child_name", 200));
  ATB_TRY_ASSIGN(born, date_member(body, "child_birth_date"));
  if (born) {
    const Date oldest{today.year - 25, today.month, today.day};
    if (*born > today || *born < oldest) {
      return Error::invalid_field("child_birth_date", {"Dzimšanas datumam jābūt pēdējos 25 gados, ne nākotnē.",
                                                       "The birth date must be within the last 25 years, not in the future."});
    }
    d.child_birth_date = born->iso();
  }
  ATB_TRY_ASSIGN(code, http::optional_string(body, "child_personal_code", 20));
  if (code && !blank(*code)) {
    ATB_TRY_ASSIGN(parsed, registry::parse_personal_code_on(*code, "child_personal_code", today));
    d.child_personal_code = registry::format_personal_code(parsed.digits);
  }
  ATB_TRY_ASSIGN(given_school, http::optional_string(body, "school", 200));
  d.school = given_school && !blank(*given_school) ? *given_school : school;
  ATB_TRY_ASSIGN_TO(d.concern, text(body, "concern"));
  ATB_TRY_ASSIGN(categories, http::string_array(body, "categories", std::size(cases::kProblems), 40));
  for (std::size_t n = 0; n < categories.size(); ++n) {
    if (!cases::one_of(cases::kProblems, categories[n])) {
      return Error::invalid_field("categories." + std::to_string(n),
                                  {"Nezināma problēmu kategorija.", "Unknown problem category."});
    }
  }
  std::sort(categories.begin(), categories.end());
  categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
  if (categories.empty()) {
    return Error::invalid_field("categories", {"Norādiet vismaz vienu kategoriju.", "Give at least one category."});
  }
  d.categories = std::move(categories);
  return d;
}

std::string intake_concern(const ConcernDraft& d) {
  std::string out = "Bērns: " + d.child_name;
  if (d.child_birth_date) out += ", dzimis(-usi) " + *d.child_birth_date;
  if (d.child_personal_code) out += ", personas kods " + *d.child_personal_code;
  out += "\nIzglītības iestāde: " + d.school + "\n\n" + d.concern;
  return out;
}

Result<InfoRequest> request_from(const json& body, const Date& today) {
  InfoRequest r;
  ATB_TRY_ASSIGN_TO(r.subject_name, filled(body, "subject_name", 200));
  ATB_TRY_ASSIGN(born, date_member(body, "subject_birth_date"));
  if (born) {
    if (*born > today) {
      return Error::invalid_field("subject_birth_date", {"Dzimšanas datums nevar būt nākotnē.",
                                                         "The birth date cannot be in the future."});
    }
    r.subject_birth_date = born->iso();
  }
  ATB_TRY_ASSIGN(code, http::optional_string(body, "subject_personal_code", 20));
  if (code && !blank(*code)) {
    ATB_TRY_ASSIGN(parsed, registry::parse_personal_code_on(*code, "subject_personal_code", today));
    r.subject_personal_code = registry::format_personal_code(parsed.digits);
  }
  ATB_TRY_ASSIGN_TO(r.case_reference, http::optional_string(body, "case_reference", 100));
  ATB_TRY_ASSIGN_TO(r.question, text(body, "question"));
  ATB_TRY_ASSIGN(due, date_member(body, "due_on"));
  if (!due) return required("due_on");
  if (*due < today) {
    return Error::invalid_field("due_on", {"Termiņš nevar būt pagātnē.", "The deadline cannot be in the past."});
  }
  r.due_on = due->iso();
  return r;
}

std::string intake_channel(const std::string& kind) {
  if (kind == "school" || kind == "kindergarten") return "school";
  if (kind == "police") return "police";
  return "partner_referral";
}

std::string concern_status(const std::string& intake_status, const std::optional<std::string>& outcome) {
  if (intake_status == "open" || !outcome) return "received";
  if (*outcome == "open_case") return "case_opened";
  if (*outcome == "referred") return "referred";
  return "closed";
}

}  // namespace atb::partners
