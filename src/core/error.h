// Errors are values. An Error names what kind of failure it is (which HTTP maps to a status),
// says it in both languages, and may name the fields of the input that caused it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/text.h"

namespace atb {

/// The kind of failure; the HTTP layer maps each to one status code.
enum class Errc {
  invalid,          ///< the input is malformed or breaks a rule (400/422)
  malformed,        ///< the request body cannot be parsed at all (400)
  unauthenticated,  ///< no valid session or token (401)
  forbidden,        ///< known user, action not allowed (403)
  not_found,        ///< no such record, or not visible to this user (404)
  conflict,         ///< the state of the record does not allow it (409)
  too_large,        ///< body or upload over its limit (413)
  unsupported,      ///< wrong content type (415)
  too_many,         ///< throttled (429)
  unavailable,      ///< a dependency (the database) is not reachable (503)
  internal,         ///< a bug or an unexpected failure (500); details only in the log
};

/// One problem with one input field: `field` is a JSON-pointer-like path ("address.postal_code").
struct FieldError {
  std::string field;
  Text message;
};

/// A failure with its kind, a bilingual explanation and optional field errors.
/// `detail` carries technical context for the log only; it is never sent to a client.
struct Error {
  Errc code = Errc::internal;
  Text message;
  std::vector<FieldError> fields;
  std::string detail;
  std::int64_t retry_after_seconds = 0;  ///< for too_many: when to try again

  /// An internal failure whose cause (e.g. a database message) goes to the log only.
  static Error internal(std::string detail);
  /// A failure of the database connection itself.
  static Error unavailable(std::string detail);
  /// Invalid input in one field.
  static Error invalid_field(std::string field, Text message);
};

}  // namespace atb
