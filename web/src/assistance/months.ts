// Months `YYYY-MM` of the assistance API: names in the UI language and simple arithmetic.
import { currentLocale } from '../i18n'

const MONTH = /^(\d{4})-(\d{2})$/

/** "2026. g. augusts" / "August 2026"; the text itself when it is not a month. */
export function formatMonth(month: string | null | undefined): string {
  if (!month) return ''
  const match = MONTH.exec(month)
  if (!match) return month
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))
  return new Intl.DateTimeFormat(currentLocale(), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date)
}

/** The month `n` months after `month` (before, when `n` is negative). */
export function addMonths(month: string, n: number): string {
  const match = MONTH.exec(month)
  if (!match) return month
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The current month in Riga (the municipality's calendar), as `YYYY-MM`. */
export function currentMonth(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit' }).formatToParts(new Date())
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}`
}

export const isMonth = (value: unknown): value is string => typeof value === 'string' && MONTH.test(value)

/** The month of a date `YYYY-MM-DD` ('' for none). */
export const monthOf = (date: string | null | undefined): string => (date ? date.slice(0, 7) : '')
