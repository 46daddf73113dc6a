#include "cases/instrument_answers.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "cases/instrument_json.h"

namespace atb::cases {

using detail::join;
using detail::Problems;
using nlohmann::json;

namespace {

const Text kAnswersInvalid{"Atbildes nav derīgas.", "The answers are not valid."};
const Text kValueKinds{"skaitlis, true/false, teksts vai teksta saraksts",
                       "a number, true/false, a string or a list of strings"};

/// Code points in UTF-8 `s`.
std::size_t utf8_length(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

/// Reads an object of answers; records problems under `path`.
Answers read_answers(Problems& p, const json& obj, const std::string& path) {
  Answers out;
  if (!obj.is_object()) {
    p.wrong_type(path, detail::kObject);
    return out;
  }
  for (const auto& [qid, v] : obj.items()) {
    const std::string at = join(path, qid);
    if (v.is_null()) continue;
    if (v.is_boolean()) {
      out[qid] = v.get<bool>();
    } else if (v.is_number_integer()) {
      out[qid] = v.get<std::int64_t>();
    } else if (v.is_string()) {
      out[qid] = v.get<std::string>();
    } else if (v.is_array() &&
               std::all_of(v.begin(), v.end(), [](auto& x) { return x.is_string(); })) {
      out[qid] = v.get<std::vector<std::string>>();
    } else {
      p.wrong_type(at, kValueKinds);
    }
  }
  return out;
}

json answers_json(const Answers& answers) {
  json out = json::object();
  for (const auto& [qid, v] : answers) {
    std::visit([&](const auto& x) { out[qid] = x; }, v);
  }
  return out;
}

/// "Gaidīts <what>." at `path` for a value of the wrong kind for its question.
void expected(Problems& p, const std::string& path, const Text& what) {
  p.wrong_type(path, what);
}

/// Checks one value against its question.
void check_value(Problems& p, const Question& q, const AnswerValue& v, const std::string& path) {
  switch (q.type) {
    case QuestionType::scale: {
      const auto* n = std::get_if<std::int64_t>(&v);
      if (!n) return expected(p, path, detail::kInteger);
      const bool on_scale = std::any_of(q.points.begin(), q.points.end(),
                                        [&](const ScalePoint& pt) { return pt.value == *n; });
      if (!on_scale) {
        std::string values;
        for (const auto& pt : q.points)
          values += (values.empty() ? "" : ", ") + std::to_string(pt.value);
        p.add(path, {fmt::format("Vērtība {} nav skalā ({}).", *n, values),
                     fmt::format("The value {} is not on the scale ({}).", *n, values)});
      }
      return;
    }
    case QuestionType::yes_no:
      if (!std::holds_alternative<bool>(v)) expected(p, path, detail::kBoolean);
      return;
    case QuestionType::text: {
      const auto* s = std::get_if<std::string>(&v);
      if (!s) return expected(p, path, detail::kString);
      if (utf8_length(*s) > q.max_length) {
        p.add(path, {fmt::format("Teksts garāks par {} rakstzīmēm.", q.max_length),
                     fmt::format("The text is longer than {} characters.", q.max_length)});
      }
      return;
    }
    case QuestionType::single_choice:
    case QuestionType::multiple_choice:
      break;
  }
  std::vector<std::string> chosen;
  if (q.type == QuestionType::single_choice) {
    const auto* s = std::get_if<std::string>(&v);
    if (!s) return expected(p, path, detail::kString);
    chosen.push_back(*s);
  } else {
    const auto* list = std::get_if<std::vector<std::string>>(&v);
    if (!list) return expected(p, path, detail::kArray);
    chosen = *list;
    if (chosen.empty()) p.add(path, {"Izvēlieties vismaz vienu.", "Choose at least one."});
  }
  std::set<std::string> seen;
  bool exclusive = false;
  for (const std::string& id : chosen) {
    auto it = std::find_if(q.options.begin(), q.options.end(),
                           [&](const ChoiceOption& o) { return o.id == id; });
    if (it == q.options.end()) {
      p.add(path, {fmt::format("Nezināma iespēja \"{}\".", id),
                   fmt::format("Unknown option \"{}\".", id)});
      continue;
    }
    if (!seen.insert(id).second) {
      p.add(path, {fmt::format("Iespēja \"{}\" atkārtojas.", id),
                   fmt::format("Option \"{}\" is repeated.", id)});
    }
    exclusive = exclusive || it->exclusive;
  }
  if (exclusive && chosen.size() > 1) {
    p.add(path, {"Šo iespēju nevar izvēlēties kopā ar citām.",
                 "This option cannot be chosen together with others."});
  }
}

/// Checks one subject's answers: every answer belongs to a question of a section that
/// `applies` and has a valid value; when `complete`, every required question of those sections
/// is answered.
template <class Applies>
void check_subject(Problems& p, const Instrument& ins, const Answers& answers,
                   const std::string& path, bool complete, Applies applies) {
  for (const auto& [qid, v] : answers) {
    const std::string at = join(path, qid);
    const Section* s = ins.section_of(qid);
    if (!s) {
      p.add(at, {"Nezināms jautājums.", "Unknown question."});
    } else if (!applies(*s)) {
      p.add(at,
            {"Jautājums neattiecas uz šo personu vai vietu.", "The question does not apply here."});
    } else {
      check_value(p, *ins.question(qid), v, at);
    }
  }
  for (const Section& s : ins.sections) {
    if (!complete || !applies(s)) continue;
    for (const Question& q : s.questions) {
      if (q.required && !answers.count(q.id)) {
        p.add(join(path, q.id),
              {"Nav atbildes uz obligātu jautājumu.", "A required question is not answered."});
      }
    }
  }
}

}  // namespace

Result<AnswerSet> answers_from_json(const json& body) {
  Problems p;
  AnswerSet out;
  if (!body.is_object()) {
    p.wrong_type("", detail::kObject);
    return std::move(p).to_error(kAnswersInvalid);
  }
  if (const json* h = detail::member(p, body, "", "household", false)) {
    out.household = read_answers(p, *h, "household");
  }
  const json* members = detail::get_array(p, body, "", "members", true);
  for (std::size_t i = 0; members && i < members->size(); ++i) {
    const json& m = (*members)[i];
    const std::string mp = join("members", i);
    if (!m.is_object()) {
      p.wrong_type(mp, detail::kObject);
      continue;
    }
    MemberAnswers ma;
    ma.member = detail::get_string(p, m, mp, "member", true).value_or("");
    ma.role = detail::get_string(p, m, mp, "role", true).value_or("");
    if (const json* a = detail::member(p, m, mp, "answers", true)) {
      ma.answers = read_answers(p, *a, join(mp, "answers"));
    }
    out.members.push_back(std::move(ma));
  }
  if (!p.empty()) return std::move(p).to_error(kAnswersInvalid);
  return out;
}

json answers_to_json(const AnswerSet& answers) {
  json members = json::array();
  for (const MemberAnswers& m : answers.members) {
    members.push_back(
        {{"member", m.member}, {"role", m.role}, {"answers", answers_json(m.answers)}});
  }
  return {{"household", answers_json(answers.household)}, {"members", std::move(members)}};
}

Result<void> validate_answers(const Instrument& ins, const AnswerSet& answers, bool complete) {
  Problems p;
  if (!ins.per_member && answers.members.size() != 1 && (complete || answers.members.size() > 1)) {
    p.add("members", {"Šim instrumentam atbild par vienu personu.",
                      "This instrument is answered for exactly one person."});
  }
  if (complete && ins.per_member && answers.members.empty()) {
    p.add("members", {"Vajag vismaz vienu personu.", "At least one member is needed."});
  }
  check_subject(p, ins, answers.household, "household", complete,
                [](const Section& s) { return s.scope == SectionScope::household; });
  std::set<std::string> ids;
  for (std::size_t i = 0; i < answers.members.size(); ++i) {
    const MemberAnswers& m = answers.members[i];
    const std::string mp = join("members", i);
    if (m.member.empty()) {
      p.add(join(mp, "member"), {"Tukšs personas identifikators.", "Empty member id."});
    } else if (!ids.insert(m.member).second) {
      p.add(join(mp, "member"), {fmt::format("Persona \"{}\" atkārtojas.", m.member),
                                 fmt::format("Member \"{}\" is repeated.", m.member)});
    }
    if (!ins.role(m.role)) {
      p.add(join(mp, "role"), {fmt::format("Nezināma loma \"{}\".", m.role),
                               fmt::format("Unknown role \"{}\".", m.role)});
      continue;
    }
    check_subject(p, ins, m.answers, join(mp, "answers"), complete,
                  [&](const Section& s) { return s.applies_to(m.role); });
  }
  if (!p.empty()) return std::move(p).to_error(kAnswersInvalid);
  return ok();
}

bool has_option(const AnswerValue& v, const std::string& option) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s == option;
  if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
    return std::find(list->begin(), list->end(), option) != list->end();
  }
  return false;
}

