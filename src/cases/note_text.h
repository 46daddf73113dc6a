// The rule for the text of a case note (piezīme): the process record a worker writes after a
// visit, call, meeting or case conference. The text is sealed at rest (core/sealed_text.h); this
// rule runs before sealing, on what the client sent.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/result.h"

namespace atb::cases {

/// The longest note text, in Unicode code points (characters, not bytes).
inline constexpr std::size_t kMaxNoteChars = 100'000;

/// The number of code points in valid UTF-8 `text`.
std::size_t code_points(std::string_view text);

/// Checks a note's text: not blank, valid UTF-8, at most kMaxNoteChars code points. The error is
/// Errc::invalid (HTTP 422) naming `field` (by default "text") with the reason in Latvian and
/// English; an over-long text's message says the limit and how long the text is.
Result<void> check_note_text(std::string_view text, std::string_view field = "text");

}  // namespace atb::cases
