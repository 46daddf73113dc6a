#include "core/text.h"

#include <cctype>
#include <cstdlib>
#include <string>

namespace atb {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool starts_with_lang(std::string_view tag, std::string_view code) {
  if (tag.size() < code.size()) return false;
  for (size_t i = 0; i < code.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(tag[i])) != code[i]) return false;
  }
  return tag.size() == code.size() || tag[code.size()] == '-' || tag[code.size()] == '_';
}

}  // namespace

Lang lang_from_accept_language(std::string_view header) {
  double best_q = -1.0;
  Lang best = Lang::lv;
  while (!header.empty()) {
    const size_t comma = header.find(',');
    std::string_view item = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    double q = 1.0;
    if (const size_t semi = item.find(';'); semi != std::string_view::npos) {
      std::string_view param = trim(item.substr(semi + 1));
      item = trim(item.substr(0, semi));
      if (param.size() > 2 && param.substr(0, 2) == "q=") {
        q = std::strtod(std::string(param.substr(2)).c_str(), nullptr);
      }
    }
    const bool lv = starts_with_lang(item, "lv");
    const bool en = starts_with_lang(item, "en");
    if ((lv || en) && q > best_q) {
      best_q = q;
      best = en ? Lang::en : Lang::lv;
    }
  }
  return best;
}

std::string_view lang_code(Lang lang) { return lang == Lang::en ? "en" : "lv"; }

}  // namespace atb
