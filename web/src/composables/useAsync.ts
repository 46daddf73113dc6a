import { ref, shallowRef, watch, onScopeDispose, getCurrentScope, type Ref, type ShallowRef } from 'vue'
import { i18n } from '../i18n'

export interface AsyncState<T> {
  data: ShallowRef<T | null>
  error: ShallowRef<unknown>
  loading: Ref<boolean>
  /** Loads (again); an earlier load still running is cancelled. */
  run: () => Promise<void>
}

/**
 * Loading / error / data state for one asynchronous load.
 * When the language changes while an error is shown, the load is repeated so that the
 * server's problem text (sent in the Accept-Language language) follows the UI language.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, immediate = true): AsyncState<T> {
  const data = shallowRef<T | null>(null)
  const error = shallowRef<unknown>(null)
  const loading = ref(false)
  let controller: AbortController | null = null

  async function run(): Promise<void> {
    controller?.abort()
    const mine = new AbortController()
    controller = mine
    loading.value = true
    try {
      const result = await load(mine.signal)
      if (mine.signal.aborted) return
      data.value = result
      error.value = null
    } catch (e) {
      if (mine.signal.aborted) return
      error.value = e
    } finally {
      if (controller === mine) {
        loading.value = false
        controller = null
      }
    }
  }

  // Stopped together with the owning component or effect scope.
  watch(i18n.global.locale, () => {
    if (error.value) void run()
  })
  if (getCurrentScope()) onScopeDispose(() => controller?.abort())
  if (immediate) void run()
  return { data, error, loading, run }
}
