// Rules of case management, without I/O: first-contact deadlines of intakes, the stage
// transition table of a case, closure requests, agreements, assessments and intake references.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/calendar.h"
#include "cases/model.h"
#include "core/date.h"
#include "core/result.h"
#include "core/time.h"

namespace atb::cases {

/// Configurable deadlines and the public web request's destination (config [cases]).
struct Settings {
  int routine_working_days = 10;  ///< first contact for a routine intake
  int priority_working_days = 3;  ///< first contact for a priority intake
  int acute_hours = 24;           ///< first contact for an acute intake (rapid response)
  std::string web_municipality;   ///< municipality code of web requests ("" = the first one)
  std::string web_department = "social_work";
  std::string web_team = "families";
  int public_requests_per_hour = 5;       ///< per client address
  std::size_t public_request_bytes = 8192;  ///< body limit of a public request (413 above)
  int caseload_warning = 30;  ///< a worker's active caseload above this is flagged (my work, caseload)
};

/// When the first contact with an intake is due.
struct Deadline {
  Date due_on;                        ///< the date in Riga
  std::optional<TimePoint> due_at;    ///< acute only: the exact time
};

/// The default deadline of an intake of `urgency` received at `received`: acute = received +
/// acute_hours; priority / routine = that many working days after the day received (Riga).
Deadline first_contact_deadline(const std::string& urgency, TimePoint received, const Calendar& calendar,
                                const Settings& settings);

/// A deadline the worker sets instead of the default: not before `today` (422 naming
/// `first_contact_due_on`), not after the default, and not for acute intakes (fixed by law of
/// the service: 24 hours).
Result<Deadline> chosen_deadline(const std::string& given, const std::string& urgency, const Deadline& standard,
                                 const Date& today);

/// Facts about a case the transition rules look at.
struct TransitionFacts {
  bool has_agreement = false;  ///< an agreement to cooperate is recorded
};

/// The facts of a case: an agreement counts only when recorded after the case was last
/// reopened (a closed case's consent ended with it).
TransitionFacts facts_of(const CaseFile& k);

/// Whether a case may move from `from` to `to` by an ordinary transition. Errors: an unknown
/// target stage (422, field "to"); a move the table does not allow (409 with the reason,
/// naming the stages it may move to); closing (409: needs a supervisor's approval of a closure
/// request); leaving the agreement stage without a recorded agreement (409).
Result<void> check_transition(const std::string& from, const std::string& to, const TransitionFacts& facts);

/// The stages an ordinary transition may reach from `from` (closing is by approval only).
std::vector<std::string> next_stages(const std::string& from);

/// A stage's name in both languages ("sākotnējā izvērtēšana").
Text stage_name(std::string_view stage);

/// Whether a closure may be requested now: the case is open and has no pending request (409).
Result<void> check_closure_request(const CaseFile& c);
/// The fields of a closure request: a reason of kClosureReasons (field "reason") and a rating
/// 1–5 (field "outcome_rating").
Result<void> check_closure_fields(const std::string& reason, int outcome_rating);
/// Whether a closure request can be decided: one is pending (409 otherwise).
Result<void> check_closure_decision(const CaseFile& c);

/// Whether an agreement may be recorded now: the case is not closed (409).
Result<void> check_agreement_stage(const CaseFile& k);
/// The agreement's date: a real date, not in the future, not before the case was opened
/// (field "agreed_on").
Result<Date> check_agreed_on(const std::string& agreed_on, const Date& opened_on, const Date& today);

/// Whether an assessment may be started or changed: the case is not closed, and `a` (when
/// given) is still a draft: a completed assessment never changes (409).
Result<void> check_assessment_change(const CaseFile& k, const Assessment* a);

/// Whether every assessed member (`member_ids`, in answer order) is one of the case's persons
/// (`persons`: the household's members, or the case's person) named by the person id in
/// decimal (422 naming answers.members.N.member).
Result<void> check_assessment_members(const std::vector<std::string>& member_ids,
                                      const std::vector<std::int64_t>& persons);

/// An intake reference from random bytes: "P-" and eight characters of an alphabet without
/// look-alikes (no 0/O, 1/I/L), grouped by four: "P-7KQ3-94XD".
std::string intake_reference(std::string_view random_bytes);

}  // namespace atb::cases
