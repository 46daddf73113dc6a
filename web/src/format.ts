// Formatting shared by the pages: dates, role names, browser names.
import { i18n, currentLocale } from './i18n'

/** Date and time in the UI language ('' for a missing or unreadable value). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

/** A calendar date `YYYY-MM-DD` in the UI language (e.g. 01.03.2024.); as given if unreadable. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return ''
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return value
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}

/** The name of a role in the UI language (the code itself for a role the UI does not know). */
export function roleName(role: string): string {
  const key = `roles.${role}`
  return i18n.global.te(key) ? i18n.global.t(key) : role
}

export function roleNames(roles: readonly string[]): string {
  return roles.map(roleName).join(', ')
}

/** A short, readable name of the browser and system from a User-Agent string. */
export function browserName(userAgent: string | null | undefined): string {
  if (!userAgent) return ''
  const browser =
    /Edg\//.test(userAgent) ? 'Edge'
    : /Firefox\//.test(userAgent) ? 'Firefox'
    : /(Chrome|Chromium)\//.test(userAgent) ? 'Chrome'
    : /Safari\//.test(userAgent) ? 'Safari'
    : ''
  const system =
    /Windows/.test(userAgent) ? 'Windows'
    : /Android/.test(userAgent) ? 'Android'
    : /(iPhone|iPad)/.test(userAgent) ? 'iOS'
    : /Mac OS X/.test(userAgent) ? 'macOS'
    : /Linux/.test(userAgent) ? 'Linux'
    : ''
  if (!browser) return userAgent.length > 60 ? `${userAgent.slice(0, 57)}…` : userAgent
  return system ? `${browser}, ${system}` : browser
}
