// Signing in for the browser tests: the login API called from node (with TOTP codes computed
// here), handing the session cookie to a browser context, and a stand-in session for tests of
// the app frame that are not about identity.
import assert from 'node:assert/strict'
import { BASE_URL, url } from './browser.mjs'
import { freshCode } from './totp.mjs'

export const DEMO_PASSWORD = 'Demo-Atbalsts-2026'
const COOKIE = 'atbalsts_session'

/** A node-side API client holding one session cookie and its CSRF token. */
export class ApiClient {
  cookie = ''
  csrf = ''

  async request(method, path, body) {
    const headers = { Accept: 'application/json', 'Accept-Language': 'lv' }
    if (this.cookie) headers.Cookie = `${COOKIE}=${this.cookie}`
    if (method !== 'GET' && this.csrf) headers['X-CSRF-Token'] = this.csrf
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const response = await fetch(url(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const setCookie = response.headers.get('set-cookie') ?? ''
    const match = new RegExp(`${COOKIE}=([^;]*)`).exec(setCookie)
    if (match) this.cookie = match[1]
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null }
  }

  async expect(method, path, body, status = 200) {
    const answer = await this.request(method, path, body)
    assert.equal(answer.status, status, `${method} ${path}: ${JSON.stringify(answer.body)}`)
    return answer.body
  }

  /** Password step; then reads the half-way session for its CSRF token. Returns the stage. */
  async login(username, password = DEMO_PASSWORD) {
    const { stage } = await this.expect('POST', '/api/v1/session', { username, password })
    const session = await this.expect('GET', '/api/v1/session')
    this.csrf = session.csrf_token ?? ''
    return stage
  }

  /** Second step with a TOTP code (waiting for a fresh time step) or a recovery code. */
  async secondStep({ secret, lastStep = -1, recoveryCode }) {
    let step = lastStep
    let body = { recovery_code: recoveryCode }
    if (!recoveryCode) {
      const fresh = await freshCode(secret, lastStep)
      step = fresh.step
      body = { code: fresh.code }
    }
    const session = await this.expect('POST', '/api/v1/session/totp', body)
    this.csrf = session.csrf_token
    return { session, step }
  }

  /** Enrols the signed-in user's authenticator: returns the secret, recovery codes and step used. */
  async enrol() {
    const { secret, qr_svg: qr } = await this.expect('POST', '/api/v1/session/enrollment', {})
    assert.match(qr, /<svg/)
    const { code, step } = await freshCode(secret)
    const session = await this.expect('POST', '/api/v1/session/enrollment/confirm', { code })
    this.csrf = session.csrf_token
    assert.equal(session.recovery_codes.length, 10)
    return { secret, recoveryCodes: [...session.recovery_codes], step, user: session.user }
  }
}

/**
 * Signs a demo user in for the first time (the user must not be enrolled yet: every user is
 * enrolled by exactly one test file, which keeps what this returns for its later logins).
 */
export async function enrolUser(username, password = DEMO_PASSWORD) {
  const client = new ApiClient()
  const stage = await client.login(username, password)
  assert.equal(stage, 'enroll', `${username} should not have an authenticator yet (fresh server?)`)
  return { client, ...(await client.enrol()) }
}

/** A new session of an enrolled user, signed in with one of her recovery codes (used up here). */
export async function loginWithRecoveryCode(username, recoveryCodes) {
  const client = new ApiClient()
  assert.equal(await client.login(username), 'totp')
  const recoveryCode = recoveryCodes.shift()
  assert.ok(recoveryCode, 'no recovery code left')
  await client.secondStep({ recoveryCode })
  return client
}

/** Gives the browser context the client's session (the cookie the browser would have got). */
export async function useSessionIn(context, client) {
  await context.addCookies([
    { name: COOKIE, value: client.cookie, url: BASE_URL, httpOnly: true, sameSite: 'Strict' },
  ])
}

/** Fills in and sends the first step of the login form (Latvian labels). */
export async function submitPassword(page, username, password = DEMO_PASSWORD) {
  await page.getByLabel('Lietotājvārds').fill(username)
  await page.getByLabel('Parole').fill(password)
  await page.getByRole('button', { name: 'Pieteikties' }).click()
}

/** Answers GET /api/v1/session in the page with a signed-in stand-in user (frame tests). */
export async function fakeSession(page, user = {}) {
  const session = {
    stage: 'complete',
    csrf_token: 'test-token',
    expires_at: new Date(Date.now() + 3600_000).toISOString(),
    idle_timeout_seconds: 1800,
    user: { id: 999, username: 'tests', full_name: 'Testa Lietotāja', roles: ['social_worker'], teams: [], municipality_id: 1, ...user },
  }
  await page.route('**/api/v1/session', (route) =>
    route.request().method() === 'GET' ? route.fulfill({ json: session }) : route.fallback(),
  )
  return session
}
