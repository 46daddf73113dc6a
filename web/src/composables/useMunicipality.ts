import { computed, effectScope } from 'vue'
import { apiGet, ApiError, type Municipality } from '../api'
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
