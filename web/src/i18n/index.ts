import { watch } from 'vue'
import { createI18n } from 'vue-i18n'
import lvCore from './lv.json'
import enCore from './en.json'
import intakesLv from './intakes.lv.json'
import intakesEn from './intakes.en.json'
import caseworkLv from './casework.lv.json'
import caseworkEn from './casework.en.json'
import servicesLv from './services.lv.json'
import servicesEn from './services.en.json'
import partnersLv from './partners.lv.json'
import partnersEn from './partners.en.json'
import housingLv from './housing.lv.json'
import housingEn from './housing.en.json'
import mobileLv from './mobile.lv.json'
import mobileEn from './mobile.en.json'
import mentorsLv from './mentors.lv.json'
import mentorsEn from './mentors.en.json'
import statisticsLv from './statistics.lv.json'
import statisticsEn from './statistics.en.json'

// The messages of each area live in their own files (top-level keys never repeat between them).
const lv = { ...lvCore, ...intakesLv, ...caseworkLv, ...servicesLv, ...partnersLv, ...housingLv, ...mentorsLv, ...mobileLv, ...statisticsLv }
const en = { ...enCore, ...intakesEn, ...caseworkEn, ...servicesEn, ...partnersEn, ...housingEn, ...mentorsEn, ...mobileEn, ...statisticsEn }

export const LOCALES = ['lv', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'lv'

/** Names of the languages, each written in its own language (shown in the switch). */
export const LOCALE_NAMES: Record<Locale, string> = { lv: 'Latviešu', en: 'English' }

const STORAGE_KEY = 'atbalsts.locale'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return isLocale(value) ? value : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE // storage disabled (privacy settings): use the default
  }
}

type MessageSchema = typeof lv

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { lv, en },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
})

/** The current UI language; also sent as Accept-Language by api.ts. */
export function currentLocale(): Locale {
  return i18n.global.locale.value
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
}

// Keep <html lang> and localStorage in step with the chosen language.
watch(
  i18n.global.locale,
  (locale) => {
    document.documentElement.lang = locale
    try {
      window.localStorage.setItem(STORAGE_KEY, locale)
    } catch {
      /* storage disabled: the choice lasts for this page only */
    }
  },
  { immediate: true },
)

/** Picks the text for the UI language from a `{lv, en}` object sent by the API. */
export function localized(text: Partial<Record<Locale, string>> | string | undefined): string {
  if (typeof text === 'string') return text
  if (!text) return ''
  return text[currentLocale()] ?? text[DEFAULT_LOCALE] ?? Object.values(text).find(Boolean) ?? ''
}
