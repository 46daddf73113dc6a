#include "core/error.h"

#include <utility>

namespace atb {

Error Error::internal(std::string detail) {
  return Error{Errc::internal,
               {"Iekšēja kļūda. Mēģiniet vēlreiz vai sazinieties ar administratoru.",
                "Internal error. Try again or contact the administrator."},
               {},
               std::move(detail)};
}

Error Error::unavailable(std::string detail) {
  return Error{Errc::unavailable,
               {"Datubāze pašlaik nav pieejama.", "The database is not available right now."},
               {},
               std::move(detail)};
}

Error Error::invalid_field(std::string field, Text message) {
  Error e{Errc::invalid, {"Ievaddati nav derīgi.", "The input is not valid."}, {}, {}};
  e.fields.push_back(FieldError{std::move(field), std::move(message)});
  return e;
}

}  // namespace atb
