// Names of registry codes in the UI language (relationships, channels, reasons…) and short
// texts built from registry records (a person's name, an address on one line).
import { i18n, localized } from '../i18n'
import type { Address, DepartmentRef } from '../registry-api'

/** The text of `registry.<group>.<code>`, or the code itself for one the UI does not know. */
export function codeName(group: string, code: string | null | undefined): string {
  if (!code) return ''
  const key = `registry.${group}.${code}`
  return i18n.global.te(key) ? i18n.global.t(key) : code
}

/** Options of a select for a list of codes; `empty` adds a first "not chosen" option. */
export function codeOptions(group: string, codes: readonly string[], empty?: string) {
  const options = codes.map((code) => ({ value: code, label: codeName(group, code) }))
  return empty === undefined ? options : [{ value: '', label: empty }, ...options]
}

export function personName(person: { given_names: string; surname: string }): string {
  return `${person.given_names} ${person.surname}`.trim()
}

/** "Graudu iela 12-3, Liepāja, LV-3401" (the API may also send an address already as text). */
export function addressText(address: Address | string | null | undefined): string {
  if (!address) return ''
  if (typeof address === 'string') return address
  const street = [address.street, [address.house, address.flat].filter(Boolean).join('-')].filter(Boolean).join(' ')
  return [street, address.locality, address.municipality, address.postal_code].filter(Boolean).join(', ')
}

export function departmentNames(departments: readonly DepartmentRef[] | undefined): string {
  return (departments ?? []).map((d) => localized(d.name) || d.code).join(', ')
}
