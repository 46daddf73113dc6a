// Money in integer euro cents: formatting in Latvian and English style, parsing user input, and
// division with the rounding the social assistance rules state (half a cent rounds up).
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/result.h"
#include "core/text.h"

namespace atb::assistance {

/// An amount in euro cents. Every sum in the assistance rules is exact to the cent.
using Cents = std::int64_t;

/// The largest amount parse_eur accepts: 10 000 000,00 €.
inline constexpr Cents kMaxCents = 1'000'000'000;

/// Latvian style: "1 234,56 €" (space between thousands, decimal comma, sign "−" when negative).
std::string format_eur(Cents amount);

/// English style: "€1,234.56" (comma between thousands, decimal point, "−€1,234.56" when negative).
std::string format_eur_en(Cents amount);

/// Refuses a negative amount or one above kMaxCents; errors name `field`.
Result<void> check_amount(Cents amount, std::string_view field);

/// Parses a non-negative amount typed by a user: "123", "123.45", "123,45", "123.4" (at most two
/// decimals, surrounding spaces ignored, at most 10 000 000,00). Errors name `field`.
Result<Cents> parse_eur(std::string_view text, std::string_view field);

/// `total / parts` rounded to the nearest cent, a half cent away from zero (half up for the
/// non-negative sums of the rules). `parts` must be positive; 0 is returned otherwise.
Cents divide_round_half_up(Cents total, int parts);

/// An amount for say(), shown in the style of each language.
struct Eur {
  Cents cents;
};

/// An argument of say() as shown in `lang`: Eur and Text by language, anything else as is.
template <class T>
decltype(auto) shown_in(Lang lang, const T& value) {
  if constexpr (std::is_same_v<T, Eur>)
    return lang == Lang::lv ? format_eur(value.cents) : format_eur_en(value.cents);
  else if constexpr (std::is_same_v<T, Text>)
    return value.in(lang);
  else
    return value;
}

/// A bilingual text from a Latvian and an English fmt pattern taking the same arguments:
/// say("Kopā: {}", "Total: {}", Eur{123456}) → {"Kopā: 1 234,56 €", "Total: €1,234.56"}.
template <class... Args>
Text say(std::string_view lv, std::string_view en, const Args&... args) {
  return {fmt::format(fmt::runtime(lv), shown_in(Lang::lv, args)...),
          fmt::format(fmt::runtime(en), shown_in(Lang::en, args)...)};
}

/// "a + b + c" of the amounts in each language's style ("" for none).
Text eur_sum(const std::vector<Cents>& amounts);

}  // namespace atb::assistance
