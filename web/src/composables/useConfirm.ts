import { computed, ref, shallowRef } from 'vue'

export interface Question {
  title: string
  message: string
  confirmLabel: string
  /** Asks also for a written reason (at least `reasonMinLength` characters) passed to `action`. */
  reasonLabel?: string
  reasonMinLength?: number
  /** Runs when the user confirms; the dialog stays open (with the error) if it fails. */
  action: (reason: string) => Promise<void>
}

/** State of one ConfirmDialog: `ask` opens it; bind `dialog` and the two handlers. */
export function useConfirm() {
  const question = shallowRef<Question | null>(null)
  const busy = ref(false)
  const error = shallowRef<unknown>(null)
  let returnFocus: HTMLElement | null = null

  function ask(next: Question) {
    returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null
    error.value = null
    question.value = next
  }

  function close() {
    question.value = null
    // Back to the button that opened the dialog (or the page heading when it is gone).
    const target = returnFocus?.isConnected ? returnFocus : document.querySelector<HTMLElement>('#main h1')
    target?.focus()
  }

  async function confirm(reason = '') {
    const current = question.value
    if (!current || busy.value) return
    busy.value = true
    error.value = null
    try {
      await current.action(reason)
      close()
    } catch (e) {
      error.value = e
    } finally {
      busy.value = false
    }
  }

  function cancel() {
    if (!busy.value) close()
  }

  const dialog = computed(() => ({
    open: question.value !== null,
    title: question.value?.title ?? '',
    message: question.value?.message ?? '',
    confirmLabel: question.value?.confirmLabel ?? '',
    reasonLabel: question.value?.reasonLabel,
    reasonMinLength: question.value?.reasonMinLength,
    busy: busy.value,
    error: error.value,
  }))

  return { ask, confirm, cancel, dialog }
}
