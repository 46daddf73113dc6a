#include "registry/names.h"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>

namespace atb::registry {
namespace {

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

bool is_mark(UChar32 c) {
  const auto type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

/// ASCII spellings of Latin letters that have no canonical decomposition.
const char* latin_extra(UChar32 c) {
  struct Spelling {
    UChar32 letter;
    const char* ascii;
  };
  static constexpr Spelling spellings[] = {
      {0x00DF, "ss"} /* ß */, {0x00E6, "ae"} /* æ */, {0x00F0, "d"} /* ð */, {0x00F8, "o"} /* ø */,
      {0x00FE, "th"} /* þ */, {0x0111, "d"} /* đ */,  {0x0127, "h"} /* ħ */, {0x0131, "i"} /* ı */,
      {0x0138, "k"} /* ĸ */,  {0x0140, "l"} /* ŀ */,  {0x0142, "l"} /* ł */, {0x014B, "n"} /* ŋ */,
      {0x0153, "oe"} /* œ */, {0x0167, "t"} /* ŧ */,
  };
  for (const Spelling& s : spellings)
    if (s.letter == c) return s.ascii;
  return nullptr;
}

/// Lowercase, decomposed `u` as ASCII: marks dropped, Latin extras spelled out, anything else a
/// space. Sets `other_letters` when it met letters it could not spell (other scripts).
std::string ascii_of(const icu::UnicodeString& u, bool& other_letters) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString lower(u);
  lower.toLower(icu::Locale::getRoot());
  const icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(lower, status) : lower;
  std::string out;
  out.reserve(static_cast<std::size_t>(decomposed.length()));
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (is_mark(c)) {
      continue;
    } else if (const char* spelled = latin_extra(c)) {
      out += spelled;
    } else {
      if (u_isalpha(c)) other_letters = true;
      out += ' ';
    }
  }
  return out;
}

/// Transliterates letters of other scripts (Cyrillic, Greek, …) to ASCII Latin. One instance per
/// thread: creating one is slow and instances are not meant to be shared.
icu::UnicodeString to_latin(const icu::UnicodeString& u) {
  thread_local std::unique_ptr<icu::Transliterator> translit = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  icu::UnicodeString out(u);
  if (translit) translit->transliterate(out);
  return out;
}

/// Lowercases, turns runs of non-[a-z0-9] into one space, trims, and writes sh/ch/zh as s/c/z.
std::string normalise_ascii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false, after_digraph_head = false;
  for (char raw : text) {
    char c = raw >= 'A' && raw <= 'Z' ? static_cast<char>(raw - 'A' + 'a') : raw;
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      pending_space = true;
      after_digraph_head = false;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    if (c == 'h' && after_digraph_head) {
      after_digraph_head = false;
      continue;
    }
    after_digraph_head = c == 's' || c == 'c' || c == 'z';
    out += c;
  }
  return out;
}

/// The prototype collator for Latvian, created once; nullptr when ICU has no collation data.
const icu::Collator* latvian_prototype() {
  static const std::unique_ptr<icu::Collator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("lv"), status));
    if (U_FAILURE(status) || !c) return std::unique_ptr<icu::Collator>();
    c->setStrength(icu::Collator::TERTIARY);
    return c;
  }();
  return prototype.get();
}

/// This thread's clone of the Latvian collator (nullptr when there is none).
icu::Collator* latvian_collator() {
  thread_local std::unique_ptr<icu::Collator> mine(
      latvian_prototype() ? latvian_prototype()->clone() : nullptr);
  return mine.get();
}

icu::UnicodeString unicode(std::string_view utf8) {
  const auto size = static_cast<int32_t>(std::min<std::size_t>(utf8.size(), INT32_MAX));
  return icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), size));
}

Error name_error(const std::string& field, std::string lv, std::string en) {
  return Error::invalid_field(field, Text{std::move(lv), std::move(en)});
}

