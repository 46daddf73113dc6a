// Bilingual text: every message a user can see exists in Latvian (first) and English.
#pragma once

#include <string>
#include <string_view>

namespace atb {

/// The user's language. Latvian is the default everywhere.
enum class Lang { lv, en };

/// A message in both languages of the system.
struct Text {
  std::string lv;
  std::string en;

  /// The text in the given language.
  const std::string& in(Lang lang) const { return lang == Lang::en ? en : lv; }
};

/// Picks the language from an HTTP Accept-Language value ("en-GB,en;q=0.9,lv;q=0.8"):
/// the first of lv/en by descending quality; Latvian when neither appears.
Lang lang_from_accept_language(std::string_view header);

/// "lv" or "en".
std::string_view lang_code(Lang lang);

}  // namespace atb
