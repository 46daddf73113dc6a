#include "registry/rules.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "registry/names.h"
#include "registry/personal_code.h"

namespace atb::registry {
namespace {

// Collects the field errors of one draft so the user sees all of them at once.
class Problems {
 public:
  void add(const Error& e) {
    for (const FieldError& f : e.fields) fields_.push_back(f);
    if (e.fields.empty()) fields_.push_back(FieldError{"", e.message});
  }
  void add(std::string field, Text message) { fields_.push_back({std::move(field), std::move(message)}); }
  template <class T>
  std::optional<T> take(Result<T> r) {
    if (r) return std::move(*r);
    add(r.error());
    return std::nullopt;
  }
  Result<void> result() const {
    if (fields_.empty()) return ok();
    return Error{Errc::invalid, {"Pārbaudiet iezīmētos laukus.", "Check the marked fields."}, fields_, {}};
  }

 private:
  std::vector<FieldError> fields_;
};

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Free text: trimmed, bounded, no control characters except line breaks and tabs.
Result<std::string> check_text(std::string_view in, const std::string& field, std::size_t max,
                               bool multiline = false) {
  const auto first = in.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::string();
  in = in.substr(first, in.find_last_not_of(" \t\r\n") - first + 1);
  if (code_points(in) > max) {
    return Error::invalid_field(field, {"Teksts ir pārāk garš (ne vairāk kā " + std::to_string(max) + " rakstzīmes).",
                                        "The text is too long (at most " + std::to_string(max) + " characters)."});
  }
  for (unsigned char c : in) {
    const bool allowed_break = multiline && (c == '\n' || c == '\r' || c == '\t');
    if ((c < 0x20 && !allowed_break) || c == 0x7F) {
      return Error::invalid_field(field, {"Tekstā ir vadības rakstzīmes.", "The text contains control characters."});
    }
  }
  return std::string(in);
}

Result<Date> check_date(std::string_view text, const std::string& field, const Date& today) {
  const auto d = parse_date(text);
  if (!d) return Error::invalid_field(field, {"Datumam jābūt formā GGGG-MM-DD un reālam.", "The date must be a real date as YYYY-MM-DD."});
  if (*d > today) return Error::invalid_field(field, {"Datums nevar būt nākotnē.", "The date cannot be in the future."});
  if (d->year < 1880) return Error::invalid_field(field, {"Datums ir pārāk sens.", "The date is too far in the past."});
  return *d;
}

Result<std::string> check_phone(std::string_view phone, const std::string& field) {
  ATB_TRY_ASSIGN(text, check_text(phone, field, 30));
  int digits = 0;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
    else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')') digits = -100;
  }
  if (digits < 7 || digits > 15) {
    return Error::invalid_field(field, {"Tālruņa numurā jābūt 7–15 cipariem.", "A phone number has 7–15 digits."});
  }
  return text;
}

Result<std::string> check_email(std::string_view email, const std::string& field) {
  ATB_TRY_ASSIGN(text, check_text(email, field, 254));
  const auto at = text.find('@');
  const bool ok_shape = at != std::string::npos && at > 0 && text.find('@', at + 1) == std::string::npos &&
                        text.find('.', at) != std::string::npos && text.back() != '.' &&
                        text.find(' ') == std::string::npos;
  if (!ok_shape) return Error::invalid_field(field, {"E-pasta adrese nav derīga.", "The e-mail address is not valid."});
  return text;
}

std::optional<Address> check_address(const Address& in, const std::string& field, Problems& problems) {
  Address out;
  const std::pair<const std::string*, std::string*> parts[] = {
      {&in.municipality, &out.municipality}, {&in.locality, &out.locality}, {&in.street, &out.street},
      {&in.house, &out.house}, {&in.flat, &out.flat}};
  const char* names[] = {"municipality", "locality", "street", "house", "flat"};
  for (std::size_t i = 0; i < std::size(parts); ++i) {
    if (auto v = problems.take(check_text(*parts[i].first, field + "." + names[i], i < 3 ? 120 : 20))) {
      *parts[i].second = *v;
    }
  }
  std::string code = in.postal_code;
  code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
  std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::toupper(c); });
  if (code.size() == 4) code = "LV-" + code;
  if (code.size() == 6 && code.rfind("LV", 0) == 0) code = "LV-" + code.substr(2);
  const bool ok_code = code.empty() || (code.size() == 7 && code.rfind("LV-", 0) == 0 &&
                                        std::all_of(code.begin() + 3, code.end(), [](unsigned char c) { return std::isdigit(c); }));
  if (!ok_code) problems.add(field + ".postal_code", {"Pasta indeksam jābūt formā LV-NNNN.", "The postal code must be LV-NNNN."});
  out.postal_code = code;
  if (out.street.empty() && out.locality.empty() && out.municipality.empty()) return std::nullopt;
  return out;
}

}  // namespace