Error too_long(const std::string& field, std::size_t max_chars) {
  const std::size_t n = max_chars;
  const char* word = n % 10 == 1 && n % 100 != 11 ? "rakstzīme" : "rakstzīmes";
  return name_error(field,
                    "Vārds ir pārāk garš (ne vairāk kā " + std::to_string(n) + " " + word + ").",
                    "The name is too long (at most " + std::to_string(n) + " characters).");
}

bool is_control(UChar32 c) {
  if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) return true;
  const auto type = u_charType(c);
  return type == U_FORMAT_CHAR || type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR;
}

bool is_name_punctuation(UChar32 c) {
  return c == '-' || c == '\'' || c == 0x2019 || c == '.';
}

}  // namespace

std::string fold(std::string_view utf8) {
  if (is_ascii(utf8)) return normalise_ascii(utf8);
  const icu::UnicodeString u = unicode(utf8);
  bool other_letters = false;
  std::string ascii = ascii_of(u, other_letters);
  if (other_letters) ascii = ascii_of(to_latin(u), other_letters);
  return normalise_ascii(ascii);
}

std::vector<std::string> fold_tokens(std::string_view utf8) {
  const std::string folded = fold(utf8);
  std::vector<std::string> tokens;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    tokens.emplace_back(folded, start, end - start);
    start = end + 1;
  }
  return tokens;
}

std::string stem(std::string_view folded_token) {
  // The feminine -iece of a masculine -ieks (Kalnieks, Kalniece) takes his stem "…iek".
  if (folded_token.size() >= 7 && folded_token.ends_with("iece")) {
    return std::string(folded_token.substr(0, folded_token.size() - 2)) + "k";
  }
  // -ais before -is: the definite adjective surnames (Baltais, Baltā) share "balt".
  static constexpr std::string_view endings[] = {"ais", "is", "us", "ys", "s", "a", "e"};
  for (std::string_view ending : endings) {
    if (folded_token.size() >= ending.size() + 3 && folded_token.ends_with(ending))
      return std::string(folded_token.substr(0, folded_token.size() - ending.size()));
  }
  return std::string(folded_token);
}

std::vector<std::string> name_keys(std::string_view given_names, std::string_view surname) {
  std::vector<std::string> keys;
  for (std::string_view part : {given_names, surname}) {
    for (const std::string& token : fold_tokens(part)) {
      std::string key = stem(token);
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    }
  }
  return keys;
}

std::string collation_key(std::string_view utf8) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  icu::Collator* collator = latvian_collator();
  if (!collator) {  // no collation data: fall back to the bytes themselves
    for (unsigned char b : utf8) (out += hex[b >> 4]) += hex[b & 15];
    return out;
  }
  const icu::UnicodeString u = unicode(utf8);
  std::vector<uint8_t> key(64 + static_cast<std::size_t>(u.length()) * 4);
  int32_t size = collator->getSortKey(u, key.data(), static_cast<int32_t>(key.size()));
  if (size > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<std::size_t>(size));
    size = collator->getSortKey(u, key.data(), size);
  }
  if (size > 0 && key[static_cast<std::size_t>(size) - 1] == 0) --size;  // the terminating zero
  out.reserve(static_cast<std::size_t>(size) * 2);
  for (int32_t i = 0; i < size; ++i) (out += hex[key[i] >> 4]) += hex[key[i] & 15];
  return out;
}

bool collate_less(std::string_view a, std::string_view b) {
  icu::Collator* collator = latvian_collator();
  if (!collator) return a < b;
  UErrorCode status = U_ZERO_ERROR;
  const auto order =
      collator->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                            icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  return U_SUCCESS(status) ? order == UCOL_LESS : a < b;
}

