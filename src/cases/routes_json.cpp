#include "cases/routes_json.h"

#include <algorithm>

#include "cases/rules.h"
#include "http/json_body.h"

namespace atb::cases {
namespace {

using nlohmann::json;

template <class T>
json or_null(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

Result<std::string> listed(const json& body, const char* field, const auto& list, Text unknown) {
  ATB_TRY_ASSIGN(value, http::required_string(body, field, 40));
  if (!one_of(list, value)) return Error::invalid_field(field, std::move(unknown));
  return value;
}

// The error of a nested object's member, its field names prefixed with the object's.
Error under(Error e, const std::string& prefix) {
  for (FieldError& f : e.fields) f.field = prefix + f.field;
  return e;
}

Result<Reporter> reporter_from(const json& body) {
  if (!body.contains("reporter") || !body["reporter"].is_object()) {
    return Error::invalid_field("reporter", {"Norādiet ziņotāju (kind: person, partner vai anonymous).",
                                             "Give the reporter (kind: person, partner or anonymous)."});
  }
  const json& r = body["reporter"];
  for (const auto& [key, value] : r.items()) {
    if (key != "kind" && key != "name" && key != "contact") {
      return Error::invalid_field("reporter." + key, {"Nezināms lauks.", "Unknown field."});
    }
  }
  Reporter out;
  auto kind = listed(r, "kind", kReporterKinds, {"Nezināms ziņotāja veids.", "Unknown kind of reporter."});
  if (!kind) return under(std::move(kind).error(), "reporter.");
  out.kind = *kind;
  auto name = http::optional_string(r, "name", 200);
  if (!name) return under(std::move(name).error(), "reporter.");
  auto contact = http::optional_string(r, "contact", 200);
  if (!contact) return under(std::move(contact).error(), "reporter.");
  out.name = name->value_or("");
  out.contact = contact->value_or("");
  if (out.kind == "anonymous" && (!out.name.empty() || !out.contact.empty())) {
    return Error::invalid_field("reporter.name", {"Anonīmam ziņotājam vārdu un kontaktu nenorāda.",
                                                  "An anonymous reporter has no name or contact."});
  }
  if (out.kind != "anonymous" && out.name.empty()) {
    return Error::invalid_field("reporter.name", {"Norādiet ziņotāja vārdu vai iestādi.",
                                                  "Give the reporter's name or institution."});
  }
  return out;
}

}  // namespace

json to_json(const Intake& i, bool show_reporter) {
  json reporter = {{"kind", i.reporter.kind}};
  if (show_reporter) {
    reporter["name"] = i.reporter.name;
    reporter["contact"] = i.reporter.contact;
  } else {
    reporter["redacted"] = true;
  }
  return {{"id", i.id},
          {"reference", i.reference},
          {"version", i.version},
          {"team_id", i.team_id},
          {"department_id", i.department_id},
          {"channel", i.channel},
          {"urgency", i.urgency},
          {"status", i.status},
          {"reporter", reporter},
          {"household_id", or_null(i.household_id)},
          {"person_ids", i.person_ids},
          {"concern", i.concern},
          {"problems", i.problems},
          {"received_at", i.received_at},
          {"first_contact_due_on", i.first_contact_due_on},
          {"first_contact_due_at", or_null(i.first_contact_due_at)},
          {"outcome", or_null(i.outcome)},
          {"outcome_reason", or_null(i.outcome_reason)},
          {"referred_to", or_null(i.referred_to)},
          {"case_id", or_null(i.case_id)},
          {"created_at", i.created_at}};
}

json to_json(const CaseFile& k) {
  json transitions = json::array();
  for (const Transition& t : k.transitions) {
    transitions.push_back({{"id", t.id}, {"from", t.from_stage.empty() ? json(nullptr) : json(t.from_stage)},
                           {"to", t.to_stage}, {"reason", t.reason},
                           {"by", {{"id", t.by_user}, {"name", t.by_name}}}, {"at", t.at}});
  }
  json closure = nullptr;
  if (const auto& r = k.closure_request) {
    closure = {{"id", r->id},           {"reason", r->closure_reason},   {"outcome_rating", r->outcome_rating},
               {"note", r->note},       {"requested_by", r->requested_by}, {"requested_at", r->requested_at},
               {"status", r->status},   {"decided_by", or_null(r->decided_by)}, {"decided_at", or_null(r->decided_at)},
               {"decision_note", or_null(r->decision_note)}};
  }
  json agreement = nullptr;
  if (const auto& a = k.agreement) {
    agreement = {{"id", a->id}, {"agreed_on", a->agreed_on}, {"person_ids", a->person_ids}, {"note", a->note},
                 {"recorded_by", a->recorded_by}, {"recorded_at", a->recorded_at},
                 {"document_id", or_null(a->document_id)}};
  }
  json stage_names = {{"lv", stage_name(k.stage).lv}, {"en", stage_name(k.stage).en}};
  return {{"id", k.id},
          {"version", k.version},
          {"team_id", k.team_id},
          {"department_id", k.department_id},
          {"household_id", or_null(k.household_id)},
          {"person_id", or_null(k.person_id)},
          {"intake_id", or_null(k.intake_id)},
          {"subject_name", k.subject_name},
          {"stage", k.stage},
          {"stage_name", stage_names},
          {"next_stages", next_stages(k.stage)},
          {"lead_worker_id", k.lead_worker_id},
          {"co_worker_ids", k.co_worker_ids},
          {"opened_on", k.opened_on},
          {"closed_on", or_null(k.closed_on)},
          {"closure_reason", or_null(k.closure_reason)},
          {"outcome_rating", or_null(k.outcome_rating)},
          {"transitions", transitions},
          {"closure_request", closure},
          {"agreement", agreement},
          {"created_at", k.created_at}};
}

json to_json(const Notification& n) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"entity_type", n.entity_type},
          {"entity_id", n.entity_id},
          {"message", {{"lv", n.message.lv}, {"en", n.message.en}}},
          {"created_at", n.created_at},
          {"read_at", or_null(n.read_at)}};
}

