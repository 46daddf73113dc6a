// The fields of the person form (create and edit), their checks while typing, and the request
// bodies built from them.
import type { FieldRule } from '../composables/useForm'
import { i18n } from '../i18n'
import { formatDate } from '../format'
import type { Address, Person, PersonDraft } from '../registry-api'
import { checkPersonalCode, todayInRiga } from './personalCode'

export const MAX_PHONES = 5
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const POSTAL_CODE = /^LV-?\d{4}$/i
const PHONE_CHARS = /^\+?[\d\s()-]+$/

export interface AddressValues {
  municipality: string
  locality: string
  street: string
  house: string
  flat: string
  postal_code: string
}

export interface PersonValues {
  given_names: string
  surname: string
  personal_code: string
  other_id_kind: string
  other_id: string
  birth_date: string
  sex: string
  language: string
  phones: string[]
  email: string
  declared: AddressValues
  has_actual: boolean
  actual: AddressValues
  deceased_on: string
  disability: string
  health_note: string
  team_id: string
  channel: string
  first_registered_on: string
  name_change_reason: string
  code_change_reason: string
}

export const emptyAddress = (): AddressValues => ({ municipality: '', locality: '', street: '', house: '', flat: '', postal_code: '' })

export function emptyPerson(): PersonValues {
  return {
    given_names: '', surname: '', personal_code: '', other_id_kind: '', other_id: '', birth_date: '', sex: '',
    language: 'lv', phones: [''], email: '', declared: emptyAddress(), has_actual: false, actual: emptyAddress(),
    deceased_on: '', disability: '', health_note: '', team_id: '', channel: 'visit',
    first_registered_on: todayInRiga(), name_change_reason: 'other', code_change_reason: 'other',
  }
}

const text = (value: string | null | undefined) => value ?? ''

export function addressValues(address: Address | null): AddressValues {
  const a = address ?? {}
  return {
    municipality: text(a.municipality), locality: text(a.locality), street: text(a.street),
    house: text(a.house), flat: text(a.flat), postal_code: text(a.postal_code),
  }
}

/** The form filled with a person's current data (edit form). */
export function personValues(person: Person): PersonValues {
  return {
    ...emptyPerson(),
    given_names: person.given_names, surname: person.surname, personal_code: text(person.personal_code),
    other_id_kind: text(person.other_id_kind), other_id: text(person.other_id), birth_date: text(person.birth_date),
    sex: text(person.sex), language: text(person.language), phones: person.phones.length ? [...person.phones] : [''],
    email: text(person.email), declared: addressValues(person.declared_address),
    has_actual: person.actual_address !== null, actual: addressValues(person.actual_address),
    deceased_on: text(person.deceased_on), disability: text(person.sensitive?.disability),
    health_note: text(person.sensitive?.health_note),
  }
}

const orNull = (value: string) => value.trim() || null

/** An address for the API: trimmed, postal code as LV-NNNN; null when nothing is filled in. */
export function addressBody(values: AddressValues): Address | null {
  const postal = values.postal_code.trim().toUpperCase().replace(/^LV-?/, 'LV-')
  const address: Address = {
    municipality: orNull(values.municipality), locality: orNull(values.locality), street: orNull(values.street),
    house: orNull(values.house), flat: orNull(values.flat), postal_code: orNull(postal),
  }
  return Object.values(address).some(Boolean) ? address : null
}

/** The personal code as the API stores it (with the hyphen), or null. */
function codeBody(values: PersonValues): string | null {
  const check = checkPersonalCode(values.personal_code)
  return check.ok ? check.code : orNull(values.personal_code)
}

/** What the duplicate check needs: names, code, birth date and address. */
export function duplicateProbe(values: PersonValues): PersonDraft {
  return {
    given_names: values.given_names.trim(), surname: values.surname.trim(), personal_code: codeBody(values),
    birth_date: orNull(values.birth_date), declared_address: addressBody(values.declared),
  }
}

/**
 * The body of POST (`original` absent) or PATCH (`original` the loaded person). Special-category
 * fields are sent only when `withSensitive`.
 */
