#include "services/housing_rules.h"

#include <fmt/format.h>

namespace atb::services {
namespace {

Error invalid(std::string_view field, std::string lv, std::string en) {
  return Error::invalid_field(std::string(field), {std::move(lv), std::move(en)});
}

// Counts UTF-8 code points.
std::size_t length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

// "from 2026-01-01 until 2026-02-01" / "from 2026-01-01, still living there".
Text period_text(const Period& p) {
  if (!p.to) {
    return {"no " + p.from.iso() + ", joprojām dzīvo",
            "from " + p.from.iso() + ", still living there"};
  }
  return {"no " + p.from.iso() + " līdz " + p.to->iso(),
          "from " + p.from.iso() + " until " + p.to->iso()};
}

// A date in the form YYYY-MM-DD (422 naming `field`).
Result<Date> date_member(std::string_view field, std::string_view text) {
  const auto d = parse_date(text);
  if (!d) return invalid(field, "Datums jānorāda kā GGGG-MM-DD.", "Give the date as YYYY-MM-DD.");
  return *d;
}

// Not more than a year ahead of `today` (422 naming `field`).
Result<void> within_a_year(std::string_view field, const Date& d, const Date& today) {
  const Date latest = add_days(today, 366);
  if (d <= latest) return ok();
  return invalid(field, "Datums nevar būt pēc " + latest.iso() + ".",
                 "The date cannot be after " + latest.iso() + ".");
}

}  // namespace

bool has_housing(std::string_view kind) {
  return kind == "group_apartment" || kind == "social_house";
}

Result<std::string> check_housing_name(std::string_view field, const std::string& text,
                                       std::size_t max) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    return invalid(field, "Norādiet nosaukumu.", "Give the name.");
  }
  const auto last = text.find_last_not_of(" \t\r\n");
  std::string name = text.substr(first, last - first + 1);
  if (length(name) > max) {
    return invalid(field, fmt::format("Nosaukums ir garāks par {} zīmēm.", max),
                   fmt::format("The name is longer than {} characters.", max));
  }
  return name;
}

bool overlaps(const Period& a, const Period& b) {
  // A period that ends on its first day holds no day.
  if ((a.to && *a.to <= a.from) || (b.to && *b.to <= b.from)) return false;
  const bool a_before_b_ends = !b.to || a.from < *b.to;
  const bool b_before_a_ends = !a.to || b.from < *a.to;
  return a_before_b_ends && b_before_a_ends;
}

Result<void> check_no_overlap(std::string_view field, Collision what, const Period& wanted,
                              const std::vector<StaySpan>& others, std::int64_t except_id) {
  for (const StaySpan& s : others) {
    if (s.id == except_id || !overlaps(wanted, s.period)) continue;
    const Text when = period_text(s.period);
    const Text why = what == Collision::place
                         ? Text{"Vieta šajā laikā ir aizņemta: tajā dzīvo cits iemītnieks (" +
                                    when.lv + "). Izvēlieties citu vietu vai datumu.",
                                "The place is taken at that time: another resident lives there (" +
                                    when.en + "). Choose another place or date."}
                         : Text{"Iemītniekam šajā laikā jau ir cita dzīvesvieta (" + when.lv +
                                    "). Vispirms reģistrējiet izvākšanos no tās.",
                                "The resident already has another stay at that time (" + when.en +
                                    "). Record the move-out from it first."};
    return Error{Errc::conflict, why, {{std::string(field), why}}, {}};
  }
  return ok();
}

Result<void> check_place_in_use(bool out_of_use) {
  if (!out_of_use) return ok();
  const Text why{"Vieta nav lietošanā, tajā nevar ievākties. Izvēlieties citu vietu.",
                 "The place is out of use; nobody can move in. Choose another place."};
  return Error{Errc::conflict, why, {{"place_id", why}}, {}};
}

Result<void> check_use_change(bool is_out, bool want_out, const std::vector<StaySpan>& stays) {
  if (is_out == want_out) {
    const Text why = want_out ? Text{"Vieta jau nav lietošanā.", "The place is already out of use."}
                              : Text{"Vieta jau ir lietošanā.", "The place is already in use."};
    return Error{Errc::conflict, why, {{"out_of_use", why}}, {}};
  }
  if (!want_out || stays.empty()) return ok();
  const Text when = period_text(stays.front().period);
  const Text why{"Vietā dzīvo iemītnieks (" + when.lv +
                     "); vispirms reģistrējiet izvākšanos, tad vietu var izņemt no lietošanas.",
                 "A resident lives in the place (" + when.en +
                     "); record the move-out first, then the place can be taken out of use."};
  return Error{Errc::conflict, why, {{"out_of_use", why}}, {}};
}

Result<Date> check_move_in(std::string_view text, const Date& placed_from, const Date& today) {
  ATB_TRY_ASSIGN(d, date_member("move_in_on", text));
  if (d < placed_from) {
    return invalid(
        "move_in_on",
        "Ievākšanās nevar būt pirms uzņemšanas pakalpojumā (" + placed_from.iso() + ").",
        "The move-in cannot be before the placement in the service (" + placed_from.iso() + ").");
  }
  ATB_TRY(within_a_year("move_in_on", d, today));
  return d;
}

Result<Date> check_move_out(std::string_view text, const Date& moved_in, const Date& today) {
  ATB_TRY_ASSIGN(d, date_member("move_out_on", text));
  if (d < moved_in) {
    return invalid("move_out_on",
                   "Izvākšanās datums nevar būt pirms ievākšanās (" + moved_in.iso() + ").",
                   "The move-out date cannot be before the move-in (" + moved_in.iso() + ").");
  }
  ATB_TRY(within_a_year("move_out_on", d, today));
  return d;
}

}  // namespace atb::services