Result<std::string> clean_name(std::string_view input, const std::string& field,
                               std::size_t max_chars) {
  // A decomposed name may take several code points and bytes per character; more than 16 bytes
  // per allowed character cannot be a name and would only cost work.
  if (input.size() > max_chars * 16 + 64) return too_long(field, max_chars);
  const auto* bytes = reinterpret_cast<const uint8_t*>(input.data());
  const auto length = static_cast<int32_t>(input.size());
  icu::UnicodeString cleaned;
  bool pending_space = false, letter_before = false, has_letter = false;
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0)
      return name_error(field, "Vārdā ir nederīgi baiti (bojāts UTF-8 kodējums).",
                        "The name contains invalid bytes (broken UTF-8 encoding).");
    if (is_control(c))
      return name_error(field, "Vārdā ir neatļautas vadības rakstzīmes.",
                        "The name contains control characters, which are not allowed.");
    if (c == ' ' || u_charType(c) == U_SPACE_SEPARATOR) {
      pending_space = true;
      letter_before = false;
      continue;
    }
    if (is_mark(c)) {
      if (!letter_before)
        return name_error(field, "Vārdā ir diakritiska zīme bez burta.",
                          "The name contains a diacritical mark without a letter.");
    } else if (u_isalpha(c)) {
      letter_before = has_letter = true;
    } else if (is_name_punctuation(c)) {
      letter_before = false;
    } else {
      return name_error(field, "Vārdā ir neatļautas rakstzīmes.",
                        "The name contains characters that are not allowed.");
    }
    if (pending_space && !cleaned.isEmpty()) cleaned.append(static_cast<UChar>(' '));
    pending_space = false;
    cleaned.append(c);
  }
  if (cleaned.isEmpty()) return name_error(field, "Vārds nav norādīts.", "The name is missing.");
  if (!has_letter)
    return name_error(field, "Vārdā jābūt vismaz vienam burtam.",
                      "The name must contain at least one letter.");
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) cleaned = nfc->normalize(cleaned, status);
  if (U_FAILURE(status)) return Error::internal("ICU NFC normalisation failed");
  if (static_cast<std::size_t>(cleaned.countChar32()) > max_chars)
    return too_long(field, max_chars);
  std::string out;
  cleaned.toUTF8String(out);
  return out;
}

double jaro_winkler(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  std::vector<char> a_hit(a.size(), 0), b_hit(b.size(), 0);
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(b.size(), i + window + 1);
    for (std::size_t j = lo; j < hi; ++j) {
      if (b_hit[j] || a[i] != b[j]) continue;
      a_hit[i] = b_hit[j] = 1;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  std::size_t transpositions = 0;
  for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!a_hit[i]) continue;
    while (!b_hit[j]) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                       (m - static_cast<double>(transpositions) / 2.0) / m) /
                      3.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

double name_similarity(std::string_view a, std::string_view b) {
  auto stems_of = [](std::string_view name) {
    std::vector<std::string> stems;
    for (const std::string& token : fold_tokens(name)) stems.push_back(stem(token));
    return stems;
  };
  std::vector<std::string> left = stems_of(a), right = stems_of(b);
  if (left.empty() || right.empty()) return 0.0;
  struct Pair {
    double score;
    std::size_t i, j;
  };
  std::vector<Pair> pairs;
  for (std::size_t i = 0; i < left.size(); ++i)
    for (std::size_t j = 0; j < right.size(); ++j)
      pairs.push_back({jaro_winkler(left[i], right[j]), i, j});
  // Best pairs first; ties by position so that the result does not depend on the sort.
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.i != y.i ? x.i < y.i : x.j < y.j;
  });
  std::vector<char> left_used(left.size(), 0), right_used(right.size(), 0);
  double matched = 0.0, weight = 0.0;
  for (const Pair& p : pairs) {
    if (left_used[p.i] || right_used[p.j]) continue;
    left_used[p.i] = right_used[p.j] = 1;
    const double w = static_cast<double>(left[p.i].size() + right[p.j].size());
    matched += p.score * w;
    weight += w;
  }
  for (std::size_t i = 0; i < left.size(); ++i)
    if (!left_used[i]) weight += 0.5 * static_cast<double>(left[i].size());
  for (std::size_t j = 0; j < right.size(); ++j)
    if (!right_used[j]) weight += 0.5 * static_cast<double>(right[j].size());
  return weight > 0.0 ? matched / weight : 0.0;
}

}  // namespace atb::registry
