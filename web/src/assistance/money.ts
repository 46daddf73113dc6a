// Money of the assistance API: integer cents in JSON, shown in the UI language
// ("1 234,56 €" in Latvian, "€1,234.56" in English), typed as "123,45" or "123.45".
import { i18n, currentLocale } from '../i18n'

/** The largest amount one field takes (10 million euros): beyond it a typo is more likely. */
export const MAX_CENTS = 1_000_000_000

const NBSP = '\u00a0'

/** Thousands of a whole number joined by `separator` (always grouped, also "1 234"). */
function grouped(whole: number, separator: string): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, separator)
}

/**
 * Cents as euros in the UI language, written out here rather than by Intl so that they look the
 * same in every browser and as in the server's texts (Intl leaves "1234,56 €" ungrouped in
 * Latvian). '' for a missing value.
 */
export function formatMoney(cents: number | null | undefined): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return ''
  const sign = cents < 0 ? '−' : ''
  const abs = Math.abs(Math.round(cents))
  const whole = Math.floor(abs / 100)
  const fraction = String(abs % 100).padStart(2, '0')
  return currentLocale() === 'lv'
    ? `${sign}${grouped(whole, NBSP)},${fraction}${NBSP}€`
    : `${sign}€${grouped(whole, ',')}.${fraction}`
}

/** Cents as a plain number to edit ("123,45" in Latvian, "123.45" in English; '' for none). */
export function moneyInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return ''
  const text = (cents / 100).toFixed(2)
  return currentLocale() === 'lv' ? text.replace('.', ',') : text
}

export type ParsedMoney = { cents: number | null; error: string }

/**
 * Reads a typed amount: digits with "," or "." before at most two decimals; spaces (thousands)
 * and a "€" sign are ignored. Empty gives `cents: null` (nothing declared).
 */
export function parseMoney(text: string): ParsedMoney {
  const t = i18n.global.t
  const clean = text.replace(/[\s\u00a0\u202f€]/g, '')
  if (clean === '') return { cents: null, error: '' }
  if (/^-/.test(clean)) return { cents: null, error: t('assistance.money.negative') }
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(clean)
  if (!match) return { cents: null, error: t('assistance.money.invalid') }
  const decimals = match[2] ?? ''
  if (decimals.length > 2) return { cents: null, error: t('assistance.money.decimals') }
  const cents = Number(match[1]) * 100 + Number(decimals.padEnd(2, '0'))
  if (cents > MAX_CENTS) return { cents: null, error: t('assistance.money.tooLarge', { max: formatMoney(MAX_CENTS) }) }
  return { cents, error: '' }
}

/** The sum of amounts, missing ones counting as zero. */
export const sumCents = (values: Iterable<number | null | undefined>): number => {
  let total = 0
  for (const value of values) total += value ?? 0
  return total
}
