import { getCurrentScope, onScopeDispose, ref, watch, type Ref } from 'vue'

/**
 * A copy of `source` that follows it only after it stayed unchanged for `ms` milliseconds
 * (e.g. a search box: ask the server when the user pauses typing, not at every key).
 */
export function useDebounced<T>(source: () => T, ms = 250): Ref<T> {
  const value = ref(source()) as Ref<T>
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(
    source,
    (next) => {
      clearTimeout(timer)
      timer = setTimeout(() => (value.value = next), ms)
    },
    { deep: true },
  )
  if (getCurrentScope()) onScopeDispose(() => clearTimeout(timer))
  return value
}
