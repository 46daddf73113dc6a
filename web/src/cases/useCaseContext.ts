// The case shown on the case page, shared with its parts (provide/inject): the case itself, the
// members of its household (or its one person), what the signed-in user may do, and a counter
// that tells the timeline and lists to load again after a change.
import { computed, inject, provide, reactive, ref, shallowRef, type ComputedRef, type InjectionKey, type Ref, type ShallowRef } from 'vue'
import { useSession } from '../composables/useSession'
import { registryApi } from '../registry-api'
import { personName } from '../registry/labels'
import { caseApi, LEAD_ROLES, type Case, type Person, type TeamWorker } from './case-api'

/** A member of the case's household (or the case's person). */
export interface CaseMember {
  id: number
  name: string
  birth_date: string | null
  relationship: string | null
}

export interface CaseContext {
  kase: ShallowRef<Case | null>
  members: ShallowRef<CaseMember[]>
  /** The workers of the case's team, when the user may see them (supervisors, heads); else []. */
  teamWorkers: ShallowRef<TeamWorker[]>
  /** The user works on the case: lead worker, co-worker, or a supervisor / head (server decides). */
  canChange: ComputedRef<boolean>
  isLead: ComputedRef<boolean>
  isSupervisor: ComputedRef<boolean>
  closed: ComputedRef<boolean>
  /** Grows after every change; lists that depend on the case reload when it changes. */
  changes: Ref<number>
  /** Takes a case answer (after a change) and tells the lists to reload. */
  replace: (next: Case) => void
  /** Something else of the case changed (a note, a document…): lists reload. */
  touched: () => void
  /** The name of a worker where the page knows it (the user, the team's list, authors seen in
   * the case's records), else "#id". */
  workerName: (id: number) => string
  /** Remembers the names of workers that the loaded records name (authors, deciders). */
  learn: (people: (Person | null | undefined | number)[]) => void
  memberName: (id: number | string) => string
}

const KEY: InjectionKey<CaseContext> = Symbol('case')

/** The workers of a team for those who may see its caseload (others get []: no such list for them). */
export async function loadTeamWorkers(kase: Case, mayList: boolean, signal?: AbortSignal): Promise<TeamWorker[]> {
  if (!mayList) return []
  try {
    return (await caseApi.teamWorkers(kase.team_id, signal)).items
  } catch {
    return []
  }
}

/** Loads the household members of a case (or its person) for the forms. */
export async function loadMembers(kase: Case, signal?: AbortSignal): Promise<CaseMember[]> {
  if (kase.household_id) {
    const household = await registryApi.household(kase.household_id, signal)
    return household.members.map((m) => ({
      id: m.person_id,
      name: personName(m),
      birth_date: m.birth_date ?? null,
      relationship: m.relationship,
    }))
  }
  if (kase.person_id) {
    const person = await registryApi.person(kase.person_id, signal)
    return [{ id: person.id, name: personName(person), birth_date: person.birth_date, relationship: null }]
  }
  return []
}

export function provideCaseContext(): CaseContext {
  const { user, hasAnyRole } = useSession()
  const kase = shallowRef<Case | null>(null)
  const members = shallowRef<CaseMember[]>([])
  const teamWorkers = shallowRef<TeamWorker[]>([])
  const names = reactive(new Map<number, string>())
  const changes = ref(0)
  const isLead = computed(() => !!kase.value && kase.value.lead_worker_id === user.value?.id)
  const isWorker = computed(() => isLead.value || (!!user.value && !!kase.value?.co_worker_ids.includes(user.value.id)))
  const isSupervisor = computed(() => hasAnyRole(['supervisor']))
  const canChange = computed(() => isWorker.value || hasAnyRole(LEAD_ROLES))
  const closed = computed(() => kase.value?.stage === 'closed')

  function workerName(id: number): string {
    if (user.value?.id === id) return user.value.full_name
    const worker = teamWorkers.value.find((w) => w.user_id === id)
    if (worker) return worker.name
    const known = kase.value?.transitions.find((t) => t.by.id === id)
    return known ? known.by.name : (names.get(id) ?? `#${id}`)
  }

  function memberName(id: number | string): string {
    return members.value.find((m) => String(m.id) === String(id))?.name ?? `#${id}`
  }

  const context: CaseContext = {
    kase,
    members,
    teamWorkers,
    canChange,
    isLead,
    isSupervisor,
    closed,
    changes,
    replace: (next) => {
      kase.value = next
      changes.value += 1
    },
    touched: () => {
      changes.value += 1
    },
    workerName,
    memberName,
    learn: (people) => {
      for (const p of people) if (p && typeof p === 'object' && p.name) names.set(p.id, p.name)
    },
  }
  provide(KEY, context)
  return context
}

export function useCaseContext(): CaseContext {
  const context = inject(KEY)
  if (!context) throw new Error('useCaseContext() outside the case page')
  return context
}

/** Today's date in Riga as YYYY-MM-DD (the default of date fields). */
export function todayInRiga(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date())
}
