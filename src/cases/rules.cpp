#include "cases/rules.h"

#include <algorithm>

#include <fmt/format.h>

namespace atb::cases {
namespace {

/// The transition table: every ordinary move a case may make. Closing is not here: it needs a
/// supervisor's approval of a closure request (from any open stage). A review leads back to
/// the plan (a new plan version) or on to implementation (continue as planned); a closed case
/// is reopened at the agreement stage, since consent to cooperate ended with the closure.
struct Edge {
  std::string_view from, to;
};
constexpr Edge kEdges[] = {
    {"intake", "agreement"},
    {"agreement", "initial_assessment"},
    {"initial_assessment", "in_depth_assessment"},
    {"in_depth_assessment", "plan"},
    {"plan", "implementation"},
    {"implementation", "review"},
    {"review", "plan"},
    {"review", "implementation"},
    {"closed", "agreement"},
};

struct StageName {
  std::string_view code;
  Text name;
};
const StageName kStageNames[] = {
    {"intake", {"pieteikums", "intake"}},
    {"agreement", {"vienošanās", "agreement"}},
    {"initial_assessment", {"sākotnējā izvērtēšana", "initial assessment"}},
    {"in_depth_assessment", {"padziļinātā izvērtēšana", "in-depth assessment"}},
    {"plan", {"sadarbības plāns", "cooperation plan"}},
    {"implementation", {"īstenošana un uzraudzība", "implementation and monitoring"}},
    {"review", {"pārskatīšana", "review"}},
    {"closed", {"slēgts", "closed"}},
};

Error conflict(Text why) { return Error{Errc::conflict, std::move(why), {}, {}}; }

std::string joined(const std::vector<std::string>& stages, Lang lang) {
  std::string out;
  for (const std::string& s : stages) {
    if (!out.empty()) out += ", ";
    out += stage_name(s).in(lang);
  }
  return out;
}

}  // namespace

Deadline first_contact_deadline(const std::string& urgency, TimePoint received, const Calendar& calendar,
                                const Settings& settings) {
  if (urgency == "acute") {
    const TimePoint due = received + std::chrono::hours(settings.acute_hours);
    return {riga_date_at(due), due};
  }
  const int days = urgency == "priority" ? settings.priority_working_days : settings.routine_working_days;
  return {calendar.add_working_days(riga_date_at(received), days), std::nullopt};
}

Result<Deadline> chosen_deadline(const std::string& given, const std::string& urgency, const Deadline& standard,
                                 const Date& today) {
  const char* field = "first_contact_due_on";
  const auto d = parse_date(given);
  if (!d) return Error::invalid_field(field, {"Datumam jābūt formā GGGG-MM-DD.", "The date must be YYYY-MM-DD."});
  if (*d < today) {
    return Error::invalid_field(field, {"Termiņš nevar būt pagātnē.", "The deadline cannot be in the past."});
  }
  if (urgency == "acute") {
    return Error::invalid_field(field, {"Akūtam pieteikumam pirmais kontakts ir 24 stundās; termiņu mainīt nevar.",
                                        "An acute intake has first contact within 24 hours; the deadline is fixed."});
  }
  if (*d > standard.due_on) {
    return Error::invalid_field(field, {fmt::format("Termiņš nevar būt vēlāks par {}.", standard.due_on.iso()),
                                        fmt::format("The deadline cannot be later than {}.", standard.due_on.iso())});
  }
  return Deadline{*d, std::nullopt};
}

std::vector<std::string> next_stages(const std::string& from) {
  std::vector<std::string> out;
  for (const Edge& e : kEdges) {
    if (e.from == from) out.emplace_back(e.to);
  }
  return out;
}

Text stage_name(std::string_view stage) {
  for (const StageName& s : kStageNames) {
    if (s.code == stage) return s.name;
  }
  return {std::string(stage), std::string(stage)};
}

Result<void> check_transition(const std::string& from, const std::string& to, const TransitionFacts& facts) {
  if (!one_of(kStages, to)) return Error::invalid_field("to", {"Nezināms posms.", "Unknown stage."});
  if (from == to) {
    return conflict({fmt::format("Gadījums jau ir posmā “{}”.", stage_name(to).lv),
                     fmt::format("The case is already at the stage “{}”.", stage_name(to).en)});
  }
  if (to == "closed") {
    return conflict({"Gadījumu slēdz ar vadītāja apstiprinājumu: vadošais darbinieks iesniedz slēgšanas pieprasījumu.",
                     "A case is closed with a supervisor's approval: the lead worker requests closure."});
  }
  const std::vector<std::string> allowed = next_stages(from);
  if (std::find(allowed.begin(), allowed.end(), to) == allowed.end()) {
    return conflict({fmt::format("No posma “{}” var pāriet tikai uz: {}.", stage_name(from).lv, joined(allowed, Lang::lv)),
                     fmt::format("From “{}” the case can move only to: {}.", stage_name(from).en, joined(allowed, Lang::en))});
  }
  if (from == "agreement" && !facts.has_agreement) {
    return conflict({"Vispirms reģistrējiet vienošanos par sadarbību.", "Record the agreement to cooperate first."});
  }
  return ok();
}

TransitionFacts facts_of(const CaseFile& k) {
  std::string reopened_at;
  for (const Transition& t : k.transitions) {
    if (t.from_stage == "closed") reopened_at = t.at;
  }
  return {k.agreement.has_value() && k.agreement->recorded_at > reopened_at};
}

Result<void> check_agreement_stage(const CaseFile& k) {
  if (k.stage == "closed") return conflict({"Slēgtam gadījumam vienošanos nereģistrē.", "A closed case takes no agreement."});
  return ok();
}

Result<void> check_assessment_change(const CaseFile& k, const Assessment* a) {
  if (k.stage == "closed") {
    return conflict({"Slēgtā gadījumā izvērtējumus nesāk un nemaina.", "A closed case's assessments do not change."});
  }
  if (a && a->status != "draft") {
    return conflict({"Pabeigtu izvērtējumu vairs nevar mainīt.", "A completed assessment cannot change."});
  }
  return ok();
}

Result<void> check_assessment_members(const std::vector<std::string>& member_ids,
                                      const std::vector<std::int64_t>& persons) {
  for (std::size_t n = 0; n < member_ids.size(); ++n) {
    const bool known = std::any_of(persons.begin(), persons.end(),
                                   [&](std::int64_t id) { return std::to_string(id) == member_ids[n]; });
    if (!known) {
      return Error::invalid_field("answers.members." + std::to_string(n) + ".member",
                                  {"Persona nav šī gadījuma mājsaimniecībā.", "The person is not in this case's household."});
    }
  }
  return ok();
}

Result<void> check_closure_request(const CaseFile& c) {
  if (c.stage == "closed") return conflict({"Gadījums jau ir slēgts.", "The case is already closed."});
  if (c.closure_request && c.closure_request->status == "pending") {
    return conflict({"Slēgšanas pieprasījums jau gaida apstiprinājumu.", "A closure request is already waiting for approval."});
  }
  return ok();
}

Result<void> check_closure_fields(const std::string& reason, int outcome_rating) {
  if (!one_of(kClosureReasons, reason)) {
    return Error::invalid_field("reason", {"Nezināms slēgšanas iemesls.", "Unknown closure reason."});
  }
  if (outcome_rating < 1 || outcome_rating > 5) {
    return Error::invalid_field("outcome_rating", {"Novērtējumam jābūt no 1 līdz 5.", "The rating must be 1 to 5."});
  }
  return ok();
}

Result<void> check_closure_decision(const CaseFile& c) {
  if (!c.closure_request || c.closure_request->status != "pending") {
    return conflict({"Nav slēgšanas pieprasījuma, ko apstiprināt.", "There is no closure request to decide."});
  }
  return ok();
}

Result<Date> check_agreed_on(const std::string& agreed_on, const Date& opened_on, const Date& today) {
  const auto d = parse_date(agreed_on);
  if (!d) return Error::invalid_field("agreed_on", {"Datumam jābūt formā GGGG-MM-DD.", "The date must be YYYY-MM-DD."});
  if (*d > today) return Error::invalid_field("agreed_on", {"Datums nevar būt nākotnē.", "The date cannot be in the future."});
  if (*d < opened_on) {
    return Error::invalid_field("agreed_on", {"Vienošanās nevar būt agrāka par gadījuma atvēršanu.",
                                              "The agreement cannot precede the opening of the case."});
  }
  return *d;
}

std::string intake_reference(std::string_view random_bytes) {
  static constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";  // 31 symbols
  std::string out = "P-";
  for (std::size_t i = 0; i < 8; ++i) {
    if (i == 4) out += '-';
    const auto byte = i < random_bytes.size() ? static_cast<unsigned char>(random_bytes[i]) : 0u;
    out += kAlphabet[byte % kAlphabet.size()];
  }
  return out;
}

}  // namespace atb::cases