int answer_points(const Question& q, const AnswerValue& v) {
  switch (q.type) {
    case QuestionType::scale:
      if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<int>(*n);
      return 0;
    case QuestionType::yes_no:
      if (const auto* b = std::get_if<bool>(&v)) return *b ? q.yes_points : q.no_points;
      return 0;
    case QuestionType::text:
      return 0;
    case QuestionType::single_choice:
    case QuestionType::multiple_choice:
      break;
  }
  int sum = 0;
  for (const ChoiceOption& o : q.options) {
    if (has_option(v, o.id)) sum += o.points;
  }
  return sum;
}

Text answer_label(const Question& q, const AnswerValue& v) {
  switch (q.type) {
    case QuestionType::scale:
      for (const ScalePoint& pt : q.points) {
        if (const auto* n = std::get_if<std::int64_t>(&v); n && *n == pt.value) return pt.label;
      }
      return {};
    case QuestionType::yes_no:
      if (const auto* b = std::get_if<bool>(&v)) return *b ? Text{"jā", "yes"} : Text{"nē", "no"};
      return {};
    case QuestionType::text:
      if (const auto* s = std::get_if<std::string>(&v)) return {*s, *s};
      return {};
    case QuestionType::single_choice:
    case QuestionType::multiple_choice:
      break;
  }
  Text out;
  for (const ChoiceOption& o : q.options) {
    if (!has_option(v, o.id)) continue;
    out.lv += (out.lv.empty() ? "" : "; ") + o.label.lv;
    out.en += (out.en.empty() ? "" : "; ") + o.label.en;
  }
  return out;
}

}  // namespace atb::cases
