// The Latvian personal identity code (personas kods): parsing, validation and display.
// Old format (issued until 2017-06-30): DDMMYY-CNNNZ, C the century (0 → 1800s, 1 → 1900s,
// 2 → 2000s), Z a check digit. New format (from 2017-07-01): 3, then 2–9, then random digits.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace atb::registry {

/// Which of the two formats a code has.
enum class CodeFormat { old_format, new_format };

/// A valid personal code.
struct PersonalCode {
  std::string digits;  ///< 11 digits, no hyphen: the stored form
  CodeFormat format = CodeFormat::old_format;
  std::optional<Date> birth_date;  ///< old format only
  /// New format: whether the old-format check digit formula holds. It is not officially confirmed
  /// that new codes carry it, so such codes are accepted; callers warn when this is false.
  bool check_digit_holds = true;
};

/// Parses a code typed by a person: 11 digits, optionally with a hyphen after the sixth and spaces
/// around. Old-format codes must name a real birth date that is not in the future (Riga time) and
/// have the right check digit. Errors are Error::invalid_field(field, …) in Latvian and English.
Result<PersonalCode> parse_personal_code(std::string_view input,
                                         const std::string& field = "personal_code");

/// As parse_personal_code, with the date that counts as "today" for the future-date rule.
Result<PersonalCode> parse_personal_code_on(std::string_view input, const std::string& field,
                                            const Date& today);

/// "XXXXXX-XXXXX" for 11 digits; any other input is returned unchanged.
std::string format_personal_code(std::string_view digits);

/// The old-format check digit of the first ten digits: (1101 − Σ wᵢ·dᵢ) mod 11 mod 10 with weights
/// (1, 6, 3, 7, 9, 10, 5, 8, 4, 2). Returns -1 unless given exactly ten digits.
int personal_code_check_digit(std::string_view first10);

/// When a search query looks like a personal code or its beginning (6 to 11 digits, optionally a
/// hyphen after the sixth, spaces around), its digits without the hyphen; otherwise nullopt.
std::optional<std::string> code_query_digits(std::string_view query);

}  // namespace atb::registry
