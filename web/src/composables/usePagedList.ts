import { ref, watch, type WatchSource } from 'vue'
import type { Page } from '../identity-api'
import { useAsync } from './useAsync'

/**
 * A list paged on the server: bind `page` and `pageSize` to PagedTable / AppTable (v-model) and
 * `data.total`. It loads again when the page, the page size or one of `also` (filters) changes.
 */
export function usePagedList<T>(
  load: (query: { page: number; page_size: number }, signal: AbortSignal) => Promise<Page<T>>,
  size = 20,
  also: WatchSource[] = [],
) {
  const page = ref(1)
  const pageSize = ref(size)
  const state = useAsync((signal) => load({ page: page.value, page_size: pageSize.value }, signal))
  watch([page, pageSize, ...also], () => void state.run())
  return { ...state, page, pageSize }
}
