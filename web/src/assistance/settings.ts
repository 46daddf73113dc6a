// The administrator's settings of social assistance, checked in the browser as the server does
// (src/assistance/thresholds.cpp): the order of a national threshold row's values, the bounds of
// the municipality's low-income threshold, and which row is in force on a date.
import type { LowIncomeRow, ThresholdRow } from '../assistance-api'
import { i18n } from '../i18n'
import { formatDate } from '../format'
import { isoDate } from '../registry/personalCode'
import { formatMoney } from './money'

type Amounts<K extends string> = Partial<Record<K, number>>
type Messages<K extends string> = Partial<Record<K, string>>

/** Whether `text` is a real calendar date `YYYY-MM-DD`. */
export function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  return !!match && isoDate(Number(match[1]), Number(match[2]), Number(match[3])) === text
}

/** The row of `rows` (in any order) in force on `date`: the latest start on or before it. */
export function rowInForce<T extends { from: string }>(rows: readonly T[], date: string): T | null {
  let found: T | null = null
  for (const row of rows) if (row.from <= date && (!found || row.from > found.from)) found = row
  return found
}

/** Whether a row starting `from` is the one in force on `date`, starts later, or ended. */
export function rowState(rows: readonly { from: string }[], from: string, date: string): 'current' | 'planned' | 'past' {
  if (from > date) return 'planned'
  return rowInForce(rows, date)?.from === from ? 'current' : 'past'
}

type ThresholdField = Exclude<keyof ThresholdRow, 'from'>

/** A required order `low` ≤ `high`; a breach is shown on `blamed`, naming the other value. */
const ORDERS: { low: ThresholdField; high: ThresholdField; blamed: 'low' | 'high'; message: string }[] = [
  { low: 'gmi_first', high: 'needy_first', blamed: 'high', message: 'needyBelowGmi' },
  { low: 'gmi_other', high: 'needy_other', blamed: 'high', message: 'needyBelowGmi' },
  { low: 'needy_first', high: 'low_income_max_first', blamed: 'high', message: 'maxBelowNeedy' },
  { low: 'needy_other', high: 'low_income_max_other', blamed: 'high', message: 'maxBelowNeedy' },
  { low: 'gmi_other', high: 'gmi_first', blamed: 'low', message: 'otherAboveFirst' },
  { low: 'needy_other', high: 'needy_first', blamed: 'low', message: 'otherAboveFirst' },
  { low: 'low_income_max_other', high: 'low_income_max_first', blamed: 'low', message: 'otherAboveFirst' },
]

/** A national row's values together: GMI ≤ needy ≤ low-income maximum, first person ≥ other. */
export function thresholdOrder(cents: Amounts<ThresholdField>): Messages<ThresholdField> {
  const t = i18n.global.t
  const messages: Messages<ThresholdField> = {}
  for (const { low, high, blamed, message } of ORDERS) {
    const [a, b] = [cents[low], cents[high]]
    if (a === undefined || b === undefined || a <= b) continue
    const field = blamed === 'low' ? low : high
    const other = blamed === 'low' ? b : a
    messages[field] ??= t(`assistance.settings.${message}`, { value: formatMoney(other) })
  }
  return messages
}

/** The bounds of the low-income threshold on `from`: needy ≤ value ≤ maximum of the row in force. */
export function lowIncomeBounds(national: readonly ThresholdRow[], from: string) {
  const row = isDate(from) ? rowInForce(national, from) : null
  if (!row) return null
  return {
    from: row.from,
    first: { low: row.needy_first, high: row.low_income_max_first },
    other: { low: row.needy_other, high: row.low_income_max_other },
  }
}

type LowIncomeField = Exclude<keyof LowIncomeRow, 'from'>

/** A low-income row's values: within the bounds of `from`, and the other person's ≤ the first's. */
export function lowIncomeChecks(national: readonly ThresholdRow[], cents: Amounts<LowIncomeField>, from: string) {
  const t = i18n.global.t
  const bounds = lowIncomeBounds(national, from)
  const messages: Messages<LowIncomeField> = {}
  if (!bounds) return messages
  for (const field of ['first', 'other'] as const) {
    const value = cents[field]
    const { low, high } = bounds[field]
    if (value !== undefined && (value < low || value > high)) {
      messages[field] = t('assistance.settings.between', { low: formatMoney(low), high: formatMoney(high), date: formatDate(bounds.from) })
    }
  }
  if (!messages.other && cents.first !== undefined && cents.other !== undefined && cents.other > cents.first) {
    messages.other = t('assistance.settings.otherAboveFirst', { value: formatMoney(cents.first) })
  }
  return messages
}

/** The hint of a low-income field: its bounds on the chosen date, when known. */
export function lowIncomeHint(national: readonly ThresholdRow[], field: LowIncomeField, from: string): string {
  const t = i18n.global.t
  const bounds = lowIncomeBounds(national, from)
  if (!bounds) return t('assistance.settings.lowIncome.boundsUnknown')
  return t('assistance.settings.lowIncome.bounds', { low: formatMoney(bounds[field].low), high: formatMoney(bounds[field].high) })
}