export function personBody(values: PersonValues, withSensitive: boolean, original?: Person): PersonDraft {
  const body: PersonDraft = {
    ...duplicateProbe(values),
    other_id_kind: orNull(values.other_id_kind), other_id: orNull(values.other_id), sex: orNull(values.sex),
    language: orNull(values.language), phones: values.phones.map((p) => p.trim()).filter(Boolean),
    email: orNull(values.email), actual_address: values.has_actual ? addressBody(values.actual) : null,
  }
  if (withSensitive) Object.assign(body, { disability: orNull(values.disability), health_note: orNull(values.health_note) })
  if (!original) {
    if (values.team_id) body.team_id = Number(values.team_id)
    return { ...body, channel: values.channel, first_registered_on: values.first_registered_on }
  }
  body.version = original.version
  body.deceased_on = orNull(values.deceased_on)
  if (namesChanged(values, original)) body.name_change_reason = values.name_change_reason
  if (codeChanged(values, original)) body.code_change_reason = values.code_change_reason
  return body
}

export const namesChanged = (values: PersonValues, person: Person) =>
  values.given_names.trim() !== person.given_names || values.surname.trim() !== person.surname
export const codeChanged = (values: PersonValues, person: Person) =>
  !!person.personal_code && (codeBody(values) ?? '') !== person.personal_code

/** The message of a personal code ('' when it is fine or empty). */
export function codeMessage(value: string): string {
  if (!value.trim()) return ''
  const check = checkPersonalCode(value)
  return check.ok ? '' : i18n.global.t(`registry.code.${check.problem}`)
}

/** A team must be chosen (used when the user has several). */
export const teamRule = (get: () => string): FieldRule => ({
  value: get,
  check: () => (get() ? '' : i18n.global.t('registry.validation.team')),
})

/** A postal code is LV-NNNN (the hyphen may be left out); only checked while `active`. */
export function postalCodeRule(address: () => AddressValues, active: () => boolean = () => true): FieldRule {
  return {
    value: () => [address().postal_code, active()],
    check: () => {
      const value = address().postal_code.trim()
      return !active() || !value || POSTAL_CODE.test(value) ? '' : i18n.global.t('registry.validation.postalCode')
    },
  }
}

/** Checks of the form while typing. `needsTeam`: the user has several teams (create form). */
export function personRules(values: PersonValues, options: { creating: boolean; needsTeam: boolean }) {
  const t = i18n.global.t
  const today = todayInRiga()
  const required = (get: () => string): FieldRule => ({ value: get, check: () => (get().trim() ? '' : t('form.required')) })
  const notFuture = (get: () => string): FieldRule => ({
    value: get,
    check: () => (get() && get() > today ? t('registry.validation.future') : ''),
  })

  const rules: Record<string, FieldRule> = {
    given_names: required(() => values.given_names),
    surname: required(() => values.surname),
    personal_code: { value: () => values.personal_code, check: () => codeMessage(values.personal_code) },
    birth_date: {
      value: () => [values.birth_date, values.personal_code],
      check: () => {
        const code = checkPersonalCode(values.personal_code)
        if (!values.birth_date) return code.ok && code.format === 'old' ? '' : t('registry.validation.birthDateRequired')
        if (values.birth_date > today) return t('registry.validation.future')
        if (code.ok && code.format === 'old' && code.birthDate !== values.birth_date) {
          return t('registry.validation.birthDateMismatch', { date: formatDate(code.birthDate) })
        }
        return ''
      },
    },
    phones: {
      value: () => values.phones,
      check: () => (values.phones.every((p) => !p.trim() || phoneOk(p)) ? '' : t('registry.validation.phone')),
    },
    email: {
      value: () => values.email,
      check: () => (!values.email.trim() || EMAIL.test(values.email.trim()) ? '' : t('registry.validation.email')),
    },
    'declared_address.postal_code': postalCodeRule(() => values.declared),
    'actual_address.postal_code': postalCodeRule(() => values.actual, () => values.has_actual),
  }
  if (options.creating) {
    rules.first_registered_on = notFuture(() => values.first_registered_on)
    if (options.needsTeam) rules.team_id = teamRule(() => values.team_id)
  } else {
    rules.deceased_on = {
      value: () => [values.deceased_on, values.birth_date],
      check: () => {
        if (values.deceased_on && values.deceased_on > today) return t('registry.validation.future')
        if (values.deceased_on && values.birth_date && values.deceased_on < values.birth_date) return t('registry.validation.deceasedBeforeBirth')
        return ''
      },
    }
  }
  return rules
}

/** 8–15 digits, optionally a leading +, spaces, brackets and hyphens. */
export function phoneOk(phone: string): boolean {
  const digits = phone.replace(/\D/g, '').length
  return PHONE_CHARS.test(phone.trim()) && digits >= 8 && digits <= 15
}
