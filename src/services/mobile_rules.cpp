#include "services/mobile_rules.h"

#include <fmt/format.h>

#include <algorithm>

#include "services/housing_rules.h"

namespace atb::services {
namespace {

Error invalid(std::string_view field, std::string lv, std::string en) {
  return Error::invalid_field(std::string(field), {std::move(lv), std::move(en)});
}

Error conflict(std::string_view field, Text why) {
  std::vector<FieldError> fields;
  if (!field.empty()) fields.push_back({std::string(field), why});
  return Error{Errc::conflict, std::move(why), std::move(fields), {}};
}

struct Label {
  std::string_view code;
  const char* lv;
  const char* en;
};

constexpr Label kLabels[] = {
    {"hot_meal", "Siltā maltīte", "Hot meal"},
    {"hygiene", "Higiēnas preces", "Hygiene goods"},
    {"shopping", "Iepirkumi", "Shopping"},
    {"social_work", "Sociālā darba konsultācija", "Social work consultation"},
    {"medicines", "Medikamenti", "Medicines"},
    {"visited", "Apmeklēts", "Visited"},
    {"not_home", "Nebija mājās", "Not at home"},
    {"refused", "Atteicās", "Refused"},
};

// "HH:MM" with 00–23 and 00–59.
bool is_time(const std::string& t) {
  if (t.size() != 5 || t[2] != ':') return false;
  for (std::size_t i : {0u, 1u, 3u, 4u}) {
    if (t[i] < '0' || t[i] > '9') return false;
  }
  return (t[0] - '0') * 10 + (t[1] - '0') < 24 && t[3] < '6';
}

}  // namespace

bool has_day_plans(std::string_view kind) {
  return kind == "mobile_service";
}

const std::vector<std::string_view>& mobile_items() {
  static const std::vector<std::string_view> list = {"hot_meal", "hygiene", "shopping",
                                                     "social_work", "medicines"};
  return list;
}

const std::vector<std::string_view>& visit_outcomes() {
  static const std::vector<std::string_view> list = {"visited", "not_home", "refused"};
  return list;
}

Text mobile_label(std::string_view code) {
  for (const Label& l : kLabels) {
    if (l.code == code) return {l.lv, l.en};
  }
  return {std::string(code), std::string(code)};
}

std::string items_line_lv(const std::vector<StopItem>& items) {
  std::string line;
  for (const StopItem& i : items) {
    if (!line.empty()) line += ", ";
    line += mobile_label(i.item).lv;
    if (i.quantity != 1) line += " × " + std::to_string(i.quantity);
  }
  return line;
}

Result<std::string> check_route(const std::string& text) {
  return check_housing_name("route", text, 200);
}

Result<Date> check_plan_day(std::string_view field, std::string_view text, const Date& today) {
  const auto d = parse_date(text);
  if (!d) return invalid(field, "Datums jānorāda kā GGGG-MM-DD.", "Give the date as YYYY-MM-DD.");
  const Date earliest = add_days(today, -366), latest = add_days(today, 366);
  if (*d < earliest || *d > latest) {
    return invalid(field, fmt::format("Dienu plāno no {} līdz {}.", earliest.iso(), latest.iso()),
                   fmt::format("Plan a day from {} to {}.", earliest.iso(), latest.iso()));
  }
  return *d;
}

Result<void> check_window(const std::optional<std::string>& from,
                          const std::optional<std::string>& to) {
  for (auto [field, value] : {std::pair{"window_from", &from}, std::pair{"window_to", &to}}) {
    if (*value && !is_time(**value)) {
      return invalid(field, "Laiku norādiet kā SS:MM (00:00–23:59).",
                     "Give the time as HH:MM (00:00–23:59).");
    }
  }
  if (from && to && *to < *from) {
    return invalid("window_to", "Laika loga beigas nevar būt pirms sākuma (" + *from + ").",
                   "The window cannot end before it starts (" + *from + ").");
  }
  return ok();
}

Result<void> check_items(std::string_view field, const std::vector<StopItem>& items) {
  if (items.size() > mobile_items().size()) {
    return invalid(field, "Pārāk daudz vienību.", "Too many items.");
  }
  for (std::size_t n = 0; n < items.size(); ++n) {
    const StopItem& i = items[n];
    if (std::find(mobile_items().begin(), mobile_items().end(), i.item) == mobile_items().end()) {
      return invalid(field,
                     "Nezināma vienība “" + i.item +
                         "”; iespējamās: hot_meal, hygiene, "
                         "shopping, social_work, medicines.",
                     "Unknown item “" + i.item +
                         "”; known: hot_meal, hygiene, shopping, "
                         "social_work, medicines.");
    }
    for (std::size_t k = 0; k < n; ++k) {
      if (items[k].item == i.item) {
        return invalid(field, "Vienība “" + i.item + "” norādīta divreiz.",
                       "The item “" + i.item + "” is given twice.");
      }
    }
    if (i.quantity < 1 || i.quantity > 100) {
      return invalid(field, "Daudzumam jābūt no 1 līdz 100.", "The quantity must be 1 to 100.");
    }
  }
  return ok();
}

Result<std::vector<std::int64_t>> reorder(const std::vector<std::int64_t>& ids, std::int64_t moved,
                                          int position) {
  const auto at = std::find(ids.begin(), ids.end(), moved);
  if (at == ids.end()) {
    return Error{Errc::not_found, {"Pietura nav atrasta.", "No such stop."}, {}, {}};
  }
  if (position < 1 || static_cast<std::size_t>(position) > ids.size()) {
    return invalid("position", fmt::format("Vietai maršrutā jābūt no 1 līdz {}.", ids.size()),
                   fmt::format("The place on the route must be 1 to {}.", ids.size()));
  }
  std::vector<std::int64_t> out(ids.begin(), ids.end());
  out.erase(out.begin() + (at - ids.begin()));
  out.insert(out.begin() + (position - 1), moved);
  return out;
}

Result<void> check_once_a_day(const std::optional<std::string>& taken_route, const Date& day) {
  if (!taken_route) return ok();
  return conflict(
      "referral_id",
      {"Klients jau ir " + day.iso() + " dienas plānā (maršruts “" + *taken_route + "”).",
       "The client is already on the plan of " + day.iso() + " (route “" + *taken_route + "”)."});
}

Result<void> check_visit(const MobileStop& stop, const std::string& outcome,
                         const std::vector<StopItem>& delivered, const Date& day,
                         const Date& placed_from, const Date& today) {
  if (std::find(visit_outcomes().begin(), visit_outcomes().end(), outcome) ==
      visit_outcomes().end()) {
    return invalid("outcome", "Norādiet visited, not_home vai refused.",
                   "Give visited, not_home or refused.");
  }
  if (stop.outcome) {
    return conflict("",
                    {"Apmeklējums jau reģistrēts (" + mobile_label(*stop.outcome).lv + ").",
                     "The visit is already recorded (" + mobile_label(*stop.outcome).en + ")."});
  }
  if (outcome != "visited" && !delivered.empty()) {
    return invalid("delivered", "Piegādāto norāda tikai apmeklējumam.",
                   "What was delivered is given for a visit only.");
  }
  ATB_TRY(check_items("delivered", delivered));
  if (day > today) {
    return invalid("outcome", "Apmeklējumu reģistrē tā dienā vai vēlāk (" + day.iso() + ").",
                   "A visit is recorded on its day or later (" + day.iso() + ").");
  }
  if (day < placed_from) {
    return invalid(
        "outcome",
        "Plāna diena ir pirms klienta uzņemšanas pakalpojumā (" + placed_from.iso() + ").",
        "The plan's day is before the client was placed in the service (" + placed_from.iso() +
            ").");
  }
  return ok();
}

Result<void> check_still_planned(const MobileStop& stop) {
  if (!stop.outcome) return ok();
  return conflict("", {"Apmeklējums jau reģistrēts; pieturu vairs nemaina.",
                       "The visit is recorded; the stop no longer changes."});
}

namespace {

// Whether a stop of `plan` has a recorded visit.
bool has_visits(const DayPlan& plan) {
  return std::any_of(plan.stops.begin(), plan.stops.end(),
                     [](const MobileStop& s) { return s.outcome.has_value(); });
}

}  // namespace

Result<void> check_plan_changeable(const DayPlan& plan, const Date& today) {
  const auto day = parse_date(plan.day);
  if (!day || *day >= today || !has_visits(plan)) return ok();
  return conflict("", {"Pagājušas dienas plānā jau reģistrēti apmeklējumi; to vairs nemaina.",
                       "The plan of a past day has recorded visits; it no longer changes."});
}

Result<void> check_plan_cancellable(const DayPlan& plan) {
  if (!has_visits(plan)) return ok();
  return conflict("", {"Plānā jau reģistrēti apmeklējumi; to neatceļ.",
                       "The plan has recorded visits; it is not cancelled."});
}

}  // namespace atb::services
