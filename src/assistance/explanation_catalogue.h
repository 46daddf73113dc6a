// The one catalogue of explanation templates, Latvian and English: every step of the rules and
// every phrase nested in one, by key. render() (explanation.h) fills them in.
//
// Placeholders: {N} shows argument N as it is (a number in digits, a text, nested phrases one
// after the other); {N:eur} an amount in cents in the language's style (1 234,56 € / €1,234.56);
// {N:date} a packed date as YYYY-MM-DD; {N:month} its month as YYYY-MM; {N:halves} a number of
// halves as a decimal (5 → 2,5 / 2.5); {N:one/many} the word for a count, singular or plural by
// the language's rule (Latvian: 1, 21, 31… but not 11 take the singular); {N|sep} the nested
// phrases joined by sep.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "assistance/explanation.h"

namespace atb::assistance {

/// A template of the catalogue: its key, its stored name and its wording in each language.
struct StepTemplate {
  StepKey key;
  std::string_view name;
  std::string_view lv;
  std::string_view en;
};

/// Every template, in the order of StepKey (all_templates()[k].key == k).
std::span<const StepTemplate> all_templates();

/// The template of `key`.
const StepTemplate& template_of(StepKey key);

/// The key stored as `name`; nullopt for a name the catalogue does not have.
std::optional<StepKey> key_named(std::string_view name);

}  // namespace atb::assistance
