// One form of the settings page: a start date and amounts typed in euros (sent as cents), each
// checked as typed and then together, a confirmation before saving, then the server's answer
// (field problems on the fields, a 409 for a start date taken). Shown by SettingsForm.vue.
import { computed, reactive, ref, watch, type Ref, type ShallowRef } from 'vue'
import { useForm, type FieldRule } from '../composables/useForm'
import { useConfirm } from '../composables/useConfirm'
import { i18n } from '../i18n'
import { formatMoney, moneyInput, parseMoney, type ParsedMoney } from './money'
import { isDate } from './settings'

/** The largest amount the server takes for a threshold or a norm (1 000 000 €). */
export const MAX_SETTING_CENTS = 100_000_000

export interface SettingsFormOptions<K extends string> {
  fields: readonly K[]
  /** The start date must be the 1st of a month (thresholds; norms may start on any day). */
  monthStart: boolean
  /** Amounts may be 0 (norms); otherwise they must be above zero. */
  allowZero?: boolean
  /** The amounts shown when the form is empty (again), e.g. the norms in force. */
  initial?: () => Partial<Record<K, number>>
  /** More checks of the date, e.g. that national thresholds are in force then ('' = fine). */
  checkFrom?: (from: string) => string
  /** Checks of the amounts together, by field (given only the amounts that are fine alone). */
  checkTogether?: (cents: Partial<Record<K, number>>, from: string) => Partial<Record<K, string>>
  /** The confirmation asked before saving these values. */
  question: (from: string, cents: Record<K, number>) => { title: string; message: string }
  send: (from: string, cents: Record<K, number>) => Promise<unknown>
  /** After saving: e.g. load the page's data again. */
  saved: () => Promise<void> | void
  /** The notice after saving. */
  savedText: (from: string) => string
}

/** What SettingsForm.vue shows of a form (the amounts' fields are named as in the API). */
export interface SettingsForm {
  /** The amounts' fields; `formFields` adds the start date `from`. */
  fields: readonly string[]
  formFields: readonly string[]
  values: Record<string, string>
  errors: (field: string) => string[]
  busy: Ref<boolean>
  /** The server's last refusal. */
  problem: ShallowRef<unknown>
  /** The notice after saving. */
  notice: Ref<string>
  confirmer: ReturnType<typeof useConfirm>
  /** Validates; when all is fine asks before saving. */
  ask: () => Promise<void>
}

export function useSettingsForm<K extends string>(options: SettingsFormOptions<K>): SettingsForm {
  const t = i18n.global.t
  const values = reactive<Record<string, string>>({ from: '' })
  const notice = ref('')

  function fill() {
    const initial: Partial<Record<K, number>> = options.initial?.() ?? {}
    for (const field of options.fields) values[field] = moneyInput(initial[field] ?? null)
  }
  fill()

  /** What is wrong with an amount on its own ('' = fine). */
  function amountProblem({ cents, error }: ParsedMoney): string {
    if (error) return error
    if (cents === null) return t('form.required')
    if (cents <= 0 && !options.allowZero) return t('assistance.settings.aboveZero')
    if (cents > MAX_SETTING_CENTS) return t('assistance.money.tooLarge', { max: formatMoney(MAX_SETTING_CENTS) })
    return ''
  }
  /** Each amount read on its own: its cents when fine, else the message. */
  const alone = computed(() => {
    const result = {} as Record<K, ParsedMoney>
    for (const field of options.fields) {
      const parsed = parseMoney(values[field] ?? '')
      const error = amountProblem(parsed)
      result[field] = { cents: error ? null : parsed.cents, error }
    }
    return result
  })
  const goodCents = computed(() => {
    const cents: Partial<Record<K, number>> = {}
    for (const field of options.fields) {
      const value = alone.value[field].cents
      if (value !== null) cents[field] = value
    }
    return cents
  })
  const together = computed<Partial<Record<K, string>>>(() => options.checkTogether?.(goodCents.value, values.from.trim()) ?? {})

  function checkFrom(): string {
    const from = values.from.trim()
    if (!from) return t('form.required')
    if (!isDate(from)) return t('assistance.settings.dateFormat')
    if (options.monthStart && !from.endsWith('-01')) return t('assistance.settings.monthStart')
    return options.checkFrom?.(from) ?? ''
  }

  const rules = { from: { value: () => values.from, check: checkFrom } } as Record<'from' | K, FieldRule>
  for (const field of options.fields) {
    rules[field] = { value: () => values[field], check: () => alone.value[field].error || (together.value[field] ?? '') }
  }
  const form = useForm(rules)
  const confirmer = useConfirm()
  // The initial amounts may come later (with the page's data): shown while none were typed.
  if (options.initial) {
    watch(options.initial, () => {
      if (options.fields.some((field) => values[field])) return
      fill()
      form.reset()
    })
  }

  async function ask() {
    notice.value = ''
    await form.submit(async () => {
      const from = values.from.trim()
      const cents = goodCents.value as Record<K, number>
      confirmer.ask({
        ...options.question(from, cents),
        confirmLabel: t('assistance.settings.save'),
        action: () => save(from, cents),
      })
    })
  }

  /** Sends the values; a refusal stays on the form (the dialog closes either way). */
  async function save(from: string, cents: Record<K, number>) {
    if (!(await form.submit(async () => void (await options.send(from, cents))))) return
    await options.saved()
    values.from = ''
    fill()
    form.reset()
    notice.value = options.savedText(from)
  }

  return {
    fields: options.fields,
    formFields: form.fields,
    values,
    errors: (field) => form.errors(field as K),
    busy: form.busy,
    problem: form.problem,
    notice,
    confirmer,
    ask,
  }
}
