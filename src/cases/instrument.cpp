#include "cases/instrument.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cases/instrument_json.h"

namespace atb::cases {

using detail::join;
using detail::Problems;
using nlohmann::json;

namespace {

constexpr int kMaxPoints = 1000;

/// Everything read before the sections: what a question may refer to.
struct Vocabulary {
  std::map<std::string, std::vector<ScalePoint>> scales;
  std::set<std::string> domains;
  std::set<std::string> roles;
};

void duplicate(Problems& p, const std::string& path, const std::string& what) {
  p.add(path, {fmt::format("Atkārtots identifikators \"{}\".", what),
               fmt::format("Duplicate id \"{}\".", what)});
}

/// Records a duplicate when `id` is already in `seen`, else adds it.
void unique(Problems& p, std::set<std::string>& seen, const std::string& id,
            const std::string& path) {
  if (!seen.insert(id).second) duplicate(p, path, id);
}

std::optional<Thresholds> parse_thresholds(Problems& p, const json& v, const std::string& path) {
  if (!v.is_object()) {
    p.wrong_type(path, detail::kObject);
    return std::nullopt;
  }
  detail::check_keys(p, v, path, {"measure", "medium", "high", "very_high"});
  Thresholds t;
  t.measure = detail::get_enum<Measure>(p, v, path, "measure", false, detail::kMeasureCodes)
                  .value_or(Measure::difficulty);
  auto m = detail::get_int(p, v, path, "medium", true, 1, 100000);
  auto h = detail::get_int(p, v, path, "high", true, 1, 100000);
  auto vh = detail::get_int(p, v, path, "very_high", true, 1, 100000);
  if (!m || !h || !vh) return std::nullopt;
  if (!(*m < *h && *h < *vh)) {
    p.add(path, {"Robežām jāpieaug: medium < high < very_high.",
                 "Thresholds must increase: medium < high < very_high."});
    return std::nullopt;
  }
  t.medium = *m;
  t.high = *h;
  t.very_high = *vh;
  return t;
}

/// Scale points: at least two, values 0…kMaxPoints, unique, sorted ascending on return.
std::vector<ScalePoint> parse_points(Problems& p, const json& scale, const std::string& path) {
  std::vector<ScalePoint> out;
  if (!scale.is_object()) {
    p.wrong_type(path, detail::kObject);
    return out;
  }
  detail::check_keys(p, scale, path, {"points"});
  const json* points = detail::get_array(p, scale, path, "points", true);
  if (!points) return out;
  const std::string at = join(path, "points");
  if (points->size() < 2) {
    p.add(at, {"Skalai vajag vismaz divus punktus.", "A scale needs at least two points."});
  }
  std::set<int> seen;
  for (std::size_t i = 0; i < points->size(); ++i) {
    const json& pt = (*points)[i];
    const std::string pp = join(at, i);
    if (!pt.is_object()) {
      p.wrong_type(pp, detail::kObject);
      continue;
    }
    detail::check_keys(p, pt, pp, {"value", "label"});
    auto value = detail::get_int(p, pt, pp, "value", true, 0, kMaxPoints);
    Text label = detail::get_text(p, pt, pp, "label", true);
    if (!value) continue;
    if (!seen.insert(*value).second) duplicate(p, join(pp, "value"), std::to_string(*value));
    out.push_back({*value, std::move(label)});
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.value < b.value; });
  return out;
}

void parse_options(Problems& p, const json& q, const std::string& path, Question& out) {
  const json* options = detail::get_array(p, q, path, "options", true);
  if (!options) return;
  const std::string at = join(path, "options");
  if (options->size() < 2) {
    p.add(at, {"Izvēlei vajag vismaz divas iespējas.", "A choice needs at least two options."});
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < options->size(); ++i) {
    const json& o = (*options)[i];
    const std::string op = join(at, i);
    if (!o.is_object()) {
      p.wrong_type(op, detail::kObject);
      continue;
    }
    detail::check_keys(p, o, op, {"id", "label", "points", "exclusive"});
    ChoiceOption opt;
    auto id = detail::get_identifier(p, o, op, "id");
    opt.label = detail::get_text(p, o, op, "label", true);
    opt.points = detail::get_int(p, o, op, "points", false, 0, kMaxPoints).value_or(0);
    opt.exclusive = detail::get_bool(p, o, op, "exclusive", false).value_or(false);
    if (opt.exclusive && out.type != QuestionType::multiple_choice) {
      p.add(join(op, "exclusive"),
            {"Tikai vairākizvēles jautājumam.", "Only for a multiple_choice question."});
    }
    if (!id) continue;
    unique(p, seen, *id, join(op, "id"));
    opt.id = *id;
    out.options.push_back(std::move(opt));
  }
}

/// The type-specific part of a question: its scale, yes/no points, options or length.
void parse_answer_shape(Problems& p, const json& q, const std::string& path,
                        const Vocabulary& vocab, Question& out) {
  const bool scale = out.type == QuestionType::scale;
  const bool yes_no = out.type == QuestionType::yes_no;
  const bool choice =
      out.type == QuestionType::single_choice || out.type == QuestionType::multiple_choice;
  const bool text = out.type == QuestionType::text;
  auto only_for = [&](std::string_view key, bool allowed) {
    if (!allowed && q.contains(key)) {
      p.add(join(path, key),
            {fmt::format("Nav atļauts jautājumam ar tipu {}.", question_type_code(out.type)),
             fmt::format("Not allowed for a question of type {}.", question_type_code(out.type))});
    }
  };
  only_for("scale", scale);
  only_for("points", yes_no);
  only_for("options", choice);
  only_for("max_length", text);
  if (scale) {
    const json* s = detail::member(p, q, path, "scale", true);
    if (s && s->is_string()) {
      auto it = vocab.scales.find(s->get<std::string>());
      if (it == vocab.scales.end()) {
        p.add(join(path, "scale"), {fmt::format("Nezināma skala \"{}\".", s->get<std::string>()),
                                    fmt::format("Unknown scale \"{}\".", s->get<std::string>())});
      } else {
        out.points = it->second;
      }
    } else if (s) {
      out.points = parse_points(p, *s, join(path, "scale"));
    }
  }
  if (yes_no) {
    if (const json* pts = detail::member(p, q, path, "points", false)) {
      const std::string at = join(path, "points");
      if (!pts->is_object()) {
        p.wrong_type(at, detail::kObject);
      } else {
        detail::check_keys(p, *pts, at, {"yes", "no"});
        out.yes_points = detail::get_int(p, *pts, at, "yes", false, 0, kMaxPoints).value_or(1);
        out.no_points = detail::get_int(p, *pts, at, "no", false, 0, kMaxPoints).value_or(0);
      }
    }
  }
  if (choice) parse_options(p, q, path, out);
  if (text) {
    out.max_length = static_cast<std::size_t>(
        detail::get_int(p, q, path, "max_length", false, 1, 100000).value_or(4000));
  }
}

std::optional<Question> parse_question(Problems& p, const json& q, const std::string& path,
                                       const Vocabulary& vocab) {
  if (!q.is_object()) {
    p.wrong_type(path, detail::kObject);
    return std::nullopt;
  }
  detail::check_keys(p, q, path,
                     {"id", "type", "text", "help", "required", "scores", "domain", "scale",
                      "points", "options", "max_length"});
  Question out;
  auto id = detail::get_identifier(p, q, path, "id");
  auto type = detail::get_enum<QuestionType>(p, q, path, "type", true, detail::kTypeCodes);
  out.text = detail::get_text(p, q, path, "text", true);
  out.help = detail::get_text(p, q, path, "help", false);
  out.required = detail::get_bool(p, q, path, "required", false).value_or(true);
  out.scores = detail::get_enum<ScoreKind>(p, q, path, "scores", false, detail::kScoreCodes)
                   .value_or(ScoreKind::none);
  auto domain = detail::get_string(p, q, path, "domain", false);
  if (out.scores != ScoreKind::none && !domain) {
    if (!q.contains("domain")) p.missing(join(path, "domain"));
  } else if (out.scores == ScoreKind::none && domain) {
    p.add(join(path, "domain"), {"Domēns der tikai jautājumam, kas skaita punktus (scores).",
                                 "A domain only goes with a scoring question (scores)."});
  } else if (domain && !vocab.domains.count(*domain)) {
    p.add(join(path, "domain"), {fmt::format("Nezināms domēns \"{}\".", *domain),
                                 fmt::format("Unknown domain \"{}\".", *domain)});
  }
  if (domain) out.domain = *domain;
  if (!id || !type) return std::nullopt;
  out.id = *id;
  out.type = *type;
  if (out.type == QuestionType::text && out.scores != ScoreKind::none) {
    p.add(join(path, "scores"),
          {"Teksta jautājums nevar skaitīt punktus.", "A text question cannot score points."});
  }
  parse_answer_shape(p, q, path, vocab, out);
  return out;
}

std::vector<std::string> parse_role_list(Problems& p, const json& s, const std::string& path,
                                         const Vocabulary& vocab) {
  std::vector<std::string> out;
  const json* roles = detail::get_array(p, s, path, "roles", false);
  if (!roles) return out;
  for (std::size_t i = 0; i < roles->size(); ++i) {
    const std::string at = join(join(path, "roles"), i);
    const json& r = (*roles)[i];
    if (!r.is_string()) {
      p.wrong_type(at, detail::kString);
    } else if (!vocab.roles.count(r.get<std::string>())) {
      p.add(at, {fmt::format("Nezināma loma \"{}\".", r.get<std::string>()),
                 fmt::format("Unknown role \"{}\".", r.get<std::string>())});
    } else {
      out.push_back(r.get<std::string>());
    }
  }
  return out;
}

void parse_sections(Problems& p, const json& root, const Vocabulary& vocab, Instrument& out) {
  const json* sections = detail::get_array(p, root, "", "sections", true);
  if (!sections) return;
  if (sections->empty()) p.add("sections", {"Vajag vismaz vienu sadaļu.", "At least one section."});
  std::set<std::string> section_ids, question_ids;
  for (std::size_t i = 0; i < sections->size(); ++i) {
    const json& s = (*sections)[i];
    const std::string sp = join("sections", i);
    if (!s.is_object()) {
      p.wrong_type(sp, detail::kObject);
      continue;
    }
    detail::check_keys(p, s, sp, {"id", "title", "scope", "roles", "questions"});
    Section sec;
    auto id = detail::get_identifier(p, s, sp, "id");
    if (id) unique(p, section_ids, *id, join(sp, "id"));
    sec.id = id.value_or("");
    sec.title = detail::get_text(p, s, sp, "title", true);
    sec.scope = detail::get_enum<SectionScope>(p, s, sp, "scope", false, detail::kScopeCodes)
                    .value_or(SectionScope::member);
    sec.roles = parse_role_list(p, s, sp, vocab);
    if (sec.scope == SectionScope::household && s.contains("roles")) {
      p.add(join(sp, "roles"),
            {"Mājsaimniecības sadaļai nav lomu.", "A household section has no roles."});
    }
    if (sec.scope == SectionScope::member && vocab.roles.empty()) {
      p.add(join(sp, "scope"), {"Sadaļai par personu vajag lomas (roles) instrumenta saknē.",
                                "A member section needs roles at the instrument's root."});
    }
    const json* questions = detail::get_array(p, s, sp, "questions", true);
    if (questions && questions->empty()) {
      p.add(join(sp, "questions"), {"Vajag vismaz vienu jautājumu.", "At least one question."});
    }
    for (std::size_t j = 0; questions && j < questions->size(); ++j) {
      const std::string qp = join(join(sp, "questions"), j);
      auto q = parse_question(p, (*questions)[j], qp, vocab);
      if (!q) continue;
      unique(p, question_ids, q->id, join(qp, "id"));
      sec.questions.push_back(std::move(*q));
    }
    out.sections.push_back(std::move(sec));
  }
}

void parse_condition(Problems& p, const json& c, const std::string& path, const Instrument& ins,
                     Condition& out) {
  if (!c.is_object()) {
    p.wrong_type(path, detail::kObject);
    return;
  }
  detail::check_keys(p, c, path, {"question", "is", "any_of", "at_least"});
  auto qid = detail::get_string(p, c, path, "question", true);
  const int kinds = int(c.contains("is")) + int(c.contains("any_of")) + int(c.contains("at_least"));
  if (kinds != 1) {
    p.add(path, {"Nosacījumam vajag tieši vienu no: is, any_of, at_least.",
                 "A condition needs exactly one of: is, any_of, at_least."});
  }
  if (!qid) return;
  out.question = *qid;
  const Question* q = ins.question(*qid);
  if (!q) {
    p.add(join(path, "question"), {fmt::format("Nezināms jautājums \"{}\".", *qid),
                                   fmt::format("Unknown question \"{}\".", *qid)});
    return;
  }
  auto mismatch = [&](std::string_view key) {
    p.add(join(path, key),
          {fmt::format("Neder jautājumam ar tipu {}.", question_type_code(q->type)),
           fmt::format("Does not fit a question of type {}.", question_type_code(q->type))});
  };
  if (c.contains("is")) {
    out.kind = Condition::Kind::is;
    out.is = detail::get_bool(p, c, path, "is", true).value_or(true);
    if (q->type != QuestionType::yes_no) mismatch("is");
  } else if (c.contains("at_least")) {
    out.kind = Condition::Kind::at_least;
    out.at_least = detail::get_int(p, c, path, "at_least", true, 0, kMaxPoints).value_or(0);
    if (q->type != QuestionType::scale) {
      mismatch("at_least");
    } else if (!q->points.empty() && out.at_least > q->points.back().value) {
      p.add(join(path, "at_least"), {"Vērtība pārsniedz skalas augstāko punktu.",
                                     "The value is above the scale's highest point."});
    }
  } else if (c.contains("any_of")) {
    out.kind = Condition::Kind::any_of;
    if (q->type != QuestionType::single_choice && q->type != QuestionType::multiple_choice) {
      mismatch("any_of");
      return;
    }
    const json* list = detail::get_array(p, c, path, "any_of", true);
    for (std::size_t i = 0; list && i < list->size(); ++i) {
      const json& o = (*list)[i];
      const std::string at = join(join(path, "any_of"), i);
      const bool known = o.is_string() && std::any_of(q->options.begin(), q->options.end(),
                                                      [&](auto& x) { return x.id == o; });
      if (!known) {
        p.add(at, {"Jautājumam nav tādas iespējas.", "The question has no such option."});
      } else {
        out.options.push_back(o.get<std::string>());
      }
    }
  }
}

void parse_scoring(Problems& p, const json* scoring, Instrument& out) {
  if (!scoring) return;
  const std::string sp = "scoring";
  std::set<std::string> rule_ids;
  if (const json* t = detail::member(p, *scoring, sp, "subject_thresholds", false)) {
    out.scoring.subject_thresholds = parse_thresholds(p, *t, join(sp, "subject_thresholds"));
  }
  if (const json* counts = detail::get_array(p, *scoring, sp, "domain_counts", false)) {
    for (std::size_t i = 0; i < counts->size(); ++i) {
      const json& r = (*counts)[i];
      const std::string rp = join(join(sp, "domain_counts"), i);
      if (!r.is_object()) {
        p.wrong_type(rp, detail::kObject);
        continue;
      }
      detail::check_keys(p, r, rp, {"id", "count", "at_least", "level", "reason"});
      CountRule rule;
      auto id = detail::get_identifier(p, r, rp, "id");
      if (id) unique(p, rule_ids, *id, join(rp, "id"));
      rule.id = id.value_or("");
      rule.count = detail::get_int(p, r, rp, "count", true, 1, 100).value_or(1);
      rule.at_least = detail::get_enum<RiskLevel>(p, r, rp, "at_least", true, detail::kLevelCodes)
                          .value_or(RiskLevel::high);
      rule.level = detail::get_enum<RiskLevel>(p, r, rp, "level", true, detail::kLevelCodes)
                       .value_or(RiskLevel::high);
      rule.reason = detail::get_text(p, r, rp, "reason", true);
      out.scoring.domain_counts.push_back(std::move(rule));
    }
  }
  const json* overrides = detail::get_array(p, *scoring, sp, "overrides", false);
  for (std::size_t i = 0; overrides && i < overrides->size(); ++i) {
    const json& r = (*overrides)[i];
    const std::string rp = join(join(sp, "overrides"), i);
    if (!r.is_object()) {
      p.wrong_type(rp, detail::kObject);
      continue;
    }
    detail::check_keys(p, r, rp, {"id", "level", "domain", "any", "reason"});
    Override rule;
    auto id = detail::get_identifier(p, r, rp, "id");
    if (id) unique(p, rule_ids, *id, join(rp, "id"));
    rule.id = id.value_or("");
    rule.level = detail::get_enum<RiskLevel>(p, r, rp, "level", true, detail::kLevelCodes)
                     .value_or(RiskLevel::high);
    if (rule.level == RiskLevel::low) {
      p.add(join(rp, "level"),
            {"Izņēmuma līmenim jābūt virs \"low\".", "An override's level must be above \"low\"."});
    }
    rule.domain = detail::get_string(p, r, rp, "domain", false).value_or("");
    if (!rule.domain.empty() && !out.domain(rule.domain)) {
      p.add(join(rp, "domain"), {fmt::format("Nezināms domēns \"{}\".", rule.domain),
                                 fmt::format("Unknown domain \"{}\".", rule.domain)});
    }
    rule.reason = detail::get_text(p, r, rp, "reason", true);
    const json* any = detail::get_array(p, r, rp, "any", true);
    if (any && any->empty()) {
      p.add(join(rp, "any"), {"Vajag vismaz vienu nosacījumu.", "At least one condition."});
    }
    for (std::size_t j = 0; any && j < any->size(); ++j) {
      Condition c;
      parse_condition(p, (*any)[j], join(join(rp, "any"), j), out, c);
      rule.any.push_back(std::move(c));
    }
    out.scoring.overrides.push_back(std::move(rule));
  }
}

/// Roles, default thresholds, domains and named scales: what sections may refer to.
Vocabulary parse_vocabulary(Problems& p, const json& root, const json* scoring, Instrument& out) {
  Vocabulary vocab;
  const json* roles = detail::get_array(p, root, "", "roles", out.per_member);
  for (std::size_t i = 0; roles && i < roles->size(); ++i) {
    const json& r = (*roles)[i];
    const std::string rp = join("roles", i);
    if (!r.is_object()) {
      p.wrong_type(rp, detail::kObject);
      continue;
    }
    detail::check_keys(p, r, rp, {"id", "title"});
    auto id = detail::get_identifier(p, r, rp, "id");
    Text title = detail::get_text(p, r, rp, "title", true);
    if (!id) continue;
    unique(p, vocab.roles, *id, join(rp, "id"));
    out.roles.push_back({*id, std::move(title)});
  }
  std::optional<Thresholds> fallback;
  if (scoring) {
    if (const json* t = detail::member(p, *scoring, "scoring", "domain_thresholds", false)) {
      fallback = parse_thresholds(p, *t, "scoring.domain_thresholds");
    }
  }
  const json* domains = detail::get_array(p, root, "", "domains", true);
  for (std::size_t i = 0; domains && i < domains->size(); ++i) {
    const json& d = (*domains)[i];
    const std::string dp = join("domains", i);
    if (!d.is_object()) {
      p.wrong_type(dp, detail::kObject);
      continue;
    }
    detail::check_keys(p, d, dp, {"id", "title", "thresholds"});
    Domain dom;
    auto id = detail::get_identifier(p, d, dp, "id");
    dom.title = detail::get_text(p, d, dp, "title", true);
    std::optional<Thresholds> t = fallback;
    if (const json* own = detail::member(p, d, dp, "thresholds", false)) {
      t = parse_thresholds(p, *own, join(dp, "thresholds"));
    } else if (!fallback) {
      p.add(join(dp, "thresholds"),
            {"Vajag robežas šeit vai scoring.domain_thresholds.",
             "Thresholds are needed here or in scoring.domain_thresholds."});
    }
    if (!id) continue;
    unique(p, vocab.domains, *id, join(dp, "id"));
    dom.id = *id;
    if (t) dom.thresholds = *t;
    out.domains.push_back(std::move(dom));
  }
  if (const json* scales = detail::member(p, root, "", "scales", false)) {
    if (!scales->is_object()) p.wrong_type("scales", detail::kObject);
    const json& named = scales->is_object() ? *scales : json::object();
    for (const auto& [name, scale] : named.items()) {
      if (!detail::is_identifier(name)) {
        p.add(join("scales", name), {"Skalas nosaukumam jābūt identifikatoram.",
                                     "A scale's name must be an identifier."});
      }
      vocab.scales[name] = parse_points(p, scale, join("scales", name));
    }
  }
  return vocab;
}

}  // namespace

