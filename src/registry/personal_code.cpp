#include "registry/personal_code.h"

#include <array>

namespace atb::registry {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

std::string_view trim_spaces(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

/// The digits of `s` when it is `min`..11 digits, with an optional hyphen after the sixth.
std::optional<std::string> digits_with_optional_hyphen(std::string_view s, std::size_t min) {
  std::string out;
  if (s.size() > 6 && s[6] == '-') {
    out.append(s.substr(0, 6));
    out.append(s.substr(7));
  } else {
    out.append(s);
  }
  if (out.size() < min || out.size() > 11 || !all_digits(out)) return std::nullopt;
  return out;
}

int digit(const std::string& s, std::size_t i) {
  return s[i] - '0';
}

Error code_error(const std::string& field, const char* lv, const char* en) {
  return Error::invalid_field(field, Text{lv, en});
}

Result<PersonalCode> parse_old_format(std::string digits, const std::string& field,
                                      const Date& today) {
  const int century = digit(digits, 6);
  if (century > 2)
    return code_error(field, "Personas koda 7. cipars (gadsimts) var būt tikai 0, 1 vai 2.",
                      "The 7th digit of the personal code (the century) must be 0, 1 or 2.");
  const int day = digit(digits, 0) * 10 + digit(digits, 1);
  const int month = digit(digits, 2) * 10 + digit(digits, 3);
  const int year = 1800 + century * 100 + digit(digits, 4) * 10 + digit(digits, 5);
  if (!valid_date(year, month, day))
    return code_error(field, "Personas kodā ir neesošs datums.",
                      "The personal code contains a date that does not exist.");
  if (personal_code_check_digit(std::string_view(digits).substr(0, 10)) != digit(digits, 10))
    return code_error(field, "Personas koda kontrolcipars nav pareizs.",
                      "The check digit of the personal code is wrong.");
  const Date birth{year, month, day};
  if (today < birth)
    return code_error(field, "Personas kodā norādītais dzimšanas datums ir nākotnē.",
                      "The birth date in the personal code is in the future.");
  return PersonalCode{std::move(digits), CodeFormat::old_format, birth, true};
}

}  // namespace

int personal_code_check_digit(std::string_view first10) {
  static constexpr std::array<int, 10> weights{1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  if (first10.size() != 10 || !all_digits(first10)) return -1;
  int sum = 0;
  for (std::size_t i = 0; i < 10; ++i) sum += weights[i] * (first10[i] - '0');
  return (1101 - sum) % 11 % 10;  // sum ≤ 9 · 55 = 495, so the difference stays positive
}

Result<PersonalCode> parse_personal_code_on(std::string_view input, const std::string& field,
                                            const Date& today) {
  auto parsed = digits_with_optional_hyphen(trim_spaces(input), 11);
  if (!parsed || parsed->size() != 11)
    return code_error(field, "Personas kodā jābūt 11 cipariem (XXXXXX-XXXXX).",
                      "The personal code must have 11 digits (XXXXXX-XXXXX).");
  std::string digits = std::move(*parsed);
  const char first = digits[0], second = digits[1];
  if (first == '3' && second >= '2') {
    const bool holds =
        personal_code_check_digit(std::string_view(digits).substr(0, 10)) == digit(digits, 10);
    return PersonalCode{std::move(digits), CodeFormat::new_format, std::nullopt, holds};
  }
  if (first > '3')
    return code_error(field,
                      "Personas koda pirmais cipars nav derīgs: vecā formāta kods sākas ar "
                      "dzimšanas dienu (01–31), jaunā formāta kods — ar 32–39.",
                      "The first digit of the personal code is not valid: an old-format code "
                      "starts with the day of birth (01–31), a new-format code with 32–39.");
  auto old = parse_old_format(digits, field, today);
  if (!old && first == '3') {
    // 30… and 31… are old-format codes of people born on the 30th or 31st; a new-format code
    // never has 0 or 1 as its second digit.
    const int day = 30 + digit(digits, 1), month = digit(digits, 2) * 10 + digit(digits, 3);
    if (month < 1 || month > 12 || day > days_in_month(2000, month))
      return code_error(field,
                        "Personas koda otrais cipars nav derīgs: jaunā formāta kods sākas ar "
                        "32–39, bet vecā formāta kodā šeit nav derīga dzimšanas datuma.",
                        "The second digit of the personal code is not valid: a new-format code "
                        "starts with 32–39, and as an old-format code it has no valid birth "
                        "date.");
  }
  return old;
}

Result<PersonalCode> parse_personal_code(std::string_view input, const std::string& field) {
  return parse_personal_code_on(input, field, today_riga());
}

std::string format_personal_code(std::string_view digits) {
  if (digits.size() != 11 || !all_digits(digits)) return std::string(digits);
  std::string out(digits.substr(0, 6));
  out += '-';
  out.append(digits.substr(6));
  return out;
}

std::optional<std::string> code_query_digits(std::string_view query) {
  query = trim_spaces(query);
  if (query.size() == 7 && query[6] == '-') query.remove_suffix(1);  // "010190-" while typing
  return digits_with_optional_hyphen(query, 6);
}

}  // namespace atb::registry