Result<std::vector<std::string>> problems_from(const json& body) {
  ATB_TRY_ASSIGN(problems, http::string_array(body, "problems", std::size(kProblems), 40));
  for (std::size_t n = 0; n < problems.size(); ++n) {
    if (!one_of(kProblems, problems[n])) {
      return Error::invalid_field("problems." + std::to_string(n), {"Nezināma problēmu kategorija.", "Unknown problem category."});
    }
  }
  std::sort(problems.begin(), problems.end());
  problems.erase(std::unique(problems.begin(), problems.end()), problems.end());
  if (problems.empty()) {
    return Error::invalid_field("problems", {"Norādiet vismaz vienu problēmu kategoriju.", "Give at least one problem category."});
  }
  return problems;
}

Result<Intake> intake_from_body(const json& body) {
  Intake i;
  ATB_TRY_ASSIGN_TO(i.channel, listed(body, "channel", kChannels, {"Nezināms saziņas veids.", "Unknown channel."}));
  ATB_TRY_ASSIGN_TO(i.urgency, listed(body, "urgency", kUrgencies, {"Nezināma steidzamība.", "Unknown urgency."}));
  ATB_TRY_ASSIGN_TO(i.reporter, reporter_from(body));
  if (body.contains("household_id") && !body["household_id"].is_null()) {
    if (!body["household_id"].is_number_integer() || body["household_id"].get<std::int64_t>() < 1) {
      return Error::invalid_field("household_id", {"Norādiet identifikatoru.", "Give the id."});
    }
    i.household_id = body["household_id"].get<std::int64_t>();
  }
  if (body.contains("person_ids")) ATB_TRY_ASSIGN_TO(i.person_ids, http::id_array(body, "person_ids", 30));
  ATB_TRY_ASSIGN(concern, http::optional_text(body, "concern", kConcernMax));
  if (!concern || concern->find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error::invalid_field("concern", {"Aprakstiet situāciju.", "Describe the concern."});
  }
  i.concern = *concern;
  ATB_TRY_ASSIGN(problems, problems_from(body));
  i.problems = std::move(problems);
  return i;
}

}  // namespace atb::cases
