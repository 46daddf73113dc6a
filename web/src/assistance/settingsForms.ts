// The three forms of the settings page (useSettingsForm): a national threshold row, the
// municipality's low-income threshold and its housing-cost norms, each from a date.
import type { ShallowRef } from 'vue'
import {
  HOUSING_KINDS, LOW_INCOME_FIELDS, THRESHOLD_FIELDS, assistanceApi, type ThresholdSettings,
} from '../assistance-api'
import { i18n } from '../i18n'
import { formatDate } from '../format'
import { formatMoney } from './money'
import { lowIncomeBounds, lowIncomeChecks, thresholdOrder } from './settings'
import { useSettingsForm } from './useSettingsForm'

/** "first / other" of a pair of amounts. */
const pair = (first: number, other: number) => `${formatMoney(first)} / ${formatMoney(other)}`

/** The forms, given the page's data and how to load it again after a change. */
export function useSettingsForms(data: ShallowRef<ThresholdSettings | null>, reload: () => Promise<void>) {
  const t = i18n.global.t
  const national = () => data.value?.items ?? []

  const thresholds = useSettingsForm({
    fields: THRESHOLD_FIELDS,
    monthStart: true,
    checkTogether: (cents) => thresholdOrder(cents),
    question: (from, c) => ({
      title: t('assistance.settings.national.confirmTitle'),
      message: t('assistance.settings.national.confirmText', {
        date: formatDate(from),
        gmi: pair(c.gmi_first, c.gmi_other),
        needy: pair(c.needy_first, c.needy_other),
        max: pair(c.low_income_max_first, c.low_income_max_other),
      }),
    }),
    send: (from, cents) => assistanceApi.addThreshold({ from, ...cents }),
    saved: reload,
    savedText: (from) => t('assistance.settings.national.saved', { date: formatDate(from) }),
  })

  const lowIncome = useSettingsForm({
    fields: LOW_INCOME_FIELDS,
    monthStart: true,
    checkFrom: (from) => (lowIncomeBounds(national(), from) ? '' : t('assistance.settings.noNational', { date: formatDate(from) })),
    checkTogether: (cents, from) => lowIncomeChecks(national(), cents, from),
    question: (from, c) => ({
      title: t('assistance.settings.lowIncome.confirmTitle'),
      message: t('assistance.settings.lowIncome.confirmText', { date: formatDate(from), first: formatMoney(c.first), other: formatMoney(c.other) }),
    }),
    send: (from, cents) => assistanceApi.setLowIncome({ from, ...cents }),
    saved: reload,
    savedText: (from) => t('assistance.settings.lowIncome.saved', { date: formatDate(from) }),
  })

  const norms = useSettingsForm({
    fields: HOUSING_KINDS,
    monthStart: false,
    allowZero: true,
    initial: () => data.value?.norms ?? {},
    question: (from) => ({
      title: t('assistance.settings.norms.confirmTitle'),
      message: t('assistance.settings.norms.confirmText', { date: formatDate(from) }),
    }),
    send: (from, cents) => assistanceApi.setNorms({ from, ...cents }),
    saved: reload,
    savedText: (from) => t('assistance.settings.norms.saved', { date: formatDate(from) }),
  })

  return { thresholds, lowIncome, norms }
}
