#include "cases/note_text.h"

#include <algorithm>
#include <string>

#include "core/csv.h"

namespace atb::cases {

std::size_t code_points(std::string_view text) {
  // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

Result<void> check_note_text(std::string_view text, std::string_view field) {
  const std::string name(field);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Error::invalid_field(name, {"Piezīmes teksts ir obligāts.", "The note needs a text."});
  }
  if (!csv::valid_utf8(text)) {
    return Error::invalid_field(name, {"Teksts nav derīgā UTF-8 kodējumā.",
                                       "The text is not valid UTF-8."});
  }
  const std::size_t n = code_points(text);
  if (n > kMaxNoteChars) {
    const std::string limit = std::to_string(kMaxNoteChars), got = std::to_string(n);
    return Error::invalid_field(
        name, {"Piezīme nedrīkst būt garāka par " + limit + " rakstzīmēm (tagad " + got + ").",
               "A note may not be longer than " + limit + " characters (it has " + got + ")."});
  }
  return ok();
}

}  // namespace atb::cases
