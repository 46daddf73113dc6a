// The fields of a user (create and edit forms) and their checks while typing.
import type { FieldRule } from '../composables/useForm'
import { i18n } from '../i18n'

export interface UserDraft {
  username: string
  full_name: string
  email: string
  password: string
  roles: string[]
  team_ids: number[]
  /** A partner user's institution. */
  partner_id: number | null
}

export const emptyDraft = (): UserDraft => ({ username: '', full_name: '', email: '', password: '', roles: [], team_ids: [], partner_id: null })

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const USERNAME = /^[a-z][a-z0-9._-]{2,63}$/ // as the server: 3–64, starting with a letter

/** Checks of the fields shown; `withCredentials` adds user name and password (new users). */
export function userRules(draft: UserDraft, withCredentials: boolean) {
  const t = i18n.global.t
  const rules: Record<string, FieldRule> = {
    full_name: { value: () => draft.full_name, check: () => (draft.full_name.trim() ? '' : t('form.required')) },
    email: {
      value: () => draft.email,
      check: () => (!draft.email.trim() || EMAIL.test(draft.email.trim()) ? '' : t('users.emailFormat')),
    },
    roles: { value: () => draft.roles, check: () => (draft.roles.length ? '' : t('users.rolesRequired')) },
    team_ids: { value: () => draft.team_ids, check: () => '' },
  }
  if (withCredentials) {
    rules.username = {
      value: () => draft.username,
      check: () => {
        if (!draft.username.trim()) return t('form.required')
        return USERNAME.test(draft.username.trim()) ? '' : t('users.usernameFormat')
      },
    }
    rules.password = {
      value: () => draft.password,
      check: () => {
        if (!draft.password) return t('form.required')
        return draft.password.length < 12 || draft.password.length > 128 ? t('login.passwordLength') : ''
      },
    }
  }
  return rules
}
