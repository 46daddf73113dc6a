// Names of assistance codes in the UI language (statuses, income and housing cost kinds,
// member flags, outcomes, payment statuses) and of benefit kinds from the server's catalogue.
import { i18n, localized } from '../i18n'
import type { BenefitKind, Flag } from '../assistance-api'

/** The text of `assistance.<group>.<code>`, or the code itself for one the UI does not know. */
export function assistanceName(group: string, code: string | null | undefined): string {
  if (!code) return ''
  const key = `assistance.${group}.${code}`
  return i18n.global.te(key) ? i18n.global.t(key) : code
}

/** A benefit kind's name: from the catalogue when loaded, else the built-in name, else the code. */
export function kindName(code: string, kinds: readonly BenefitKind[] | null | undefined): string {
  const kind = kinds?.find((k) => k.code === code)
  return kind ? localized(kind.name) || code : assistanceName('kind', code)
}

/** A person's name as the API sends it: `name`, or given names and surname. */
export function nameOf(person: { name: string } | { given_names: string; surname: string }): string {
  return 'name' in person ? person.name : `${person.given_names} ${person.surname}`.trim()
}

export const flagText = (flag: Flag): string => localized(flag.message) || assistanceName('warning', flag.code)
