// Helpers of the client-registry browser tests: valid Latvian personal codes (the rule of
// /work/shared/domain/latvia.md, written again here so that the tests do not trust the app's
// copy), the demo persons of `atbalsts demo`, and a browser page signed in with a client's session.
import { withPage } from './browser.mjs'
import { useSessionIn } from './identity.mjs'

const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** The old-format check digit of the first ten digits. */
export function checkDigit(first10) {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first10[i]), 0)
  return ((1101 - sum) % 11) % 10
}

/** The old-format code DDMMYY-CNNNZ of a birth date (YYYY-MM-DD) and a serial (0–999). */
export function oldCode(birthDate, serial) {
  const [year, month, day] = birthDate.split('-')
  const first10 = `${day}${month}${year.slice(2)}${Number(year.slice(0, 2)) - 18}${String(serial).padStart(3, '0')}`
  return `${first10.slice(0, 6)}-${first10.slice(6)}${checkDigit(first10)}`
}

/** The same code with a wrong check digit. */
export function wrongCheckDigit(code) {
  const last = Number(code.at(-1))
  return `${code.slice(0, -1)}${(last + 1) % 10}`
}

/** Demo persons (src/app/demo_persons.cpp). */
export const DEMO = {
  anna: { given: 'Anna', surname: 'Bērziņa', birth: '1990-01-01', code: oldCode('1990-01-01', 123) },
  peteris: { given: 'Pēteris', surname: 'Ozols', birth: '1958-11-02', code: oldCode('1958-11-02', 215) },
}

/** Runs `body` with a fresh page whose browser has the session of `client` (an ApiClient). */
export function withClientPage(browser, client, body, options) {
  return withPage(
    browser,
    async (session) => {
      await useSessionIn(session.context, client)
      await body({ ...session, client })
    },
    options,
  )
}

/** The id of the first in-scope person a search finds (through the API). */
export async function findPersonId(client, q, predicate = () => true) {
  const page = await client.expect('GET', `/api/v1/persons?q=${encodeURIComponent(q)}`)
  const hit = page.items.find((item) => item.in_scope && predicate(item))
  if (!hit) throw new Error(`no in-scope person for "${q}": ${JSON.stringify(page.items)}`)
  return hit.id
}
