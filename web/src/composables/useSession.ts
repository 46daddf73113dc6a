import { computed, ref, shallowRef } from 'vue'
import { ApiError, setCsrfToken } from '../api'
import { identityApi, type Session } from '../identity-api'

/**
 * The signed-in user's session, shared by the whole app.
 * `session` is null when nobody is signed in; a half-way login has stage `totp` or `enroll`.
 */
const session = shallowRef<Session | null>(null)
const loaded = ref(false)
const loadError = shallowRef<unknown>(null)
let pending: Promise<void> | null = null

function apply(next: Session | null): void {
  session.value = next
  loaded.value = true
  // A half-way session may carry a token too: the login steps need it.
  if (next?.csrf_token) setCsrfToken(next.csrf_token)
  else if (!next) setCsrfToken(null)
}

/** Loads GET /api/v1/session again (401 = nobody signed in). */
async function reload(): Promise<void> {
  try {
    apply(await identityApi.session())
    loadError.value = null
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      apply(null)
      loadError.value = null
    } else {
      loadError.value = e
      loaded.value = true
    }
  }
}

/** Loads the session once; later calls wait for the same load. */
function ensureLoaded(): Promise<void> {
  if (loaded.value) return Promise.resolve()
  pending ??= reload().finally(() => (pending = null))
  return pending
}

/** Ends the session on the server (best effort) and forgets it here. */
async function logout(): Promise<void> {
  try {
    await identityApi.logout()
  } finally {
    apply(null)
  }
}

const user = computed(() => (session.value?.stage === 'complete' ? (session.value.user ?? null) : null))
const signedIn = computed(() => user.value !== null)
const roles = computed(() => user.value?.roles ?? [])

function hasAnyRole(wanted: readonly string[]): boolean {
  return wanted.some((role) => roles.value.includes(role))
}

export function useSession() {
  return {
    session,
    user,
    signedIn,
    roles,
    loaded,
    loadError,
    hasAnyRole,
    ensureLoaded,
    reload,
    /** Takes a session JSON answer (login steps) as the current session. */
    setSession: (next: Session | null) => apply(next),
    logout,
  }
}
