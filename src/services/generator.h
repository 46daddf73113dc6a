// Generated social services for the national demonstration data (`atbalsts demo --scale
// national`, `--services-only`): a catalogue of about 60 services of every kind — provided by the
// social services department or by partner institutions (a few NGO and health providers are
// added to the partner register when missing) — with realistic capacities, and referrals of the
// members of the generated cases (about one per two cases) in every state, written with
// multi-row INSERTs in one transaction. Every referral is consistent with the referral rules
// (services/rules.h) and with its case: the person is a member of the case and eligible for the
// service on the day of the request; requested → decided within a month (some requests still
// awaiting it, a share of them overdue) → waiting with a priority → placed up to the capacity →
// ended, all within the case's open period; closed cases have only refused and ended referrals;
// placements and ended ones have a few delivery-log rows. Popular services get far more requests
// than places, so their waiting lists run to hundreds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "storage/database.h"

namespace atb::services {

/// What to generate.
struct ServiceGeneratorOptions {
  /// Referrals to write; 0 = one per two cases of the municipality.
  std::size_t referrals = 0;
  std::uint64_t seed = 1;
  std::optional<Date> today;  ///< reference date (default: today in Riga)
  /// Called now and then: the stage ("referrals"), how far, out of how much.
  std::function<void(std::string_view stage, std::size_t done, std::size_t total)> progress;
};

/// What generate_services did.
struct ServiceGeneratorReport {
  bool already_generated = false;  ///< the generated catalogue was there: nothing written
  std::size_t partners = 0;        ///< provider institutions added to the partner register
  std::size_t services = 0;
  std::size_t referrals = 0;
  std::size_t requested = 0, overdue = 0, refused = 0, waiting = 0, placed = 0, ended = 0;
  std::size_t deliveries = 0;
  std::size_t longest_waiting_list = 0;  ///< referrals waiting for the busiest service
};

/// The name (lv) of the first generated service: its presence marks a generated catalogue.
std::string first_generated_service_name();

/// Writes the generated catalogue and the referrals of `municipality_id`'s cases in one
/// transaction (after load_demo and cases::generate_cases: 409 without social services
/// department or cases). Nothing happens when the generated catalogue is already there.
Result<ServiceGeneratorReport> generate_services(storage::Database& db,
                                                 std::int64_t municipality_id,
                                                 const ServiceGeneratorOptions& options);

}  // namespace atb::services
