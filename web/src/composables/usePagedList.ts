import { ref, watch } from 'vue'
import type { Page } from '../identity-api'
import { useAsync } from './useAsync'

/** A list paged on the server: bind `page` and `pageSize` to AppTable (v-model) and `data.total`. */
export function usePagedList<T>(load: (query: { page: number; page_size: number }, signal: AbortSignal) => Promise<Page<T>>, size = 20) {
  const page = ref(1)
  const pageSize = ref(size)
  const state = useAsync((signal) => load({ page: page.value, page_size: pageSize.value }, signal))
  watch([page, pageSize], () => void state.run())
  return { ...state, page, pageSize }
}
