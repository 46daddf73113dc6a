#include "services/mentor_rules.h"

#include <algorithm>
#include <cctype>

#include "cases/note_text.h"

namespace atb::services {
namespace {

Error invalid(std::string_view field, std::string lv, std::string en) {
  return Error::invalid_field(std::string(field), {std::move(lv), std::move(en)});
}

// A date in the form YYYY-MM-DD (422 naming `field`).
Result<Date> date_member(std::string_view field, std::string_view text) {
  const auto d = parse_date(text);
  if (!d) return invalid(field, "Datums jānorāda kā GGGG-MM-DD.", "Give the date as YYYY-MM-DD.");
  return *d;
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

bool phone_ok(const std::string& phone) {
  int digits = 0;
  for (char ch : phone) {
    if (std::isdigit(static_cast<unsigned char>(ch))) {
      ++digits;
    } else if (std::string_view(" +-()").find(ch) == std::string_view::npos) {
      return false;
    }
  }
  return digits >= 6 && digits <= 15;
}

bool email_ok(const std::string& email) {
  const auto at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos) {
    return false;
  }
  const auto dot = email.find('.', at + 2);
  return dot != std::string::npos && dot + 1 < email.size() &&
         email.find_first_of(" \t") == std::string::npos;
}

}  // namespace

Result<void> check_mentor(Mentor& m, const Date& today) {
  if (m.kind != "staff" && m.kind != "volunteer") {
    return invalid("kind", "Mentors ir darbinieks (staff) vai brīvprātīgais (volunteer).",
                   "A mentor is staff or a volunteer.");
  }
  if (m.kind == "staff") {
    if (!m.user_id) return invalid("user_id", "Norādiet darbinieku.", "Choose the staff member.");
    for (const auto& [field, given] :
         {std::pair{"name", !m.name.empty()}, std::pair{"phone", m.phone.has_value()},
          std::pair{"email", m.email.has_value()}}) {
      if (given) {
        return invalid(field, "Darbinieka vārds un kontakti ir no viņa lietotāja konta.",
                       "A staff mentor's name and contacts come from her user account.");
      }
    }
  } else {
    if (m.user_id) {
      return invalid("user_id", "Brīvprātīgais nav sistēmas lietotājs.",
                     "A volunteer is not a user of the system.");
    }
    m.name = trimmed(m.name);
    if (m.name.empty()) return invalid("name", "Norādiet vārdu un uzvārdu.", "Give the name.");
    if (cases::code_points(m.name) > 200) {
      return invalid("name", "Vārds nevar būt garāks par 200 zīmēm.",
                     "The name cannot be longer than 200 characters.");
    }
    if (!m.phone && !m.email) {
      return invalid("phone", "Norādiet brīvprātīgā tālruni vai e-pastu.",
                     "Give the volunteer's phone or e-mail.");
    }
    if (m.phone && !phone_ok(*m.phone)) {
      return invalid("phone", "Tālrunis: 6–15 cipari (atļauti arī +, atstarpes, - un iekavas).",
                     "Phone: 6–15 digits (+, spaces, - and brackets allowed).");
    }
    if (m.email && !email_ok(*m.email)) {
      return invalid("email", "E-pasta adrese nav derīga.", "The e-mail address is not valid.");
    }
  }
  ATB_TRY_ASSIGN(trained, date_member("trained_on", m.trained_on));
  if (today < trained) {
    return invalid("trained_on", "Apmācības vai vienošanās datums nevar būt nākotnē.",
                   "The training or agreement date cannot be in the future.");
  }
  if (m.max_mentees < 1 || m.max_mentees > kMaxMentees) {
    return invalid("max_mentees",
                   "Mentoram var būt no 1 līdz " + std::to_string(kMaxMentees) + " jauniešiem.",
                   "A mentor may have 1 to " + std::to_string(kMaxMentees) + " mentees.");
  }
  return ok();
}

Result<void> check_mentor_capacity(int active, int max_mentees,
                                   const std::optional<std::string>& override_reason) {
  if (active + 1 <= max_mentees || override_reason) return ok();
  const std::string taken = std::to_string(active) + " / " + std::to_string(max_mentees);
  const Text why{
      "Mentoram nav brīvas vietas: aizņemtas " + taken +
          ". Lai savienotu pārī virs limita, norādiet iemeslu.",
      "The mentor has no free place: " + taken + " taken. Give a reason to pair beyond her limit."};
  return Error{Errc::conflict, why, {{"override_reason", why}}, {}};
}

Result<Date> check_pairing_start(std::string_view text, const Date& placed_from,
                                 const Date& trained_on, const Date& today) {
  ATB_TRY_ASSIGN(from, date_member("from_on", text));
  if (from < placed_from) {
    return invalid("from_on",
                   "Sākums nevar būt pirms pakalpojuma sākuma (" + placed_from.iso() + ").",
                   "The start cannot be before the service started (" + placed_from.iso() + ").");
  }
  if (from < trained_on) {
    return invalid(
        "from_on",
        "Sākums nevar būt pirms mentora apmācības vai vienošanās (" + trained_on.iso() + ").",
        "The start cannot be before the mentor's training or agreement (" + trained_on.iso() +
            ").");
  }
  const Date latest = add_days(today, 366);
  if (latest < from) {
    return invalid("from_on", "Datums nevar būt pēc " + latest.iso() + ".",
                   "The date cannot be after " + latest.iso() + ".");
  }
  return from;
}

Result<void> check_pairing_overlap(const Date& from, const std::vector<StaySpan>& others) {
  for (const StaySpan& s : others) {
    if (!s.period.to) {
      const Text why{
          "Jaunietim jau ir mentors (no " + s.period.from.iso() + "); vispirms beidziet to pāri.",
          "The young person already has a mentor (from " + s.period.from.iso() +
              "); end that pairing first."};
      return Error{Errc::conflict, why, {{"mentor_id", why}}, {}};
    }
  }
  const Period wanted{from, std::nullopt};
  for (const StaySpan& s : others) {
    if (overlaps(wanted, s.period)) {
      return invalid("from_on",
                     "Pāris pārklājas ar iepriekšējo (no " + s.period.from.iso() + " līdz " +
                         s.period.to->iso() + "); sāciet ne agrāk kā " + s.period.to->iso() + ".",
                     "The pairing overlaps the earlier one (from " + s.period.from.iso() +
                         " until " + s.period.to->iso() + "); start on " + s.period.to->iso() +
                         " or later.");
    }
  }
  return ok();
}

Result<Date> check_pairing_end(std::string_view text, const Date& from, const Date& today) {
  ATB_TRY_ASSIGN(until, date_member("until_on", text));
  if (until < from) {
    return invalid("until_on", "Beigas nevar būt pirms sākuma (" + from.iso() + ").",
                   "The end cannot be before the start (" + from.iso() + ").");
  }
  if (today < until) {
    return invalid("until_on", "Beigu datums nevar būt nākotnē.",
                   "The end cannot be in the future.");
  }
  return until;
}

Result<Date> check_meeting(const MeetingInput& m, const Date& from, const Date& today) {
  ATB_TRY_ASSIGN(on, date_member("met_on", m.met_on));
  if (on < from) {
    return invalid("met_on", "Tikšanās nevar būt pirms pāra sākuma (" + from.iso() + ").",
                   "A meeting cannot be before the pairing started (" + from.iso() + ").");
  }
  if (today < on) {
    return invalid("met_on", "Tikšanās datums nevar būt nākotnē.",
                   "A meeting cannot be in the future.");
  }
  const int least = m.attended ? 1 : 0;
  if (m.minutes < least || m.minutes > kMaxMeetingMinutes) {
    return invalid("minutes",
                   "Ilgums minūtēs: no " + std::to_string(least) + " līdz " +
                       std::to_string(kMaxMeetingMinutes) + ".",
                   "Length in minutes: " + std::to_string(least) + " to " +
                       std::to_string(kMaxMeetingMinutes) + ".");
  }
  if (std::find(kMeetingFormats.begin(), kMeetingFormats.end(), m.format) ==
      kMeetingFormats.end()) {
    return invalid("format", "Formāts: klātienē, tiešsaistē, pa tālruni vai izbraukumā.",
                   "Format: in_person, online, phone or outing.");
  }
  return on;
}

int meeting_quantity(std::string_view unit, int minutes, bool attended) {
  if (!attended || unit == "month") return 0;
  if (unit == "hour") return std::max(1, (minutes + 30) / 60);
  return 1;
}

}  // namespace atb::services
