// Person names: cleaning input, folding for search and duplicate detection, Latvian collation.
//
// Latvian surnames are gendered (Bērziņš / Bērziņa, Balodis / Balode) and diacritics are often
// lost ("Berzina") or typed as digraphs ("Shmits" for Šmits). fold() and stem() make such
// spellings meet; collation_key() sorts in Latvian order (ICU locale "lv").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace atb::registry {

/// The search form of a text: lowercase, diacritics removed (ā → a, ł → l, ß → ss; letters of other
/// scripts transliterated to Latin), the digraphs sh, ch, zh written s, c, z, and every run of
/// characters other than [a-z0-9] one space, trimmed. fold("Bērziņa-Ozola") == "berzina ozola".
/// Invalid UTF-8 bytes count as separators.
std::string fold(std::string_view utf8);

/// The space-separated tokens of fold(utf8).
std::vector<std::string> fold_tokens(std::string_view utf8);

/// Removes a Latvian gendered ending from a folded token so that masculine and feminine forms meet
/// (berzins / berzina → berzin, balodis / balode → balod). A feminine "-iece" becomes the
/// masculine "-iek" (kalniece / kalnieks → kalniek); otherwise the endings "ais", "is", "us",
/// "ys", "s", "a", "e" are tried in this order and the first that matches is removed (baltais /
/// balta → balt), but only when at least three characters remain; otherwise the token is
/// returned unchanged ("ann" stays "ann"). Stemming a stem changes nothing. The stored search
/// keys follow these rules: raise kSearchKeyVersion (registry/search_key_upgrade.h) on a change.
std::string stem(std::string_view folded_token);

/// The distinct stems of all tokens of both names, in order of first appearance: the keys under
/// which a person is found by name.
std::vector<std::string> name_keys(std::string_view given_names, std::string_view surname);

/// A sort key in Latvian collation (ICU "lv", tertiary strength) as lowercase hex: comparing two
/// keys byte by byte gives the Latvian order (č after c, š after s, ž after z, ā next to a).
std::string collation_key(std::string_view utf8);

/// True when `a` sorts before `b` in Latvian collation.
bool collate_less(std::string_view a, std::string_view b);

/// Cleans a name typed by a person: trims, collapses runs of spaces and returns NFC. Refuses an
/// empty name, invalid UTF-8, control characters (C0, DEL, C1, Unicode format and bidi controls),
/// more than `max_chars` code points, and characters other than letters of any script, combining
/// marks (after a letter), spaces, hyphen, apostrophes (' and ’) and period; a name needs a letter.
/// Errors are Error::invalid_field(field, …) in Latvian and English.
Result<std::string> clean_name(std::string_view input, const std::string& field,
                               std::size_t max_chars = 80);

/// Jaro–Winkler similarity (0..1) of two ASCII strings, prefix scale 0.1 up to four characters.
double jaro_winkler(std::string_view a, std::string_view b);

/// How alike two names are, 0..1, independent of token order: both are folded and stemmed, each
/// token is paired with its most similar token of the other name (Jaro–Winkler, best pairs first),
/// and the pair scores are averaged weighted by token length; a token without a pair counts half
/// its length as a mismatch. "Anna Bērziņa" ~ "Ana Berzins" scores high, unrelated names low.
double name_similarity(std::string_view a, std::string_view b);

}  // namespace atb::registry
