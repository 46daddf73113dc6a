import { ref } from 'vue'
import { intakesApi } from '../../cases/intakes-api'

// The number of the signed-in user's unread notifications, shared by the bell in the header
// and the notifications page (which refreshes it after marking one read).
const unread = ref<number | null>(null)
let pending: Promise<void> | null = null

/** Loads the count again (a failure keeps the last known count: the bell is not the place for errors). */
function refreshUnread(): Promise<void> {
  pending ??= intakesApi
    .notifications({ page: 1, page_size: 1, unread: 1 })
    .then((answer) => {
      unread.value = answer.unread ?? answer.total
    })
    .catch(() => {})
    .finally(() => (pending = null))
  return pending
}

export function useUnread() {
  return { unread, refreshUnread, setUnread: (n: number) => (unread.value = n) }
}
