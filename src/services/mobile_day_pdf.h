// The printable day list of a mobile social service route (maršruta lapa) as an A4 PDF in
// Latvian: the service, the date, the route, the vehicle and crew, then each stop in route order
// with its time window, the client's name, address and phone, what to bring, blank tick boxes
// for the outcome (apmeklēts / nebija mājās / atteicās) and a line for what was delivered, and
// signature lines for the crew. A stop of a client the reader may not see is printed as
// "(slēpts)" without address or phone. Plain data in, bytes out: reading the plan through the
// access policy and auditing the print is the caller's.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace atb::services {

/// One stop as printed.
struct DayListStop {
  int position = 0;
  std::string window;   ///< "09:00–10:00", "no 09:00", or empty
  bool hidden = false;  ///< the reader may not see the client: no name, address, phone, items
  std::string name, address, phone;
  std::string deliver;  ///< what to bring, as one line (items and the note)
  std::string outcome;  ///< already recorded outcome in Latvian, or empty (then tick boxes)
};

/// Everything a day list says. The date is YYYY-MM-DD.
struct DayListContent {
  std::string municipality;  ///< e.g. "Dienvidkurzemes novada pašvaldība"
  std::string service;       ///< the service's Latvian name
  std::string date;
  std::string route;
  std::string vehicle;  ///< optional
  std::string crew;     ///< names, comma-separated; optional
  std::string note;     ///< optional
  std::string printed_by;
  std::vector<DayListStop> stops;  ///< in route order; may be empty
};

/// The day list as PDF bytes. Refuses (Errc::invalid, naming the field) a missing service,
/// route or municipality, or a date that is not a real YYYY-MM-DD date; a failure of the PDF
/// writer is Errc::internal.
Result<std::string> day_list_pdf(const DayListContent& content);

}  // namespace atb::services
