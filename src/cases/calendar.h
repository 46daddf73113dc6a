// The Latvian working-day calendar: public holidays by law, weekends, and the days the
// government or the Saeima add or move in a given year. Pure rules, no I/O; deadlines in
// working days (e.g. an intake's first-contact deadline) are counted here.
//
// The law: likums "Par svētku, atceres un atzīmējamām dienām" (Law on Holidays, Commemoration
// Days and Days of Celebration), Article 1 (svētku dienas — public holidays):
//   1 January (Jaungada diena); Good Friday, Easter Sunday and Easter Monday (Lielā Piektdiena,
//   Lieldienas, Otrās Lieldienas; western Easter); 1 May (Darba svētki, Latvijas Republikas
//   Satversmes sapulces sasaukšanas diena); 4 May (Latvijas Republikas Neatkarības deklarācijas
//   pieņemšanas diena); Mother's Day and Pentecost (always Sundays, so no effect on working
//   days); 23 and 24 June (Līgo diena, Jāņu diena); the closing day of the General Latvian Song
//   and Dance Festival (Vispārējo latviešu Dziesmu un deju svētku noslēguma diena, in festival
//   years only: its date is data, see Adjustments); 18 November (Latvijas Republikas
//   proklamēšanas diena); 24, 25, 26 December (Ziemassvētku vakars, Ziemassvētki, Otrie
//   Ziemassvētki); 31 December (Vecgada vakars).
// Article 1, the rule added in 2007 (in force since 26 June 2007): when 4 May, 18 November (and
// the Song and Dance Festival's closing day) fall on a Saturday or Sunday, the next working
// day (Monday) is a day off. No other holiday moves.
// The Labour Law (Darba likums, Article 133) lets the Cabinet move working days (a working
// Saturday in exchange for a bridge day), and the Saeima has added one-off holidays (e.g.
// 29 May 2023 after the ice-hockey bronze medal): both are per-year data, also in Adjustments.
#pragma once

#include <vector>

#include "core/date.h"

namespace atb::cases {

/// The date of western (Gregorian) Easter Sunday in `year` (anonymous Gregorian algorithm).
Date easter_sunday(int year);

/// Per-year changes to the statutory calendar, as data.
struct Adjustments {
  /// Closing days of the Song and Dance Festival (moved to Monday when on a weekend).
  std::vector<Date> song_festival_closing;
  /// One-off days off (a special law, or a Cabinet-moved bridge day).
  std::vector<Date> extra_days_off;
  /// Saturdays made working days by the Cabinet in exchange for a bridge day.
  std::vector<Date> extra_working_days;
};

/// The adjustments known to this release: the 2018 and 2023 festival closings, 29 May 2023.
const Adjustments& known_adjustments();

/// A calendar of working days.
class Calendar {
 public:
  /// The statutory calendar with `adjustments`.
  explicit Calendar(Adjustments adjustments = known_adjustments());

  /// The statutory public holidays of `year` with the weekend moves of Article 1 applied
  /// (the Monday after a weekend 4 May / 18 November is included), plus extra days off; sorted.
  std::vector<Date> holidays(int year) const;
  /// Whether `d` is a public holiday or a moved day off.
  bool is_holiday(const Date& d) const;
  /// Monday–Friday and not a holiday, or a Saturday the Cabinet made a working day.
  bool is_working_day(const Date& d) const;
  /// The working day `n` working days after `from` (n ≥ 0; `from` itself does not count, so
  /// n = 0 gives `from` when it is a working day, else the next working day).
  Date add_working_days(const Date& from, int n) const;

 private:
  Adjustments adjustments_;
};

/// Monday = 1 … Sunday = 7.
int iso_weekday(const Date& d);

}  // namespace atb::cases