Result<Instrument> parse_instrument(const json& root) {
  Problems p;
  if (!root.is_object()) {
    p.wrong_type("", detail::kObject);
    return std::move(p).to_error(
        {"Instrumenta definīcija nav derīga.", "The instrument definition is not valid."});
  }
  detail::check_keys(p, root, "",
                     {"id", "version", "title", "description", "per_member", "roles", "domains",
                      "scales", "sections", "scoring"});
  Instrument out;
  auto id = detail::get_string(p, root, "", "id", true);
  if (id && !detail::is_identifier(*id)) {
    p.add("id", {"Identifikatoram jābūt no mazajiem latīņu burtiem, cipariem, '_' vai '-'.",
                 "An identifier must be lowercase Latin letters, digits, '_' or '-'."});
  }
  out.id = id.value_or("");
  out.version = detail::get_int(p, root, "", "version", true, 1, 1000000).value_or(1);
  out.title = detail::get_text(p, root, "", "title", true);
  out.description = detail::get_text(p, root, "", "description", false);
  out.per_member = detail::get_bool(p, root, "", "per_member", false).value_or(false);
  const json* scoring = detail::member(p, root, "", "scoring", false);
  if (scoring && !scoring->is_object()) {
    p.wrong_type("scoring", detail::kObject);
    scoring = nullptr;
  }
  if (scoring) {
    detail::check_keys(p, *scoring, "scoring",
                       {"domain_thresholds", "subject_thresholds", "domain_counts", "overrides"});
  }
  Vocabulary vocab = parse_vocabulary(p, root, scoring, out);
  parse_sections(p, root, vocab, out);
  parse_scoring(p, scoring, out);
  if (!p.empty()) {
    return std::move(p).to_error(
        {"Instrumenta definīcija nav derīga.", "The instrument definition is not valid."});
  }
  return out;
}

Result<Instrument> load_instrument_file(const std::filesystem::path& path) {
  const std::string file = path.string();
  auto invalid = [&](Error e) {
    e.message = {fmt::format("Instrumenta definīcija {} nav derīga.", file),
                 fmt::format("The instrument definition {} is not valid.", file)};
    e.detail = file;
    return e;
  };
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::internal("cannot read instrument file " + file);
  std::stringstream buffer;
  buffer << in.rdbuf();
  json root = json::parse(buffer.str(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) {
    return invalid(
        Error::invalid_field("", {"Fails nav derīgs JSON.", "The file is not valid JSON."}));
  }
  auto ins = parse_instrument(root);
  if (!ins) return invalid(std::move(ins).error());
  const std::string expected = fmt::format("{}.v{}.json", ins->id, ins->version);
  if (path.filename().string() != expected) {
    return invalid(
        Error::invalid_field("id", {fmt::format("Faila nosaukumam jābūt \"{}\".", expected),
                                    fmt::format("The file name must be \"{}\".", expected)}));
  }
  return ins;
}

}  // namespace atb::cases
