// Helpers of the social assistance browser tests: the benefits officer who owns them, money
// and months as the tests compute them (by hand, not with the app's code), problem answers, and
// a granted benefit due for re-evaluation made through the API.
import assert from 'node:assert/strict'
import { enrolUser, DEMO_PASSWORD } from './identity.mjs'
import { url } from './browser.mjs'

/**
 * The demo benefits officer these tests own (team `benefits` of the assistance department).
 * `laura` is owned by registry-import.test.mjs, so this file needs a benefits officer of its own.
 */
export const OFFICER = 'zane'

/** Enrols the officer; a clear message when the demo data has no such user. */
export async function enrolOfficer() {
  const probe = await fetch(url('/api/v1/session'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username: OFFICER, password: DEMO_PASSWORD }),
  })
  assert.equal(
    probe.status,
    200,
    `demo user "${OFFICER}" (benefits_officer, team benefits, demo password) is needed by assistance.test.mjs`,
  )
  return enrolUser(OFFICER)
}

/** Text with every kind of space (the no-break spaces of number formats) as one plain space. */
export const norm = (text) => (text ?? '').replace(/\s+/g, ' ').trim()

/** `YYYY-MM` n months after `month`. */
export function addMonths(month, n) {
  const [year, m] = month.split('-').map(Number)
  const index = year * 12 + (m - 1) + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** A problem+json answer for page.route. */
export const problem = (status, title, extra = {}) => ({
  status,
  contentType: 'application/problem+json',
  body: JSON.stringify({ type: 'about:blank', title, status, errors: [], ...extra }),
})

/** Is `path` (of a response, console message or failed request) one of the expected failures? */
export const expectedFailure = (patterns) => (text) => patterns.some((pattern) => pattern.test(text))

/** The current month in Riga, `YYYY-MM`. */
export const currentMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date()).slice(0, 7)

/**
 * A one-off benefit (the demo catalogue's `crisis`) applied for last month, declared without
 * income, submitted and granted through the API: its period is this month, so it ends within
 * 30 days (due for re-evaluation). Returns the application and the decision.
 */
export async function grantEndingThisMonth(client, { householdId, applicantId }) {
  const base = '/api/v1/assistance/applications'
  const body = { household_id: householdId, applicant_id: applicantId, kind: 'crisis', application_month: addMonths(currentMonth(), -1) }
  let application = await client.expect('POST', base, body, 201)
  const incomes = application.members.flatMap((member) =>
    application.period_months.map((month) => ({ person_id: member.person_id, month, kind: 'wages', amount: 0 })),
  )
  application = await client.expect('PATCH', `${base}/${application.id}`, { version: application.version, incomes })
  application = await client.expect('POST', `${base}/${application.id}/submit`, { version: application.version })
  const decision = await client.expect('POST', `${base}/${application.id}/decision`, { version: application.version }, 201)
  assert.equal(decision.outcome, 'granted', JSON.stringify(decision))
  return { application, decision }
}
