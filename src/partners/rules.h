// Checks of partner input, without I/O: a register entry and its contacts, a concern report,
// an information request and its answer. Errors are 422 naming the field (lv and en).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/result.h"
#include "partners/model.h"

namespace atb::partners {

/// Longest concern or question text (line breaks allowed).
inline constexpr std::size_t kPartnerTextMax = 4000;

/// A register entry from a body: kind (kPartnerKinds), name (1–200), optional
/// registration_number, address, phone, email, active, contacts (≤ 20 of full_name, position,
/// phone, email). `partial` (PATCH): absent members keep `base`'s value.
Result<Partner> partner_from(const nlohmann::json& body, const Partner& base, bool partial);

/// A concern report from a body: child_name (1–200), child_birth_date (a date, not in the
/// future, ≤ 25 years ago) and/or child_personal_code (DDMMYY-NNNNN or 32NNNN-NNNNN) — at least
/// the name; school (≤ 200; default `school`), concern (1–4000), categories (≥ 1 of the
/// intake problem codes).
Result<ConcernDraft> concern_from(const nlohmann::json& body, const std::string& school, const Date& today);

/// The intake text a concern report becomes: the child, the school and the concern.
std::string intake_concern(const ConcernDraft& d);

/// An information request from a body: subject_name (1–200), optional subject_birth_date,
/// subject_personal_code, case_reference (≤ 100), question (1–4000), due_on (a date, not in
/// the past).
Result<InfoRequest> request_from(const nlohmann::json& body, const Date& today);

/// The intake channel of a concern from an institution of `kind`: school (schools and
/// kindergartens), police, or partner_referral.
std::string intake_channel(const std::string& kind);

/// How a partner sees the status of her concern report: received (open intake), case_opened,
/// referred, closed (no action).
std::string concern_status(const std::string& intake_status, const std::optional<std::string>& outcome);

}  // namespace atb::partners
