// The statistics period as the user types it: the rules of the server (docs/api-reports.md,
// "Period") checked in the browser too, so a wrong period is named at once. Pure functions.

/** The longest period the server accepts is under this many years (`max_period_years`). */
export const MAX_PERIOD_YEARS = 20

/** The years a date may have (a date input accepts 0001–9999; statistics before 1900 mean a typo). */
export const FIRST_YEAR = 1900
export const LAST_YEAR = 2100

/** What is wrong with each field: an i18n key under `statistics.period.errors`, or nothing. */
export interface PeriodProblems {
  from?: DateProblem
  to?: DateProblem | 'beforeFrom' | 'tooLong'
}
type DateProblem = 'required' | 'invalid' | 'year'

/** What is wrong with one date, if anything. */
function dateProblem(text: string): DateProblem | undefined {
  if (!text) return 'required'
  if (!isIsoDate(text)) return 'invalid'
  const year = Number(text.slice(0, 4))
  return year < FIRST_YEAR || year > LAST_YEAR ? 'year' : undefined
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = utcDate(y, m, d)
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** A UTC date of any year (Date.UTC reads years 0–99 as 1900–1999). */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return date
}

/** `date` + `years` years as YYYY-MM-DD (29 February → 1 March when that year has none). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number)
  return utcDate(y + years, m, d).toISOString().slice(0, 10)
}

/** The problems of a period; none when it may be asked for. */
export function periodProblems(from: string, to: string, maxYears = MAX_PERIOD_YEARS): PeriodProblems {
  const problems: PeriodProblems = { from: dateProblem(from), to: dateProblem(to) }
  if (problems.from || problems.to) return problems
  if (to < from) problems.to = 'beforeFrom'
  else if (addYears(from, maxYears) <= to) problems.to = 'tooLong'
  return problems
}

/** Today in Riga as YYYY-MM-DD. */
export function todayRiga(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(now)
}

/** The default period: from 1 January of today's year to today (as the server's default). */
export function defaultPeriod(now = new Date()): { from: string; to: string } {
  const to = todayRiga(now)
  return { from: `${to.slice(0, 4)}-01-01`, to }
}
