// The Latvian working-day calendar, the same rules as the server's src/cases/calendar.cpp (keep
// them together): public holidays by law — 1 January, Good Friday, Easter Sunday and Easter
// Monday (western Easter), 1 and 4 May, 23 and 24 June, 18 November, 24–26 and 31 December —
// weekends, the Monday off after a weekend 4 May or 18 November, and the per-year days the
// release knows (Song and Dance Festival closings, one-off days off). Dates are `YYYY-MM-DD`.

/** `date` plus `days` days (UTC arithmetic on a plain date). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Monday = 1 … Sunday = 7. */
export function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7
}

/** Western (Gregorian) Easter Sunday of `year` (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The adjustments known to this release (as the server's known_adjustments()). */
const SONG_FESTIVAL_CLOSING = ['2018-07-08', '2023-07-09']
const EXTRA_DAYS_OFF = ['2023-05-29']
const EXTRA_WORKING_DAYS: string[] = []

/** A day that moves to the following Monday when it falls on a weekend. */
function movedOffWeekend(date: string): string {
  const wd = isoWeekday(date)
  return wd === 6 ? addDays(date, 2) : wd === 7 ? addDays(date, 1) : date
}

/** The public holidays and days off of `year`, sorted. */
export function holidays(year: number): string[] {
  const easter = easterSunday(year)
  const fixed = ['01-01', '05-01', '05-04', '06-23', '06-24', '11-18', '12-24', '12-25', '12-26', '12-31'].map((md) => `${year}-${md}`)
  const out = new Set([...fixed, addDays(easter, -2), easter, addDays(easter, 1)])
  for (const moving of [`${year}-05-04`, `${year}-11-18`, ...SONG_FESTIVAL_CLOSING.filter((d) => d.startsWith(`${year}-`))]) {
    out.add(moving)
    out.add(movedOffWeekend(moving))
  }
  for (const extra of EXTRA_DAYS_OFF) if (extra.startsWith(`${year}-`)) out.add(extra)
  return [...out].sort()
}

/** Monday–Friday and not a holiday, or a Saturday made a working day. */
export function isWorkingDay(date: string): boolean {
  if (EXTRA_WORKING_DAYS.includes(date)) return true
  return isoWeekday(date) <= 5 && !holidays(Number(date.slice(0, 4))).includes(date)
}

/** The working day `count` working days after `from` (as the server's add_working_days: `from`
 * itself does not count; a `from` that is no working day moves to the next one, which counts). */
export function addWorkingDays(from: string, count: number): string {
  let date = from
  let left = count
  while (!isWorkingDay(date)) date = addDays(date, 1)
  if (date !== from) left -= 1
  while (left > 0) {
    date = addDays(date, 1)
    if (isWorkingDay(date)) left -= 1
  }
  return date
}
