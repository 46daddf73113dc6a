// A small assessment instrument for the instrument tests, whose scores are easy to work out by
// hand, and helpers to vary it and its answers.
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cases/instrument.h"
#include "cases/instrument_answers.h"

namespace atb::cases::testing {

/// The test definition. "@T" stands for a bilingual text. Domains: care (net 2/4/6, the
/// default), safety (difficulty 1/3/5), home (default). Household: home_state (scale d 0–3),
/// tenure (own 0 / evict 3). Adults: care_d (d), care_r (resource r 0–2), hits (yes 2).
/// Everyone: danger (yes 1), worries (a 1, b 2, none exclusive), note (text ≤ 10, optional).
/// Each member's total: net 5/8/11. Two domain results at high ⇒ very high. Overrides: danger
/// yes ⇒ at least high (safety); tenure evict ⇒ at least medium.
inline nlohmann::json test_definition() {
  std::string text = R"({
    "id": "test", "version": 1, "title": @T, "per_member": true,
    "roles": [{"id": "adult", "title": @T}, {"id": "child", "title": @T}],
    "domains": [
      {"id": "care", "title": @T},
      {"id": "safety", "title": @T,
       "thresholds": {"measure": "difficulty", "medium": 1, "high": 3, "very_high": 5}},
      {"id": "home", "title": @T}
    ],
    "scales": {
      "d": {"points": [{"value": 0, "label": @T}, {"value": 1, "label": @T},
                       {"value": 2, "label": @T}, {"value": 3, "label": {"lv": "smagas", "en": "severe"}}]},
      "r": {"points": [{"value": 0, "label": @T}, {"value": 1, "label": {"lv": "daļējs", "en": "partial"}},
                       {"value": 2, "label": @T}]}
    },
    "sections": [
      {"id": "hh", "scope": "household", "title": @T, "questions": [
        {"id": "home_state", "type": "scale", "text": @T, "scale": "d", "scores": "difficulty", "domain": "home"},
        {"id": "tenure", "type": "single_choice", "text": @T, "scores": "difficulty", "domain": "home",
         "options": [{"id": "own", "label": @T}, {"id": "evict", "label": @T, "points": 3}]}
      ]},
      {"id": "adults", "roles": ["adult"], "title": @T, "questions": [
        {"id": "care_d", "type": "scale", "text": @T, "scale": "d", "scores": "difficulty", "domain": "care"},
        {"id": "care_r", "type": "scale", "text": @T, "scale": "r", "scores": "resource", "domain": "care"},
        {"id": "hits", "type": "yes_no", "text": @T, "scores": "difficulty", "domain": "safety",
         "points": {"yes": 2, "no": 0}}
      ]},
      {"id": "all", "title": @T, "questions": [
        {"id": "danger", "type": "yes_no", "text": @T, "scores": "difficulty", "domain": "safety"},
        {"id": "worries", "type": "multiple_choice", "text": @T, "scores": "difficulty", "domain": "care",
         "options": [{"id": "a", "label": {"lv": "A", "en": "A"}, "points": 1},
                     {"id": "b", "label": {"lv": "B", "en": "B"}, "points": 2},
                     {"id": "none", "label": @T, "exclusive": true}]},
        {"id": "note", "type": "text", "text": @T, "required": false, "max_length": 10}
      ]}
    ],
    "scoring": {
      "domain_thresholds": {"measure": "net", "medium": 2, "high": 4, "very_high": 6},
      "subject_thresholds": {"measure": "net", "medium": 5, "high": 8, "very_high": 11},
      "domain_counts": [{"id": "two_high", "count": 2, "at_least": "high", "level": "very_high", "reason": @T}],
      "overrides": [
        {"id": "danger", "level": "high", "domain": "safety", "any": [{"question": "danger", "is": true}],
         "reason": @T},
        {"id": "evict", "level": "medium", "any": [{"question": "tenure", "any_of": ["evict"]}], "reason": @T}
      ]
    }
  })";
  const std::string t = R"({"lv": "Teksts", "en": "Text"})";
  for (auto at = text.find("@T"); at != std::string::npos; at = text.find("@T"))
    text.replace(at, 2, t);
  return nlohmann::json::parse(text);
}

/// Answers with no difficulty and no resource: the household, adult "a" and child "c".
inline nlohmann::json base_answers() {
  return nlohmann::json::parse(R"({
    "household": {"home_state": 0, "tenure": "own"},
    "members": [
      {"member": "a", "role": "adult",
       "answers": {"care_d": 0, "care_r": 0, "hits": false, "danger": false, "worries": ["none"]}},
      {"member": "c", "role": "child", "answers": {"danger": false, "worries": ["none"]}}
    ]})");
}

/// base_answers changed by `patch` {"household": {…}, "a": {…}, "c": {…}} (JSON merge patch:
/// null removes an answer).
inline nlohmann::json answers_json(const nlohmann::json& patch) {
  nlohmann::json out = base_answers();
  if (patch.contains("household")) out["household"].merge_patch(patch["household"]);
  if (patch.contains("a")) out["members"][0]["answers"].merge_patch(patch["a"]);
  if (patch.contains("c")) out["members"][1]["answers"].merge_patch(patch["c"]);
  return out;
}

/// The field paths of an error.
inline std::vector<std::string> fields_of(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field);
  return out;
}

/// Whether `e` names `field`.
inline bool names(const Error& e, const std::string& field) {
  auto f = fields_of(e);
  return std::find(f.begin(), f.end(), field) != f.end();
}

/// All fields joined, for failure messages.
inline std::string joined(const Error& e) {
  std::string out;
  for (const auto& f : e.fields) out += f.field + " (" + f.message.en + "); ";
  return out;
}

}  // namespace atb::cases::testing
