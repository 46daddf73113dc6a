import { shallowRef } from 'vue'

/**
 * An application failure (not an API error): a page's code could not be loaded or a component
 * threw. While set, App.vue shows the error page; the next successful navigation clears it.
 */
export const appError = shallowRef<unknown>(null)

export function reportAppError(error: unknown): void {
  appError.value = error
  console.error('[atbalsts] application error', error)
}

export function clearAppError(): void {
  appError.value = null
}
