#include "assistance/money.h"

#include <fmt/format.h>

namespace atb::assistance {
namespace {

/// The digits of `units` grouped by threes with `separator` ("1234567" → "1 234 567").
std::string group_thousands(Cents units, std::string_view separator) {
  std::string digits = std::to_string(units);
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

/// The magnitude of `amount` as euros and cents ("1 234" and "56"), with its sign prefix.
struct Parts {
  std::string_view sign;
  Cents euros;
  Cents cents;
};

/// Splits `amount` without overflowing on the most negative value (an impossible sum anyway).
Parts split(Cents amount) {
  const bool negative = amount < 0;
  const std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
  return {negative ? "\u2212" : "", static_cast<Cents>(magnitude / 100),
          static_cast<Cents>(magnitude % 100)};
}

/// The error for text that is not an amount.
Error not_an_amount(std::string_view field) {
  return Error::invalid_field(
      std::string(field),
      {"Summai jābūt skaitlim ar ne vairāk kā divām zīmēm aiz komata, piemēram, 123,45.",
       "The amount must be a number with at most two decimals, e.g. 123.45."});
}

}  // namespace

std::string format_eur(Cents amount) {
  const Parts p = split(amount);
  return fmt::format("{}{},{:02} €", p.sign, group_thousands(p.euros, " "), p.cents);
}

std::string format_eur_en(Cents amount) {
  const Parts p = split(amount);
  return fmt::format("{}€{}.{:02}", p.sign, group_thousands(p.euros, ","), p.cents);
}

Result<void> check_amount(Cents amount, std::string_view field) {
  if (amount < 0)
    return Error::invalid_field(std::string(field),
                                {"Summa nevar būt negatīva.", "The amount cannot be negative."});
  if (amount > kMaxCents)
    return Error::invalid_field(std::string(field), {"Summa nevar pārsniegt 10 000 000,00 €.",
                                                     "The amount cannot exceed €10,000,000.00."});
  return ok();
}

Result<Cents> parse_eur(std::string_view text, std::string_view field) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (!text.empty() && text.front() == '-') return check_amount(-1, field).error();
  const std::size_t sep = text.find_first_of(".,");
  const std::string_view whole = text.substr(0, sep);
  const std::string_view fraction = sep == std::string_view::npos ? "" : text.substr(sep + 1);
  const bool has_separator = sep != std::string_view::npos;
  if (whole.empty() || (has_separator && (fraction.empty() || fraction.size() > 2)))
    return not_an_amount(field);
  Cents euros = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return not_an_amount(field);
    euros = euros * 10 + (c - '0');
    if (euros > kMaxCents / 100) euros = kMaxCents;  // saturate: refused below, no overflow
  }
  Cents cents = 0;
  for (std::size_t i = 0; i < 2; ++i) {
    const char c = i < fraction.size() ? fraction[i] : '0';
    if (c < '0' || c > '9') return not_an_amount(field);
    cents = cents * 10 + (c - '0');
  }
  ATB_TRY(check_amount(euros * 100 + cents, field));
  return euros * 100 + cents;
}

Text eur_sum(const std::vector<Cents>& amounts) {
  Text out;
  for (Cents a : amounts) {
    out.lv += (out.lv.empty() ? "" : " + ") + format_eur(a);
    out.en += (out.en.empty() ? "" : " + ") + format_eur_en(a);
  }
  return out;
}

Cents divide_round_half_up(Cents total, int parts) {
  if (parts <= 0) return 0;
  if (total < 0) return -divide_round_half_up(-total, parts);
  const Cents quotient = total / parts;
  const Cents remainder = total % parts;
  return 2 * remainder >= parts ? quotient + 1 : quotient;
}

}  // namespace atb::assistance
