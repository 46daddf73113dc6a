#include "cases/opinion_sections.h"

#include <fmt/format.h>

#include "cases/instrument.h"
#include "cases/rules.h"
#include "core/date.h"
#include "http/json_body.h"

namespace atb::cases {

using nlohmann::json;

namespace {

struct Name {
  const char* code;
  const char* lv;
};

constexpr Name kProblemNames[] = {
    {"alcohol", "alkohola lietošana"},      {"psychoactive_substances", "psihoaktīvo vielu lietošana"},
    {"mental_disorder", "psihiski traucējumi"}, {"basic_needs", "pamatvajadzību nenodrošināšana"},
    {"poverty", "nabadzība"},                {"crisis", "krīzes situācija"},
    {"violence", "vardarbība"},              {"neglect", "bērna aprūpes nenodrošināšana"},
    {"housing", "mājokļa problēmas"},        {"unemployment", "bezdarbs"},
    {"disability", "invaliditāte"},          {"other", "citas grūtības"}};

constexpr Name kNoteKindNames[] = {{"visit", "Apmeklējums"},
                                   {"call", "Telefonsaruna"},
                                   {"meeting", "Tikšanās"},
                                   {"case_conference", "Gadījuma konference"},
                                   {"other", "Cits"}};

constexpr Name kTaskStatusNames[] = {
    {"open", "jāizpilda"}, {"in_progress", "tiek pildīts"}, {"done", "izpildīts"}, {"cancelled", "atcelts"}};

constexpr Name kDefaultTitles[] = {{"case", "Gadījuma apraksts"},
                                   {"assessment", "Situācijas izvērtējums"},
                                   {"plan", "Sadarbības plāns"},
                                   {"notes", "Sociālā darba gaitā konstatētais"},
                                   {"text", "Secinājumi"}};

template <std::size_t N>
std::string lookup(const Name (&names)[N], const std::string& code) {
  for (const Name& n : names) {
    if (code == n.code) return n.lv;
  }
  return code;
}

// "2026-02-03" → "03.02.2026."; other text unchanged.
std::string latvian_date(const std::string& iso) {
  const auto d = parse_date(iso.substr(0, 10));
  return d ? fmt::format("{:02}.{:02}.{}.", d->day, d->month, d->year) : iso;
}

// `text` ending in one full stop (a Latvian date already ends in one: "03.02.2026.").
std::string sentence(std::string text) {
  if (text.empty() || text.back() != '.') text += '.';
  return text;
}

// `e` with every field path put under `prefix`.
Error under(const std::string& prefix, Error e) {
  for (FieldError& f : e.fields) f.field = f.field.empty() ? prefix : prefix + "." + f.field;
  return e;
}

Error invalid(const std::string& field, Text why) { return Error::invalid_field(field, std::move(why)); }

Result<SectionRequest> section_from(const json& s) {
  if (!s.is_object()) return invalid("", {"Sadaļai jābūt objektam.", "A section must be an object."});
  for (const auto& [key, _] : s.items()) {
    if (key != "kind" && key != "title" && key != "assessment_id" && key != "note_ids" && key != "text") {
      return invalid(key, {"Nezināms lauks.", "Unknown field."});
    }
  }
  SectionRequest out;
  ATB_TRY_ASSIGN_TO(out.kind, http::required_string(s, "kind", 20));
  if (!one_of(kOpinionSectionKinds, out.kind)) {
    return invalid("kind", {"Sadaļa var būt case, assessment, plan, notes vai text.",
                            "A section is case, assessment, plan, notes or text."});
  }
  ATB_TRY_ASSIGN(title, http::optional_string(s, "title", 200));
  out.title = title.value_or("");
  if (out.kind == "assessment") {
    if (!s.contains("assessment_id") || !s["assessment_id"].is_number_integer() ||
        s["assessment_id"].get<std::int64_t>() < 1) {
      return invalid("assessment_id", {"Norādiet pabeigtu izvērtējumu.", "Give a completed assessment."});
    }
    out.assessment_id = s["assessment_id"].get<std::int64_t>();
  }
  if (out.kind == "notes") {
    ATB_TRY_ASSIGN_TO(out.note_ids, http::id_array(s, "note_ids", kMaxOpinionNotes));
    if (out.note_ids.empty()) return invalid("note_ids", {"Izvēlieties piezīmes.", "Choose the notes."});
  }
  if (out.kind == "text") {
    ATB_TRY_ASSIGN(text, http::optional_text(s, "text", 20000));
    if (!text || text->find_first_not_of(" \t\r\n") == std::string::npos) {
      return invalid("text", {"Ierakstiet tekstu.", "Write the text."});
    }
    out.text = *text;
  }
  return out;
}

// The paragraphs of a text: split at blank lines, each trimmed of surrounding line breaks.
std::vector<std::string> paragraphs_of(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current += current.empty() ? line : "\n" + line;
    }
    start = end + 1;
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

// "jautājums: atbilde; …" of a summary's items (question_text.lv and answer.lv).
std::string items_lv(const json& items) {
  std::string out;
  for (const json& i : items) {
    const std::string q = i.at("question_text").at("lv").get<std::string>();
    const std::string a = i.at("answer").at("lv").get<std::string>();
    if (!out.empty()) out += "; ";
    out += a.empty() ? q : q + ": " + a;
  }
  return out;
}

std::string level_lv(const json& code) {
  const auto level = code.is_string() ? parse_risk_level(code.get<std::string>()) : std::nullopt;
  return level ? risk_level_text(*level).lv : "—";
}

}  // namespace

Result<OpinionRequest> opinion_request_from(const json& body) {
  OpinionRequest out;
  ATB_TRY_ASSIGN_TO(out.addressee, http::required_string(body, "addressee", 300));
  if (out.addressee.find_first_not_of(' ') == std::string::npos) {
    return invalid("addressee", {"Norādiet, kam atzinums adresēts.", "Say whom the opinion is addressed to."});
  }
  ATB_TRY_ASSIGN(address, http::optional_string(body, "addressee_address", 300));
  ATB_TRY_ASSIGN(request, http::optional_string(body, "request", 300));
  ATB_TRY_ASSIGN(subject, http::optional_string(body, "subject", 300));
  out.addressee_address = address.value_or("");
  out.request = request.value_or("");
  out.subject = subject.value_or("");
  ATB_TRY_ASSIGN_TO(out.person_ids, http::id_array(body, "person_ids", 30));
  if (out.person_ids.empty()) {
    return invalid("person_ids", {"Norādiet, par kurām personām ir atzinums.", "Say whom the opinion is about."});
  }
  if (!body.contains("sections") || !body["sections"].is_array() || body["sections"].empty() ||
      body["sections"].size() > kMaxOpinionSections) {
    return invalid("sections", {fmt::format("Izvēlieties no 1 līdz {} sadaļām.", kMaxOpinionSections),
                                fmt::format("Choose 1 to {} sections.", kMaxOpinionSections)});
  }
  for (std::size_t n = 0; n < body["sections"].size(); ++n) {
    auto section = section_from(body["sections"][n]);
    if (!section) return under("sections." + std::to_string(n), std::move(section).error());
    out.sections.push_back(std::move(*section));
  }
  return out;
}

std::string default_section_title(const std::string& kind) { return lookup(kDefaultTitles, kind); }
std::string problem_name_lv(const std::string& problem) { return lookup(kProblemNames, problem); }
std::string note_kind_lv(const std::string& kind) { return lookup(kNoteKindNames, kind); }

std::string position_lv(const access::Principal& p) {
  if (p.has(access::Role::department_head)) return "Nodaļas vadītājs";
  if (p.has(access::Role::supervisor)) return "Sociālā darba speciālistu komandas vadītājs";
  return "Sociālais darbinieks";
}

OpinionSection case_section(const std::string& title, const CaseFile& k, const std::vector<std::string>& problems) {
  OpinionSection s{title, {}};
  s.paragraphs.push_back(
      sentence(fmt::format("Sociālais dienests strādā ar gadījumu “{}” kopš {}", k.subject_name, latvian_date(k.opened_on))) +
      " Pašreizējais posms: " + stage_name(k.stage).lv + ".");
  if (!problems.empty()) {
    std::string names;
    for (const std::string& p : problems) names += (names.empty() ? "" : ", ") + problem_name_lv(p);
    s.paragraphs.push_back("Konstatētās grūtības: " + names + ".");
  }
  return s;
}

Result<OpinionSection> assessment_section(const std::string& title, const json& result,
                                          const std::map<std::string, std::string>& names,
                                          const std::string& instrument, const std::string& completed_on) {
  OpinionSection s{title, {}};
  try {
    s.paragraphs.push_back(sentence(fmt::format("Izvērtējums “{}”, pabeigts {}", instrument, latvian_date(completed_on))) +
                           " Kopējais riska līmenis: " + level_lv(result.at("overall")) + ".");
    for (const json& subject : result.at("summary")) {
      std::string who = "Mājsaimniecība";
      if (!subject.value("household", false)) {
        const std::string member = subject.at("member").get<std::string>();
        const auto name = names.find(member);
        who = name != names.end() ? name->second : "Persona";
        const std::string role = subject.at("role_title").at("lv").get<std::string>();
        if (!role.empty()) who += " (" + role + ")";
      }
      std::string text = who + " — riska līmenis: " + level_lv(subject.at("level")) + ".";
      for (const json& d : subject.at("domains")) {
        const std::string strengths = items_lv(d.at("strengths"));
        const std::string difficulties = items_lv(d.at("difficulties"));
        if (strengths.empty() && difficulties.empty()) continue;
        text += "\n" + d.at("title").at("lv").get<std::string>() + " (" + level_lv(d.at("level")) + "). ";
        text += "Resursi: " + (strengths.empty() ? std::string("nav norādīti") : strengths) + ". ";
        text += "Grūtības: " + (difficulties.empty() ? std::string("nav norādītas") : difficulties) + ".";
      }
      s.paragraphs.push_back(std::move(text));
    }
  } catch (const json::exception& e) {
    return Error::internal(std::string("stored assessment result has an unexpected shape: ") + e.what());
  }
  return s;
}

OpinionSection plan_section(const std::string& title, const Plan& plan) {
  OpinionSection s{title, {}};
  std::string head = fmt::format("Sadarbības plāns Nr. {}", plan.number);
  if (plan.decided_at) head += ", apstiprināts " + latvian_date(*plan.decided_at);
  if (!plan.review_on.empty()) head += "; pārskatīšana līdz " + latvian_date(plan.review_on);
  if (plan.agreed_on) head += "; ģimene ar plānu iepazinās un tam piekrita " + latvian_date(*plan.agreed_on);
  s.paragraphs.push_back(sentence(head));
  for (std::size_t g = 0; g < plan.goals.size(); ++g) {
    const PlanGoal& goal = plan.goals[g];
    std::string text = fmt::format("{}. mērķis: {}", g + 1, goal.text);
    for (const PlanTask& t : goal.tasks) {
      text += fmt::format("\n– {} (atbildīgais: {}; termiņš {}; {})", t.text,
                          t.responsible.name.empty() ? t.responsible.kind : t.responsible.name,
                          latvian_date(t.due_on), lookup(kTaskStatusNames, t.status));
    }
    s.paragraphs.push_back(std::move(text));
  }
  return s;
}

OpinionSection notes_section(const std::string& title, const std::vector<NoteText>& notes) {
  OpinionSection s{title, {}};
  for (const NoteText& n : notes) {
    s.paragraphs.push_back(latvian_date(n.occurred_on) + " " + note_kind_lv(n.kind) + ".\n" + n.text);
  }
  return s;
}

OpinionSection text_section(const std::string& title, const std::string& text) {
  return OpinionSection{title, paragraphs_of(text)};
}

}  // namespace atb::cases
