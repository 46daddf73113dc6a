import { computed, effectScope } from 'vue'
import { apiGet, ApiError, type Municipality, type Team } from '../api'
import { localized } from '../i18n'
import { useAsync, type AsyncState } from './useAsync'

let shared: AsyncState<Municipality> | null = null

/**
 * The municipality this deployment serves, loaded once and shared by the header and the pages.
 * `notConfigured` is true when the server says there is no municipality yet (404).
 */
export function useMunicipality() {
  // A detached scope: the shared state outlives whichever component asked for it first.
  shared ??= effectScope(true).run(() => useAsync((signal) => apiGet<Municipality>('/api/v1/municipality', signal)))!
  const state = shared
  const notConfigured = computed(() => state.error.value instanceof ApiError && state.error.value.status === 404)
  const name = computed(() => state.data.value?.name || '')
  return { ...state, notConfigured, name }
}

/** Teams of the municipality by id, and the names of a list of team ids in the UI language. */
export function useTeams() {
  const municipality = useMunicipality()
  const byId = computed(() => {
    const map = new Map<number, Team>()
    for (const department of municipality.data.value?.departments ?? []) {
      for (const team of department.teams) map.set(team.id, team)
    }
    return map
  })
  function teamNames(ids: readonly number[]): string {
    return ids.map((id) => (byId.value.has(id) ? localized(byId.value.get(id)!.name) : `#${id}`)).join(', ')
  }
  return { ...municipality, teamNames }
}
