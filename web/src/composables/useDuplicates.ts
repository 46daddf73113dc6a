import { computed, ref, watch } from 'vue'
import { ApiError } from '../api'
import { registryApi, type Candidate, type PersonDraft } from '../registry-api'
import { checkPersonalCode } from '../registry/personalCode'
import { useAsync } from './useAsync'
import { useDebounced } from './useDebounced'

/**
 * Possible duplicates of a person being entered, asked from the server (POST
 * /api/v1/persons/duplicates) when the user pauses typing names, code or birth date.
 * Same personal code = `blocking` (cannot be saved); similar persons need `confirmed`
 * ("it is another person") before saving a new person; when editing (`excludeId`: the person
 * being edited) the server checks only the code, so similar persons are just shown.
 */
export function useDuplicates(probe: () => PersonDraft, excludeId: number | null = null) {
  // Only what the server can judge: a valid code, both names.
  const usable = () => {
    const draft = probe()
    const code = draft.personal_code && checkPersonalCode(draft.personal_code).ok ? draft.personal_code : null
    const named = !!draft.given_names && !!draft.surname
    if (!code && !named) return ''
    return JSON.stringify({ ...draft, personal_code: code, ...(excludeId === null ? {} : { exclude_id: excludeId }) })
  }
  const settled = useDebounced(usable, 400)
  const state = useAsync(
    (signal) =>
      settled.value
        ? registryApi.duplicates(JSON.parse(settled.value) as PersonDraft, signal)
        : Promise.resolve({ candidates: [] as Candidate[] }),
    false,
  )
  watch(settled, () => void state.run())

  const candidates = computed(() => (state.data.value?.candidates ?? []).filter((c) => c.id !== excludeId))
  const blocking = computed(() => candidates.value.filter((c) => c.blocking))
  const similar = computed(() => candidates.value.filter((c) => !c.blocking))
  const confirmed = ref(false)
  // A new set of similar persons needs a new confirmation.
  watch(
    () => similar.value.map((c) => c.id).join(','),
    () => (confirmed.value = false),
  )

  /** Takes the candidates of a 409 "duplicate" answer of a save; true when it was one. */
  function fromConflict(error: unknown): boolean {
    if (!(error instanceof ApiError) || error.status !== 409) return false
    const list = error.problem?.extensions.candidates
    if (!Array.isArray(list)) return false
    state.data.value = { candidates: list as Candidate[] }
    return true
  }

  /** May be saved: no same-code person, and similar ones confirmed as different. */
  const clear = computed(
    () => blocking.value.length === 0 && (excludeId !== null || similar.value.length === 0 || confirmed.value),
  )
  return { candidates, blocking, similar, confirmed, clear, loading: state.loading, error: state.error, fromConflict }
}
