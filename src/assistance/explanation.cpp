#include "assistance/explanation.h"

#include <charconv>

#include "assistance/explanation_catalogue.h"
#include "assistance/money.h"

namespace atb::assistance {
namespace {

/// Appends `n` in digits.
void append_number(std::string& out, std::int64_t n) {
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
  out.append(buf, end);
}

/// Appends `n` zero-padded to `width` digits.
void append_padded(std::string& out, std::int64_t n, std::size_t width) {
  std::string digits;
  append_number(digits, n);
  if (digits.size() < width) out.append(width - digits.size(), '0');
  out += digits;
}

/// True when `n` takes the singular in `lang` (Latvian: 1, 21, 31… but not 11, 111…).
bool singular(Lang lang, std::int64_t n) {
  if (lang == Lang::en) return n == 1;
  return n % 10 == 1 && n % 100 != 11;
}

void render_into(std::string& out, const Step& step, Lang lang);

/// Appends argument `a` as placeholder `spec` (after the colon; empty for none) shows it.
void append_number_as(std::string& out, std::int64_t n, std::string_view spec, Lang lang) {
  if (spec.empty()) {
    append_number(out, n);
  } else if (spec == "eur") {
    out += lang == Lang::lv ? format_eur(n) : format_eur_en(n);
  } else if (spec == "date" || spec == "month") {
    append_padded(out, n / 10000, 4);
    out += '-';
    append_padded(out, n / 100 % 100, 2);
    if (spec == "date") {
      out += '-';
      append_padded(out, n % 100, 2);
    }
  } else if (spec == "halves") {
    append_number(out, n / 2);
    if (n % 2 != 0) out += lang == Lang::lv ? ",5" : ".5";
  } else if (const auto slash = spec.find('/'); slash != std::string_view::npos) {
    out += singular(lang, n) ? spec.substr(0, slash) : spec.substr(slash + 1);
  }
}

/// Appends one placeholder's argument: `spec` is what follows its number (":eur", "|; ", "").
void append_arg(std::string& out, const Arg& a, std::string_view spec, Lang lang) {
  switch (a.kind) {
    case Arg::Kind::number:
      append_number_as(out, a.number, spec.empty() ? spec : spec.substr(1), lang);
      break;
    case Arg::Kind::text:
      out += a.text;
      break;
    case Arg::Kind::bilingual:
      out += lang == Lang::lv ? a.text : a.text_en;
      break;
    case Arg::Kind::phrases: {
      const std::string_view sep = !spec.empty() && spec.front() == '|' ? spec.substr(1) : std::string_view{};
      for (std::size_t i = 0; i < a.phrases.size(); ++i) {
        if (i > 0) out += sep;
        render_into(out, a.phrases[i], lang);
      }
      break;
    }
  }
}

/// Appends the step's template in `lang` with its placeholders filled in.
void render_into(std::string& out, const Step& step, Lang lang) {
  const StepTemplate& t = template_of(step.key);
  const std::string_view pattern = lang == Lang::lv ? t.lv : t.en;
  std::size_t i = 0;
  while (i < pattern.size()) {
    const std::size_t open = pattern.find('{', i);
    const std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) {
      out.append(pattern.substr(i));
      return;
    }
    out.append(pattern.substr(i, open - i));
    std::size_t index = 0, p = open + 1;
    while (p < close && pattern[p] >= '0' && pattern[p] <= '9') index = index * 10 + static_cast<std::size_t>(pattern[p++] - '0');
    if (index < step.args.size()) append_arg(out, step.args[index], pattern.substr(p, close - p), lang);
    i = close + 1;
  }
}

}  // namespace

Text render(const Step& step) {
  Text out;
  render_into(out.lv, step, Lang::lv);
  render_into(out.en, step, Lang::en);
  return out;
}

std::vector<Text> render(const std::vector<Step>& steps) {
  std::vector<Text> out;
  out.reserve(steps.size());
  for (const Step& s : steps) out.push_back(render(s));
  return out;
}

Text Step::text() const { return render(*this); }

}  // namespace atb::assistance
