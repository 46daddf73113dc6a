#include "assistance/explanation_json.h"

#include <charconv>
#include <string>

#include <nlohmann/json.hpp>

#include "assistance/explanation_catalogue.h"

namespace atb::assistance {
namespace {

/// The format marker of the compact form.
constexpr int kCompactVersion = 2;

void append_step(std::string& out, const Step& s);

/// Appends an argument as a JSON value.
void append_arg(std::string& out, const Arg& a) {
  switch (a.kind) {
    case Arg::Kind::number: {
      char buf[24];
      out.append(buf, std::to_chars(buf, buf + sizeof buf, a.number).ptr);
      break;
    }
    case Arg::Kind::text:
      append_json_string(out, a.text);
      break;
    case Arg::Kind::bilingual:
      out += "{\"lv\":";
      append_json_string(out, a.text);
      out += ",\"en\":";
      append_json_string(out, a.text_en);
      out += '}';
      break;
    case Arg::Kind::phrases:
      out += '[';
      for (std::size_t i = 0; i < a.phrases.size(); ++i) {
        if (i > 0) out += ',';
        append_step(out, a.phrases[i]);
      }
      out += ']';
      break;
  }
}

/// Appends {"k":name,"a":[…]}.
void append_step(std::string& out, const Step& s) {
  out += "{\"k\":\"";
  out += template_of(s.key).name;  // names are plain ASCII
  out += '"';
  if (!s.args.empty()) {
    out += ",\"a\":[";
    for (std::size_t i = 0; i < s.args.size(); ++i) {
      if (i > 0) out += ',';
      append_arg(out, s.args[i]);
    }
    out += ']';
  }
  out += '}';
}

Step step_from(const nlohmann::json& j);

/// An argument read back; a value of no known shape reads as an empty text.
Arg arg_from(const nlohmann::json& j) {
  if (j.is_number_integer()) return Arg(j.get<std::int64_t>());
  if (j.is_string()) return Arg(j.get<std::string>());
  if (j.is_object()) return Arg(Text{j.value("lv", ""), j.value("en", "")});
  if (j.is_array()) {
    std::vector<Step> phrases;
    for (const auto& s : j) phrases.push_back(step_from(s));
    return Arg(std::move(phrases));
  }
  return Arg(std::string());
}

/// A compact step read back.
Step step_from(const nlohmann::json& j) {
  if (!j.is_object()) return Step(Text{});
  const std::string name = j.value("k", "");
  const auto key = key_named(name);
  if (!key) return Step(Text{name, name});
  Step s(*key);
  if (const auto a = j.find("a"); a != j.end() && a->is_array())
    for (const auto& arg : *a) s.args.push_back(arg_from(arg));
  return s;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t plain = 0;  // start of the characters not yet appended, none of them escaped
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (u > 0x1F && u != '"' && u != '\\') continue;
    out.append(text.substr(plain, i - plain));
    plain = i + 1;
    switch (u) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[u >> 4];
        out += kHex[u & 0xF];
    }
  }
  out.append(text.substr(plain));
  out += '"';
}

std::string stored_explanation(const std::vector<Step>& steps) {
  std::string out;
  out.reserve(24 + 48 * steps.size());
  out += "{\"v\":";
  out += std::to_string(kCompactVersion);
  out += ",\"steps\":[";
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (i > 0) out += ',';
    append_step(out, steps[i]);
  }
  out += "]}";
  return out;
}

std::vector<Step> explanation_from_stored(std::string_view stored) {
  std::vector<Step> out;
  if (stored.empty()) return out;
  const auto j = nlohmann::json::parse(stored, nullptr, false);
  if (j.is_array()) {  // the earlier form: rendered texts
    for (const auto& s : j)
      if (s.is_object()) out.emplace_back(Text{s.value("lv", ""), s.value("en", "")});
    return out;
  }
  if (!j.is_object() || j.value("v", 0) != kCompactVersion) return out;
  if (const auto steps = j.find("steps"); steps != j.end() && steps->is_array())
    for (const auto& s : *steps) out.push_back(step_from(s));
  return out;
}

}  // namespace atb::assistance
