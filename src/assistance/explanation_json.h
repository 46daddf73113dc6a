// An explanation as stored (assistance_decision_steps.steps). Two forms are read:
// - compact (written since the catalogue of templates): {"v":2,"steps":[{"k":"income_average",
//   "a":[41233,123699,[{"k":"rounding_exact"}]]}]}: each step its key's name and its arguments, a
//   number as a number, a text as a string, a bilingual text as {"lv","en"}, nested phrases as an
//   array of steps ("a" left out when there are none);
// - the earlier array of rendered texts [{"en":…,"lv":…}], read as verbatim steps.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "assistance/explanation.h"

namespace atb::assistance {

/// The compact stored form of `steps`, written without building JSON.
std::string stored_explanation(const std::vector<Step>& steps);

/// The steps of an explanation stored in either form; none for "" or text that is neither (a
/// step with a key the catalogue does not know reads as a verbatim step naming the key).
std::vector<Step> explanation_from_stored(std::string_view stored);

/// Appends `text` as a JSON string, escaped as nlohmann::json::dump() escapes it (UTF-8 kept).
void append_json_string(std::string& out, std::string_view text);

}  // namespace atb::assistance