Result<PersonDraft> check_person(PersonDraft d, const Date& today, std::vector<Warning>& warnings) {
  Problems problems;
  if (auto v = problems.take(clean_name(d.given_names, "given_names"))) d.given_names = *v;
  if (auto v = problems.take(clean_name(d.surname, "surname"))) d.surname = *v;

  std::optional<Date> birth;
  if (d.birth_date && !d.birth_date->empty()) birth = problems.take(check_date(*d.birth_date, "birth_date", today));
  if (d.personal_code && !d.personal_code->empty()) {
    if (auto code = problems.take(parse_personal_code(*d.personal_code, "personal_code"))) {
      d.personal_code = code->digits;
      if (code->birth_date) {
        if (birth && *birth != *code->birth_date) {
          problems.add("birth_date", {"Dzimšanas datums nesakrīt ar personas kodu.", "The birth date does not match the personal code."});
        }
        birth = code->birth_date;
      } else if (!code->check_digit_holds) {
        warnings.push_back({"personal_code", {"Jaunā formāta kodam neizpildās kontrolcipara formula; pārbaudiet kodu.",
                                              "The check-digit formula does not hold for this new-format code; please check it."}});
      }
    }
  } else {
    d.personal_code.reset();
    if (!birth && !(d.birth_date && !d.birth_date->empty())) {
      problems.add("birth_date", {"Bez personas koda dzimšanas datums ir obligāts.", "Without a personal code the birth date is required."});
    }
  }
  d.birth_date = birth ? std::optional<std::string>(birth->iso()) : std::nullopt;

  if (d.other_id) {
    if (auto v = problems.take(check_text(*d.other_id, "other_id", 40))) d.other_id = v->empty() ? std::nullopt : std::optional(*v);
  }
  if (d.other_id_kind) {
    static const std::set<std::string> kinds{"passport", "id_card", "residence_permit", "other"};
    if (!kinds.count(*d.other_id_kind)) problems.add("other_id_kind", {"Nezināms dokumenta veids.", "Unknown kind of document."});
  }
  if (d.other_id.has_value() != d.other_id_kind.has_value()) {
    problems.add(d.other_id ? "other_id_kind" : "other_id", {"Norādiet gan dokumenta veidu, gan numuru.", "Give both the kind and the number of the document."});
  }
  if (d.sex && *d.sex != "F" && *d.sex != "M") problems.add("sex", {"Dzimums ir F vai M.", "Sex is F or M."});
  if (d.language && (d.language->size() < 2 || d.language->size() > 3 ||
                     !std::all_of(d.language->begin(), d.language->end(), [](unsigned char c) { return std::islower(c); }))) {
    problems.add("language", {"Valodu norādiet ar ISO kodu, piemēram, lv.", "Give the language as an ISO code, e.g. lv."});
  }
  if (d.phones.size() > 5) problems.add("phones", {"Ne vairāk kā 5 tālruņi.", "At most 5 phones."});
  for (std::size_t i = 0; i < d.phones.size() && i < 5; ++i) {
    if (auto v = problems.take(check_phone(d.phones[i], "phones." + std::to_string(i)))) d.phones[i] = *v;
  }
  if (d.email && !d.email->empty()) {
    if (auto v = problems.take(check_email(*d.email, "email"))) d.email = *v;
  } else {
    d.email.reset();
  }
  if (d.declared_address) d.declared_address = check_address(*d.declared_address, "declared_address", problems);
  if (d.actual_address) d.actual_address = check_address(*d.actual_address, "actual_address", problems);
  if (d.deceased_on && !d.deceased_on->empty()) {
    if (auto v = problems.take(check_date(*d.deceased_on, "deceased_on", today))) {
      if (birth && *v < *birth) problems.add("deceased_on", {"Miršanas datums ir pirms dzimšanas.", "The date of death is before the birth."});
      d.deceased_on = v->iso();
    }
  } else {
    d.deceased_on.reset();
  }
  for (auto [field, value] : {std::pair{"disability", &d.disability}, std::pair{"health_note", &d.health_note}}) {
    if (!*value) continue;
    if (auto v = problems.take(check_text(**value, field, 2000, true))) *value = v->empty() ? std::nullopt : std::optional(*v);
  }
  ATB_TRY(problems.result());
  return d;
}

