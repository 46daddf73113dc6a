// The first-contact deadline of an intake: is it overdue, how to show it, and the preview the
// intake form shows before the server computes the real one (docs/api-cases.md "urgency").
import { formatDate, formatDateTime } from '../../format'
import { addWorkingDays } from '../../cases/calendar'
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

/** The deadline an intake received now would get: a time for acute, else a date. */
export function previewDeadline(urgency: Urgency, now: Date = new Date()): { at?: string; on?: string } {
  if (urgency === 'acute') return { at: new Date(now.getTime() + 24 * 3600 * 1000).toISOString() }
  return { on: addWorkingDays(rigaDate(now), WORKING_DAYS[urgency]) }
}
