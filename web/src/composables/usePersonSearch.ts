import { computed, ref, watch, type Ref } from 'vue'
import { registryApi } from '../registry-api'
import { useAsync } from './useAsync'
import { useDebounced } from './useDebounced'

/** The server needs at least this many characters (shorter answers 422). */
export const MIN_QUERY_LENGTH = 2

/**
 * Search of persons as the user types: waits for a pause (~250 ms), cancels the request of an
 * earlier query still running, and pages on the server. `active` is false while the query is
 * too short to send; then there are no results.
 */
export function usePersonSearch(query: Ref<string>, initialPageSize = 20) {
  const page = ref(1)
  const pageSize = ref(initialPageSize)
  const settled = useDebounced(() => query.value.trim(), 250)
  const active = computed(() => settled.value.length >= MIN_QUERY_LENGTH)
  // Too short: no request, no results (and an answer still on its way is dropped).
  const state = useAsync(
    (signal) =>
      active.value
        ? registryApi.search({ q: settled.value, page: page.value, page_size: pageSize.value }, signal)
        : Promise.resolve(null),
    false,
  )
  const refresh = () => void state.run()
  watch(settled, () => {
    if (page.value === 1) refresh()
    else page.value = 1 // the page watcher searches
  })
  watch([page, pageSize], refresh)
  void refresh()

  /** True while typing has not reached the server yet, or its answer is awaited. */
  const pending = computed(() => state.loading.value || query.value.trim() !== settled.value)
  return { ...state, page, pageSize, settled, active, pending, refresh }
}
