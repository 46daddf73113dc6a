// The means declaration of an application being edited: the typed amounts (kept as text, so
// that "12," stays while typing), the members' flags, checks and totals computed as the user
// types, the PATCH body, and the server's field problems placed on the fields they name.
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { ApiError } from '../api'
import {
  HOUSING_KINDS, INCOME_KINDS, MEMBER_FLAGS,
  type Application, type DeclarationChanges, type HousingKind, type Income, type MemberFlag,
} from '../assistance-api'
import { moneyInput, parseMoney, sumCents, type ParsedMoney } from './money'

export const incomeKey = (personId: number, month: string, kind: string) => `income:${personId}:${month}:${kind}`
export const housingKey = (kind: string) => `housing:${kind}`
export const memberKey = (personId: number) => `member:${personId}`

type Flags = Record<MemberFlag, boolean>

export function useDeclaration(application: () => Application | null) {
  const texts = reactive<Record<string, string>>({})
  const flags = reactive<Record<number, Flags>>({})
  /** Fields changed since the server's last answer (its messages for them no longer apply). */
  const edited = reactive(new Set<string>())
  const problem = shallowRef<unknown>(null)
  const dirty = ref(false)
  let sentIncomes: string[] = []

  function load(app: Application) {
    for (const key of Object.keys(texts)) delete texts[key]
    const sums = new Map<string, number>()
    for (const income of app.incomes) {
      const key = incomeKey(income.person_id, income.month, income.kind)
      sums.set(key, (sums.get(key) ?? 0) + income.amount)
    }
    for (const [key, cents] of sums) texts[key] = moneyInput(cents)
    for (const kind of HOUSING_KINDS) texts[housingKey(kind)] = moneyInput(app.housing_costs?.[kind] ?? null)
    for (const member of app.members) {
      flags[member.person_id] = pick(member)
    }
    edited.clear()
    dirty.value = false
  }
  // A new version from the server replaces the form; a reload of the same version does not.
  watch(
    () => {
      const app = application()
      return app ? `${app.id}:${app.version}` : ''
    },
    () => {
      const app = application()
      if (app) load(app)
    },
    { immediate: true },
  )

  const parsed = computed(() => {
    const result: Record<string, ParsedMoney> = {}
    for (const [key, text] of Object.entries(texts)) result[key] = parseMoney(text)
    return result
  })
  const cents = (key: string) => parsed.value[key]?.cents ?? null

  function edit(key: string, text: string) {
    texts[key] = text
    edited.add(key)
    dirty.value = true
  }

  function setFlag(personId: number, flag: MemberFlag, value: boolean) {
    const current = flags[personId]
    if (!current) return
    current[flag] = value
    edited.add(memberKey(personId))
    dirty.value = true
  }

  // ---- Totals (in cents), as the user types ----
  const months = computed(() => application()?.period_months ?? [])
  /** The members, the applicant first (the calculation counts her as the first person). */
  const members = computed(() => {
    const app = application()
    if (!app) return []
    const first = app.members.filter((m) => m.person_id === app.applicant.id)
    return [...first, ...app.members.filter((m) => m.person_id !== app.applicant.id)]
  })
  const memberMonth = (personId: number, month: string) => sumCents(INCOME_KINDS.map((k) => cents(incomeKey(personId, month, k))))
  const memberTotal = (personId: number) => sumCents(months.value.map((m) => memberMonth(personId, m)))
  const monthTotal = (month: string) => sumCents(members.value.map((m) => memberMonth(m.person_id, month)))
  const householdTotal = computed(() => sumCents(months.value.map(monthTotal)))
  const householdAverage = computed(() => (months.value.length ? Math.round(householdTotal.value / months.value.length) : 0))
  const housingTotal = computed(() => sumCents(HOUSING_KINDS.map((k) => cents(housingKey(k)))))

  const invalidKeys = computed(() => Object.keys(parsed.value).filter((key) => parsed.value[key].error))
  const valid = computed(() => invalidKeys.value.length === 0)

  /** The PATCH body: every member's flags, every declared income (empty = not declared), all housing costs. */
  function changes(): DeclarationChanges {
    const incomes: Income[] = []
    sentIncomes = []
    for (const member of members.value) {
      for (const month of months.value) {
        for (const kind of INCOME_KINDS) {
          const key = incomeKey(member.person_id, month, kind)
          const amount = cents(key)
          if (amount === null) continue
          incomes.push({ person_id: member.person_id, month, kind, amount })
          sentIncomes.push(key)
        }
      }
    }
    const housing = Object.fromEntries(HOUSING_KINDS.map((k) => [k, cents(housingKey(k)) ?? 0])) as Record<HousingKind, number>
    return {
      members: members.value.map((m) => ({ person_id: m.person_id, ...(flags[m.person_id] ?? pick(m)) })),
      incomes,
      housing_costs: housing,
    }
  }

  /** The form field a server field name points at (`incomes[3].amount`, `housing_costs.rent`, `members[0]`…). */
  function fieldKey(field: string): string | null {
    const income = /^incomes(?:\[(\d+)\]|\.(\d+))/.exec(field)
    if (income) return sentIncomes[Number(income[1] ?? income[2])] ?? null
    const housing = /^housing_costs\.(\w+)/.exec(field)
    if (housing) return housingKey(housing[1])
    const member = /^members(?:\[(\d+)\]|\.(\d+))/.exec(field)
    if (member) {
      const m = members.value[Number(member[1] ?? member[2])]
      return m ? memberKey(m.person_id) : null
    }
    const person = /person_id[=:](\d+)/.exec(field)
    return person ? memberKey(Number(person[1])) : null
  }

  const serverErrors = computed(() => {
    const map = new Map<string, string[]>()
    const e = problem.value
    if (!(e instanceof ApiError)) return map
    for (const { field, message } of e.problem?.errors ?? []) {
      const key = fieldKey(field)
      if (key) map.set(key, [...(map.get(key) ?? []), message])
    }
    return map
  })
  /** Server field names shown next to a field (the summary above the form leaves them out). */
  const placedFields = computed(() => {
    const e = problem.value
    if (!(e instanceof ApiError)) return []
    return (e.problem?.errors ?? []).map((p) => p.field).filter((f) => fieldKey(f) !== null)
  })

  /** Messages of a field: its own check first, else the server's until the field is changed. */
  function errors(key: string): string[] {
    const own = parsed.value[key]?.error
    if (own) return [own]
    return edited.has(key) ? [] : (serverErrors.value.get(key) ?? [])
  }

  /**
   * Shows a failed answer on the fields it names. `members.N` counts as `members` does (the
   * applicant first): so the PATCH sends them, and so the calculation numbers them.
   */
  function setProblem(error: unknown) {
    problem.value = error
    edited.clear()
  }

  return {
    texts, flags, months, members, problem, dirty, valid, invalidKeys, placedFields,
    edit, setFlag, errors, setProblem, changes,
    memberMonth, memberTotal, monthTotal, householdTotal, householdAverage, housingTotal,
  }
}

const pick = (m: Flags): Flags => Object.fromEntries(MEMBER_FLAGS.map((f) => [f, m[f]])) as Flags

export type Declaration = ReturnType<typeof useDeclaration>