std::string address_match_key(const Address& a) {
  if (a.street.empty() && a.locality.empty()) return {};
  return fold(a.street) + "|" + fold(a.house) + "|" + fold(a.flat) + "|" + fold(a.locality);
}

std::string address_line(const Address& a) {
  std::string line = a.street;
  if (!a.house.empty()) line += (line.empty() ? "" : " ") + a.house;
  if (!a.flat.empty()) line += "-" + a.flat;
  for (const std::string* part : {&a.locality, &a.postal_code}) {
    if (!part->empty()) line += (line.empty() ? "" : ", ") + *part;
  }
  return line;
}

std::string phone_match_key(std::string_view phone) {
  std::string digits;
  for (char c : phone) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  if (digits.size() < 7) return {};
  return digits.size() > 8 ? digits.substr(digits.size() - 8) : digits;
}

std::vector<std::string> search_keys(const std::vector<std::pair<std::string, std::string>>& names,
                                     std::size_t max_keys) {
  std::vector<std::string> singles;
  std::vector<std::string> pairs;
  auto add_unique = [](std::vector<std::string>& v, std::string s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
  };
  for (const auto& [given, surname] : names) {
    const std::vector<std::string> stems = name_keys(given, surname);
    for (const std::string& s : stems) add_unique(singles, s);
    for (const std::string& a : stems) {
      for (const std::string& b : stems) {
        if (a != b) add_unique(pairs, a + " " + b);
      }
    }
  }
  std::vector<std::string> keys = std::move(singles);
  for (std::string& p : pairs) add_unique(keys, std::move(p));
  if (keys.size() > max_keys) keys.resize(max_keys);
  return keys;
}

const std::vector<std::string>& relationships() {
  static const std::vector<std::string> all{"head", "spouse", "partner", "child", "parent", "guardian",
                                            "foster_parent", "foster_child", "sibling", "grandparent",
                                            "grandchild", "other"};
  return all;
}

bool is_relationship(std::string_view name) {
  const auto& all = relationships();
  return std::find(all.begin(), all.end(), name) != all.end();
}

std::string household_kind(const std::vector<std::string>& member_birth_dates, const Date& today) {
  for (const std::string& b : member_birth_dates) {
    if (auto d = parse_date(b); d && age_on(*d, today) < 18) return "family_with_children";
  }
  return "adults";
}

Result<void> check_relationship(std::string_view relationship, std::string_view head_birth_date,
                                std::string_view member_birth_date, const std::string& field) {
  if (!is_relationship(relationship)) {
    return Error::invalid_field(field, {"Nezināma radniecība.", "Unknown relationship."});
  }
  const auto head = parse_date(head_birth_date);
  const auto member = parse_date(member_birth_date);
  if (!head || !member) return ok();
  const bool younger_kin = relationship == "child" || relationship == "grandchild";
  const bool older_kin = relationship == "parent" || relationship == "grandparent";
  if (younger_kin && *member <= *head) {
    return Error::invalid_field(field, {"Bērns nevar būt vecāks par savu vecāku (atsauces personu).",
                                        "A child cannot be older than her parent (the reference person)."});
  }
  if (older_kin && *member >= *head) {
    return Error::invalid_field(field, {"Vecāks nevar būt jaunāks par savu bērnu (atsauces personu).",
                                        "A parent cannot be younger than her child (the reference person)."});
  }
  return ok();
}

bool score_duplicate(const PersonDraft& draft, const std::string& draft_address_key,
                     const std::string& hit_address_key, PersonHit& hit) {
  hit.reasons.clear();
  hit.blocking = false;
  if (draft.personal_code && hit.personal_code && *draft.personal_code == *hit.personal_code) {
    hit.blocking = true;
    hit.score = 1.0;
    hit.reasons.push_back("same_personal_code");
    return true;
  }
  // Two different codes mean two different people, however alike the names.
  if (draft.personal_code && hit.personal_code) return false;
  const double similarity = name_similarity(draft.given_names + " " + draft.surname, hit.given_names + " " + hit.surname);
  if (similarity < 0.85) return false;
  if (draft.birth_date && *draft.birth_date == hit.birth_date) hit.reasons.push_back("similar_name_same_birth_date");
  if (!draft_address_key.empty() && draft_address_key == hit_address_key) hit.reasons.push_back("similar_name_same_address");
  if (hit.reasons.empty()) return false;
  hit.score = std::min(1.0, 0.5 * similarity + 0.25 * static_cast<double>(hit.reasons.size()));
  return true;
}

}  // namespace atb::registry
