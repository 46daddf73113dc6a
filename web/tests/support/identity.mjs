// Signing in for the browser tests: the login API called from node (with TOTP codes computed
// here), handing the session cookie to a browser context, and a stand-in session for tests of
// the app frame that are not about identity.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
 * Where an enrolment is kept for the later test files of the same server (the files run one
 * after another, each in its own process): the secret, the last time step used and the recovery
 * codes not handed out yet.
 */
function enrolmentFile(username) {
  const server = createHash('sha256').update(BASE_URL).digest('hex').slice(0, 16)
  return join(tmpdir(), `atbalsts-e2e-${server}-${username}.json`)
}

function savedEnrolment(username) {
  try {
    return JSON.parse(readFileSync(enrolmentFile(username), 'utf8'))
  } catch {
    return null
  }
}

/**
 * Signs a demo user in for the first time: enrols her authenticator and returns the secret and
 * recovery codes, which the calling file keeps for its later logins. When an earlier test file
 * of this server run already enrolled her (e.g. casewalk.test.mjs walks a case as `anna` and
 * `ilze` before their own files run), signs in with the saved secret instead and hands this file
 * the recovery codes set aside — all of them, or only `keepCodes` when given (0 for a file that
 * needs none), leaving the rest for the files after it. A first enrolment keeps `keepCodes`
 * (default 5) for this file and sets the rest aside.
 */
export async function enrolUser(username, password = DEMO_PASSWORD, { keepCodes } = {}) {
  const client = new ApiClient()
  const stage = await client.login(username, password)
  const saved = stage === 'totp' ? savedEnrolment(username) : null
  if (saved) {
    const { session, step } = await client.secondStep({ secret: saved.secret, lastStep: saved.step })
    const take = keepCodes ?? saved.recoveryCodes.length
    const mine = saved.recoveryCodes.slice(0, take)
    writeFileSync(enrolmentFile(username), JSON.stringify({ ...saved, step, recoveryCodes: saved.recoveryCodes.slice(take) }))
    return { client, secret: saved.secret, recoveryCodes: mine, step, user: session.user }
  }
  assert.equal(stage, 'enroll', `${username} should not have an authenticator yet (fresh server?)`)
  const enrolled = await client.enrol()
  // This file uses its codes from the front (`keepCodes` of them); the rest go to a later file.
  const later = enrolled.recoveryCodes.slice(keepCodes ?? 5)
  writeFileSync(enrolmentFile(username), JSON.stringify({ secret: enrolled.secret, step: enrolled.step, recoveryCodes: later }))
  return { client, ...enrolled }
}

/**
 * Leaves an enrolment made by a file itself (e.g. admin.test.mjs enrols `admin` through the login
 * page) for the later files of the same server run: its secret, last time step and the recovery
 * codes the file did not use.
 */
export function saveEnrolment(username, { secret, step, recoveryCodes }) {
  writeFileSync(enrolmentFile(username), JSON.stringify({ secret, step, recoveryCodes }))
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
  // The header's notification bell and a worker's home ask for these on every signed-in page.
  await page.route(
    (address) => address.pathname === '/api/v1/notifications',
    (route) => route.fulfill({ json: { items: [], total: 0, unread: 0, page: 1, page_size: 1 } }),
  )
  await page.route('**/api/v1/my/work', (route) =>
    route.fulfill({ json: { tasks: [], reviews: [], caseload: { active: 0, limit: 30, over: false } } }),
  )
  return session
}
