// The first-contact deadline of an intake: is it overdue, how to show it, and the preview the
// intake form shows before the server computes the real one (docs/api-cases.md "urgency").
import { formatDate, formatDateTime } from '../../format'
import type { Intake, Urgency } from '../../cases/intakes-api'

/** Today's date in Riga as `YYYY-MM-DD` (the server's deadlines are Riga dates). */
export function rigaDate(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
}

/** An open intake whose first contact is late (an intake with an outcome is never overdue). */
export function isOverdue(intake: Intake, now: Date = new Date()): boolean {
  if (intake.status !== 'open') return false
  if (typeof intake.overdue === 'boolean') return intake.overdue
  if (intake.first_contact_due_at) return new Date(intake.first_contact_due_at).getTime() < now.getTime()
  return !!intake.first_contact_due_on && intake.first_contact_due_on < rigaDate(now)
}

/** The deadline as text: a time for acute intakes (24 hours), a date for the others. */
export function deadlineText(intake: Pick<Intake, 'first_contact_due_at' | 'first_contact_due_on'>): string {
  if (intake.first_contact_due_at) return formatDateTime(intake.first_contact_due_at)
  return formatDate(intake.first_contact_due_on)
}

/** Working days after the day received, by urgency (the server's defaults in `[cases]`). */
export const WORKING_DAYS: Record<Exclude<Urgency, 'acute'>, number> = { priority: 3, routine: 10 }

// Latvian public holidays on fixed dates (MM-DD). Easter and moved days are the server's
// business: the preview is marked as approximate.
const FIXED_HOLIDAYS = ['01-01', '05-01', '05-04', '06-23', '06-24', '11-18', '12-24', '12-25', '12-26', '12-31']

function isWorkingDay(date: Date): boolean {
  const day = date.getUTCDay()
  if (day === 0 || day === 6) return false
  return !FIXED_HOLIDAYS.includes(date.toISOString().slice(5, 10))
}

/** `count` working days after the date `from` (`YYYY-MM-DD`), as `YYYY-MM-DD`. */
export function addWorkingDays(from: string, count: number): string {
  const date = new Date(`${from}T00:00:00Z`)
  let left = count
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1)
    if (isWorkingDay(date)) left -= 1
  }
  return date.toISOString().slice(0, 10)
}

/** The deadline an intake received now would get: a time for acute, else a date. */
export function previewDeadline(urgency: Urgency, now: Date = new Date()): { at?: string; on?: string } {
  if (urgency === 'acute') return { at: new Date(now.getTime() + 24 * 3600 * 1000).toISOString() }
  return { on: addWorkingDays(rigaDate(now), WORKING_DAYS[urgency]) }
}
